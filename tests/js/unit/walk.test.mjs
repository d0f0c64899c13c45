// The bridge's property walk (src/web/bridge/walk.js): the runtime rule
// `step` adds to the core's name rule. A step only from what the bridge
// built (capability.js), only to its own members or a built prototype's,
// whatever the path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { made } from '../../../src/web/bridge/capability.js';
import { apply, atPath, get, step, walk } from '../../../src/web/bridge/walk.js';

const refusal = (key) => ({ name: 'TypeError', message: `The wallet bridge does not serve '${key}'` });

test('step reads own members of what the bridge built, and members of a prototype it built', () => {
  const methods = made({ connect() {} });
  const entry = made(Object.assign(Object.create(methods), { name: 'w' }));
  assert.equal(step(entry, 'name'), 'w');
  assert.equal(step(entry, 'connect'), methods.connect);
  assert.equal(step(made({}), 'missing'), undefined);
  assert.equal(step(made(Object.create(null)), 'x'), undefined);
  assert.equal(step(made([1, 2]), 'length'), 2);
});

test('step refuses anything the bridge did not build: a wallet object, a class instance, a page object', () => {
  class Wallet {
    constructor() {
      this.name = 'w';
    }
    connect() {}
  }
  const wallet = new Wallet();
  for (const [object, key] of [
    [wallet, 'name'],
    [wallet, 'connect'],
    [{ a: 1 }, 'a'],
    [[1], '0'],
    [() => {}, 'name'],
    ['text', 'length'],
    [1, 'x'],
  ]) {
    assert.throws(() => step(object, key), refusal(key), `${typeof object} ${key}`);
  }
  // A member a built object inherits from a prototype it did not build.
  assert.throws(() => step(made(Object.create({ secret: 1 })), 'secret'), refusal('secret'));
  assert.throws(() => step(made(new Wallet()), 'connect'), refusal('connect'));
});

test("step never serves Object's, Function's or Array's prototype members", () => {
  for (const [object, key] of [
    [{}, 'toString'],
    [{}, 'hasOwnProperty'],
    [{}, '__defineGetter__'],
    [() => {}, 'call'],
    [() => {}, 'bind'],
    [[], 'push'],
  ]) {
    assert.throws(() => step(made(object), key), refusal(key), key);
  }
  // An own member that shadows one is the object's own.
  assert.equal(step(made({ toString: 5 }), 'toString'), 5);
});

test('step from null or undefined throws as JavaScript does', () => {
  assert.throws(() => step(null, 'x'), { name: 'TypeError', message: "Cannot read properties of null (reading 'x')" });
  assert.throws(() => step(undefined, 'x'), /Cannot read properties of undefined/);
});

test('walk gives the parent and the value; a wallet object inside a built one stops it', () => {
  const wallet = { secret: 's', run: () => 'ran' };
  const entry = made({ connect: () => 'ok', wallet });
  const api = made({ wallets: made([entry]) });
  const [parent, value] = walk(api, ['wallets', '0', 'connect']);
  assert.equal(parent, entry);
  assert.equal(value, entry.connect);
  assert.deepEqual(walk(api, []), [api, api]);
  assert.throws(() => walk(api, ['toString']), TypeError);
  assert.throws(() => walk(api, ['wallets', 'map']), TypeError, 'Array.prototype.map');
  assert.throws(() => walk(api, ['wallets', '0', 'connect', 'call']), TypeError, 'Function.prototype.call');
  assert.equal(walk(api, ['wallets', '0', 'wallet'])[1], wallet, 'read as a value (a GET clones it)');
  assert.throws(() => walk(api, ['wallets', '0', 'wallet', 'secret']), refusal('secret'));
  assert.throws(() => walk(api, ['wallets', '0', 'wallet', 'run']), refusal('run'));
  // Only the array's items count: nothing else it carries is read.
  const path = ['wallets'];
  path.extra = 'toString';
  assert.equal(walk(api, path)[1], api.wallets);
});

test('get and apply answer with a promise, rejections for refusals', async () => {
  const entry = made({
    name: 'w',
    connect() {
      return this.name;
    },
  });
  const api = made({ wallets: made([entry]), add: (a, b) => a + b });
  assert.equal(await get(api, ['wallets', '0', 'name']), 'w');
  assert.equal(await apply(api, ['wallets', '0', 'connect'], []), 'w', 'this is the parent');
  assert.equal(await apply(api, ['add'], [2, 3]), 5);
  await assert.rejects(get(api, ['constructor']), TypeError);
  await assert.rejects(apply(api, ['wallets'], []), { name: 'TypeError', message: 'wallets is not a function' });
  await assert.rejects(apply(api, ['missing', 'x'], []), TypeError);
  // A served value called as a whole (`APPLY []`): only one the bridge built.
  assert.equal(
    await apply(
      made(() => 'teardown'),
      [],
      [],
    ),
    'teardown',
  );
  await assert.rejects(
    apply(() => 'page', [], []),
    TypeError,
  );
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
