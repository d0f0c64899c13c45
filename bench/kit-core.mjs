// Measures the alternative to the test kit's transcription of the core
// (pkg/testing/core.js): the real core (src/protocol/, as it is) compiled
// alone to a wasm (bench/kit-core/) that the kit would load in Node. Prints
// and writes test-artifacts/kit-core/result.json: the bytes of each, the
// start-up to a first decision in a fresh Node process, whether Jest's
// CommonJS mode with jsdom runs the wasm, and whether a browser page (the
// kit in a browser test runner) may compile it synchronously, as the kit's
// synchronous API would need. ARCHITECTURE.md cites the figures.
// Run after `npm run build`: node bench/kit-core.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { root, run } from '../scripts/lib.mjs';

const out = join(root, 'test-artifacts', 'kit-core');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const probe = join(root, 'bench', 'kit-core');
run(`cargo build --release --target wasm32-unknown-unknown --manifest-path ${join(probe, 'Cargo.toml')} --target-dir ${join(root, 'target', 'kit-core')}`);
const built = join(root, 'target', 'kit-core', 'wasm32-unknown-unknown', 'release', 'front_link_kit_core_probe.wasm');
run(`wasm-bindgen --target nodejs --out-dir ${join(out, 'node')} ${built}`);
// wasm-bindgen's Node glue is CommonJS; the repository's (and the package's) `.js` are ES modules.
writeFileSync(join(out, 'node', 'package.json'), '{ "type": "commonjs" }\n');
const wasm = join(out, 'node', 'front_link_kit_core_probe_bg.wasm');
run(`wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types ${wasm} -o ${wasm}`);

const sizes = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
const minified = async (entry, format) =>
  (await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format, platform: 'node', external: ['fs', 'path', 'util'] })).outputFiles[0].contents;
const glue = join(out, 'node', 'front_link_kit_core_probe.js');
const size = {
  wasm: sizes(readFileSync(wasm)),
  glue: sizes(await minified(glue, 'cjs')),
  // What the wasm would replace: the transcription and the tables it reads.
  transcription: sizes(await minified(join(root, 'pkg', 'testing', 'core.js'), 'esm')),
};

// One decision as the kit makes one: open a session, then `loaded` and an access token.
const TOKEN = Buffer.from('https://web.meshconnect.com/b2b-iframe?token=abc').toString('base64');
const MESSAGES = `[{type:'loaded'},{type:'brokerageAccountAccessToken',payload:{accountTokens:[],brokerType:'robinhood',brokerName:'Robinhood'}}]`;
const starts = {
  wasm: `const t0=performance.now();const {KitSession}=require(${JSON.stringify(glue)});const s=KitSession.open(${JSON.stringify(TOKEN)},true,{},undefined);for(const m of ${MESSAGES})s.receive(m);console.log(performance.now()-t0);`,
  transcription: `const t0=performance.now();import(${JSON.stringify(join(root, 'pkg', 'testing', 'core.js'))}).then(({openSession,SessionState})=>{openSession({token:${JSON.stringify(TOKEN)}},{face:'link'});const s=new SessionState('link',false);for(const m of ${MESSAGES})s.receive(m);console.log(performance.now()-t0);});`,
};
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
const startup = {};
for (const [name, script] of Object.entries(starts)) {
  const times = Array.from({ length: 9 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()));
  startup[name] = Math.round(median(times) * 100) / 100;
}

// Jest's CommonJS mode under jsdom: each test file gets a fresh module registry.
const jest = join(out, 'jest');
mkdirSync(jest, { recursive: true });
const files = 4;
for (let i = 0; i < files; i++) {
  writeFileSync(
    join(jest, `decide${i}.test.js`),
    `/** @jest-environment jsdom */\nconst { KitSession } = require(${JSON.stringify(glue)});\ntest('a session of the real core', () => {\n  const s = KitSession.open(${JSON.stringify(TOKEN)}, true, {}, undefined);\n  expect(s.receive({ type: 'loaded' })).toEqual(['loaded', 'post', 'post', 'call']);\n  expect(s.receive({ type: 'close' })).toEqual(['end', 'exit']);\n});\n`,
  );
}
let jestResult;
try {
  const report = execFileSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--rootDir', jest, '--json', '--ci'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed = JSON.parse(report);
  jestResult = { passed: parsed.numPassedTests, failed: parsed.numFailedTests };
} catch (error) {
  const parsed = JSON.parse(error.stdout || '{}');
  jestResult = { passed: parsed.numPassedTests, failed: parsed.numFailedTests, message: parsed.testResults?.[0]?.message?.slice(0, 400) };
}

// A browser page: may the kit compile the wasm synchronously, as its synchronous API needs?
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
const bytes = [...readFileSync(wasm)];
const syncCompile = await page.evaluate((b) => {
  try {
    new WebAssembly.Module(new Uint8Array(b));
    return 'compiles';
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}, bytes);
await browser.close();

const result = { size, startupMs: startup, jest: { files, ...jestResult }, browserSyncCompile: syncCompile };
writeFileSync(join(out, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
