// The JavaScript half of the wallet bridge's web layer (see glue.rs): the
// property walk with its prototype rule, Comlink's reply shapes, and the
// wallet surfaces that are plain object plumbing.
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
// `path` is the child's own array, checked by the core: walked by index,
// so that nothing it carries besides its items can take part.
function walk(root, path) {
  let parent = root;
  let value = root;
  for (let i = 0; i < path.length; i++) {
    parent = value;
    value = step(value, path[i], i === 0);
  }
  return [parent, value];
}
export function get(root, path) {
  return new Promise((resolve) => resolve(walk(root, path)[1]));
}
export function apply(root, path, args) {
  return new Promise((resolve) => {
    const [self, f] = walk(root, path);
    if (typeof f !== 'function') throw new TypeError(`${path[path.length - 1]} is not a function`);
    resolve(f.apply(self, args));
  });
}
// A session's pending calls answer from here, without going back into the
// wasm for each: a reply is one step once the value is known. `session` is
// `{over}`, set when the session ends; values handed out by reference go to
// `byReference`, which serves them on a new port.
export function session() {
  return { over: false };
}
export function end(session) {
  session.over = true;
}
export function answerWhenSettled(promise, session, target, origin, id, byReference) {
  promise.then(
    (value) => {
      if (session.over) return;
      if (isProxied(value)) byReference(target, origin, id, value);
      else replyRaw(target, origin, id, value);
    },
    (error) => {
      if (!session.over) replyThrow(target, origin, id, error);
    },
  );
}
function send(target, origin, message, transfer) {
  if (origin === undefined) target.postMessage(message, transfer);
  else target.postMessage(message, origin, transfer);
}
export function post(target, origin, type, payload) {
  send(target, origin, payload === undefined ? { type } : { type, payload }, []);
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
export function proxy(value) {
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
