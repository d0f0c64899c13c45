// The wallet bridge's figures for `npm run bench` (SPEC §12): round trips a
// Comlink 4 child (the tests' bridge child, real comlink 4.4.2) makes to the
// bridge in the host page, and many sessions with the bridge on, for this
// package's createLink and for 3.13's (@meshconnect/uwc-bridge-parent 1.7.0).
import { frameWhere, tokenFor } from '../tests/js/support/harness.mjs';

const WALLETS = 'eip6963,solana,bip122';

async function hostPage(browser, servers, sdk) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const query = new URLSearchParams({ wallets: WALLETS });
  if (sdk !== 'ours') query.set('sdk', 'mesh-upstream');
  await page.goto(`${servers.host}/pages/bridge-host.html?${query}`);
  await page.waitForFunction(() => window.sdkReady === true);
  return { context, page };
}

/**
 * Mean ms of `n` round trips of each kind, after a warm-up: a `GET` of
 * `parentOrigin`, and an EIP-1193 `request` on an EIP-6963 wallet's provider
 * (child → bridge → wallet → child).
 */
export async function roundTrips(browser, servers, sdk, n) {
  const { context, page } = await hostPage(browser, servers, sdk);
  const url = `${servers.link}/pages/bridge-child.html?bench=1`;
  await page.evaluate(async (token) => {
    window.link = window.sdk.createLink({ onExit() {} });
    await window.link.openLink(token);
  }, tokenFor(url));
  const frame = await frameWhere(page, (u) => u.startsWith(url));
  await frame.waitForFunction(() => window.childReady === true);
  const result = await frame.evaluate(async (n) => {
    const { Comlink } = window;
    const remote = Comlink.wrap(Comlink.windowEndpoint(parent));
    while (!(await remote.eip6963WalletsReady)) await new Promise((resolve) => setTimeout(resolve, 20));
    // The mean of `n` round trips in a row: one is shorter than the
    // browser's timer resolution.
    const time = async (f) => {
      for (let i = 0; i < 20; i++) await f();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await f();
      return (performance.now() - t0) / n;
    };
    const provider = remote.eip6963Wallets[0].provider;
    const chain = await provider.request({ method: 'eth_chainId' });
    if (chain !== '0x1') throw new Error(`the wallet answered ${chain}`);
    return { getMs: await time(() => remote.parentOrigin), requestMs: await time(() => provider.request({ method: 'eth_chainId' })) };
  }, n);
  await context.close();
  return result;
}

/**
 * `n` sessions whose Link UI opens the wallet channel (openLink → the Link
 * frame loads and sends a Comlink `GET` → the page's wallets are asked →
 * closeLink), in a page with EIP-6963, Solana and Bitcoin wallets; each SDK
 * waits for the same two things (3.13 asks the wallets at the open, ours at
 * that first wallet message). `counters` is read before and after (after
 * `warmup` sessions), plus the wallets' own listener counts.
 */
export async function sessions(browser, servers, sdk, n, warmup, counters) {
  const { context, page } = await hostPage(browser, servers, sdk);
  const cdp = await context.newCDPSession(page);
  const script = Buffer.from(JSON.stringify([{ id: 'first', type: 'GET', path: ['parentOrigin'] }])).toString('base64');
  const url = `${servers.link}/pages/link.html?script=${encodeURIComponent(script)}`;
  const cycle = (count) =>
    page.evaluate(
      async ([token, count]) => {
        window.link ??= window.sdk.createLink({ onExit() {} });
        const t0 = performance.now();
        for (let i = 0; i < count; i++) {
          const asked = new Promise((resolve) => addEventListener('eip6963:requestProvider', resolve, { once: true }));
          await window.link.openLink(token);
          const frame = document.getElementById('mesh-link-popup__iframe');
          if (!frame) throw new Error('no iframe');
          await Promise.all([asked, new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))]);
          window.link.closeLink();
        }
        return performance.now() - t0;
      },
      [tokenFor(url), count],
    );
  const wallets = () => page.evaluate(() => Object.values(window.walletControl.listeners()).reduce((a, b) => a + b, 0));
  // The test wallets journal every call made on them (tests/pages/wallets.js): emptied
  // before each count, so that the heap figure is the SDK's, not the journal's.
  const count = async () => {
    await page.evaluate(() => (window.walletCalls.length = 0));
    return { ...(await counters({ p: page, cdp })), walletListeners: await wallets() };
  };
  await cycle(warmup);
  const before = await count();
  const ms = await cycle(n);
  const after = await count();
  await context.close();
  const growth = Object.fromEntries(
    Object.keys(before)
      .filter((k) => before[k] !== null)
      .map((k) => [k, after[k] - before[k]]),
  );
  return { ms, growth };
}
