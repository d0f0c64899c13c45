// The bridge's chunk (src/web/bridge/chunk.js, families.js): the wasm
// reaches the chunk's functions by name through one namespace, so every
// name the Rust binds there must be exported by exactly one of its modules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../../../scripts/lib.mjs';

const dir = join(root, 'src/web/bridge');
const modules = [...readFileSync(join(dir, 'families.js'), 'utf8').matchAll(/^export \* from '\.\/([\w-]+\.js)';$/gm)].map((m) => m[1]);

/** The names the Rust imports through `js_namespace = bridge`: each fn's `js_name`, or its own name. */
function boundNames() {
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.rs'))) {
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, body] of code.matchAll(/#\[wasm_bindgen\(module = "\/src\/web\/bridge\/chunk\.js", js_namespace = bridge\)\]\s*extern "C" \{([\s\S]*?)\n\}/g)) {
      for (const [, attrs, name] of body.matchAll(/((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([\w]+\))? )?fn (\w+)/g)) names.add(attrs.match(/js_name = (\w+)/)?.[1] ?? name);
    }
  }
  return names;
}

test('families.js re-exports every module of the chunk whose functions the wasm calls, no name twice', async () => {
  assert.ok(modules.length >= 9, `modules: ${modules}`);
  const owners = new Map();
  for (const module of modules) {
    for (const name of Object.keys(await import(join(dir, module)))) owners.set(name, [...(owners.get(name) ?? []), module]);
  }
  const twice = [...owners].filter(([, list]) => list.length > 1);
  assert.deepEqual(twice, [], 'a name exported by two modules is dropped by `export *`');
  const families = await import(join(dir, 'families.js'));
  const bound = boundNames();
  assert.ok(bound.size >= 20, `bound: ${[...bound]}`);
  assert.deepEqual(
    [...bound].filter((name) => typeof families[name] !== 'function'),
    [],
    'every function the Rust binds through `bridge` is one of the chunk',
  );
});

test("chunk.js: `bridge` names every function before the chunk is in, and calls the chunk's once it is", async () => {
  const { bridge, load } = await import(join(dir, 'chunk.js'));
  await load();
  const { text } = await import(join(dir, 'comlink.js'));
  assert.equal(bridge.text(42), text(42));
  assert.equal(typeof bridge.anything, 'function', 'names are bound before the chunk is in (the wasm is instantiated first)');
});
