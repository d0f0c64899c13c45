// Builds examples/leptos (a crate of its own, with its own target/) into
// examples/leptos/dist/ with the tools `npm test` already installs: cargo,
// the wasm32 target and the wasm-bindgen CLI at Cargo.lock's version.
//   node scripts/example.mjs          build, then serve on the local simulator
//   node scripts/example.mjs --build  build only
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, run } from './lib.mjs';

export const leptosExample = join(root, 'examples', 'leptos');
export const leptosDist = join(leptosExample, 'dist');

/** The wasm-bindgen version a Cargo.lock pins (the CLI must be the same). */
function lockedBindgen(dir) {
  return readFileSync(join(dir, 'Cargo.lock'), 'utf8').match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
}

export function buildLeptosExample() {
  const started = Date.now();
  // --target-dir: its own target/, whatever CARGO_TARGET_DIR says.
  run('cargo build --release --target wasm32-unknown-unknown --target-dir target', { cwd: leptosExample });
  const [ours, rootVersion] = [lockedBindgen(leptosExample), lockedBindgen(root)];
  if (ours !== rootVersion) throw new Error(`examples/leptos locks wasm-bindgen ${ours}, the root Cargo.lock (and so the CLI) ${rootVersion}`);
  rmSync(leptosDist, { recursive: true, force: true });
  const wasm = join(leptosExample, 'target', 'wasm32-unknown-unknown', 'release', 'front-link-leptos-example.wasm');
  run(`wasm-bindgen --target web --no-typescript --out-name front_link_leptos_example --out-dir "${leptosDist}" "${wasm}"`);
  console.log(`examples/leptos built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return leptosDist;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { setup } = await import('./setup.mjs');
  setup({ browser: false });
  buildLeptosExample();
  if (!process.argv.includes('--build')) {
    const { serveLeptosExample } = await import('../examples/leptos/server.mjs');
    await serveLeptosExample();
  }
}
