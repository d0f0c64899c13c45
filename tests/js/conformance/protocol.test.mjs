// SPEC §3: every inbound message type, in order with the stated arguments,
// the outbound messages, URL options, embedded rendering and error strings.
// The Link UI is a real iframe on another origin posting real messages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clearTrace, fixtures, frameAt, hostPage, openSession, send, startBrowser, stopBrowser, tokenFor, trace, session as openSessionPage } from '../support/harness.mjs';

const inbound = fixtures.inbound;
let servers;
let browser;
before(async () => ({ servers, browser } = await startBrowser()));
after(() => stopBrowser({ servers, browser }));

const session = (options) => openSessionPage(browser, servers, options);

describe('inbound messages', () => {
  test('brokerageAccountAccessToken: onEvent(integrationConnected) then onBrokerConnected, extra fields kept', async () => {
    const { page, frame } = await session();
    await send(page, frame, inbound.brokerageAccountAccessToken);
    const payload = { accessToken: inbound.brokerageAccountAccessToken.payload };
    assert.deepEqual(await trace(page), [
      ['onEvent', { type: 'integrationConnected', payload }],
      ['onBrokerConnected', payload],
    ]);
    const [, sent] = (await trace(page))[1];
    assert.equal(sent.accessToken.accountTokens[0].account.frontAccountId, '9b2f3c1e-0a4d-4c55-b1f3-6f2f7f9c0d11');
    assert.equal(sent.accessToken.brokerBrandInfo.logoLightUrl, 'https://assets.example/robinhood-light.svg');
  });

  test('delayedAuthentication: same with delayedAuth', async () => {
    const { page, frame } = await session();
    await send(page, frame, inbound.delayedAuthentication);
    const payload = { delayedAuth: inbound.delayedAuthentication.payload };
    assert.deepEqual(await trace(page), [
      ['onEvent', { type: 'integrationConnected', payload }],
      ['onBrokerConnected', payload],
    ]);
  });

  test('transferFinished (success and error): onEvent(transferCompleted) then onTransferFinished', async () => {
    const { page, frame } = await session();
    await send(page, frame, inbound.transferFinishedSuccess, inbound.transferFinishedError);
    const ok = inbound.transferFinishedSuccess.payload;
    const err = inbound.transferFinishedError.payload;
    assert.deepEqual(await trace(page), [
      ['onEvent', { type: 'transferCompleted', payload: ok }],
      ['onTransferFinished', ok],
      ['onEvent', { type: 'transferCompleted', payload: err }],
      ['onTransferFinished', err],
    ]);
  });

  test('close: overlay removed, then onExit(message, payload)', async () => {
    const { page, frame } = await session();
    await send(page, frame, inbound.closeWithMessage);
    const rows = await trace(page, { keepOverlay: true });
    assert.deepEqual(
      rows.map((r) => [r.name, r.args, r.overlay]),
      [['onExit', ['User closed the window'], false]],
    );
    assert.equal(await page.locator('#front-link-popup').count(), 0);
  });

  test('done with a summary: onExit(undefined, summary)', async () => {
    const { page, frame } = await session();
    await send(page, frame, inbound.doneWithSummary);
    assert.deepEqual(await trace(page), [['onExit', undefined, inbound.doneWithSummary.payload]]);
  });

  test('done whose payload carries errorMessage: that is the error', async () => {
    const { page, frame } = await session();
    const summary = { page: 'errorPage', errorMessage: 'Session expired' };
    await send(page, frame, { type: 'done', payload: summary });
    assert.deepEqual(await trace(page), [['onExit', 'Session expired', summary]]);
  });

  test('known event keys pass through unchanged, extra fields included; unknown types are ignored', async () => {
    const { page, frame } = await session();
    const later = { type: 'transferExecuted', payload: { txId: 'x' }, extra: [1, 2] };
    await send(
      page,
      frame,
      inbound.integrationSelected,
      inbound.credentialsEntered,
      inbound.transferPreviewed,
      inbound.integrationConnectionError,
      later,
      { type: 'somethingElse', payload: {} },
      { type: 'brokerageAccountAccessTokenX' },
    );
    assert.deepEqual(await trace(page), [
      ['onEvent', inbound.integrationSelected],
      ['onEvent', inbound.credentialsEntered],
      ['onEvent', inbound.transferPreviewed],
      ['onEvent', inbound.integrationConnectionError],
      ['onEvent', later],
    ]);
  });

  test('oauthLinkOpen: a centred 700×800 popup, noopener', async () => {
    const { page, frame } = await session();
    await page.evaluate(() => {
      window.opened = [];
      window.open = (...args) => (window.opened.push(args), null);
    });
    await send(page, frame, inbound.oauthLinkOpen);
    const [[url, target, features]] = await page.evaluate(() => window.opened);
    const screen = await page.evaluate(() => [window.screen.width, window.screen.height]);
    assert.equal(url, 'https://oauth.example/authorize?client_id=abc&state=xyz');
    assert.equal(target, '_blank');
    const top = Math.trunc((screen[1] - 800) / 2);
    const left = Math.trunc((screen[0] - 700) / 2);
    assert.equal(features, `popup,noopener,noreferrer,resizable,scrollbars,width=700,height=800,top=${top},left=${left}`);
    assert.deepEqual(await trace(page), []);
  });
});

describe('outbound messages', () => {
  const tokens = fixtures.outbound.frontAccessTokens.payload;

  test('on every loaded: meshSDKSpecs, frontAccessTokens, frontTransferDestinationTokens, then pageLoaded', async () => {
    const { page, frame } = await session({ options: { accessTokens: tokens, transferDestinationTokens: [] } });
    await send(page, frame, inbound.loaded);
    await send(page, frame, inbound.loaded);
    await frame.waitForFunction(() => window.received.length >= 6);
    const received = await frame.evaluate(() => window.received);
    const specs = { type: 'meshSDKSpecs', payload: { platform: 'web', version: '0.1.0', origin: servers.host } };
    const round = [specs, { type: 'frontAccessTokens', payload: tokens }, { type: 'frontTransferDestinationTokens', payload: [] }];
    assert.deepEqual(
      received.map((r) => r.data),
      [...round, ...round],
    );
    assert.ok(received.every((r) => r.origin === servers.host));
    assert.deepEqual(await trace(page), [
      ['onEvent', { type: 'pageLoaded' }],
      ['onEvent', { type: 'pageLoaded' }],
    ]);
  });

  test('without token options only meshSDKSpecs is sent', async () => {
    const { page, frame } = await session();
    await send(page, frame, inbound.loaded);
    await frame.waitForFunction(() => window.received.length >= 1);
    await send(page, frame, inbound.loaded);
    await frame.waitForFunction(() => window.received.length >= 2);
    const types = await frame.evaluate(() => window.received.map((r) => r.data.type));
    assert.deepEqual(types, ['meshSDKSpecs', 'meshSDKSpecs']);
  });
});

describe('link options', () => {
  async function srcWith(options, url = '/pages/link.html?x=1#frag') {
    const page = await hostPage(browser, servers);
    const src = await page.evaluate(
      async ({ options, token }) => {
        const link = window.sdk.createFrontConnection(window.recorder('', options));
        await link.openLink(token);
        return document.getElementById('front-link-popup__iframe').getAttribute('src');
      },
      { options, token: tokenFor(servers.link + url) },
    );
    return { page, src };
  }

  test('language, displayFiatCurrency and theme are appended, encoded, before the fragment', async () => {
    const { src } = await srcWith({ language: 'pt-BR', displayFiatCurrency: 'EUR', theme: 'dark' });
    assert.equal(src, `${servers.link}/pages/link.html?x=1&lng=pt-BR&fiatCur=EUR&th=dark#frag`);
    const odd = await srcWith({ language: 'a&b=c #d' }, '/pages/link.html');
    assert.equal(odd.src, `${servers.link}/pages/link.html?lng=a%26b%3Dc%20%23d`);
  });

  test("language 'system' is navigator.language; unknown themes are dropped", async () => {
    const { page, src } = await srcWith({ language: 'system', theme: 'purple' }, '/pages/link.html');
    const language = await page.evaluate(() => navigator.language);
    assert.equal(src, `${servers.link}/pages/link.html?lng=${encodeURIComponent(language)}`);
  });

  test('embedded: renders into the host iframe with rt=embedded, no overlay, messages flow', async () => {
    const page = await hostPage(browser, servers);
    const url = `${servers.link}/pages/link.html`;
    await page.evaluate(async (token) => {
      const host = document.createElement('iframe');
      host.id = 'mesh-host-frame';
      document.body.append(host);
      window.link = window.sdk.createFrontConnection(window.recorder('', { renderType: 'embedded' }));
      await window.link.openLink(token, 'mesh-host-frame');
    }, tokenFor(url));
    assert.equal(await page.locator('#front-link-popup').count(), 0);
    assert.equal(await page.getAttribute('#mesh-host-frame', 'src'), `${url}?rt=embedded`);
    const frame = await frameAt(page, url);
    await send(page, frame, inbound.integrationSelected, inbound.closeWithMessage);
    assert.deepEqual(await trace(page), [
      ['onEvent', inbound.integrationSelected],
      ['onExit', 'User closed the window'],
    ]);
    assert.equal(await page.locator('#mesh-host-frame').count(), 1, 'the host iframe is the host page’s');
  });

  test("embedded without a matching iframe: onExit('Iframe not found!'), the open session untouched", async () => {
    const page = await hostPage(browser, servers);
    const frame = await openSession(page, servers, { label: 'open.' });
    await page.evaluate(
      async (token) => {
        const link = window.sdk.createFrontConnection(window.recorder('', { renderType: 'embedded' }));
        await link.openLink(token, 'nope');
      },
      tokenFor(`${servers.link}/pages/link.html?embedded`),
    );
    assert.deepEqual(await trace(page), [['onExit', 'Iframe not found!']]);
    await send(page, frame, inbound.credentialsEntered);
    assert.deepEqual((await trace(page)).slice(1), [['open.onEvent', inbound.credentialsEntered]]);
  });
});

describe('errors through onExit', () => {
  test("bad tokens: onExit('Invalid link token!'), the promise resolves, nothing rendered", async () => {
    const page = await hostPage(browser, servers);
    const results = await page.evaluate(
      async (tokens) => {
        const out = [];
        for (const token of tokens) {
          const link = window.sdk.createFrontConnection(window.recorder());
          out.push(
            await link.openLink(token).then(
              () => 'resolved',
              (e) => `rejected ${e}`,
            ),
          );
        }
        return out;
      },
      ['', '%%%', tokenFor('not a url'), tokenFor('ftp://a.example/'), undefined, 42],
    );
    assert.deepEqual(results, Array(6).fill('resolved'));
    assert.deepEqual(await trace(page), Array(6).fill(['onExit', 'Invalid link token!']));
    assert.equal(await page.locator('iframe').count(), 0);
  });

  test("openPopup with a bad URL: onExit('Invalid link!'); with a good one it opens", async () => {
    const page = await hostPage(browser, servers);
    await page.evaluate(async (url) => {
      const link = window.sdk.createFrontConnection(window.recorder());
      await link.openPopup('javascript:alert(1)');
      await link.openPopup(url);
    }, `${servers.link}/pages/link.html`);
    assert.deepEqual(await trace(page), [['onExit', 'Invalid link!']]);
    const frame = await frameAt(page, `${servers.link}/pages/link.html`);
    await clearTrace(page);
    await send(page, frame, inbound.credentialsEntered);
    assert.deepEqual(await trace(page), [['onEvent', inbound.credentialsEntered]]);
    await page.evaluate(() => window.sdk.createFrontConnection({}).closePopup());
    assert.equal(await page.locator('#front-link-popup').count(), 1, 'another instance’s closePopup leaves it');
  });
});
