// The cross-engine cases: each is written once against the
// driver-neutral page (driver.mjs, session.mjs) and runs in Chromium,
// Firefox and WebKit (engines.test.mjs). A case gets `{ engine, servers,
// api }` (`api` one of APIS for the cases run per face) and throws on a
// failure. `only` lists an engine-specific exception by engine, with its
// reason; engines.test.mjs reports every such exception by name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fallbackCase } from '../package/floor.test.mjs';
import { root } from '../support/harness.mjs';
import { APIS, answering, clearTrace, extraFrame, fixtures, hostPage, navigateFrame, noErrors, openSession, received, send, stillWorks, tokenFor, trace } from './session.mjs';

export { APIS };

const inbound = fixtures.inbound;
const connected = inbound.brokerageAccountAccessToken;
const linkUrl = (servers, query = '') => `${servers.link}/pages/link.html${query}`;

/** The callback rows a connect message gives on `api`'s face. */
const connectedRows = (api, message, key) => {
  const payload = { [key]: message.payload };
  return [
    ['onEvent', { type: 'integrationConnected', payload }],
    [api.connected, payload],
  ];
};

/** Opens a session as 3.13 apps do (`openLink` not awaited); the first callback row. */
async function firstExit(page, servers, api) {
  await page.evaluate(
    ({ create, token }) => {
      window.link = window.sdk[create](window.recorder());
      window.link.openLink(token);
    },
    { create: api.create, token: tokenFor(linkUrl(servers)) },
  );
  await page.waitFor(() => window.trace.length > 0);
  return (await trace(page))[0];
}

/** Cases run once per face (createFrontConnection, createLink). */
export const perFace = {
  'containment: an exception unwinding through the wasm (as a trap would) ends the session in onExit, takes the overlay down, frees the page, and the next open runs on a fresh instance': async ({
    engine,
    servers,
    api,
  }) => {
    const page = await hostPage(engine, servers);
    const frame = await openSession(page, servers, { api, options: { walletBridge: true } });
    // No input can trap the wasm (that is the point of the bounds), so the
    // test makes a function the wasm calls throw a RuntimeError: the wallet
    // bridge's Array.isArray on an argument list, through a real Comlink
    // message of the Link frame. It leaves the wasm as a trap would.
    await page.evaluate(() => {
      const isArray = Array.isArray;
      window.restore = () => (Array.isArray = isArray);
      Array.isArray = (value) => {
        if (value?.[0] === 'TRAP') throw new WebAssembly.RuntimeError('unreachable (thrown by the test)');
        return isArray(value);
      };
      window.bodyClicks = 0;
      document.body.addEventListener('click', () => window.bodyClicks++);
    });
    await send(page, frame, { id: 'trap-1', type: 'APPLY', path: ['discoverTronWallets'], argumentList: [{ type: 'RAW', value: ['TRAP'] }] });
    await page.waitFor(() => window.trace.length > 0);
    const after = await page.evaluate((root) => {
      window.restore();
      document.body.click();
      return {
        overlay: document.getElementById(root) !== null,
        open: document.documentElement.classList.contains('front-link-open'),
        clicks: window.bodyClicks,
        errors: window.pageErrors.splice(0),
      };
    }, api.root);
    assert.deepEqual({ ...after, errors: after.errors.length }, { overlay: false, open: false, clicks: 1, errors: 1 }, 'the page is back as it was');
    assert.match(after.errors[0], /RuntimeError: unreachable \(thrown by the test\)/, 'the trap is reported as the page error it is');
    const rows = await trace(page);
    assert.deepEqual(
      rows.map((row) => row[0]),
      ['onExit'],
    );
    assert.match(rows[0][1], /stopped/);
    // The Link frame of the stopped instance is gone; nothing it sends is heard.
    await clearTrace(page);
    const again = await openSession(page, servers, { api, create: false });
    await send(page, again, connected);
    assert.deepEqual(await trace(page), connectedRows(api, connected, 'accessToken'), 'a fresh instance carries the next session');
    await page.press('Escape');
    await page.waitFor((root) => document.getElementById(root) === null, api.root);
    assert.deepEqual((await trace(page)).map((row) => row[0]).slice(-1), ['onExit']);
    await noErrors(page);
  },

  'connect: onEvent(integrationConnected), then the connected callback with the tokens': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers);
    const frame = await openSession(page, servers, { api });
    await send(page, frame, connected);
    assert.deepEqual(await trace(page), connectedRows(api, connected, 'accessToken'));
    await noErrors(page);
  },

  'delayed authentication reaches the connected callback as delayedAuth': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers);
    const frame = await openSession(page, servers, { api });
    await send(page, frame, inbound.delayedAuthentication);
    assert.deepEqual(await trace(page), connectedRows(api, inbound.delayedAuthentication, 'delayedAuth'));
  },

  'transfer finished, success and error: onEvent(transferCompleted), then onTransferFinished': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers);
    const frame = await openSession(page, servers, { api });
    await send(page, frame, inbound.transferFinishedSuccess, inbound.transferFinishedError);
    const ok = inbound.transferFinishedSuccess.payload;
    const err = inbound.transferFinishedError.payload;
    assert.deepEqual(await trace(page), [
      ['onEvent', { type: 'transferCompleted', payload: ok }],
      ['onTransferFinished', ok],
      ['onEvent', { type: 'transferCompleted', payload: err }],
      ['onTransferFinished', err],
    ]);
  },

  'exit: close without a message, close with one, done with an error and a summary': async ({ engine, servers, api }) => {
    const summary = { page: 'errorPage', errorMessage: 'Session expired' };
    for (const [message, args] of [
      [{ type: 'close' }, api.exitArgs(undefined, undefined)],
      [inbound.closeWithMessage, api.exitArgs(inbound.closeWithMessage.message, undefined)],
      [{ type: 'done', message: 'Session expired', payload: summary }, api.exitArgs('Session expired', summary)],
      [inbound.doneWithSummary, api.exitArgs(undefined, inbound.doneWithSummary.payload)],
    ]) {
      const page = await hostPage(engine, servers);
      const frame = await openSession(page, servers, { api });
      await send(page, frame, message);
      // An undefined argument is still an argument: compare the count too.
      const rows = await page.evaluate(() => window.trace.map((r) => [r.name, r.args.length, r.overlay]));
      assert.deepEqual(rows, [['onExit', args.length, false]], JSON.stringify(message));
      assert.deepEqual(await trace(page), [['onExit', ...args]], JSON.stringify(message));
      assert.equal(await page.evaluate((root) => document.getElementById(root), api.root), null);
      await page.close();
    }
  },

  'origin and source: another origin, another frame of the Link origin, a same-origin srcdoc frame and the page itself are not heard': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers);
    const frame = await openSession(page, servers, { api });
    const attacker = await extraFrame(page, 'attacker', { src: `${servers.attacker}/pages/link.html?attacker` });
    const twin = await extraFrame(page, 'twin', { src: linkUrl(servers, '?twin') });
    // The host's own origin: srcdoc inherits it (and its base URL, so the
    // stand-in's script loads from the host server).
    const srcdoc = await extraFrame(page, 'srcdoc', { srcdoc: '<script src="/pages/link.js"></script>' });
    assert.equal(await page.evaluate(() => document.getElementById('srcdoc').contentWindow.origin), servers.host);
    for (const stranger of [attacker, twin, srcdoc, null]) {
      await send(page, stranger, connected, inbound.doneWithSummary, inbound.closeWithMessage);
      assert.deepEqual(await trace(page), [], String(stranger));
    }
    await stillWorks(page, frame);
  },

  'a script on the page cannot forge the Link frame: a synthetic MessageEvent naming it, or MessageEvent getters redefined after load': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers);
    const frame = await openSession(page, servers, { api });
    const forged = await page.evaluate(
      ({ selector, origin, message }) => {
        const link = document.querySelector(selector).contentWindow;
        // A synthetic event: right origin, the Link frame as source (isTrusted
        // false). Firefox does not let a page build one with a cross-origin source.
        try {
          window.dispatchEvent(new MessageEvent('message', { origin, source: link, data: message }));
        } catch (error) {
          if (!(error instanceof TypeError)) throw error;
        }
        // The getters redefined, then a real message from the page itself.
        const saved = Object.getOwnPropertyDescriptors(MessageEvent.prototype);
        Object.defineProperty(MessageEvent.prototype, 'origin', { get: () => origin, configurable: true });
        Object.defineProperty(MessageEvent.prototype, 'source', { get: () => link, configurable: true });
        window.postMessage(message, '*');
        window.redefined = saved;
        return new Promise((resolve) => setTimeout(() => resolve(window.trace.length), 200));
      },
      { selector: frame, origin: servers.link, message: connected },
    );
    assert.equal(forged, 0, 'nothing forged reached a callback');
    // A data getter redefined: the Link frame's own message is what is delivered.
    await page.evaluate((message) => {
      const real = window.redefined.data.get;
      // The test page's own sentinel still reads true, so `send` knows when all was dispatched.
      Object.defineProperty(MessageEvent.prototype, 'data', {
        get() {
          const data = real.call(this);
          return data?.type === '__sentinel' ? data : message;
        },
        configurable: true,
      });
    }, connected);
    await send(page, frame, inbound.integrationSelected);
    await page.evaluate(() => ['origin', 'source', 'data'].forEach((name) => Object.defineProperty(MessageEvent.prototype, name, window.redefined[name])));
    assert.deepEqual(await trace(page), [['onEvent', inbound.integrationSelected]]);
    await clearTrace(page);
    await stillWorks(page, frame);
  },

  'what the Link frame sends cannot trap the wasm or grow its memory: a Comlink path claiming 11 million items, a 20-million-character close message, a 3 MB oauthLinkOpen link': async ({
    engine,
    servers,
    api,
  }) => {
    const page = await hostPage(engine, servers);
    // The wallet bridge (Comlink) is on for createLink's sessions; 1.1.9's face opts in.
    const frame = await openSession(page, servers, { api, options: { walletBridge: true } });
    const before = await page.evaluate(() => window.wasmMemory());
    const seen = await page.evaluate(() => window.sentinels);
    // Built in the page and posted to the stand-in, which posts them back: nothing this big crosses the driver.
    await page.evaluate((selector) => {
      const huge = [];
      huge.length = 11_000_000;
      const messages = [
        { id: 'trap-get', type: 'GET', path: huge },
        { id: 'trap-apply', type: 'APPLY', path: ['eip6963Wallets'], argumentList: huge },
        { type: 'oauthLinkOpen', link: `https://oauth.example/?${'x'.repeat(3 << 20)}` },
        { type: '__sentinel' },
      ];
      document.querySelector(selector).contentWindow.postMessage({ __puppet: 'send', messages }, '*');
    }, frame);
    await page.waitFor((n) => window.sentinels > n, seen, { timeout: 30000 });
    await page.evaluate((selector) => {
      const huge = 'm'.repeat(20_000_000);
      const messages = [{ type: 'close', message: huge, payload: { page: 'x', errorMessage: huge } }, { type: '__sentinel' }];
      document.querySelector(selector).contentWindow.postMessage({ __puppet: 'send', messages }, '*');
    }, frame);
    await page.waitFor((n) => window.sentinels > n + 1, seen, { timeout: 30000 });
    // The session ended on the close, without its oversized error (the summary is the app's, as sent), and the page still works.
    const exits = await page.evaluate(() => window.trace.map((r) => [r.name, r.args[0], Object.keys(r.args[1] ?? {})]));
    assert.deepEqual(exits, [['onExit', undefined, ['page', 'errorMessage']]]);
    assert.equal(await page.evaluate((root) => document.getElementById(root), api.root), null);
    const warnings = await page.evaluate(() => window.warnings);
    assert.ok(
      warnings.some((w) => /error is not a string of at most 4096/.test(w)),
      warnings.join('\n'),
    );
    if (api.oauthLinkOpen)
      assert.ok(
        warnings.some((w) => /was not opened/.test(w)),
        warnings.join('\n'),
      );
    const after = await page.evaluate(() => window.wasmMemory());
    assert.ok(after - before < 1 << 20, `wasm memory grew from ${before} to ${after} bytes`);
    await clearTrace(page);
    const next = await openSession(page, servers, { api, query: '?after-trap' });
    await page.evaluate(() => window.link.closeLink());
    assert.deepEqual(await trace(page), [['onExit']], 'a later session opens and closes');
    await noErrors(page);
    void next;
  },

  'origin and source: the Link frame navigated to another origin is not heard; back at the Link origin it is': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers);
    const frame = await openSession(page, servers, { api });
    await navigateFrame(page, frame, `${servers.attacker}/pages/link.html?navigated`);
    await send(page, frame, connected, inbound.closeWithMessage);
    assert.deepEqual(await trace(page), []);
    await navigateFrame(page, frame, linkUrl(servers, '?back'));
    await stillWorks(page, frame);
  },

  "the URL rule: javascript:, data: and plain-http links render nothing and exit with 'Invalid link token!'": async ({ engine, servers, api }) => {
    for (const url of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'http://evil.example/link', 'https://web.meshconnect.com@evil.example/']) {
      const page = await hostPage(engine, servers);
      await page.evaluate(
        async ({ create, token }) => {
          window.link = window.sdk[create](window.recorder());
          await window.link.openLink(token);
        },
        { create: api.create, token: tokenFor(url) },
      );
      await page.waitFor(() => window.trace.length > 0);
      assert.deepEqual(await trace(page), [['onExit', 'Invalid link token!']], url);
      assert.deepEqual(await page.evaluate((root) => [document.querySelectorAll(`iframe, #${root}`).length, document.documentElement.className], api.root), [0, '']);
      await page.close();
    }
  },

  'overlay: ids, role and ARIA; geometry at 1280×800; focus moved in and back; Escape (a real key press) ends it once; the page does not scroll': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers, { viewport: { width: 1280, height: 800 } });
    assert.deepEqual(await page.size(), { width: 1280, height: 800 });
    await page.evaluate(() => {
      document.getElementById('connect').focus();
      window.scrollTo(0, 500);
    });
    await openSession(page, servers, { api });
    const open = await page.evaluate((root) => {
      const $ = (suffix) => document.getElementById(root + suffix);
      const box = $('__popup-content').getBoundingClientRect();
      const style = getComputedStyle($('__popup-content'));
      return {
        ids: ['', '__backdrop', '__popup-content', '__iframe'].map((s) => $(s) !== null),
        aria: [$('').getAttribute('role'), $('').getAttribute('aria-modal'), $('').getAttribute('aria-label'), $('__iframe').title.length > 0],
        card: [Math.round(box.width), Math.round(box.height), Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2), style.borderTopLeftRadius],
        backdrop: [getComputedStyle($('__backdrop')).opacity, getComputedStyle($('')).position],
        active: document.activeElement.id,
        overflow: getComputedStyle(document.documentElement).overflow,
        scrollY: Math.round(scrollY),
      };
    }, api.root);
    assert.deepEqual(open, {
      ids: [true, true, true, true],
      aria: ['dialog', 'true', 'Mesh Link', true],
      // 30% of 1280 within 380–430; 80% of 800 raised to 685; centred.
      card: [384, 685, 640, 400, '24px'],
      backdrop: ['0.6', 'fixed'],
      active: api.root,
      overflow: 'hidden',
      scrollY: 500,
    });
    await page.wheel(640, 400, 800);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(await page.evaluate(() => Math.round(scrollY)), 500, 'the page behind did not scroll');
    await page.press('Escape');
    await page.waitFor((root) => document.getElementById(root) === null, api.root);
    assert.deepEqual(await trace(page), [['onExit']]);
    const closed = await page.evaluate(() => ({
      active: document.activeElement.id,
      scrollY: Math.round(scrollY),
      cls: document.documentElement.className,
      overflow: getComputedStyle(document.documentElement).overflow,
    }));
    assert.deepEqual(closed, { active: 'connect', scrollY: 500, cls: '', overflow: 'visible' });
    await page.press('Escape');
    await page.evaluate(() => window.link.closeLink());
    assert.deepEqual(await trace(page), [['onExit']], 'onExit once');
    await noErrors(page);
  },

  'overlay at a 375×667 phone size: the card fills the screen, no radius': async ({ engine, servers, api }) => {
    // The host page in a 375×667 frame: its own viewport, as a phone's.
    // (MiniBrowser's window cannot be narrower than its toolbar, 447 px.)
    const page = await hostPage(engine, servers);
    await page.evaluate(() => {
      const phone = document.createElement('iframe');
      phone.id = 'phone';
      Object.assign(phone, { width: 375, height: 667 });
      phone.style.border = '0';
      phone.src = '/pages/host.html';
      document.body.prepend(phone);
    });
    await page.waitFor(() => document.getElementById('phone').contentWindow.sdkReady === true);
    await page.evaluate(
      ({ create, token }) => {
        const phone = document.getElementById('phone').contentWindow;
        phone.link = phone.sdk[create](phone.recorder());
        return phone.link.openLink(token);
      },
      { create: api.create, token: tokenFor(linkUrl(servers)) },
    );
    await page.waitFor((root) => document.getElementById('phone').contentDocument.getElementById(`${root}__iframe`), api.root);
    const seen = await page.evaluate((root) => {
      const phone = document.getElementById('phone').contentWindow;
      const $ = (suffix) => phone.document.getElementById(root + suffix);
      const box = $('__popup-content').getBoundingClientRect();
      return [
        phone.innerWidth,
        phone.innerHeight,
        Math.round(box.width),
        Math.round(box.height),
        phone.getComputedStyle($('__popup-content')).borderTopLeftRadius,
        phone.getComputedStyle($('__iframe')).borderTopLeftRadius,
      ];
    }, api.root);
    assert.deepEqual(seen, [375, 667, 375, 667, '0px', '0px']);
  },

  "strict CSP (default-src 'self'; style-src 'self'): styled, working, no violation": async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers, { path: '/csp/host.html' });
    const frame = await openSession(page, servers, { api });
    const style = await page.evaluate((root) => {
      const css = (suffix) => getComputedStyle(document.getElementById(root + suffix));
      return [css('').position, css('__backdrop').opacity, css('__popup-content').width, css('__popup-content').borderTopLeftRadius, getComputedStyle(document.documentElement).overflow];
    }, api.root);
    assert.deepEqual(style, ['fixed', '0.6', '384px', '24px', 'hidden']);
    await send(page, frame, connected);
    assert.deepEqual(await trace(page), connectedRows(api, connected, 'accessToken'));
    await noErrors(page);
  },

  'a wasm that is not there (HTTP 404): onExit once per openLink with what to fix, nothing shown, no unhandled rejection': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers, { path: '/pages/host.html?pkg=/broken/pkg/' });
    const [name, message] = await firstExit(page, servers, api);
    assert.equal(name, 'onExit');
    assert.match(message, /^front-link-wasm could not start: .*HTTP 404.*front_link_wasm_bg\.wasm/);
    assert.equal(
      await page.evaluate(
        (token) =>
          window.link.openLink(token).then(
            () => 'resolved',
            (e) => `rejected ${e}`,
          ),
        tokenFor(linkUrl(servers)),
      ),
      'resolved',
    );
    await page.waitFor(() => window.trace.length > 1);
    assert.equal((await trace(page)).length, 2);
    assert.equal(await page.evaluate(() => document.querySelectorAll('#front-link-popup, #mesh-link-popup').length), 0);
    await noErrors(page);
  },

  "a CSP without 'wasm-unsafe-eval': onExit names what the CSP lacks": async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers, { path: '/nowasm/pages/host.html' });
    const [name, message] = await firstExit(page, servers, api);
    assert.equal(name, 'onExit');
    assert.match(message, /^front-link-wasm could not start: .*'wasm-unsafe-eval'/);
    assert.equal(await page.evaluate(() => window.pageErrors.length), 0);
  },

  'a Link UI that never says loaded: the overlay’s own close button (a real click) ends the session once; loadTimeout ends it with its message': async ({ engine, servers, api }) => {
    const page = await hostPage(engine, servers, { path: '/csp/host.html' });
    await openSession(page, servers, { api });
    const close = `#${api.root}__close`;
    await page.waitFor((close) => {
      const b = document.querySelector(close);
      return b && !b.hidden && b.getBoundingClientRect().width === 44;
    }, close);
    assert.deepEqual(
      await page.evaluate((close) => [document.querySelector(close).tagName, document.querySelector(close).getAttribute('aria-label') ?? document.querySelector(close).textContent], close),
      ['BUTTON', 'Close Mesh Link'],
    );
    await page.click(close);
    await page.waitFor((root) => document.getElementById(root) === null, api.root);
    assert.deepEqual(await trace(page), [['onExit']]);
    await noErrors(page);

    const timed = await hostPage(engine, servers);
    await openSession(timed, servers, { api, options: { loadTimeout: 400 } });
    await timed.waitFor(() => window.trace.length > 0);
    const [[name, message]] = await trace(timed);
    assert.equal(name, 'onExit');
    assert.match(message, /^Link UI did not load: check the network/);
    assert.equal(await timed.evaluate((root) => document.getElementById(root), api.root), null);
  },
};

/** Cases of one face (3.13's createLink, or the React hooks). */
export const single = {
  'the boundary, fuzzed: random options (values of every type, getters that throw) and tokens from the app, random messages from the Link frame: no trap or page error, onExit exactly once per open, the wasm memory bounded, then a plain session works':
    async ({ engine, servers }) => {
      const page = await hostPage(engine, servers);
      const report = await page.evaluate(
        async ({ link, rounds }) => {
          let state = 20261207;
          const rnd = (n) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state % n);
          const pick = (list) => list[rnd(list.length)];
          const odd = () =>
            pick([
              undefined,
              null,
              0,
              -1,
              NaN,
              1e12,
              '',
              'x',
              'system',
              'embedded',
              'overlay',
              'dark',
              [],
              [undefined],
              ['https://*.example'],
              {},
              () => {},
              Symbol('s'),
              10n,
              document.body,
              'x'.repeat(1 << 16),
            ]);
          const OPTIONS = [
            'language',
            'displayFiatCurrency',
            'theme',
            'renderType',
            'linkOrigins',
            'loadTimeout',
            'container',
            'zIndex',
            'accessTokens',
            'transferDestinationTokens',
            'debug',
            'walletBridge',
          ];
          const token = btoa(link);
          const answered = (frame) =>
            new Promise((resolve) => {
              const heard = (e) => e.source === frame.contentWindow && e.data?.type === '__report' && done(true);
              const done = (v) => (removeEventListener('message', heard), clearInterval(poke), resolve(v));
              addEventListener('message', heard);
              const poke = setInterval(() => frame.contentWindow?.postMessage({ __puppet: 'report' }, '*'), 50);
              setTimeout(() => done(false), 3000);
            });
          const before = await window.wasmMemory();
          const exits = [];
          let fuzzed = 0;
          for (let round = 0; round < rounds; round++) {
            exits.push(0);
            const base = { clientId: 'c', onExit: () => exits[round]++, onEvent() {}, onBrokerConnected() {}, onIntegrationConnected() {}, onTransferFinished() {} };
            for (const name of OPTIONS) if (rnd(3) === 0) base[name] = odd();
            const throwing = new Set(OPTIONS.filter(() => rnd(8) === 0));
            const options = new Proxy(base, {
              get: (target, key) => {
                if (throwing.has(key)) throw new Error(`getter of ${String(key)}`);
                return target[key];
              },
            });
            const create = pick(['createLink', 'createFrontConnection']);
            let connection;
            try {
              connection = window.sdk[create](options);
            } catch (error) {
              exits[round] = `${create} threw ${error}`;
              continue;
            }
            const given = rnd(4) === 0 ? pick([undefined, null, 7, {}, '', '!!!', btoa('javascript:alert(1)'), 'x'.repeat(1 << 20), btoa(`${link}#${'y'.repeat(9000)}`)]) : token;
            const opened = connection.openLink(given, rnd(6) === 0 ? odd() : undefined);
            if (!(opened instanceof Promise) && opened !== undefined) exits[round] = 'openLink returned something else';
            await Promise.resolve(opened).catch((error) => (exits[round] = `openLink rejected: ${error}`));
            const frame = document.querySelector('#front-link-popup__iframe, #mesh-link-popup__iframe');
            if (frame && (await answered(frame))) {
              const seen = window.sentinels;
              frame.contentWindow.postMessage({ __puppet: 'fuzz', seed: round + 1, count: 40 }, '*');
              const start = Date.now();
              while (window.sentinels === seen && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
              fuzzed += window.sentinels > seen ? 1 : 0;
            }
            connection.closeLink();
            await new Promise((r) => setTimeout(r, 10));
            if (document.querySelector('#front-link-popup, #mesh-link-popup')) exits[round] = `${exits[round]} and the overlay stayed`;
          }
          return { exits, fuzzed, grew: (await window.wasmMemory()) - before, errors: window.pageErrors };
        },
        { link: `${servers.link}/pages/link.html?fuzz`, rounds: 30 },
      );
      assert.deepEqual(
        report.exits,
        report.exits.map(() => 1),
        'onExit exactly once per open, and nothing thrown or left on screen',
      );
      assert.deepEqual(report.errors, []);
      assert.ok(report.fuzzed >= 10, `${report.fuzzed} sessions took the random messages`);
      assert.ok(report.grew < 4 << 20, `wasm memory grew by ${report.grew} bytes`);
      const api = APIS.find((a) => a.name === 'mesh');
      const frame = await openSession(page, servers, { api, query: '?after-fuzz' });
      await clearTrace(page);
      await stillWorks(page, frame);
    },

  "the URL rule's origin is the browser's: every URL the core accepts (tests/corpus/urls.txt, as the core decided in tests/testing-vectors.json) has exactly the origin the engine's URL parser gives it":
    async ({ engine, servers }) => {
      const { links } = JSON.parse(readFileSync(join(root, 'tests', 'testing-vectors.json'), 'utf8'));
      const accepted = links
        .filter((v) => v.token !== undefined && Object.keys(v.options).length === 0 && v.iframeId === null && v.verdict.front.origin)
        .map((v) => ({ url: Buffer.from(v.token, 'base64').toString('utf8'), origin: v.verdict.front.origin }));
      assert.ok(accepted.length >= 10, `${accepted.length} accepted URLs`);
      const page = await hostPage(engine, servers);
      const browser = await page.evaluate(
        (urls) => urls.map((u) => new URL(u).origin),
        accepted.map((a) => a.url),
      );
      assert.deepEqual(
        browser,
        accepted.map((a) => a.origin),
      );
    },

  "without constructed stylesheets (Safari 15.4–16.3, Firefox 98–100) under the strict CSP: both faces styled through the page's own stylesheet, no <style>, no violation": async ({
    engine,
    servers,
  }) => fallbackCase(await engine.newPage(), servers),

  'embedded mode: rendered into the app’s iframe; closeLinkRequested asks the Link UI, which ends the session with done': async ({ engine, servers }) => {
    const api = APIS.find((a) => a.name === 'mesh');
    const page = await hostPage(engine, servers);
    await page.evaluate(() => {
      const host = document.createElement('iframe');
      host.id = 'host-frame';
      document.body.append(host);
    });
    const frame = await openSession(page, servers, { api, options: { renderType: 'embedded' }, iframeId: 'host-frame' });
    assert.equal(await page.evaluate(() => document.querySelector('#mesh-link-popup')), null, 'no overlay');
    assert.match(await page.evaluate(() => document.getElementById('host-frame').src), /rt=embedded/);
    await send(page, frame, inbound.integrationSelected);
    await page.evaluate(() => window.link.closeLinkRequested());
    for (let i = 0; i < 100 && (await received(page, frame)).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.deepEqual(await received(page, frame), [{ origin: servers.host, data: { type: 'closeRequested' } }]);
    assert.equal((await trace(page)).length, 1, 'still open: no onExit yet');
    await send(page, frame, inbound.doneWithSummary, inbound.integrationSelected);
    assert.deepEqual((await trace(page)).slice(1), [['onExit', undefined, inbound.doneWithSummary.payload]]);
  },

  'prewarm: createLink adds the hidden prewarm frame (never at import); openLink removes it; the flag skips it': async ({ engine, servers }) => {
    const page = await hostPage(engine, servers, { path: '/pages/host.html?prewarm' });
    const prewarm = () =>
      page.evaluate(() => {
        const frame = document.querySelector('#mesh-link-prewarm-container > iframe#mesh-link-prewarm-iframe');
        return frame && { host: new URL(frame.src).host, hidden: getComputedStyle(frame.parentElement).display === 'none' };
      });
    assert.equal(await prewarm(), null, 'importing the package adds nothing');
    await page.evaluate(() => (window.link = window.sdk.createLink(window.recorder())));
    await page.waitFor(() => document.querySelector('#mesh-link-prewarm-iframe'));
    assert.deepEqual(await prewarm(), { host: 'web.meshconnect.com', hidden: true });
    await openSession(page, servers, { api: APIS.find((a) => a.name === 'mesh'), create: false });
    assert.equal(await prewarm(), null);
    const skipped = await hostPage(engine, servers);
    await skipped.evaluate(() => (window.link = window.sdk.createLink(window.recorder())));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await skipped.evaluate(() => document.querySelector('#mesh-link-prewarm-iframe')), null);
  },

  "wallet bridge: the Link frame reaches a wallet's operations and nothing else it holds (a DOM node, the window, storage, eval, the app's listeners, its internals), in EIP-6963 and TON wallets":
    async ({ engine, servers }) => {
      const page = await engine.newPage();
      await page.goto(`${servers.host}/pages/bridge-host.html?wallets=none`);
      await page.waitFor(() => window.sdkReady === true);
      // An embedded wallet's provider, EventEmitter-style, announced over EIP-6963,
      // and a TON wallet whose info holds the page too.
      await page.evaluate(() => {
        window.reached = [];
        const widget = document.createElement('div');
        document.body.append(widget);
        const appListener = (accounts) => window.reached.push(['app listener', accounts]);
        const ran = (what) => () => window.reached.push(what);
        const provider = {
          isHostile: true,
          chainId: '0x1',
          request: async ({ method }) => (method === 'eth_chainId' ? '0x1' : null),
          on: (event, listener) => window.reached.push(['on', event, typeof listener]),
          removeListener: () => {},
          _widget: widget,
          widget,
          win: window,
          doc: document,
          store: window.localStorage,
          _events: { accountsChanged: [appListener] },
          listeners: { accountsChanged: [appListener] },
          sdk: { secret: 'hunter2', exec: ran('sdk.exec'), config: { apiKey: 'k' } },
          exec: ran('exec'),
          evaluate: window.eval,
          make: window.Function,
          get trap() {
            window.reached.push('getter');
            return widget;
          },
        };
        const info = { uuid: 'hostile-uuid', name: 'Embedded Wallet', icon: 'data:image/svg+xml,<svg/>', rdns: 'com.embedded.wallet' };
        addEventListener('eip6963:requestProvider', () => dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) })));
        window.hostileTon = {
          tonconnect: {
            deviceInfo: { appName: 'Hostile TON', platform: 'browser', node: widget, win: window, _token: 't', features: ['SendTransaction'] },
            walletInfo: { name: 'Hostile', store: window.localStorage, about: { url: 'https://ton.invalid', open: ran('walletInfo.about.open') } },
            protocolVersion: 2,
            isWalletBrowser: false,
            connect: async () => ({ event: 'connect' }),
            send: async () => ({ result: 'ok' }),
            listen: () => ran('unlisten'),
            widget,
          },
        };
      });
      const run = await bridgeChild(page, servers);
      const path = (p) => p.split('.');
      assert.deepEqual(await run({ op: 'poll', path: ['eip6963WalletsReady'] }), { result: true });
      const P = 'eip6963Wallets.0.provider';
      const NONE = { $undefined: true };
      const allowed = [
        [{ op: 'get', path: path('eip6963Wallets.0.name') }, 'Embedded Wallet'],
        [{ op: 'apply', path: path(`${P}.request`), args: [{ method: 'eth_chainId' }] }, '0x1'],
        [{ op: 'get', path: path(`${P}.isHostile`) }, true],
        [{ op: 'get', path: path(`${P}.chainId`) }, '0x1'],
        // The provider as a value: its own primitive fields, nothing it holds.
        [
          { op: 'get', path: path(P) },
          { isHostile: true, chainId: '0x1' },
        ],
        [{ op: 'get', path: path(`${P}.widget`) }, NONE],
        [{ op: 'get', path: path(`${P}.sdk`) }, NONE],
        [{ op: 'apply', path: ['discoverTonWallets'], args: [['hostileTon']] }, NONE],
        [{ op: 'get', path: path('tonWallets.0.name') }, 'Hostile TON'],
        [
          { op: 'get', path: path('tonWallets.0.provider.deviceInfo') },
          { appName: 'Hostile TON', platform: 'browser', features: ['SendTransaction'] },
        ],
        [
          { op: 'get', path: path('tonWallets.0.provider.walletInfo') },
          { name: 'Hostile', about: { url: 'https://ton.invalid' } },
        ],
        [{ op: 'apply', path: path('tonWallets.0.provider.send'), args: [{ method: 'sendTransaction' }] }, { result: 'ok' }],
      ];
      for (const [step, result] of allowed) {
        assert.deepEqual(await run(step), { result }, `${step.op} ${step.path.join('.')}`);
      }
      const refused = [
        `${P}._widget.ownerDocument.cookie`,
        `${P}.widget.ownerDocument.cookie`,
        `${P}.widget.tagName`,
        `${P}.win.localStorage`,
        `${P}.doc.cookie`,
        `${P}.store.length`,
        `${P}.sdk.secret`,
        `${P}.sdk.config.apiKey`,
        `${P}.listeners.accountsChanged`,
        `${P}.trap.ownerDocument`,
        `${P}.request.call`,
        `${P}.toString`,
        'tonWallets.0.provider.deviceInfo.node.ownerDocument',
        'tonWallets.0.provider.walletInfo.store.length',
      ].map((p) => ({ op: 'get', path: path(p) }));
      const calls = [
        [`${P}.store.getItem`, ['k']],
        [`${P}.widget.ownerDocument.defaultView.eval`, ['window.reached.push("eval")']],
        [`${P}.evaluate`, ['window.reached.push("eval")']],
        [`${P}.make`, ['window.reached.push("Function")']],
        [`${P}.exec`, []],
        [`${P}.sdk.exec`, []],
        [`${P}._events.accountsChanged.0`, [['0xATTACKER']]],
        [`${P}.listeners.accountsChanged.0`, [['0xATTACKER']]],
        [`${P}.request.call`, [null, { method: 'eth_chainId' }]],
        ['tonWallets.0.provider.walletInfo.about.open', []],
        ['tonWallets.0.provider.widget.remove', []],
      ].map(([p, args]) => ({ op: 'apply', path: path(p), args }));
      for (const step of [...refused, ...calls]) {
        const answer = await run(step);
        const nothing = step.op === 'get' && answer.result?.$undefined === true;
        assert.ok(answer.error || answer.thrown || nothing, `${step.op} ${step.path.join('.')}: refused or nothing, not ${JSON.stringify(answer).slice(0, 200)}`);
      }
      assert.deepEqual(await page.evaluate(() => window.reached), [], 'no code of the page ran, no listener of the app was called, no getter of the wallet ran');
      assert.deepEqual(await run({ op: 'get', path: ['parentOrigin'] }), { result: servers.host }, 'the bridge still answers');
      await noErrors(page);
    },

  'wallet bridge: a real comlink child reaches an EIP-6963 wallet and a Wallet Standard wallet; a hostile path is refused and reaches nothing': async ({ engine, servers }) => {
    const page = await engine.newPage();
    await page.goto(`${servers.host}/pages/bridge-host.html?wallets=eip6963,solana`);
    await page.waitFor(() => window.sdkReady === true);
    await page.evaluate(() => (window.protoBaseline = Object.getOwnPropertyNames(Object.prototype).length));
    const run = await bridgeChild(page, servers);
    const path = (p) => p.split('.');
    assert.deepEqual(await run({ op: 'poll', path: ['eip6963WalletsReady'] }), { result: true });
    assert.deepEqual(await run({ op: 'get', path: path('eip6963Wallets.0.name') }), { result: 'Fake Wallet' });
    assert.deepEqual(await run({ op: 'apply', path: path('eip6963Wallets.0.provider.request'), args: [{ method: 'eth_chainId' }] }), { result: '0x1' });
    assert.deepEqual(await run({ op: 'poll', path: ['walletStandardWalletsReady'] }), { result: true });
    assert.deepEqual(await run({ op: 'get', path: path('walletStandardWallets.0.name') }), { result: 'Fake Sol' });
    await page.evaluate(() => (window.walletCalls.length = 0));
    const hostile = await run({ op: 'raw', msg: { id: 'hostile-1', type: 'SET', path: ['__proto__', 'polluted'], value: { type: 'RAW', value: 'yes' } } });
    assert.ok(hostile.error || hostile.thrown, `refused with a throw reply: ${JSON.stringify(hostile)}`);
    const after = await page.evaluate(() => ({ polluted: {}.polluted, names: Object.getOwnPropertyNames(Object.prototype).length === window.protoBaseline, wallets: window.walletCalls.length }));
    assert.deepEqual(after, { polluted: undefined, names: true, wallets: 0 });
    assert.deepEqual(await run({ op: 'get', path: ['parentOrigin'] }), { result: servers.host }, 'the bridge still answers');
    await noErrors(page);
  },

  'React: the hooks under <StrictMode> (development build): an effect that opens on mount opens one overlay, connects, and Escape ends it once': async ({ engine, servers, reactApp }) => {
    for (const [hook, overlay, connectedName] of [
      ['link', 'mesh-link-popup', 'onIntegrationConnected'],
      ['front', 'front-link-popup', 'onBrokerConnected'],
    ]) {
      const page = await engine.newPage();
      await page.goto(`${reactApp}?api=${hook}&strict&auto=${encodeURIComponent(tokenFor(linkUrl(servers, `?react=${hook}`)))}`);
      await page.waitFor(() => window.appReady === true);
      const frame = `#${overlay}__iframe`;
      await answering(page, frame);
      await page.evaluate(({ frame, connected }) => document.querySelector(frame).contentWindow.postMessage({ __puppet: 'send', messages: [connected] }, '*'), { frame, connected });
      await page.waitFor(() => document.querySelectorAll('#accounts li').length > 0);
      assert.deepEqual(
        await page.evaluate(() => [...document.querySelectorAll('#accounts li')].map((li) => li.textContent)),
        connected.payload.accountTokens.map((t) => t.account.accountName),
        hook,
      );
      await page.press('Escape');
      await page.waitFor((overlay) => document.getElementById(overlay) === null, overlay);
      await new Promise((r) => setTimeout(r, 100));
      const seen = await page.evaluate(() => ({ overlays: window.overlays, rows: window.trace.map((r) => r[0]) }));
      assert.deepEqual(seen, { overlays: { added: 1, most: 1 }, rows: ['onEvent', connectedName, 'onExit'] }, hook);
      await page.close();
    }
  },
};

/**
 * Opens a createLink session embedded in `#embed` on the real comlink child
 * (tests/pages/bridge-child.js); `run(step)` performs one of its steps and
 * resolves with what it got.
 */
async function bridgeChild(page, servers) {
  await page.evaluate(
    (token) => {
      window.link = window.sdk.createLink(window.recorder('', { renderType: 'embedded' }));
      return window.link.openLink(token, 'embed');
    },
    tokenFor(`${servers.link}/pages/bridge-child.html`),
  );
  await answering(page, '#embed');
  let index = 0;
  const run = (step, wait = 8000) =>
    page.evaluate(
      ({ step, index, wait }) =>
        new Promise((resolve) => {
          const frame = document.getElementById('embed').contentWindow;
          const heard = (e) => {
            if (e.source !== frame || !e.data || e.data.type !== '__ran' || e.data.index !== index) return;
            removeEventListener('message', heard);
            resolve(e.data.result);
          };
          addEventListener('message', heard);
          frame.postMessage({ __puppet: 'run', step, index }, '*');
          setTimeout(() => (removeEventListener('message', heard), resolve({ noAnswer: step })), wait);
        }),
      { step, index: index++, wait },
    );
  // bridge-child.js is a module: it may start after link.js answered.
  for (let i = 0; i < 40 && (await run({ op: 'sleep', ms: 0 }, 250)).noAnswer; i++);
  return run;
}
