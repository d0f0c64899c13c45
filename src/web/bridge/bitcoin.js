// Bitcoin (BIP-122) wallets of the Wallet Standard registry (see bitcoin.rs).
import { proxy } from './comlink.js';
import { made, plain, primitive } from './capability.js';

// Accounts are often class instances whose getters a clone would lose.
function wireAccount(account) {
  const wire = { address: account.address, publicKey: Array.from(account.publicKey ?? []) };
  if (account.purpose) wire.purpose = account.purpose;
  return plain(wire);
}
// A `bip122Wallets` entry: the four Bitcoin features as proxies.
export function bitcoinEntry(wallet, uuid) {
  const features = wallet.features ?? {};
  const feature = (key, method, shape = (result) => result) => (features[key] ? proxy({ [method]: async (...args) => shape(await features[key][method](...args)) }) : undefined);
  return made({
    uuid,
    name: primitive(wallet.name),
    features: made(Object.keys(features)),
    wallet: made({
      name: primitive(wallet.name),
      accounts: made((wallet.accounts ?? []).map(wireAccount)),
      features: made({
        'bitcoin:connect': feature('bitcoin:connect', 'connect', (result) => ({ accounts: (result?.accounts ?? []).map(wireAccount) })),
        'bitcoin:disconnect': feature('bitcoin:disconnect', 'disconnect'),
        'bitcoin:signMessage': feature('bitcoin:signMessage', 'signMessage'),
        'bitcoin:signTransaction': feature('bitcoin:signTransaction', 'signTransaction'),
      }),
    }),
  });
}
