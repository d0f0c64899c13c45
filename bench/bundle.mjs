// This package as an app's bundler takes it, for the bench pages
// (tests/pages/bench.js): `pkg/index.js` and everything it imports, bundled
// and minified by esbuild, the wasm beside it, plus a hook to read the wasm
// memory. `rehearsal: false` builds the same package with the loader's
// rehearsal of a first open (pkg/instance.js, src/web/rehearsal.rs) taken out, to
// measure what it does in each engine; nothing ships that way.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pkg } from '../scripts/build.mjs';
import { root } from '../scripts/lib.mjs';

/** The loader schedules its rehearsal once, as `setTimeout(<fn>)`; the bare build drops that call. */
const withoutRehearsal = {
  name: 'without-rehearsal',
  setup(build) {
    build.onLoad({ filter: /[\\/]instance\.js$/ }, async ({ path }) => {
      const { readFileSync } = await import('node:fs');
      const source = readFileSync(path, 'utf8');
      const calls = source.match(/setTimeout\(\s*[\w$]+\s*\)/g) ?? [];
      if (calls.length !== 1) throw new Error(`bench/bundle.mjs: expected one setTimeout(rehearseFirstOpen) in ${path}, found ${calls.length}: update the bare build`);
      return { contents: source.replace(calls[0], 'void 0'), loader: 'js' };
    });
  },
};

/** Bundles the package into `dir` (index.js and the wasm). */
export async function bundleOurs(dir, { rehearsal = true } = {}) {
  const { build } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  const entry = `export * from ${JSON.stringify(join(pkg, 'index.js'))};
import { wasmMemory } from ${JSON.stringify(join(pkg, 'loader.js'))};
export const __benchWasmMemory = async () => wasmMemory();`;
  await build({
    stdin: { contents: entry, resolveDir: root },
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(dir, 'index.js'),
    logLevel: 'warning',
    plugins: rehearsal ? [] : [withoutRehearsal],
  });
  copyFileSync(join(pkg, 'front_link_wasm_bg.wasm'), join(dir, 'front_link_wasm_bg.wasm'));
}
