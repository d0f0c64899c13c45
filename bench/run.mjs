// `npm run bench`: this SDK and @front-finance/link 1.1.9 side by side, in
// one headless Chromium, through the same harness, with the Link UI a real
// cross-origin iframe posting real messages. Writes bench/results.json and
// BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { setup } from '../scripts/setup.mjs';
import { build, shippedSizes } from '../scripts/build.mjs';
import { has, output, root, run } from '../scripts/lib.mjs';
import { bundleUpstream, fixtures, launch, startServers, tokenFor } from '../tests/js/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OPENS = 200;
const MESSAGES = 10_000;
const CYCLES = 1000;
const WARMUP = 100;

setup();
if (!has('twiggy')) run('cargo install twiggy');
await build();
const upstreamMin = await bundleUpstream({ minify: true });
await bundleUpstream();

// --- size ------------------------------------------------------------------------

const measure = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length });
const ours = shippedSizes();
const oursTotal = ours.find((s) => s.file === 'total');
const minified = join(root, 'test-artifacts', 'vendor', 'front-link-wasm.min.js');
await (await import('esbuild')).build({ entryPoints: [join(root, 'pkg/index.js')], bundle: true, format: 'esm', minify: true, outfile: minified, logLevel: 'warning' });
const oursJsMin = measure(readFileSync(minified));
const wasm = ours.find((s) => s.file.endsWith('.wasm'));
const size = {
  ours: { files: ours, total: oursTotal, bundled: { raw: wasm.raw + oursJsMin.raw, gzip: wasm.gzip + oursJsMin.gzip, brotli: wasm.brotli + oursJsMin.brotli } },
  upstream: { minified: measure(readFileSync(upstreamMin)) },
};

// --- where the wasm's bytes go -----------------------------------------------------

const named = join(root, 'test-artifacts', 'twiggy');
run(`wasm-bindgen --target web --out-dir ${named} target/wasm32-unknown-unknown/release/front_link_wasm.wasm`);
const twiggy = output(`twiggy top -n 25 ${join(named, 'front_link_wasm_bg.wasm')}`);

// --- the browser ------------------------------------------------------------------

const servers = await startServers();
const browser = await launch();
const chromium = browser.version();
const linkUrl = `${servers.link}/pages/link.html`;
const token = tokenFor(linkUrl);

const m = fixtures.inbound;
const MIX = [m.integrationSelected, m.credentialsEntered, m.transferPreviewed, m.brokerageAccountAccessToken, m.delayedAuthentication, m.transferFinishedSuccess, m.transferFinishedError, m.integrationConnectionError, { type: 'pageLoaded' }, m.loaded];
const CALLBACKS_PER_MIX = 14; // two for each connection and transfer, one for every other
const messages = Array.from({ length: MESSAGES }, (_, i) => MIX[i % MIX.length]);
const expectedCallbacks = (MESSAGES / MIX.length) * CALLBACKS_PER_MIX;

async function page(sdk) {
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${servers.host}/pages/bench.html?sdk=${sdk}`);
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

const samples = { ours: {}, upstream: {} };
const add = (sdk, key, value) => (samples[sdk][key] ??= []).push(value);

for (let r = 0; r < RUNS; r++) {
  for (const sdk of ['ours', 'upstream']) {
    console.log(`run ${r + 1}/${RUNS}: ${sdk}`);
    let s = await page(sdk);
    add(sdk, 'coldStartMs', await s.p.evaluate(() => window.coldStart()));
    add(sdk, 'openMs', median(await s.p.evaluate(([t, n]) => window.openTimes(t, n), [token, OPENS])));
    await s.close();

    s = await page(sdk);
    const d = await s.p.evaluate(([t, ms, n]) => window.dispatch(t, ms, n), [token, messages, expectedCallbacks]);
    if (d.callbacks !== expectedCallbacks) throw new Error(`${sdk}: ${d.callbacks} callbacks, expected ${expectedCallbacks}`);
    add(sdk, 'dispatchPerSecond', (MESSAGES / d.ms) * 1000);
    await s.close();

    s = await page(sdk);
    await s.p.evaluate(([t, n]) => window.cycles(t, n), [token, WARMUP]);
    const before = await counters(s);
    add(sdk, 'cyclesMs', await s.p.evaluate(([t, n]) => window.cycles(t, n), [token, CYCLES]));
    const after = await counters(s);
    for (const key of Object.keys(before)) if (before[key] !== null) add(sdk, `growth.${key}`, after[key] - before[key]);
    await s.close();
  }
}
await browser.close();
await servers.close();

const metrics = {};
for (const key of Object.keys(samples.ours)) {
  const o = stats(samples.ours[key]);
  const u = samples.upstream[key] ? stats(samples.upstream[key]) : null;
  metrics[key] = { ours: o, upstream: u, ratio: u && u.median !== 0 ? o.median / u.median : null };
}

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), kernel: release() };
const results = { date: new Date().toISOString(), machine, chromium, node: process.version, runs: RUNS, parameters: { opens: OPENS, messages: MESSAGES, cycles: CYCLES, warmup: WARMUP }, size, metrics, twiggy };
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(root, 'BENCHMARKS.md'), (await import('./report.mjs')).report(results));
console.log('\nwrote bench/results.json and BENCHMARKS.md');
