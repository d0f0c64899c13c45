// The browser floor (SPEC §13), declared once: the oldest Chrome/Edge,
// Firefox and Safari/iOS this package runs in, and the features that set it.
//
// - WASM is every WebAssembly feature the release wasm may use. `npm run
//   build` reads the features the wasm actually uses (`wasmFeatures`, with
//   binaryen) and fails on any other, so a toolchain upgrade cannot raise
//   the floor without this table (and the README) saying so.
// - WEB is what the shipped JavaScript and CSS use, from the audit of
//   src/web/*.js, src/web/bridge/*.js, pkg-template/*.js, wasm-bindgen's glue
//   and the web-sys calls: `needed` features set the floor; `fallback` and
//   `detected` ones are used where present and not needed.
// - `renderFloor()` is README's "Browser support" block
//   (tests/js/package/floor.test.mjs checks it; `node scripts/browser-floor.mjs`
//   rewrites it).
//
// Versions are the first release of each engine that has the feature, from
// MDN's browser-compat-data and caniuse (the web-features explorer lists
// both). Edge has Chrome's version numbers since it moved to Chromium (79),
// and iOS Safari has Safari's for everything here from 14 on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

export const ENGINES = { chrome: 'Chrome, Edge', firefox: 'Firefox', safari: 'Safari, iOS' };
const SHORT = { chrome: 'Chrome', firefox: 'Firefox', safari: 'Safari and iOS' };

/** The WebAssembly features the wasm may use, by binaryen's names (`wasm-opt --help`). */
export const WASM = {
  'mutable-globals': { name: 'WebAssembly: mutable globals', chrome: '74', firefox: '61', safari: '12' },
  'sign-ext': { name: 'WebAssembly: sign-extension operators', chrome: '74', firefox: '62', safari: '14.1' },
  'nontrapping-float-to-int': { name: 'WebAssembly: non-trapping float-to-int', chrome: '75', firefox: '64', safari: '15' },
  'bulk-memory': { name: 'WebAssembly: bulk memory', chrome: '75', firefox: '79', safari: '15' },
  // LLVM's name for the part of bulk memory it emits: memory.copy and memory.fill.
  'bulk-memory-opt': { name: 'WebAssembly: bulk memory', chrome: '75', firefox: '79', safari: '15' },
  multivalue: { name: 'WebAssembly: multi-value', chrome: '85', firefox: '78', safari: '13.1' },
  // wasm-bindgen keeps JS values in an `externref` table.
  'reference-types': { name: 'WebAssembly: reference types', chrome: '96', firefox: '79', safari: '15' },
  // Reference types' encoding of call_indirect's table index.
  'call-indirect-overlong': { name: 'WebAssembly: reference types', chrome: '96', firefox: '79', safari: '15' },
  // Not a binaryen feature: an i64 in an import or export is a BigInt in JS.
  'bigint-i64': { name: 'WebAssembly: i64 as BigInt in JS', chrome: '85', firefox: '78', safari: '14.1' },
};

/**
 * What the JavaScript and CSS use. `needed`: the floor; `fallback`: used
 * where present, otherwise what `what` says; `detected`: likewise.
 */
export const WEB = [
  { name: '`<dialog>` with `showModal()` and `::backdrop`', chrome: '37', firefox: '98', safari: '15.4', use: 'needed', what: 'the overlay: top layer, page inert' },
  { name: '`:focus-visible`', chrome: '86', firefox: '85', safari: '15.4', use: 'needed', what: "the close button's focus ring" },
  { name: '`:is()`', chrome: '88', firefox: '78', safari: '14', use: 'needed', what: "every rule of the overlay's stylesheet" },
  { name: '`inset`', chrome: '87', firefox: '66', safari: '14.1', use: 'needed', what: 'the overlay covers the viewport' },
  { name: '`?.` and `??` (the JavaScript is published as ES2020)', chrome: '80', firefox: '74', safari: '13.1', use: 'needed', what: 'all of it' },
  { name: '`import.meta`', chrome: '64', firefox: '62', safari: '11.1', use: 'needed', what: "the wasm's URL" },
  { name: '`queueMicrotask()`', chrome: '71', firefox: '69', safari: '12.1', use: 'needed', what: 'the React hooks' },
  { name: 'constructed stylesheets (`adoptedStyleSheets`)', chrome: '73', firefox: '101', safari: '16.4', use: 'fallback', what: "the rules go into the page's own stylesheet" },
  { name: '`:modal`', chrome: '105', firefox: '103', safari: '15.6', use: 'detected', what: 'focus moves into the overlay a frame later' },
  { name: '`navigator.userActivation`', chrome: '72', firefox: '120', safari: '16.4', use: 'detected', what: 'a blocked OAuth popup is not reported' },
  { name: '`crypto.randomUUID()`', chrome: '92', firefox: '95', safari: '15.4', use: 'detected', what: 'Solana request ids come from the clock' },
  { name: '`FinalizationRegistry`', chrome: '84', firefox: '79', safari: '14.1', use: 'detected', what: "a dropped connection's wasm memory is not reclaimed" },
];

/**
 * `@meshconnect/web-link-sdk@3.13.0`, for comparison: its own files are
 * ES5, but what it bundles (`@solana/web3.js`, through its wallet bridge)
 * has `||=`, BigInt literals and class fields, read from the esbuild
 * bundle the tests and the bench use. It needs no WebAssembly and no
 * `<dialog>`; its overlay is styled by a `<style>` element.
 */
export const UPSTREAM = { chrome: '85', firefox: '79', safari: '14', by: 'logical assignment (`||=`)' };

/**
 * Who is left out: caniuse-lite 1.0.30001826's global usage table (the one
 * browserslist reads; StatCounter's figures), with browserslist's
 * `fully supports wasm-reference-types and fully supports dialog`, against
 * every browser version it tracks (97.6% of usage). `usage()` recomputes the
 * shares (`node scripts/browser-floor.mjs --usage`); the largest parts of
 * what is left out were read from the same table.
 */
export const EXCLUDED = { share: '0.5%', withoutFallback: '0.8%', data: 'caniuse-lite 1.0.30001826', largest: 'Internet Explorer 11 and QQ Browser' };

const order = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
};

/** Per engine: the oldest version and the names of the features that set it, for `use` (needed by default). */
export function floor(uses = ['needed']) {
  const features = [...Object.values(WASM), ...WEB.filter((f) => uses.includes(f.use ?? 'needed'))];
  return Object.fromEntries(
    Object.keys(ENGINES).map((engine) => {
      const version = features
        .map((f) => f[engine])
        .sort(order)
        .at(-1);
      const by = [...new Set(features.filter((f) => f[engine] === version).map((f) => f.name))];
      return [engine, { version, by }];
    }),
  );
}

export const README_START = '<!-- floor: generated from scripts/browser-floor.mjs (`node scripts/browser-floor.mjs` rewrites it); do not edit -->';
export const README_END = '<!-- /floor -->';

/** README's "Browser support" block. */
export function renderFloor() {
  const needed = floor();
  const bare = floor(['needed', 'fallback']);
  const versions = (f) =>
    Object.keys(ENGINES)
      .map((e) => f[e])
      .join(' | ');
  const rows = new Map(); // WASM rows that share a name (bulk memory, reference types) are one
  for (const f of Object.values(WASM)) rows.set(f.name, `| ${f.name} | ${versions(f)} | allowed in the wasm |`);
  const uses = { needed: 'needed', fallback: 'used where present; without it', detected: 'used where present; without it' };
  for (const f of WEB) rows.set(f.name, `| ${f.name} | ${versions(f)} | ${f.use === 'needed' ? 'needed' : `${uses[f.use]} ${f.what}`} |`);
  return [
    README_START,
    "| browser | oldest version | set by | 3.13's oldest |",
    '|---|---|---|---|',
    ...Object.entries(ENGINES).map(([e, label]) => `| ${label} | ${needed[e].version} | ${needed[e].by.join(', ')} | ${UPSTREAM[e]} |`),
    '',
    `Without the stylesheet fallback the floor would be ${Object.keys(ENGINES)
      .filter((e) => bare[e].version !== needed[e].version)
      .map((e) => `${SHORT[e]} ${bare[e].version}`)
      .join(
        ' and ',
      )}. About ${EXCLUDED.share} of browser use worldwide is below the floor (${EXCLUDED.withoutFallback} without the fallback); the largest parts are ${EXCLUDED.largest}. The figures are the global usage table of ${EXCLUDED.data} (StatCounter's, as browserslist reads it).`,
    '',
    '| feature | Chrome, Edge | Firefox | Safari, iOS | |',
    '|---|---|---|---|---|',
    ...rows.values(),
    README_END,
  ].join('\n');
}

/** README.md with its floor block rendered. */
export function readmeWithFloor(text) {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md lost its ${README_START} … ${README_END} block`);
  return text.slice(0, start) + renderFloor() + text.slice(end + README_END.length);
}

// binaryen.Features' names where they differ from `wasm-opt --enable-<name>`.
const BINARYEN_NAMES = { NontrappingFPToInt: 'nontrapping-float-to-int', SIMD128: 'simd' };

/**
 * The features `bytes` (a wasm module) uses, by binaryen's names: starting
 * from every feature binaryen knows, each one is turned off in turn and
 * stays off if the module still validates without it (the target_features
 * section, which says what the compiler allowed, not what it used, is
 * ignored). Features are tried in binaryen's order, so of two that both
 * allow an instruction the older and wider one goes first (bulk-memory
 * before bulk-memory-opt). Plus `bigint-i64` if an import or export
 * carries an i64.
 */
export async function wasmFeatures(bytes) {
  const { default: binaryen } = await import('binaryen');
  const named = new Map(
    Object.entries(binaryen.Features)
      .filter(([key]) => key !== 'MVP' && key !== 'All')
      .map(([key, bit]) => [bit, BINARYEN_NAMES[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()]),
  );
  const bits = [];
  for (let bit = 1; bit <= binaryen.Features.All; bit *= 2) if (binaryen.Features.All & bit) bits.push(bit);
  const module = binaryen.readBinary(bytes);
  try {
    const validates = (features) => {
      module.setFeatures(features);
      return quietly(() => module.validate()) === 1;
    };
    let enabled = binaryen.Features.All;
    if (!validates(enabled)) throw new Error('binaryen does not validate the wasm even with every feature on');
    // Again until nothing changes: binaryen refuses some features without
    // others (gc without reference-types), so one may only go after another.
    for (let before = 0; before !== enabled; ) {
      before = enabled;
      for (const bit of bits) if (enabled & bit && validates(enabled & ~bit)) enabled &= ~bit;
    }
    const used = bits.filter((bit) => enabled & bit).map((bit) => named.get(bit) ?? `binaryen feature bit ${Math.log2(bit)}`);
    if (i64AtBoundary(binaryen, module)) used.push('bigint-i64');
    return used;
  } finally {
    module.dispose();
  }
}

/** Whether an imported or exported function or global has an i64 (a BigInt in JS). */
function i64AtBoundary(binaryen, module) {
  const i64 = (...types) => types.some((type) => binaryen.expandType(type).includes(binaryen.i64));
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const f = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (f.module && i64(f.params, f.results)) return true;
  }
  for (let i = 0; i < module.getNumGlobals(); i++) {
    const g = binaryen.getGlobalInfo(module.getGlobalByIndex(i));
    if (g.module && i64(g.type)) return true;
  }
  for (let i = 0; i < module.getNumExports(); i++) {
    const e = binaryen.getExportInfo(module.getExportByIndex(i));
    if (e.kind === binaryen.ExternalFunction) {
      const f = binaryen.getFunctionInfo(module.getFunction(e.value));
      if (i64(f.params, f.results)) return true;
    } else if (e.kind === binaryen.ExternalGlobal && i64(binaryen.getGlobalInfo(module.getGlobal(e.value)).type)) return true;
  }
  return false;
}

// binaryen prints each validation error: a module tried without a feature it uses has many.
function quietly(f) {
  const { stdout, stderr } = process;
  const writes = [stdout.write, stderr.write];
  stdout.write = stderr.write = () => true;
  try {
    return f();
  } finally {
    [stdout.write, stderr.write] = writes;
  }
}

/** The wasm at `path`'s features, checked against WASM: throws, naming what to do, on any other. */
export async function checkWasm(path) {
  const used = await wasmFeatures(readFileSync(path));
  const unknown = used.filter((f) => !(f in WASM));
  if (unknown.length) {
    throw new Error(
      `${path} uses WebAssembly features outside the stated browser floor: ${unknown.join(', ')}.\n` +
        'A toolchain change (rustc, wasm-bindgen, wasm-opt) or a build flag turned them on. Either turn them off, ' +
        'or add them to WASM in scripts/browser-floor.mjs with the first Chrome, Firefox and Safari versions that run them ' +
        '(the floor in README.md follows: `node scripts/browser-floor.mjs`).',
    );
  }
  return used;
}

/** EXCLUDED, recomputed from the installed caniuse-lite (through browserslist, a dependency of the bundlers). */
export async function usage() {
  const { default: browserslist } = await import('browserslist');
  const all = browserslist.coverage(browserslist('>= 0%'));
  const supported = browserslist('fully supports wasm-reference-types and fully supports dialog');
  const withoutFallback = supported.filter((b) => {
    const [name, version] = b.split(' ');
    const bare = { safari: '16.4', ios_saf: '16.4', firefox: '101', and_ff: '101' }[name];
    return !bare || order(version.split('-')[0], bare) >= 0;
  });
  const left = (list) => `${(all - browserslist.coverage(list)).toFixed(2)}%`;
  return { share: left(supported), withoutFallback: left(withoutFallback), tracked: `${all.toFixed(2)}%` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const readme = join(root, 'README.md');
  writeFileSync(readme, readmeWithFloor(readFileSync(readme, 'utf8')));
  console.log('README.md: browser support block written');
  if (process.argv.includes('--usage')) console.log('usage below the floor, recomputed:', await usage());
}
