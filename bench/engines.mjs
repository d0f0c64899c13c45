// The bench's figures that every engine can give (first click, open,
// dispatch), taken through the driver-neutral page of
// tests/js/engines/driver.mjs: Chromium (playwright-core), Firefox
// (firefox-esr over WebDriver BiDi) and WebKit (WebKitGTK's MiniBrowser over
// WebKitWebDriver). Only `goto`, `evaluate` and `waitFor` are used, so
// nothing here depends on CDP; the Chromium run in run.mjs keeps its CDP
// counters (garbage collection, DOM and listener counts) for itself.
import { launchEngine } from '../tests/js/engines/driver.mjs';
import { output } from '../scripts/lib.mjs';

export const ENGINE_LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

// 1280 × 720: the viewport playwright gives the Chromium run's pages.
const VIEWPORT = { width: 1280, height: 720 };

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The median of samples read off a clock that moves in steps of `tick` ms:
 * each sample counts as its tick's interval, and the median is
 * interpolated within the interval it falls in (the grouped median). On
 * Firefox's and WebKit's 1 ms clocks a plain median of a few-ms figure can
 * only be a whole number; this one moves with how many samples fall on
 * either side. For Chromium's 0.1 ms clock it differs from the plain
 * median by less than 0.05 ms.
 */
export function tickMedian(xs, tick) {
  if (!(tick > 0) || !Number.isFinite(tick)) throw new Error(`no clock tick: ${tick}`);
  const counts = new Map();
  for (const x of xs) {
    const k = Math.round(x / tick);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const half = xs.length / 2;
  let below = 0;
  for (const k of [...counts.keys()].sort((a, b) => a - b)) {
    const f = counts.get(k);
    if (below + f >= half) return (k - 0.5 + (half - below) / f) * tick;
    below += f;
  }
  return NaN;
}

/** What each engine is, as installed (Debian packages). */
export function engineVersion(engine) {
  const version = (pkg) => output(`dpkg-query -W -f '\${Version}' ${pkg}`) || 'unknown';
  if (engine === 'chromium') return `Chromium ${version('chromium')} (Debian, headless, playwright-core over CDP)`;
  if (engine === 'firefox') return `Firefox ESR ${version('firefox-esr')} (Debian, headless, puppeteer-core over WebDriver BiDi)`;
  if (engine === 'webkit') return `WebKitGTK ${version('libwebkit2gtk-4.1-0')} MiniBrowser (Debian, WebKitWebDriver, under xvfb-run)`;
  return engine;
}

/** A fresh bench page on `query`, ready (tests/pages/bench.js). */
async function benchPage(engine, servers, query) {
  const page = await engine.newPage(VIEWPORT);
  await page.goto(`${servers.host}/pages/bench.html?${query}`);
  await page.waitFor(() => window.benchReady === true);
  return page;
}

/**
 * The first click on `n` fresh pages: ms from `openLink` to the iframe
 * attached, after import, create and one idle second, and whether this
 * package had rehearsed by then (src/web/rehearsal.rs; false for the upstreams).
 */
export async function firstClicks(engine, servers, query, token, n) {
  const clicks = [];
  for (let i = 0; i < n; i++) {
    const page = await benchPage(engine, servers, query);
    clicks.push(await page.evaluate((t) => window.firstClick(t), token));
    await page.close();
  }
  return clicks;
}

/** `n` opens on one page (after one warm-up open): each one's ms. */
export async function openTimes(engine, servers, query, token, n) {
  const page = await benchPage(engine, servers, query);
  const times = await page.evaluate(([t, n]) => window.openTimes(t, n), [token, n]);
  await page.close();
  return times;
}

/** `n` messages (`mix` over and over) dispatched on a fresh page: `{ms, callbacks}`. */
export async function dispatch(engine, servers, query, token, mix, n) {
  const page = await benchPage(engine, servers, query);
  const result = await page.evaluate(([t, mix, n]) => window.dispatch(t, mix, n), [token, mix, n]);
  await page.close();
  return result;
}

/** A clock step as read (0.09999999962747097) as it is meant (0.1). */
export const roundTick = (tick) => Number(tick.toPrecision(3));

/** The clock's step in this engine's pages (ms). */
export async function clockTick(engine, servers) {
  const page = await benchPage(engine, servers, 'sdk=upstream');
  const tick = await page.evaluate(() => window.clockTick());
  await page.close();
  return roundTick(tick);
}

/**
 * First click, open and both dispatches of every side in `engine`, `runs`
 * times (the sides interleaved within a run, as in the Chromium run):
 * `{ version, tick, samples: { [side]: { firstClickMs: [...], ... } } }`.
 * `check(side, clicks)` may throw on a page that did not behave.
 */
export async function measureEngine(name, { servers, sides, token, runs, firstClicks: pages, opens, mix, quiet, messages, callbacksSeen, log = console.log }) {
  const engine = await launchEngine(name);
  try {
    const tick = await clockTick(engine, servers);
    const samples = Object.fromEntries(sides.map((s) => [s.id, {}]));
    const add = (side, key, value) => (samples[side.id][key] ??= []).push(value);
    for (let r = 0; r < runs; r++) {
      for (const side of sides) {
        log(`${ENGINE_LABELS[name]} run ${r + 1}/${runs}: ${side.label}`);
        add(side, 'openMs', tickMedian(await openTimes(engine, servers, side.query, token, opens), tick));
        const clicks = await firstClicks(engine, servers, side.query, token, pages);
        checkRehearsal(name, side, clicks);
        add(
          side,
          'firstClickMs',
          tickMedian(
            clicks.map((c) => c.ms),
            tick,
          ),
        );
        const d = await dispatch(engine, servers, side.query, token, mix, messages);
        checkCallbacks(name, side, d, callbacksSeen);
        add(side, 'dispatchPerSecond', (messages / d.ms) * 1000);
        add(side, 'quietDispatchPerSecond', (messages / (await dispatch(engine, servers, side.query, token, quiet, messages)).ms) * 1000);
      }
    }
    return { version: engineVersion(name), tick, samples };
  } finally {
    await engine.close();
  }
}

/** This package's pages must have rehearsed in the idle second (or not, in the bare build). */
export function checkRehearsal(engine, side, clicks) {
  if (!side.query.includes('sdk=ours&')) return;
  const expected = !side.query.includes('rehearsal=0');
  const wrong = clicks.filter((c) => c.rehearsed !== expected);
  if (wrong.length) throw new Error(`${engine}, ${side.label}: ${wrong.length} of ${clicks.length} pages had ${expected ? 'not rehearsed' : 'rehearsed'} one second after create`);
}

/** Every dispatch run of one SDK must hand on the same callbacks, in every engine. */
export function checkCallbacks(engine, side, d, callbacksSeen) {
  const before = (callbacksSeen[side.id] ??= d.callbacks);
  if (before !== d.callbacks || d.callbacks === 0) throw new Error(`${engine}, ${side.id}: ${d.callbacks} callbacks, before ${before}`);
}
