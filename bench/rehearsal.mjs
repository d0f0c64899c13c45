// `node bench/rehearsal.mjs [engine…]`: what the loader's rehearsal of a
// first open (pkg/instance.js → src/web/rehearsal.rs) does in each engine. The
// package as shipped and the same package with the rehearsal taken out
// (bench/bundle.mjs) are timed alternately on fresh pages, both faces:
// the first click (import, create, one idle second, openLink → iframe
// attached) and, on another page, 200 opens after one warm-up open.
// Writes bench/rehearsal.json, which bench/report.mjs renders into
// BENCHMARKS.md. Needs pkg/ built (`npm run build`); not part of
// `npm run bench` (some 6–8 minutes for the three engines).
// BENCH_REHEARSAL_ROUNDS (default 5) and BENCH_REHEARSAL_PAGES (default 4,
// first-click pages per round and variant) set the size.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkg } from '../scripts/build.mjs';
import { root } from '../scripts/lib.mjs';
import { artifacts, startServers, tokenFor } from '../tests/js/support/harness.mjs';
import { launchEngine } from '../tests/js/engines/driver.mjs';
import { bundleOurs } from './bundle.mjs';
import { ENGINE_LABELS, checkRehearsal, clockTick, engineVersion, firstClicks, median, openTimes, tickMedian } from './engines.mjs';

const ROUNDS = Number(process.env.BENCH_REHEARSAL_ROUNDS ?? 5);
const PAGES = Number(process.env.BENCH_REHEARSAL_PAGES ?? 4);
const OPENS = 200;
const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox', 'webkit'];

if (!existsSync(join(pkg, 'front_link_wasm_bg.wasm'))) throw new Error('pkg/ is not built: run `npm run build` first');
await bundleOurs(join(artifacts, 'vendor', 'ours'));
await bundleOurs(join(artifacts, 'vendor', 'ours-bare'), { rehearsal: false });

const FACES = [
  { id: 'front', label: '`createFrontConnection`', query: 'sdk=ours&api=front' },
  { id: 'link', label: '`createLink`', query: 'sdk=ours&api=link' },
];
const VARIANTS = [
  { id: 'rehearsed', suffix: '' },
  { id: 'bare', suffix: '&rehearsal=0' },
];

const servers = await startServers();
const token = tokenFor(`${servers.link}/pages/link.html`);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const spread = (xs, tick) => ({ median: tick ? tickMedian(xs, tick) : median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const results = { date: new Date().toISOString(), rounds: ROUNDS, pages: PAGES, opens: OPENS, engines: {} };
const started = Date.now();
try {
  for (const name of engines) {
    const engine = await launchEngine(name);
    try {
      const tick = await clockTick(engine, servers);
      const raw = {};
      for (let r = 0; r < ROUNDS; r++) {
        for (const face of FACES) {
          // Alternate which variant goes first, so that neither always follows the other.
          for (const variant of r % 2 ? [...VARIANTS].reverse() : VARIANTS) {
            console.log(`${ENGINE_LABELS[name]} round ${r + 1}/${ROUNDS}: ${face.label}, ${variant.id}`);
            const side = { label: face.label, query: face.query + variant.suffix };
            const cell = ((raw[face.id] ??= {})[variant.id] ??= { clicks: [], openMedians: [], openMeans: [] });
            const clicks = await firstClicks(engine, servers, side.query, token, PAGES);
            checkRehearsal(name, side, clicks);
            cell.clicks.push(...clicks.map((c) => c.ms));
            const opens = await openTimes(engine, servers, side.query, token, OPENS);
            cell.openMedians.push(tickMedian(opens, tick));
            cell.openMeans.push(mean(opens));
          }
        }
      }
      const faces = {};
      for (const face of FACES) {
        faces[face.id] = {};
        for (const variant of VARIANTS) {
          const cell = raw[face.id][variant.id];
          faces[face.id][variant.id] = {
            firstClickMs: spread(cell.clicks, tick),
            openMs: spread(cell.openMedians),
            openMeanMs: spread(cell.openMeans),
            raw: cell,
          };
        }
      }
      results.engines[name] = { version: engineVersion(name), tick, faces };
    } finally {
      await engine.close();
    }
  }
} finally {
  await servers.close();
}
results.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(join(root, 'bench', 'rehearsal.json'), JSON.stringify(results, null, 2) + '\n');
for (const [name, e] of Object.entries(results.engines)) {
  for (const face of FACES) {
    const f = e.faces[face.id];
    const show = (s) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
    console.log(
      `${ENGINE_LABELS[name]} ${face.label}: first click ${show(f.rehearsed.firstClickMs)} rehearsed, ${show(f.bare.firstClickMs)} bare; open ${show(f.rehearsed.openMs)} vs ${show(f.bare.openMs)}; open mean ${show(f.rehearsed.openMeanMs)} vs ${show(f.bare.openMeanMs)}`,
    );
  }
}
console.log(`\nwrote bench/rehearsal.json (${results.seconds} s)`);
