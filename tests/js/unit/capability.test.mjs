// The bridge's capability surface (src/web/bridge/capability.js): what is
// built is marked; copies of wallet data hold data only; a provider's view
// carries its own primitive fields and the methods given, nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMade, made, plain, primitive, view } from '../../../src/web/bridge/capability.js';

test('made marks objects and functions, and passes primitives through', () => {
  const object = {};
  assert.equal(made(object), object);
  assert.ok(isMade(object));
  assert.ok(!isMade({}));
  assert.equal(made(3), 3);
  assert.equal(made(null), null);
  assert.equal(primitive('a'), 'a');
  assert.equal(primitive({}), undefined);
  assert.equal(
    primitive(() => {}),
    undefined,
  );
});

test('plain copies data and leaves out everything else, member and all', () => {
  class Node {}
  const source = {
    name: 'x',
    n: Number.NaN,
    list: [1, 'a', { deep: true }, () => {}],
    bytes: new Uint8Array([1, 2]),
    nested: { keep: 1, node: new Node(), fn() {} },
    _internal: 'secret',
    constructor: 'c',
    get throws() {
      throw new Error('getter');
    },
  };
  const copy = plain(source);
  assert.deepEqual(Object.keys(copy), ['name', 'n', 'list', 'bytes', 'nested']);
  assert.ok(Number.isNaN(copy.n));
  assert.deepEqual(copy.list, [1, 'a', { deep: true }, undefined]);
  assert.deepEqual(Array.from(copy.bytes), [1, 2]);
  assert.notEqual(copy.bytes, source.bytes, 'a copy');
  assert.deepEqual(copy.nested, { keep: 1 });
  for (const object of [copy, copy.list, copy.list[2], copy.nested, copy.bytes]) assert.ok(isMade(object));
  assert.equal(plain(new Node()), undefined);
  assert.equal(
    plain(() => {}),
    undefined,
  );
  assert.equal(plain('s'), 's');
  let deep = { end: true };
  for (let i = 0; i < 20; i++) deep = { deep };
  assert.ok(JSON.stringify(plain(deep)).length < 80, 'depth-bounded');
  const cycle = { a: 1 };
  cycle.self = cycle;
  assert.equal(plain(cycle).a, 1, 'a cycle ends at the depth bound');
});

test("view: a provider's own primitive data fields, live, and the methods given; nothing it holds, no getter run", () => {
  let ran = 0;
  const provider = {
    isMetaMask: true,
    chainId: '0x1',
    _state: 'hidden',
    widget: { ownerDocument: {} },
    request: () => 'own method, not given',
    get trap() {
      ran++;
      return 1;
    },
  };
  const methods = { request: () => 'given' };
  const surface = view(provider, methods);
  assert.ok(isMade(surface));
  assert.ok(isMade(Object.getPrototypeOf(surface)));
  assert.deepEqual({ ...surface }, { isMetaMask: true, chainId: '0x1' });
  assert.equal(structuredClone(surface).chainId, '0x1', 'clones as its data');
  provider.chainId = '0x89';
  assert.equal(surface.chainId, '0x89', 'live');
  provider.chainId = { not: 'data' };
  assert.equal(surface.chainId, undefined, 'a field that stops being data reads undefined');
  assert.equal(surface.request(), 'given');
  assert.equal(surface.widget, undefined);
  assert.equal(ran, 0);
});
