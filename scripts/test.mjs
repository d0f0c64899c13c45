// `npm test`: installs what is missing, then runs every suite:
//   0. style gates          cargo fmt --check (rustfmt.toml), cargo clippy -D warnings for
//                           the host and wasm32, biome ci (biome.jsonc): format and lint
//   1. cargo test           the protocol core on the host (unit, property, doc tests)
//   2. cargo doc            the Rust docs, with no warning (RUSTDOCFLAGS=-D warnings)
//   3. npm run build        the release npm package in pkg/
//   4. wasm browser tests   the Rust API in Chromium, Firefox and WebKit, real cross-origin
//                           frames (built once, wasm-bindgen's runner serves them, each
//                           engine in turn through tests/js/engines/driver.mjs;
//                           scripts/wasm-test.mjs)
//   5. npm pack             pkg/ as the registry would get it: the bundler, React and
//                           registry (publint, attw) suites install or check this tarball
//   6. examples/leptos      the Leptos app on the Rust API (scripts/example.mjs), for
//                           tests/js/package/leptos.test.mjs
//   7. node --test          the built package in Chromium (playwright-core) and in Node
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { setup } from './setup.mjs';
import { build } from './build.mjs';
import { buildLeptosExample } from './example.mjs';
import { pack } from './pack.mjs';
import { wasmBrowserTests } from './wasm-test.mjs';
import { root, run } from './lib.mjs';

setup();
const failures = [];

async function step(name, body) {
  console.log(`\n=== ${name}`);
  try {
    await body();
  } catch (error) {
    console.error(`\n*** ${name} failed: ${error.message}`);
    failures.push({ name, message: error.message });
  }
}

/** Runs `command`, its output shown as it comes; rejects with an Error that keeps the output. */
function spawned(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (process.stdout.write(chunk), (output += chunk)));
    child.stderr.on('data', (chunk) => (process.stderr.write(chunk), (output += chunk)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(Object.assign(new Error(`${command} exited with ${code}`), { output }))));
  });
}

// The gates first: they are quick, and a failure says exactly which file.
await step('style: cargo fmt --check, cargo clippy -D warnings (host and wasm32), biome ci', () => {
  run('cargo fmt --check');
  run('cargo clippy --all-targets -- -D warnings');
  run('cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features js -- -D warnings');
  run('cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings');
  run('cargo clippy --lib --target wasm32-unknown-unknown --features wallet-bridge -- -D warnings');
  run(`"${process.execPath}" node_modules/@biomejs/biome/bin/biome ci --colors=off .`);
});
await step('cargo test (host)', () => run('cargo test'));
await step('cargo doc --no-deps (no warnings)', () => run('cargo doc --no-deps', { env: { ...process.env, RUSTDOCFLAGS: '-D warnings' } }));
await step('build pkg/', build);
await step('wasm browser tests (tests/browser.rs in chromium, firefox, webkit)', async () => {
  // The Link UI stand-in must keep serving while the tests run, in every engine.
  const { startServers } = await import('../tests/js/support/harness.mjs');
  const servers = await startServers();
  try {
    await wasmBrowserTests({ FRONT_LINK_TEST_LINK: servers.link, FRONT_LINK_TEST_ATTACKER: servers.attacker });
  } finally {
    await servers.close();
  }
});
await step('npm pack pkg/', () => {
  process.env.FRONT_LINK_TARBALL = pack();
  console.log(process.env.FRONT_LINK_TARBALL);
});
await step('build examples/leptos', () => {
  process.env.FRONT_LINK_LEPTOS_DIST = buildLeptosExample();
});
await step('node --test tests/js', () => spawned(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=300000', 'tests/js/']));
if (process.env.FRONT_LINK_TARBALL) rmSync(dirname(process.env.FRONT_LINK_TARBALL), { recursive: true, force: true });

if (failures.length) {
  // Repeated at the end: CI records only the tail of a long run.
  for (const { name, message } of failures) console.error(`\nFAILED: ${name}\n  ${message.split('\n').join('\n  ')}`);
  process.exit(1);
}
console.log('\nAll suites passed.');
