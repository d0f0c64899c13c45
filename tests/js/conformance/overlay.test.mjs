// SPEC §4: the overlay's ids, look, link_style, mobile layout, scroll lock,
// accessibility, and styling under a strict CSP (checked by computed style),
// for both faces of the package (createFrontConnection with front-link-popup
// ids, createLink with mesh-link-popup ids, SPEC §10; see APIS in harness.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APIS, fixtures, frameAt, hostPage, openSession as open, screenshot, send, startBrowser, stillWorks, stopBrowser, tokenFor, trace, windowListeners } from '../support/harness.mjs';

let servers;
let browser;
before(async () => ({ servers, browser } = await startBrowser()));
after(() => stopBrowser({ servers, browser }));

const linkStyle = (json) => `?link_style=${encodeURIComponent(Buffer.from(json).toString('base64'))}`;

for (const api of APIS)
  describe(api.name, () => {
    const popup = `#${api.root}`;
    const openSession = (page, servers, options) => open(page, servers, { api, ...options });
    const shot = (page, name) => screenshot(page, `${name}-${api.name}`);

    const styleOf = (page) =>
      page.evaluate((root) => {
        const css = (id, ...props) => {
          const s = getComputedStyle(document.getElementById(root + id));
          return Object.fromEntries(props.map((p) => [p, s[p]]));
        };
        return {
          root: css('', 'position', 'zIndex', 'display'),
          backdrop: css('__backdrop', 'opacity', 'backgroundColor', 'zIndex'),
          content: css('__popup-content', 'width', 'height', 'borderTopLeftRadius', 'backgroundColor', 'zIndex'),
          iframe: css('__iframe', 'borderTopLeftRadius', 'borderTopWidth'),
          htmlOverflow: getComputedStyle(document.documentElement).overflow,
        };
      }, api.root);

    describe('look', () => {
      test('desktop: upstream ids, centred 30%-wide card clamped to 380–430 × 685–710 px, radius 24, backdrop 0.6', async () => {
        const page = await hostPage(browser, servers, { viewport: { width: 1280, height: 900 } });
        await openSession(page, servers);
        const style = await styleOf(page);
        assert.deepEqual(style.root, { position: 'fixed', zIndex: '10000', display: 'flex' });
        assert.deepEqual(style.backdrop, { opacity: '0.6', backgroundColor: 'rgb(0, 0, 0)', zIndex: '10000' });
        assert.deepEqual(style.content, { width: '384px', height: '710px', borderTopLeftRadius: '24px', backgroundColor: 'rgb(255, 255, 255)', zIndex: '10001' });
        assert.deepEqual(style.iframe, { borderTopLeftRadius: '24px', borderTopWidth: '0px' });
        const box = await page.locator(`${popup}__popup-content`).boundingBox();
        assert.equal(Math.round(box.x + box.width / 2), 640);
        assert.equal(Math.round(box.y + box.height / 2), 450);
        const wide = await hostPage(browser, servers, { viewport: { width: 1900, height: 1000 } });
        await openSession(wide, servers);
        assert.equal((await styleOf(wide)).content.width, '430px');
        await shot(page, 'overlay-desktop');
      });

      test('phone (375 px wide): full screen, no radius', async () => {
        const page = await hostPage(browser, servers, { viewport: { width: 375, height: 812 } });
        await openSession(page, servers);
        const style = await styleOf(page);
        assert.deepEqual([style.content.width, style.content.height, style.content.borderTopLeftRadius, style.iframe.borderTopLeftRadius], ['375px', '812px', '0px', '0px']);
        await shot(page, 'overlay-phone');
      });

      test('short window (under 710 px high): full height', async () => {
        const page = await hostPage(browser, servers, { viewport: { width: 1280, height: 600 } });
        await openSession(page, servers);
        const style = await styleOf(page);
        assert.deepEqual([style.content.width, style.content.height], ['384px', '600px']);
      });

      test('link_style sets radius and opacity; invalid values fall back to the defaults', async () => {
        const cases = [
          ['{"ir":8,"io":0.3}', '8px', '0.3'],
          ['{"ir":0}', '0px', '0.6'],
          ['{"ir":"0;}body{display:none","io":"1"}', '24px', '0.6'],
          ['{"ir":-4,"io":7}', '24px', '0.6'],
          ['{"ir":1e400,"io":null}', '24px', '0.6'],
          ['not json', '24px', '0.6'],
        ];
        for (const [json, radius, opacity] of cases) {
          const page = await hostPage(browser, servers);
          await openSession(page, servers, { query: linkStyle(json) });
          const style = await styleOf(page);
          assert.deepEqual([style.content.borderTopLeftRadius, style.backdrop.opacity], [radius, opacity], json);
          assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block', json);
          await page.context().close();
        }
      });
    });

    describe('page behind', () => {
      test('no scrolling while open; scroll position and focus restored on close', async () => {
        const page = await hostPage(browser, servers);
        await page.focus('#connect');
        await page.evaluate(() => window.scrollTo(0, 500));
        const frame = await openSession(page, servers);
        const open = await page.evaluate(() => ({
          overflow: getComputedStyle(document.documentElement).overflow,
          active: document.activeElement.id,
        }));
        assert.deepEqual(open, { overflow: 'hidden', active: api.root });
        await page.mouse.wheel(0, 800);
        await page.waitForTimeout(100);
        assert.equal(await page.evaluate(() => window.scrollY), 500);
        await send(page, frame, fixtures.inbound.closeWithMessage);
        const closed = await page.evaluate(() => ({
          overflow: getComputedStyle(document.documentElement).overflow,
          scrollY: window.scrollY,
          active: document.activeElement.id,
          cls: document.documentElement.className,
        }));
        assert.deepEqual(closed, { overflow: 'visible', scrollY: 500, active: 'connect', cls: '' });
      });

      test('focus moves into the dialog by the next frame; a session closed before then leaves focus where it was', async () => {
        const page = await hostPage(browser, servers);
        await page.focus('#connect');
        const url = `${servers.link}/pages/link.html`;
        const seen = await page.evaluate(
          async ({ create, token, root }) => {
            const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
            const link = window.sdk[create](window.recorder());
            await link.openLink(token);
            const opened = document.getElementById(root) !== null;
            await frame();
            const focused = document.activeElement.id;
            link.closeLink();
            const restored = document.activeElement.id;
            await link.openLink(token);
            link.closeLink(); // before any frame
            await frame();
            return { opened, focused, restored, after: document.activeElement.id, left: document.getElementById(root) };
          },
          { create: api.create, token: tokenFor(url), root: api.root },
        );
        assert.deepEqual(seen, { opened: true, focused: api.root, restored: 'connect', after: 'connect', left: null });
        assert.deepEqual(page.errors, []);
      });

      test('accessible: dialog, aria-modal, labelled, iframe title; Escape closes like closeLink', async () => {
        const page = await hostPage(browser, servers);
        await openSession(page, servers);
        const a11y = await page.evaluate((popup) => {
          const root = document.querySelector(popup);
          const iframe = document.querySelector(`${popup}__iframe`);
          return [root.getAttribute('role'), root.getAttribute('aria-modal'), root.getAttribute('aria-label'), iframe.title.length > 0];
        }, popup);
        assert.deepEqual(a11y, ['dialog', 'true', 'Mesh Link', true]);
        await page.keyboard.press('Escape');
        assert.equal(await page.locator(popup).count(), 0);
        assert.deepEqual(await trace(page), [['onExit']]);
        await page.keyboard.press('Escape');
        await page.evaluate(() => window.link.closeLink());
        assert.deepEqual(await trace(page), [['onExit']], 'onExit once');
      });

      test('iframe allow grants clipboard, camera and microphone to the Link origin only', async () => {
        const page = await hostPage(browser, servers);
        await openSession(page, servers);
        const allow = await page.getAttribute(`${popup}__iframe`, 'allow');
        const o = servers.link;
        assert.equal(allow, `clipboard-read ${o}; clipboard-write ${o}; camera ${o}; microphone ${o}`);
      });
    });

    describe('rehearsal of the first open', () => {
      // Once the wasm is in, creating a connection runs a first open on values
      // nobody sees (src/web/rehearsal.rs), so the click does not pay for compiling.
      test("leaves nothing but the adopted stylesheet: no element, listener, request (but the package's own files) or callback; the first open then works", async () => {
        const page = await hostPage(browser, servers);
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        const count = () => page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length, cls: document.documentElement.className, sheets: document.adoptedStyleSheets.length }));
        const listeners = async () => ({
          message: await windowListeners(page, 'message'),
          keydown: await windowListeners(page, 'keydown'),
          announce: await windowListeners(page, 'eip6963:announceProvider'),
          register: await windowListeners(page, 'wallet-standard:register-wallet'),
        });
        // No wallet may hear of the rehearsal's bridge: it asks none.
        await page.evaluate(() => {
          window.walletEvents = [];
          for (const type of ['eip6963:requestProvider', 'wallet-standard:app-ready']) addEventListener(type, () => window.walletEvents.push(type));
        });
        const before = { ...(await count()), ...(await listeners()) };
        assert.equal(before.sheets, 0);
        await page.evaluate((create) => (window.link = window.sdk[create](window.recorder())), api.create);
        // The rehearsal's one visible effect, so it has run when this holds.
        await page.waitForFunction(() => document.adoptedStyleSheets.length === 1);
        await page.waitForTimeout(50);
        const after = { ...(await count()), ...(await listeners()) };
        assert.deepEqual(after, { ...before, sheets: 1 });
        assert.deepEqual(await page.evaluate(() => window.walletEvents), []);
        assert.deepEqual(await trace(page), []);
        // The package's own files aside (its chunk and the wasm, fetched at the first connection).
        assert.deepEqual(
          requests.filter((url) => !new URL(url).pathname.startsWith('/pkg/')),
          [],
        );
        assert.deepEqual(page.errors, []);
        const url = `${servers.link}/pages/link.html?after-rehearsal`;
        await page.evaluate((token) => window.link.openLink(token), Buffer.from(url).toString('base64'));
        const frame = await frameAt(page, url);
        await stillWorks(page, frame);
      });
    });

    describe('strict CSP', () => {
      test("styled under default-src 'self'; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'", async () => {
        const page = await hostPage(browser, servers, { path: '/csp/host.html' });
        const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
        assert.match(csp, /style-src 'self'/);
        const frame = await openSession(page, servers, { query: linkStyle('{"ir":12,"io":0.5}') });
        const style = await styleOf(page);
        assert.deepEqual(style.content, { width: '384px', height: '710px', borderTopLeftRadius: '12px', backgroundColor: 'rgb(255, 255, 255)', zIndex: '10001' });
        assert.equal(style.backdrop.opacity, '0.5');
        assert.equal(style.htmlOverflow, 'hidden');
        await send(page, frame, fixtures.inbound.brokerageAccountAccessToken);
        assert.equal((await trace(page)).length, 2);
        assert.deepEqual(await page.evaluate(() => window.violations), []);
        assert.deepEqual(page.errors, []);
        await shot(page, 'overlay-strict-csp');
      });
    });
  });
