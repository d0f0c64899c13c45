// Every engine users have: the cases of engines/cases.mjs, each
// written once, run in Chromium, Firefox and WebKit with real frames on
// separate origins and real postMessage. FRONT_LINK_ENGINES=firefox,webkit
// picks engines when run alone; `npm test` runs all three.
//
// An engine that cannot run a case is listed in EXCEPTIONS with its reason
// and shows as skipped, by name, in the report: nothing is left out silently.
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { artifacts, root, startServers } from '../support/harness.mjs';
import { bundleComlink } from '../support/upstreams.mjs';
import { freshApp } from '../support/packed.mjs';
import { inside, serveFiles } from '../../../scripts/serve.mjs';
import { ENGINES, launchEngine } from './driver.mjs';
import { APIS, perFace, single } from './cases.mjs';

/** engine → case name → why it cannot run there. */
export const EXCEPTIONS = { chromium: {}, firefox: {}, webkit: {} };

const chosen = (process.env.FRONT_LINK_ENGINES ?? ENGINES.join(',')).split(',');
let servers;
let react;

before(async () => {
  servers = await startServers();
  await bundleComlink();
  // The React app of react.test.mjs, installed from the tarball, as a
  // development build (where <StrictMode> mounts every component twice).
  const app = join(artifacts, 'react-app-engines');
  freshApp(app, join(root, 'tests', 'react-app'));
  const dist = join(artifacts, 'react-app-dist', 'engines');
  rmSync(dist, { recursive: true, force: true });
  const { build } = await import('vite');
  await build({ root: app, mode: 'development', logLevel: 'error', configFile: false, define: { 'process.env.NODE_ENV': '"development"' }, build: { outDir: dist, emptyOutDir: true, minify: false } });
  const server = await serveFiles({ route: (p) => inside(dist, p === '/' ? '/index.html' : p) });
  react = { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
});

after(async () => {
  await react?.close();
  await servers?.close();
});

const cases = [...APIS.flatMap((api) => Object.entries(perFace).map(([name, run]) => [`${api.create}: ${name}`, (ctx) => run({ ...ctx, api })])), ...Object.entries(single)];

for (const name of chosen) {
  describe(name, () => {
    let engine;
    const pages = [];
    before(async () => {
      const launched = await launchEngine(name);
      // Pages a case opened are closed after it, whatever happened.
      engine = { ...launched, newPage: async (viewport) => (pages.push(await launched.newPage(viewport)), pages.at(-1)) };
    });
    after(() => engine?.close());

    for (const [title, run] of cases) {
      const reason = EXCEPTIONS[name]?.[title];
      test(title, { skip: reason ?? false }, async () => {
        try {
          await run({ engine, servers, reactApp: react.url });
        } finally {
          await Promise.all(pages.splice(0).map((p) => p.close().catch((e) => console.error(`closing a page: ${e.message}`))));
        }
      });
    }
  });
}
