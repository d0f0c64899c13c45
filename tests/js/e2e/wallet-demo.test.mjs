// End to end, the wallet bridge in the demo (SPEC §8 and §11):
// the demo page (Northwind Wallet) with its Demo Wallet (www/demo-wallet.js,
// an EIP-6963 provider) on one origin, the simulator's Link UI on another.
// "Browser wallet" in the Link UI wraps the SDK's bridge with the real
// comlink 4.4.2, lists the page's wallets, connects the Demo Wallet, has it
// sign a message (the user approves or rejects in the wallet's dialog in the
// host page), and ends with a brokerageAccountAccessToken for the wallet.
// Once per SDK API of the demo's switch (createLink: the bridge is always on;
// createFrontConnection: walletBridge: true). Screenshots go to
// test-artifacts/wallet-demo/<api>/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from '../support/harness.mjs';
import { startSimulator } from '../../../sim/server.mjs';
import { meshConfig, startDemo } from '../../../www/server.mjs';
import { DEMO_WALLET_ADDRESS, DEMO_WALLET_NAME, DEMO_WALLET_RDNS } from '../../../www/demo-wallet.js';

const APIS = {
  link: { overlay: 'mesh-link-popup', connected: 'onIntegrationConnected' },
  front: { overlay: 'front-link-popup', connected: 'onBrokerConnected' },
};
const SHORT = `${DEMO_WALLET_ADDRESS.slice(0, 6)}…${DEMO_WALLET_ADDRESS.slice(-4)}`;

let browser;
const stacks = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(stacks.flatMap((s) => [s.demo.close(), s.sim.close()]));
});

async function stack({ env = {} } = {}) {
  const sim = await startSimulator();
  const mesh = meshConfig(typeof env === 'function' ? env(sim) : env, sim);
  const demo = await startDemo({ mesh });
  const s = { sim, demo, mesh };
  stacks.push(s);
  return s;
}

/** The demo page, recording page errors, CSP violations and requests to any other origin. */
async function demoPage(s, api) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  Object.assign(page, { api: APIS[api], apiName: api, errors: [], cspErrors: [], foreign: [] });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && page.cspErrors.push(m.text()));
  page.on('request', (r) => /^https?:/.test(r.url()) && ![s.demo.origin, s.sim.origin].includes(new URL(r.url()).origin) && page.foreign.push(r.url()));
  await page.goto(`${s.demo.origin}/?api=${api}`);
  await page.waitForFunction(() => document.getElementById('mode').textContent !== '…');
  return page;
}

const overlay = (page) => `#${page.api.overlay}`;
const link = (page) => page.frameLocator(`${overlay(page)}__iframe`);
const shot = (page, name) => screenshot(page, `wallet-demo/${page.apiName}/${name}`);
const logTitles = (page) => page.$$eval('#log .what', (els) => els.map((e) => e.textContent).reverse());
/** The payload logged with the latest entry titled `title`. */
const logged = (page, title) =>
  page.$$eval(
    '#log li',
    (items, t) => {
      const item = items.find((li) => li.querySelector('.what').textContent === t);
      return item ? JSON.parse(item.querySelector('pre').textContent) : null;
    },
    title,
  );
/** Clicks what ends the session and waits for the overlay to go (see demo.test.mjs). */
async function clickToClose(page, target) {
  const clicking = target.click({ noWaitAfter: true }).catch(() => {});
  await page.waitForSelector(overlay(page), { state: 'detached' });
  await Promise.race([clicking, new Promise((resolve) => setTimeout(resolve, 250))]);
}

/** The Demo Wallet's confirmation dialog in the host page: its title, then the user's answer. */
async function walletAsks(page, title, answer, shotName) {
  const dialog = page.locator('#demo-wallet-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), title);
  assert.match(await dialog.textContent(), /not a real wallet/);
  if (shotName) await shot(page, shotName);
  if (answer === 'escape') await page.keyboard.press('Escape');
  else await dialog.locator(answer === 'approve' ? '#demo-wallet-approve' : '#demo-wallet-reject').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Connect an account → Browser wallet: waits for the wallet list. */
async function openWallets(page) {
  await page.click('#connect');
  const ui = link(page);
  await ui.locator('[data-integration=browser-wallet]').click();
  await ui.locator(`[data-wallet="${DEMO_WALLET_RDNS}"]`).waitFor();
  return ui;
}

for (const api of Object.keys(APIS)) {
  describe(`?api=${api}: Browser wallet through the wallet bridge`, () => {
    test('Browser wallet → Demo Wallet: listed, connected, message signed; the app shows the wallet account, its holdings and the log', async () => {
      const s = await stack();
      const page = await demoPage(s, api);
      assert.equal(await page.isVisible('#demo-wallet-note'), true, 'the page says it has a demo wallet');
      const ui = await openWallets(page);
      await shot(page, '1-wallets');
      const item = ui.locator(`[data-wallet="${DEMO_WALLET_RDNS}"]`);
      assert.match(await item.textContent(), new RegExp(`^${DEMO_WALLET_NAME.replace(/[()]/g, '\\$&')}`));
      assert.match(await item.locator('img').getAttribute('src'), /^data:image\/svg\+xml,/);
      assert.equal(await ui.locator('[data-wallet]').count(), 1, 'no other wallet in this browser');

      await item.click();
      await walletAsks(page, 'Connect to this site?', 'approve', '2-wallet-connect');
      const message = ui.locator('#wallet-message');
      await message.waitFor();
      const text = await message.textContent();
      assert.match(text, new RegExp(`Address: ${DEMO_WALLET_ADDRESS}`));
      assert.match(text, /Chain ID: 1\n/);
      assert.match(text, /Session: [0-9a-f-]{36}/);
      await shot(page, '3-verify');
      await ui.locator('#wallet-sign').click();
      const dialog = page.locator('#demo-wallet-dialog');
      await dialog.waitFor();
      assert.equal(await dialog.locator('pre').textContent(), text, 'the wallet shows the message it signs, decoded');
      await walletAsks(page, 'Signature request', 'approve', '4-wallet-sign');

      const doneButton = ui.getByRole('button', { name: 'Done' });
      await doneButton.waitFor();
      assert.equal(await ui.locator('h1').textContent(), `${DEMO_WALLET_NAME} connected`);
      assert.equal(await ui.locator('.done .sub').textContent(), SHORT);
      await shot(page, '5-connected');
      await clickToClose(page, doneButton);

      await page.waitForSelector(`[data-account="${DEMO_WALLET_ADDRESS}"] table`);
      await shot(page, '6-account');
      assert.deepEqual(await page.$$eval('.account .name', (els) => els.map((e) => e.textContent)), [`${DEMO_WALLET_NAME} · ${SHORT}`]);
      assert.deepEqual(await page.$$eval(`[data-account="${DEMO_WALLET_ADDRESS}"] tbody td:first-child`, (els) => els.map((e) => e.textContent)), ['ETH', 'USDC']);
      assert.match(await page.textContent('#notice'), new RegExp(`connected: ${SHORT}`));
      assert.deepEqual(await logTitles(page), [
        'link token',
        'onEvent · pageLoaded',
        'onEvent · integrationSelected',
        'Demo Wallet · eth_requestAccounts approved',
        'Demo Wallet · personal_sign approved (a fake signature)',
        'onEvent · walletMessageSigned',
        'onEvent · integrationConnected',
        page.api.connected,
        'onExit',
      ]);

      // What the app got: an AccessTokenPayload for the wallet, by its address.
      const connected = await logged(page, page.api.connected);
      const token = connected.accessToken;
      assert.equal(token.brokerType, 'deFiWallet');
      assert.equal(token.brokerName, DEMO_WALLET_NAME);
      assert.equal(token.accountTokens.length, 1);
      assert.deepEqual([token.accountTokens[0].account.accountId, token.accountTokens[0].account.accountName], [DEMO_WALLET_ADDRESS, SHORT]);
      assert.match(token.accountTokens[0].accessToken, /^at-wallet-/);
      assert.equal(typeof token.brokerBrandInfo.brokerLogo, 'string');
      assert.deepEqual(await logged(page, 'onEvent · integrationSelected'), { integrationType: 'deFiWallet', integrationName: 'Browser wallet' });
      const signed = await logged(page, 'onEvent · walletMessageSigned');
      assert.deepEqual([signed.address, signed.message, signed.isVerified], [DEMO_WALLET_ADDRESS, text, false]);
      assert.match(signed.signedMessageHash, /^0x[0-9a-f]{130}$/);
      assert.equal(typeof signed.timeStamp, 'number');
      assert.deepEqual((await logged(page, 'onExit')).summary, { page: 'integrationConnectedPage', selectedIntegration: { id: 'browser-wallet', name: 'Browser wallet' } });
      assert.deepEqual([page.errors, page.cspErrors, page.foreign], [[], [], []]);
    });

    test('rejections in the wallet are shown in the Link UI, which retries or goes back; then the wallet connects', async () => {
      const s = await stack();
      const page = await demoPage(s, api);
      const ui = await openWallets(page);

      // The connection refused with Escape in the wallet's dialog: the Link session stays open.
      await ui.locator(`[data-wallet="${DEMO_WALLET_RDNS}"]`).click();
      await walletAsks(page, 'Connect to this site?', 'escape');
      await ui.locator('#error-message').waitFor();
      assert.equal(await ui.locator('h1').textContent(), 'Connection rejected');
      assert.equal(await ui.locator('#error-message').textContent(), 'User rejected the request.');
      assert.equal(await page.locator(overlay(page)).count(), 1, 'Escape in the wallet did not close Mesh Link');
      await shot(page, 'reject-1-connection');

      // Try again: approved; then the signature is rejected.
      await ui.locator('#wallet-retry').click();
      await walletAsks(page, 'Connect to this site?', 'approve');
      await ui.locator('#wallet-sign').click();
      await walletAsks(page, 'Signature request', 'reject');
      await ui.locator('#error-message').waitFor();
      assert.equal(await ui.locator('h1').textContent(), 'Signature rejected');
      assert.equal(await ui.locator('#error-message').textContent(), 'User rejected the request.');
      assert.equal(await ui.getByRole('alert').count(), 1);
      await shot(page, 'reject-2-signature');
      assert.equal(await page.locator('[data-account]').count(), 0, 'no account without a signature');

      // Back to the message, sign it this time.
      await ui.locator('#back').click();
      await ui.locator('#wallet-sign').click();
      await walletAsks(page, 'Signature request', 'approve');
      await clickToClose(page, ui.getByRole('button', { name: 'Done' }));
      await page.waitForSelector(`[data-account="${DEMO_WALLET_ADDRESS}"] table`);

      assert.deepEqual(await logTitles(page), [
        'link token',
        'onEvent · pageLoaded',
        'onEvent · integrationSelected',
        'Demo Wallet · eth_requestAccounts rejected',
        'onEvent · integrationConnectionError',
        'Demo Wallet · eth_requestAccounts approved',
        'Demo Wallet · personal_sign rejected',
        'onEvent · verifyWalletRejected',
        'Demo Wallet · personal_sign approved (a fake signature)',
        'onEvent · walletMessageSigned',
        'onEvent · integrationConnected',
        page.api.connected,
        'onExit',
      ]);
      assert.deepEqual(await logged(page, 'onEvent · integrationConnectionError'), { errorMessage: 'User rejected the request.' });
      // The wallet's rejections went to the Link UI as Comlink throws: nothing unhandled in the page.
      assert.deepEqual([page.errors, page.cspErrors, page.foreign], [[], [], []]);
    });

    test('against the real Mesh the demo wallet stays out: the Link UI finds no wallet and says so', async () => {
      const s = await stack({ env: (sim) => ({ MESH_CLIENT_ID: sim.clientId, MESH_CLIENT_SECRET: sim.clientSecret, MESH_API_URL: sim.origin, MESH_LINK_ORIGIN: sim.origin }) });
      const page = await demoPage(s, api);
      assert.equal(await page.isVisible('#demo-wallet-note'), false);
      await page.click('#connect');
      const ui = link(page);
      await ui.locator('[data-integration=browser-wallet]').click();
      await ui.locator('#no-wallets').waitFor();
      assert.match(await ui.locator('#no-wallets').textContent(), /No wallet found in this browser/);
      await ui.locator('#back').click();
      await ui.locator('[data-integration=browser-wallet]').waitFor();
      await clickToClose(page, ui.locator('#close'));
      assert.deepEqual([page.errors, page.cspErrors, page.foreign], [[], [], []]);
    });
  });
}
