// front-link-wasm/testing in Node, as an app's test uses it (pkg/testing/):
// what it records, what it says when a test goes wrong, and the parts
// beside the core (the core is held to the wasm's by testing-core.test.mjs,
// the callbacks to the real package's by testing-differential.test.mjs).
// Also the CommonJS entries: the stand-in's bundles share one record with
// its ES modules, and the main entry's CommonJS entry (require()) reaches the real
// package in Node.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, mock, test } from 'node:test';
import ts from 'typescript';
import { root } from '../../../scripts/lib.mjs';

const dir = join(root, 'pkg', 'testing');
const testing = await import(join(dir, 'index.js'));
const { configure, connections, createFrontConnection, createLink, fixtures, linkToken, nextSession, reset, session } = testing;
const require = createRequire(import.meta.url);

afterEach(() => {
  reset();
  configure({ act: null });
});

/** Options that record every callback as `[name, ...args]`. */
function recorder(extra = {}) {
  const rows = [];
  const names = ['onEvent', 'onIntegrationConnected', 'onBrokerConnected', 'onTransferFinished', 'onExit'];
  return { rows, options: { ...Object.fromEntries(names.map((n) => [n, (...args) => rows.push([n, ...args])])), ...extra } };
}

/** Quiets console.error for `body`; resolves with what it printed. */
async function consoleErrors(body) {
  const printed = [];
  const error = mock.method(console, 'error', (...args) => printed.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')));
  try {
    await body();
  } finally {
    error.mock.restore();
  }
  return printed;
}

test('the app’s calls, options and sessions are recorded; session() is the one on screen', async () => {
  const { options } = recorder({ clientId: 'c' });
  const link = createLink(options);
  link.openLink(linkToken(), undefined);
  const s = await nextSession();
  assert.equal(session(), s);
  const [connection] = connections();
  assert.equal(connection.face, 'link');
  assert.equal(connection.options, options);
  assert.deepEqual(connection.calls, [{ method: 'openLink', args: [linkToken(), undefined] }]);
  assert.deepEqual(connection.sessions, [s]);
  assert.equal(s.url, 'https://web.meshconnect.com/b2b-iframe?session=test&lng=en');
  assert.equal(s.origin, 'https://web.meshconnect.com');
  link.closeLink();
  assert.equal(s.open, false);
  assert.deepEqual(
    connection.calls.map((c) => c.method),
    ['openLink', 'closeLink'],
  );
  assert.throws(session, /no Link session is open: the last session ended \(the app called closeLink\)/);
});

test('session() and nextSession() say what the app did when no session is there', async () => {
  assert.throws(session, /the app has made no connection/);
  const front = createFrontConnection(recorder().options);
  assert.throws(session, /the app has not called openLink/);
  front.openLink('aGVsbG8');
  await assert.rejects(nextSession(), /refused with onExit\("Invalid link token!"\): the link token is not a URL/);
  assert.throws(session, /the app's open was refused with onExit\("Invalid link token!"\)/);
  assert.deepEqual(connections()[0].refusals, [
    { input: 'aGVsbG8', exit: 'Invalid link token!', why: 'the link token is not a URL of the form scheme://host[:port][/path][?query][#fragment] in printable ASCII' },
  ]);
  await assert.rejects(nextSession({ timeout: 20 }), /no session opened within 20 ms/);
  // The newest open leads: a session after the refusal is what session() describes.
  front.openLink(linkToken());
  (await nextSession()).dismiss();
  assert.throws(session, /no Link session is open: the last session ended \(dismissed by the user\)$/);
  const waiting = nextSession();
  reset();
  await assert.rejects(waiting, /reset\(\) was called/);
});

test('each refusal says why: untrusted origin, embedded without an iframe, a missing host iframe', async () => {
  const untrusted = recorder({ linkOrigins: ['https://web.meshconnect.com'] });
  createLink(untrusted.options).openLink(linkToken('https://evil.example/x'));
  await assert.rejects(nextSession(), /has an origin not in the connection's linkOrigins \(https:\/\/evil.example\)/);
  assert.deepEqual(untrusted.rows, [['onExit', 'Invalid link token!']]);

  const embedded = recorder({ renderType: 'embedded' });
  createLink(embedded.options).openLink(linkToken());
  await assert.rejects(nextSession(), /renderType is "embedded" and no iframe id was given/);
  assert.deepEqual(embedded.rows, [['onExit', 'Mesh SDK: Failed to open link - renderType "embedded" requires a customIframeId']]);

  // With a page (jsdom's, in an app's tests), the host iframe must be there.
  globalThis.document = { getElementById: (id) => ({ mine: { tagName: 'IFRAME' }, other: { tagName: 'DIV' } })[id] ?? null };
  try {
    const missing = recorder({ renderType: 'embedded' });
    createLink(missing.options).openLink(linkToken(), 'other');
    await assert.rejects(nextSession(), /the page has no iframe with id "other"/);
    assert.deepEqual(missing.rows, [['onExit', 'Iframe not found!']]);
    createLink(missing.options).openLink(linkToken(), 'mine');
    const s = await nextSession();
    assert.equal(s.iframeId, 'mine');
    assert.equal(s.url, 'https://web.meshconnect.com/b2b-iframe?session=test&lng=en&rt=embedded');
    assert.throws(() => s.dismiss(), /an embedded session has no overlay to dismiss/);
  } finally {
    delete globalThis.document;
  }
});

test('embedded 3.13: closeLinkRequested posts closeRequested and waits for the Link UI', async () => {
  globalThis.document = { getElementById: (id) => (id === 'host' ? { tagName: 'IFRAME' } : null) };
  try {
    const { rows, options } = recorder({ renderType: 'embedded' });
    const link = createLink(options);
    link.openLink(linkToken(), 'host');
    const s = await nextSession();
    s.load();
    link.closeLinkRequested();
    assert.equal(s.open, true);
    assert.deepEqual(s.posted.at(-1), { type: 'closeRequested' });
    s.close({ summary: { page: 'x' } });
    assert.deepEqual(rows.at(-1), ['onExit', undefined, { page: 'x' }]);
  } finally {
    delete globalThis.document;
  }
});

test('a flow whose message the SDK would not deliver throws and sends nothing; send() records why, and warns as the package does', async () => {
  const { rows, options } = recorder();
  createFrontConnection(options).openLink(linkToken());
  const s = await nextSession();
  const before = s.delivered.length;
  assert.throws(
    () => s.connect({ payload: 'token' }),
    (error) => error instanceof TypeError && /connect\(\): the SDK does not deliver .*brokerageAccountAccessToken must carry an object as its payload, not string/.test(error.message),
  );
  assert.throws(() => s.oauth('javascript:alert(1)'), /oauthLinkOpen's link fails the URL rule/);
  assert.equal(s.delivered.length, before);
  const warned = [];
  const warn = console.warn;
  console.warn = (text) => warned.push(text);
  try {
    assert.deepEqual(s.send({ type: 'delayedAuthentication', payload: [] }), { reason: 'noPayload', why: 'delayedAuthentication must carry an object as its payload, not an array' });
    assert.deepEqual(s.send({ type: 'transferFinished' }).reason, 'noPayload');
    assert.deepEqual(s.send({ type: 'SDKinjectedWalletProviders', payload: [] }).reason, 'unknownType', "a 3.13 key, not 1.1.9's");
  } finally {
    console.warn = warn;
  }
  // Once per session and reason, in the package's words.
  assert.deepEqual(warned, [
    'front-link-wasm: a Link UI message of type "delayedAuthentication" was not delivered: its payload is not an object',
    'front-link-wasm: a Link UI message of type "SDKinjectedWalletProviders" was not delivered: this face does not know its type (nor does its upstream SDK)',
  ]);
  assert.deepEqual(s.warnings, warned);
  assert.equal(s.ignored.length, 3);
  // What the types lag is delivered as sent, by flows too.
  s.connect({ payload: { ...fixtures.front.accessToken(), brokerBrandInfo: {} } });
  assert.deepEqual(rows.at(-1)[1].accessToken.brokerBrandInfo, {});
  assert.equal(s.send({ type: 'loaded' }), undefined);
  s.close();
  assert.deepEqual(rows.at(-1), ['onExit', undefined]);
  assert.deepEqual(s.send({ type: 'loaded' }), { reason: 'ended', why: 'the session has ended' });
  assert.throws(() => s.load(), /this session has ended \(the Link UI\)/);
});

test('debug: a delivered payload that differs from its upstream type is reported once per type, naming the path and no value', async () => {
  const { rows, options } = recorder();
  createLink({ ...options, debug: true }).openLink(linkToken());
  const s = await nextSession();
  const warn = console.warn;
  console.warn = () => {};
  try {
    s.send({ type: 'transferFinished', payload: { status: 'success', symbol: 'ETH', amount: 1, txId: 'secret-tx' } });
    s.send({ type: 'transferFinished', payload: { status: 'success' } });
  } finally {
    console.warn = warn;
  }
  assert.equal(rows.filter(([name]) => name === 'onTransferFinished').length, 2, 'both delivered');
  assert.deepEqual(s.warnings, [
    'front-link-wasm (debug): a Link UI message of type "transferFinished" was delivered as sent, but differs from the upstream type: payload.fromAddress is required (a string), and is undefined',
  ]);
});

test('one session on screen: a second open ends the first (its onExit first), across connections', async () => {
  const a = recorder();
  const b = recorder();
  const order = [];
  a.options.onExit = (...args) => order.push(['a.onExit', ...args]);
  createFrontConnection(a.options).openLink(linkToken());
  const first = await nextSession();
  createLink(b.options).openLink(linkToken());
  const second = await nextSession();
  assert.deepEqual(order, [['a.onExit']]);
  assert.equal(first.open, false);
  assert.equal(session(), second);
});

test('closeLink before the stand-in has "loaded" ends the attempt with onExit() (the faces’ own code)', async () => {
  const { rows, options } = recorder();
  const link = createLink(options);
  const opening = link.openLink(linkToken());
  link.closeLink();
  await opening;
  assert.deepEqual(rows, [['onExit']]);
  assert.equal(testing.connections()[0].sessions.length, 0);
});

test('a callback that throws is reported, and the next one still runs', async () => {
  const { rows, options } = recorder();
  options.onEvent = () => {
    throw new Error('app bug');
  };
  createLink(options).openLink(linkToken());
  const s = await nextSession();
  const printed = await consoleErrors(() => s.connect());
  assert.ok(
    printed.some((line) => line === 'front-link-wasm: onEvent threw app bug'),
    printed.join('\n'),
  );
  assert.equal(rows.at(-1)[0], 'onIntegrationConnected');
});

test('loadTimeout runs on the test’s timers (fake timers drive it); timeOut() is the same now', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { rows, options } = recorder({ loadTimeout: 1000 });
    createLink(options).openLink(linkToken());
    const s = await nextSession();
    mock.timers.tick(999);
    assert.equal(s.open, true);
    mock.timers.tick(1);
    assert.equal(s.open, false);
    assert.deepEqual(rows, [['onExit', "Link UI did not load: check the network, the page's CSP frame-src, and blockers", undefined]]);
    assert.equal(s.endedBy, 'the load timeout');
  } finally {
    mock.timers.reset();
  }
  const { rows, options } = recorder();
  createFrontConnection(options).openLink(linkToken());
  (await nextSession()).load().timeOut();
  assert.equal(session().open, true, 'a loaded Link UI does not time out');
  assert.deepEqual(rows, [['onEvent', { type: 'pageLoaded' }]]);
});

test('configure({ act }) wraps each delivery; configure({ load }) makes every open fail as a wasm that cannot load', async () => {
  const acts = [];
  configure({ act: (deliver) => (acts.push('in'), deliver(), acts.push('out')) });
  const { rows, options } = recorder();
  createLink(options).openLink(linkToken());
  (await nextSession()).connect();
  assert.ok(acts.length >= 2 && acts.every((a, i) => a === (i % 2 ? 'out' : 'in')));
  configure({ act: null, load: 'this browser blocks WebAssembly' });
  const failing = recorder();
  const printed = await consoleErrors(async () => {
    createLink(failing.options).openLink(linkToken());
    await assert.rejects(nextSession(), /did not load \(configure\(\{ load \}\)\): front-link-wasm could not start: this browser blocks WebAssembly/);
  });
  assert.deepEqual(failing.rows, [['onExit', 'front-link-wasm could not start: this browser blocks WebAssembly']]);
  assert.equal(printed.filter((line) => line.startsWith('front-link-wasm')).length, 1, printed.join('\n'));
  assert.ok(rows.length > 0);
});

test('1.1.9 oauthLinkOpen opens a window, or says the browser blocked it; 3.13 ignores it', async () => {
  const { rows, options } = recorder();
  createFrontConnection(options).openLink(linkToken());
  const s = await nextSession();
  s.oauth('https://oauth.example/a').oauth('https://oauth.example/b', { blocked: true });
  assert.deepEqual(s.windows, ['https://oauth.example/a', 'https://oauth.example/b']);
  assert.deepEqual(rows.at(-1), ['onEvent', { type: 'popupBlocked', payload: { url: 'https://oauth.example/b' } }]);
  createLink(recorder().options).openLink(linkToken());
  await assert.rejects(async () => (await nextSession()).oauth(), /"oauthLinkOpen" is not a message type the 3.13 face acts on/);
});

test('the stand-in’s UTF-8 is TextEncoder’s and (strict) TextDecoder’s', async () => {
  const { decode, encode } = await import(join(dir, 'utf8.js'));
  const strict = new TextDecoder('utf-8', { fatal: true });
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 20000; i++) {
    const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.5 ? 0x80 + Math.floor(random() * 0x80) : Math.floor(random() * 256)));
    let expected;
    try {
      expected = strict.decode(bytes);
    } catch {
      expected = undefined;
    }
    assert.equal(decode(bytes), expected, [...bytes].join(','));
  }
  for (const text of ['', 'ascii', 'é', '€', '😀', 'a\uD800b', 'mixed ü € 😀']) assert.deepEqual(encode(text), [...new TextEncoder().encode(text)], text);
});

test('the fixtures fit the schema; the 1.1.9 ones use only 1.1.9’s field names', async () => {
  const { conforms } = await import(join(dir, 'js_data.js'));
  const { PAYLOAD } = await import(join(dir, 'payloads.js'));
  const shapes = {
    accessToken: 'AccessTokenPayload',
    delayedAuth: 'DelayedAuthPayload',
    transferPreviewed: 'TransferPreviewedPayload',
    transferSuccess: 'TransferFinishedPayload',
    transferError: 'TransferFinishedPayload',
    summary: 'SessionSummary',
  };
  for (const face of ['front', 'link']) {
    for (const [name, shape] of Object.entries(shapes)) assert.ok(conforms(PAYLOAD[shape], fixtures[face][name]()), `${face}.${name}`);
  }
  // Every property name 1.1.9's declarations (front.d.ts) know.
  const source = ts.createSourceFile('front.d.ts', readFileSync(join(root, 'pkg-template', 'front.d.ts'), 'utf8'), ts.ScriptTarget.ES2022);
  const known = new Set();
  const visit = (node) => {
    if (ts.isPropertySignature(node) && node.name && ts.isIdentifier(node.name)) known.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const names = (value) => (value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [...(Array.isArray(value) ? [] : [k]), ...names(v)]) : []);
  for (const name of Object.keys(shapes).filter((n) => n !== 'summary')) {
    const unknown = names(fixtures.front[name]()).filter((k) => !known.has(k));
    assert.deepEqual(unknown, [], `fixtures.front.${name}`);
  }
  assert.ok(names(fixtures.link.accessToken()).includes('tokenId'), '3.13 fields in the 3.13 fixtures');
});

test('the stand-in needs no wasm, network or DOM, and only its react entry imports React', () => {
  for (const file of readdirSync(dir).filter((f) => /\.(js|cjs)$/.test(f))) {
    const code = readFileSync(join(dir, file), 'utf8');
    assert.doesNotMatch(code, /\bWebAssembly\b|\bfetch\(|import\.meta|front_link_wasm/, file);
    if (!/^react\./.test(file)) assert.doesNotMatch(code, /from ['"]react['"]|require\(['"]react['"]\)/, file);
  }
  // The package's own faces and hooks, unchanged.
  assert.equal(readFileSync(join(dir, 'faces.js'), 'utf8'), readFileSync(join(root, 'pkg-template', 'index.js'), 'utf8'));
  assert.equal(readFileSync(join(dir, 'react.js'), 'utf8'), readFileSync(join(root, 'pkg-template', 'react.js'), 'utf8'));
});

test('the CommonJS bundles share the test’s record with the ES modules', async () => {
  const cjs = require(join(dir, 'index.cjs'));
  const front = require(join(dir, 'front.cjs'));
  const { rows, options } = recorder();
  cjs.createLink(options).openLink(cjs.linkToken());
  const s = await nextSession();
  assert.equal(front.session(), s);
  assert.equal(cjs.connections().length, 1);
  s.connect();
  assert.equal(rows.at(-1)[0], 'onIntegrationConnected');
});

test('require() of the real package in Node reaches the ES module package, whose open ends in onExit naming front-link-wasm/testing', async () => {
  const real = require(join(root, 'pkg', 'index.cjs'));
  assert.equal(real.isLinkEventTypeKey('close'), true);
  assert.equal(require(join(root, 'pkg', 'front.cjs')).isFrontEventTypeKey('close'), false);
  let exit;
  const printed = await consoleErrors(
    () =>
      new Promise((resolve) => {
        real.createLink({ onExit: (...args) => resolve((exit = args)) }).openLink(linkToken());
      }),
  );
  assert.equal(exit.length, 1);
  assert.match(
    exit[0],
    /^front-link-wasm could not start: this page runs in Node\.js .*front-link-wasm\/testing; map it in the test runner's config: Vitest, resolve: .*; Jest, moduleNameMapper: .*'front-link-wasm\/testing\$1' }$/,
  );
  // (Node's own warnings go to console.error too.)
  assert.equal(printed.filter((line) => line.startsWith('front-link-wasm')).length, 1, printed.join('\n'));
});

test('testing/index.d.ts documents every export and every member', () => {
  const file = join(root, 'pkg-template', 'testing', 'index.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const documented = (node) => ts.getJSDocCommentsAndTags(node).length > 0;
  const missing = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
    const name = statement.name?.text ?? statement.declarationList?.declarations[0].name.text;
    if (!documented(statement)) missing.push(name);
    if (ts.isInterfaceDeclaration(statement)) for (const member of statement.members) if (!documented(member)) missing.push(`${name}.${member.name.text}`);
  }
  assert.deepEqual(missing, []);
});

test('the "wasm" loads as the real one does: a moment later, or when the test says (configure({ load: "pending" }), settleLoad()), for every open', async () => {
  const { loadStatus } = await import(join(dir, 'loader.js'));
  const { options, rows } = recorder();
  configure({ load: 'pending' });
  const link = createLink(options);
  assert.equal(loadStatus().ready, false, 'not ready when the connection is made');
  link.openLink(linkToken());
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(loadStatus().ready, false, 'held');
  assert.throws(() => session(), /no Link session is open/);
  testing.settleLoad();
  const s = await nextSession();
  assert.equal(loadStatus().ready, true);
  s.dismiss();
  // Already loaded, then a load that fails: the next open of the same connection hears it.
  configure({ load: 'the network is down' });
  link.openLink(linkToken());
  await assert.rejects(nextSession(), /the network is down/);
  assert.deepEqual(rows.at(-1), ['onExit', 'front-link-wasm could not start: the network is down']);
  assert.equal(loadStatus().error.message, 'front-link-wasm could not start: the network is down');
  // And back: a moment later, not at once.
  configure({ load: 'ready' });
  link.openLink(linkToken());
  assert.equal(loadStatus().ready, false);
  (await nextSession()).dismiss();
  // A pending load that fails.
  configure({ load: 'pending' });
  link.openLink(linkToken());
  testing.settleLoad(new Error('blocked by the CSP'));
  await assert.rejects(nextSession(), /blocked by the CSP/);
});

test('reset() says what it ended; with configure({ strict: true }) it fails a test that left a session open, an open never answered, or a message the real package warns about', async () => {
  const { options } = recorder();
  createLink(options).openLink(linkToken());
  await nextSession();
  assert.deepEqual(reset(), ['the createLink session of link token aHR0cHM6Ly93…, still open']);
  assert.deepEqual(reset(), [], 'nothing left');
  configure({ strict: true });
  try {
    // A clean test passes.
    createLink(options).openLink(linkToken());
    (await nextSession()).connect().done();
    assert.deepEqual(reset(), []);
    // A session left open.
    createLink(options).openLink(linkToken());
    await nextSession();
    assert.throws(() => reset(), /strict.*session of link token .* was still open: end it/);
    assert.equal(connections().length, 0, 'reset all the same');
    // An open never answered.
    configure({ load: 'pending' });
    createLink(options).openLink(linkToken());
    await new Promise((r) => setTimeout(r, 10));
    assert.throws(() => reset(), /an open was never answered: the "wasm" was still loading/);
    // A message the real package would not deliver, and says so.
    createLink(options).openLink(linkToken());
    const s = await nextSession();
    await consoleWarnings(() => s.send({ type: 'transferFinished', payload: 'not an object' }));
    s.dismiss();
    assert.throws(() => reset(), /the Link UI sent 1 message\(s\) the real package does not deliver and warns about \(front-link-wasm: /);
  } finally {
    configure({ strict: false });
  }
});

/** Quiets console.warn for `body`. */
async function consoleWarnings(body) {
  const warn = mock.method(console, 'warn', () => {});
  try {
    await body();
  } finally {
    warn.mock.restore();
  }
}

test('the real package in Node names the exact alias lines, and the kit says when the real package answered instead of it', async () => {
  const { ALIAS: alias } = await import(join(root, 'pkg', 'alias.js'));
  // Declared once: no file of the package spells the lines out again.
  const spelled = readdirSync(join(root, 'pkg'), { recursive: true })
    .filter((file) => /\.c?js$/.test(file) && !/^(testing\/)?alias\.c?js$|^testing\/.*\.cjs$/.test(file))
    .filter((file) => readFileSync(join(root, 'pkg', file), 'utf8').includes('moduleNameMapper'));
  assert.deepEqual(spelled, []);
  // The lines are the example app's own configs, which run in Vitest and Jest.
  const example = (file) => readFileSync(join(root, 'examples', 'react-testing', file), 'utf8');
  assert.ok(example('vitest.config.js').includes("alias: [{ find: /^front-link-wasm(\\/front|\\/react)?$/, replacement: 'front-link-wasm/testing$1' }]"));
  assert.ok(alias.includes("alias: [{ find: /^front-link-wasm(\\/front|\\/react)?$/, replacement: 'front-link-wasm/testing$1' }]"));
  assert.ok(example('jest.config.cjs').includes("moduleNameMapper: { '^front-link-wasm(/front|/react)?$': 'front-link-wasm/testing$1' }"));
  assert.ok(alias.includes("moduleNameMapper: { '^front-link-wasm(/front|/react)?$': 'front-link-wasm/testing$1' }"));
  // The real package, as a test that forgot the alias reaches it.
  const real = await import(join(root, 'pkg', 'index.js'));
  const exits = [];
  await consoleErrors(() => real.createLink({ onIntegrationConnected() {}, onExit: (...args) => exits.push(args) }).openLink(linkToken()));
  assert.ok(exits[0][0].endsWith(alias), exits[0][0]);
  await assert.rejects(nextSession({ timeout: 50 }), (error) => error.message.includes('the app reached the real front-link-wasm (it answered "could not start"), not this stand-in: ' + alias));
  reset();
  await assert.rejects(nextSession({ timeout: 50 }), /the app has made no connection/, 'reset() forgets it');
});
