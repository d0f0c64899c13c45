// Next.js stays working: examples/nextjs, a Next.js 16
// App Router app whose client component uses useLink from
// front-link-wasm/react, is built once by Turbopack (Next's default) and
// once by webpack (`next build --webpack`), served by `next start`, and
// connects through the local Mesh simulator in Chromium.
//
// The app is copied to a temp dir, `front-link-wasm` written into its
// package.json as the `npm pack` tarball of pkg/ (FRONT_LINK_TARBALL under
// `npm test`, else packed here: tests/js/packed.mjs), and installed by npm
// from the registry (next, react … at the example's exact versions). Next's
// telemetry is off; the app uses no remote font or image, and the browser may
// reach only the app and the simulator (anything else is aborted and listed).
// Screenshots: test-artifacts/nextjs/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { launch, root, screenshot } from '../support/harness.mjs';
import { tarball } from '../support/packed.mjs';
import { startSimulator } from '../../../sim/server.mjs';
import { freePort } from '../../../scripts/serve.mjs';

const example = join(root, 'examples', 'nextjs');
const BUILDS = [
  { name: 'Turbopack', args: [], banner: /Next\.js 16\.\d+\.\d+ \(Turbopack\)/ },
  { name: 'webpack', args: ['--webpack'], banner: /Next\.js 16\.\d+\.\d+ \(webpack\)/ },
];
// A made-up secret: no answer the browser receives may contain it.
const CLIENT_ID = 'nextjs-client-id';
const CLIENT_SECRET = `nextjs-secret-${randomUUID()}`;
/** The Link UI's events of the connect flow, in order, as onEvent reports them. */
const EVENTS = ['pageLoaded', 'integrationSelected', 'credentialsEntered', 'integrationMfaRequired', 'integrationMfaEntered', 'integrationAccountSelectionRequired', 'integrationConnected'];

/** React's hydration reports: a development build's words, a production build's error codes. */
const aboutHydration = (message) => /hydrat|react\.dev\/errors\/(418|423|425)\b|React error #(418|423|425)\b/i.test(message);

let app;
let sim;
let browser;

const nextBin = () => join(app, 'node_modules', 'next', 'dist', 'bin', 'next');
const nextEnv = (extra = {}) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...extra });

/** Files under `dir` (relative paths). */
function walk(dir, out = [], base = dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out, base);
    else out.push(relative(base, path));
  }
  return out;
}

/** `next start` on a free port of 127.0.0.1, the app's server talking to the simulator; resolves once it answers. */
async function nextStart() {
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin(), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: app,
    env: nextEnv({ MESH_API_URL: sim.origin, MESH_CLIENT_ID: CLIENT_ID, MESH_CLIENT_SECRET: CLIENT_SECRET }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopped with whatever it started
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${origin}/`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, stop, output: () => output };
}

/** Waits for the overlay to go after a click that ends the session (see demo.test.mjs: the click removes the frame under the pointer). */
async function clickToClose(page, target) {
  const clicking = target.click({ noWaitAfter: true }).catch(() => {});
  await page.waitForSelector('#mesh-link-popup', { state: 'detached' });
  await Promise.race([clicking, new Promise((resolve) => setTimeout(resolve, 250))]);
}

before(
  () => {
    app = mkdtempSync(join(tmpdir(), 'front-link-nextjs-'));
    // The example as committed, without anything a local run left in it.
    cpSync(example, app, { recursive: true, filter: (src) => !/[/\\](node_modules|\.next|next-env\.d\.ts|package-lock\.json)$/.test(src) });
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    manifest.dependencies['front-link-wasm'] = `file:${tarball()}`;
    writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    // From the npm registry (the local cache first). No install scripts: next
    // needs none, and sharp's (an optional dependency for next/image) is not used.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
    const installed = join(app, 'node_modules', 'front-link-wasm');
    assert.ok(!lstatSync(installed).isSymbolicLink(), `${installed} is a link, not an installed copy`);
    assert.ok(existsSync(join(installed, 'front_link_wasm_bg.wasm')));
  },
  { timeout: 240_000 },
);

before(async () => {
  sim = await startSimulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await sim?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('examples/nextjs: a Next.js 16 App Router app on useLink, installed from the tarball', () => {
  test('the example installs Next 16 and the React the project pins', () => {
    const version = (name) => JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')).version;
    assert.match(version('next'), /^16\./);
    const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
    assert.equal(version('react'), pinned.react);
    assert.equal(version('react-dom'), pinned['react-dom']);
    // The committed manifest names no local path: the test adds the package.
    const committed = JSON.parse(readFileSync(join(example, 'package.json'), 'utf8'));
    assert.equal(committed.dependencies['front-link-wasm'], undefined);
    for (const range of Object.values({ ...committed.dependencies, ...committed.devDependencies })) assert.match(range, /^\d+\.\d+\.\d+$/, 'exact versions');
  });

  for (const build of BUILDS) {
    test(`next build${build.args.map((a) => ` ${a}`).join('')} (${build.name}), next start: connect through the simulator in Chromium, no hydration warning`, { timeout: 300_000 }, async () => {
      // --- build -----------------------------------------------------------
      rmSync(join(app, '.next'), { recursive: true, force: true });
      const built = spawnSync(process.execPath, [nextBin(), 'build', ...build.args], { cwd: app, env: nextEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const output = `${built.stdout}${built.stderr}`;
      assert.equal(built.status, 0, `next build ${build.args.join(' ')} failed (${built.error ?? built.status}):\n${output}`);
      assert.match(output, build.banner, `built by ${build.name}:\n${output}`);
      assert.doesNotMatch(output, /warn/i, `the build warns:\n${output}`);
      // The bundler emitted the package's wasm as a static asset (from its
      // `new URL('front_link_wasm_bg.wasm', import.meta.url)`).
      const wasm = walk(join(app, '.next', 'static')).filter((f) => f.endsWith('.wasm'));
      assert.equal(wasm.length, 1, `one .wasm in .next/static: ${JSON.stringify(wasm)}`);
      assert.deepEqual(readFileSync(join(app, '.next', 'static', wasm[0])), readFileSync(join(app, 'node_modules', 'front-link-wasm', 'front_link_wasm_bg.wasm')), 'the package’s wasm, unchanged');

      // --- serve and connect -----------------------------------------------
      const server = await nextStart();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const seen = { errors: [], console: [], foreign: [], wasm: [], bodies: [] };
        page.on('pageerror', (e) => seen.errors.push(String(e)));
        page.on('console', (m) => ['error', 'warning'].includes(m.type()) && seen.console.push(`${m.type()}: ${m.text()} ${m.location()?.url ?? ''}`));
        const local = (url) => !/^https?:/.test(url.href) || url.origin === server.origin || url.origin === sim.origin;
        await context.route(
          (url) => !local(url),
          (route) => {
            seen.foreign.push(route.request().url());
            return route.abort();
          },
        );
        page.on('response', (r) => {
          if (r.url().endsWith('.wasm')) seen.wasm.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
          seen.bodies.push(
            r.body().then(
              (b) => JSON.stringify(r.headers()) + b.toString('latin1'),
              () => '',
            ),
          );
        });
        // The server-rendered nodes, taken before React hydrates: a
        // hydration mismatch makes React throw them away and render anew.
        await page.addInitScript(() => {
          document.addEventListener('DOMContentLoaded', () => {
            window.serverNodes = { h1: document.querySelector('h1'), connect: document.getElementById('connect') };
          });
        });

        const response = await page.goto(`${server.origin}/`);
        const html = await response.text();
        assert.match(html, /<h1>Connect an account<\/h1>/, 'the heading is server-rendered');
        assert.match(html, /<button id="connect" type="button" disabled="">Connect<\/button>/, 'the client component is server-rendered, not ready');
        assert.match(html, /No account connected yet\./);
        assert.ok(!html.includes(CLIENT_SECRET));

        // Hydrated, and the wasm loaded: the hook says ready, the button is enabled.
        await page.waitForSelector('#connect:not([disabled])', { timeout: 30_000 });
        // No hydration mismatch: React kept the server-rendered DOM and said
        // nothing (a production build reports a mismatch as an uncaught
        // "Minified React error #418": a page error).
        const kept = await page.evaluate(() => ({ h1: document.querySelector('h1') === window.serverNodes?.h1, connect: document.getElementById('connect') === window.serverNodes?.connect }));
        assert.deepEqual(
          { kept, messages: [...seen.console, ...seen.errors].filter(aboutHydration), errors: seen.errors },
          { kept: { h1: true, connect: true }, messages: [], errors: [] },
          'hydration',
        );
        assert.equal(seen.wasm.length, 1, JSON.stringify(seen.wasm));
        assert.match(seen.wasm[0].url, new RegExp(`^${server.origin}/_next/static/.+\\.wasm$`));
        assert.equal(seen.wasm[0].status, 200);
        assert.equal(seen.wasm[0].type, 'application/wasm');
        assert.equal(await page.locator('#mesh-link-prewarm-container').count(), 0, 'no prewarm frame against the simulator');

        // catalog → credentials → MFA → account selection → connected.
        await page.click('#connect');
        // The app's token route answered with a token (else the page says why).
        await page.waitForSelector('#mesh-link-popup, #problem');
        const problem = await page.locator('#problem').allTextContents();
        assert.deepEqual(problem, [], 'POST /api/linktoken gave no link token');
        const ui = page.frameLocator(`#mesh-link-popup__iframe[src^="${sim.origin}/link/"]`);
        await ui.locator('[data-integration=robinhood]').click();
        await ui.locator('#username').fill('alice');
        await ui.locator('#password').fill('pw');
        await ui.locator('button[type=submit]').click();
        await ui.locator('#mfa').fill('123456');
        await ui.locator('button[type=submit]').click();
        await ui.locator('input[name=account][value="7QX2LL9"]').check();
        await ui.getByRole('button', { name: 'Connect' }).click();
        await ui.getByRole('button', { name: 'Done' }).waitFor();
        await clickToClose(page, ui.getByRole('button', { name: 'Done' }));

        await page.waitForSelector('#exit');
        assert.deepEqual(await page.$$eval('#accounts li', (els) => els.map((e) => e.textContent)), ['Robinhood · Margin account', 'Robinhood · Roth IRA']);
        assert.equal(await page.textContent('#exit'), 'Closed on integrationConnectedPage');
        assert.deepEqual(await page.$$eval('#events li', (els) => els.map((e) => e.textContent)), EVENTS);
        await screenshot(page, `nextjs/${build.name.toLowerCase()}-connected`);

        const bodies = await Promise.all(seen.bodies);
        assert.ok(!bodies.some((b) => b.includes(CLIENT_SECRET)), 'the client secret reached the browser');
        assert.deepEqual([...seen.console, ...seen.errors].filter(aboutHydration), [], 'hydration warnings');
        assert.deepEqual(
          seen.console.filter((m) => m.startsWith('error:')),
          [],
          'console errors',
        );
        assert.deepEqual(seen.errors, [], 'page errors');
        assert.deepEqual(seen.foreign, [], 'requests to other hosts');
      } finally {
        await context.close();
        await server.stop();
      }
      assert.doesNotMatch(server.output(), /error|warn/i, `next start logged:\n${server.output()}`);
    });
  }
});
