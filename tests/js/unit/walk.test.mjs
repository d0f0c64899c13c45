// The bridge's property walk (src/web/bridge/walk.js): the runtime rule
// `step` adds to the core's name rule. Own members only at the first step,
// never a member of the shared prototypes, whatever the path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apply, atPath, get, step, walk } from '../../../src/web/bridge/walk.js';

class Wallet {
  constructor() {
    this.name = 'w';
  }
  connect() {
    return this.name;
  }
}

test('step reads own members, and inherited ones past the first step', () => {
  const wallet = new Wallet();
  assert.equal(step({ a: 1 }, 'a', true), 1);
  assert.equal(step(wallet, 'name', true), 'w');
  assert.equal(step(wallet, 'connect', false), Wallet.prototype.connect, "a class's own prototype");
  assert.equal(step({}, 'missing', true), undefined);
  assert.equal(step(Object.create(null), 'x', true), undefined);
});

test('step refuses an inherited member at the first step', () => {
  assert.throws(() => step(new Wallet(), 'connect', true), { name: 'TypeError', message: "The wallet bridge does not serve 'connect'" });
  assert.throws(() => step(Object.create({ secret: 1 }), 'secret', true), TypeError);
});

test("step never serves Object's, Function's or Array's prototype members", () => {
  for (const [object, key] of [
    [{}, 'toString'],
    [{}, 'hasOwnProperty'],
    [{}, '__defineGetter__'],
    [() => {}, 'call'],
    [() => {}, 'bind'],
    [[], 'push'],
    [new Wallet(), 'valueOf'],
  ]) {
    for (const own of [true, false]) {
      assert.throws(() => step(object, key, own), { name: 'TypeError', message: `The wallet bridge does not serve '${key}'` }, `${key} (own: ${own})`);
    }
  }
  // An own member that shadows one is the object's own.
  assert.equal(step({ toString: 5 }, 'toString', true), 5);
});

test('step from null or a primitive throws as JavaScript does', () => {
  assert.throws(() => step(null, 'x', false), { name: 'TypeError', message: "Cannot read properties of null (reading 'x')" });
  assert.throws(() => step(undefined, 'x', false), /Cannot read properties of undefined/);
  assert.throws(() => step('text', 'length', false), TypeError);
  assert.throws(() => step(1, 'x', false), TypeError);
});

test('walk gives the parent and the value, the first step own only', () => {
  const api = { wallets: [new Wallet()] };
  const [parent, value] = walk(api, ['wallets', '0', 'connect']);
  assert.equal(parent, api.wallets[0]);
  assert.equal(value, Wallet.prototype.connect);
  assert.deepEqual(walk(api, []), [api, api]);
  assert.throws(() => walk(api, ['toString']), TypeError);
  assert.throws(() => walk(api, ['wallets', 'map']), TypeError, 'Array.prototype.map');
  assert.throws(() => walk(api, ['wallets', '0', 'connect', 'call']), TypeError, 'Function.prototype.call');
  // Only the array's items count: nothing else it carries is read.
  const path = ['wallets'];
  path.extra = 'toString';
  assert.equal(walk(api, path)[1], api.wallets);
});

test('get and apply answer with a promise, rejections for refusals', async () => {
  const api = { wallets: [new Wallet()], add: (a, b) => a + b };
  assert.equal(await get(api, ['wallets', '0', 'name']), 'w');
  assert.equal(await apply(api, ['wallets', '0', 'connect'], []), 'w', 'this is the parent');
  assert.equal(await apply(api, ['add'], [2, 3]), 5);
  await assert.rejects(get(api, ['constructor']), TypeError);
  await assert.rejects(apply(api, ['wallets'], []), { name: 'TypeError', message: 'wallets is not a function' });
  await assert.rejects(apply(api, ['missing', 'x'], []), TypeError);
});

test('atPath walks from window, and any failure is undefined', () => {
  const tronLink = { tronWeb: {} };
  globalThis.window = { okxwallet: { tronLink }, nothing: null };
  try {
    assert.equal(atPath(['okxwallet', 'tronLink']), tronLink);
    assert.equal(atPath(['nothing', 'x']), undefined);
    assert.equal(atPath(['missing', 'x', 'y']), undefined);
    assert.equal(atPath(['okxwallet', 'toString']), undefined, 'refused');
  } finally {
    delete globalThis.window;
  }
});

test('step never hands out the page: a node, a window, a document, storage, eval', () => {
  const tagged = (tag) => ({ [Symbol.toStringTag]: tag });
  const wallet = {
    widget: tagged('HTMLIFrameElement'),
    text: tagged('Text'),
    win: tagged('Window'),
    doc: tagged('HTMLDocument'),
    store: tagged('Storage'),
    evaluate: globalThis.eval,
    make: Function,
    request() {},
    info: { name: 'ok' },
  };
  for (const key of ['widget', 'text', 'win', 'doc', 'store', 'evaluate', 'make']) {
    assert.throws(() => step(wallet, key, true), { name: 'TypeError', message: `The wallet bridge does not serve '${key}': it is part of the page` }, key);
  }
  assert.equal(step(wallet, 'request', true), wallet.request);
  assert.deepEqual(step(wallet, 'info', true), { name: 'ok' });
});
