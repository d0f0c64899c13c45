// front-link-wasm/testing against the real package: each script runs on the
// stand-in in Node (the test plays the Link UI with the stand-in's flow
// helpers), and the very messages those helpers sent are then posted by a
// real cross-origin Link frame to the real package in Chromium, on the host
// test page. The callbacks (name, arguments, their count, order) and what
// the SDK posted to the Link UI must be the same, per face. This holds what
// the stand-in transcribes of the web layer (src/web/runtime.rs,
// src/js_api.rs) to the wasm; tests/js/testing-core.test.mjs holds its core.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { root, startServers } from '../support/harness.mjs';
import { launchEngine } from '../engines/driver.mjs';
import { APIS, clearTrace, hostPage, openSession, received, send, tokenFor, trace } from '../engines/session.mjs';

const testing = await import(join(root, 'pkg', 'testing', 'index.js'));
let servers;
let browser;
let page;

before(async () => {
  servers = await startServers();
  browser = await launchEngine('chromium');
  page = await hostPage(browser, servers);
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const ACCESS_TOKENS = [{ accountId: 'acc-1', accountName: 'Individual', accessToken: 'at-1', brokerType: 'robinhood', brokerName: 'Robinhood' }];

/**
 * Each script: options beside the recording callbacks, then steps, each a
 * flow on the stand-in's session (`(s) => s.connect()`), or `'dismiss'`
 * (the user presses Escape) or `'closeLink'` (the app closes).
 */
const SCRIPTS = {
  'connect with MFA and account selection, then done': [(s) => s.connect({ mfa: true, accountSelection: true }), (s) => s.done()],
  'connect given accounts, Link UI closed with a message': [
    (s) => s.connect({ accounts: [{ accountName: 'Cash' }], broker: { type: 'kraken', name: 'Kraken' } }),
    (s) => s.close({ message: 'User closed' }),
  ],
  'delayed auth, closed with a summary': [(s) => s.delayedAuth(), (s) => s.close({ summary: { page: 'catalogPage' } })],
  'transfer success, transfer failure, closed bare': [(s) => s.transfer(), (s) => s.transfer({ status: 'error', errorMessage: 'Declined' }), (s) => s.close()],
  'a connection error, then the Link UI fails': [(s) => s.connectionError('Wrong password'), (s) => s.fail('Broker is down')],
  'loaded twice, an event, an error close with a summary': [
    (s) => s.load(),
    (s) => s.load(),
    (s) => s.event('integrationOAuthStarted'),
    (s) => s.close({ errorMessage: 'Timed out', summary: { page: 'errorPage' } }),
  ],
  'messages the SDK does not deliver, and odd payloads it delivers as sent, then one it takes': [
    (s) => s.send({ type: 'brokerageAccountAccessToken', payload: { accountTokens: 'x' } }),
    (s) => s.send({ type: 'transferFinished', payload: { status: 'error' } }),
    (s) => s.send({ type: 'nope' }),
    (s) => s.send('loaded'),
    (s) => s.send({ type: 'integrationSelected', payload: { integrationType: 'x' } }),
    (s) => s.event('credentialsEntered'),
  ],
  'dismissed by the user': [(s) => s.load(), 'dismiss'],
  'closed by the app': [(s) => s.connect(), 'closeLink'],
  'the accessTokens option is posted on loaded': [(s) => s.load()],
};

/** Options whose callbacks record `[name, ...args]`, as the host page's recorder does. */
function recorder(rows, extra) {
  const record =
    (name) =>
    (...args) =>
      rows.push([name, ...structuredClone(args)]);
  const names = ['onBrokerConnected', 'onIntegrationConnected', 'onExit', 'onTransferFinished', 'onEvent'];
  return { clientId: 'test-client', ...Object.fromEntries(names.map((n) => [n, record(n)])), ...extra };
}

/** Runs `steps` on the stand-in; returns the callbacks, what was posted, and each step's messages. */
async function onStandIn(api, steps, extra) {
  testing.reset();
  const rows = [];
  const link = testing[api.create](recorder(rows, extra));
  link.openLink(testing.linkToken('http://127.0.0.1:9/link.html'));
  const s = await testing.nextSession();
  const perStep = [];
  for (const step of steps) {
    if (step === 'dismiss') s.dismiss();
    else if (step === 'closeLink') link.closeLink();
    else {
      const sent = [];
      const send = s.send.bind(s);
      s.send = (data) => (sent.push(structuredClone(data)), send(data));
      step(s);
      delete s.send;
      perStep.push(sent);
      continue;
    }
    perStep.push(step);
  }
  testing.reset();
  return { rows, posted: s.posted, perStep };
}

/** The same, in Chromium: the stand-in's messages from a real Link frame. */
async function inBrowser(api, perStep, extra) {
  await page.goto(`${servers.host}/pages/host.html`);
  await page.waitFor(() => window.sdkReady === true);
  await clearTrace(page);
  const frame = await openSession(page, servers, { api, options: extra });
  let posted = [];
  // What the frame received, read while it is there (a session that ends takes it away).
  const read = async () => {
    if (await page.evaluate((frame) => document.querySelector(frame) !== null, frame)) posted = (await received(page, frame)).map(({ data }) => data);
  };
  for (const step of perStep) {
    await read();
    if (step === 'dismiss') await page.press('Escape');
    else if (step === 'closeLink') await page.evaluate(() => window.link.closeLink());
    else await send(page, frame, ...step);
  }
  await read();
  return { rows: await trace(page), posted };
}

for (const api of APIS) {
  describe(`${api.create}: the stand-in delivers what the real package delivers`, () => {
    for (const [name, steps] of Object.entries(SCRIPTS)) {
      test(name, async () => {
        const extra = name.startsWith('the accessTokens') ? { accessTokens: ACCESS_TOKENS, transferDestinationTokens: ACCESS_TOKENS } : {};
        const standIn = await onStandIn(api, steps, extra);
        const real = await inBrowser(api, standIn.perStep, extra);
        assert.ok(standIn.rows.length > 0);
        assert.deepStrictEqual(standIn.rows, real.rows);
        // meshSDKSpecs names the page's origin, which a test runner has not got.
        const outbound = (list) => list.map(({ type, payload }) => (type === 'meshSDKSpecs' ? { type, platform: payload.platform, version: payload.version } : { type, payload }));
        assert.deepStrictEqual(outbound(standIn.posted), outbound(real.posted));
      });
    }
    test('a token the SDK refuses ends in the same onExit, and the stand-in says why', async () => {
      for (const token of ['', 'not base64!', tokenFor('javascript:alert(1)'), tokenFor('http://evil.example/')]) {
        testing.reset();
        const rows = [];
        testing[api.create](recorder(rows, {})).openLink(token);
        await assert.rejects(testing.nextSession(), /refused with onExit\("Invalid link token!"\): the link token /);
        await page.goto(`${servers.host}/pages/host.html`);
        await page.waitFor(() => window.sdkReady === true);
        await clearTrace(page);
        await page.evaluate(({ create, token }) => window.sdk[create](window.recorder('')).openLink(token), { create: api.create, token });
        await page.waitFor(() => window.trace.length > 0);
        assert.deepStrictEqual(rows, await trace(page), token);
      }
    });
  });
}
