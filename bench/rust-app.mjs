// What the crate adds to a Rust app: bench/rust-app/ (a `Link` with typed
// callbacks, opened on a token) built for release as an app would ship it
// (cargo, wasm-bindgen --target web, wasm-opt -Oz, the JS minified), with
// and without the `wallet-bridge` feature; gzip bytes of each file
// wasm-bindgen writes.
//   node bench/rust-app.mjs
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { root, run } from '../scripts/lib.mjs';

const app = join(root, 'bench', 'rust-app');

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** `{ wasm, js, snippets, bridge, total }`: gzip bytes; `bridge` is the part of `js` fetched only at the first wallet request. */
async function build(features) {
  const { transformSync } = await import('esbuild');
  const out = join(root, 'test-artifacts', 'rust-app', features.length ? 'bridge' : 'plain');
  rmSync(out, { recursive: true, force: true });
  run(`cargo build --release --target wasm32-unknown-unknown --target-dir target${features.length ? ` --features ${features.join(',')}` : ''}`, { cwd: app });
  run(`wasm-bindgen --target web --no-typescript --out-dir "${out}" target/wasm32-unknown-unknown/release/front_link_rust_app.wasm`, { cwd: app });
  const wasm = join(out, 'front_link_rust_app_bg.wasm');
  run(
    `"${join(root, 'node_modules', '.bin', 'wasm-opt')}" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue -o "${wasm}" "${wasm}"`,
  );
  const size = { wasm: 0, js: 0, snippets: 0, bridge: 0 };
  for (const file of files(out)) {
    const name = relative(out, file);
    const bytes = file.endsWith('.js') ? Buffer.from(transformSync(readFileSync(file, 'utf8'), { minify: true, format: 'esm' }).code) : readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    if (file.endsWith('.wasm')) size.wasm += gzip;
    else size.js += gzip;
    if (name.startsWith('snippets')) size.snippets += 1;
    if (/src\/web\/bridge\/(?!chunk\.js$)/.test(name)) size.bridge += gzip;
  }
  return { ...size, total: size.wasm + size.js };
}

/** The minimal app's bytes without and with the wallet bridge. */
export async function rustApp() {
  return { plain: await build([]), bridge: await build(['bridge']) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await rustApp(), null, 2));
