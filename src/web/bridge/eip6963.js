// EIP-6963 wallets of the wallet bridge (see eip6963.rs): the entries the
// Link UI reads, and provider subscriptions.
import { made, primitive, view } from './capability.js';

// An `eip6963Wallets` entry: the announcement's info, and the provider as
// the Link UI may reach it: EIP-1193's `request`, `on` and `removeListener`
// (called on the provider itself) and its own primitive fields
// (`isMetaMask`, `chainId`…), nothing else the provider holds.
export function eip6963Entry(info, provider) {
  const methods = {};
  for (const name of ['request', 'on', 'removeListener']) {
    if (typeof provider?.[name] === 'function') methods[name] = (...args) => provider[name](...args);
  }
  return made({ uuid: primitive(info?.uuid), name: primitive(info?.name), icon: primitive(info?.icon), rdns: primitive(info?.rdns), provider: view(provider ?? {}, methods) });
}

// `provider.on(event, listener)`, the listener passing only its first
// argument on to `callback`; then the teardown the child gets as a proxy
// (it removes the listener, returns nothing, never throws). `undefined` for
// a provider without `on`; what `on` throws goes to the caller.
export function watchProvider(provider, event, callback) {
  const on = provider !== null && typeof provider === 'object' ? provider.on : undefined;
  if (typeof on !== 'function') return undefined;
  const listener = (value) => {
    if (typeof callback === 'function') callback(value);
  };
  on.call(provider, event, listener);
  return made(() => {
    try {
      provider.removeListener?.(event, listener);
    } catch {}
  });
}
