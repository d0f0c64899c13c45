// `npm run bench`: this SDK (both faces) and both upstreams side by side, in
// one headless Chromium, through the same harness, each bundled and minified
// by esbuild with its dependencies, the Link UI a real cross-origin iframe
// posting real messages. Writes bench/results.json and BENCHMARKS.md.
// BENCH_RUNS (default 5) sets the runs per figure.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { setup } from '../scripts/setup.mjs';
import { build, pkg, shippedSizes } from '../scripts/build.mjs';
import { has, output, root, run } from '../scripts/lib.mjs';
import { artifacts, bundleUpstream, fixtures, launch, startServers, tokenFor } from '../tests/js/harness.mjs';
import { bundleComlink, bundleMeshUpstream } from '../tests/js/upstreams.mjs';
import { roundTrips, sessions } from './bridge.mjs';
import { bundledSize, measure } from './size.mjs';
import { README_START, README_END, readmeFigures } from './report.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OPENS = 200;
const MESSAGES = 10_000;
const CYCLES = 1000;
const WARMUP = 100;
const ROUND_TRIPS = 2000;
// A first click happens once per page, so each run loads this many pages
// and keeps their median: one page's figure swings by milliseconds here.
const FIRST_CLICKS = 5;

/** The columns: each SDK as an integrator uses it. */
export const SIDES = [
  { id: 'oursFront', label: 'front-link-wasm `createFrontConnection`', query: 'sdk=ours&api=front', upstream: 'front' },
  { id: 'oursLink', label: 'front-link-wasm `createLink`', query: 'sdk=ours&api=link', upstream: 'mesh', bridge: 'ours' },
  { id: 'front', label: '@front-finance/link 1.1.9', query: 'sdk=upstream' },
  { id: 'mesh', label: '@meshconnect/web-link-sdk 3.13.0', query: 'sdk=mesh-upstream', bridge: 'mesh-upstream' },
];

setup();
if (!has('twiggy')) run('cargo install twiggy');
await build();

// --- size: what a bundler ships ----------------------------------------------------

const { build: esbuild } = await import('esbuild');
const vendor = join(artifacts, 'vendor');
const oursDir = join(vendor, 'ours');
mkdirSync(oursDir, { recursive: true });
// The package as an app's bundler takes it (plus a hook to read the wasm memory).
const entry = `export * from ${JSON.stringify(join(pkg, 'index.js'))};
import init from ${JSON.stringify(join(pkg, 'front_link_wasm.js'))};
export const __benchWasmMemory = async () => (await init()).memory.buffer.byteLength;`;
await esbuild({ stdin: { contents: entry, resolveDir: root }, bundle: true, format: 'esm', minify: true, outfile: join(oursDir, 'index.js'), logLevel: 'warning' });
copyFileSync(join(pkg, 'front_link_wasm_bg.wasm'), join(oursDir, 'front_link_wasm_bg.wasm'));
const published = shippedSizes();
const size = {
  published,
  ours: await bundledSize(pkg),
  front: measure(readFileSync(await bundleUpstream({ minify: true }))),
  mesh: measure(readFileSync(await bundleMeshUpstream({ minify: true }))),
};
await Promise.all([bundleUpstream(), bundleMeshUpstream(), bundleComlink()]);

// --- where the wasm's bytes go -----------------------------------------------------

const named = join(artifacts, 'twiggy');
run(`wasm-bindgen --target web --out-dir ${named} target/wasm32-unknown-unknown/release/front_link_wasm.wasm`);
const namedWasm = join(named, 'front_link_wasm_bg.wasm');
const twiggy = output(`twiggy top -n 25 ${namedWasm}`);
const dominators = output(`twiggy dominators -d 3 -r 12 ${namedWasm}`);
// The bridge's share of the wasm: its functions (by name) in the release build.
const items = JSON.parse(output(`twiggy top -n 100000 --format json ${namedWasm}`));
const BRIDGE = /front_link_wasm::(web::bridge|protocol::(comlink|path|solana|wallet_standard|injected))|wasm_bindgen_futures/;
const bridgeWasm = items.filter((i) => BRIDGE.test(i.name)).reduce((n, i) => n + i.shallow_size, 0);
const bridgeJs = published.filter((f) => /bridge\//.test(f.file));
// What each import costs: its name in the wasm, and its shim in wasm-bindgen's glue.
const wasmImports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(pkg, 'front_link_wasm_bg.wasm'))));
const glueMin = await esbuild({ entryPoints: [join(pkg, 'front_link_wasm.js')], bundle: false, format: 'esm', minify: true, write: false, logLevel: 'error' });
const imports = {
  count: wasmImports.length,
  nameBytes: wasmImports.reduce((n, i) => n + i.module.length + i.name.length, 0),
  glue: measure(glueMin.outputFiles[0].contents),
};
const bridgeSize = { wasmFunctionsRaw: bridgeWasm, wasmRaw: items.reduce((n, i) => n + (/^(custom section|"function names")/.test(i.name) ? 0 : i.shallow_size), 0), js: bridgeJs };

// --- the browser ------------------------------------------------------------------

const servers = await startServers();
const browser = await launch();
const chromium = browser.version();
const linkUrl = `${servers.link}/pages/link.html`;
const token = tokenFor(linkUrl);

const m = fixtures.inbound;
const MIX = [m.integrationSelected, m.credentialsEntered, m.transferPreviewed, m.brokerageAccountAccessToken, m.delayedAuthentication, m.transferFinishedSuccess, m.transferFinishedError, m.integrationConnectionError, { type: 'pageLoaded' }, m.loaded];
const messages = Array.from({ length: MESSAGES }, (_, i) => MIX[i % MIX.length]);
// The same without `loaded`, which 3.13 and this package answer (`meshSDKSpecs`) and
// 1.1.9, given no access tokens, does not: what handling a message costs, replies aside.
const QUIET = MIX.filter((m) => m.type !== 'loaded');
const quiet = Array.from({ length: MESSAGES }, (_, i) => QUIET[i % QUIET.length]);

async function page(side) {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${servers.host}/pages/bench.html?${side.query}`);
  await p.waitForFunction(() => window.benchReady === true);
  const cdp = await context.newCDPSession(p);
  return { p, cdp, close: () => context.close() };
}

async function counters({ p, cdp }) {
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  return {
    windowListeners: listeners.length,
    jsEventListeners: dom.jsEventListeners,
    nodes: dom.nodes,
    heap: heap.usedSize,
    wasm: await p.evaluate(() => window.wasmMemory()),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });

const samples = Object.fromEntries(SIDES.map((s) => [s.id, {}]));
const add = (side, key, value) => (samples[side.id][key] ??= []).push(value);
const callbacksSeen = {};

for (let r = 0; r < RUNS; r++) {
  for (const side of SIDES) {
    console.log(`run ${r + 1}/${RUNS}: ${side.label}`);
    let s = await page(side);
    add(side, 'coldStartMs', await s.p.evaluate(() => window.coldStart()));
    add(side, 'openMs', median(await s.p.evaluate(([t, n]) => window.openTimes(t, n), [token, OPENS])));
    await s.close();

    const clicks = [];
    for (let i = 0; i < FIRST_CLICKS; i++) {
      s = await page(side);
      clicks.push((await s.p.evaluate((t) => window.firstClick(t), token)).ms);
      await s.close();
    }
    add(side, 'firstClickMs', median(clicks));

    s = await page(side);
    const d = await s.p.evaluate(([t, ms]) => window.dispatch(t, ms), [token, messages]);
    // Every run of one SDK must hand on the same callbacks.
    if ((callbacksSeen[side.id] ??= d.callbacks) !== d.callbacks || d.callbacks === 0) throw new Error(`${side.id}: ${d.callbacks} callbacks, before ${callbacksSeen[side.id]}`);
    add(side, 'dispatchPerSecond', (MESSAGES / d.ms) * 1000);
    await s.close();

    s = await page(side);
    add(side, 'quietDispatchPerSecond', (MESSAGES / (await s.p.evaluate(([t, ms]) => window.dispatch(t, ms), [token, quiet])).ms) * 1000);
    await s.close();

    s = await page(side);
    await s.p.evaluate(([t, n]) => window.cycles(t, n), [token, WARMUP]);
    const before = await counters(s);
    add(side, 'cyclesMs', await s.p.evaluate(([t, n]) => window.cycles(t, n), [token, CYCLES]));
    const after = await counters(s);
    for (const key of Object.keys(before)) if (before[key] !== null) add(side, `growth.${key}`, after[key] - before[key]);
    await s.close();

    if (side.bridge) {
      const trips = await roundTrips(browser, servers, side.bridge, ROUND_TRIPS);
      add(side, 'bridgeGetMs', trips.getMs);
      add(side, 'bridgeRequestMs', trips.requestMs);
      const b = await sessions(browser, servers, side.bridge, CYCLES, WARMUP, counters);
      add(side, 'bridgeSessionsMs', b.ms);
      for (const [key, value] of Object.entries(b.growth)) add(side, `bridgeGrowth.${key}`, value);
    }
  }
}
await browser.close();
await servers.close();

const metrics = {};
for (const side of SIDES) for (const [key, xs] of Object.entries(samples[side.id])) (metrics[key] ??= {})[side.id] = stats(xs);

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), kernel: release() };
const parameters = { opens: OPENS, firstClicks: FIRST_CLICKS, messages: MESSAGES, cycles: CYCLES, warmup: WARMUP, roundTrips: ROUND_TRIPS, callbacks: callbacksSeen };
const results = { date: new Date().toISOString(), machine, chromium, node: process.version, runs: RUNS, parameters, sides: SIDES, size, imports, bridgeSize, metrics, twiggy, dominators };
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(root, 'BENCHMARKS.md'), (await import('./report.mjs')).report(results));
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(README_START);
const end = text.indexOf(README_END);
if (start < 0 || end < start) throw new Error(`README.md lost its ${README_START} … ${README_END} block`);
writeFileSync(readme, text.slice(0, start) + readmeFigures(results) + text.slice(end + README_END.length));
console.log('\nwrote bench/results.json, BENCHMARKS.md and the figures in README.md');
