// Hostile-input battery of OUR wallet bridge (SPEC §11): a Link UI
// (or something pretending to be one) sends what Comlink's own `expose`
// would obey and 1.7.0 does obey. Each case runs a scripted session on the
// built package (createLink, and some through createFrontConnection with
// `walletBridge: true`) with the fake wallets of tests/pages/wallets.js and
// the real comlink child (tests/pages/bridge-child.js), then checks: the
// request was refused with a `throw` reply (or ignored, for strangers), no
// wallet heard of it, Object/Array/Function.prototype are untouched, no
// child code ran in the host, the host page has no uncaught error, and the
// SDK still works (a Link event reaches onEvent; the bridge still answers,
// or, after the session ended, a new session's bridge does).
// What 1.7.0 does with the same input is in bridge-differential.test.mjs.
// Every case is todo while the built package has no bridge at all.
// BRIDGE_HOSTILE_SDK=mesh-upstream points the battery at 3.13's bridge
// (1.7.0) instead, to see what it catches there (most cases fail).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, launch, startServers } from '../support/harness.mjs';
import { bundleComlink, bundleMeshUpstream } from '../support/upstreams.mjs';
import { OURS_HAS_BRIDGE, TX, UNDEFINED, apply, awaitCall, cb, cbThrow, child, construct, get, host, poll, raw, runBridgeScript, start } from '../support/bridge-runner.mjs';

const SDK = process.env.BRIDGE_HOSTILE_SDK ?? 'ours';
let servers;
let browser;
before(async () => {
  await Promise.all([bundleComlink(), SDK === 'mesh-upstream' ? bundleMeshUpstream() : null]);
  servers = await startServers();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const E = 'eip6963Wallets';
const RAW = (value) => ({ type: 'RAW', value });
const linkEvent = fixtures.inbound.integrationSelected;
const ready = poll('eip6963WalletsReady');
const stillAnswers = get('parentOrigin', { check: 'origin' });
const linkStillWorks = child('post', { messages: [linkEvent], check: 'onEvent' });

// Paths into JavaScript's machinery, never the API's data.
const PROTO_PATHS = [
  ['__proto__'],
  ['__proto__', 'polluted'],
  ['constructor'],
  ['constructor', 'prototype', 'polluted'],
  [E, '__proto__', 'polluted'],
  ['parentOrigin', 'constructor', 'constructor'],
  ['discoverTronWallets', 'prototype'],
  ['discoverTronWallets', 'constructor'],
  [E, '0', 'provider', '__proto__', 'request'],
  [E, '0', 'provider', 'constructor'],
  [E, '0', 'provider', 'request', 'call'],
  [E, '0', 'provider', 'request', 'apply'],
  [E, '0', 'provider', 'request', 'bind'],
  ['toString'],
  ['hasOwnProperty'],
  ['valueOf'],
  ['__defineGetter__'],
  ['__lookupGetter__'],
  [E, 'map'],
  [E, '0', 'hasOwnProperty'],
];
let n = 0;
const id = () => `h${++n}`;
const request = (type, path, extra = {}) => ({ id: id(), type, path, ...extra });
/** A raw request that must be refused with a throw reply. */
const refuse = (msg) => raw(msg, { check: 'refused', timeout: 1500 });
/** A raw message that must get no reply at all (and change nothing). */
const ignore = (msg) => raw(msg, { check: 'silent', noWait: true, wait: 300 });

/**
 * The cases: steps (bridge-runner's), `ends` when the session is over by the
 * end (then a new session must work), `wallets`, and `family` for the parts
 * of the bridge not implemented yet (todo).
 */
const CASES = {
  // --- senders ---------------------------------------------------------------------
  ...Object.fromEntries(
    [
      ['a Link stand-in on another origin', 'attacker'],
      ['a second frame of the Link origin', 'twin'],
      ['a sandboxed frame ("null" origin)', 'sandboxed'],
    ].map(([name, from]) => [
      `senders: requests from ${name}`,
      {
        steps: [
          ready,
          host('foreign', {
            from,
            check: 'nothing',
            messages: [
              request('APPLY', [E, '0', 'provider', 'request'], { argumentList: [RAW({ method: 'eth_requestAccounts' })] }),
              request('SET', ['parentOrigin'], { value: RAW('https://evil.example') }),
              request('SET', ['__proto__', 'polluted'], { value: RAW('yes') }),
              request('APPLY', ['subscribeEip6963ProviderEvent'], { argumentList: [RAW('fake-uuid-1'), RAW('accountsChanged'), RAW(null)] }),
              { id: id(), type: 'RELEASE' },
            ],
          }),
          get('parentOrigin', { check: 'origin' }),
          apply(`${E}.0.provider.request`, [{ method: 'eth_chainId' }], { check: { result: '0x1' } }),
        ],
      },
    ]),
  ),
  'senders: the host page posting Comlink requests to itself': {
    steps: [
      ready,
      host('hostPost', {
        check: 'nothing',
        messages: [
          request('APPLY', [E, '0', 'provider', 'request'], { argumentList: [RAW({ method: 'eth_requestAccounts' })] }),
          request('SET', ['__proto__', 'polluted'], { value: RAW('yes') }),
          { id: id(), type: 'RELEASE' },
        ],
      }),
      stillAnswers,
    ],
  },

  // --- paths -------------------------------------------------------------------------
  'paths: GET through __proto__, constructor, prototype and inherited members': {
    steps: [ready, ...PROTO_PATHS.map((p) => refuse(request('GET', p)))],
  },
  'paths: SET through __proto__, constructor, prototype and inherited members': {
    steps: [ready, ...PROTO_PATHS.map((p) => refuse(request('SET', p, { value: RAW('polluted') }))), apply(`${E}.0.provider.request`, [{ method: 'eth_chainId' }], { check: { result: '0x1' } })],
  },
  'paths: APPLY through __proto__, constructor, prototype and inherited members': {
    steps: [ready, ...PROTO_PATHS.map((p) => refuse(request('APPLY', p, { argumentList: [RAW('window.executed = 1')] })))],
  },
  'CONSTRUCT of anything': {
    steps: [
      ready,
      ...[[], ['discoverTronWallets'], ['discoverTronWallets', 'constructor'], [E, '0', 'provider', 'request'], [E, '0', 'provider', 'constructor'], ['subscribeEip6963ProviderEvent']].map((p) =>
        refuse(request('CONSTRUCT', p, { argumentList: [RAW('window.executed = 1')] })),
      ),
      construct('discoverTronWallets.constructor', ['window.executed = 1'], { check: 'error' }),
    ],
  },
  'paths that are not arrays': {
    steps: [
      ...['parentOrigin', { 0: 'parentOrigin', length: 1 }, null, 42, true, {}].map((path) => refuse(request('GET', path))),
      refuse(request('APPLY', 'discoverTronWallets', { argumentList: [] })),
      refuse(request('SET', 'parentOrigin', { value: RAW('x') })),
    ],
  },
  'huge paths and segments': {
    steps: [
      refuse(request('GET', Array(10000).fill('a'))),
      refuse(request('GET', ['a'.repeat(100000)])),
      refuse(request('GET', [E, '0', ...Array(64).fill('provider')])),
      refuse(request('SET', Array(5000).fill('__proto__'), { value: RAW(1) })),
    ],
  },
  'path segments that are not strings': {
    steps: [...[[0], [null], [{}], [['parentOrigin']], [true], ['parentOrigin', 0], [E, 0, 'uuid']].map((path) => refuse(request('GET', path)))],
  },
  'APPLY on a non-function': {
    steps: [ready, ...[['parentOrigin'], ['eip6963WalletsReady'], [E, 'length'], [E, '0', 'uuid'], [E, '0', 'provider']].map((p) => refuse(request('APPLY', p, { argumentList: [] })))],
  },
  "SET outside the API's own data fields": {
    steps: [
      ready,
      ...[['newField'], ['discoverTronWallets'], ['subscribeEip6963ProviderEvent'], [E, '0', 'name'], [E, 'length'], [E, '0', 'provider', 'request'], [], ['parentOrigin', 'length']].map((p) =>
        refuse(request('SET', p, { value: RAW(1) })),
      ),
      get(`${E}.0.name`, { check: { result: 'Fake Wallet' } }),
      get(`${E}.length`, { check: { result: 2 } }),
      apply(`${E}.0.provider.request`, [{ method: 'eth_chainId' }], { check: { result: '0x1' } }),
    ],
  },
  'malformed argument lists and wire values': {
    steps: [
      ready,
      refuse(request('APPLY', ['discoverTronWallets'], { argumentList: 'x' })),
      refuse(request('APPLY', ['discoverTronWallets'], { argumentList: {} })),
      refuse(request('APPLY', ['discoverTronWallets'], { argumentList: [{ type: 'HANDLER', name: 'nope', value: 1 }] })),
      refuse(request('APPLY', ['discoverTronWallets'], { argumentList: [{ type: 'HANDLER', name: 'proxy', value: 'not a port' }] })),
      refuse(request('APPLY', ['discoverTronWallets'], { argumentList: [{ type: 'HANDLER', name: 'throw', value: { isError: false, value: 1 } }] })),
      refuse(request('APPLY', [E, '0', 'provider', 'request'], { argumentList: Array(1000).fill(RAW({ method: 'eth_chainId' })) })),
      refuse(request('SET', ['parentOrigin'], { value: { type: 'HANDLER', name: 'throw', value: { isError: false, value: 1 } } })),
      refuse(request('SET', ['parentOrigin'], { value: 'not a wire value' })),
      stillAnswers,
    ],
  },
  'messages of odd shapes': {
    steps: [
      ready,
      ...[null, 'GET', [1, 2], 42, { type: 'GET' }, { id: null, type: 'GET', path: ['parentOrigin'] }, { id: 'x' }, { id: 'y', type: 'nope', path: ['__proto__'] }].map(ignore),
      raw({ id: { an: 'object' }, type: 'GET', path: ['parentOrigin'] }, { noWait: true, wait: 300 }),
      stillAnswers,
    ],
  },
  'fifty requests at once': {
    steps: [
      ready,
      ...Array.from({ length: 50 }, (_, i) => start(`r${i}`, { op: 'get', path: ['parentOrigin'], timeout: 3000 })),
      ...Array.from({ length: 50 }, (_, i) => awaitCall(`r${i}`, { check: 'origin' })),
    ],
  },

  // --- lifetimes ------------------------------------------------------------------------
  'port messages after the session ended': {
    ends: true,
    steps: [
      ready,
      { ...apply('subscribeEip6963ProviderEvent', ['fake-uuid-1', 'accountsChanged', cb('accounts')]), as: 'off', check: { result: '[function]' } },
      child('endpoint', { as: 'port' }),
      child('wrap', { port: 'port', as: 'api2' }),
      get('parentOrigin', { from: 'api2', check: 'origin' }),
      host('closeLink', { check: 'teardown' }),
      apply('', [], { from: 'off', timeout: 700, check: 'timeout' }),
      get('parentOrigin', { from: 'api2', timeout: 700, check: 'timeout' }),
      apply(`${E}.0.provider.request`, [{ method: 'eth_chainId' }], { from: 'api2', timeout: 700, check: 'timeout' }),
      host('emit', { wallet: 'eip6963:fake', event: 'accountsChanged', args: [['0x2']], expect: 0, check: 'nothing' }),
    ],
  },
  'a wallet that never answers: the session still ends cleanly': {
    ends: true,
    steps: [
      ready,
      start('pending', { op: 'apply', path: [E, '0', 'provider', 'request'], args: [{ method: 'hang' }], timeout: 1500 }),
      child('sleep', { ms: 100 }),
      host('closeLink', { check: 'onExit' }),
      awaitCall('pending', { check: 'timeout' }),
    ],
  },
  'the Link UI closes the session while a request hangs': {
    ends: true,
    steps: [
      ready,
      start('pending', { op: 'apply', path: [E, '0', 'provider', 'request'], args: [{ method: 'hang' }], timeout: 1500 }),
      child('sleep', { ms: 100 }),
      child('post', { messages: [{ type: 'close' }], check: 'onExit' }),
      awaitCall('pending', { check: 'timeout' }),
    ],
  },
  'a callback that throws, a teardown called twice': {
    steps: [
      ready,
      { ...apply('subscribeEip6963ProviderEvent', ['fake-uuid-1', 'accountsChanged', cbThrow('throws')]), as: 'off' },
      host('emit', { wallet: 'eip6963:fake', event: 'accountsChanged', args: [['0x2']], expect: 1 }),
      host('sleep', { ms: 150 }),
      apply('', [], { from: 'off', check: { result: UNDEFINED } }),
      apply('', [], { from: 'off', check: { result: UNDEFINED } }),
      stillAnswers,
    ],
  },
  'RELEASE on the window: the bridge stops, the SDK does not': {
    ends: false,
    steps: [ready, child('release'), child('rewrap'), get('parentOrigin', { timeout: 700, check: 'timeout' }), linkStillWorks],
    released: true,
  },

  // --- window-path lookups (families not implemented yet) --------------------------------
  'discoverTronWallets with window paths that are not wallets': {
    family: 'tron',
    wallets: 'eip6963,tron',
    steps: [
      apply('discoverTronWallets', [['tronLink']]),
      get('tronWallets.length', { check: { result: 1 } }),
      apply('discoverTronWallets', [['__proto__', 'constructor.constructor', 'document', 'location', 'eip6963Requests', 'walletControl']]),
      get('tronWallets.length', { check: { result: 0 } }),
      refuse(request('APPLY', ['subscribeTronProviderEvent'], { argumentList: [RAW('constructor.constructor'), RAW('accountsChanged'), RAW(null)] })),
    ],
  },
  'discoverTonWallets with window keys that are not wallets': {
    family: 'ton',
    wallets: 'eip6963,ton',
    steps: [
      apply('discoverTonWallets', [['fakeTon']]),
      get('tonWallets.length', { check: { result: 1 } }),
      apply('discoverTonWallets', [['__proto__', 'constructor', 'document', 'location', 'walletControl']]),
      get('tonWallets.length', { check: { result: 0 } }),
    ],
  },
  'sendSerializedTransaction to the host origin or over plain http; 2 MiB of bytes': {
    family: 'solana',
    wallets: 'eip6963,solana-signonly',
    steps: [
      get('walletStandardWallets.length', { check: { result: 1 } }),
      apply('walletStandardWallets.0.adapter.connect'),
      apply('walletStandardWallets.0.adapter.sendSerializedTransaction', [{ $bytes: TX }, 'HOST/steal'], { check: 'unsigned' }),
      apply('walletStandardWallets.0.adapter.sendSerializedTransaction', [{ $bytes: TX }, 'http://rpc.invalid/'], { check: 'unsigned' }),
      apply('walletStandardWallets.0.adapter.signSolanaTransactionBytes', [2 ** 21], { check: 'unsigned' }),
    ],
  },
};

// --- checks ---------------------------------------------------------------------------------

const isThrow = (w) => w.msg?.type === 'HANDLER' && w.msg.name === 'throw';

function checkStep(entry, where, { overlay }) {
  const { step, result } = entry;
  assert.deepEqual(entry.hostErrors, [], `${where}: uncaught errors in the host page`);
  assert.notEqual(result?.error?.name, 'Harness', `${where}: ${result?.error?.message}`);
  const check = step.check;
  if (check === undefined) return assert.ok(!result?.timeout, `${where}: no answer`);
  if (check === 'refused') {
    assert.ok(result?.error, `${where}: not refused: ${JSON.stringify(result)}`);
    assert.equal(entry.wire.length, 1, `${where}: one reply expected, got ${JSON.stringify(entry.wire)}`);
    assert.ok(isThrow(entry.wire[0]), `${where}: the reply is not a throw`);
    assert.deepEqual(entry.walletCalls, [], `${where}: a wallet was called`);
  } else if (check === 'silent') {
    assert.deepEqual(entry.wire, [], `${where}: the child got a reply`);
    assert.deepEqual(entry.walletCalls, [], `${where}: a wallet was called`);
  } else if (check === 'nothing') {
    assert.deepEqual(entry.wire, [], `${where}: the session's child got something`);
    assert.deepEqual(entry.callbacks, [], `${where}: a callback was called`);
    assert.deepEqual(entry.walletCalls, [], `${where}: a wallet was called`);
  } else if (check === 'timeout') {
    // In an overlay the child goes with the session: nothing can reach it.
    assert.deepEqual(result, overlay && result?.detached ? { detached: true } : { timeout: true }, `${where}: answered`);
    assert.deepEqual(entry.walletCalls, [], `${where}: a wallet was called`);
  } else if (check === 'error') {
    assert.ok(result?.error || result?.thrown, `${where}: no error: ${JSON.stringify(result)}`);
  } else if (check === 'unsigned') {
    // Refused before the wallet is asked to sign anything it would not send.
    assert.ok(result?.error, `${where}: no error: ${JSON.stringify(result)}`);
    assert.deepEqual(entry.walletCalls, [], `${where}: a wallet was called`);
  } else if (check === 'origin') {
    assert.deepEqual(result, { result: servers.host }, where);
  } else if (check === 'onEvent') {
    assert.deepEqual(entry.sdk, [step.messages[0].type === 'close' ? 'onExit' : 'onEvent'], `${where}: the SDK did not hear the Link UI`);
  } else if (check === 'onExit') {
    assert.deepEqual(entry.sdk, ['onExit'], `${where}: onExit`);
  } else if (check === 'teardown') {
    // The session's end removes the bridge's wallet listeners, and calls nothing else.
    assert.ok(
      entry.walletCalls.every((c) => c.method === 'removeListener' || c.method === 'off' || c.method === 'unlisten'),
      `${where}: ${JSON.stringify(entry.walletCalls)}`,
    );
  } else assert.deepEqual(result, check, where);
}

async function runCase(name, c, api) {
  const script = { wallets: c.wallets ?? 'eip6963', overlay: api === 'createFrontConnection', api, steps: [...c.steps] };
  // Afterwards the SDK still works: a Link event reaches onEvent and the bridge
  // answers (after the session ended: in a new session).
  if (c.ends) script.steps.push(host('reopen'), ready, stillAnswers, apply(`${E}.0.provider.request`, [{ method: 'eth_chainId' }], { check: { result: '0x1' } }));
  else if (!c.released) script.steps.push(stillAnswers, linkStillWorks);
  const run = await runBridgeScript(browser, servers, SDK, script, { api });
  for (const [i, entry] of run.steps.entries()) checkStep(entry, `"${name}" step ${i} (${entry.step.op ?? entry.step.do} ${JSON.stringify(entry.step.path ?? entry.step.msg?.path ?? '')})`, script);
  assert.deepEqual(run.end.hostErrors, [], 'uncaught errors in the host page');
  assert.deepEqual(run.end.pollution, [], 'Object/Array/Function.prototype were touched');
  assert.equal(run.end.executed, null, 'child code ran in the host page');
  assert.deepEqual(run.end.requests, [], 'requests left the page');
  assert.deepEqual(run.end.stolen, [], 'the page requested a path of its own origin for the child');
  if (c.ends) {
    // Everything the ended session's bridge held is gone (the new one holds nothing yet).
    assert.ok(
      Object.values(run.end.listeners).every((k) => k === 0),
      `wallet listeners left: ${JSON.stringify(run.end.listeners)}`,
    );
  }
  return run;
}

/** The chain families our bridge serves so far (as in bridge-differential.test.mjs). */
const OURS_FAMILIES = new Set(['solana', 'tron', 'ton']);

const SOLANA_HOST = (c) => ({
  ...c,
  steps: c.steps.map((s) => (s.args ? { ...s, args: s.args.map((a) => (typeof a === 'string' && a.startsWith('HOST') ? a.replace('HOST', servers.host) : a)) } : s)),
});

for (const api of SDK === 'ours' ? ['createLink', 'createFrontConnection'] : ['createLink']) {
  describe(`our wallet bridge, hostile input (${api}${api === 'createFrontConnection' ? ' with walletBridge: true' : ''})`, () => {
    for (const [name, c] of Object.entries(CASES)) {
      // The front face (overlay: the child goes with it at the end): the
      // senders, the prototype paths and a session end are enough.
      if (api === 'createFrontConnection' && !/^senders|^paths: SET|^a wallet that never answers/.test(name)) continue;
      const todo = c.family && !OURS_FAMILIES.has(c.family) ? `ours: ${c.family} not implemented yet` : undefined;
      test(name, { todo }, async (t) => {
        if (!OURS_HAS_BRIDGE) t.todo('ours: the built package has no wallet bridge yet');
        await runCase(name, name.startsWith('sendSerialized') ? SOLANA_HOST(c) : c, api);
      });
    }
  });
}

export { CASES };
