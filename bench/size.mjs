// What an app's bundler ships of a built package (pkg/ or another build of
// it): the wasm, and `index.js` bundled and minified by esbuild with all it
// imports (wasm-bindgen's snippets included), each gzipped alone.
//
//   node bench/size.mjs record "<what changed>" [<package dir>]
//
// appends that size, with the date and commit, to bench/size-history.json,
// which BENCHMARKS.md shows: a change that moves bytes records a before
// (a build of its base commit) and an after.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { output, root } from '../scripts/lib.mjs';

export const measure = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length });

/** `{wasm, js, total}` of the package in `dir`, as a bundler ships it. */
export async function bundledSize(dir) {
  const { build } = await import('esbuild');
  const out = mkdtempSync(join(tmpdir(), 'front-link-size-'));
  try {
    const outfile = join(out, 'index.js');
    await build({ entryPoints: [join(dir, 'index.js')], bundle: true, format: 'esm', minify: true, outfile, logLevel: 'warning' });
    const js = measure(readFileSync(outfile));
    const wasm = measure(readFileSync(join(dir, 'front_link_wasm_bg.wasm')));
    return { wasm, js, total: { raw: js.raw + wasm.raw, gzip: js.gzip + wasm.gzip, brotli: js.brotli + wasm.brotli } };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const historyFile = join(root, 'bench', 'size-history.json');

export function sizeHistory() {
  try {
    return JSON.parse(readFileSync(historyFile, 'utf8'));
  } catch {
    return [];
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, change, dir = join(root, 'pkg')] = process.argv.slice(2);
  if (command !== 'record' || !change) {
    console.error('usage: node bench/size.mjs record "<what changed>" [<package dir>]');
    process.exit(2);
  }
  const commit = output(`git -C ${JSON.stringify(resolve(dir, '..'))} rev-parse --short HEAD`);
  const entry = { date: new Date().toISOString().slice(0, 10), change, commit, ...(await bundledSize(resolve(dir))) };
  writeFileSync(historyFile, JSON.stringify([...sizeHistory(), entry], null, 2) + '\n');
  console.log(entry);
}
