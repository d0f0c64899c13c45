// Solana for the wallet bridge (see solana.rs): each Solana wallet of the
// Wallet Standard registry gets the adapter surface 1.7.0 serves, and
// Coinbase's injected `window.coinbaseSolana` the Base Wallet one. No
// web3.js: transactions stay bytes. Where a transaction's parts lie (so
// whether bytes are one), which cluster an RPC URL names and base58 are the
// core's rules (src/protocol/solana.rs), reached through `codec(op, value)`;
// this file never decodes a transaction, it only slices one by its layout.
import { CODEC_OPS } from './rules.js';
import { proxy } from './comlink.js';
import { made, plain, primitive } from './capability.js';

const { LAYOUT, CHAIN, BASE58 } = CODEC_OPS;
const NOT_A_TRANSACTION = 'Failed to deserialize transaction as either versioned or legacy format';
const CUSTOM_FUNCTIONS = made(Object.freeze(['sendSerializedTransaction', 'signAllSerializedTransactions', 'signSerializedTransaction', 'signSolanaTransactionBytes']));
const MAX_BYTES = 1 << 20;

/** The wallet adapter's error classes cross the bridge as a name and a message. */
class WalletError extends Error {
  constructor(name, message) {
    super(message ?? '');
    this.name = name;
  }
}
/** Runs `f`; a failure that is not a WalletError already becomes a `name` one with its message. */
async function attempt(name, f) {
  try {
    return await f();
  } catch (error) {
    throw error instanceof WalletError ? error : new WalletError(name, error?.message);
  }
}
const unsupported = (method) => new Error(`Adapter does not support ${method}`);

/** Bytes as 1.7.0 reads them (`new Uint8Array(value)`), at most 1 MiB. */
function bytes(value) {
  const length = typeof value === 'number' ? value : (value?.byteLength ?? value?.length);
  if (length > MAX_BYTES) throw new RangeError('The wallet bridge takes at most 1 MiB of transaction bytes');
  return new Uint8Array(value);
}
/** The bytes and the core's layout of a transaction, or throws `message`. */
function parse(codec, value, message = NOT_A_TRANSACTION) {
  const raw = bytes(value);
  const layout = codec(LAYOUT, raw);
  if (layout === undefined) throw new Error(message);
  return { raw, layout };
}
const transaction = (codec, value, message) => parse(codec, value, message).raw;
function rpcEndpoint(url) {
  if (!/^https?:/.test(url)) throw new TypeError('Endpoint URL must start with `http:` or `https:`.');
  return url;
}

/**
 * Reads a transaction's layout (see `transaction_layout` in
 * src/protocol/solana.rs) in order: `next` its next number, `span` the bytes
 * of its next span, `list(item)` a counted list of what `item` reads.
 */
export function slicer({ raw, layout }) {
  let at = 0;
  const next = () => layout[at++];
  return { next, span: () => raw.slice(next(), next()), list: (item) => Array.from({ length: next() }, item) };
}
/** A 32-byte key as a web3.js `PublicKey` arrives after a structured clone: its BN.js limbs. */
function keyClone(key) {
  const words = new Array(11).fill(0);
  key.forEach((byte, i) => {
    const bit = (key.length - 1 - i) * 8;
    const [word, shift] = [Math.floor(bit / 26), bit % 26];
    words[word] |= (byte << shift) & 0x3ffffff;
    if (shift > 18) words[word + 1] |= byte >>> (26 - shift);
  });
  let length = words.length;
  while (length > 1 && words[length - 1] === 0) length--;
  return { _bn: { negative: 0, words, length, red: null } };
}

/**
 * A transaction's bytes in the shape a web3.js `VersionedTransaction` takes
 * after a structured clone: what 1.7.0 answers for the sign functions.
 */
export function web3Clone(codec, signed) {
  const { next, span, list } = slicer(parse(codec, signed, 'The wallet returned bytes that are not a transaction'));
  const signatures = list(span);
  next(); // the message's start
  const v0 = next() === 1;
  const [numRequiredSignatures, numReadonlySignedAccounts, numReadonlyUnsignedAccounts] = span();
  const header = { numRequiredSignatures, numReadonlySignedAccounts, numReadonlyUnsignedAccounts };
  const keys = list(() => keyClone(span()));
  const recentBlockhash = codec(BASE58, span());
  if (v0) {
    const compiledInstructions = list(() => ({ programIdIndex: span()[0], accountKeyIndexes: Array.from(span()), data: span() }));
    const addressTableLookups = list(() => ({ accountKey: keyClone(span()), writableIndexes: Array.from(span()), readonlyIndexes: Array.from(span()) }));
    return { signatures, message: { header, staticAccountKeys: keys, recentBlockhash, compiledInstructions, addressTableLookups } };
  }
  const instructions = list(() => ({ programIdIndex: span()[0], accounts: Array.from(span()), data: codec(BASE58, span()) }));
  const indexToProgramIds = new Map(instructions.map((ix) => [ix.programIdIndex, keys[ix.programIdIndex]]));
  return { signatures, message: { header, accountKeys: keys, recentBlockhash, instructions, indexToProgramIds } };
}

/** The adapters' `publicKey`, handed out as a proxy: its methods answer undefined while not connected. */
function publicKey(current) {
  return proxy({
    get value() {
      const key = current();
      return key ? keyClone(key.bytes) : null;
    },
    toBase58: async () => current()?.text,
    toJSON: async () => current()?.text,
    toBytes: async () => current()?.bytes.slice(),
    toBuffer: async () => current()?.bytes.slice(),
    toString: async () => current()?.text,
  });
}

/** The sign-only path's one JSON-RPC POST: https, never the host's own origin, no cookies. */
async function sendRaw(url, signed) {
  let binary = '';
  for (const b of signed) binary += String.fromCharCode(b);
  const id = crypto.randomUUID?.() ?? String(Date.now());
  const body = JSON.stringify({ method: 'sendTransaction', jsonrpc: '2.0', params: [btoa(binary), { encoding: 'base64' }], id });
  for (let wait = 500; ; wait *= 2) {
    const response = await fetch(url, { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body });
    if (response.status === 429 && wait <= 4000) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${text}`);
    const reply = JSON.parse(text);
    if (reply?.error) throw new Error(`Simulation failed. \nMessage: ${reply.error.message}. \n`);
    return reply?.result;
  }
}
function checkRpcTarget(url) {
  const target = new URL(url);
  if (target.protocol !== 'https:' || target.origin === location.origin) {
    throw new Error('The wallet bridge sends Solana transactions to an https RPC endpoint of another origin only');
  }
}

/** The first step of an object-taking method: what web3.js would serialize (a clone never can). */
function serializeObject(tx) {
  const versioned = 'version' in tx;
  if (typeof tx.serialize !== 'function') throw new TypeError('transaction.serialize is not a function');
  return new Uint8Array(versioned ? tx.serialize() : tx.serialize({ requireAllSignatures: false, verifySignatures: false }));
}

/** Signs with an explicit account, never a guess: 1.7.0's rule for `signSolanaTransactionBytes`. */
function signer(accounts, address) {
  if (address) {
    const match = accounts.find((account) => account.address === address);
    if (!match) throw new Error('Connected Solana account not found in the wallet — refusing to sign with a different account');
    return match;
  }
  if (accounts.length === 1) return accounts[0];
  throw new Error('Cannot determine which Solana account to sign with — multiple accounts and none selected');
}

/** Whether 1.7.0 builds an adapter for this wallet. */
export function solanaCompatible(wallet) {
  const features = wallet?.features ?? {};
  return 'standard:connect' in features && 'standard:events' in features && ('solana:signAndSendTransaction' in features || 'solana:signTransaction' in features);
}

/**
 * A `walletStandardWallets` entry. The adapter follows the wallet's
 * account changes until the session ends (`teardowns`).
 */
export function standardEntry(wallet, uuid, codec, teardowns) {
  const features = wallet.features;
  const entry = made({ uuid, name: primitive(wallet.name), chains: plain(wallet.chains || []), features: made(Object.keys(features)), adapter: undefined });
  if (!solanaCompatible(wallet)) return entry;
  let account = null;
  let connecting = false;
  let disconnecting = false;
  let off;
  try {
    off = features['standard:events'].on('change', (properties) => {
      const first = properties && 'accounts' in properties ? wallet.accounts[0] : account;
      if (account && !disconnecting && first !== account) account = first ?? null;
    });
  } catch {
    return entry;
  }
  const destroy = async () => {
    account = null;
    const done = off;
    off = null;
    if (typeof done === 'function') done();
  };
  teardowns.push(destroy);
  const can = (feature) => feature in features && Boolean(account?.features?.includes(feature));
  const key = () => (account ? { text: account.address, bytes: Uint8Array.from(account.publicKey ?? []) } : undefined);
  const connect = async (input) => {
    if (account || connecting) return;
    connecting = true;
    try {
      if (!wallet.accounts.length) await attempt('WalletConnectionError', () => features['standard:connect'].connect(input));
      account = wallet.accounts[0] ?? null;
      if (!account) throw new WalletError('WalletAccountError');
    } finally {
      connecting = false;
    }
  };
  const signBytes = async (list) => {
    const outputs = await features['solana:signTransaction'].signTransaction(...list.map((tx) => ({ account, transaction: tx })));
    return list.map((_, i) => web3Clone(codec, outputs[i].signedTransaction));
  };
  const signObjects = (list) => attempt('WalletSignTransactionError', () => signBytes(list.map(serializeObject)));
  /** `sendTransaction` of checked bytes, as the standard adapter does it. */
  const send = async (tx, endpoint) => {
    if (!account) throw new WalletError('WalletNotConnectedError');
    const andSend = 'solana:signAndSendTransaction' in features;
    if (!andSend && !('solana:signTransaction' in features)) throw new WalletError('WalletConfigError');
    const feature = andSend && can('solana:signAndSendTransaction') ? 'solana:signAndSendTransaction' : can('solana:signTransaction') ? 'solana:signTransaction' : undefined;
    if (!feature) throw new WalletError('WalletAccountError');
    const chain = codec(CHAIN, endpoint);
    if (!account.chains.includes(chain)) throw new WalletError('WalletSendTransactionError');
    return attempt('WalletSendTransactionError', async () => {
      if (feature === 'solana:signAndSendTransaction') {
        const options = { preflightCommitment: undefined, skipPreflight: undefined, maxRetries: undefined, minContextSlot: undefined };
        const [output] = await features[feature].signAndSendTransaction({ account, chain, transaction: tx, options });
        return codec(BASE58, bytes(output.signature));
      }
      checkRpcTarget(endpoint);
      const [output] = await features[feature].signTransaction({ account, chain, transaction: tx, options: { preflightCommitment: undefined, minContextSlot: undefined } });
      return sendRaw(endpoint, bytes(output.signedTransaction));
    });
  };
  entry.adapter = made({
    name: primitive(wallet.name),
    url: 'https://github.com/solana-labs/wallet-standard',
    icon: primitive(wallet.icon),
    readyState: 'Installed',
    publicKey: publicKey(key),
    connecting: false,
    connected: false,
    supportedTransactionVersions: supportedVersions(features),
    // What the wallet says of itself; its features are the adapter's methods.
    wallet: made({ name: entry.name, icon: primitive(wallet.icon), version: primitive(wallet.version), chains: entry.chains, features: entry.features }),
    standard: true,
    destroy,
    autoConnect: () => connect({ silent: true }),
    connect: () => connect(),
    disconnect: async () => {
      if ('standard:disconnect' in features) {
        disconnecting = true;
        await attempt('WalletDisconnectionError', () => features['standard:disconnect'].disconnect()).catch(() => {});
        disconnecting = false;
      }
      account = null;
    },
    sendTransaction: async (tx, connection) => {
      if (!account) throw new WalletError('WalletNotConnectedError');
      return attempt('WalletSendTransactionError', () => {
        if (!('version' in tx) && !tx.recentBlockhash && typeof connection?.getLatestBlockhash !== 'function') throw new TypeError('connection.getLatestBlockhash is not a function');
        return send(serializeObject(tx), connection.rpcEndpoint);
      });
    },
    signTransaction: async (tx) => (can('solana:signTransaction') ? (await signObjects([tx]))[0] : unsupported('signTransaction')),
    signAllTransactions: async (list) => (can('solana:signTransaction') ? signObjects(list) : unsupported('signAllTransactions')),
    signMessage: async (message) => {
      if (!can('solana:signMessage')) return unsupported('signMessage');
      return attempt('WalletSignMessageError', async () => (await features['solana:signMessage'].signMessage({ account, message }))[0].signature);
    },
    signIn: async (input = {}) => {
      if (!('solana:signIn' in features)) return unsupported('signIn');
      const [output] = await attempt('WalletSignInError', async () => [...(await features['solana:signIn'].signIn(input))]);
      if (!output) throw new WalletError('WalletSignInError');
      account = output.account;
      return output;
    },
    customFunctions: CUSTOM_FUNCTIONS,
    signSolanaTransactionBytes: async (value, connectedAddress) => {
      const tx = bytes(value);
      if ('solana:signTransaction' in features && wallet.accounts.length > 0) {
        const chosen = signer(wallet.accounts, connectedAddress ?? key()?.text);
        const [output] = await features['solana:signTransaction'].signTransaction({ account: chosen, transaction: tx });
        if (!output?.signedTransaction) throw new Error('Wallet returned no signed transaction');
        return output.signedTransaction;
      }
      if (!can('solana:signTransaction')) throw unsupported('signTransaction');
      transaction(codec, tx);
      return attempt('WalletSignTransactionError', async () => transaction(codec, (await features['solana:signTransaction'].signTransaction({ account, transaction: tx }))[0].signedTransaction));
    },
    sendSerializedTransaction: async (value, rpcUrl) => {
      const endpoint = rpcEndpoint(rpcUrl);
      return send(transaction(codec, value), endpoint);
    },
    signSerializedTransaction: async (value) => {
      if (!can('solana:signTransaction')) return unsupported('signTransaction');
      let tx;
      try {
        tx = transaction(codec, value);
      } catch (error) {
        return error;
      }
      return (await attempt('WalletSignTransactionError', () => signBytes([tx])))[0];
    },
    signAllSerializedTransactions: async (values) => {
      if (!can('solana:signTransaction')) return unsupported('signAllTransactions');
      const list = [];
      for (const value of values) {
        try {
          list.push(transaction(codec, value));
        } catch {
          return new Error('Failed to deserialize one or more transactions');
        }
      }
      return attempt('WalletSignTransactionError', () => signBytes(list));
    },
  });
  return entry;
}

function supportedVersions(features) {
  const feature = features['solana:signAndSendTransaction'] ?? features['solana:signTransaction'];
  const versions = feature?.supportedTransactionVersions ?? [];
  return versions.length === 1 && versions[0] === 'legacy' ? null : new Set(versions);
}

/**
 * A stand-in for the web3.js `VersionedTransaction` an injected wallet
 * takes: its signatures, its message, its version and `serialize()`.
 */
export function versioned(parsed) {
  const { next, span, list } = slicer(parsed);
  const signatures = list(span);
  const message = parsed.raw.slice(next());
  return {
    signatures,
    message: { serialize: () => message.slice() },
    version: next() === 1 ? 0 : 'legacy',
    serialize() {
      // The signature count as a compact-u16 (writing, not reading, the wire).
      const head = [];
      let n = this.signatures.length;
      do {
        head.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
        n >>= 7;
      } while (n);
      return Uint8Array.from([...head, ...this.signatures.flatMap((s) => [...s]), ...message]);
    },
  };
}
const serialized = (signed) => new Uint8Array(signed.serialize({ requireAllSignatures: false, verifySignatures: false }));

// Account listeners of each session's Base Wallet entry.
const baseListeners = new WeakMap();

/**
 * The Base Wallet entry if Coinbase's injected Solana provider is on the
 * page now and no registry wallet has its name; else undefined.
 */
export function baseEntry(codec, teardowns, entries) {
  if (!window.coinbaseSolana || entries.some((entry) => entry.name === 'Base Wallet')) return undefined;
  const listeners = new Set();
  const tell = (address) => listeners.forEach((listener) => listener(address));
  let wallet = null;
  let key = null;
  let connecting = false;
  const disconnected = () => {
    if (!wallet) return;
    wallet.off('disconnect', disconnected);
    [wallet, key] = [null, null];
    tell(null);
  };
  teardowns.push(() => wallet?.off('disconnect', disconnected));
  const connected = () => {
    if (!wallet) throw new WalletError('WalletNotConnectedError');
    return wallet;
  };
  const signTransaction = async (tx) => {
    const live = connected();
    return (await attempt('WalletSignTransactionError', () => live.signTransaction(tx))) || tx;
  };
  const signAll = async (list) => {
    const live = connected();
    return (await attempt('WalletSignTransactionError', () => live.signAllTransactions(list))) || list;
  };
  const send = async (tx) => (await connected().signAndSendTransaction(tx, {})).signature;
  const deserialize = (value, message) => versioned(parse(codec, value, message));
  const adapter = made({
    name: 'Base Wallet',
    url: 'https://chrome.google.com/webstore/detail/coinbase-wallet-extension/hnfanknocfeofbddgcijnmhnfnkdnaad',
    icon: BASE_ICON,
    readyState: 'Installed',
    publicKey: publicKey(() => key ?? undefined),
    connecting: false,
    connected: false,
    supportedTransactionVersions: new Set(['legacy', 0]),
    connect: async () => {
      if (wallet || connecting) return;
      connecting = true;
      try {
        const live = window.coinbaseSolana;
        await attempt('WalletConnectionError', () => live.connect());
        if (!live.publicKey) throw new WalletError('WalletAccountError');
        const bytes = new Uint8Array(32);
        await attempt('WalletPublicKeyError', () => {
          const raw = live.publicKey.toBytes();
          if (raw.length > 32) throw new Error('Invalid public key input');
          bytes.set(raw, 32 - raw.length);
        });
        live.on('disconnect', disconnected);
        [wallet, key] = [live, { bytes, text: codec(BASE58, bytes) }];
        tell(key.text);
      } finally {
        connecting = false;
      }
    },
    disconnect: async () => {
      const live = wallet;
      if (live) {
        live.off('disconnect', disconnected);
        [wallet, key] = [null, null];
        await attempt('WalletDisconnectionError', () => live.disconnect()).catch(() => {});
      }
      tell(null);
    },
    sendTransaction: async (tx, connection) => {
      try {
        connected();
        if (!('version' in tx) && !tx.recentBlockhash) await connection.getLatestBlockhash();
        return await send(tx);
      } catch {
        throw new Error('Failed to send transaction');
      }
    },
    signTransaction,
    signAllTransactions: signAll,
    signMessage: async (message) => {
      const live = connected();
      return attempt('WalletSignMessageError', async () => (await live.signMessage(message)).signature);
    },
    customFunctions: CUSTOM_FUNCTIONS,
    signSolanaTransactionBytes: async (value) => serialized(await signTransaction(deserialize(value))),
    sendSerializedTransaction: async (value, rpcUrl) => {
      rpcEndpoint(rpcUrl);
      const tx = deserialize(value);
      return send(tx).catch(() => {
        throw new Error('Failed to send serialized transaction');
      });
    },
    signSerializedTransaction: async (value) => web3Clone(codec, serialized(await signTransaction(deserialize(value)))),
    signAllSerializedTransactions: async (values) => {
      const list = Array.from(values, (value) => deserialize(value, 'Failed to deserialize one or more transactions'));
      return (await signAll(list)).map((signed) => web3Clone(codec, serialized(signed)));
    },
  });
  const entry = made({ uuid: 'base-wallet-traditional', name: 'Base Wallet', chains: made(['solana:mainnet']), features: made(['traditional-adapter']), adapter });
  baseListeners.set(entry, listeners);
  return entry;
}

/** Tells `callback` the Base Wallet's address as the session's adapter connects (null on disconnect). */
export function watchBase(entry, callback) {
  const listeners = baseListeners.get(entry);
  if (!listeners) return undefined;
  const listener = (address) => {
    try {
      if (typeof callback === 'function') callback(address);
    } catch {}
  };
  listeners.add(listener);
  return proxy(() => {
    listeners.delete(listener);
  });
}

const BASE_ICON =
  'data:image/svg+xml;base64,PHN2ZyB3aWR0aD0iMTAyNCIgaGVpZ2h0PSIxMDI0IiB2aWV3Qm94PSIwIDAgMTAyNCAxMDI0IiBmaWxsPSJub25lIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPgo8Y2lyY2xlIGN4PSI1MTIiIGN5PSI1MTIiIHI9IjUxMiIgZmlsbD0iIzAwNTJGRiIvPgo8cGF0aCBmaWxsLXJ1bGU9ImV2ZW5vZGQiIGNsaXAtcnVsZT0iZXZlbm9kZCIgZD0iTTE1MiA1MTJDMTUyIDcxMC44MjMgMzEzLjE3NyA4NzIgNTEyIDg3MkM3MTAuODIzIDg3MiA4NzIgNzEwLjgyMyA4NzIgNTEyQzg3MiAzMTMuMTc3IDcxMC44MjMgMTUyIDUxMiAxNTJDMzEzLjE3NyAxNTIgMTUyIDMxMy4xNzcgMTUyIDUxMlpNNDIwIDM5NkM0MDYuNzQ1IDM5NiAzOTYgNDA2Ljc0NSAzOTYgNDIwVjYwNEMzOTYgNjE3LjI1NSA0MDYuNzQ1IDYyOCA0MjAgNjI4SDYwNEM2MTcuMjU1IDYyOCA2MjggNjE3LjI1NSA2MjggNjA0VjQyMEM2MjggNDA2Ljc0NSA2MTcuMjU1IDM5NiA2MDQgMzk2SDQyMFoiIGZpbGw9IndoaXRlIi8+Cjwvc3ZnPgo=';
