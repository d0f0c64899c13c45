// SPEC §2: the package works with Vite and webpack 5 without plugins (and
// esbuild, with the wasm copied beside the bundle), imported or (webpack)
// require()d. Each
// bundles tests/bundlers/main.js (an ordinary app importing
// 'front-link-wasm', installed by npm from the `npm pack` tarball of pkg/
// into a fresh app: what the registry would serve), the bundle is served on
// its own origin, and a real session against the Link stand-in reaches
// onEvent(pageLoaded).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, root, startBrowser, stopBrowser, tokenFor } from '../support/harness.mjs';
import { freshApp } from '../support/packed.mjs';
import { inside, serveFiles } from '../../../scripts/serve.mjs';

const app = join(artifacts, 'bundlers', 'app');
let servers;
let browser;
before(async () => {
  freshApp(app, join(root, 'tests', 'bundlers'));
  ({ servers, browser } = await startBrowser());
});
after(() => stopBrowser({ servers, browser }));

async function runBundle(dist) {
  const server = await serveFiles({ route: (p) => inside(dist, p === '/' ? '/index.html' : p) });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.bundleReady === true);
    const script = Buffer.from(JSON.stringify([{ type: 'loaded' }])).toString('base64');
    const result = await page.evaluate((t) => window.run(t), tokenFor(`${servers.link}/pages/link.html?script=${encodeURIComponent(script)}`));
    assert.equal(result, 'pageLoaded true');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await new Promise((r) => server.close(r));
  }
}

test('Vite', async () => {
  const { build } = await import('vite');
  const dist = join(artifacts, 'bundlers', 'vite');
  rmSync(dist, { recursive: true, force: true });
  await build({ root: app, logLevel: 'error', configFile: false, build: { outDir: dist, emptyOutDir: true } });
  await runBundle(dist);
});

async function webpackBundle(entry, name) {
  const webpack = (await import('webpack')).default;
  const dist = join(artifacts, 'bundlers', name);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: 'production', context: app, entry: join(app, entry), output: { path: dist, filename: 'main.js', publicPath: 'auto' } }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  copyFileSync(join(app, 'index.html'), join(dist, 'index.html'));
  await runBundle(dist);
}

test('webpack 5', () => webpackBundle('main.js', 'webpack'));

// A CommonJS app: `require` picks index.cjs, whose import() of the package webpack splits into a chunk.
test('webpack 5, an app that require()s the package', () => webpackBundle('main.cjs', 'webpack-require'));

// esbuild hides warnings about files in node_modules, so that its silence
// here proves little: package.test.mjs checks the glue itself.
test('esbuild', async () => {
  const { build } = await import('esbuild');
  const dist = join(artifacts, 'bundlers', 'esbuild');
  rmSync(dist, { recursive: true, force: true });
  const result = await build({ absWorkingDir: app, entryPoints: ['main.js'], bundle: true, format: 'esm', minify: true, outdir: dist, logLevel: 'silent' });
  assert.deepEqual(
    result.warnings.map((w) => w.text),
    [],
  );
  // esbuild leaves `new URL(…, import.meta.url)` alone: the app copies the wasm beside its bundle.
  copyFileSync(join(app, 'node_modules', 'front-link-wasm', 'front_link_wasm_bg.wasm'), join(dist, 'front_link_wasm_bg.wasm'));
  copyFileSync(join(app, 'index.html'), join(dist, 'index.html'));
  await runBundle(dist);
});
