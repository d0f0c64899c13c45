// Tron wallets injected as page globals (see tron.rs): 1.7.0's provider
// surface over `tronWeb` and `request`, and account events.
import { proxy } from './comlink.js';
import { made, primitive } from './capability.js';

// What 1.7.0 calls a Tron provider: an object with `tronWeb` and `request`.
export function isTronProvider(value) {
  return value !== null && typeof value === 'object' && value.tronWeb != null && 'request' in value;
}
export function tronEntry(provider, injectedId, uuid, name) {
  const web = () => provider.tronWeb;
  const tronWeb = proxy({
    getDefaultAddress: async () => ({ base58: web()?.defaultAddress?.base58 || false, hex: web()?.defaultAddress?.hex || false }),
    trx: proxy({
      sign: async (...args) => web().trx.sign(...args),
      signMessageV2: async (...args) => web().trx.signMessageV2(...args),
      sendRawTransaction: async (...args) => web().trx.sendRawTransaction(...args),
    }),
    transactionBuilder: proxy({
      sendTrx: async (...args) => web().transactionBuilder.sendTrx(...args),
      triggerSmartContract: async (...args) => web().transactionBuilder.triggerSmartContract(...args),
    }),
    toHex: (...args) => web().toHex(...args),
  });
  const request = provider.request ? async (...args) => provider.request(...args) : undefined;
  return made({ uuid, name, injectedId, provider: proxy({ ready: primitive(provider.ready) ?? false, request, tronWeb }) });
}
// Tron account events: the provider's own emitter, else TronLink's
// `window.tron`, else the messages TronLink-style extensions post to the
// page itself. Returns the (proxied, idempotent) teardown.
export function watchTron(provider, injectedId, eventName, callback) {
  const call = (...args) => typeof callback === 'function' && callback(...args);
  const tron = window.tron;
  const tronLink = provider === tron || provider === window.tronLink || injectedId === 'tron' || injectedId === 'tronLink';
  const emitter = typeof provider.on === 'function' ? provider : tronLink && typeof tron?.on === 'function' && isTronProvider(tron) ? tron : undefined;
  let done = false;
  if (emitter) {
    const local = (value) => call(value);
    emitter.on(eventName, local);
    return proxy(() => {
      if (done) return;
      done = true;
      try {
        emitter.removeListener?.(eventName, local);
      } catch {}
    });
  }
  const listener = (event) => {
    const message = event.source === window && event.origin === location.origin ? event.data?.message : undefined;
    if (typeof message?.action !== 'string') return;
    if (eventName === 'accountsChanged' && (message.action === 'setAccount' || message.action === 'accountsChanged')) {
      const data = message.data;
      const address = typeof data === 'string' ? data : Array.isArray(data) ? data[0] : data?.address;
      call(address ? [address] : []);
    } else if (eventName === 'disconnect' && message.action === 'disconnect') {
      call();
    }
  };
  addEventListener('message', listener);
  return proxy(() => removeEventListener('message', listener));
}
