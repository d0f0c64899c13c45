// TON entries (src/web/bridge/ton.js): `window[key].tonconnect` as 1.7.0
// serves it, on a fake page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProxied } from '../../../src/web/bridge/comlink.js';
import { tonEntry } from '../../../src/web/bridge/ton.js';

function bridge(extra = {}) {
  return {
    deviceInfo: { appName: 'tonkeeper', platform: 'chrome' },
    walletInfo: { name: 'Tonkeeper' },
    connect: async (...args) => ({ event: 'connect', args }),
    restoreConnection: async () => ({ event: 'restored' }),
    send: async (request) => ({ result: request.id }),
    listen: (callback) => () => callback('stopped'),
    ...extra,
  };
}

function withWindow(window, f) {
  globalThis.window = window;
  try {
    return f();
  } finally {
    delete globalThis.window;
  }
}

test("a tonWallets entry, its functions calling the wallet's", async () => {
  const teardowns = [];
  const entry = withWindow({ tonkeeper: { tonconnect: bridge() } }, () => tonEntry('tonkeeper', 'ton-tonkeeper', teardowns));
  assert.deepEqual(Object.keys(entry), ['uuid', 'name', 'icon', 'jsBridgeKey', 'provider']);
  assert.deepEqual([entry.uuid, entry.name, entry.icon, entry.jsBridgeKey], ['ton-tonkeeper', 'tonkeeper', '', 'tonkeeper']);
  const { provider } = entry;
  assert.ok(isProxied(provider));
  assert.equal(provider.protocolVersion, 2);
  assert.equal(provider.isWalletBrowser, false);
  assert.equal(provider.disconnect, undefined);
  assert.deepEqual(provider.walletInfo, { name: 'Tonkeeper' });
  assert.deepEqual(await provider.connect(2, { items: [] }), { event: 'connect', args: [2, { items: [] }] });
  assert.deepEqual(await provider.restoreConnection(), { event: 'restored' });
  assert.deepEqual(await provider.send({ id: 4 }), { result: 4 });
  const heard = [];
  const off = provider.listen((event) => heard.push(event));
  assert.ok(isProxied(off));
  assert.equal(teardowns.length, 1, "the wallet's own unsubscribe, kept for the session end");
  assert.notEqual(teardowns[0], off, 'the child gets a function of the bridge, not the wallet');
  off();
  assert.deepEqual(heard, ['stopped']);
});

test('listen that hands out nothing throws as 1.7.0 does; a non-function is not kept', () => {
  const teardowns = [];
  const window = { a: { tonconnect: bridge({ listen: () => undefined }) }, b: { tonconnect: bridge({ listen: () => 'token' }) } };
  const a = withWindow(window, () => tonEntry('a', 'ton-a', teardowns));
  assert.throws(() => a.provider.listen(() => {}), { name: 'TypeError', message: 'Cannot convert undefined or null to object' });
  const b = withWindow(window, () => tonEntry('b', 'ton-b', teardowns));
  assert.throws(() => b.provider.listen(() => {}), TypeError, 'a string cannot be marked as a proxy');
  assert.deepEqual(teardowns, []);
});

test('no JS bridge, or one without connect, send or listen, is no entry', () => {
  const window = {
    none: {},
    nothing: null,
    partial: { tonconnect: { connect() {}, send() {} } },
    text: { tonconnect: 'x' },
  };
  for (const key of ['none', 'nothing', 'partial', 'text', 'missing', 'toString']) {
    assert.equal(
      withWindow(window, () => tonEntry(key, `ton-${key}`, [])),
      undefined,
      key,
    );
  }
  // The name falls back to the key; versions and flags as the wallet says.
  const entry = withWindow({ w: { tonconnect: bridge({ deviceInfo: undefined, protocolVersion: 3, isWalletBrowser: true, disconnect: async () => 'bye' }) } }, () => tonEntry('w', 'ton-w', []));
  assert.equal(entry.name, 'w');
  assert.equal(entry.provider.protocolVersion, 3);
  assert.equal(entry.provider.isWalletBrowser, true);
  assert.equal(typeof entry.provider.disconnect, 'function');
});
