// Tron entries and account events (src/web/bridge/tron.js), on fake
// providers and a fake page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProxied } from '../../../src/web/bridge/comlink.js';
import { isTronProvider, tronEntry, watchTron } from '../../../src/web/bridge/tron.js';

function tronWeb() {
  return {
    defaultAddress: { base58: 'TXyz', hex: '41ab' },
    trx: { sign: async (tx) => ({ signed: tx }), signMessageV2: async (m) => `sig:${m}`, sendRawTransaction: async () => ({ result: true }) },
    transactionBuilder: { sendTrx: async (...args) => args, triggerSmartContract: async () => 'built' },
    toHex: (text) => `hex:${text}`,
  };
}

test('a Tron provider has tronWeb and request', () => {
  assert.equal(isTronProvider({ tronWeb: {}, request: undefined }), true);
  for (const value of [{ tronWeb: {} }, { request() {} }, { tronWeb: null, request() {} }, null, 'x']) assert.equal(isTronProvider(value), false);
});

test("a tronWallets entry: 1.7.0's provider surface, proxied where the child calls", async () => {
  const provider = { tronWeb: tronWeb(), ready: true, request: async (args) => ({ asked: args }) };
  const entry = tronEntry(provider, 'okxwallet.tronLink', 'tron-okxwallet-tronlink', 'okxwallet');
  assert.deepEqual(Object.keys(entry), ['uuid', 'name', 'injectedId', 'provider']);
  assert.deepEqual([entry.uuid, entry.name, entry.injectedId], ['tron-okxwallet-tronlink', 'okxwallet', 'okxwallet.tronLink']);
  const { provider: served } = entry;
  assert.ok(isProxied(served) && isProxied(served.tronWeb) && isProxied(served.tronWeb.trx) && isProxied(served.tronWeb.transactionBuilder));
  assert.equal(served.ready, true);
  assert.deepEqual(await served.request({ method: 'tron_requestAccounts' }), { asked: { method: 'tron_requestAccounts' } });
  assert.deepEqual(await served.tronWeb.getDefaultAddress(), { base58: 'TXyz', hex: '41ab' });
  assert.deepEqual(await served.tronWeb.trx.sign(1), { signed: 1 });
  assert.equal(await served.tronWeb.trx.signMessageV2('m'), 'sig:m');
  assert.deepEqual(await served.tronWeb.transactionBuilder.sendTrx('to', 5), ['to', 5]);
  assert.equal(served.tronWeb.toHex('a'), 'hex:a');
  // tronWeb is read at each call: a wallet that swaps it in later is seen.
  provider.tronWeb = { ...tronWeb(), defaultAddress: undefined };
  assert.deepEqual(await served.tronWeb.getDefaultAddress(), { base58: false, hex: false });
});

test('a provider without request or ready', () => {
  const { provider } = tronEntry({ tronWeb: tronWeb(), request: undefined }, 'tron', 'tron-tron', 'tron');
  assert.equal(provider.request, undefined);
  assert.equal(provider.ready, false);
});

function emitter() {
  const handlers = new Map();
  return {
    handlers,
    on: (event, f) => handlers.set(event, f),
    removeListener: (event, f) => handlers.get(event) === f && handlers.delete(event),
  };
}

test("watchTron: the provider's own emitter, first argument only, idempotent teardown", () => {
  globalThis.window = {};
  try {
    const provider = { tronWeb: {}, request() {}, ...emitter() };
    const heard = [];
    const off = watchTron(provider, 'x', 'accountsChanged', (...args) => heard.push(args));
    assert.ok(isProxied(off));
    provider.handlers.get('accountsChanged')(['T1'], 'extra');
    assert.deepEqual(heard, [[['T1']]]);
    off();
    off();
    assert.equal(provider.handlers.size, 0);
  } finally {
    delete globalThis.window;
  }
});

test("watchTron: TronLink's window.tron, else the page's own TronLink messages", () => {
  const page = new Set();
  const tron = { tronWeb: {}, request() {}, ...emitter() };
  const tronLink = { tronWeb: {}, request() {} };
  globalThis.window = { tron, tronLink };
  globalThis.location = { origin: 'https://host.example' };
  globalThis.addEventListener = (type, f) => type === 'message' && page.add(f);
  globalThis.removeEventListener = (type, f) => type === 'message' && page.delete(f);
  try {
    const heard = [];
    watchTron(tronLink, 'tronLink', 'accountsChanged', (...args) => heard.push(args));
    tron.handlers.get('accountsChanged')(['T2']);
    assert.deepEqual(heard, [[['T2']]]);
    assert.equal(page.size, 0);

    const other = { tronWeb: {}, request() {} };
    const events = [];
    const off = watchTron(other, 'bitkeep.tronLink', 'accountsChanged', (...args) => events.push(args));
    const off2 = watchTron(other, 'bitkeep.tronLink', 'disconnect', (...args) => events.push(['disconnect', ...args]));
    assert.equal(page.size, 2);
    const post = (data, source = globalThis.window, origin = 'https://host.example') => page.forEach((f) => f({ data, source, origin }));
    post({ message: { action: 'setAccount', data: { address: 'T3' } } });
    post({ message: { action: 'accountsChanged', data: ['T4'] } });
    post({ message: { action: 'accountsChanged', data: 'T5' } });
    post({ message: { action: 'accountsChanged', data: {} } });
    post({ message: { action: 'disconnect' } });
    post({ message: { action: 'setAccount', data: 'T6' } }, {}, 'https://host.example');
    post({ message: { action: 'setAccount', data: 'T7' } }, globalThis.window, 'https://evil.example');
    post({ message: { action: 5 } });
    post(null);
    assert.deepEqual(events, [[['T3']], [['T4']], [['T5']], [[]], ['disconnect']]);
    off();
    off2();
    assert.equal(page.size, 0);
  } finally {
    for (const name of ['window', 'location', 'addEventListener', 'removeEventListener']) delete globalThis[name];
  }
});
