//! The JavaScript the bridge needs, each a single boundary crossing: the
//! property walk with its prototype rule, calls that always come back as a
//! promise, and Comlink's reply shapes.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(inline_js = "
const shared = [Object.prototype, Function.prototype, Array.prototype];
function step(object, key, own) {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
    throw new TypeError(`Cannot read properties of ${object} (reading '${key}')`);
  }
  let owner = object;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, key)) owner = Object.getPrototypeOf(owner);
  if (owner === null) return undefined;
  if ((own && owner !== object) || shared.includes(owner)) throw new TypeError(`The wallet bridge does not serve '${key}'`);
  return object[key];
}
function walk(root, path) {
  let parent = root;
  let value = root;
  path.forEach((key, i) => {
    parent = value;
    value = step(value, key, i === 0);
  });
  return [parent, value];
}
export function get(root, path) {
  return new Promise((resolve) => resolve(walk(root, path)[1]));
}
export function apply(root, path, args) {
  return new Promise((resolve) => {
    const [self, f] = walk(root, path);
    if (typeof f !== 'function') throw new TypeError(`${path.at(-1)} is not a function`);
    resolve(f.apply(self, args));
  });
}
export function settle(promise, ended) {
  return Promise.race([promise, ended]);
}
function send(target, origin, message, transfer) {
  if (origin === undefined) target.postMessage(message, transfer);
  else target.postMessage(message, origin, transfer);
}
function thrown(error) {
  return error instanceof Error
    ? { isError: true, value: { message: error.message, name: error.name, stack: `${error.name}: ${error.message}` } }
    : { isError: false, value: error };
}
export function replyThrow(target, origin, id, error) {
  try {
    send(target, origin, { type: 'HANDLER', name: 'throw', value: thrown(error), id }, []);
  } catch {
    try {
      send(target, origin, { type: 'HANDLER', name: 'throw', value: thrown(new TypeError('Unserializable error')), id }, []);
    } catch {}
  }
}
export function replyRaw(target, origin, id, value) {
  try {
    send(target, origin, { type: 'RAW', value, id }, []);
  } catch {
    replyThrow(target, origin, id, new TypeError('Unserializable return value'));
  }
}
export function replyPort(target, origin, id, port, proxy) {
  const message = proxy ? { type: 'HANDLER', name: 'proxy', value: port, id } : { type: 'RAW', value: port, id };
  try {
    send(target, origin, message, [port]);
  } catch {}
}
export function error(message) {
  return new Error(message);
}
export function typeError(message) {
  return new TypeError(message);
}
let calls = 0;
export function remote(port) {
  port.onmessage = () => {};
  return (...args) => {
    try {
      port.postMessage({ id: `front-link-wasm-${++calls}`, type: 'APPLY', path: [], argumentList: args.map((value) => ({ type: 'RAW', value })) });
    } catch {}
  };
}
export function firstArgument(f) {
  return (value) => {
    if (typeof f === 'function') f(value);
  };
}
export function unlisten(provider, event, listener) {
  try {
    provider.removeListener?.(event, listener);
  } catch {}
}
export function teardown(provider, event, listener) {
  return () => {
    unlisten(provider, event, listener);
  };
}
export function text(value) {
  return String(value);
}

// Values the API hands out by reference (Comlink's proxy-marked values).
const proxied = new WeakSet();
function proxy(value) {
  proxied.add(value);
  return value;
}
export function isProxied(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && proxied.has(value);
}

// The page's Wallet Standard registry (as @wallet-standard/app keeps one
// per page): listen for wallets registering, then tell them we are here.
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
// Injected wallets, at a path of plain names the core has vetted.
export function atPath(path) {
  try {
    return path.reduce((value, key) => (value == null ? undefined : step(value, key, false)), window);
  } catch {
    return undefined;
  }
}
function isTronProvider(value) {
  return value !== null && typeof value === 'object' && value.tronWeb != null && 'request' in value;
}
export { isTronProvider };
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
  return { uuid, name, injectedId, provider: proxy({ ready: provider.ready ?? false, request, tronWeb }) };
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
// A TON wallet's JS bridge at `window[key].tonconnect`, or undefined.
// Unsubscribes its `listen` hands out are kept in `teardowns` too.
export function tonEntry(key, uuid, teardowns) {
  const root = atPath([key]);
  const bridge = root !== null && typeof root === 'object' ? root.tonconnect : undefined;
  const works = bridge !== null && typeof bridge === 'object' && ['connect', 'send', 'listen'].every((f) => typeof bridge[f] === 'function');
  if (!works) return undefined;
  const listen = (callback) => {
    const off = bridge.listen(callback);
    if (off == null) throw new TypeError('Cannot convert undefined or null to object');
    if (typeof off === 'function') teardowns.push(off);
    return proxy(off);
  };
  const provider = proxy({
    deviceInfo: bridge.deviceInfo,
    walletInfo: bridge.walletInfo,
    protocolVersion: bridge.protocolVersion ?? 2,
    isWalletBrowser: bridge.isWalletBrowser ?? false,
    connect: async (...args) => bridge.connect(...args),
    restoreConnection: async () => bridge.restoreConnection(),
    send: async (...args) => bridge.send(...args),
    listen,
    disconnect: bridge.disconnect ? async () => bridge.disconnect() : undefined,
  });
  return { uuid, name: bridge.deviceInfo?.appName || key, icon: '', jsBridgeKey: key, provider };
}
export function runAll(functions) {
  for (const f of functions.splice(0)) {
    try {
      f();
    } catch {}
  }
}

// Accounts are often class instances whose getters a clone would lose.
function wireAccount(account) {
  const wire = { address: account.address, publicKey: Array.from(account.publicKey ?? []) };
  if (account.purpose) wire.purpose = account.purpose;
  return wire;
}
export function bitcoinEntry(wallet, uuid) {
  const features = wallet.features ?? {};
  const feature = (key, method, shape = (result) => result) =>
    features[key] ? proxy({ [method]: async (...args) => shape(await features[key][method](...args)) }) : undefined;
  return {
    uuid,
    name: wallet.name,
    features: Object.keys(features),
    wallet: {
      name: wallet.name,
      accounts: (wallet.accounts ?? []).map(wireAccount),
      features: {
        'bitcoin:connect': feature('bitcoin:connect', 'connect', (result) => ({ accounts: (result?.accounts ?? []).map(wireAccount) })),
        'bitcoin:disconnect': feature('bitcoin:disconnect', 'disconnect'),
        'bitcoin:signMessage': feature('bitcoin:signMessage', 'signMessage'),
        'bitcoin:signTransaction': feature('bitcoin:signTransaction', 'signTransaction'),
      },
    },
  };
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
export function callable(value) {
  return typeof value === 'function';
}
")]
extern "C" {
    /// The value at `path` from `root` (the first step own properties only;
    /// never a member of `Object`, `Function` or `Array`'s prototypes).
    pub fn get(root: &JsValue, path: &JsValue) -> js_sys::Promise;
    /// Calls the function at `path` with `this` = its parent.
    pub fn apply(root: &JsValue, path: &JsValue, args: &js_sys::Array) -> js_sys::Promise;
    /// `promise`, or `ended`'s value if the session ends first.
    pub fn settle(promise: &js_sys::Promise, ended: &js_sys::Promise) -> js_sys::Promise;
    /// `{type:'HANDLER', name:'throw', value, id}`, with a `stack` that
    /// names no script of the host page.
    #[wasm_bindgen(js_name = replyThrow)]
    pub fn reply_throw(target: &JsValue, origin: Option<&str>, id: &JsValue, error: &JsValue);
    /// `{type:'RAW', value, id}`, or a `throw` if it cannot be cloned.
    #[wasm_bindgen(js_name = replyRaw)]
    pub fn reply_raw(target: &JsValue, origin: Option<&str>, id: &JsValue, value: &JsValue);
    /// A transferred port: a proxy (`HANDLER proxy`) or an `ENDPOINT` (`RAW`).
    #[wasm_bindgen(js_name = replyPort)]
    pub fn reply_port(target: &JsValue, origin: Option<&str>, id: &JsValue, port: &JsValue, proxy: bool);
    /// `new Error(message)`.
    pub fn error(message: &str) -> JsValue;
    /// `new TypeError(message)`.
    #[wasm_bindgen(js_name = typeError)]
    pub fn type_error(message: &str) -> JsValue;
    /// A function that calls the child's proxied callback behind `port`;
    /// failures stay here (never an unhandled rejection in the host page).
    pub fn remote(port: &JsValue) -> js_sys::Function;
    /// `f` with only its first argument passed on.
    #[wasm_bindgen(js_name = firstArgument)]
    pub fn first_argument(f: &js_sys::Function) -> js_sys::Function;
    /// A function that does [`unlisten`] and returns nothing: the teardown
    /// the child gets as a proxy.
    pub fn teardown(provider: &JsValue, event: &JsValue, listener: &JsValue) -> js_sys::Function;
    /// `String(value)`.
    pub fn text(value: &JsValue) -> alloc::string::String;
    /// Whether the API hands `value` out as a proxy.
    #[wasm_bindgen(js_name = isProxied)]
    pub fn is_proxied(value: &JsValue) -> bool;
    /// The wallets of the page's Wallet Standard registry, now.
    #[wasm_bindgen(js_name = standardWallets)]
    pub fn standard_wallets() -> js_sys::Array;
    /// A wallet's name, lower-cased by the browser (Unicode-aware).
    #[wasm_bindgen(js_name = lowerName)]
    pub fn lower_name(wallet: &JsValue) -> alloc::string::String;
    /// A wallet's chains (strings only).
    pub fn chains(wallet: &JsValue) -> alloc::vec::Vec<alloc::string::String>;
    /// A `bip122Wallets` entry: `{uuid, name, features, wallet: {name,
    /// accounts, features}}`, the four Bitcoin features as proxies.
    #[wasm_bindgen(js_name = bitcoinEntry)]
    pub fn bitcoin_entry(wallet: &JsValue, uuid: &str) -> JsValue;
    /// Subscribes `callback` to the first account's address; the (proxied,
    /// idempotent) unsubscribe, or `undefined` for a wallet without events.
    #[wasm_bindgen(js_name = watchAccounts)]
    pub fn watch_accounts(wallet: &JsValue, callback: &JsValue) -> JsValue;
    /// The value at a vetted path of property names from `window`.
    #[wasm_bindgen(js_name = atPath)]
    pub fn at_path(path: alloc::vec::Vec<alloc::string::String>) -> JsValue;
    /// An object with `tronWeb` and `request`: what 1.7.0 calls a Tron provider.
    #[wasm_bindgen(js_name = isTronProvider)]
    pub fn is_tron_provider(value: &JsValue) -> bool;
    /// A `tronWallets` entry `{uuid, name, injectedId, provider}`.
    #[wasm_bindgen(js_name = tronEntry)]
    pub fn tron_entry(provider: &JsValue, injected_id: &str, uuid: &str, name: &str) -> JsValue;
    /// Subscribes `callback` to a Tron provider's `eventName`; the teardown.
    #[wasm_bindgen(js_name = watchTron)]
    pub fn watch_tron(provider: &JsValue, injected_id: &str, event_name: &JsValue, callback: &JsValue) -> js_sys::Function;
    /// A `tonWallets` entry, or `undefined` if `window[key]` has no JS bridge.
    #[wasm_bindgen(js_name = tonEntry)]
    pub fn ton_entry(key: &str, uuid: &str, teardowns: &js_sys::Array) -> JsValue;
    /// Calls and forgets each function in the list, whatever they throw.
    #[wasm_bindgen(js_name = runAll)]
    pub fn run_all(functions: &js_sys::Array);
    /// `typeof value === 'function'`.
    pub fn callable(value: &JsValue) -> bool;
}
