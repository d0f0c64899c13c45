// End to end (SPEC §8, issue 3): the demo page on one origin, the local Mesh
// simulator on a second, an attacker on a third, all in Chromium through the
// real UI. Screenshots of each step go to test-artifacts/demo/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, root, screenshot } from './harness.mjs';
import { inside, serveFiles } from '../../scripts/serve.mjs';
import { startSimulator } from '../../sim/server.mjs';
import { meshConfig, startDemo } from '../../www/server.mjs';

let browser;
const stacks = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(stacks.flatMap((s) => [s.demo.close(), s.sim.close()]));
});

async function stack({ ttl, env = {}, simOptions = {} } = {}) {
  const sim = await startSimulator({ linkTokenTtlMs: ttl, ...simOptions });
  const mesh = meshConfig({ ...env, ...(env.MESH_API_URL === 'SIM' ? { MESH_API_URL: sim.origin, MESH_LINK_ORIGIN: sim.origin } : {}) }, sim);
  const demo = await startDemo({ mesh });
  const s = { sim, demo, mesh };
  stacks.push(s);
  return s;
}

async function demoPage(s, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.errors = [];
  page.cspErrors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && page.cspErrors.push(m.text()));
  await page.goto(`${s.demo.origin}/`);
  await page.waitForFunction(() => document.getElementById('mode').textContent !== '…');
  return page;
}

const link = (page) => page.frameLocator('#front-link-popup__iframe');
const logTitles = (page) => page.$$eval('#log .what', (els) => els.map((e) => e.textContent).reverse());
const shot = (page, name) => screenshot(page, `demo/${name}`);

async function connect(page, { integration = 'robinhood', password = 'pw', mfa = true, accounts, prefix } = {}) {
  await page.click('#connect');
  const ui = link(page);
  await ui.locator(`[data-integration=${integration}]`).click();
  if (prefix) await shot(page, `${prefix}-1-credentials`);
  await ui.locator('#username').fill('alice');
  await ui.locator('#password').fill(password);
  await ui.locator('button[type=submit]').click();
  if (password === 'wrong') return ui;
  if (mfa) {
    await ui.locator('#mfa').fill('123456');
    if (prefix) await shot(page, `${prefix}-2-mfa`);
    await ui.locator('button[type=submit]').click();
  }
  if (accounts) {
    if (prefix) await shot(page, `${prefix}-3-accounts`);
    for (const box of await ui.locator('input[name=account]').all()) {
      if (accounts.includes(await box.getAttribute('value'))) await box.check();
      else await box.uncheck();
    }
    await ui.getByRole('button', { name: 'Connect' }).click();
  }
  await ui.getByRole('button', { name: 'Done' }).waitFor();
  if (prefix) await shot(page, `${prefix}-4-connected`);
  await ui.getByRole('button', { name: 'Done' }).click();
  await page.waitForSelector('#front-link-popup', { state: 'detached' });
  return ui;
}

describe('connect and transfer through the real UI', () => {
  test('catalog → credentials → MFA → account selection → connected: accounts and holdings shown', async () => {
    const s = await stack();
    const page = await demoPage(s);
    await shot(page, 'desktop-0-start');
    await connect(page, { accounts: ['5FUVPB0', '7QX2LL9'], prefix: 'desktop' });
    await page.waitForSelector('[data-account="7QX2LL9"] table');
    await shot(page, 'desktop-5-holdings');
    const cards = await page.$$eval('.account .name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(cards, ['Robinhood · Margin account', 'Robinhood · Roth IRA']);
    const symbols = await page.$$eval('[data-account="5FUVPB0"] tbody td:first-child', (els) => els.map((e) => e.textContent));
    assert.deepEqual(symbols, ['AAPL', 'F', 'DOGE', 'BTC', 'CUSIP38259P508']);
    assert.deepEqual(await logTitles(page), [
      'link token',
      'onEvent · pageLoaded',
      'onEvent · integrationSelected',
      'onEvent · credentialsEntered',
      'onEvent · integrationMfaRequired',
      'onEvent · integrationMfaEntered',
      'onEvent · integrationAccountSelectionRequired',
      'onEvent · integrationConnected',
      'onBrokerConnected',
      'onExit',
    ]);
    assert.match(await page.textContent('#notice'), /Robinhood connected: Margin account, Roth IRA/);
    assert.deepEqual([page.errors, page.cspErrors], [[], []]);
  });

  test('transfer: the connected account is offered (frontAccessTokens), preview, execute, onTransferFinished', async () => {
    const s = await stack();
    const page = await demoPage(s);
    await connect(page, { integration: 'coinbase' });
    await page.click('#transfer');
    const ui = link(page);
    await ui.locator('[data-source="cb-main-01"]').click();
    await shot(page, 'transfer-1-asset');
    await ui.locator('[data-symbol=ETH]').click();
    await ui.locator('[data-network=Ethereum]').click();
    await ui.locator('#amount').fill('0.25');
    await shot(page, 'transfer-2-amount');
    await ui.locator('button[type=submit]').click();
    await ui.locator('#execute').waitFor();
    await shot(page, 'transfer-3-preview');
    await ui.locator('#execute').click();
    await ui.locator('#tx').waitFor();
    await shot(page, 'transfer-4-sent');
    await ui.getByRole('button', { name: 'Done' }).click();
    await page.waitForSelector('#front-link-popup', { state: 'detached' });
    const titles = await logTitles(page);
    const transferPart = titles.slice(titles.lastIndexOf('link token for a transfer'));
    assert.deepEqual(transferPart, [
      'link token for a transfer',
      'onEvent · pageLoaded',
      'onEvent · transferStarted',
      'onEvent · transferAssetSelected',
      'onEvent · transferNetworkSelected',
      'onEvent · transferAmountEntered',
      'onEvent · transferPreviewed',
      'onEvent · transferExecuted',
      'onEvent · transferCompleted',
      'onTransferFinished',
      'onExit',
    ]);
    assert.match(await page.textContent('#notice'), /Transfer sent: 0.25 ETH \(transaction tx-[0-9a-f]+\)/);
    await shot(page, 'transfer-5-done');
  });

  test('a failing transfer and wrong credentials are shown, not swallowed', async () => {
    const s = await stack();
    const page = await demoPage(s);
    const ui = await connect(page, { integration: 'alpaca', password: 'wrong', mfa: false });
    await ui.getByRole('alert').waitFor();
    assert.equal(await ui.getByRole('alert').textContent(), 'Invalid credentials');
    await ui.locator('#close').click();
    await connect(page, { integration: 'coinbase' });
    await page.click('#transfer');
    await ui.locator('[data-source="cb-main-01"]').click();
    await ui.locator('[data-symbol=ETH]').click();
    await ui.locator('[data-network=Ethereum]').click();
    await ui.locator('#amount').fill('99');
    await ui.locator('button[type=submit]').click();
    await ui.locator('#execute').click();
    await ui.locator('#error-message').waitFor();
    assert.match(await page.textContent('#notice'), /Transfer failed: Insufficient balance/);
    assert.equal(await page.getAttribute('#notice', 'class'), 'notice error');
    await shot(page, 'transfer-error');
  });
});

describe('closing', () => {
  test('the close button of the Link UI: onExit with the session summary', async () => {
    const s = await stack();
    const page = await demoPage(s);
    await page.click('#connect');
    await link(page).locator('[data-integration=alpaca]').click();
    await link(page).locator('#close').click();
    await page.waitForSelector('#front-link-popup', { state: 'detached' });
    const last = await page.$eval('#log li pre', (e) => JSON.parse(e.textContent));
    assert.deepEqual(last, { summary: { page: 'credentialsPage', selectedIntegration: { id: 'alpaca', name: 'Alpaca' } } });
  });

  test('Escape, in the host page or inside the Link UI, closes it', async () => {
    const s = await stack();
    const page = await demoPage(s);
    await page.click('#connect');
    await link(page).locator('[data-integration]').first().waitFor();
    await page.evaluate(() => document.getElementById('front-link-popup').focus());
    await page.keyboard.press('Escape');
    await page.waitForSelector('#front-link-popup', { state: 'detached' });
    await page.click('#connect');
    await link(page).locator('[data-integration]').first().focus();
    // keydown only: the Link UI closes on it and its frame is gone before a
    // keyup could be delivered (Playwright would wait for it forever).
    await page.keyboard.down('Escape');
    await page.waitForSelector('#front-link-popup', { state: 'detached' });
    assert.equal((await logTitles(page)).filter((t) => t === 'onExit').length, 2);
  });
});

describe('token errors are visible', () => {
  test('an expired link token: the Link UI says so and the demo shows the error', async () => {
    const s = await stack({ ttl: 0 });
    const page = await demoPage(s);
    await page.click('#connect');
    await link(page).locator('#error-message').waitFor();
    await shot(page, 'expired-1-link');
    await link(page).locator('#error-close').click();
    await page.waitForSelector('#front-link-popup', { state: 'detached' });
    assert.equal(await page.textContent('#notice'), 'Mesh Link closed: This link token has expired. Request a new one.');
    await shot(page, 'expired-2-demo');
  });

  test('a reused link token is refused', async () => {
    const s = await stack();
    const page = await demoPage(s);
    await page.click('#connect');
    await link(page).locator('[data-integration]').first().waitFor();
    await link(page).locator('#close').click();
    await page.click('.dev summary');
    await page.click('#reuse');
    await link(page).locator('#error-close').click();
    assert.equal(await page.textContent('#notice'), 'Mesh Link closed: This link token has already been used. Request a new one.');
  });

  test('the demo server’s errors (Mesh unreachable) are shown', async () => {
    const s = await stack();
    await s.sim.close();
    const page = await demoPage(s);
    await page.click('#connect');
    await page.waitForSelector('#notice:not([hidden])');
    assert.match(await page.textContent('#notice'), /Could not start Mesh Link: Mesh API unreachable/);
  });
});

describe('hostile and strict pages', () => {
  test('an attacker on a third origin can neither frame the demo nor forge callbacks into it', async () => {
    const s = await stack();
    const attacker = await serveFiles({ route: (p) => (p.startsWith('/pages/attacker.') ? inside(join(root, 'tests'), p) : null) });
    const origin = `http://127.0.0.1:${attacker.address().port}`;
    try {
      const page = await browser.newPage();
      const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
      await page.goto(`${origin}/pages/attacker.html?demo=${encodeURIComponent(`${s.demo.origin}/`)}`);
      await blocked;
      const framed = page.frames().find((f) => f.url().startsWith(s.demo.origin));
      assert.ok(!framed || (await framed.$('#connect').catch(() => null)) === null, 'the demo refuses to be framed');
      const [victim] = await Promise.all([page.waitForEvent('popup'), page.click('#popup')]);
      await victim.waitForFunction(() => document.getElementById('mode').textContent !== '…');
      await victim.click('#connect');
      await victim.frameLocator('#front-link-popup__iframe').locator('[data-integration]').first().waitFor();
      const forged = {
        type: 'brokerageAccountAccessToken',
        payload: { accountTokens: [{ account: { accountId: 'EVIL', accountName: 'Attacker account' }, accessToken: 'stolen' }], brokerBrandInfo: { brokerLogo: '' }, brokerType: 'robinhood', brokerName: 'Evil' },
      };
      await page.evaluate((m) => window.forge(window.victim, [m, m, { type: 'done' }, { type: 'transferFinished', payload: { status: 'error', errorMessage: 'x' } }]), forged);
      await victim.waitForTimeout(300);
      assert.equal(await victim.locator('#front-link-popup').count(), 1, 'the session is untouched');
      assert.deepEqual(await logTitles(victim), ['link token', 'onEvent · pageLoaded']);
      assert.equal(await victim.locator('[data-account]').count(), 0);
    } finally {
      await new Promise((r) => attacker.close(r));
    }
  });

  test('the demo runs under a strict CSP with no violation', async () => {
    const s = await stack();
    const page = await demoPage(s);
    const response = await page.request.get(`${s.demo.origin}/`);
    const csp = response.headers()['content-security-policy'];
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", `frame-src ${s.sim.origin}`]) assert.ok(csp.includes(directive), directive);
    await connect(page, { integration: 'alpaca', mfa: false });
    await page.waitForSelector('[data-account="alp-3321"] table');
    assert.deepEqual([page.errors, page.cspErrors], [[], []]);
  });

  test('phone (375 px): the demo and the Link UI fit the screen', async () => {
    const s = await stack();
    const page = await demoPage(s, { width: 375, height: 812 });
    await shot(page, 'phone-0-start');
    await page.click('#connect');
    await link(page).locator('[data-integration]').first().waitFor();
    await shot(page, 'phone-1-catalog');
    const box = await page.locator('#front-link-popup__iframe').boundingBox();
    assert.deepEqual([box.width, box.height], [375, 812]);
    await link(page).locator('#close').click();
    await connect(page, { integration: 'alpaca', mfa: false });
    await page.waitForSelector('[data-account="alp-3321"] table');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no horizontal scrolling');
    await shot(page, 'phone-2-holdings');
  });
});

describe('real Mesh mode', () => {
  test('with MESH_CLIENT_ID/SECRET/API_URL the demo server calls that API; the secret never reaches the browser', async () => {
    const secret = 'sk_live_do_not_leak_4f9a2c';
    const s = await stack({ simOptions: { clientId: 'real-client', clientSecret: secret }, env: { MESH_CLIENT_ID: 'real-client', MESH_CLIENT_SECRET: secret, MESH_API_URL: 'SIM' } });
    assert.equal(s.mesh.mode, 'mesh');
    const page = await browser.newPage();
    const seen = [];
    page.on('response', async (r) => {
      try {
        seen.push(JSON.stringify(r.headers()) + (await r.text()));
      } catch {
        seen.push(JSON.stringify(r.headers()));
      }
    });
    await page.goto(`${s.demo.origin}/`);
    await page.waitForFunction(() => document.getElementById('mode').textContent === 'Mesh API');
    await connect(page, { integration: 'alpaca', mfa: false });
    await page.waitForSelector('[data-account="alp-3321"] table');
    await page.waitForTimeout(200);
    assert.ok(seen.length > 5);
    assert.ok(seen.every((text) => !text.includes(secret)), 'secret in a response');
    assert.ok(!(await page.content()).includes(secret));
  });
});
