// Builds pkg/, the npm package: the release wasm with only the JS exports,
// wasm-pack's glue, and pkg-template/ (entry point, types, manifest, README).
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { root, run } from './lib.mjs';

export const pkg = join(root, 'pkg');
const template = join(root, 'pkg-template');

/** Writes the files generated from the core's tables (tests/generated.rs). */
export function generate() {
  run('cargo test --quiet --test generated', { env: { ...process.env, FRONT_LINK_GENERATE: '1' } });
}

export async function build() {
  generate();
  // wasm-pack leaves snippets of modules that are gone: they would ship.
  rmSync(join(pkg, 'snippets'), { recursive: true, force: true });
  run('wasm-pack build --release --target web --out-dir pkg --out-name front_link_wasm -- --no-default-features --features js');
  // The stated browser floor holds: the wasm uses no WebAssembly feature
  // beyond scripts/browser-floor.mjs's table (this throws, saying what to do).
  const { checkWasm } = await import('./browser-floor.mjs');
  console.log(`\nWebAssembly features used: ${(await checkWasm(join(pkg, 'front_link_wasm_bg.wasm'))).join(', ')} (all within the browser floor)`);
  const generated = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  for (const file of readdirSync(template, { withFileTypes: true })) {
    if (file.isFile() && file.name !== 'package.json') copyFileSync(join(template, file.name), join(pkg, file.name));
  }
  copyFileSync(join(root, 'README.md'), join(pkg, 'README.md'));
  const manifest = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
  const merged = { name: manifest.name, version: generated.version, ...manifest, repository: generated.repository };
  writeFileSync(join(pkg, 'package.json'), JSON.stringify(merged, null, 2) + '\n');
  dedupeSnippetImports(join(pkg, 'front_link_wasm.js'));
  await minify();
  const { buildCommonJs, buildTesting } = await import('./build-testing.mjs');
  await buildCommonJs(pkg);
  await buildTesting(pkg);
  printSizes();
}

// wasm-bindgen imports a snippet module once per function the wasm calls
// without a shim (`import * as importN from "<module>"`) and lists each
// under the same key of the wasm's imports object. That is valid (every
// copy is the same module) but bundlers warn about each duplicate key, in
// the integrator's build. One import per module is kept.
function dedupeSnippetImports(path) {
  const kept = new Map();
  const dropped = new Set();
  let code = readFileSync(path, 'utf8').replace(/^import \* as (import\d+) from "([^"]+)";?\n/gm, (line, name, module) => {
    if (!kept.has(module)) return kept.set(module, name), line;
    dropped.add(name);
    return '';
  });
  code = code.replace(/^\s*"[^"]+": (import\d+),\n/gm, (line, name) => (dropped.has(name) ? '' : line));
  const left = [...dropped].filter((name) => new RegExp(`\\b${name}\\b`).test(code));
  if (left.length) throw new Error(`wasm-bindgen's glue changed shape: ${left.join(', ')} still used`);
  writeFileSync(path, code);
}

// What is published is what a bundler would ship: every JS file minified
// (names of exports and properties kept: the wasm's imports are looked up by
// them). The readable sources are pkg-template/ and src/ in the repository.
// front-link-wasm/testing (built after) stays readable: it runs in tests.
async function minify() {
  const { transformSync } = await import('esbuild');
  const files = readdirSync(pkg, { recursive: true }).filter((f) => f.endsWith('.js') && !f.startsWith('testing'));
  for (const file of files) {
    const path = join(pkg, file);
    const { code } = transformSync(readFileSync(path, 'utf8'), { minify: true, format: 'esm', target: 'es2020', logLevel: 'error', legalComments: 'none' });
    writeFileSync(path, code);
  }
}

/** Raw, gzip and brotli bytes of what a bundle ships (for `createLink`/`createFrontConnection`: not `react.js`). */
export function shippedSizes() {
  // wasm-bindgen's `inline_js` snippets are imported by the glue: shipped too.
  const snippets = readdirSync(join(pkg, 'snippets'), { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => join('snippets', f));
  const files = ['front_link_wasm_bg.wasm', 'front_link_wasm.js', 'index.js', 'loader.js', 'event-keys.js', ...snippets.sort()];
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(pkg, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
  });
  const total = sizes.reduce((t, s) => ({ file: 'total', raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return [...sizes, total];
}

function printSizes() {
  console.log('\nshipped size (bytes):');
  console.table(shippedSizes());
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { setup } = await import('./setup.mjs');
  setup({ browser: false });
  await build();
}
