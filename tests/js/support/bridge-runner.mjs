// The runner of the wallet-bridge tests (SPEC §11; bridge-differential and
// bridge-hostile): one scripted session per browser context. The host page
// (tests/pages/bridge-host.html) installs the fake wallets (wallets.js), then
// the SDK (?sdk=mesh-upstream: 3.13 with @meshconnect/uwc-bridge-parent
// 1.7.0; default: this package); `createLink().openLink()` opens the Link
// stand-in with the Comlink child (bridge-child.html) on the link origin.
// Child steps run there (bridge-child.js lists the ops); host steps run in
// the host page. After every step we record what the child got back (its
// result, every Comlink message from the parent, callback calls), every call
// a wallet received, the SDK callbacks, and the host page's uncaught errors.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameWhere, root, tokenFor } from './harness.mjs';

// Requests to anything but the test servers are aborted before they leave
// the browser (as differential-runner does), and listed.
const LOCAL = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;
/** The Solana JSON-RPC endpoint the scripts name: answered by a route, never reached. */
export const RPC_URL = 'https://rpc.bridge-test.invalid/';

/**
 * Whether the built package has a wallet bridge at all: any build with one
 * names `eip6963:requestProvider` (in the JS glue or the wasm's data). Until
 * then our side of the bridge tests is marked todo, never skipped or faked.
 */
export const OURS_HAS_BRIDGE = ['pkg/index.js', 'pkg/front_link_wasm.js', 'pkg/front_link_wasm_bg.wasm'].some(
  (f) => existsSync(join(root, f)) && readFileSync(join(root, f)).includes('eip6963:requestProvider'),
);

// --- fixtures (the same as tests/pages/wallets.js) ---------------------------------
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export function base58(bytes) {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let s = '';
  for (; n > 0n; n /= 58n) s = B58[Number(n % 58n)] + s;
  for (const b of bytes) {
    if (b !== 0) break;
    s = `1${s}`;
  }
  return s;
}
/** The fake Solana wallets' public keys (account 1 and 2), and their addresses. */
export const SOL_KEY = (k) => Array.from({ length: 32 }, (_, i) => (i * 7 + k * 13) % 256);
export const SOL = [base58(SOL_KEY(1)), base58(SOL_KEY(2))];
/** A legacy Solana transaction paying nothing: one signature slot, two keys, one empty instruction. */
export const TX = [1, ...Array(64).fill(0), 1, 0, 1, 2, ...SOL_KEY(1), ...Array(32).fill(0), ...Array(32).fill(3), 1, 1, 1, 0, 0];
/** What the fake wallets make of it: the first signature slot filled with 7s. */
export const SIGNED = TX.map((b, i) => (i >= 1 && i < 65 ? 7 : b));

/** `'a.b.0'` → `['a','b','0']`; arrays pass unchanged; `''` is the root. */
export const P = (path) => (Array.isArray(path) ? path : path === '' ? [] : path.split('.'));

// --- step builders -----------------------------------------------------------------
export const get = (path, o = {}) => ({ op: 'get', path: P(path), ...o });
export const apply = (path, args = [], o = {}) => ({ op: 'apply', path: P(path), args, ...o });
export const set = (path, value, o = {}) => ({ op: 'set', path: P(path), value, ...o });
export const construct = (path, args = [], o = {}) => ({ op: 'construct', path: P(path), args, ...o });
export const raw = (msg, o = {}) => ({ op: 'raw', msg, ...o });
export const poll = (path = 'eip6963WalletsReady', o = {}) => ({ op: 'poll', path: P(path), ...o });
export const child = (op, o = {}) => ({ op, ...o });
/** A call left running (`as` names it), awaited later by `awaitCall(as)`. */
export const start = (as, call) => ({ op: 'start', as, call });
export const awaitCall = (ref, o = {}) => ({ op: 'await', ref, ...o });
export const host = (what, o = {}) => ({ at: 'host', do: what, ...o });
export const cb = (name) => ({ $cb: name });
export const cbThrow = (name) => ({ $cbThrow: name });
export const bytes = (a) => ({ $bytes: Array.from(a) });
export const UNDEFINED = { $undefined: true };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The child frame at `url` (the SDKs append lng=…), once bridge-child.js ran. */
async function childFrame(page, url) {
  for (let i = 0; i < 400; i++) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(url));
    if (frame) {
      try {
        await frame.waitForFunction(() => window.childReady === true, null, { timeout: 5000 });
        return frame;
      } catch {
        // navigating; look again
      }
    }
    await sleep(25);
  }
  throw new Error(`no bridge child at ${url}`);
}

let sessions = 0;

/**
 * Runs `script` ({steps, wallets?, overlay?, hold?, api?}) against `sdk`
 * ('mesh-upstream' or 'ours'). With `reference` (the 1.7.0 trace), our run
 * stops at the first step where 1.7.0 answered and we did not (the rest would
 * only wait out their time limits). Returns {opened, steps: [...], end}:
 * what happened while the session opened, after each step, at the end.
 */
export async function runBridgeScript(browser, servers, sdk, script, { reference, api = script.api ?? 'createLink' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  const rpc = [];
  await context.route(
    (url) => !LOCAL.test(url.href),
    (route) => {
      requests.push(route.request().url());
      return route.abort().catch(() => {});
    },
  );
  // Registered last, so it runs first: the Solana RPC endpoint of the scripts.
  await context.route(`${RPC_URL}**`, (route) => {
    const r = route.request();
    let body = r.postData();
    let id = null;
    try {
      body = JSON.parse(body);
      if (body && typeof body === 'object') [id, body.id] = [body.id, typeof body.id]; // a fresh uuid per request
    } catch {
      // not JSON: kept as text
    }
    rpc.push({ method: r.method(), url: r.url(), contentType: r.headers()['content-type'] ?? null, body });
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ jsonrpc: '2.0', result: '5igNaTuReFromTheRpc', id }) });
  });
  // A path of the host's own origin no script should ever make the page request.
  const stolen = [];
  await context.route('**/steal**', (route) => {
    stolen.push({ method: route.request().method(), url: route.request().url() });
    return route.fulfill({ status: 404, body: 'no' });
  });
  const page = await context.newPage();
  const hostErrors = [];
  page.on('pageerror', (e) => hostErrors.push(`${e.name}: ${e.message}`));
  const query = new URLSearchParams({ wallets: script.wallets ?? 'eip6963' });
  if (sdk !== 'ours') query.set('sdk', sdk);
  if (script.hold) query.set('hold', String(script.hold));
  await page.goto(`${servers.host}/pages/bridge-host.html?${query}`);
  await page.waitForFunction(() => window.sdkReady === true);
  await page.evaluate(() => {
    window.protoBaseline = [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p));
    window.trace.length = 0;
  });

  const ctx = { page, servers, frame: null, embedded: !script.overlay };
  async function open() {
    const url = `${servers.link}/pages/bridge-child.html?s=${++sessions}`;
    await page.evaluate(
      async ({ api, token, embedded }) => {
        const options = embedded ? { renderType: 'embedded' } : {};
        window.link ??= api === 'createLink' ? window.sdk.createLink(window.recorder('', options)) : window.sdk.createFrontConnection(window.recorder('', { ...options, walletBridge: true }));
        await window.link.openLink(token, embedded ? 'embed' : undefined);
      },
      { api, token: tokenFor(url), embedded: ctx.embedded },
    );
    ctx.frame = await childFrame(page, url);
  }
  await open();
  // What the wallets heard while the bridge started (discovery), before any step.
  const opened = await page.evaluate(() => ({ walletCalls: window.walletCalls.splice(0), sdk: window.trace.splice(0).map((c) => c.name) }));
  opened.hostErrors = hostErrors.splice(0);

  const steps = [];
  for (const [index, step] of script.steps.entries()) {
    const entry = { step, result: undefined, wire: [], callbacks: [], walletCalls: [], sdk: [], hostErrors: [] };
    steps.push(entry);
    if (step.at === 'host') entry.result = await hostStep(ctx, step, open);
    else {
      // `want` and friends are for the test, not the child (and may hold functions).
      const { want, ours, ...op } = step;
      try {
        entry.result = await ctx.frame.evaluate(([s, i]) => window.run(s, i), [op, index]);
      } catch (e) {
        entry.result = ctx.frame.isDetached() ? { detached: true } : { error: { name: 'Harness', message: e.message } };
      }
    }
    // What the child got meanwhile: replies go to the step that asked.
    let drained = { wire: [], callbacks: [], childErrors: [] };
    try {
      drained = await ctx.frame.evaluate(() => window.drain());
    } catch {
      // the child is gone
    }
    for (const w of drained.wire) {
      const asked = typeof w.msg?.id === 'string' && /^s(\d+)\./.exec(w.msg.id);
      (asked && steps[Number(asked[1])] ? steps[Number(asked[1])] : entry).wire.push(w);
    }
    entry.callbacks = drained.callbacks;
    // Unhandled rejections in the child (refused SETs): a consequence of
    // replies already in `wire`, kept for reading, not compared.
    entry.childErrors = drained.childErrors ?? [];
    const hostSide = await page.evaluate(() => ({ walletCalls: window.walletCalls.splice(0), sdk: window.trace.splice(0).map((c) => c.name) }));
    Object.assign(entry, hostSide, { hostErrors: hostErrors.splice(0) });
    if (step.op === 'poll') entry.wire = '[not compared: poll]';
    const theirs = reference?.steps[index]?.result;
    if (reference && entry.result?.timeout && theirs && !theirs.timeout && !step.afterEnd && !step.hard) {
      for (const rest of script.steps.slice(index + 1))
        steps.push({ step: rest, result: { skipped: 'an earlier step got no answer' }, wire: [], callbacks: [], walletCalls: [], sdk: [], hostErrors: [], childErrors: [] });
      break;
    }
  }
  await sleep(50);
  const end = await page.evaluate(() => ({
    // Names added to Object.prototype, Array.prototype or Function.prototype since the page loaded.
    pollution: [Object.prototype, Array.prototype, Function.prototype].flatMap((p, i) => Object.getOwnPropertyNames(p).filter((k) => !window.protoBaseline[i].includes(k))),
    executed: window.executed ?? null,
    walletCalls: window.walletCalls.splice(0),
    sdk: window.trace.splice(0).map((c) => c.name),
    listeners: window.walletControl.listeners(),
  }));
  Object.assign(end, { hostErrors: hostErrors.splice(0), requests: [...new Set(requests)].sort(), rpc, stolen });
  await context.close();
  return { opened, steps, end };
}

async function hostStep(ctx, step, open) {
  const { page, servers } = ctx;
  switch (step.do) {
    case 'emit': {
      await page.evaluate(({ wallet, event, args }) => window.walletControl.emit(wallet, event, ...args), step);
      return waitCallbacks(ctx, step.expect ?? 0);
    }
    case 'accounts':
      await page.evaluate(({ key, indexes }) => window.walletControl.accounts(key, indexes), step);
      return waitCallbacks(ctx, step.expect ?? 0);
    case 'chains':
      await page.evaluate(({ key }) => window.walletControl.chains(key), step);
      return waitCallbacks(ctx, step.expect ?? 0);
    case 'postSelf':
      await page.evaluate((data) => window.postMessage(data, location.origin), step.data);
      return waitCallbacks(ctx, step.expect ?? 0);
    case 'held':
      return { result: await page.evaluate(() => window.heldTimers()) };
    case 'release':
      await page.evaluate(() => window.releaseTimers());
      await sleep(60);
      return { result: 'released' };
    case 'closeLink':
      await page.evaluate(() => window.link.closeLink());
      await sleep(100);
      return { result: 'closed' };
    case 'reopen':
      await open();
      return { result: 'reopened' };
    case 'sleep':
      await sleep(step.ms);
      return { result: 'slept' };
    case 'foreign': {
      // Another frame posts `messages` to the host page: a Link stand-in on
      // another origin ('attacker'), a second frame of the Link origin
      // ('twin'), or a sandboxed one (origin "null"). It never sees replies:
      // those go to the session's child, whose trace shows what came.
      const base = step.from === 'attacker' ? servers.attacker : servers.link;
      const url = `${base}/pages/link.html?foreign=${++sessions}`;
      await page.evaluate(
        ({ url, sandbox }) => {
          const f = document.createElement('iframe');
          if (sandbox) f.setAttribute('sandbox', 'allow-scripts');
          f.src = url;
          document.body.append(f);
        },
        { url, sandbox: step.from === 'sandboxed' },
      );
      const frame = await frameWhere(page, (u) => u.startsWith(url));
      await frame.evaluate((ms) => window.send(...ms), step.messages);
      await sleep(step.wait ?? 400);
      return { result: 'sent' };
    }
    case 'hostPost':
      // The host page posts to itself (origin and source: the host).
      await page.evaluate((ms) => ms.forEach((m) => window.postMessage(m, '*')), step.messages);
      await sleep(step.wait ?? 400);
      return { result: 'sent' };
    case 'eval':
      // Facts about the host page (read only), e.g. whether something ran there.
      return { result: await page.evaluate(step.expression) };
    default:
      throw new Error(`unknown host step ${step.do}`);
  }
}

/** Waits until the child's callbacks got `n` calls (or, for 0, long enough for one to have come). */
async function waitCallbacks(ctx, n) {
  if (n === 0) {
    await sleep(250);
    return { result: 'done' };
  }
  try {
    await ctx.frame.waitForFunction((k) => window.callbackCount() >= k, n, { timeout: 2500 });
  } catch {
    // fewer came: the trace says so
  }
  await sleep(30);
  return { result: 'done' };
}
