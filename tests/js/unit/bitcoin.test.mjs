// Bitcoin entries (src/web/bridge/bitcoin.js): 1.7.0's shape, accounts as
// plain data, the four features as proxies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProxied } from '../../../src/web/bridge/comlink.js';
import { bitcoinEntry } from '../../../src/web/bridge/bitcoin.js';

class Account {
  #key = Uint8Array.of(1, 2);
  get address() {
    return 'bc1q';
  }
  get publicKey() {
    return this.#key;
  }
  get purpose() {
    return 'payment';
  }
}

test('a bip122Wallets entry', async () => {
  const calls = [];
  const wallet = {
    name: 'Xverse',
    accounts: [new Account(), { address: 'bc1p', publicKey: [3] }],
    features: {
      'bitcoin:connect': { connect: async (input) => (calls.push(input), { accounts: [new Account()] }) },
      'bitcoin:signMessage': { signMessage: async (...args) => args },
      'standard:events': { on() {} },
    },
  };
  const entry = bitcoinEntry(wallet, 'xverse-bitcoin:mainnet');
  assert.deepEqual(Object.keys(entry), ['uuid', 'name', 'features', 'wallet']);
  assert.equal(entry.uuid, 'xverse-bitcoin:mainnet');
  assert.deepEqual(entry.features, ['bitcoin:connect', 'bitcoin:signMessage', 'standard:events']);
  assert.deepEqual(entry.wallet.accounts, [
    { address: 'bc1q', publicKey: [1, 2], purpose: 'payment' },
    { address: 'bc1p', publicKey: [3] },
  ]);
  const features = entry.wallet.features;
  assert.deepEqual(Object.keys(features), ['bitcoin:connect', 'bitcoin:disconnect', 'bitcoin:signMessage', 'bitcoin:signTransaction']);
  assert.equal(features['bitcoin:disconnect'], undefined);
  assert.equal(features['bitcoin:signTransaction'], undefined);
  assert.ok(isProxied(features['bitcoin:connect']) && isProxied(features['bitcoin:signMessage']));
  assert.deepEqual(await features['bitcoin:connect'].connect({ purposes: ['payment'] }), { accounts: [{ address: 'bc1q', publicKey: [1, 2], purpose: 'payment' }] });
  assert.deepEqual(calls, [{ purposes: ['payment'] }]);
  assert.deepEqual(await features['bitcoin:signMessage'].signMessage(1, 2), [1, 2]);
  assert.ok(structuredClone({ ...entry, wallet: { ...entry.wallet, features: {} } }), 'the data clones');
});

test('a wallet without features or accounts', async () => {
  const entry = bitcoinEntry({ name: 'Bare' }, 'bare-unknown');
  assert.deepEqual(entry.features, []);
  assert.deepEqual(entry.wallet.accounts, []);
  const connect = bitcoinEntry({ features: { 'bitcoin:connect': { connect: async () => undefined } } }, 'x').wallet.features['bitcoin:connect'];
  assert.deepEqual(await connect.connect(), { accounts: [] });
  const failing = bitcoinEntry(
    {
      features: {
        'bitcoin:signTransaction': {
          signTransaction: () => {
            throw new Error('no');
          },
        },
      },
    },
    'x',
  );
  await assert.rejects(failing.wallet.features['bitcoin:signTransaction'].signTransaction(), { message: 'no' }, 'a rejection, never a throw');
});
