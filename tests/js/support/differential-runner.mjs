// The runner shared by the differential tests (differential.test.mjs against
// @front-finance/link 1.1.9, differential-mesh.test.mjs against
// @meshconnect/web-link-sdk 3.13.0): one scripted session in one browser
// context on the host test page, recording after every step what the SDK did.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameWhere } from './harness.mjs';

export { frameWhere };

// Requests to anything but the test servers are aborted before they leave
// the browser, and listed: 3.13's prewarm frame points at web.meshconnect.com.
const LOCAL = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

async function load(page, url, prepare) {
  await page.goto(url);
  await page.waitForFunction(() => window.sdkReady === true);
  // Both SDKs' popups go through window.open: record instead of opening.
  await page.evaluate(() => {
    window.opened = [];
    window.open = (...args) => (window.opened.push(args), null);
  });
  if (prepare) await page.evaluate(prepare);
}

/** Posts `messages` from `frame` to its parent, then waits until the host has dispatched them all. */
export async function sendFrom(page, frame, messages) {
  const seen = await page.evaluate(() => window.sentinels);
  await frame.evaluate((ms) => window.send(...ms, { type: '__sentinel' }), messages);
  await page.waitForFunction((n) => window.sentinels > n, seen);
}

const live = (ctx) => [...new Set(ctx.frames.values())].filter((f) => !f.isDetached());

/**
 * Runs `script` against the SDK `sdk` (`ours`, `upstream`, `mesh-upstream`).
 * `act(step, ctx)` performs one step; it keeps the Link frames it opens in
 * `ctx.frames` (key → frame), may set `ctx.threw`, can read `ctx.requests`
 * (the aborted requests so far), and returns facts about
 * the state before the step for the divergences to read. The runner itself
 * then performs `{do: 'load', query}` (reload the host page with more query)
 * and `{do: 'send', messages, from?}` (post from the frame `from`, default
 * `ctx.current`). Each step's result: the callbacks since the step began,
 * the messages any Link frame received, `window.open` calls, `domState()`,
 * and whether the step threw. A last `end` step lists the requests made to
 * hosts other than the test servers. `prepare` runs in the page after each load.
 */
/** Comlink's request types: the wallet bridge's. */
const COMLINK_TYPES = new Set(['GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT', 'RELEASE']);

export async function runScript(browser, servers, { sdk, script, act, domState, prepare }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  await context.route(
    (url) => !LOCAL.test(url.href),
    (route) => {
      requests.push(route.request().url());
      return route.abort().catch(() => {}); // the frame may already be gone
    },
  );
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const hostUrl = `${servers.host}/pages/host.html?sdk=${sdk}`;
  await load(page, hostUrl, prepare);
  const ctx = { page, servers, frames: new Map(), current: null, threw: undefined, requests };
  const steps = [];
  for (const [index, step] of script.entries()) {
    const before = await page.evaluate(() => window.trace.length);
    const received = new Map();
    for (const f of live(ctx)) received.set(f, await f.evaluate(() => window.received.length));
    ctx.threw = undefined;
    // For `load` and `send`, `act` only takes note (and returns the facts).
    const facts = (await act(step, ctx, index)) ?? {};
    if (step.do === 'load') await load(page, hostUrl + (step.query ?? ''), prepare);
    if (step.do === 'send') {
      const frame = ctx.frames.get(step.from ?? ctx.current);
      await sendFrom(page, frame, step.messages);
      // A wallet request is answered once the bridge is in (this package
      // fetches it at the first one): its reply belongs to this step. Bounded,
      // for requests nobody answers (a session that has ended).
      const ids = step.messages.filter((m) => COMLINK_TYPES.has(m?.type) && m.id !== undefined).map((m) => m.id);
      if (ids.length && frame) await frame.waitForFunction((ids) => ids.every((id) => window.received.some((r) => r.data?.id === id)), ids, { timeout: 2000 }).catch(() => {});
    }
    // Outbound messages are posted before the callback that follows them.
    const frames = live(ctx);
    for (const f of frames) await f.evaluate(() => new Promise((r) => setTimeout(r, 30)));
    const calls = (await page.evaluate(() => window.trace)).slice(before).map(({ label, name, args, overlay }) => ({ label, name, args, overlay }));
    const outbound = [];
    for (const f of frames) {
      const to = [...ctx.frames].findLast(([, g]) => g === f)[0];
      for (const { origin, data } of (await f.evaluate(() => window.received)).slice(received.get(f) ?? 0)) outbound.push({ to, origin, data });
    }
    const opened = await page.evaluate(() => window.opened.splice(0));
    steps.push({ step: { ...step, ...facts }, calls, outbound, opened, dom: await page.evaluate(domState), threw: ctx.threw });
  }
  steps.push({ step: { do: 'end' }, calls: [], outbound: [], opened: [], requests: [...new Set(requests)].sort() });
  await context.close();
  return { steps, pageErrors };
}

/** What is compared: everything a step recorded but the script's own details. */
const diffable = (run) => run.steps.map(({ step, ...rest }) => ({ step: step.do, ...rest }));

/**
 * Applies every divergence to each step of both runs (`normalize(step, ours,
 * upstream)` edits the two results in place), then requires equal traces and
 * no page error on our side. With `saveTo`, the raw traces are kept there as
 * `<name>.json` for review. Returns the ids of the divergences that changed
 * something.
 */
export function assertSameTraces(name, ours, upstream, divergences, { saveTo } = {}) {
  if (saveTo) {
    mkdirSync(saveTo, { recursive: true });
    writeFileSync(join(saveTo, `${name.replace(/[^\w.-]+/g, '_')}.json`), JSON.stringify({ ours, upstream }, null, 1));
  }
  const used = new Set();
  for (const [i, step] of ours.steps.entries()) {
    for (const d of divergences) {
      const before = JSON.stringify([step, upstream.steps[i]]);
      d.normalize(step.step, step, upstream.steps[i]);
      if (JSON.stringify([step, upstream.steps[i]]) !== before) used.add(d.id);
    }
  }
  assert.deepEqual(ours.pageErrors, []);
  assert.deepStrictEqual(diffable(ours), diffable(upstream), `"${name}": traces differ beyond the listed divergences`);
  return used;
}
