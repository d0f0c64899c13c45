// Every failure ends in a callback and a way out, for both faces,
// in Chromium with real frames on other origins:
// - the wasm does not load (HTTP 404, its JavaScript chunk missing, an HTML page in its place, a CSP
//   without 'wasm-unsafe-eval'): onExit once, with what to fix, nothing on
//   screen, no unhandled rejection, and a later openLink works once fixed;
// - a Link UI that never says `loaded`: the overlay's own close button, and
//   `loadTimeout` (embedded too);
// - a blocked popup: onEvent hears `popupBlocked`;
// - host modals: a native <dialog> opened with showModal() and a focus trap
//   (focus-trap, the engine of focus-trap-react): ours is on top, gets focus
//   and keys, Escape closes ours only, the page is inert meanwhile and its
//   own `inert` is put back as it was;
// - `linkOrigins`, `container`, `zIndex`, and what bad values of the new
//   options do (a console error, today's behaviour).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { APIS, artifacts, clearTrace, frameAt, launch, root, send, startServers, tokenFor, trace } from '../support/harness.mjs';
import { inside, serveFiles } from '../../../scripts/serve.mjs';

const WASM = '/pkg/front_link_wasm_bg.wasm';
// The chunk loader.js imports at the first connection (the glue and the wasm's loading).
const CHUNK = '/pkg/instance.js';
// The wallet bridge's chunk, fetched at the Link UI's first wallet message.
const BRIDGE_CHUNK = /^\/pkg\/snippets\/[^/]+\/src\/web\/bridge\/families\.js$/;
let servers;
let browser;
let broken; // a host server whose wasm answers as `wasmMode` says
let wasmMode = 'ok';

/** The host test page, its wasm served according to `wasmMode`; CSP without 'wasm-unsafe-eval' under /nowasm/. */
function brokenHost(link) {
  const route = (path) => {
    if (path.startsWith('/nowasm/')) path = path.slice('/nowasm'.length);
    if (path === WASM && wasmMode === '404') return null;
    if (path === CHUNK && wasmMode === 'chunk') return null;
    if (BRIDGE_CHUNK.test(path) && wasmMode === 'bridge') return null;
    if (path === WASM && wasmMode === 'html') return join(root, 'tests/pages/host.html');
    if (path.startsWith('/pkg/')) return inside(root, path);
    if (path.startsWith('/pages/')) return inside(join(root, 'tests'), path);
    return null;
  };
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${link}`;
  return serveFiles({ route, headers: (path) => (path.startsWith('/nowasm/') ? { 'content-security-policy': csp } : {}) });
}

before(async () => {
  servers = await startServers();
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(root, 'node_modules/focus-trap/dist/focus-trap.esm.js')], bundle: true, format: 'esm', outfile: join(artifacts, 'vendor', 'focus-trap.js'), logLevel: 'warning' });
  const server = await brokenHost(servers.link);
  broken = { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await broken?.close();
  await servers?.close();
});

async function page(base, path = '/pages/host.html') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await context.newPage();
  p.errors = [];
  p.consoleErrors = [];
  p.on('pageerror', (e) => p.errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && p.consoleErrors.push(m.text()));
  await p.addInitScript(() => {
    window.unhandled = [];
    addEventListener('unhandledrejection', (e) => window.unhandled.push(String(e.reason)));
  });
  await p.goto(base + path);
  await p.waitForFunction(() => window.sdkReady === true);
  return p;
}

const linkUrl = () => `${servers.link}/pages/link.html`;
const overlayCount = (p) => p.evaluate(() => document.querySelectorAll('#front-link-popup, #mesh-link-popup').length);
const exits = async (p) => (await trace(p)).filter((row) => row[0].endsWith('onExit'));

async function waitForExits(p, n) {
  await p.waitForFunction((n) => window.trace.filter((r) => r.name === 'onExit').length >= n, n, { timeout: 15000 });
  return exits(p);
}

for (const api of APIS) {
  describe(`${api.create}: the wasm does not load`, () => {
    for (const [mode, path, says] of [
      ['404', '/pages/host.html', /HTTP 404.*front_link_wasm_bg\.wasm/],
      ['chunk', '/pages/host.html', /JavaScript chunk could not be loaded: deploy all the bundler's output/],
      ['html', '/pages/host.html', /HTML page/],
      ['ok', '/nowasm/pages/host.html', /'wasm-unsafe-eval'/],
    ]) {
      test(`${mode === 'ok' ? 'CSP without wasm-unsafe-eval' : mode}: onExit once per openLink (awaited or not), nothing shown, no unhandled rejection`, async () => {
        wasmMode = mode;
        const p = await page(broken.url, path);
        try {
          await p.evaluate(
            ({ create, token }) => {
              window.link = window.sdk[create](window.recorder());
              window.link.openLink(token); // not awaited, as 3.13 apps do
            },
            { create: api.create, token: tokenFor(linkUrl()) },
          );
          const first = await waitForExits(p, 1);
          assert.equal(first.length, 1);
          assert.match(first[0][1], /^front-link-wasm could not start: /);
          assert.match(first[0][1], says);
          const resolved = await p.evaluate(
            (token) =>
              window.link.openLink(token).then(
                () => 'resolved',
                (e) => `rejected ${e}`,
              ),
            tokenFor(linkUrl()),
          );
          assert.equal(resolved, 'resolved');
          assert.equal((await waitForExits(p, 2)).length, 2);
          assert.equal(await overlayCount(p), 0);
          assert.deepEqual(await p.evaluate(() => window.unhandled), []);
          assert.deepEqual(p.errors, []);
          assert.ok(
            p.consoleErrors.some((e) => says.test(e)),
            'the console says it too',
          );
          if (mode !== 'ok') {
            // The cause goes away (a redeploy): the next openLink loads and opens.
            wasmMode = 'ok';
            await p.evaluate((token) => window.link.openLink(token), tokenFor(linkUrl()));
            await frameAt(p, linkUrl());
            assert.equal(await overlayCount(p), 1);
            assert.equal((await exits(p)).length, 2, 'no onExit for the session that opened');
          }
        } finally {
          wasmMode = 'ok';
          await p.context().close();
        }
      });
    }
  });

  describe(`${api.create}: a Link UI that never says loaded`, () => {
    test('the overlay shows its own close button (styled under the strict CSP), reachable by keyboard, which ends the session once', async () => {
      const p = await page(servers.host, '/csp/host.html');
      try {
        await p.evaluate(({ create, token }) => (window.link = window.sdk[create](window.recorder())).openLink(token), { create: api.create, token: tokenFor(linkUrl()) });
        await frameAt(p, linkUrl());
        const close = p.locator(`#${api.root}__close`);
        await close.waitFor({ state: 'visible', timeout: 5000 });
        const button = await close.evaluate((b) => ({ tag: b.tagName, type: b.type, name: b.getAttribute('aria-label'), inFrame: b.closest('iframe') !== null, w: b.offsetWidth, h: b.offsetHeight }));
        assert.deepEqual({ ...button, w: button.w >= 44, h: button.h >= 44 }, { tag: 'BUTTON', type: 'button', name: 'Close Mesh Link', inFrame: false, w: true, h: true });
        // Keyboard: Tab reaches it (it is in the dialog, and the page behind is inert).
        let focused = '';
        for (let i = 0; i < 4 && focused !== `${api.root}__close`; i++) {
          await p.keyboard.press('Tab');
          focused = await p.evaluate(() => document.activeElement?.id ?? '');
        }
        assert.equal(focused, `${api.root}__close`);
        await p.keyboard.press('Enter');
        assert.deepEqual(await waitForExits(p, 1), [['onExit']]);
        assert.equal(await overlayCount(p), 0);
        assert.deepEqual(p.errors, []);
        assert.deepEqual(await p.evaluate(() => window.violations), []);
      } finally {
        await p.context().close();
      }
    });

    test('once the Link UI has loaded, the close button goes and the timeout does not fire', async () => {
      const p = await page(servers.host);
      try {
        await p.evaluate(({ create, token }) => (window.link = window.sdk[create](window.recorder('', { loadTimeout: 2500 }))).openLink(token), { create: api.create, token: tokenFor(linkUrl()) });
        const frame = await frameAt(p, linkUrl());
        await p.locator(`#${api.root}__close`).waitFor({ state: 'visible', timeout: 5000 });
        await send(p, frame, { type: 'loaded' });
        assert.equal(await p.locator(`#${api.root}__close`).count(), 0);
        await p.waitForTimeout(2500);
        assert.deepEqual(await exits(p), []);
        assert.equal(await overlayCount(p), 1);
      } finally {
        await p.context().close();
      }
    });

    test('loadTimeout ends the session with an onExit that says what to check', async () => {
      const p = await page(servers.host);
      try {
        await p.evaluate(({ create, token }) => (window.link = window.sdk[create](window.recorder('', { loadTimeout: 800 }))).openLink(token), { create: api.create, token: tokenFor(linkUrl()) });
        const rows = await waitForExits(p, 1);
        assert.equal(rows.length, 1);
        assert.match(rows[0][1], /^Link UI did not load: .*frame-src/);
        assert.equal(await overlayCount(p), 0);
        await p.waitForTimeout(300);
        assert.equal((await exits(p)).length, 1, 'once');
      } finally {
        await p.context().close();
      }
    });

    test('embedded: loadTimeout reports through onExit too', async () => {
      const p = await page(servers.host);
      try {
        await p.evaluate(
          ({ create, token }) => {
            const frame = document.createElement('iframe');
            frame.id = 'host-frame';
            document.body.append(frame);
            return (window.link = window.sdk[create](window.recorder('', { loadTimeout: 800, renderType: 'embedded' }))).openLink(token, 'host-frame');
          },
          { create: api.create, token: tokenFor(linkUrl()) },
        );
        const rows = await waitForExits(p, 1);
        assert.match(rows[0][1], /^Link UI did not load/);
        assert.equal(await p.locator('#host-frame').count(), 1, "the host's iframe stays");
      } finally {
        await p.context().close();
      }
    });
  });

  describe(`${api.create}: host modals and stacking`, () => {
    test('opened from a native <dialog> shown modal: ours is on top, gets focus and keys; Escape closes ours only; focus and inert put back', async () => {
      const p = await page(servers.host);
      try {
        await p.evaluate(() => {
          document.getElementById('tall').inert = true; // the app's own
          const dialog = document.createElement('dialog');
          dialog.id = 'host-dialog';
          const inner = document.createElement('button');
          inner.id = 'inner';
          inner.textContent = 'Connect';
          dialog.append(inner);
          document.body.append(dialog);
          dialog.showModal();
          inner.focus();
        });
        await p.evaluate(({ create, token }) => (window.link = window.sdk[create](window.recorder())).openLink(token), { create: api.create, token: tokenFor(linkUrl()) });
        await frameAt(p, linkUrl());
        const top = await p.evaluate((id) => {
          const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
          return { ours: document.getElementById(id).contains(hit), modal: document.getElementById(id).matches(':modal'), focus: document.getElementById(id).contains(document.activeElement) };
        }, api.root);
        assert.deepEqual(top, { ours: true, modal: true, focus: true });
        // The page behind is inert: Tab never reaches the host dialog's button.
        for (let i = 0; i < 5; i++) {
          await p.keyboard.press('Tab');
          assert.notEqual(await p.evaluate(() => document.activeElement?.id), 'inner');
        }
        // Escape where the page has focus (in the Link frame it is the Link UI's key).
        await p.evaluate((id) => document.getElementById(id).focus(), api.root);
        await p.keyboard.press('Escape');
        assert.deepEqual(await waitForExits(p, 1), [['onExit']]);
        const after = await p.evaluate(() => ({
          hostOpen: document.getElementById('host-dialog').open,
          focus: document.activeElement?.id,
          tall: document.getElementById('tall').inert,
          connect: document.getElementById('connect').inert,
        }));
        assert.deepEqual(after, { hostOpen: true, focus: 'inner', tall: true, connect: false });
      } finally {
        await p.context().close();
      }
    });

    test('opened from inside a focus trap (focus-trap): focus and Escape stay ours; the trap is still there after', async () => {
      const p = await page(servers.host);
      try {
        await p.evaluate(async () => {
          const { createFocusTrap } = await import('/vendor/focus-trap.js');
          const box = document.createElement('div');
          box.id = 'trap';
          const inner = document.createElement('button');
          inner.id = 'inner';
          inner.textContent = 'Connect';
          box.append(inner);
          document.body.append(box);
          window.escapes = 0;
          window.trap = createFocusTrap(box, { escapeDeactivates: () => (window.escapes++, true) });
          window.trap.activate();
          inner.focus();
        });
        await p.evaluate(({ create, token }) => (window.link = window.sdk[create](window.recorder())).openLink(token), { create: api.create, token: tokenFor(linkUrl()) });
        await frameAt(p, linkUrl());
        await p.waitForFunction((id) => document.getElementById(id)?.contains(document.activeElement), api.root);
        await p.locator(`#${api.root}__close`).waitFor({ state: 'visible', timeout: 5000 });
        await p.keyboard.press('Tab');
        assert.ok(await p.evaluate((id) => document.getElementById(id).contains(document.activeElement), api.root), 'Tab stays in ours');
        // Escape where the page has focus (in the Link frame it is the Link UI's key).
        await p.evaluate((id) => document.getElementById(id).focus(), api.root);
        await p.keyboard.press('Escape');
        assert.deepEqual(await waitForExits(p, 1), [['onExit']]);
        assert.deepEqual(await p.evaluate(() => ({ escapes: window.escapes, active: window.trap.active })), { escapes: 0, active: true });
      } finally {
        await p.context().close();
      }
    });

    test('container and zIndex options; bad values are reported and ignored', async () => {
      const p = await page(servers.host);
      try {
        await p.evaluate(
          ({ create, token }) => {
            const mount = document.createElement('section');
            mount.id = 'mount';
            document.body.append(mount);
            return (window.link = window.sdk[create](window.recorder('', { container: mount, zIndex: 2147483000 }))).openLink(token);
          },
          { create: api.create, token: tokenFor(linkUrl()) },
        );
        await frameAt(p, linkUrl());
        assert.deepEqual(await p.evaluate((id) => ({ parent: document.getElementById(id).parentElement.id, z: getComputedStyle(document.getElementById(id)).zIndex }), api.root), {
          parent: 'mount',
          z: '2147483000',
        });
        await p.evaluate(() => window.link.closeLink());
        await clearTrace(p);
        await p.evaluate(({ create, token }) => (window.link = window.sdk[create](window.recorder('', { container: '#nope', zIndex: 'high', loadTimeout: -5 }))).openLink(token), {
          create: api.create,
          token: tokenFor(linkUrl()),
        });
        await frameAt(p, linkUrl());
        assert.deepEqual(await p.evaluate((id) => ({ parent: document.getElementById(id).parentElement.tagName, z: getComputedStyle(document.getElementById(id)).zIndex }), api.root), {
          parent: 'BODY',
          z: '10000',
        });
        for (const option of ['container', 'zIndex', 'loadTimeout'])
          assert.ok(
            p.consoleErrors.some((e) => e.includes(option)),
            option,
          );
        assert.deepEqual(p.errors, []);
      } finally {
        await p.context().close();
      }
    });
  });

  describe(`${api.create}: trusted Link origins`, () => {
    // Each mistyping once let any origin in, with the app's accessTokens posted to it.
    const mistyped = {
      'a string': 'https://web.meshconnect.com',
      'an empty list': [],
      'a bare host': ['web.meshconnect.com'],
      'a URL with a path': ['https://web.meshconnect.com/b2b-iframe'],
      'a wildcard': ['https://*.meshconnect.com'],
      'an unset environment variable': [undefined],
      'a good origin beside a typo': ['https://web.meshconnect.com', 'htps://web.meshconnect.com'],
    };
    for (const [what, linkOrigins] of Object.entries(mistyped)) {
      test(`linkOrigins as ${what} fails closed: every token ends in onExit saying what is wrong, nothing is shown or posted`, async () => {
        const p = await page(servers.host);
        try {
          await p.evaluate(
            ({ create, token, linkOrigins }) => {
              const options = window.recorder('', { linkOrigins, accessTokens: [{ accountId: 'a', accountName: 'A', accessToken: 'secret', brokerType: 'robinhood', brokerName: 'R' }] });
              return (window.link = window.sdk[create](options)).openLink(token);
            },
            { create: api.create, token: tokenFor(linkUrl()), linkOrigins },
          );
          const [[name, error]] = await waitForExits(p, 1);
          assert.equal(name, 'onExit');
          assert.match(error, /^front-link-wasm: linkOrigins .*every link token is refused/);
          assert.ok(
            p.consoleErrors.some((e) => e.includes('linkOrigins')),
            'said on the console too',
          );
          assert.equal(await p.evaluate(() => document.querySelectorAll('iframe').length), 0);
          assert.equal(await overlayCount(p), 0);
        } finally {
          await p.context().close();
        }
      });
    }

    test('a token for another origin ends in onExit("Invalid link token!") with no DOM; a listed one opens', async () => {
      const p = await page(servers.host);
      try {
        await p.evaluate(({ create, token, origin }) => (window.link = window.sdk[create](window.recorder('', { linkOrigins: [origin] }))).openLink(token), {
          create: api.create,
          token: tokenFor(linkUrl()),
          origin: servers.attacker,
        });
        assert.deepEqual(await waitForExits(p, 1), [['onExit', 'Invalid link token!']]);
        assert.equal(await p.evaluate(() => document.querySelectorAll('iframe').length), 0);
        await p.evaluate(({ create, token, origin }) => (window.link = window.sdk[create](window.recorder('', { linkOrigins: ['https://web.meshconnect.com', `${origin}/`] }))).openLink(token), {
          create: api.create,
          token: tokenFor(linkUrl()),
          origin: servers.link,
        });
        await frameAt(p, linkUrl());
        assert.equal(await overlayCount(p), 1);
      } finally {
        await p.context().close();
      }
    });
  });
}

describe("createLink: the wallet bridge's chunk does not load", () => {
  test('each waiting request gets a throw that says what to fix, the console says it, and the next request loads it', async () => {
    wasmMode = 'bridge';
    const p = await page(broken.url);
    try {
      await p.evaluate((token) => (window.link = window.sdk.createLink(window.recorder())).openLink(token), tokenFor(linkUrl()));
      const frame = await frameAt(p, linkUrl());
      const ask = (ids) =>
        frame.evaluate((ids) => {
          window.replies = [];
          window.onmessage = (e) => e.data?.id && window.replies.push(e.data);
          for (const id of ids) parent.postMessage({ id, type: 'GET', path: ['parentOrigin'] }, '*');
        }, ids);
      await ask(['a', 'b']);
      await frame.waitForFunction(() => window.replies.length === 2);
      const failed = await frame.evaluate(() => window.replies.map((r) => [r.id, r.type, r.name, r.value.value.name, r.value.value.message]));
      const says = "front-link-wasm: the wallet bridge's JavaScript chunk could not be loaded: deploy all the bundler's output, allowed by the CSP's script-src";
      assert.deepEqual(failed, [
        ['a', 'HANDLER', 'throw', 'Error', says],
        ['b', 'HANDLER', 'throw', 'Error', says],
      ]);
      assert.ok(
        p.consoleErrors.some((e) => e.includes("the wallet bridge's JavaScript chunk could not be loaded")),
        'the console says it too',
      );
      assert.deepEqual(await p.evaluate(() => window.unhandled), []);
      assert.deepEqual(p.errors, []);
      assert.deepEqual(await exits(p), [], 'the session goes on');
      // Redeployed: the next request fetches the chunk and is answered.
      wasmMode = 'ok';
      await ask(['c']);
      await frame.waitForFunction(() => window.replies.length === 1);
      assert.deepEqual(await frame.evaluate(() => window.replies.map((r) => [r.id, r.type, r.value])), [['c', 'RAW', broken.url]]);
    } finally {
      wasmMode = 'ok';
      await p.context().close();
    }
  });
});

describe('createFrontConnection: a blocked popup', () => {
  test('oauthLinkOpen without the user activation a popup needs: onEvent hears popupBlocked, the session goes on', async () => {
    const p = await page(servers.host);
    try {
      // The Link UI asks as it loads, with no click anywhere: the evaluate
      // that opens the session counts as one, so it spends it first (a
      // popup that opens consumes the page's activation).
      const oauth = 'https://broker.example/oauth?state=1';
      const url = `${linkUrl()}?script=${Buffer.from(JSON.stringify([{ type: 'oauthLinkOpen', link: oauth }])).toString('base64')}`;
      await p.evaluate((token) => {
        window.open('about:blank', '_blank')?.close();
        return (window.link = window.sdk.createFrontConnection(window.recorder())).openLink(token);
      }, tokenFor(url));
      await frameAt(p, url);
      await p.waitForFunction(() => window.trace.length > 0, null, { timeout: 5000 });
      assert.deepEqual(await trace(p), [['onEvent', { type: 'popupBlocked', payload: { url: oauth } }]]);
      assert.equal(await overlayCount(p), 1);
    } finally {
      await p.context().close();
    }
  });
});
