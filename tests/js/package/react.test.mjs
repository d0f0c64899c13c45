// front-link-wasm/react: the hooks' types (tsc on a typical
// component), server rendering in Node, and a React 19 app bundled by Vite
// from the packed package (tests/react-app/, installed from the `npm pack`
// tarball) running the local Mesh simulator's connect flow in Chromium:
// latest callbacks, unmount mid-session, remount, and <StrictMode> in a
// development build (where React mounts, unmounts and remounts every new
// component). Each flow runs once per hook (useLink, useFrontConnection).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, launch, root } from '../support/harness.mjs';
import { freshApp } from '../support/packed.mjs';
import { inside, serveFiles } from '../../../scripts/serve.mjs';
import { startSimulator } from '../../../sim/server.mjs';

const APIS = {
  link: { overlay: 'mesh-link-popup', connected: 'onIntegrationConnected' },
  front: { overlay: 'front-link-popup', connected: 'onBrokerConnected' },
};

test('the main entry has nothing of React', () => {
  for (const file of ['index.js', 'index.d.ts', 'event-keys.js', 'front_link_wasm.js', 'index.cjs', 'loader.cjs', 'event-keys.cjs']) {
    assert.doesNotMatch(readFileSync(join(root, 'pkg', file), 'utf8'), /['"]react['"/]/, file);
  }
  const manifest = JSON.parse(readFileSync(join(root, 'pkg', 'package.json'), 'utf8'));
  assert.deepEqual(manifest.exports['./react'], { import: { types: './react.d.ts', default: './react.js' }, require: { types: './react.d.cts', default: './react.cjs' } });
  assert.deepEqual(manifest.peerDependenciesMeta, { react: { optional: true } });
  assert.ok(manifest.peerDependencies.react);
  assert.equal(manifest.dependencies, undefined);
});

test('tsc compiles a typical component on both hooks and rejects the mistakes (tests/types/react-integration.tsx)', () => {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tests', 'types', 'tsconfig.react.json')], { stdio: 'inherit' });
});

test('server rendering: both hooks render in Node with no DOM, and make no connection', async () => {
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { useFrontConnection, useLink } = await import(join(root, 'pkg', 'react.js'));
  const calls = [];
  function Button() {
    const link = useLink({ onIntegrationConnected: () => calls.push('connected') });
    const front = useFrontConnection({ clientId: 'c', onBrokerConnected: () => calls.push('connected') });
    return createElement('button', null, typeof link.openLink, typeof front.closeLink);
  }
  assert.equal(globalThis.window, undefined);
  assert.equal(renderToString(createElement(Button)), '<button>function<!-- -->function</button>');
  assert.deepEqual(calls, []);
});

describe('a React 19 app bundled by Vite, installed from the tarball, in Chromium', () => {
  let browser;
  let sim;
  const servers = [];
  const builds = {};

  before(async () => {
    const app = join(artifacts, 'react-app');
    freshApp(app, join(root, 'tests', 'react-app'));
    const { build } = await import('vite');
    // production: what ships; development: where <StrictMode> double-mounts.
    for (const mode of ['production', 'development']) {
      const dist = join(artifacts, 'react-app-dist', mode);
      rmSync(dist, { recursive: true, force: true });
      await build({
        root: app,
        mode,
        logLevel: 'error',
        configFile: false,
        define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
        build: { outDir: dist, emptyOutDir: true, minify: mode === 'production' },
      });
      // While `brokenWasm` is set, the wasm answers 404 (a deploy mistake).
      const server = await serveFiles({ route: (p) => (brokenWasm && p.endsWith('.wasm') ? null : inside(dist, p === '/' ? '/index.html' : p)) });
      servers.push(server);
      builds[mode] = `http://127.0.0.1:${server.address().port}/`;
    }
    sim = await startSimulator();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await sim?.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  /** A link token from the simulator, as the app's server would get it. */
  async function linkToken() {
    const response = await fetch(`${sim.origin}/api/v1/linktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-id': sim.clientId, 'x-client-secret': sim.clientSecret },
      body: JSON.stringify({ userId: 'react-user' }),
    });
    assert.equal(response.status, 200);
    return (await response.json()).content.linkToken;
  }

  async function appPage(mode, api, query = '') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    Object.assign(page, { api: APIS[api], errors: [], consoleErrors: [] });
    page.on('pageerror', (e) => page.errors.push(String(e)));
    // favicon.ico: Chromium asks each origin for one; neither server has it.
    page.on('console', (m) => m.type() === 'error' && !/favicon\.ico$/.test(m.location()?.url ?? '') && page.consoleErrors.push(`${m.text()} ${m.location()?.url ?? ''}`));
    await page.exposeFunction('linkToken', linkToken);
    await page.goto(`${builds[mode]}?api=${api}${query}`);
    await page.waitForFunction(() => window.appReady === true && window.setMounted);
    return page;
  }

  let brokenWasm = false;
  const overlay = (page) => `#${page.api.overlay}`;
  const ui = (page) => page.frameLocator(`${overlay(page)}__iframe`);
  const overlayGone = (page) => page.waitForSelector(overlay(page), { state: 'detached' });
  const trace = (page) => page.evaluate(() => window.trace);
  const exits = async (page) => (await trace(page)).filter(([name]) => name === 'onExit');

  /** Waits until the Link UI shows its catalog. */
  const catalog = (page) => ui(page).locator('[data-integration=alpaca]').waitFor();

  /** Alpaca (no MFA) through the simulator's Link UI, up to Done. */
  async function connectAlpaca(page) {
    await ui(page).locator('[data-integration=alpaca]').click();
    await ui(page).locator('#username').fill('alice');
    await ui(page).locator('#password').fill('pw');
    await ui(page).locator('button[type=submit]').click();
    const done = ui(page).getByRole('button', { name: 'Done' });
    await done.waitFor();
    // The click removes the frame under the pointer: wait for that, not the click.
    const clicking = done.click({ noWaitAfter: true }).catch(() => {});
    await overlayGone(page);
    await Promise.race([clicking, new Promise((r) => setTimeout(r, 250))]);
  }

  async function clean(page) {
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.consoleErrors, []);
    assert.ok(!(await trace(page)).some(([name]) => name === 'new handle'), 'the hook returned a new object on a re-render');
    await page.close();
  }

  for (const api of Object.keys(APIS)) {
    describe(api === 'link' ? 'useLink' : 'useFrontConnection', () => {
      test('opened from inside a Radix dialog (modal): ours is on top with focus; a click on our backdrop and Escape stay ours', async () => {
        const page = await appPage('production', api, '&modal');
        await page.click('#connect');
        await catalog(page);
        const state = await page.evaluate((id) => {
          const root = document.getElementById(id);
          const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
          return { top: root.contains(hit), modal: root.matches(':modal'), focus: root.contains(document.activeElement) };
        }, page.api.overlay);
        assert.deepEqual(state, { top: true, modal: true, focus: true });
        // A pointer on our backdrop (Radix's "outside" of its dialog): nothing closes.
        await page.mouse.click(5, 5);
        await page.waitForTimeout(300);
        assert.equal(await page.locator(overlay(page)).count(), 1);
        assert.equal(await page.locator('#app-dialog').count(), 1);
        // Escape, with focus on our dialog: ours closes, the app's stays.
        await page.evaluate((id) => document.getElementById(id).focus(), page.api.overlay);
        await page.keyboard.press('Escape');
        await overlayGone(page);
        assert.equal((await exits(page)).length, 1);
        assert.equal(await page.locator('#app-dialog').count(), 1, "the app's dialog is still open");
        assert.ok(!(await trace(page)).some(([name]) => name === 'app dialog'), 'the app dialog never heard of it');
        await clean(page);
      });

      test('ready: false until the wasm is in, then true (the Connect button is enabled by it); error: why it cannot load, and the next openLink retries', async () => {
        brokenWasm = true;
        try {
          const page = await appPage('production', api);
          await page.waitForFunction(() => document.getElementById('load-error').textContent !== '');
          assert.match(await page.textContent('#load-error'), /^front-link-wasm could not start: .*HTTP 404/);
          assert.equal(await page.textContent('#ready'), 'false');
          assert.equal(await page.isDisabled('#connect'), true);
          // Fixed (a redeploy): an openLink loads again, and the hook follows.
          brokenWasm = false;
          await page.evaluate(async () => window.link.openLink(await window.linkToken()));
          await page.waitForFunction(() => document.getElementById('ready').textContent === 'true');
          assert.equal(await page.textContent('#load-error'), '');
          await catalog(page);
          page.consoleErrors = page.consoleErrors.filter((e) => !/404|could not start/.test(e));
          await clean(page);
        } finally {
          brokenWasm = false;
        }
      });

      test('connect through the simulator with the latest callbacks; unmount mid-session ends it once; remount connects again', async () => {
        const page = await appPage('production', api);
        await page.click('#connect');
        await catalog(page);
        // New props mid-session: the callbacks that run are this render's.
        await page.evaluate(() => window.setNote('second'));
        await page.waitForFunction(() => document.getElementById('note').value === 'second');
        await connectAlpaca(page);
        await page.waitForSelector('#accounts li');
        assert.deepEqual(await page.$$eval('#accounts li', (els) => els.map((e) => e.textContent)), ['Individual']);
        const rows = await trace(page);
        assert.deepEqual(
          rows.filter(([name]) => name !== 'onEvent'),
          [
            [page.api.connected, 'second'],
            ['onExit', null, 'second'],
          ],
        );
        assert.deepEqual(
          rows.filter(([name]) => name === 'onEvent').map(([, type]) => type),
          ['pageLoaded', 'integrationSelected', 'credentialsEntered', 'integrationConnected'],
        );

        // Unmount while a session is open: the overlay goes, onExit fires once.
        await page.evaluate(() => (window.trace = []));
        await page.click('#connect');
        await catalog(page);
        await page.evaluate(() => window.setMounted(false));
        await overlayGone(page);
        await page.waitForFunction(() => !document.getElementById('connect'));
        assert.deepEqual(await exits(page), [['onExit', null, 'second']]);
        assert.equal(await page.locator('iframe').count(), 0);
        await page.waitForTimeout(300);
        assert.equal((await exits(page)).length, 1, 'onExit once');

        // Remount: a new component, a new connection, a new session.
        await page.evaluate(() => {
          window.trace = [];
          window.setMounted(true);
        });
        await page.click('#connect');
        await catalog(page);
        await connectAlpaca(page);
        await page.waitForSelector('#accounts li');
        assert.deepEqual(
          (await trace(page)).filter(([name]) => name !== 'onEvent'),
          [
            [page.api.connected, 'second'],
            ['onExit', null, 'second'],
          ],
        );
        const overlays = await page.evaluate(() => window.overlays);
        assert.deepEqual(overlays, { added: 3, most: 1 });
        await clean(page);
      });

      test('unmounting in the same task as openLink (the open not yet carried out): onExit once, nothing left', async () => {
        const page = await appPage('production', api);
        const token = await linkToken();
        await page.evaluate((t) => {
          window.link.openLink(t);
          window.unmountNow();
        }, token);
        await page.waitForFunction(() => window.trace.some(([name]) => name === 'onExit'));
        await page.waitForTimeout(500);
        assert.deepEqual(await exits(page), [['onExit', null, 'first']]);
        assert.equal(await page.locator(overlay(page)).count(), 0);
        assert.ok((await page.evaluate(() => window.overlays.most)) <= 1);
        await clean(page);
      });

      describe('<StrictMode> (development build)', () => {
        test('one overlay and one onExit per session; the session survives the double mount; unmount and remount', async () => {
          const page = await appPage('development', api, '&strict');
          await page.click('#connect');
          await catalog(page);
          await connectAlpaca(page);
          await page.waitForSelector('#accounts li');
          assert.deepEqual((await exits(page)).length, 1);

          await page.click('#connect');
          await catalog(page);
          await page.evaluate(() => window.setMounted(false));
          await overlayGone(page);
          await page.waitForTimeout(300);
          assert.equal((await exits(page)).length, 2);

          await page.evaluate(() => window.setMounted(true));
          await page.click('#connect');
          await catalog(page);
          await connectAlpaca(page);
          await page.waitForSelector('#accounts li');
          assert.equal((await exits(page)).length, 3);
          assert.deepEqual(await page.evaluate(() => window.overlays), { added: 3, most: 1 });
          await clean(page);
        });

        test('an effect that opens on mount (run twice by StrictMode) spends its single-use token once and connects', async () => {
          const page = await appPage('development', api, `&strict&auto=${encodeURIComponent(await linkToken())}`);
          await catalog(page);
          assert.deepEqual(await exits(page), [], 'the double mount closed nothing');
          await connectAlpaca(page);
          await page.waitForSelector('#accounts li');
          assert.deepEqual(await exits(page), [['onExit', null, 'first']]);
          assert.deepEqual(await page.evaluate(() => window.overlays), { added: 1, most: 1 });
          await clean(page);
        });
      });
    });
  }
});
