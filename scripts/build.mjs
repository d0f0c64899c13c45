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
  glueFactory(join(pkg, 'front_link_wasm.js'));
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
    if (!kept.has(module)) return (kept.set(module, name), line);
    dropped.add(name);
    return '';
  });
  code = code.replace(/^\s*"[^"]+": (import\d+),\n/gm, (line, name) => (dropped.has(name) ? '' : line));
  const left = [...dropped].filter((name) => new RegExp(`\\b${name}\\b`).test(code));
  if (left.length) throw new Error(`wasm-bindgen's glue changed shape: ${left.join(', ')} still used`);
  writeFileSync(path, code);
}

// wasm-bindgen's glue keeps one instance per page in module variables, and
// a trap (or any exception unwinding through the wasm) leaves that instance
// in no state to go on: borrows held, destructors not run. So the glue
// becomes a factory, `runtime(onTrap)`: each call a glue of its own around
// a fresh instance, whose closures stay bound to it. `onTrap` hears every
// exception that leaves the wasm through a closure (a browser event, a
// timer, a promise); `poison()` then turns the instance's exports into
// no-ops, so that its listeners still attached do nothing; `dismiss()`
// takes down the overlay it showed. See pkg-template/instance.js.
function glueFactory(path) {
  let code = readFileSync(path, 'utf8');
  const edits = [
    [/^export class Connection\b/m, 'class Connection'],
    [/^export function rehearse\(/m, 'function rehearse('],
    [/^export \{ initSync, __wbg_init as default \};?\n/m, ''],
    [/^(import \{[^}\n]*\bhide\b[^}\n]*) \} from '(\.\/snippets\/[^'\n]+\/src\/web\/overlay\.js)';$/m, "$1, dismiss } from '$2';"],
    [/^(\s*)return f\(state\.a, state\.b, \.\.\.args\);$/m, '$1try { return f(state.a, state.b, ...args); } catch (error) { onTrap(error); throw error; }'],
    [/^(\s*)return f\(a, state\.b, \.\.\.args\);$/m, '$1try { return f(a, state.b, ...args); } catch (error) { onTrap(error); throw error; }'],
  ];
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(code)) throw new Error(`wasm-bindgen's glue changed shape: ${pattern} no longer matches`);
    code = code.replace(pattern, replacement);
  }
  const lines = code.split('\n');
  const head = lines.findIndex((line) => !/^(import |\/\*.*\*\/$|$)/.test(line));
  const imports = lines.slice(0, head).join('\n');
  const body = lines.slice(head).join('\n');
  code = `${imports}

/** A glue of its own around a fresh instance (scripts/build.mjs). */
export function runtime(onTrap) {
${body}
  // Only once stopped: a page of memory for stale views to read, every export a no-op.
  function poison() {
    const spare = { memory: new WebAssembly.Memory({ initial: 1 }) };
    wasm = new Proxy(spare, { get: (target, name) => (name in target ? target[name] : () => 0) });
  }
  return { Connection, rehearse, init: __wbg_init, module: () => wasmModule, memory: () => wasm.memory, poison, dismiss };
}
`;
  writeFileSync(path, code);
  // Its types: wasm-bindgen's declarations of the instance's exports
  // (held to tests/expected/front_link_wasm.d.ts), inside the factory's.
  const types = path.replace(/\.js$/, '.d.ts');
  const declared = readFileSync(types, 'utf8').split('export type InitInput')[0];
  if (!/^export class Connection\b/m.test(declared) || !/^export function rehearse\(/m.test(declared)) throw new Error("wasm-bindgen's declarations changed shape");
  writeFileSync(
    types,
    `${declared
      .replace(/^export class Connection\b/m, 'declare class Connection')
      .replace(/^export function rehearse\(/m, 'declare function rehearse(')
      .trimEnd()}

/** A glue of its own around a fresh instance of the module (scripts/build.mjs). */
export declare function runtime(onTrap: (error: unknown) => void): {
  Connection: typeof Connection;
  rehearse: typeof rehearse;
  init(source: { module_or_path: Response | WebAssembly.Module }): Promise<unknown>;
  module(): WebAssembly.Module | undefined;
  memory(): WebAssembly.Memory;
  poison(): void;
  dismiss(): boolean;
};
`,
  );
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
  const snippets = readdirSync(join(pkg, 'snippets'), { recursive: true })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join('snippets', f));
  const files = ['front_link_wasm_bg.wasm', 'front_link_wasm.js', 'index.js', 'loader.js', 'instance.js', 'messages.js', 'alias.js', 'event-keys.js', ...snippets.sort()];
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
