// The npm package as a whole (SPEC §2, §7): ESM entry, no DOM at import,
// the upstream type names and shapes (tsc), one list of event keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtures, root } from '../support/harness.mjs';

const pkg = join(root, 'pkg');
const read = (file) => readFileSync(join(pkg, file), 'utf8');

test('imports in Node without a DOM; both create functions are synchronous and touch no browser global', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  const sdk = await import(join(pkg, 'index.js'));
  assert.deepEqual(Object.keys(sdk).sort(), ['createFrontConnection', 'createLink', 'isFrontEventTypeKey', 'isLinkEventTypeKey']);
  const front = sdk.createFrontConnection({ clientId: 'x', onBrokerConnected() {} });
  assert.deepEqual(Object.keys(front).sort(), ['closeLink', 'closePopup', 'openLink', 'openPopup']);
  front.closeLink();
  const exits = [];
  const link = sdk.createLink({ onIntegrationConnected() {}, onExit: (...args) => exits.push(args) });
  assert.deepEqual(Object.keys(link).sort(), ['closeLink', 'closeLinkRequested', 'openLink']);
  link.closeLink();
  link.closeLinkRequested();
  assert.deepEqual(exits, [], 'nothing was open');
});

test('isLinkEventTypeKey answers for 3.13’s 43 keys, isFrontEventTypeKey keeps its 40', async () => {
  const { isFrontEventTypeKey, isLinkEventTypeKey } = await import(join(pkg, 'index.js'));
  const { FRONT_EVENT_TYPE_KEYS, LINK_EVENT_TYPE_KEYS } = await import(join(pkg, 'event-keys.js'));
  const upstream = readFileSync(join(root, 'node_modules/@meshconnect/web-link-sdk/utils/event-types.js'), 'utf8');
  const theirs = [...upstream.match(/LINK_EVENT_TYPE_KEYS = \[([^\]]+)\]/)[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  assert.equal(theirs.length, 43);
  assert.deepEqual([...LINK_EVENT_TYPE_KEYS].sort(), [...theirs].sort(), 'the same set as 3.13');
  for (const key of theirs) assert.equal(isLinkEventTypeKey(key), true, key);
  for (const key of ['done', 'close', 'SDKinjectedWalletProviders']) assert.equal(isFrontEventTypeKey(key), false, key);
  assert.equal(FRONT_EVENT_TYPE_KEYS.length, 40);
  for (const key of ['loaded', 'oauthLinkOpen', 'brokerageAccountAccessToken', 'DONE', 'toString', '', undefined, null, 7]) {
    assert.equal(isLinkEventTypeKey(key), false, String(key));
  }
});

test('isFrontEventTypeKey answers for the 40 keys, before any wasm is loaded', async () => {
  const { isFrontEventTypeKey } = await import(join(pkg, 'index.js'));
  const { FRONT_EVENT_TYPE_KEYS } = await import(join(pkg, 'event-keys.js'));
  assert.equal(FRONT_EVENT_TYPE_KEYS.length, 40);
  for (const key of FRONT_EVENT_TYPE_KEYS) assert.equal(isFrontEventTypeKey(key), true, key);
  for (const key of ['brokerageAccountAccessToken', 'close', 'done', 'loaded', '', 'PAGELOADED', 'toString', undefined, null, 1]) {
    assert.equal(isFrontEventTypeKey(key), false, String(key));
  }
});

test('the .d.ts key union is the wasm’s list, and BrokerType covers every fixture broker', () => {
  const dts = read('index.d.ts');
  const union = (name) => {
    const block = dts.match(new RegExp(`export type ${name} =([^;]+);`))[1];
    return [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  };
  const keys = [...union('FrontEventTypeKeys'), ...union('LaterFrontEventTypeKeys')];
  const built = JSON.parse(read('event-keys.js').match(/freeze\((\[[^\]]*\])\)/)[1]);
  assert.deepEqual(keys, built);
  assert.deepEqual(union('LinkEventTypeKeys'), ['done', 'close', 'SDKinjectedWalletProviders'], 'FrontEventTypeKeys | these');
  const brokers = union('BrokerType');
  for (const broker of fixtures.brokerTypes) assert.ok(brokers.includes(broker), broker);
});

test('every upstream type name is exported', () => {
  const dts = read('index.d.ts');
  const names = [
    'FrontOptions',
    'FrontConnection',
    'FrontPayload',
    'AccessTokenPayload',
    'DelayedAuthPayload',
    'BrokerAccountToken',
    'BrokerAccount',
    'BrokerBrandInfo',
    'TransferFinishedPayload',
    'TransferFinishedSuccessPayload',
    'TransferFinishedErrorPayload',
    'IntegrationAccessToken',
    'FrontEventType',
    'FrontEventTypeKeys',
    'BrokerType',
    'SessionSummary',
    'LinkStyle',
    'EventType',
    'PageLoaded',
    'IntegrationConnected',
    'IntegrationConnectionError',
    'TransferCompleted',
    'IntegrationSelected',
    'CredentialsEntered',
    'TransferStarted',
    'TransferPreviewed',
    'TransferPreviewError',
    'TransferExecutionError',
  ];
  for (const name of names) assert.match(dts, new RegExp(`export (interface|type) ${name}\\b`), name);
  assert.match(dts, /export declare function isFrontEventTypeKey\(key: string\): key is FrontEventTypeKeys;/);
  assert.match(dts, /export declare const createFrontConnection: \(options: FrontOptions\) => FrontConnection;/);
});

test('every 3.13 type name is exported, and every name 3.13 exports is ours too', () => {
  const dts = read('index.d.ts');
  const exported = (text) => [...text.matchAll(/export (?:declare )?(?:interface|type|function|const) (\w+)/g)].map((m) => m[1]);
  const upstream = join(root, 'node_modules/@meshconnect/web-link-sdk');
  const theirs = ['utils/types.d.ts', 'utils/event-types.d.ts', 'Link.d.ts'].flatMap((f) => exported(readFileSync(join(upstream, f), 'utf8')));
  assert.ok(theirs.length > 50, 'read 3.13’s declarations');
  const ours = new Set(exported(dts));
  for (const name of [...theirs, 'BrokerType', 'Link', 'LinkOptions', 'LinkPayload', 'AccountToken', 'Account', 'BrandInfo', 'LinkEventTypeKeys', 'LinkEventType']) {
    assert.ok(ours.has(name), name);
  }
  assert.match(dts, /export declare const createLink: \(options: LinkOptions\) => Link;/);
  assert.match(dts, /export declare function isLinkEventTypeKey\(key: string\): key is LinkEventTypeKeys;/);
  assert.match(dts, /interface Window \{[^}]*meshLinkShouldSkipPrewarm\?: boolean;/);
});

const tsc = (config) => execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tests', 'types', config)], { stdio: 'inherit' });

test('tsc compiles typical 1.1.9 and 3.13 integrations and rejects the mistakes their own types reject', () => {
  // 3.13 apps import front-link-wasm, 1.1.9 apps front-link-wasm/front; the
  // main entry's createFrontConnection has its own app and mistakes.
  tsc('tsconfig.json');
});

test('the 3.13 integration and mistakes are real ones: 3.13’s own types accept the one and reject the others alike', () => {
  tsc('tsconfig.upstream-mesh.json');
});

test('the 1.1.9 integration and mistakes are real ones: 1.1.9’s own types accept the one and reject the others alike', () => {
  tsc('tsconfig.upstream-front.json');
});

test('the package’s JavaScript returns what its .d.ts declare (tests/types/implementation/conforms.ts, on copies of the JS with no .d.ts beside them)', () => {
  const copy = join(root, 'test-artifacts', 'implementation');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(join(copy, 'testing'), { recursive: true });
  for (const file of ['index.js', 'front.js', 'react.js', 'loader.js', 'instance.js', 'messages.js', 'alias.js', 'event-keys.js']) cpSync(join(root, 'pkg-template', file), join(copy, file));
  // The glue is wasm-bindgen's, with its own declarations; the kit as built (readable).
  for (const file of ['front_link_wasm.js', 'front_link_wasm.d.ts']) cpSync(join(root, 'pkg', file), join(copy, file));
  for (const file of readdirSync(join(root, 'pkg', 'testing')).filter((f) => f.endsWith('.js'))) cpSync(join(root, 'pkg', 'testing', file), join(copy, 'testing', file));
  tsc('tsconfig.implementation.json');
});

test('front-link-wasm/testing: its entries have the real entries’ types, its controls are typed (tests/types/testing.ts)', () => {
  tsc('tsconfig.testing.json');
});

test('every type and function 3.13 and 1.1.9 export is the same as ours (tests/types/exact-*.ts)', () => {
  tsc('tsconfig.exact.json');
});

test('the exact-type checks cover every export of each upstream, and front-link-wasm/front exports just 1.1.9’s names', async () => {
  const { default: ts } = await import('typescript');
  const configPath = join(root, 'tests', 'types', 'tsconfig.exact.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dirname(configPath));
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const checker = program.getTypeChecker();
  const source = (name) => program.getSourceFile(parsed.fileNames.find((f) => f.endsWith(`/${name}`)));
  // The names a module exports, as tsc resolves the file's import of it.
  const exportsOf = (file, specifier) => {
    const declaration = source(file).statements.find((s) => ts.isImportDeclaration(s) && s.moduleSpecifier.text === specifier);
    const module = checker.getSymbolAtLocation(declaration.moduleSpecifier);
    assert.ok(module, `${file} resolves ${specifier}`);
    return checker
      .getExportsOfModule(module)
      .map((s) => s.name)
      .sort();
  };
  // The keys of the file's `Checks`: one per upstream export checked.
  const checked = (file) => {
    const alias = source(file).statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'Checks');
    return checker
      .getTypeAtLocation(alias.name)
      .getProperties()
      .map((p) => p.name)
      .sort();
  };
  const mesh = exportsOf('exact-mesh.ts', '@meshconnect/web-link-sdk');
  const front = exportsOf('exact-front.ts', '@front-finance/link');
  assert.ok(mesh.length > 60 && mesh.includes('createLink') && mesh.includes('BrokerType'), mesh.join(' '));
  assert.ok(front.length > 25 && front.includes('createFrontConnection'), front.join(' '));
  assert.deepEqual(checked('exact-mesh.ts'), mesh, 'exact-mesh.ts checks each export of 3.13, and only those');
  assert.deepEqual(checked('exact-front.ts'), front, 'exact-front.ts checks each export of 1.1.9, and only those');
  assert.deepEqual(exportsOf('exact-front.ts', 'front-link-wasm/front'), front, 'front-link-wasm/front exports 1.1.9’s names, no more');
  const main = new Set(exportsOf('exact-mesh.ts', 'front-link-wasm'));
  for (const name of [...mesh, ...front]) assert.ok(main.has(name), `the main entry exports ${name}`);
});

test('the wasm glue exports exactly what loader.js uses (golden .d.ts): a factory of instances, each with the Connection class index.js wraps', () => {
  const expected = readFileSync(join(root, 'tests', 'expected', 'front_link_wasm.d.ts'), 'utf8');
  assert.ok(expected.includes('declare class Connection') && expected.includes('export declare function runtime'));
  assert.equal(read('front_link_wasm.d.ts'), expected, 'update tests/expected/front_link_wasm.d.ts if the change is intended');
});

test('package.json: ESM entries with CommonJS beside them, types, the wasm shipped, version matches the crate', () => {
  const manifest = JSON.parse(read('package.json'));
  assert.equal(manifest.name, 'front-link-wasm');
  assert.equal(manifest.type, 'module');
  for (const [entry, base] of [
    ['.', 'index'],
    ['./front', 'front'],
    ['./react', 'react'],
    ['./testing', 'testing/index'],
    ['./testing/front', 'testing/front'],
    ['./testing/react', 'testing/react'],
    ['./testing/link-ui', 'testing/link-ui'],
  ]) {
    assert.deepEqual(manifest.exports[entry], { import: { types: `./${base}.d.ts`, default: `./${base}.js` }, require: { types: `./${base}.d.cts`, default: `./${base}.cjs` } }, entry);
  }
  for (const file of [
    'index.js',
    'index.d.ts',
    'index.cjs',
    'index.d.cts',
    'loader.cjs',
    'messages.js',
    'alias.js',
    'alias.cjs',
    'event-keys.js',
    'event-keys.cjs',
    'front_link_wasm.js',
    'front_link_wasm_bg.wasm',
    'testing/',
  ])
    assert.ok(manifest.files.includes(file), file);
  const crate = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(manifest.version, crate);
});

test('the published JS gives esbuild nothing to warn about (wasm-bindgen lists a snippet module once per import; the build keeps one)', async () => {
  const { transform } = await import('esbuild');
  for (const file of ['front_link_wasm.js', 'index.js', 'event-keys.js']) {
    const { warnings } = await transform(read(file), { format: 'esm', logLevel: 'silent' });
    assert.deepEqual(
      warnings.map((w) => w.text),
      [],
      file,
    );
  }
});
