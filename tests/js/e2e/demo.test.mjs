// End to end (SPEC §8; SPEC §10): the demo page on one
// origin, the local Mesh simulator on a second, an attacker on a third, all in
// Chromium through the real UI. Every flow runs once per SDK API the demo's
// switch offers (?api=link: createLink, ?api=front: createFrontConnection).
// Screenshots of each step go to test-artifacts/demo/<api>/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, root, screenshot } from '../support/harness.mjs';
import { inside, serveFiles } from '../../../scripts/serve.mjs';
import { startSimulator } from '../../../sim/server.mjs';
import { meshConfig, startDemo } from '../../../www/server.mjs';

/** What tells the two APIs apart on the page. */
const APIS = {
  link: { overlay: 'mesh-link-popup', connected: 'onIntegrationConnected' },
  front: { overlay: 'front-link-popup', connected: 'onBrokerConnected' },
};

let browser;
const stacks = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(stacks.flatMap((s) => [s.demo.close(), s.sim.close()]));
});

/** A simulator and the demo server; `env` may be a function of the simulator. */
async function stack({ ttl, env = {}, simOptions = {} } = {}) {
  const sim = await startSimulator({ linkTokenTtlMs: ttl, ...simOptions });
  const mesh = meshConfig(typeof env === 'function' ? env(sim) : env, sim);
  const demo = await startDemo({ mesh });
  const s = { sim, demo, mesh };
  stacks.push(s);
  return s;
}

/**
 * A page that records errors, CSP violations and every request to an origin
 * other than the demo's and the simulator's (`page.foreign`).
 */
async function newPage(s, api, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  Object.assign(page, { api: APIS[api], apiName: api, errors: [], cspErrors: [], foreign: [] });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && page.cspErrors.push(m.text()));
  page.on('request', (r) => /^https?:/.test(r.url()) && ![s.demo.origin, s.sim.origin].includes(new URL(r.url()).origin) && page.foreign.push(r.url()));
  return page;
}

/** Waits until the demo has made its Link objects (it then shows the mode). */
const ready = (page) => page.waitForFunction(() => document.getElementById('mode').textContent !== '…');

async function demoPage(s, api, viewport) {
  const page = await newPage(s, api, viewport);
  await page.goto(`${s.demo.origin}/?api=${api}`);
  await ready(page);
  return page;
}

const overlay = (page) => `#${page.api.overlay}`;
const link = (page) => page.frameLocator(`${overlay(page)}__iframe`);
const closed = (page) => page.waitForSelector(overlay(page), { state: 'detached' });
/**
 * Clicks a control of the Link UI that ends the session (Done, ×, Close) and
 * waits until the overlay is gone. The click removes the Link frame under the
 * pointer, and on a loaded machine Chromium then sometimes never acknowledges
 * the mouse event, so Playwright's click never returns: wait for what the
 * click causes, not for the click.
 */
async function clickToClose(page, target) {
  const clicking = target.click({ noWaitAfter: true }).catch(() => {});
  await closed(page);
  await Promise.race([clicking, new Promise((resolve) => setTimeout(resolve, 250))]);
}
const logTitles = (page) => page.$$eval('#log .what', (els) => els.map((e) => e.textContent).reverse());
const shot = (page, name) => screenshot(page, `demo/${page.apiName}/${name}`);

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
  await clickToClose(page, ui.getByRole('button', { name: 'Done' }));
  return ui;
}

// Every flow, once per API: the same test bodies, only the page's ?api differs.
for (const api of Object.keys(APIS)) {
  describe(`?api=${api}`, () => {
    describe('connect and transfer through the real UI', () => {
      test('catalog → credentials → MFA → account selection → connected: accounts and holdings shown', async () => {
        const s = await stack();
        const page = await demoPage(s, api);
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
          page.api.connected,
          'onExit',
        ]);
        assert.match(await page.textContent('#notice'), /Robinhood connected: Margin account, Roth IRA/);
        assert.deepEqual([page.errors, page.cspErrors, page.foreign], [[], [], []]);
      });

      test('transfer: the connected account is offered (frontAccessTokens), preview, execute, onTransferFinished', async () => {
        const s = await stack();
        const page = await demoPage(s, api);
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
        await clickToClose(page, ui.getByRole('button', { name: 'Done' }));
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
        const page = await demoPage(s, api);
        const ui = await connect(page, { integration: 'alpaca', password: 'wrong', mfa: false });
        await ui.getByRole('alert').waitFor();
        assert.equal(await ui.getByRole('alert').textContent(), 'Invalid credentials');
        await clickToClose(page, ui.locator('#close'));
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
        const page = await demoPage(s, api);
        await page.click('#connect');
        await link(page).locator('[data-integration=alpaca]').click();
        // On the credentials page (a click on a catalog still rendering once went nowhere in CI).
        await link(page).locator('#username').waitFor();
        await clickToClose(page, link(page).locator('#close'));
        const last = await page.$eval('#log li pre', (e) => JSON.parse(e.textContent));
        assert.deepEqual(last, { summary: { page: 'credentialsPage', selectedIntegration: { id: 'alpaca', name: 'Alpaca' } } });
      });

      test('Escape, in the host page or inside the Link UI, closes it', async () => {
        const s = await stack();
        const page = await demoPage(s, api);
        await page.click('#connect');
        await link(page).locator('[data-integration]').first().waitFor();
        await page.focus(overlay(page));
        await page.keyboard.press('Escape');
        await closed(page);
        await page.click('#connect');
        await link(page).locator('[data-integration]').first().focus();
        // keydown only: the Link UI closes on it and its frame is gone before a
        // keyup could be delivered (Playwright would wait for it forever).
        await page.keyboard.down('Escape');
        await closed(page);
        assert.equal((await logTitles(page)).filter((t) => t === 'onExit').length, 2);
      });
    });

    describe('token errors are visible', () => {
      test('an expired link token: the Link UI says so and the demo shows the error', async () => {
        const s = await stack({ ttl: 0 });
        const page = await demoPage(s, api);
        await page.click('#connect');
        await link(page).locator('#error-message').waitFor();
        await shot(page, 'expired-1-link');
        await clickToClose(page, link(page).locator('#error-close'));
        assert.equal(await page.textContent('#notice'), 'Mesh Link closed: This link token has expired. Request a new one.');
        await shot(page, 'expired-2-demo');
      });

      test('a reused link token is refused', async () => {
        const s = await stack();
        const page = await demoPage(s, api);
        await page.click('#connect');
        await link(page).locator('[data-integration]').first().waitFor();
        await clickToClose(page, link(page).locator('#close'));
        await page.click('.dev summary');
        await page.click('#reuse');
        await clickToClose(page, link(page).locator('#error-close'));
        assert.equal(await page.textContent('#notice'), 'Mesh Link closed: This link token has already been used. Request a new one.');
      });

      test('the demo server’s errors (Mesh unreachable) are shown', async () => {
        const s = await stack();
        await s.sim.close();
        const page = await demoPage(s, api);
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
          const page = await newPage(s, api);
          const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
          await page.goto(`${origin}/pages/attacker.html?demo=${encodeURIComponent(`${s.demo.origin}/?api=${api}`)}`);
          await blocked;
          const framed = page.frames().find((f) => f.url().startsWith(s.demo.origin));
          assert.ok(!framed || (await framed.$('#connect').catch(() => null)) === null, 'the demo refuses to be framed');
          const [victim] = await Promise.all([page.waitForEvent('popup'), page.click('#popup')]);
          victim.api = page.api;
          await ready(victim);
          await victim.click('#connect');
          await link(victim).locator('[data-integration]').first().waitFor();
          const forged = {
            type: 'brokerageAccountAccessToken',
            payload: {
              accountTokens: [{ account: { accountId: 'EVIL', accountName: 'Attacker account' }, accessToken: 'stolen' }],
              brokerBrandInfo: { brokerLogo: '' },
              brokerType: 'robinhood',
              brokerName: 'Evil',
            },
          };
          await page.evaluate((m) => window.forge(window.victim, [m, m, { type: 'done' }, { type: 'transferFinished', payload: { status: 'error', errorMessage: 'x' } }]), forged);
          await victim.waitForTimeout(300);
          assert.equal(await victim.locator(overlay(victim)).count(), 1, 'the session is untouched');
          assert.deepEqual(await logTitles(victim), ['link token', 'onEvent · pageLoaded']);
          assert.equal(await victim.locator('[data-account]').count(), 0);
        } finally {
          await new Promise((r) => attacker.close(r));
        }
      });

      test('the demo runs under a strict CSP with no violation', async () => {
        const s = await stack();
        const page = await demoPage(s, api);
        const response = await page.request.get(`${s.demo.origin}/`);
        const csp = response.headers()['content-security-policy'];
        for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", `frame-src ${s.sim.origin}`]) assert.ok(csp.includes(directive), directive);
        await connect(page, { integration: 'alpaca', mfa: false });
        await page.waitForSelector('[data-account="alp-3321"] table');
        assert.deepEqual([page.errors, page.cspErrors, page.foreign], [[], [], []]);
      });

      test('phone (375 px): the demo and the Link UI fit the screen', async () => {
        const s = await stack();
        const page = await demoPage(s, api, { width: 375, height: 812 });
        await shot(page, 'phone-0-start');
        await page.click('#connect');
        await link(page).locator('[data-integration]').first().waitFor();
        await shot(page, 'phone-1-catalog');
        const box = await page.locator(`${overlay(page)}__iframe`).boundingBox();
        assert.deepEqual([box.width, box.height], [375, 812]);
        await clickToClose(page, link(page).locator('#close'));
        await connect(page, { integration: 'alpaca', mfa: false });
        await page.waitForSelector('[data-account="alp-3321"] table');
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'no horizontal scrolling');
        await shot(page, 'phone-2-holdings');
      });
    });

    describe('real Mesh mode', () => {
      test('with MESH_CLIENT_ID/SECRET/API_URL the demo server calls that API; the secret never reaches the browser', async () => {
        const secret = 'sk_live_do_not_leak_4f9a2c';
        const s = await stack({
          simOptions: { clientId: 'real-client', clientSecret: secret },
          env: (sim) => ({ MESH_CLIENT_ID: 'real-client', MESH_CLIENT_SECRET: secret, MESH_API_URL: sim.origin, MESH_LINK_ORIGIN: sim.origin }),
        });
        assert.equal(s.mesh.mode, 'mesh');
        const page = await newPage(s, api);
        const seen = [];
        page.on('response', async (r) => {
          try {
            seen.push(JSON.stringify(r.headers()) + (await r.text()));
          } catch {
            seen.push(JSON.stringify(r.headers()));
          }
        });
        await page.goto(`${s.demo.origin}/?api=${api}`);
        await page.waitForFunction(() => document.getElementById('mode').textContent === 'Mesh API');
        await connect(page, { integration: 'alpaca', mfa: false });
        await page.waitForSelector('[data-account="alp-3321"] table');
        await page.waitForTimeout(200);
        assert.ok(seen.length > 5);
        assert.ok(
          seen.every((text) => !text.includes(secret)),
          'secret in a response',
        );
        assert.ok(!(await page.content()).includes(secret));
        // The Link UI is not on Mesh's host here: nothing to prewarm.
        assert.deepEqual(page.foreign, []);
      });
    });
  });
}

describe('the SDK API switch', () => {
  const iframeSrcs = (page) => page.$$eval('iframe', (frames) => frames.map((f) => f.src));
  const current = (page) => page.$eval('.api-switch [aria-current]', (a) => a.id);

  test('createLink by default; the switch changes the API: overlay ids, connected callback, lng', async () => {
    const s = await stack();
    const page = await newPage(s, 'link');
    await page.goto(`${s.demo.origin}/`);
    await ready(page);
    assert.equal(await current(page), 'api-link');
    assert.equal(await page.getAttribute('.api-switch', 'aria-label'), 'SDK API');
    await shot(page, 'switch-0-default');
    await connect(page, { integration: 'alpaca', mfa: false });
    let titles = await logTitles(page);
    assert.ok(titles.includes('onIntegrationConnected') && !titles.includes('onBrokerConnected'), titles.join(', '));

    // createLink always appends lng (3.13); createFrontConnection only with `language`.
    await page.click('#connect');
    await link(page).locator('[data-integration]').first().waitFor();
    assert.equal(new URL(await page.getAttribute(`${overlay(page)}__iframe`, 'src')).searchParams.get('lng'), 'en');
    assert.equal(await page.locator('#front-link-popup').count(), 0);
    await clickToClose(page, link(page).locator('#close'));

    await Promise.all([page.waitForURL(`${s.demo.origin}/?api=front`), page.click('#api-front')]);
    Object.assign(page, { api: APIS.front, apiName: 'front' });
    await ready(page);
    assert.equal(await current(page), 'api-front');
    await shot(page, 'switch-1-front');
    await page.click('#connect');
    await link(page).locator('[data-integration]').first().waitFor();
    assert.equal(await page.locator('#mesh-link-popup').count(), 0);
    assert.equal(new URL(await page.getAttribute(`${overlay(page)}__iframe`, 'src')).searchParams.get('lng'), null);
    await clickToClose(page, link(page).locator('#close'));
    await connect(page, { integration: 'alpaca', mfa: false });
    titles = await logTitles(page);
    assert.ok(titles.includes('onBrokerConnected') && !titles.includes('onIntegrationConnected'), titles.join(', '));

    await Promise.all([page.waitForURL(`${s.demo.origin}/?api=link`), page.click('#api-link')]);
    assert.equal(await current(page), 'api-link');
    assert.deepEqual([page.errors, page.cspErrors, page.foreign], [[], [], []]);
  });

  test('simulator mode: createLink is told to skip the prewarm, so no public host is contacted', async () => {
    const s = await stack();
    const page = await demoPage(s, 'link');
    assert.equal(await page.evaluate(() => window.meshLinkShouldSkipPrewarm), true);
    await page.waitForTimeout(500);
    assert.deepEqual(await iframeSrcs(page), []);
    assert.deepEqual(page.foreign, []);
  });

  test('real Mesh mode with Mesh’s Link host: createLink keeps its prewarm frame, createFrontConnection has none', async () => {
    // The harness's Chromium resolves *.meshconnect.com to nothing: the
    // prewarm request is made and fails locally.
    const s = await stack({ env: (sim) => ({ MESH_CLIENT_ID: sim.clientId, MESH_CLIENT_SECRET: sim.clientSecret, MESH_API_URL: sim.origin }) });
    assert.equal(s.mesh.linkOrigin, 'https://web.meshconnect.com');
    const page = await demoPage(s, 'link');
    assert.equal(await page.evaluate(() => window.meshLinkShouldSkipPrewarm), false);
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].some((f) => f.src === 'https://web.meshconnect.com/prewarm'));
    assert.deepEqual([page.errors, page.cspErrors], [[], []]);
    const front = await demoPage(s, 'front');
    await front.waitForTimeout(500);
    assert.deepEqual(await iframeSrcs(front), []);
    assert.deepEqual(front.foreign, []);
  });
});
