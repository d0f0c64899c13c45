// EIP-6963 provider subscriptions (src/web/bridge/eip6963.js), on fake
// EIP-1193 providers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { watchProvider } from '../../../src/web/bridge/eip6963.js';

function provider() {
  const listeners = new Map();
  return {
    listeners,
    on(event, f) {
      assert.equal(this, provider.last, 'called on the provider');
      listeners.set(event, f);
    },
    removeListener: (event, f) => listeners.get(event) === f && listeners.delete(event),
  };
}

test('the listener passes on only the first argument; the teardown removes it and returns nothing', () => {
  const wallet = (provider.last = provider());
  const heard = [];
  const off = watchProvider(wallet, 'accountsChanged', (...args) => heard.push(args));
  wallet.listeners.get('accountsChanged')(['0xabc'], 'extra');
  assert.deepEqual(heard, [[['0xabc']]]);
  assert.equal(off(), undefined);
  assert.equal(wallet.listeners.size, 0);
  assert.doesNotThrow(off);
});

test('a callback that is not a function is never called', () => {
  const wallet = (provider.last = provider());
  watchProvider(wallet, 'chainChanged', undefined);
  assert.doesNotThrow(() => wallet.listeners.get('chainChanged')('0x1'));
});

test('no `on`: undefined; what `on` throws goes to the caller', () => {
  for (const value of [{}, { on: 'x' }, null, undefined, 'text', () => {}])
    assert.equal(
      watchProvider(value, 'x', () => {}),
      undefined,
    );
  assert.throws(
    () =>
      watchProvider(
        {
          on: () => {
            throw new Error('refused');
          },
        },
        'x',
        () => {},
      ),
    { message: 'refused' },
  );
});

test('the teardown never throws: no removeListener, or one that throws', () => {
  assert.doesNotThrow(watchProvider({ on() {} }, 'x', () => {}));
  assert.doesNotThrow(
    watchProvider(
      {
        on() {},
        removeListener: () => {
          throw new Error('x');
        },
      },
      'x',
      () => {},
    ),
  );
});
