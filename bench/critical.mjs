// The package's bytes on an app's critical path: an app whose whole entry
// is `import { createLink } from 'front-link-wasm'` (or `/front`'s
// `createFrontConnection`, or `/react`'s `useLink`), bundled and minified by
// esbuild (splitting on), Vite and webpack 5 in production mode, from pkg/.
// What the entry chunk and the chunks it imports statically weigh (gzip) is
// what every page of the app pays
// before Link is used; the rest (glue, snippets, wasm) is in chunks the
// bundler split off, fetched at the first connection. React is the app's,
// not counted (external to every bundle).
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pkg } from '../scripts/build.mjs';
import { root } from '../scripts/lib.mjs';

export const ENTRIES = {
  createLink: "import { createLink } from 'front-link-wasm';\nwindow.app = createLink;\n",
  createFrontConnection: "import { createFrontConnection } from 'front-link-wasm/front';\nwindow.app = createFrontConnection;\n",
  useLink: "import { useLink } from 'front-link-wasm/react';\nwindow.app = useLink;\n",
};

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The gzip bytes of `file` and of every chunk it imports statically, each
 * once (served as separate files): all of it loads before the app runs.
 * Dynamic `import()`s are what the page fetches later.
 */
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return 0;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const imported = [...code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']|\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1] ?? m[2]);
  return gzip(file) + imported.reduce((sum, path) => sum + withStaticImports(join(dirname(file), path), seen), 0);
}

/** An app folder of one entry, `main.js`; its `front-link-wasm` is pkg/ (a link, as npm's `file:` would make). */
function app(dir, entry) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'main.js'), entry);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  symlinkSync(pkg, join(dir, 'node_modules', 'front-link-wasm'), 'dir');
  return dir;
}

async function esbuildEntry(dir) {
  const { build } = await import('esbuild');
  const out = join(dir, 'dist-esbuild');
  await build({ absWorkingDir: dir, entryPoints: ['main.js'], bundle: true, splitting: true, format: 'esm', minify: true, outdir: out, logLevel: 'silent', external: ['react'] });
  return withStaticImports(join(out, 'main.js'));
}

async function viteEntry(dir) {
  const { build } = await import('vite');
  const out = join(dir, 'dist-vite');
  await build({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: out, emptyOutDir: true, rollupOptions: { external: ['react'] } } });
  const assets = join(out, 'assets');
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const entry = readdirSync(assets).find((f) => f.endsWith('.js') && html.includes(f));
  return withStaticImports(join(assets, entry));
}

async function webpackEntry(dir) {
  const webpack = (await import('webpack')).default;
  const out = join(dir, 'dist-webpack');
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: 'production', context: dir, entry: join(dir, 'main.js'), externals: { react: 'React' }, output: { path: out, filename: 'main.js', publicPath: 'auto' } }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  return gzip(join(out, 'main.js'));
}

/**
 * What the same bundlers put in an entry chunk for an app that splits off
 * one module of its own (`import('./x.js')`) and imports nothing of ours:
 * the bundler's chunk loading, which any code-splitting app carries.
 */
export async function splitRuntime() {
  const dir = app(join(root, 'test-artifacts', 'critical', 'split-only'), "window.app = () => import('./x.js');\n");
  writeFileSync(join(dir, 'x.js'), 'export const x = 1;\n');
  return { esbuild: await esbuildEntry(dir), vite: await viteEntry(dir), webpack: await webpackEntry(dir) };
}

/** `{ [entry]: { esbuild, vite, webpack } }`: the entry chunk's gzip bytes. */
export async function criticalPath({ bundlers = ['esbuild', 'vite', 'webpack'] } = {}) {
  const measure = { esbuild: esbuildEntry, vite: viteEntry, webpack: webpackEntry };
  const result = {};
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const dir = app(join(root, 'test-artifacts', 'critical', name), entry);
    result[name] = {};
    for (const bundler of bundlers) result[name][bundler] = await measure[bundler](dir);
  }
  return result;
}

/** The chunks `file` imports, statically and by `import()`, as paths beside it. */
function imports(file) {
  const code = readFileSync(file, 'utf8');
  const found = [...code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']|\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)];
  return found.map((m) => join(dirname(file), m[1] ?? m[2]));
}

/**
 * What a page fetches for Link, gzip bytes, from `createLink`'s app bundled
 * by esbuild (splitting on): `session` is what a session whose Link UI
 * never opens the wallet channel loads (the entry and every chunk it
 * reaches, the wasm, but not the bridge's chunk), `bridge` what the first
 * wallet message adds (the chunk esbuild names after `families.js`, and
 * what only it reaches), `everything` the two together.
 */
export async function sessionBytes() {
  const dir = app(join(root, 'test-artifacts', 'critical', 'session'), ENTRIES.createLink);
  const { build } = await import('esbuild');
  const out = join(dir, 'dist-esbuild');
  await build({ absWorkingDir: dir, entryPoints: ['main.js'], bundle: true, splitting: true, format: 'esm', minify: true, outdir: out, logLevel: 'silent', external: ['react'] });
  const reach = (from, seen, skip) => {
    for (const file of imports(from)) {
      if (seen.has(file) || skip(file)) continue;
      seen.add(file);
      reach(file, seen, skip);
    }
    return seen;
  };
  const isBridge = (file) => /^families-[\w-]+\.js$/.test(file.split('/').pop());
  const session = reach(join(out, 'main.js'), new Set([join(out, 'main.js')]), isBridge);
  const all = reach(join(out, 'main.js'), new Set([join(out, 'main.js')]), () => false);
  if (![...all].some(isBridge)) throw new Error("no chunk of the bridge's JavaScript (families-*.js) in the bundle");
  const sum = (files) => [...files].reduce((total, file) => total + gzip(file), 0);
  const wasm = gzip(join(pkg, 'front_link_wasm_bg.wasm'));
  const bridge = sum([...all].filter((file) => !session.has(file)));
  return { session: sum(session) + wasm, bridge, everything: sum(all) + wasm };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify({ ...(await criticalPath()), session: await sessionBytes() }, null, 2));
