// Installs what building and testing need, and only what is missing:
// npm packages, the wasm32 target, wasm-bindgen-cli at Cargo.lock's exact
// version, wasm-pack, and (for browser tests) Debian's chromium,
// chromium-driver, firefox-esr, webkit2gtk-driver (WebKitGTK's MiniBrowser
// and WebKitWebDriver) and xvfb. wasm-opt comes from the npm package `binaryen`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { has, output, root, run } from './lib.mjs';

function npmPackagesCurrent() {
  const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {};
  return Object.entries(wanted).every(([name, version]) => {
    const manifest = join(root, 'node_modules', name, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === version;
  });
}

function lockedVersion(crate) {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const match = lock.match(new RegExp(`name = "${crate}"\\nversion = "([^"]+)"`));
  if (!match) throw new Error(`${crate} is not in Cargo.lock`);
  return match[1];
}

export function setup({ browser = true } = {}) {
  if (!npmPackagesCurrent()) run('npm ci');
  if (!output('rustup target list --installed').split('\n').includes('wasm32-unknown-unknown')) {
    run('rustup target add wasm32-unknown-unknown');
  }
  const bindgen = lockedVersion('wasm-bindgen');
  if (output('wasm-bindgen --version') !== `wasm-bindgen ${bindgen}`) {
    run(`cargo install wasm-bindgen-cli --version ${bindgen}`);
  }
  if (!has('wasm-pack')) run('cargo install wasm-pack');
  // The three engines of the browser suites (TESTING.md): Debian's
  // packages only; no test tool downloads a browser of its own.
  const engines = { chromium: 'chromium', chromedriver: 'chromium-driver', 'firefox-esr': 'firefox-esr', WebKitWebDriver: 'webkit2gtk-driver', 'xvfb-run': 'xvfb' };
  const missing = Object.entries(engines)
    .filter(([command]) => !has(command))
    .map(([, pkg]) => pkg);
  if (browser && missing.length) {
    run(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) setup();
