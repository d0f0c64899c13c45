// Fake browser-extension wallets for the wallet-bridge tests (SPEC §11),
// installed in the host page before the SDK loads, the way extensions inject
// into the top page. Every call a wallet receives is recorded in
// `window.walletCalls` as {wallet, method, args} (args made JSON-safe:
// functions '[function]', bytes {$u8:[..]}, accounts by address).
// `window.walletControl` lets a test make wallets emit events.
//
// ?wallets=<comma list> picks them (default: eip6963,solana,bip122,tron,ton):
//   eip6963           two EIP-6963 providers, announced on eip6963:requestProvider:
//                     'Fake Wallet' (a class: request/on/removeListener on its
//                     prototype, state in #private fields) and 'Second Wallet'
//                     (a plain object)
//   eip6963-noevents  a third provider with request only (no on/removeListener)
//   eip6963-dup       an impostor announcing the first wallet's uuid again
//   eip6963-late      a wallet that announces 500 ms after being asked (too late)
//   solana            Wallet Standard Solana wallet 'Fake Sol' (prototype getters)
//   solana-signonly   'Sign Only Sol': signTransaction but no signAndSendTransaction
//   solana-base       a Wallet Standard Solana wallet named 'Base Wallet'
//   base              window.coinbaseSolana, Coinbase's injected Solana provider
//                     (1.7.0's Base Wallet); base-rejects: one that rejects every
//                     signature
//   bip122            Wallet Standard Bitcoin wallets 'Fake BTC' (bitcoin:events)
//                     and 'Multi Chain' (eip155 chains first, standard:events)
//   tron              window.tronLink (with on/removeListener) and
//                     window.tokenpocket.tron (without)
//   ton               window.fakeTon.tonconnect
// ?hold=<ms>: timers of exactly that delay wait until walletControl.release()
// (how a test reads the bridge's discovery window deterministically).
(() => {
  const query = new URLSearchParams(location.search);
  const chosen = new Set((query.get('wallets') ?? 'eip6963,solana,bip122,tron,ton').split(',').filter(Boolean));
  const calls = (window.walletCalls = []);
  const labels = new WeakMap();

  function plain(v, depth = 0) {
    if (v === undefined) return { $undefined: true };
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? '[function]' : typeof v === 'bigint' ? { $bigint: String(v) } : v;
    if (labels.has(v)) return labels.get(v);
    if (depth > 8) return '[deep]';
    if (v instanceof ArrayBuffer) return { $ab: Array.from(new Uint8Array(v)) };
    if (ArrayBuffer.isView(v)) return { $u8: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
    const out = {};
    for (const k of Object.keys(v)) out[k] = plain(v[k], depth + 1);
    return out;
  }
  const record = (wallet, method, args) => calls.push({ wallet, method, args: plain([...args]) });

  // --- EIP-1193 / EIP-6963 ------------------------------------------------------------
  const ACCOUNTS = ['0x1111111111111111111111111111111111111111'];
  const ANSWERS = {
    eth_requestAccounts: () => ACCOUNTS,
    eth_accounts: () => ACCOUNTS,
    eth_chainId: () => '0x1',
    net_version: () => '1',
    eth_getBalance: () => '0xde0b6b3a7640000',
    personal_sign: () => `0x${'ab'.repeat(65)}`,
    eth_sign: () => `0x${'ac'.repeat(65)}`,
    eth_signTypedData_v4: () => `0x${'cd'.repeat(65)}`,
    eth_sendTransaction: () => `0x${'ef'.repeat(32)}`,
    wallet_switchEthereumChain: () => null,
    wallet_addEthereumChain: () => null,
    wallet_requestPermissions: () => [{ parentCapability: 'eth_accounts' }],
    unserializable: () => ({ fn: () => 1 }),
  };
  /** EIP-1193 request: answers by method; 'reject', 'rejectError', 'throw', 'hang' misbehave. */
  function answer(wallet, args) {
    const method = args?.method;
    if (method === 'throw') throw new Error('Synchronous wallet failure');
    if (method === 'reject') return Promise.reject({ code: 4001, message: 'User rejected the request.' });
    if (method === 'rejectError') return Promise.reject(Object.assign(new Error('User rejected the request.'), { code: 4001 }));
    if (method === 'hang') return new Promise(() => {});
    const known = ANSWERS[method];
    return known ? Promise.resolve(known()) : Promise.reject({ code: 4200, message: `Unsupported method: ${method}` });
  }
  const emitters = {};
  const counters = {};
  function emitter(wallet) {
    const listeners = new Map();
    counters[wallet] = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
    emitters[wallet] = (event, ...args) => [...(listeners.get(event) ?? [])].forEach((l) => l(...args));
    return {
      on(event, listener) {
        (listeners.get(event) ?? listeners.set(event, new Set()).get(event)).add(listener);
      },
      off(event, listener) {
        listeners.get(event)?.delete(listener);
      },
    };
  }

  class FakeProvider {
    #wallet;
    #events;
    constructor(wallet) {
      this.#wallet = wallet;
      this.#events = emitter(wallet);
      this.isFake = true;
    }
    request(args) {
      record(this.#wallet, 'request', arguments);
      return answer(this.#wallet, args);
    }
    on(event, listener) {
      record(this.#wallet, 'on', arguments);
      this.#events.on(event, listener);
      return this;
    }
    removeListener(event, listener) {
      record(this.#wallet, 'removeListener', arguments);
      this.#events.off(event, listener);
      return this;
    }
  }
  function plainProvider(wallet, { events = true } = {}) {
    const ev = emitter(wallet);
    const p = {
      isSecond: true,
      request(args) {
        record(wallet, 'request', arguments);
        return answer(wallet, args);
      },
    };
    if (events) {
      p.on = function (event, listener) {
        record(wallet, 'on', arguments);
        ev.on(event, listener);
        return this;
      };
      p.removeListener = function (event, listener) {
        record(wallet, 'removeListener', arguments);
        ev.off(event, listener);
        return this;
      };
    }
    return p;
  }
  const icon = (c) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="${c}"/></svg>`;
  const announced = [];
  if (chosen.has('eip6963')) {
    announced.push({ info: { uuid: 'fake-uuid-1', name: 'Fake Wallet', icon: icon('red'), rdns: 'com.fake.wallet' }, provider: new FakeProvider('eip6963:fake') });
    announced.push({ info: { uuid: 'fake-uuid-2', name: 'Second Wallet', icon: icon('blue'), rdns: 'com.second.wallet' }, provider: plainProvider('eip6963:second') });
  }
  if (chosen.has('eip6963-noevents'))
    announced.push({ info: { uuid: 'fake-uuid-3', name: 'No Events Wallet', icon: icon('green'), rdns: 'com.noevents.wallet' }, provider: plainProvider('eip6963:noevents', { events: false }) });
  if (chosen.has('eip6963-dup')) announced.push({ info: { uuid: 'fake-uuid-1', name: 'Impostor', icon: icon('black'), rdns: 'com.impostor' }, provider: plainProvider('eip6963:impostor') });
  const late = chosen.has('eip6963-late') ? { info: { uuid: 'late-uuid', name: 'Late Wallet', icon: icon('gray'), rdns: 'com.late.wallet' }, provider: plainProvider('eip6963:late') } : null;
  window.eip6963Requests = 0;
  const announce = (detail) => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze(detail) }));
  window.addEventListener('eip6963:requestProvider', () => {
    window.eip6963Requests++;
    announced.forEach(announce);
    if (late) setTimeout(() => announce(late), 500);
  });
  // Extensions also announce once on their own, at injection (nobody listens yet).
  announced.forEach(announce);

  // --- Wallet Standard ------------------------------------------------------------------
  const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  function base58(bytes) {
    let n = 0n;
    for (const b of bytes) n = n * 256n + BigInt(b);
    let s = '';
    while (n > 0n) {
      s = B58[Number(n % 58n)] + s;
      n /= 58n;
    }
    for (const b of bytes) {
      if (b !== 0) break;
      s = `1${s}`;
    }
    return s;
  }
  function registerWallet(wallet) {
    // @wallet-standard/wallet's registerWallet: announce now, and again when an app says it is ready.
    const callback = ({ register }) => register(wallet);
    window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: callback }));
    window.addEventListener('wallet-standard:app-ready', ({ detail }) => callback(detail));
  }
  class StandardWallet {
    #name;
    #chains;
    #features;
    #icon;
    #accounts = [];
    #listeners = new Set();
    constructor(id, name, chains, icon, features) {
      counters[id] = () => this.#listeners.size;
      this.#name = name;
      this.#chains = chains;
      this.#icon = icon;
      this.#features = features(this);
    }
    get version() {
      return '1.0.0';
    }
    get name() {
      return this.#name;
    }
    get icon() {
      return this.#icon;
    }
    get chains() {
      return this.#chains.slice();
    }
    get features() {
      return this.#features;
    }
    get accounts() {
      return this.#accounts.slice();
    }
    setAccounts(accounts, emit = true) {
      this.#accounts = accounts;
      if (emit) this.emit({ accounts: this.accounts });
    }
    emit(properties) {
      [...this.#listeners].forEach((l) => l(properties));
    }
    on(wallet, event, listener) {
      record(wallet, 'on', [event, listener]);
      this.#listeners.add(listener);
      return () => {
        record(wallet, 'off', [event]);
        this.#listeners.delete(listener);
      };
    }
  }
  const standard = {};

  function solanaWallet(key, name, { signAndSend = true } = {}) {
    const id = `solana:${key}`;
    const keys = [1, 2].map((k) => Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + k * 13) % 256));
    const accounts = keys.map((publicKey) => {
      const features = ['solana:signTransaction', 'solana:signMessage', ...(signAndSend ? ['solana:signAndSendTransaction'] : [])];
      const account = Object.freeze({ address: base58(publicKey), publicKey, chains: ['solana:mainnet', 'solana:devnet'], features });
      labels.set(account, `account:${account.address}`);
      return account;
    });
    const signed = (bytes) => {
      const out = Uint8Array.from(bytes);
      out.fill(7, 1, 65); // the first signature slot
      return out;
    };
    const wallet = new StandardWallet(id, name, ['solana:mainnet', 'solana:devnet'], icon('purple'), (w) => ({
      'standard:connect': {
        version: '1.0.0',
        async connect(input) {
          record(id, 'standard:connect', arguments);
          if (!w.accounts.length) w.setAccounts([accounts[0]]);
          return { accounts: w.accounts };
        },
      },
      'standard:disconnect': {
        version: '1.0.0',
        async disconnect() {
          record(id, 'standard:disconnect', arguments);
          w.setAccounts([]);
        },
      },
      'standard:events': { version: '1.0.0', on: (event, listener) => w.on(id, event, listener) },
      'solana:signTransaction': {
        version: '1.0.0',
        supportedTransactionVersions: ['legacy', 0],
        async signTransaction(...inputs) {
          record(id, 'solana:signTransaction', inputs);
          return inputs.map(({ transaction }) => ({ signedTransaction: signed(transaction) }));
        },
      },
      ...(signAndSend
        ? {
            'solana:signAndSendTransaction': {
              version: '1.0.0',
              supportedTransactionVersions: ['legacy', 0],
              async signAndSendTransaction(...inputs) {
                record(id, 'solana:signAndSendTransaction', inputs);
                return inputs.map(() => ({ signature: new Uint8Array(64).fill(9) }));
              },
            },
          }
        : {}),
      'solana:signMessage': {
        version: '1.0.0',
        async signMessage(...inputs) {
          record(id, 'solana:signMessage', inputs);
          return inputs.map(({ message }) => ({ signedMessage: message, signature: new Uint8Array(64).fill(5) }));
        },
      },
      'solana:signIn': {
        version: '1.0.0',
        async signIn(...inputs) {
          record(id, 'solana:signIn', inputs);
          return inputs.map(() => ({ account: accounts[0], signedMessage: new Uint8Array([1, 2, 3]), signature: new Uint8Array(64).fill(6) }));
        },
      },
    }));
    standard[key] = { wallet, accounts, address: accounts.map((a) => a.address) };
    registerWallet(wallet);
  }

  class BitcoinAccount {
    // Like MetaMask's: data behind prototype getters, so a structured clone is {}.
    #address;
    #publicKey;
    constructor(address, publicKey) {
      this.#address = address;
      this.#publicKey = publicKey;
    }
    get address() {
      return this.#address;
    }
    get publicKey() {
      return this.#publicKey;
    }
    get purpose() {
      return 'payment';
    }
    get chains() {
      return ['bitcoin:mainnet'];
    }
    get features() {
      return ['bitcoin:signMessage', 'bitcoin:signTransaction'];
    }
  }
  function bitcoinWallet(key, name, chains, eventsKey, { full = true } = {}) {
    const id = `bip122:${key}`;
    const accounts = [
      new BitcoinAccount('bc1qfakeaddress0000000000000000000000000', new Uint8Array([2, 17, 34, 51])),
      new BitcoinAccount('bc1qsecondaddress00000000000000000000000', new Uint8Array([3, 68, 85])),
    ];
    accounts.forEach((a) => labels.set(a, `account:${a.address}`));
    const wallet = new StandardWallet(id, name, chains, icon('orange'), (w) => ({
      'bitcoin:connect': {
        version: '1.0.0',
        async connect(input) {
          record(id, 'bitcoin:connect', arguments);
          w.setAccounts([accounts[0]], false);
          return { accounts: w.accounts };
        },
      },
      ...(full
        ? {
            'bitcoin:disconnect': {
              version: '1.0.0',
              async disconnect() {
                record(id, 'bitcoin:disconnect', arguments);
                w.setAccounts([], false);
              },
            },
            'bitcoin:signMessage': {
              version: '1.0.0',
              async signMessage(input) {
                record(id, 'bitcoin:signMessage', arguments);
                return [{ signature: 'H1gn3dB1tc0inM3ssag3', messageHash: 'ab12' }];
              },
            },
            'bitcoin:signTransaction': {
              version: '1.0.0',
              async signTransaction(input) {
                record(id, 'bitcoin:signTransaction', arguments);
                return [{ signedPsbt: 'cHNidP8BAHECAAAAAf4signed' }];
              },
            },
          }
        : {}),
      [eventsKey]: { version: '1.0.0', on: (event, listener) => w.on(id, event, listener) },
    }));
    wallet.setAccounts([accounts[0]], false);
    standard[key] = { wallet, accounts, address: accounts.map((a) => a.address) };
    registerWallet(wallet);
  }

  if (chosen.has('solana')) solanaWallet('fakesol', 'Fake Sol');
  if (chosen.has('solana-base')) solanaWallet('basestd', 'Base Wallet');

  // --- Coinbase's injected Solana provider (1.7.0's Base Wallet) ------------------------
  // It takes and returns web3.js-style transaction objects: it reads their
  // bytes with serialize() and signs by writing the first signature slot.
  function coinbaseSolana({ rejects }) {
    const id = 'base:coinbaseSolana';
    const ev = emitter(id);
    const key = Uint8Array.from({ length: 32 }, (_, i) => (i * 5 + 3) % 256);
    const refuse = () => Promise.reject({ code: 4001, message: 'User rejected the request.' });
    const sign = (tx) => {
      tx.signatures[0] = new Uint8Array(64).fill(8);
      return tx;
    };
    const wallet = {
      publicKey: null,
      async connect() {
        record(id, 'connect', arguments);
        wallet.publicKey = { toBytes: () => key.slice(), toBase58: () => 'unused' };
      },
      async disconnect() {
        record(id, 'disconnect', arguments);
        wallet.publicKey = null;
      },
      on(event, listener) {
        record(id, 'on', arguments);
        ev.on(event, listener);
      },
      off(event, listener) {
        record(id, 'off', arguments);
        ev.off(event, listener);
      },
      async signTransaction(tx) {
        record(id, 'signTransaction', [tx.serialize()]);
        return rejects ? refuse() : sign(tx);
      },
      async signAllTransactions(txs) {
        record(
          id,
          'signAllTransactions',
          txs.map((tx) => tx.serialize()),
        );
        return rejects ? refuse() : txs.map(sign);
      },
      async signAndSendTransaction(tx, options) {
        record(id, 'signAndSendTransaction', [tx.serialize(), options]);
        return rejects ? refuse() : { signature: 'BaseWa11etSignature' };
      },
      async signMessage(message) {
        record(id, 'signMessage', arguments);
        return rejects ? refuse() : { signature: new Uint8Array(64).fill(4) };
      },
    };
    window.coinbaseSolana = wallet;
  }
  if (chosen.has('base')) coinbaseSolana({ rejects: false });
  if (chosen.has('base-rejects')) coinbaseSolana({ rejects: true });
  if (chosen.has('solana-signonly')) solanaWallet('signonly', 'Sign Only Sol', { signAndSend: false });
  if (chosen.has('bip122')) {
    bitcoinWallet('fakebtc', 'Fake BTC', ['bitcoin:mainnet', 'bitcoin:testnet'], 'bitcoin:events');
    bitcoinWallet('multichain', 'Multi Chain', ['eip155:1', 'eip155:137', 'bitcoin:mainnet'], 'standard:events', { full: false });
  }

  // --- Tron ----------------------------------------------------------------------------
  function tronProvider(key, { events }) {
    const id = `tron:${key}`;
    const ev = emitter(id);
    const tronWeb = {
      defaultAddress: { base58: 'TFakeBase58Address00000000000000000', hex: '41fa4e0000000000000000000000000000000000' },
      trx: {
        async sign(tx) {
          record(id, 'trx.sign', arguments);
          return { ...tx, signature: ['c1gnature'] };
        },
        async signMessageV2(message) {
          record(id, 'trx.signMessageV2', arguments);
          return `0x${'5a'.repeat(65)}`;
        },
        async sendRawTransaction(signed) {
          record(id, 'trx.sendRawTransaction', arguments);
          return { result: true, txid: 'f00dtx' };
        },
      },
      transactionBuilder: {
        async sendTrx(to, amount, from) {
          record(id, 'transactionBuilder.sendTrx', arguments);
          return { txID: 'tx-send', raw_data: { to, amount, from } };
        },
        async triggerSmartContract(...args) {
          record(id, 'transactionBuilder.triggerSmartContract', args);
          return { result: { result: true }, transaction: { txID: 'tx-trigger' } };
        },
      },
      toHex(message) {
        record(id, 'toHex', arguments);
        return Array.from(new TextEncoder().encode(String(message)), (b) => b.toString(16).padStart(2, '0')).join('');
      },
    };
    const provider = {
      ready: true,
      tronWeb,
      async request(args) {
        record(id, 'request', arguments);
        if (args?.method === 'tron_requestAccounts') return { code: 200, message: 'ok' };
        if (args?.method === 'reject') throw { code: 4001, message: 'User rejected the request.' };
        return null;
      },
    };
    if (events) {
      provider.on = (event, listener) => (record(id, 'on', [event, listener]), ev.on(event, listener));
      provider.removeListener = (event, listener) => (record(id, 'removeListener', [event, listener]), ev.off(event, listener));
    }
    return provider;
  }
  if (chosen.has('tron')) {
    window.tronLink = tronProvider('tronLink', { events: true });
    window.tokenpocket = { tron: tronProvider('tokenpocket.tron', { events: false }) };
  }

  // --- TON -----------------------------------------------------------------------------
  if (chosen.has('ton')) {
    const id = 'ton:fakeTon';
    const listeners = new Set();
    emitters[id] = (event) => [...listeners].forEach((l) => l(event));
    counters[id] = () => listeners.size;
    window.fakeTon = {
      tonconnect: {
        deviceInfo: { platform: 'browser', appName: 'FakeTon', appVersion: '1.2.3', maxProtocolVersion: 2, features: ['SendTransaction', { name: 'SendTransaction', maxMessages: 4 }] },
        walletInfo: { name: 'Fake TON', app_name: 'faketon', image: 'data:,', about_url: 'https://faketon.invalid', platforms: ['chrome'] },
        protocolVersion: 2,
        isWalletBrowser: false,
        async connect(protocolVersion, message) {
          record(id, 'connect', arguments);
          return { event: 'connect', id: 1, payload: { items: [{ name: 'ton_addr', address: '0:fa4e', network: '-239' }], device: this.deviceInfo } };
        },
        async restoreConnection() {
          record(id, 'restoreConnection', arguments);
          return { event: 'connect_error', id: 2, payload: { code: 1, message: 'no session' } };
        },
        async send(message) {
          record(id, 'send', arguments);
          return { result: 'te6ccsigned', id: message?.id ?? null };
        },
        listen(callback) {
          record(id, 'listen', arguments);
          listeners.add(callback);
          return () => {
            record(id, 'unlisten', []);
            listeners.delete(callback);
          };
        },
        async disconnect() {
          record(id, 'disconnect', arguments);
        },
      },
    };
  }

  // --- what tests drive ------------------------------------------------------------------
  const held = new Map();
  const hold = Number(query.get('hold'));
  if (hold) {
    const set = window.setTimeout;
    const clear = window.clearTimeout;
    let next = 0;
    window.setTimeout = function (fn, ms, ...args) {
      if (Number(ms) !== hold) return set.call(window, fn, ms, ...args);
      const handle = -++next;
      held.set(handle, { fn, args });
      return handle;
    };
    window.clearTimeout = function (handle) {
      const h = held.get(handle);
      if (h) {
        held.delete(handle);
        if (h.real !== undefined) clear.call(window, h.real);
      } else clear.call(window, handle);
    };
    window.heldTimers = () => [...held.values()].filter((h) => h.real === undefined).length;
    window.releaseTimers = () => {
      for (const [handle, h] of held) {
        if (h.real !== undefined) continue;
        h.real = set.call(window, () => (held.delete(handle), typeof h.fn === 'function' ? h.fn(...h.args) : undefined), 0);
      }
    };
  }

  window.walletControl = {
    /** Emits `event` with `args` to the listeners of an emitter-style wallet (eip6963:fake, tron:tronLink, ton:fakeTon…). */
    emit(wallet, event, ...args) {
      emitters[wallet]?.(event, ...args);
    },
    /** Sets a Wallet Standard wallet's accounts (indexes into its fixed list) and emits `change` {accounts}. */
    accounts(key, indexes) {
      const s = standard[key];
      s.wallet.setAccounts(indexes.map((i) => s.accounts[i]));
    },
    /** Emits a `change` without accounts (ignored by the bridges). */
    chains(key) {
      standard[key].wallet.emit({ chains: standard[key].wallet.chains });
    },
    /** Live listener counts per wallet: the subscriptions a bridge holds (or left behind). */
    listeners: () => Object.fromEntries(Object.entries(counters).map(([k, n]) => [k, n()])),
    address: (key, i = 0) => standard[key]?.address[i],
  };
})();
