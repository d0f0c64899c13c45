// SPEC §10: the behaviours of @meshconnect/web-link-sdk 3.13 that createLink
// keeps (43 keys, mesh-link-popup ids, lng always, customIframeId, the
// embedded-without-id error, loaded, closeLinkRequested, prewarm), in
// Chromium with the Link stand-in on its own origin. The hardening of §4/§5
// runs over this API in hardening/hostile/overlay.test.mjs; the comparison
// with 3.13 itself is differential-mesh.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, frameAt, hostPage, send, startBrowser, stopBrowser, tokenFor, trace } from '../support/harness.mjs';

const m = fixtures.inbound;
const accessTokens = fixtures.outbound.frontAccessTokens.payload;
let servers;
let browser;
before(async () => ({ servers, browser } = await startBrowser()));
after(() => stopBrowser({ servers, browser }));

const PREWARM = 'https://web.meshconnect.com/prewarm';

/** createLink with recording callbacks; opens `query` on the stand-in unless `open` is false. */
async function link(page, { options = {}, query = '', iframeId, open = true } = {}) {
  const url = `${servers.link}/pages/link.html${query}`;
  await page.evaluate(
    ({ options, token, iframeId, open }) => {
      window.link = window.sdk.createLink(window.recorder('', options));
      if (open) return window.link.openLink(token, iframeId);
    },
    { options, token: tokenFor(url), iframeId, open },
  );
  return url;
}

const hostFrame = (page, id = 'host-frame') =>
  page.evaluate((id) => {
    const frame = document.createElement('iframe');
    frame.id = id;
    document.body.append(frame);
  }, id);

const frameSrc = (page, id) => page.evaluate((id) => document.getElementById(id)?.getAttribute('src') ?? null, id);

describe('the overlay and the Link URL', () => {
  test('mesh-link-popup ids, and no front-link-popup element', async () => {
    const page = await hostPage(browser, servers);
    await link(page);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id*="link-popup"]')].map((e) => e.id));
    assert.deepEqual(ids, ['mesh-link-popup', 'mesh-link-popup__backdrop', 'mesh-link-popup__popup-content', 'mesh-link-popup__iframe', 'mesh-link-popup__close']);
  });

  test('lng is always appended: en by default, the option, or navigator.language for system', async () => {
    for (const [options, lng] of [
      [{}, 'en'],
      [{ language: 'fr-CA' }, 'fr-CA'],
      [{ language: 'system' }, null],
      [{ language: '' }, 'en'],
    ]) {
      const page = await hostPage(browser, servers);
      const url = await link(page, { options: { ...options, theme: 'dark', displayFiatCurrency: 'EUR' }, query: '?s=1' });
      const expected = lng ?? (await page.evaluate(() => navigator.language));
      assert.equal(await frameSrc(page, 'mesh-link-popup__iframe'), `${url}&lng=${encodeURIComponent(expected)}&fiatCur=EUR&th=dark`);
    }
  });
});

describe('customIframeId', () => {
  test('renders into the host iframe without renderType (no rt), and with renderType embedded (rt=embedded)', async () => {
    const page = await hostPage(browser, servers);
    await hostFrame(page);
    const url = await link(page, { iframeId: 'host-frame' });
    assert.equal(await frameSrc(page, 'host-frame'), `${url}?lng=en`);
    assert.equal(await page.evaluate(() => document.getElementById('mesh-link-popup')), null, 'no overlay');
    const frame = await frameAt(page, url);
    await send(page, frame, m.integrationSelected);
    assert.deepEqual(await trace(page), [['onEvent', m.integrationSelected]]);

    const embedded = await hostPage(browser, servers);
    await hostFrame(embedded);
    const url2 = await link(embedded, { iframeId: 'host-frame', options: { renderType: 'embedded' } });
    assert.equal(await frameSrc(embedded, 'host-frame'), `${url2}?lng=en&rt=embedded`);
  });

  test('renderType embedded without an id: onExit with 3.13’s message, nothing rendered, nothing thrown', async () => {
    const page = await hostPage(browser, servers);
    await link(page, { options: { renderType: 'embedded' } });
    assert.deepEqual(await trace(page), [['onExit', 'Mesh SDK: Failed to open link - renderType "embedded" requires a customIframeId']]);
    assert.equal(await page.evaluate(() => document.querySelector('iframe')), null);
    // An empty token is reported first, as 3.13 does.
    await page.evaluate(() => window.link.openLink(''));
    assert.deepEqual((await trace(page)).at(-1), ['onExit', 'Invalid link token!']);
    assert.deepEqual(page.errors, []);
  });
});

describe('messages', () => {
  test('loaded posts meshSDKSpecs then frontAccessTokens, never frontTransferDestinationTokens, then pageLoaded', async () => {
    const page = await hostPage(browser, servers);
    const url = await link(page, { options: { accessTokens, transferDestinationTokens: accessTokens } });
    const frame = await frameAt(page, url);
    await send(page, frame, m.loaded);
    const received = await frame.evaluate(() => window.received);
    assert.deepEqual(
      received.map((r) => [r.origin, r.data.type]),
      [
        [servers.host, 'meshSDKSpecs'],
        [servers.host, 'frontAccessTokens'],
      ],
    );
    assert.deepEqual(received[0].data.payload, { platform: 'web', version: '0.1.0', origin: servers.host });
    assert.deepEqual(received[1].data.payload, accessTokens);
    assert.deepEqual(await trace(page), [['onEvent', { type: 'pageLoaded' }]]);
  });

  test('without accessTokens only meshSDKSpecs is posted; an empty array is posted', async () => {
    for (const [options, types] of [
      [{}, ['meshSDKSpecs']],
      [{ accessTokens: [] }, ['meshSDKSpecs', 'frontAccessTokens']],
    ]) {
      const page = await hostPage(browser, servers);
      const frame = await frameAt(page, await link(page, { options }));
      await send(page, frame, m.loaded);
      assert.deepEqual(
        (await frame.evaluate(() => window.received)).map((r) => r.data.type),
        types,
      );
    }
  });

  test('onIntegrationConnected (not onBrokerConnected) after onEvent; the 43 keys reach onEvent; oauthLinkOpen opens nothing', async () => {
    const page = await hostPage(browser, servers);
    const frame = await frameAt(page, await link(page));
    await page.evaluate(() => (window.open = () => window.trace.push({ label: '', name: 'window.open', args: [] })));
    const wallets = { type: 'SDKinjectedWalletProviders', payload: [{ id: 'io.metamask', name: 'MetaMask' }] };
    await send(page, frame, m.brokerageAccountAccessToken, m.oauthLinkOpen, wallets, { type: 'homePageLoaded' }, { type: 'oauthLinkOpen', link: 'https://example.com' });
    const payload = { accessToken: m.brokerageAccountAccessToken.payload };
    assert.deepEqual(await trace(page), [
      ['onEvent', { type: 'integrationConnected', payload }],
      ['onIntegrationConnected', payload],
      ['onEvent', wallets],
      ['onEvent', { type: 'homePageLoaded' }],
    ]);
  });

  test('close and done: onExit(payload.errorMessage, summary), always two arguments; data.message is not read', async () => {
    const page = await hostPage(browser, servers);
    await send(page, await frameAt(page, await link(page)), m.closeWithMessage);
    const page2 = await hostPage(browser, servers);
    const summary = { page: 'errorPage', errorMessage: 'Session expired' };
    await send(page2, await frameAt(page2, await link(page2)), { type: 'done', message: 'ignored', payload: summary });
    assert.deepEqual(await page.evaluate(() => window.trace.map((r) => [r.name, r.args.length, ...r.args])), [['onExit', 2, undefined, undefined]]);
    assert.deepEqual(await trace(page2), [['onExit', 'Session expired', summary]]);
  });
});

describe('closeLink and closeLinkRequested', () => {
  test('closeLink calls onExit() once per session, nothing when nothing is open', async () => {
    const page = await hostPage(browser, servers);
    await link(page);
    await page.evaluate(() => {
      window.link.closeLink();
      window.link.closeLink();
      window.link.closeLinkRequested();
    });
    assert.deepEqual(await page.evaluate(() => window.trace.map((r) => [r.name, r.args.length])), [['onExit', 0]]);
    assert.equal(await page.evaluate(() => document.getElementById('mesh-link-popup')), null);
  });

  test('overlay: closeLinkRequested closes like closeLink', async () => {
    const page = await hostPage(browser, servers);
    await link(page);
    await page.evaluate(() => window.link.closeLinkRequested());
    assert.deepEqual(await trace(page), [['onExit']]);
    assert.equal(await page.evaluate(() => document.getElementById('mesh-link-popup')), null);
  });

  test('embedded: the Link UI receives {type:"closeRequested"} at its origin; the session ends when it answers done', async () => {
    const page = await hostPage(browser, servers);
    await hostFrame(page);
    const frame = await frameAt(page, await link(page, { iframeId: 'host-frame', options: { renderType: 'embedded' } }));
    await send(page, frame, m.integrationSelected); // the frame is known to the SDK
    await page.evaluate(() => window.link.closeLinkRequested());
    await frame.waitForFunction(() => window.received.length > 0);
    assert.deepEqual(await frame.evaluate(() => window.received), [{ origin: servers.host, data: { type: 'closeRequested' } }]);
    assert.deepEqual((await trace(page)).length, 1, 'still open: no onExit yet');
    await send(page, frame, m.doneWithSummary, m.integrationSelected);
    assert.deepEqual((await trace(page)).slice(1), [['onExit', undefined, m.doneWithSummary.payload]]);
  });

  test('embedded but opened without renderType: closeLinkRequested closes at once (as 3.13)', async () => {
    const page = await hostPage(browser, servers);
    await hostFrame(page);
    const frame = await frameAt(page, await link(page, { iframeId: 'host-frame' }));
    await send(page, frame, m.integrationSelected);
    await page.evaluate(() => window.link.closeLinkRequested());
    assert.deepEqual((await trace(page)).at(-1), ['onExit']);
    assert.deepEqual(await frame.evaluate(() => window.received), []);
  });
});

describe('prewarm', () => {
  /** A host page that keeps the prewarm, with Mesh's host answered locally by a stub. */
  async function prewarmPage(path = '/pages/host.html?prewarm') {
    const page = await hostPage(browser, servers, { path });
    return page;
  }
  const prewarmFrame = (page) =>
    page.evaluate(() => {
      const frame = document.querySelector('#mesh-link-prewarm-container > iframe#mesh-link-prewarm-iframe');
      return frame && { src: frame.src, hidden: getComputedStyle(frame.parentElement).display === 'none' };
    });

  test('not at import; from createLink (hidden, to Mesh), with the wasm fetched at once; gone on openLink', async () => {
    const page = await prewarmPage();
    await page.route(`${PREWARM}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<p>prewarm stub</p>' }));
    assert.equal(await prewarmFrame(page), null, 'importing the package adds nothing');
    const wasm = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')));
    assert.equal(await wasm(), false);
    await link(page, { open: false });
    assert.deepEqual(await prewarmFrame(page), { src: PREWARM, hidden: true });
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')));
    await page.evaluate(() => window.sdk.createLink({ onIntegrationConnected() {} }));
    assert.equal(await page.evaluate(() => document.querySelectorAll('#mesh-link-prewarm-container').length), 1, 'one prewarm frame');
    await page.evaluate((token) => window.link.openLink(token), tokenFor(`${servers.link}/pages/link.html`));
    assert.equal(await prewarmFrame(page), null);
    assert.ok(await page.evaluate(() => document.getElementById('mesh-link-popup')));
    // Once a page, as 3.13 (at its import): a later createLink, say on a
    // re-render during the session, does not load it again.
    await page.evaluate(() => window.sdk.createLink({ onIntegrationConnected() {} }));
    assert.equal(await prewarmFrame(page), null);
  });

  test('window.meshLinkShouldSkipPrewarm skips it; createFrontConnection never prewarms', async () => {
    const page = await prewarmPage();
    await page.evaluate(() => {
      window.sdk.createFrontConnection({ onBrokerConnected() {} });
      window.meshLinkShouldSkipPrewarm = true;
      window.sdk.createLink({ onIntegrationConnected() {} });
    });
    assert.equal(await prewarmFrame(page), null);
  });

  test('a strict CSP that blocks the prewarm frame changes nothing else', async () => {
    const page = await prewarmPage('/csp/host.html?prewarm');
    const url = await link(page);
    await page.waitForFunction(() => window.violations.length > 0);
    const frame = await frameAt(page, url);
    await send(page, frame, m.integrationSelected, m.doneWithSummary);
    assert.deepEqual(await trace(page), [
      ['onEvent', m.integrationSelected],
      ['onExit', undefined, m.doneWithSummary.payload],
    ]);
    assert.deepEqual(await page.evaluate(() => window.violations), ['frame-src'], 'only the prewarm frame was refused');
    assert.deepEqual(page.errors, []);
  });
});
