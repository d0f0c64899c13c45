// The page's Wallet Standard registry as the bridge reads it
// (src/web/bridge/registry.js), on a fake page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProxied } from '../../../src/web/bridge/comlink.js';
import { chains, lowerName, standardWallets, watchAccounts } from '../../../src/web/bridge/registry.js';

test('names lower-cased by the browser, chains strings only', () => {
  assert.equal(lowerName({ name: 'Trust Wallet' }), 'trust wallet');
  assert.equal(lowerName({ name: 'ÄRGER' }), 'ärger', 'Unicode-aware');
  for (const wallet of [{}, { name: 5 }, null, undefined]) assert.equal(lowerName(wallet), '');
  assert.deepEqual(chains({ chains: ['solana:mainnet', 1, null, 'bitcoin:mainnet'] }), ['solana:mainnet', 'bitcoin:mainnet']);
  for (const wallet of [{}, { chains: 'solana:mainnet' }, null]) assert.deepEqual(chains(wallet), []);
});

test('the registry: app-ready once, wallets registering before and after, unregistering', () => {
  const listeners = [];
  const dispatched = [];
  globalThis.addEventListener = (type, f) => listeners.push([type, f]);
  globalThis.dispatchEvent = (event) => dispatched.push(event);
  globalThis.CustomEvent ??= class extends Event {
    constructor(type, { detail }) {
      super(type);
      this.detail = detail;
    }
  };
  try {
    assert.deepEqual(standardWallets(), []);
    assert.equal(dispatched.length, 1);
    assert.equal(dispatched[0].type, 'wallet-standard:app-ready');
    const api = dispatched[0].detail;
    assert.ok(Object.isFrozen(api));
    const a = { name: 'A' };
    const b = { name: 'B' };
    const off = api.register(a, b, a);
    assert.deepEqual(standardWallets(), [a, b]);
    const [[type, listener]] = listeners;
    assert.equal(type, 'wallet-standard:register-wallet');
    const c = { name: 'C' };
    listener({ detail: (registry) => registry.register(c) });
    listener({ detail: 'not a function' });
    assert.deepEqual(standardWallets(), [a, b, c]);
    off();
    assert.deepEqual(standardWallets(), [c]);
    const copy = standardWallets();
    copy.push(a);
    assert.deepEqual(standardWallets(), [c], 'a copy each time');
    standardWallets();
    assert.equal(dispatched.length, 1, 'once a page');
  } finally {
    delete globalThis.addEventListener;
    delete globalThis.dispatchEvent;
  }
});

function emitter() {
  const handlers = new Set();
  return {
    handlers,
    on: (event, f) => {
      assert.equal(event, 'change');
      handlers.add(f);
      return () => handlers.delete(f);
    },
    emit: (change) => handlers.forEach((f) => f(change)),
  };
}

test("watchAccounts: the first account's address on account changes, then an idempotent off", () => {
  for (const feature of ['standard:events', 'bitcoin:events']) {
    const events = emitter();
    const wallet = { accounts: [{ address: 'addr1' }], features: { [feature]: events } };
    const heard = [];
    const off = watchAccounts(wallet, (address) => heard.push(address));
    assert.ok(isProxied(off), feature);
    events.emit({ accounts: [] });
    events.emit({ chains: [] });
    events.emit(null);
    wallet.accounts = [];
    events.emit({ accounts: [] });
    assert.deepEqual(heard, ['addr1', null], feature);
    off();
    off();
    assert.equal(events.handlers.size, 0);
  }
  assert.equal(
    watchAccounts({ features: {} }, () => {}),
    undefined,
  );
  assert.equal(
    watchAccounts({}, () => {}),
    undefined,
  );
  const events = emitter();
  const off = watchAccounts({ accounts: [], features: { 'standard:events': events } }, 'not a function');
  assert.doesNotThrow(() => events.emit({ accounts: [] }));
  const throwing = {
    on: () => () => {
      throw new Error('x');
    },
  };
  assert.doesNotThrow(watchAccounts({ features: { 'standard:events': throwing } }, () => {}));
  off();
});
