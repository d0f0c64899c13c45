// Differential tests of the wallet bridge (SPEC §11): the same
// Comlink child script (tests/pages/bridge-child.js, the real comlink 4.4.2)
// runs in a Link stand-in iframe against the bridge of
// @meshconnect/web-link-sdk 3.13.0 (@meshconnect/uwc-bridge-parent 1.7.0)
// and against ours, each started by `createLink().openLink()` in one
// Chromium, with the same fake wallets (tests/pages/wallets.js) in the host
// page. Per step we compare what the child got (result or error name and
// message, every Comlink message on the window and on every port), the
// calls the wallets received, the callbacks the parent made, the SDK's own
// callbacks, and the host page's uncaught errors; at the end, whether
// Object.prototype was touched or child code ran in the host, and the
// requests made. The traces must be equal except for DIVERGENCES.
//
// Each script is two tests: "1.7.0" runs it against 3.13 alone and checks
// what the script claims about 1.7.0 (`want`s, and that 1.7.0 answered every
// step that does not say `noReply`); "ours vs 1.7.0" compares. Families our
// bridge does not implement yet (OURS_FAMILIES) are `todo` on our side, and
// all of our side is todo while the build has no bridge at all.
// BRIDGE_SIDES=upstream runs the 1.7.0 half only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, launch, startServers } from '../support/harness.mjs';
import { bundleComlink, bundleMeshUpstream } from '../support/upstreams.mjs';
import {
  OURS_HAS_BRIDGE,
  RPC_URL,
  SIGNED,
  SOL,
  TX,
  UNDEFINED,
  apply,
  base58,
  awaitCall,
  bytes,
  cb,
  cbThrow,
  child,
  construct,
  get,
  host,
  poll,
  raw,
  runBridgeScript,
  set,
  start,
} from '../support/bridge-runner.mjs';

/** The chain families our bridge serves so far; the others are todo on our side. */
const OURS_FAMILIES = new Set(['core', 'eip6963', 'solana', 'bip122', 'tron', 'ton']);
const ONLY_UPSTREAM = process.env.BRIDGE_SIDES === 'upstream';
const SAVE = join(artifacts, 'bridge-differential');

let servers;
let browser;
before(async () => {
  await Promise.all([bundleMeshUpstream(), bundleComlink()]);
  servers = await startServers();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

// --- fixtures (see tests/pages/wallets.js) -------------------------------------------
const ICONS = Object.fromEntries(['red', 'blue'].map((c) => [c, `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="${c}"/></svg>`]));
const MAINNET_RPC = 'https://api.mainnet-beta.solana.com';
const ETH = '0x1111111111111111111111111111111111111111';
const E = 'eip6963Wallets';
const FAKE_ENTRY = { uuid: 'fake-uuid-1', name: 'Fake Wallet', icon: ICONS.red, rdns: 'com.fake.wallet', provider: { isFake: true } };
const SECOND_ENTRY = { uuid: 'fake-uuid-2', name: 'Second Wallet', icon: ICONS.blue, rdns: 'com.second.wallet', provider: { isSecond: true } };
const FAKE = `${E}.0`;
const SECOND = `${E}.1`;
const sub6963 = (uuid, event, callback, rdns) => apply('subscribeEip6963ProviderEvent', rdns === undefined ? [uuid, event, callback] : [uuid, event, callback, rdns]);
const request = (wallet, method, params, o = {}) => apply(`${wallet}.provider.request`, [params === undefined ? { method } : { method, params }], o);
const emit = (wallet, event, args, expect = 0, o = {}) => host('emit', { wallet, event, args, expect, ...o });
const ready = poll('eip6963WalletsReady');
const want = (value) => ({ want: { result: value } });
const wantError = (name, message) => ({ want: { error: { name, message } } });
const wantThrown = (value) => ({ want: { thrown: value } });
const unserializable = wantError('TypeError', 'Unserializable return value');
// Where ours answers with the wallet's data as the bridge copied it (`ours`:
// the result, or a test of it) and 1.7.0 with the wallet object itself.
const copied = (ours) => ({ hard: 'surface', ours });
const noReply = { noReply: true, timeout: 700 };
const SW = 'walletStandardWallets.0';
const AD = `${SW}.adapter`;
const BTC = 'bip122Wallets.0';
const TRON = 'tronWallets.0';

// --- the scripts ---------------------------------------------------------------------
// A step is a child op (get/set/apply/construct on a path from the root
// remote or from a value stored with `as`, raw messages, start/await, poll)
// or a host step (emit a wallet event, change Wallet Standard accounts,
// closeLink, reopen, release held timers). `want` states what 1.7.0 answers;
// `hard`, `afterEnd`, `ends` and `reopen` name the divergence that applies.

const SCRIPTS = {
  // core ------------------------------------------------------------------------------
  parentOrigin: { family: 'core', steps: [get('parentOrigin', { want: { result: (s) => s.host } })] },
  'GET of the root object, of an API function, of the whole API by hand': {
    family: 'core',
    steps: [get('discoverTronWallets', unserializable), get('subscribeEip6963ProviderEvent', unserializable), raw({ id: 'root', type: 'GET', path: [] }, unserializable)],
  },
  'GET of a name the API does not have, and through it': {
    family: 'core',
    steps: [get('nope', { ...want(UNDEFINED), hard: 'outside' }), get('nope.deeper', { ...wantError('TypeError', "Cannot read properties of undefined (reading 'deeper')"), hard: 'outside' })],
  },
  'GET of inherited members of the API object': {
    family: 'core',
    steps: [
      get('toString', { ...unserializable, hard: 'outside' }),
      get('hasOwnProperty', { ...unserializable, hard: 'outside' }),
      get('eip6963Wallets.map', { ...unserializable, hard: 'outside' }),
      get('discoverTronWallets.name', { ...want('discoverTronWallets'), hard: 'outside' }),
    ],
  },
  'APPLY on a non-function': {
    family: 'core',
    steps: [
      apply('parentOrigin', [], { ...wantError('TypeError', 'rawValue.apply is not a function'), hard: 'notfn' }),
      apply('eip6963WalletsReady', [1], { ...wantError('TypeError', 'rawValue.apply is not a function'), hard: 'notfn' }),
      apply('nope', [], { ...wantError('TypeError', "Cannot read properties of undefined (reading 'apply')"), hard: 'outside' }),
    ],
  },
  'SET of an API data field, then GET': {
    family: 'core',
    steps: [set('parentOrigin', 'https://evil.example', want(true)), get('parentOrigin', want('https://evil.example')), set('tronWalletsReady', true, want(true)), get('tronWalletsReady', want(true))],
  },
  'SET of an API function or a new field': {
    family: 'core',
    steps: [set('discoverTronWallets', 1, { ...want(true), hard: 'set' }), set('newField', { a: 1 }, { ...want(true), hard: 'set' }), get('newField', { ...want({ a: 1 }), hard: 'outside' })],
  },
  'SET inside a wallet object': {
    family: 'eip6963',
    steps: [
      ready,
      set(`${FAKE}.provider.request`, 1, { ...want(true), hard: 'set' }),
      set(`${FAKE}.name`, 'Renamed', { ...want(true), hard: 'set' }),
      get(`${FAKE}.name`, { want: { result: 'Renamed' }, hard: 'set', ours: { result: 'Fake Wallet' } }),
    ],
  },
  'SET through __proto__ (prototype pollution in 1.7.0)': {
    family: 'core',
    steps: [
      set('__proto__.polluted', 'yes', { ...want(true), hard: 'proto' }),
      set('eip6963Wallets.__proto__.polluted2', 'yes', { ...want(true), hard: 'proto' }),
      host('eval', { expression: '({}).polluted ?? null', want: { result: 'yes' }, hard: 'proto' }),
    ],
  },
  'GET through constructor and prototype': {
    family: 'eip6963',
    steps: [
      ready,
      get('parentOrigin.constructor.name', { ...want('String'), hard: 'proto' }),
      get('eip6963Wallets.constructor.name', { ...want('Array'), hard: 'proto' }),
      get(`${FAKE}.provider.constructor.name`, { ...want('FakeProvider'), hard: 'proto' }),
      get('discoverTronWallets.prototype', { ...want(UNDEFINED), hard: 'proto' }),
    ],
  },
  'CONSTRUCT of an API function': {
    family: 'core',
    steps: [
      construct('discoverTronWallets', [], { ...wantError('TypeError', 'rawValue is not a constructor'), hard: 'construct' }),
      construct('nope', [], { ...wantError('TypeError', 'rawValue is not a constructor'), hard: 'construct' }),
    ],
  },
  'CONSTRUCT through constructor runs child code in 1.7.0': {
    family: 'core',
    steps: [
      construct('discoverTronWallets.constructor', ['window.executed = "child code"'], { as: 'fn', want: { result: '[function]' }, hard: 'construct' }),
      apply('', [], { from: 'fn', want: { result: UNDEFINED }, hard: 'construct' }),
      host('eval', { expression: 'window.executed ?? null', want: { result: 'child code' }, hard: 'construct' }),
    ],
  },
  'RELEASE of the root: the bridge stops answering': {
    family: 'core',
    steps: [get('parentOrigin'), child('release', want(UNDEFINED)), child('rewrap'), get('parentOrigin', noReply)],
  },
  'ENDPOINT: a second endpoint serving the API': {
    family: 'eip6963',
    steps: [
      ready,
      child('endpoint', { as: 'port', want: { result: '[MessagePort]' } }),
      child('wrap', { port: 'port', as: 'api2' }),
      get('parentOrigin', { from: 'api2', want: { result: (s) => s.host } }),
      apply(`${FAKE}.provider.request`, [{ method: 'eth_chainId' }], { from: 'api2', ...want('0x1') }),
      get(`${E}.length`, { from: 'api2', ...want(2) }),
    ],
  },
  'hand-made requests: a number id, no id, an unknown type': {
    family: 'core',
    steps: [
      raw({ id: 42, type: 'GET', path: ['parentOrigin'] }, { want: { result: (s) => s.host } }),
      raw({ type: 'GET', path: ['parentOrigin'] }, { hard: 'noid' }),
      raw({ id: 'unknown-type', type: 'NOPE', path: ['parentOrigin'] }, noReply),
      raw({ id: 'no-path', type: 'GET' }, unserializable),
      get('parentOrigin'),
    ],
  },
  'hand-made requests: a path that is not an array of strings': {
    family: 'core',
    steps: [
      raw({ id: 'string-path', type: 'GET', path: 'parentOrigin' }, { ...wantError('TypeError', 'path.slice(...).reduce is not a function'), hard: 'malformed' }),
      raw({ id: 'number-segment', type: 'GET', path: ['parentOrigin', 0] }, { hard: 'malformed', want: { result: 'h' } }),
      get('parentOrigin'),
    ],
  },
  'hand-made requests: malformed argument lists': {
    family: 'core',
    steps: [
      raw({ id: 'args-string', type: 'APPLY', path: ['discoverTronWallets'], argumentList: 'x' }, { ...noReply, hard: 'malformed' }),
      raw({ id: 'args-handler', type: 'APPLY', path: ['discoverTronWallets'], argumentList: [{ type: 'HANDLER', name: 'nope', value: 1 }] }, { ...noReply, hard: 'malformed' }),
      raw({ id: 'args-port', type: 'APPLY', path: ['discoverTronWallets'], argumentList: [{ type: 'HANDLER', name: 'proxy', value: 'not a port' }] }, { ...noReply, hard: 'malformed' }),
      get('parentOrigin'),
    ],
  },
  'Link messages are not Comlink requests': {
    family: 'core',
    steps: [
      child('post', { messages: [{ type: 'loaded' }, { type: 'integrationSelected', payload: { integrationType: 'x', integrationName: 'X' } }, { type: 'GET' }, { id: 'x' }], hard: 'noid' }),
      child('sleep', { ms: 200 }),
      get('parentOrigin'),
    ],
  },
  'the Link UI closes the session: the bridge stops answering': {
    family: 'core',
    steps: [get('parentOrigin'), child('post', { messages: [{ type: 'close' }], ends: true }), child('sleep', { ms: 150 }), get('parentOrigin', noReply)],
  },
  'closeLink: the bridge stops answering': {
    family: 'core',
    steps: [get('parentOrigin'), host('closeLink', { ends: true }), get('parentOrigin', noReply)],
  },

  // EIP-6963 ------------------------------------------------------------------------
  'EIP-6963 discovery: uuid, name, icon and rdns of each wallet': {
    family: 'eip6963',
    steps: [ready, get(`${E}.length`, want(2)), ...['uuid', 'name', 'icon', 'rdns'].flatMap((k) => [get(`${FAKE}.${k}`), get(`${SECOND}.${k}`)]), get(`${FAKE}.uuid`, want('fake-uuid-1'))],
  },
  'EIP-6963: the ready flag before and after the 300 ms window': {
    family: 'eip6963',
    hold: 300,
    steps: [get('eip6963WalletsReady', want(false)), get(`${E}.length`, want(0)), host('held'), host('release'), get('eip6963WalletsReady', want(true)), get(`${E}.length`, want(2))],
  },
  'EIP-6963: a uuid announced twice keeps the first wallet': {
    family: 'eip6963',
    wallets: 'eip6963,eip6963-dup',
    steps: [ready, get(`${E}.length`, want(2)), get(`${FAKE}.name`, want('Fake Wallet')), get(`${SECOND}.name`, want('Second Wallet')), request(FAKE, 'eth_chainId', undefined, want('0x1'))],
  },
  'EIP-6963: a late announcement is not listed': {
    family: 'eip6963',
    wallets: 'eip6963,eip6963-late',
    steps: [ready, host('sleep', { ms: 600 }), get(`${E}.length`, want(2)), get(`${E}.2.uuid`, wantError('TypeError', "Cannot read properties of undefined (reading 'uuid')"))],
  },
  'EIP-6963: no wallets': {
    family: 'eip6963',
    wallets: 'none',
    steps: [
      ready,
      get(`${E}.length`, want(0)),
      { ...sub6963('fake-uuid-1', 'accountsChanged', cb('accounts')), ...wantError('Error', 'subscribeEip6963ProviderEvent: no wallet found for uuid "fake-uuid-1"') },
    ],
  },
  'EIP-6963: GET of the whole list, an entry, a provider (cloned when it can be)': {
    family: 'eip6963',
    // A provider whose own properties are data (its methods on a prototype) clones: the methods are dropped.
    // Ours copies each provider's own primitive fields, so the one with own methods clones too.
    steps: [
      ready,
      get(E, { ...unserializable, ...copied({ result: [FAKE_ENTRY, SECOND_ENTRY] }) }),
      get(FAKE, want(FAKE_ENTRY)),
      get(SECOND, { ...unserializable, ...copied({ result: SECOND_ENTRY }) }),
      get(`${FAKE}.provider`, want({ isFake: true })),
      get(`${SECOND}.provider`, { ...unserializable, ...copied({ result: { isSecond: true } }) }),
      get(`${FAKE}.provider.request`, unserializable),
      get(`${SECOND}.provider.isSecond`, want(true)),
    ],
  },
  'connect: eth_requestAccounts': {
    family: 'eip6963',
    steps: [ready, request(FAKE, 'eth_requestAccounts', undefined, want([ETH])), request(FAKE, 'eth_accounts', undefined, want([ETH]))],
  },
  'chain and account reads on the second wallet (a plain object)': {
    family: 'eip6963',
    steps: [ready, request(SECOND, 'eth_chainId', undefined, want('0x1')), request(SECOND, 'net_version'), request(SECOND, 'eth_getBalance', [ETH, 'latest'], want('0xde0b6b3a7640000'))],
  },
  'personal_sign, eth_sign and eth_signTypedData_v4': {
    family: 'eip6963',
    steps: [
      ready,
      request(FAKE, 'personal_sign', ['0x68656c6c6f', ETH]),
      request(FAKE, 'eth_sign', [ETH, '0xdead']),
      request(FAKE, 'eth_signTypedData_v4', [ETH, JSON.stringify({ types: {}, primaryType: 'Mail', domain: {}, message: { a: 1 } })]),
    ],
  },
  eth_sendTransaction: {
    family: 'eip6963',
    steps: [ready, request(FAKE, 'eth_sendTransaction', [{ from: ETH, to: ETH, value: '0x1', data: '0x' }], want(`0x${'ef'.repeat(32)}`))],
  },
  'chain switching and permissions': {
    family: 'eip6963',
    steps: [
      ready,
      request(FAKE, 'wallet_switchEthereumChain', [{ chainId: '0x89' }], want(null)),
      request(FAKE, 'wallet_addEthereumChain', [{ chainId: '0x2105', chainName: 'Base', rpcUrls: ['https://base.invalid'] }]),
      request(SECOND, 'wallet_requestPermissions', [{ eth_accounts: {} }]),
    ],
  },
  'a wallet that rejects with an EIP-1193 error object': {
    family: 'eip6963',
    steps: [
      ready,
      request(FAKE, 'reject', undefined, wantThrown({ code: 4001, message: 'User rejected the request.' })),
      request(SECOND, 'eth_unknownMethod', undefined, wantThrown({ code: 4200, message: 'Unsupported method: eth_unknownMethod' })),
    ],
  },
  'a wallet that rejects with an Error carrying a code': {
    family: 'eip6963',
    steps: [ready, request(FAKE, 'rejectError', undefined, wantError('Error', 'User rejected the request.'))],
  },
  'a wallet that throws synchronously': {
    family: 'eip6963',
    steps: [
      ready,
      request(FAKE, 'throw', undefined, wantError('Error', 'Synchronous wallet failure')),
      request(SECOND, 'throw', undefined, wantError('Error', 'Synchronous wallet failure')),
      request(FAKE, 'eth_chainId', undefined, want('0x1')),
    ],
  },
  'a wallet result that cannot be cloned': {
    family: 'eip6963',
    steps: [ready, request(FAKE, 'unserializable', undefined, unserializable), request(FAKE, 'eth_chainId', undefined, want('0x1'))],
  },
  'request with no arguments, and with extra arguments': {
    family: 'eip6963',
    steps: [
      ready,
      apply(`${FAKE}.provider.request`, [], wantThrown({ code: 4200, message: 'Unsupported method: undefined' })),
      apply(`${FAKE}.provider.request`, [{ method: 'eth_chainId' }, 'extra', 3], want('0x1')),
    ],
  },
  'subscribe accountsChanged, event, teardown, event again': {
    family: 'eip6963',
    steps: [
      ready,
      sub6963('fake-uuid-1', 'accountsChanged', cb('accounts')),
      { ...sub6963('fake-uuid-1', 'accountsChanged', cb('accounts')), as: 'off', want: { result: '[function]' } },
      emit('eip6963:fake', 'accountsChanged', [['0x2222222222222222222222222222222222222222']], 2),
      apply('', [], { from: 'off', ...want(UNDEFINED) }),
      emit('eip6963:fake', 'accountsChanged', [[]], 1),
    ],
  },
  'subscribe chainChanged and disconnect': {
    family: 'eip6963',
    steps: [
      ready,
      { ...sub6963('fake-uuid-2', 'chainChanged', cb('chain')), as: 'offChain' },
      { ...sub6963('fake-uuid-2', 'disconnect', cb('disconnect')), as: 'offDisconnect' },
      emit('eip6963:second', 'chainChanged', ['0x89'], 1),
      emit('eip6963:second', 'disconnect', [{ code: 4900, message: 'Disconnected' }], 1),
      apply('', [], { from: 'offChain' }),
      apply('', [], { from: 'offDisconnect' }),
      emit('eip6963:second', 'chainChanged', ['0x1'], 0),
    ],
  },
  'subscribe: the callback gets the first argument only': {
    family: 'eip6963',
    steps: [
      ready,
      { ...sub6963('fake-uuid-1', 'message', cb('message')), as: 'off' },
      emit('eip6963:fake', 'message', [{ type: 'eth_subscription', data: { n: 1 } }, 'second', 3], 1),
      apply('', [], { from: 'off' }),
    ],
  },
  'subscribe with an unknown uuid': {
    family: 'eip6963',
    steps: [
      ready,
      sub6963('no-such-uuid', 'accountsChanged', cb('accounts'), undefined),
      { ...sub6963('no-such-uuid', 'accountsChanged', cb('accounts'), 'com.nobody'), ...wantError('Error', 'subscribeEip6963ProviderEvent: no wallet found for uuid "no-such-uuid"') },
    ],
  },
  'subscribe with an unknown uuid and a matching rdns': {
    family: 'eip6963',
    steps: [
      ready,
      { ...sub6963('stale-uuid', 'accountsChanged', cb('accounts'), 'com.second.wallet'), as: 'off', want: { result: '[function]' } },
      emit('eip6963:second', 'accountsChanged', [[ETH]], 1),
      apply('', [], { from: 'off' }),
    ],
  },
  'subscribe to a wallet without events': {
    family: 'eip6963',
    wallets: 'eip6963,eip6963-noevents',
    steps: [ready, get(`${E}.2.uuid`, want('fake-uuid-3')), { ...sub6963('fake-uuid-3', 'accountsChanged', cb('accounts')), ...want(UNDEFINED) }],
  },
  'subscribe before discovery ends': {
    family: 'eip6963',
    hold: 300,
    steps: [
      start('early', { ...sub6963('fake-uuid-1', 'accountsChanged', cb('early')), as: 'off' }),
      child('sleep', { ms: 100 }),
      host('release'),
      awaitCall('early', { want: { result: '[function]' } }),
      emit('eip6963:fake', 'accountsChanged', [[ETH]], 1),
      apply('', [], { from: 'off' }),
    ],
  },
  'two subscriptions on one wallet, one torn down': {
    family: 'eip6963',
    steps: [
      ready,
      { ...sub6963('fake-uuid-1', 'accountsChanged', cb('a')), as: 'offA' },
      { ...sub6963('fake-uuid-1', 'accountsChanged', cb('b')), as: 'offB' },
      emit('eip6963:fake', 'accountsChanged', [[ETH]], 2),
      apply('', [], { from: 'offA' }),
      emit('eip6963:fake', 'accountsChanged', [[]], 1),
      apply('', [], { from: 'offB' }),
    ],
  },
  'a callback that throws': {
    family: 'eip6963',
    steps: [
      ready,
      { ...sub6963('fake-uuid-1', 'accountsChanged', cbThrow('throws')), as: 'off' },
      emit('eip6963:fake', 'accountsChanged', [[ETH]], 1),
      host('sleep', { ms: 100 }),
      apply('', [], { from: 'off' }),
      request(FAKE, 'eth_chainId', undefined, want('0x1')),
    ],
  },
  'the teardown proxy: GET, calling it twice': {
    family: 'eip6963',
    steps: [
      ready,
      { ...sub6963('fake-uuid-1', 'accountsChanged', cb('accounts')), as: 'off' },
      apply('', [], { from: 'off', ...want(UNDEFINED) }),
      apply('', [], { from: 'off', ...want(UNDEFINED) }),
      child('release', { from: 'off', ...want(UNDEFINED) }),
    ],
  },
  'closeLink while a request hangs': {
    family: 'eip6963',
    steps: [
      ready,
      start('pending', { ...request(FAKE, 'hang'), timeout: 1200 }),
      child('sleep', { ms: 100 }),
      host('closeLink', { ends: true }),
      awaitCall('pending', { noReply: true }),
      get('parentOrigin', noReply),
    ],
  },
  'a subscription left open when the session ends': {
    family: 'eip6963',
    steps: [
      ready,
      { ...sub6963('fake-uuid-1', 'accountsChanged', cb('accounts')), as: 'off' },
      host('closeLink', { ends: true }),
      emit('eip6963:fake', 'accountsChanged', [[ETH]], 1, { afterEnd: true }),
      apply('', [], { from: 'off', afterEnd: true, timeout: 700 }),
    ],
  },
  'an ENDPOINT port after the session ended': {
    family: 'eip6963',
    steps: [
      ready,
      child('endpoint', { as: 'port' }),
      child('wrap', { port: 'port', as: 'api2' }),
      host('closeLink', { ends: true }),
      get('parentOrigin', { from: 'api2', afterEnd: true, timeout: 700 }),
      get(`${E}.length`, { from: 'api2', afterEnd: true, timeout: 700 }),
    ],
  },
  'reopen while open: the superseded bridge': {
    family: 'eip6963',
    steps: [ready, host('reopen', { reopen: true }), host('sleep', { ms: 450 }), get(`${E}.length`, want(2)), request(FAKE, 'eth_chainId', undefined, want('0x1'))],
  },
  'reopen after closeLink: a fresh bridge': {
    family: 'eip6963',
    steps: [ready, host('closeLink', { ends: true }), host('reopen'), ready, get(`${FAKE}.uuid`, want('fake-uuid-1')), request(FAKE, 'eth_chainId', undefined, want('0x1'))],
  },
  'overlay mode': {
    family: 'eip6963',
    overlay: true,
    steps: [ready, get(`${FAKE}.uuid`, want('fake-uuid-1')), request(FAKE, 'eth_chainId', undefined, want('0x1')), host('closeLink', { ends: true })],
  },

  // Solana (Wallet Standard) -------------------------------------------------------------
  'Solana discovery: walletStandardWallets leaves': {
    family: 'solana',
    wallets: 'solana,bip122',
    steps: [
      get('walletStandardWalletsReady', want(true)),
      get('walletStandardWallets.length', want(1)),
      get(`${SW}.uuid`, want('fake-sol-solana:mainnet')),
      get(`${SW}.name`, want('Fake Sol')),
      get(`${SW}.chains`, want(['solana:mainnet', 'solana:devnet'])),
      get(`${SW}.features`),
      ...['name', 'url', 'icon', 'readyState', 'connecting', 'connected', 'standard', 'supportedTransactionVersions', 'customFunctions'].map((k) => get(`${AD}.${k}`)),
    ],
  },
  'Solana: GET of the list, an entry, the adapter, the raw wallet, publicKey': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      get('walletStandardWallets', unserializable),
      get(SW, unserializable),
      get(AD, unserializable),
      get(
        `${AD}.wallet`,
        copied(
          (r) =>
            r.result?.name === 'Fake Sol' &&
            r.result.version === '1.0.0' &&
            same(r.result.chains, ['solana:mainnet', 'solana:devnet']) &&
            r.result.features?.includes('solana:signIn') &&
            !('accounts' in r.result),
        ),
      ),
      get(`${AD}.publicKey`, want('[function]')),
      get(`${AD}.publicKey.value`, want(null)),
    ],
  },
  'Solana: connect, publicKey, disconnect': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.publicKey.toBase58`, [], want(UNDEFINED)),
      apply(`${AD}.connect`, [], want(UNDEFINED)),
      get(`${AD}.connected`, want(false)),
      apply(`${AD}.publicKey.toBase58`, [], want(SOL[0])),
      apply(`${AD}.publicKey.toString`, [], want(SOL[0])),
      apply(`${AD}.publicKey.toJSON`, [], want(SOL[0])),
      apply(`${AD}.publicKey.toBytes`),
      get(`${AD}.publicKey.value`),
      apply(`${AD}.disconnect`, [], want(UNDEFINED)),
      apply(`${AD}.publicKey.toBase58`, [], want(UNDEFINED)),
    ],
  },
  'Solana: signSolanaTransactionBytes': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.connect`),
      apply(`${AD}.signSolanaTransactionBytes`, [bytes(TX)], want({ $Uint8Array: SIGNED })),
      apply(`${AD}.signSolanaTransactionBytes`, [bytes(TX), SOL[0]], want({ $Uint8Array: SIGNED })),
      apply(`${AD}.signSolanaTransactionBytes`, [bytes(TX), SOL[1]], wantError('Error', 'Connected Solana account not found in the wallet — refusing to sign with a different account')),
    ],
  },
  'Solana: signSolanaTransactionBytes before connect': {
    family: 'solana',
    wallets: 'solana',
    steps: [apply(`${AD}.signSolanaTransactionBytes`, [bytes(TX)])],
  },
  'Solana: sendSerializedTransaction through signAndSendTransaction': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), MAINNET_RPC], wantError('WalletNotConnectedError', '')),
      apply(`${AD}.connect`),
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), MAINNET_RPC], want(base58(Array(64).fill(9)))),
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), 'https://api.devnet.solana.com']),
    ],
  },
  'Solana: sendSerializedTransaction, a sign-only wallet: one JSON-RPC POST': {
    family: 'solana',
    wallets: 'solana-signonly',
    steps: [get(`${SW}.uuid`, want('sign-only-sol-solana:mainnet')), apply(`${AD}.connect`), apply(`${AD}.sendSerializedTransaction`, [bytes(TX), RPC_URL], want('5igNaTuReFromTheRpc'))],
  },
  'Solana: sendSerializedTransaction with bad bytes or a bad URL': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.connect`),
      apply(`${AD}.sendSerializedTransaction`, [bytes([1, 2, 3]), MAINNET_RPC], wantError('Error', 'Failed to deserialize transaction as either versioned or legacy format')),
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), 'ftp://rpc.invalid'], wantError('TypeError', 'Endpoint URL must start with `http:` or `https:`.')),
    ],
  },
  'Solana: signMessage, signTransaction-family before and after connect': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.signMessage`, [bytes([104, 105])], want({ $error: { name: 'Error', message: 'Adapter does not support signMessage' } })),
      apply(`${AD}.signSerializedTransaction`, [bytes(TX)], want({ $error: { name: 'Error', message: 'Adapter does not support signTransaction' } })),
      apply(`${AD}.signAllSerializedTransactions`, [[bytes(TX)]], want({ $error: { name: 'Error', message: 'Adapter does not support signAllTransactions' } })),
      apply(`${AD}.connect`),
      apply(`${AD}.signMessage`, [bytes([104, 105])], want({ $Uint8Array: Array(64).fill(5) })),
    ],
  },
  'Solana: signSerializedTransaction and signAllSerializedTransactions': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.connect`),
      apply(`${AD}.signSerializedTransaction`, [bytes(TX)]),
      apply(`${AD}.signAllSerializedTransactions`, [[bytes(TX), bytes(TX)]]),
      apply(`${AD}.signSerializedTransaction`, [bytes([1, 2, 3])], want({ $error: { name: 'Error', message: 'Failed to deserialize transaction as either versioned or legacy format' } })),
    ],
  },
  'Solana: the object-taking adapter methods (a cloned Transaction has lost its prototype)': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.autoConnect`),
      apply(`${AD}.signTransaction`, [{ signatures: [], message: {} }]),
      apply(`${AD}.signAllTransactions`, [[{ signatures: [] }]]),
      apply(`${AD}.sendTransaction`, [{ signatures: [] }, { rpcEndpoint: MAINNET_RPC }]),
      apply(`${AD}.destroy`),
      apply(`${AD}.publicKey.toBase58`),
    ],
  },
  'Solana: signIn': {
    family: 'solana',
    wallets: 'solana',
    steps: [apply(`${AD}.signIn`, [{ domain: 'link.example', statement: 'Sign in' }]), apply(`${AD}.publicKey.toBase58`, [], want(SOL[0]))],
  },
  'Solana: subscribeSolanaWalletEvent': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply(`${AD}.connect`),
      { ...apply('subscribeSolanaWalletEvent', ['fake-sol-solana:mainnet', cb('solana')]), as: 'off', want: { result: '[function]' } },
      host('accounts', { key: 'fakesol', indexes: [1], expect: 1 }),
      host('chains', { key: 'fakesol' }),
      host('accounts', { key: 'fakesol', indexes: [], expect: 1 }),
      apply('', [], { from: 'off', ...want(UNDEFINED) }),
      host('accounts', { key: 'fakesol', indexes: [0] }),
    ],
  },
  'Solana: subscribeSolanaWalletEvent with an unknown id': {
    family: 'solana',
    wallets: 'solana',
    steps: [
      apply('subscribeSolanaWalletEvent', ['phantom-solana:mainnet', cb('solana')], wantError('Error', 'subscribeSolanaWalletEvent: no wallet found for walletId "phantom-solana:mainnet"')),
      apply('subscribeSolanaWalletEvent', ['base-wallet-traditional', cb('solana')]),
    ],
  },

  // Base Wallet (Coinbase's injected Solana provider, 1.7.0's traditional adapter) ----------
  'Base Wallet discovery: the traditional adapter entry': {
    family: 'solana',
    wallets: 'base',
    steps: [
      get('walletStandardWallets.length', want(1)),
      get(`${SW}.uuid`, want('base-wallet-traditional')),
      ...['name', 'chains', 'features'].map((k) => get(`${SW}.${k}`)),
      ...['name', 'url', 'icon', 'readyState', 'connecting', 'connected', 'supportedTransactionVersions', 'customFunctions', 'wallet', 'standard', 'signIn'].map((k) => get(`${AD}.${k}`)),
      get(AD, unserializable),
      get(`${AD}.publicKey`, want('[function]')),
      get(`${AD}.publicKey.value`, want(null)),
    ],
  },
  'Base Wallet: not listed when a registry Solana wallet has its name': {
    family: 'solana',
    wallets: 'base,solana-base',
    steps: [get('walletStandardWallets.length', want(1)), get(`${SW}.uuid`, want('base-wallet-solana:mainnet')), get(`${SW}.features`)],
  },
  'Base Wallet: connect, publicKey, signMessage, disconnect, the wallet disconnecting': {
    family: 'solana',
    wallets: 'base',
    steps: [
      apply(`${AD}.signMessage`, [bytes([104, 105])], wantError('WalletNotConnectedError', '')),
      apply(`${AD}.connect`, [], want(UNDEFINED)),
      apply(`${AD}.connect`),
      apply(`${AD}.publicKey.toBase58`),
      apply(`${AD}.publicKey.toBytes`),
      get(`${AD}.publicKey.value`),
      apply(`${AD}.signMessage`, [bytes([104, 105])], want({ $Uint8Array: Array(64).fill(4) })),
      apply(`${AD}.disconnect`, [], want(UNDEFINED)),
      apply(`${AD}.publicKey.toString`, [], want(UNDEFINED)),
      apply(`${AD}.connect`),
      emit('base:coinbaseSolana', 'disconnect', [], 0),
      apply(`${AD}.publicKey.toJSON`, [], want(UNDEFINED)),
    ],
  },
  'Base Wallet: the byte-level functions': {
    family: 'solana',
    wallets: 'base',
    steps: [
      apply(`${AD}.signSolanaTransactionBytes`, [bytes(TX)], wantError('WalletNotConnectedError', '')),
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), MAINNET_RPC], wantError('Error', 'Failed to send serialized transaction')),
      apply(`${AD}.connect`),
      apply(`${AD}.signSolanaTransactionBytes`, [bytes(TX), SOL[1]]),
      apply(`${AD}.signSolanaTransactionBytes`, [bytes([1, 2, 3])], wantError('Error', 'Failed to deserialize transaction as either versioned or legacy format')),
      apply(`${AD}.signSerializedTransaction`, [bytes(TX)]),
      apply(`${AD}.signAllSerializedTransactions`, [[bytes(TX), bytes(TX)]]),
      apply(`${AD}.signAllSerializedTransactions`, [[bytes(TX), bytes([1, 2, 3])]], wantError('Error', 'Failed to deserialize one or more transactions')),
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), MAINNET_RPC], want('BaseWa11etSignature')),
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), 'ftp://rpc.invalid'], wantError('TypeError', 'Endpoint URL must start with `http:` or `https:`.')),
      apply(`${AD}.sendSerializedTransaction`, [bytes([1, 2, 3]), MAINNET_RPC], wantError('Error', 'Failed to deserialize transaction as either versioned or legacy format')),
    ],
  },
  'Base Wallet: a wallet that rejects, and the object-taking methods': {
    family: 'solana',
    wallets: 'base-rejects',
    steps: [
      apply(`${AD}.connect`),
      apply(`${AD}.signMessage`, [bytes([1])], wantError('WalletSignMessageError', 'User rejected the request.')),
      apply(`${AD}.signSolanaTransactionBytes`, [bytes(TX)], wantError('WalletSignTransactionError', 'User rejected the request.')),
      apply(`${AD}.signSerializedTransaction`, [bytes(TX)]),
      apply(`${AD}.signAllSerializedTransactions`, [[bytes(TX)]]),
      apply(`${AD}.sendSerializedTransaction`, [bytes(TX), MAINNET_RPC], wantError('Error', 'Failed to send serialized transaction')),
      apply(`${AD}.sendTransaction`, [{ signatures: [] }, { rpcEndpoint: MAINNET_RPC }], wantError('Error', 'Failed to send transaction')),
      apply(`${AD}.signTransaction`, [{ signatures: [], message: {} }]),
      apply(`${AD}.signAllTransactions`, [[{ signatures: [] }]]),
    ],
  },
  'Base Wallet: subscribeSolanaWalletEvent': {
    family: 'solana',
    wallets: 'base',
    steps: [
      { ...apply('subscribeSolanaWalletEvent', ['base-wallet-traditional', cb('base')]), as: 'off', want: { result: '[function]' } },
      apply(`${AD}.connect`, [], { hard: 'base-events' }),
      apply(`${AD}.disconnect`, [], { hard: 'base-events' }),
      apply('', [], { from: 'off', ...want(UNDEFINED) }),
      apply(`${AD}.connect`),
    ],
  },

  // Bitcoin (bip122, Wallet Standard) ------------------------------------------------------
  'Bitcoin discovery: bip122Wallets leaves': {
    family: 'bip122',
    wallets: 'bip122',
    steps: [
      get('bip122WalletsReady', want(true)),
      get('bip122Wallets.length', want(2)),
      get('bip122Wallets', unserializable),
      ...[0, 1].flatMap((i) => [
        get(`bip122Wallets.${i}.uuid`),
        get(`bip122Wallets.${i}.name`),
        get(`bip122Wallets.${i}.features`),
        get(`bip122Wallets.${i}.wallet.name`),
        get(`bip122Wallets.${i}.wallet.accounts`),
      ]),
      get(`${BTC}.uuid`, want('fake-btc-bitcoin:mainnet')),
      get('bip122Wallets.1.uuid', want('multi-chain-bitcoin:mainnet')),
      get('bip122Wallets.1.wallet.features.bitcoin:signMessage', want(UNDEFINED)),
      get(`${BTC}.wallet.features.bitcoin:signMessage`, want('[function]')),
    ],
  },
  'Bitcoin: connect, signMessage, signTransaction, disconnect': {
    family: 'bip122',
    wallets: 'bip122',
    steps: [
      apply(`${BTC}.wallet.features.bitcoin:connect.connect`, [{ purposes: ['payment'] }]),
      { ...get(`${BTC}.wallet.features.bitcoin:signMessage`), as: 'sm' },
      apply('signMessage', [{ message: 'hello', address: 'bc1qfakeaddress0000000000000000000000000' }], { from: 'sm' }),
      apply(`${BTC}.wallet.features.bitcoin:signTransaction.signTransaction`, [{ psbt: 'cHNidP8BAHECAAAAAf4', inputsToSign: [{ address: 'bc1q', signingIndexes: [0] }] }]),
      apply(`${BTC}.wallet.features.bitcoin:disconnect.disconnect`),
    ],
  },
  'Bitcoin: subscribeBip122WalletEvent (bitcoin:events and standard:events)': {
    family: 'bip122',
    wallets: 'bip122',
    steps: [
      { ...apply('subscribeBip122WalletEvent', ['fake-btc-bitcoin:mainnet', cb('btc')]), as: 'off' },
      { ...apply('subscribeBip122WalletEvent', ['multi-chain-bitcoin:mainnet', cb('multi')]), as: 'off2' },
      host('accounts', { key: 'fakebtc', indexes: [1], expect: 1 }),
      host('chains', { key: 'fakebtc' }),
      host('accounts', { key: 'fakebtc', indexes: [], expect: 1 }),
      host('accounts', { key: 'multichain', indexes: [0], expect: 1 }),
      apply('', [], { from: 'off' }),
      apply('', [], { from: 'off2' }),
      host('accounts', { key: 'fakebtc', indexes: [0] }),
      apply('subscribeBip122WalletEvent', ['nope-bitcoin:mainnet', cb('btc')], wantError('Error', 'subscribeBip122WalletEvent: no wallet found for walletId "nope-bitcoin:mainnet"')),
    ],
  },

  // Tron ---------------------------------------------------------------------------------
  'Tron discovery: discoverTronWallets and tronWallets': {
    family: 'tron',
    wallets: 'tron',
    steps: [
      get('tronWalletsReady', want(false)),
      get('tronWallets.length', want(0)),
      apply('discoverTronWallets', [['tronLink', 'tokenpocket.tron', 'nope', 'tronLink']], want(UNDEFINED)),
      get('tronWalletsReady', want(true)),
      get('tronWallets.length', want(2)),
      ...[0, 1].flatMap((i) => ['uuid', 'name', 'injectedId'].map((k) => get(`tronWallets.${i}.${k}`))),
      get('tronWallets', unserializable),
      get(`${TRON}.provider`, want('[function]')),
      get(`${TRON}.provider.ready`, want(true)),
      apply('discoverTronWallets', [[]]),
      get('tronWallets.length', want(0)),
    ],
  },
  'Tron: request and tronWeb calls': {
    family: 'tron',
    wallets: 'tron',
    steps: [
      apply('discoverTronWallets', [['tronLink']]),
      { ...get(`${TRON}.provider`), as: 'tp' },
      apply('request', [{ method: 'tron_requestAccounts' }], { from: 'tp' }),
      apply('request', [{ method: 'reject' }], { from: 'tp', ...wantThrown({ code: 4001, message: 'User rejected the request.' }) }),
      apply('tronWeb.getDefaultAddress', [], { from: 'tp' }),
      apply(`${TRON}.provider.tronWeb.trx.sign`, [{ txID: 't1', raw_data: { a: 1 } }]),
      apply(`${TRON}.provider.tronWeb.trx.signMessageV2`, ['hello']),
      apply(`${TRON}.provider.tronWeb.trx.sendRawTransaction`, [{ txID: 't1', signature: ['s'] }]),
      apply(`${TRON}.provider.tronWeb.transactionBuilder.sendTrx`, ['TTo', 1000, 'TFrom']),
      apply(`${TRON}.provider.tronWeb.transactionBuilder.triggerSmartContract`, ['TContract', 'transfer(address,uint256)', { feeLimit: 1 }, [{ type: 'address', value: 'TTo' }], 'TFrom']),
      apply(`${TRON}.provider.tronWeb.toHex`, ['hi'], want('6869')),
    ],
  },
  'Tron: subscribeTronProviderEvent': {
    family: 'tron',
    wallets: 'tron',
    steps: [
      { ...apply('subscribeTronProviderEvent', ['tronLink', 'accountsChanged', cb('tron')]), as: 'off', want: { result: '[function]' } },
      emit('tron:tronLink', 'accountsChanged', ['TNewAddress', 'ignored'], 1),
      apply('', [], { from: 'off' }),
      emit('tron:tronLink', 'accountsChanged', ['TOther'], 0),
      apply('subscribeTronProviderEvent', ['nope', 'accountsChanged', cb('tron')], wantError('Error', 'subscribeTronProviderEvent: no provider found at injectedId "nope"')),
    ],
  },
  'Tron: subscribeTronProviderEvent through window messages': {
    family: 'tron',
    wallets: 'tron',
    steps: [
      { ...apply('subscribeTronProviderEvent', ['tokenpocket.tron', 'accountsChanged', cb('tron')]), as: 'off' },
      host('postSelf', { data: { message: { action: 'setAccount', data: { address: 'TWindowAddress' } } }, expect: 1 }),
      apply('', [], { from: 'off' }),
      host('postSelf', { data: { message: { action: 'setAccount', data: 'TAgain' } } }),
    ],
  },

  // TON ----------------------------------------------------------------------------------
  'TON discovery: discoverTonWallets and tonWallets': {
    family: 'ton',
    wallets: 'ton',
    steps: [
      get('tonWalletsReady', want(false)),
      apply('discoverTonWallets', [['fakeTon', 'nope', 'fakeTon', 'document']], want(UNDEFINED)),
      get('tonWalletsReady', want(true)),
      get('tonWallets.length', want(1)),
      ...['uuid', 'name', 'icon', 'jsBridgeKey'].map((k) => get(`tonWallets.0.${k}`)),
      get('tonWallets', unserializable),
      { ...get('tonWallets.0.provider'), as: 'tp', want: { result: '[function]' } },
      get('walletInfo', { from: 'tp' }),
      get('deviceInfo', { from: 'tp' }),
      get('protocolVersion', { from: 'tp', ...want(2) }),
      get('isWalletBrowser', { from: 'tp', ...want(false) }),
    ],
  },
  'TON: connect, send, restoreConnection, disconnect': {
    family: 'ton',
    wallets: 'ton',
    steps: [
      apply('discoverTonWallets', [['fakeTon']]),
      apply('tonWallets.0.provider.connect', [2, { manifestUrl: 'https://link.invalid/manifest.json', items: [{ name: 'ton_addr' }] }]),
      apply('tonWallets.0.provider.send', [{ method: 'sendTransaction', params: ['{}'], id: '7' }]),
      apply('tonWallets.0.provider.restoreConnection'),
      apply('tonWallets.0.provider.disconnect'),
    ],
  },
  'TON: listen': {
    family: 'ton',
    wallets: 'ton',
    steps: [
      apply('discoverTonWallets', [['fakeTon']]),
      { ...apply('tonWallets.0.provider.listen', [cb('ton')]), as: 'unlisten', want: { result: '[function]' } },
      emit('ton:fakeTon', { event: 'disconnect', id: 3, payload: {} }, [], 1),
      apply('', [], { from: 'unlisten' }),
      emit('ton:fakeTon', { event: 'disconnect', id: 4, payload: {} }, [], 0),
    ],
  },
};

// --- the expected divergences --------------------------------------------------------------

const isThrowReply = (w) => w.msg?.type === 'HANDLER' && w.msg.name === 'throw';
/** Ours answered this step with one `throw` reply, and no wallet heard of it. */
const oursRefused = (ours) =>
  Boolean(ours.result?.error) && Array.isArray(ours.wire) && ours.wire.length === 1 && isThrowReply(ours.wire[0]) && ours.walletCalls.length === 0 && ours.callbacks.length === 0;
const silent = (x) => (x.result?.timeout || typeof x.result?.result === 'string') && Array.isArray(x.wire) && x.wire.length === 0 && x.callbacks.length === 0;
/** Takes our step's outcome for theirs. */
const adopt = (ours, upstream) => Object.assign(upstream, { result: ours.result, wire: ours.wire, walletCalls: ours.walletCalls, callbacks: ours.callbacks });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** Our step was refused (or, with `ours`, answered what the script says ours answers), where 1.7.0 obliged. */
function hardening(kind) {
  return (step, ours, upstream) => {
    const answered = 'ours' in step && (typeof step.ours === 'function' ? step.ours(ours.result) : same(ours.result, step.ours)) && ours.walletCalls.length === 0;
    if (step.hard === kind && (oursRefused(ours) || answered)) adopt(ours, upstream);
  };
}

/** The wallet calls 1.7.0 made at the open, until ours makes them (see the divergence below). */
let askedAtOpen = [];

const DIVERGENCES = [
  {
    id: 'wallets asked when the Link UI first opens the wallet channel',
    reason:
      "Ours fetches the bridge (its JavaScript chunk) and asks the page's wallets (the EIP-6963 request, the Wallet Standard registry, the adapters' subscriptions) when the Link UI's first wallet-channel message arrives; 1.7.0 asks as the Link UI starts. A session that never uses a wallet then loads no bridge and asks no wallet. The EIP-6963 list is published as if discovery had started at the open.",
    normalize(step, ours, upstream, index) {
      if (step.do === 'open') {
        askedAtOpen = ours.walletCalls.length === 0 ? upstream.walletCalls.splice(0) : [];
      } else if (askedAtOpen.length && same(ours.walletCalls.slice(0, askedAtOpen.length), askedAtOpen)) {
        upstream.walletCalls = [...askedAtOpen, ...upstream.walletCalls];
        askedAtOpen = [];
      }
    },
  },
  {
    id: 'one wallet subscription per subscribeSolanaWalletEvent',
    reason:
      "1.7.0 builds a fresh StandardWalletAdapter for each subscribeSolanaWalletEvent call; its constructor subscribes to the wallet's change events a second time, and nothing ever unsubscribes it. Ours subscribes once, for the callback.",
    normalize(step, ours, upstream) {
      if (step.op !== 'apply' || step.path?.[0] !== 'subscribeSolanaWalletEvent') return;
      const extra = upstream.walletCalls.findIndex((c) => c.method === 'on');
      if (extra >= 0 && same(upstream.walletCalls.toSpliced(extra, 1), ours.walletCalls)) upstream.walletCalls = ours.walletCalls;
    },
  },
  {
    id: "the Base Wallet's account events reach subscribers",
    reason:
      "1.7.0 subscribes a fresh BaseWalletAdapter, which nobody ever connects, so subscribeSolanaWalletEvent('base-wallet-traditional') never calls back; ours tells the callback when the session's Base Wallet adapter connects (its address) and disconnects (null).",
    normalize(step, ours, upstream) {
      if (step.hard === 'base-events' && upstream.callbacks.length === 0 && same(ours.result, upstream.result) && same(ours.walletCalls, upstream.walletCalls)) adopt(ours, upstream);
    },
  },
  {
    id: 'error stack not compared',
    reason: "A `throw` reply's `stack` is the host page's V8 stack (its script URLs and line numbers); ours sends a string too, but not the same one.",
    normalize(step, ours, upstream) {
      for (const x of [ours, upstream]) {
        for (const w of Array.isArray(x.wire) ? x.wire : []) {
          const v = w.msg?.type === 'HANDLER' && w.msg.name === 'throw' && w.msg.value?.isError && w.msg.value.value;
          if (v && typeof v.stack === 'string') v.stack = '<a string>';
        }
      }
    },
  },
  {
    id: 'prototype paths refused',
    reason:
      'SPEC §11: path segments __proto__, prototype and constructor are refused with a throw; 1.7.0 (Comlink expose) walks them, so the child can read any constructor and write Object.prototype of the host page.',
    normalize(step, ours, upstream) {
      hardening('proto')(step, ours, upstream);
      if (step.hard === 'proto' && step.at === 'host' && ours.result?.result === null) upstream.result = ours.result;
      if (step.do === 'end' && ours.pollution.length === 0) upstream.pollution = [];
    },
  },
  {
    id: "SET outside the API's own fields refused",
    reason:
      "SPEC §11: SET is allowed on the API's own data fields only; 1.7.0 lets the child overwrite the API's functions, add fields and patch the page's real wallet objects (e.g. replace MetaMask's request for the host dapp).",
    normalize: hardening('set'),
  },
  {
    id: 'CONSTRUCT refused',
    reason:
      "SPEC §11 (never eval): CONSTRUCT is refused; 1.7.0 runs `new` on whatever the path names, so CONSTRUCT of a function's constructor builds `new Function(childSource)` in the host page and hands it back as a callable proxy.",
    normalize(step, ours, upstream) {
      hardening('construct')(step, ours, upstream);
      // The follow-up call on the proxy 1.7.0 returned: ours has nothing to call.
      if (step.hard === 'construct' && step.from && ours.result?.error && ours.walletCalls.length === 0) adopt(ours, upstream);
      if (step.hard === 'construct' && step.at === 'host' && ours.result?.result === null) upstream.result = ours.result;
      if (step.do === 'end' && ours.executed === null) upstream.executed = null;
    },
  },
  {
    id: 'paths outside the API refused',
    reason:
      "SPEC §11: only the API's own properties are served (non-own and unknown names are refused with a throw); 1.7.0 answers undefined for unknown names and serves inherited members (toString, Array.prototype.map, a function's name).",
    normalize: hardening('outside'),
  },
  {
    id: 'wallets reached through a capability surface',
    reason:
      "SPEC §11: the Link frame reaches what the bridge built for it: an EIP-6963 provider's request/on/removeListener and its own primitive fields, the families' adapters, and copies of wallet data; 1.7.0 hands out the wallet objects themselves, so a GET clones whatever a provider holds (or fails on its methods) and a path reaches anything inside it.",
    normalize: hardening('surface'),
  },
  {
    id: 'malformed requests answered with a throw',
    reason:
      'SPEC §11 (every failure goes back to the child as a throw): a path that is not an array of strings, or an argument list that is not an array of RAW/proxy wire values, gets a throw reply; 1.7.0 coerces number segments, and on a bad argument list throws inside its message listener (an uncaught error in the host page) and never answers.',
    normalize: hardening('malformed'),
  },
  {
    id: 'APPLY on a non-function: our own TypeError text',
    reason: "1.7.0's text names a local variable of Comlink's build ('rawValue.apply is not a function'); ours answers a TypeError of its own.",
    normalize(step, ours, upstream) {
      if (step.hard === 'notfn' && oursRefused(ours) && ours.result.error.name === 'TypeError') adopt(ours, upstream);
    },
  },
  {
    id: 'a request without an id is ignored',
    reason: 'A reply whose id is undefined reaches no Comlink child (wrap matches on the id); 1.7.0 still posts it, ours stays silent.',
    normalize(step, ours, upstream) {
      if (step.hard === 'noid' && silent(ours) && upstream.wire.every((w) => w.msg?.id?.unknown?.$undefined)) upstream.wire = [];
    },
  },
  {
    id: 'no uncaught errors in the host page',
    reason:
      'SPEC §11: every failure goes back to the child as a throw, and callback failures are swallowed; 1.7.0 leaves unhandled rejections (a callback that throws: its Remote call is never awaited) and uncaught TypeErrors (malformed argument lists) in the host page.',
    normalize(step, ours, upstream) {
      if (ours.hostErrors?.length === 0 && upstream.hostErrors?.length) upstream.hostErrors = [];
    },
  },
  {
    id: 'the session end tears down subscriptions and ports',
    reason:
      "SPEC §11/§12: when the session ends, the bridge removes every wallet listener it added and closes every port it handed out; 1.7.0's destroy() only detaches its window listener, so subscriptions keep firing into the old ports and ENDPOINT ports keep serving the (emptied) API.",
    normalize(step, ours, upstream) {
      if (step.ends) {
        const teardown = (c) => ['removeListener', 'off', 'unlisten'].includes(c.method);
        if (ours.walletCalls.every(teardown) && upstream.walletCalls.filter((c) => !teardown(c)).length === 0) upstream.walletCalls = ours.walletCalls;
      }
      if (step.afterEnd && silent(ours) && ours.walletCalls.length === 0) adopt(ours, upstream);
    },
  },
  {
    id: "a superseded session's bridge ends",
    reason:
      'SPEC §5.5: opening a session ends the open one (its onExit fires), bridge included; 3.13 does not destroy the old BridgeParent on a second openLink, so two bridges answer the reopened child (each request gets two replies).',
    normalize(step, ours, upstream, index, all) {
      if (step.reopen && same(ours.sdk, ['onExit']) && upstream.sdk.length === 0) upstream.sdk = ours.sdk;
      if (!all.some((s) => s.step.reopen && s.step !== step && all.indexOf(s) < index)) return;
      // After the reopen 1.7.0 does everything twice: two replies per request, two calls per wallet call.
      const halves = (list) => {
        const once = list.filter((x, i) => i % 2 === 0);
        return list.length % 2 === 0 &&
          same(
            once,
            list.filter((x, i) => i % 2 === 1),
          )
          ? once
          : null;
      };
      const wire = Array.isArray(upstream.wire) ? halves(upstream.wire) : null;
      const calls = upstream.walletCalls.length ? halves(upstream.walletCalls) : [];
      if (wire && calls && same(wire, ours.wire) && same(calls, ours.walletCalls)) Object.assign(upstream, { wire, walletCalls: calls });
    },
  },
];

// --- comparing -------------------------------------------------------------------------------

function checkUpstream(name, run) {
  for (const [i, { step, result }] of run.steps.entries()) {
    const where = `"${name}" step ${i} (${step.op ?? step.do} ${JSON.stringify(step.path ?? '')})`;
    assert.notEqual(result?.error?.name, 'Harness', `${where}: ${result?.error?.message}`);
    if (step.noReply) assert.deepEqual(result, { timeout: true }, `${where}: 1.7.0 was expected not to answer`);
    else assert.ok(!result?.timeout && !result?.detached, `${where}: 1.7.0 did not answer`);
    if (step.want) assert.deepEqual(result, Object.fromEntries(Object.entries(step.want).map(([k, v]) => [k, typeof v === 'function' ? v(servers) : v])), where);
  }
  assert.deepEqual(run.end.requests, [], `"${name}": requests left the page`);
}

// Not compared: the script's own step, the child's unhandled rejections (a
// consequence of the replies, which are), the wallets' listener counts at the
// end (1.7.0's Solana adapters subscribe at discovery and never unsubscribe).
const comparable = (run) => [run.opened, ...run.steps.map(({ step, childErrors, ...rest }) => rest), { ...run.end, listeners: undefined }];

/** Keeps the raw traces for review: test-artifacts/bridge-differential/<script>.json. */
function save(name, runs) {
  mkdirSync(SAVE, { recursive: true });
  writeFileSync(join(SAVE, `${name.replace(/[^\w.-]+/g, '_')}.json`), JSON.stringify(runs, null, 1));
}

function compare(name, ours, upstream) {
  save(name, { ours, upstream });
  const used = new Set();
  const pairs = [[{ do: 'open' }, ours.opened, upstream.opened], ...ours.steps.map((s, i) => [s.step, s, upstream.steps[i]]), [{ do: 'end' }, ours.end, upstream.end]];
  const all = ours.steps;
  for (const [i, [step, o, u]] of pairs.entries()) {
    if (!u) continue;
    for (const d of DIVERGENCES) {
      const before = JSON.stringify([o, u]);
      d.normalize(step, o, u, i - 1, all); // i - 1: the index of the step in the script (-1: opening)
      if (JSON.stringify([o, u]) !== before) used.add(d.id);
    }
  }
  assert.deepStrictEqual(ours.end.hostErrors, [], 'uncaught errors in the host page (ours)');
  assert.deepStrictEqual(comparable(ours), comparable(upstream), `"${name}": traces differ beyond the listed divergences (${SAVE})`);
  return used;
}

// --- the tests -------------------------------------------------------------------------------

/** A deep copy of a run (traces are JSON; the steps' `want` functions are dropped). */
const copy = (run) => JSON.parse(JSON.stringify(run));
const run = (sdk, script, reference) => runBridgeScript(browser, servers, sdk, script, { reference });
const upstreamRuns = new Map();
const used = new Set();
const families = new Set(Object.values(SCRIPTS).map((s) => s.family));

describe('wallet bridge: the same Comlink child against 1.7.0 (in 3.13) and ours', () => {
  test(`${Object.keys(SCRIPTS).length} scripts are defined (at least 40)`, () => {
    assert.ok(Object.keys(SCRIPTS).length >= 40);
    assert.deepEqual([...families].sort(), ['bip122', 'core', 'eip6963', 'solana', 'ton', 'tron']);
  });

  for (const [name, script] of Object.entries(SCRIPTS)) {
    test(`1.7.0: ${name}`, async () => {
      const upstream = await run('mesh-upstream', script);
      upstreamRuns.set(name, upstream);
      save(name, { upstream });
      checkUpstream(name, upstream);
    });
    if (ONLY_UPSTREAM) continue;
    const todo = OURS_FAMILIES.has(script.family) ? undefined : `ours: ${script.family} not implemented yet`;
    test(`ours vs 1.7.0: ${name}`, { todo }, async (t) => {
      if (!OURS_HAS_BRIDGE) t.todo('ours: the built package has no wallet bridge yet');
      const upstream = upstreamRuns.get(name) ?? (await run('mesh-upstream', script));
      const ours = await run('ours', script, copy(upstream));
      for (const id of compare(name, ours, copy(upstream))) used.add(id);
    });
  }

  // A divergence no script needs any more is stale: drop it from the table.
  const complete = OURS_HAS_BRIDGE && [...families].every((f) => OURS_FAMILIES.has(f));
  test('every listed divergence shows up in some script', { todo: complete ? undefined : 'ours: not every family is implemented yet', skip: ONLY_UPSTREAM }, () => {
    assert.deepEqual(
      DIVERGENCES.map((d) => d.id).filter((id) => !used.has(id)),
      [],
    );
  });
});

export { DIVERGENCES, SCRIPTS };
