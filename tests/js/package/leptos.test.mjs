// The Leptos example: examples/leptos, a Leptos CSR app on the
// typed Rust API (FrontConnection, serde payloads, the wallet bridge on),
// served by its own server (examples/leptos/server.mjs: strict CSP, the two
// Mesh calls made server-side) with the local Mesh simulator on another
// origin, driven in Chromium through the simulator's Link UI.
// `npm test` builds the example first (scripts/example.mjs) and says so in
// FRONT_LINK_LEPTOS_DIST; run alone, this file builds it (cargo is
// incremental: a few seconds once built). Screenshots: test-artifacts/leptos/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from '../support/harness.mjs';
import { buildLeptosExample } from '../../../scripts/example.mjs';
import { startLeptosExample } from '../../../examples/leptos/server.mjs';
import { startSimulator } from '../../../sim/server.mjs';
import { meshConfig } from '../../../www/server.mjs';

let browser;
const stacks = [];

before(
  async () => {
    if (!process.env.FRONT_LINK_LEPTOS_DIST) buildLeptosExample();
    browser = await launch();
  },
  { timeout: 30 * 60 * 1000 }, // a cold cargo build of Leptos
);
after(async () => {
  await browser?.close();
  await Promise.all(stacks.flatMap((s) => [s.app.close(), s.sim.close()]));
});

/** The simulator and the example's server; `env` as the demo's (real-Mesh variables). */
async function stack(env = () => ({})) {
  const sim = await startSimulator();
  const mesh = meshConfig(env(sim), sim);
  const app = await startLeptosExample({ mesh });
  const s = { sim, app, mesh };
  stacks.push(s);
  return s;
}

/** The app's page once Leptos has mounted; errors, CSP reports and foreign requests recorded. */
async function appPage(s, { init } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  Object.assign(page, { errors: [], consoleErrors: [], foreign: [], responses: [] });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.consoleErrors.push(m.text()));
  page.on('request', (r) => /^https?:/.test(r.url()) && ![s.app.origin, s.sim.origin].includes(new URL(r.url()).origin) && page.foreign.push(r.url()));
  page.on('response', (r) =>
    page.responses.push(
      r.text().then(
        (body) => JSON.stringify(r.headers()) + body,
        () => JSON.stringify(r.headers()),
      ),
    ),
  );
  if (init) await page.addInitScript(init);
  await page.goto(`${s.app.origin}/`);
  await page.waitForSelector('#connect');
  return page;
}

/** The overlay's iframe: the Link UI on the simulator's origin. */
const linkFrame = (page, s) => page.frameLocator(`iframe[src^="${s.sim.origin}/link/"]`);
const logLines = (page) => page.$$eval('#log li', (items) => items.map((li) => li.textContent).reverse());
const shot = (page, name) => screenshot(page, `leptos/${name}`);

/** Waits for the overlay to go after a click that ends the session (see demo.test.mjs). */
async function clickToClose(page, s, target) {
  const clicking = target.click({ noWaitAfter: true }).catch(() => {});
  await page.waitForSelector(`iframe[src^="${s.sim.origin}/link/"]`, { state: 'detached' });
  await Promise.race([clicking, new Promise((resolve) => setTimeout(resolve, 250))]);
}

async function connect(page, s, { integration = 'robinhood', mfa = true, accounts, prefix } = {}) {
  await page.click('#connect');
  const ui = linkFrame(page, s);
  await ui.locator(`[data-integration=${integration}]`).click();
  if (prefix) await shot(page, `${prefix}-1-credentials`);
  await ui.locator('#username').fill('alice');
  await ui.locator('#password').fill('pw');
  await ui.locator('button[type=submit]').click();
  if (mfa) {
    await ui.locator('#mfa').fill('123456');
    await ui.locator('button[type=submit]').click();
  }
  if (accounts) {
    if (prefix) await shot(page, `${prefix}-2-accounts`);
    for (const box of await ui.locator('input[name=account]').all()) {
      if (accounts.includes(await box.getAttribute('value'))) await box.check();
      else await box.uncheck();
    }
    await ui.getByRole('button', { name: 'Connect' }).click();
  }
  await ui.getByRole('button', { name: 'Done' }).waitFor();
  if (prefix) await shot(page, `${prefix}-3-connected`);
  await clickToClose(page, s, ui.getByRole('button', { name: 'Done' }));
}

const clean = (page) => assert.deepEqual([page.errors, page.consoleErrors, page.foreign], [[], [], []]);

describe('examples/leptos: Leptos (CSR) on the typed Rust API', () => {
  test('connect on the simulator’s Link UI → accounts and their holdings, under a strict CSP, the secret never in the browser', async () => {
    const s = await stack();
    const page = await appPage(s);
    assert.equal(await page.textContent('#no-accounts'), 'No account connected yet.');
    await shot(page, 'connect-0-start');
    await connect(page, s, { accounts: ['5FUVPB0', '7QX2LL9'], prefix: 'connect' });

    await page.waitForSelector('[data-account="7QX2LL9"] table');
    await page.waitForSelector('[data-account="5FUVPB0"] table');
    await shot(page, 'connect-4-holdings');
    assert.deepEqual(await page.$$eval('.account .name', (els) => els.map((e) => e.textContent)), ['Robinhood · Margin account', 'Robinhood · Roth IRA']);
    assert.equal(await page.textContent('[data-account="5FUVPB0"] .cash'), 'Cash $310.00');
    const rows = await page.$$eval('[data-account="5FUVPB0"] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.deepEqual(rows, [
      ['AAPL', 'Stock', '3', '$109.00'],
      ['F', 'Stock', '27', '$7.06'],
      ['DOGE', 'Crypto', '1503', '$0.03'],
      ['BTC', 'Crypto', '0.0301672', '$18000.00'],
      ['CUSIP38259P508', 'Not supported', '1', '—'],
    ]);
    assert.equal(await page.textContent('#notice'), 'Robinhood connected: Margin account, Roth IRA.');
    assert.equal(await page.locator('#no-accounts').count(), 0);

    // The typed callbacks, in the order the Link UI's messages came; the
    // session summary's page comes with onExit.
    assert.deepEqual(await logLines(page), [
      'link token',
      'onEvent · pageLoaded',
      'onEvent · integrationSelected',
      'onEvent · credentialsEntered',
      'onEvent · integrationMfaRequired',
      'onEvent · integrationMfaEntered',
      'onEvent · integrationAccountSelectionRequired',
      'onEvent · integrationConnected',
      'onIntegrationConnected',
      'onExit · no error integrationConnectedPage',
    ]);

    const seen = await Promise.all(page.responses);
    assert.ok(seen.length > 5);
    assert.ok(
      seen.every((text) => !text.includes(s.sim.clientSecret)),
      'the client secret in a response',
    );
    clean(page);
  });

  test('a second connection adds its account; closing the Link UI with × is an exit without error', async () => {
    const s = await stack();
    const page = await appPage(s);
    await connect(page, s, { integration: 'alpaca', mfa: false });
    await page.waitForSelector('[data-account="alp-3321"] table');
    await connect(page, s, { integration: 'coinbase' });
    await page.waitForSelector('[data-account="cb-main-01"] table');
    assert.deepEqual(await page.$$eval('.account .name', (els) => els.map((e) => e.textContent)), ['Alpaca · Individual', 'Coinbase · Coinbase wallet']);
    assert.deepEqual(await page.$$eval('[data-account="cb-main-01"] tbody td:first-child', (tds) => tds.map((td) => td.textContent)), ['ETH', 'USDC', 'SOL']);

    await page.click('#connect');
    await linkFrame(page, s).locator('[data-integration]').first().waitFor();
    await clickToClose(page, s, linkFrame(page, s).locator('#close'));
    const exits = (await logLines(page)).filter((l) => l.startsWith('onExit'));
    assert.equal(exits.length, 3);
    assert.match(exits.at(-1), /^onExit · no error/);
    assert.equal(await page.locator('.notice.error').count(), 0);
    clean(page);
  });

  test('delayed authentication (Vanguard) shows a pending account', async () => {
    const s = await stack();
    const page = await appPage(s);
    await connect(page, s, { integration: 'vanguard', mfa: false });
    await page.waitForSelector('.account');
    assert.equal(await page.textContent('.account .name'), 'Vanguard · Pending account');
    assert.match(await page.textContent('.account'), /Connection pending/);
    assert.equal(await page.textContent('#notice'), 'Vanguard will confirm the connection later.');
    clean(page);
  });

  test('the wallet bridge is on: the Link UI reaches a wallet injected into the page', async () => {
    const s = await stack();
    // An EIP-6963 wallet, as a browser extension injects one.
    const page = await appPage(s, {
      init: () => {
        const provider = { request: async ({ method }) => (method === 'eth_chainId' ? '0x1' : Promise.reject({ code: 4001, message: 'User rejected the request.' })) };
        const info = Object.freeze({ uuid: 'leptos-test-wallet', name: 'Leptos Test Wallet', icon: 'data:,', rdns: 'dev.front-link-wasm.leptos' });
        window.addEventListener('eip6963:requestProvider', () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) })));
      },
    });
    await page.click('#connect');
    const frame = await (await page.waitForSelector(`iframe[src^="${s.sim.origin}/link/"]`)).contentFrame();
    await frame.waitForSelector('[data-integration]');
    await page.waitForTimeout(400); // the bridge's EIP-6963 discovery (300 ms)
    // Comlink requests from the Link UI's window to the page, as its bridge child sends them.
    const replies = await frame.evaluate(async () => {
      const requests = [
        { id: 'origin', type: 'GET', path: ['parentOrigin'] },
        { id: 'name', type: 'GET', path: ['eip6963Wallets', '0', 'name'] },
        { id: 'chain', type: 'APPLY', path: ['eip6963Wallets', '0', 'provider', 'request'], argumentList: [{ type: 'RAW', value: { method: 'eth_chainId' } }] },
      ];
      const got = {};
      await new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error(`bridge replies: ${JSON.stringify(got)}`)), 5000);
        addEventListener('message', (e) => {
          if (e.source !== parent || !requests.some((r) => r.id === e.data?.id)) return;
          got[e.data.id] = e.data.value;
          if (Object.keys(got).length === requests.length) resolve();
        });
        for (const request of requests) parent.postMessage(request, '*');
      });
      return got;
    });
    assert.deepEqual(replies, { origin: s.app.origin, name: 'Leptos Test Wallet', chain: '0x1' });
    await clickToClose(page, s, page.frameLocator(`iframe[src^="${s.sim.origin}/link/"]`).locator('#close'));
    clean(page);
  });

  test('errors are shown: a link token Mesh refuses', async () => {
    const s = await stack((sim) => ({ MESH_CLIENT_ID: sim.clientId, MESH_CLIENT_SECRET: 'not-the-secret', MESH_API_URL: sim.origin }));
    const page = await appPage(s);
    await page.click('#connect');
    await page.waitForSelector('#notice.error');
    assert.equal(await page.textContent('#notice'), 'Could not start Mesh Link: Invalid X-Client-Id or X-Client-Secret');
    assert.equal(await page.locator('iframe').count(), 0);
    await shot(page, 'error-linktoken');
    // 401 from the app's own server: the one console error Chromium reports for it.
    assert.deepEqual(page.errors, []);
    assert.ok(
      page.consoleErrors.every((e) => /401/.test(e)),
      page.consoleErrors.join('\n'),
    );
  });
  test('signing out while the Link UI is open unmounts the wallet, and dropping its session guard ends the session: overlay gone, page usable, nothing thrown', async () => {
    const s = await stack();
    const page = await appPage(s);
    await page.click('#connect');
    await linkFrame(page, s).locator('[data-integration=robinhood]').waitFor();
    assert.equal(await page.locator('#mesh-link-popup').count(), 1);
    // Nothing but the component's teardown drops the guard (no close_link).
    await page.evaluate(() => dispatchEvent(new Event('northwind:sign-out')));
    await page.waitForSelector('#signed-out');
    await page.waitForSelector(`iframe[src^="${s.sim.origin}/link/"]`, { state: 'detached' });
    assert.equal(await page.locator('#mesh-link-popup').count(), 0);
    assert.equal(await page.locator('dialog[open]').count(), 0);
    assert.equal(await page.evaluate(() => document.body.inert || document.querySelector('[inert]') !== null), false, 'the page is usable again');
    clean(page);
  });
});
