// The page's Wallet Standard registry, as the wallet bridge's web layer
// reads it (see registry.rs): its wallets now, their names and chains, and
// their account changes.
import { proxy } from './comlink.js';

// One registry per page (as @wallet-standard/app keeps one): listen for
// wallets registering, then tell them we are here.
let registered;
export function standardWallets() {
  if (!registered) {
    registered = [];
    const register = (...wallets) => {
      for (const wallet of wallets) if (!registered.includes(wallet)) registered.push(wallet);
      return () => wallets.forEach((wallet) => registered.includes(wallet) && registered.splice(registered.indexOf(wallet), 1));
    };
    const api = Object.freeze({ register });
    addEventListener('wallet-standard:register-wallet', (event) => {
      try {
        event.detail(api);
      } catch {}
    });
    dispatchEvent(new CustomEvent('wallet-standard:app-ready', { detail: api }));
  }
  return registered.slice();
}
export function lowerName(wallet) {
  return typeof wallet?.name === 'string' ? wallet.name.toLowerCase() : '';
}
export function chains(wallet) {
  const list = wallet?.chains;
  return Array.isArray(list) ? list.filter((c) => typeof c === 'string') : [];
}
// The first account's address, to `callback`, on each change of accounts;
// `undefined` if the wallet has no events; else an idempotent `off`.
export function watchAccounts(wallet, callback) {
  const features = wallet.features ?? {};
  const events = typeof features['standard:events']?.on === 'function' ? features['standard:events'] : features['bitcoin:events'];
  if (typeof events?.on !== 'function') return undefined;
  const off = events.on('change', (change) => {
    if (change && typeof change === 'object' && 'accounts' in change && typeof callback === 'function') {
      callback(wallet.accounts?.[0]?.address ?? null);
    }
  });
  let done = false;
  return proxy(() => {
    if (done) return;
    done = true;
    try {
      off?.();
    } catch {}
  });
}
