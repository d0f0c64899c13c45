// docs/testing.md as a new user meets it: a fresh TypeScript app made of the
// blocks that name a file (`<!-- file: path -->`) in docs/testing.md and
// README.md (the React component), and nothing else, with front-link-wasm
// installed from the tarball and the test tools the page says to install.
// tsc checks it; Vitest 4, Jest 30 and Jest 29 run its tests, which must
// all pass.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, test } from 'node:test';
import { artifacts, root } from '../support/harness.mjs';
import { freshApp } from '../support/packed.mjs';

const source = join(artifacts, 'testing-docs-source');
const app = join(artifacts, 'testing-docs');
const bin = (path) => join(root, 'node_modules', path);

/** The blocks of `doc` that name a file: `[path, code]`. */
const files = (doc) => [...readFileSync(join(root, doc), 'utf8').matchAll(/<!-- file: ([\w./-]+) -->\n```\w*\n([\s\S]*?)\n```/g)].map(([, path, code]) => [path, code]);

const blocks = [...files('docs/testing.md'), ...files('README.md')];
const testCount = blocks.filter(([path]) => /\.test\.tsx?$/.test(path)).reduce((n, [, code]) => n + [...code.matchAll(/^test\(/gm)].length, 0);

before(() => {
  rmSync(source, { recursive: true, force: true });
  for (const [path, code] of blocks) {
    mkdirSync(dirname(join(source, path)), { recursive: true });
    writeFileSync(join(source, path), code + '\n');
  }
  freshApp(app, source);
  // Jest 29 (installed as jest29) with its own jsdom environment; the rest of the config as written.
  writeFileSync(join(app, 'jest29.config.cjs'), "module.exports = { ...require('./jest.config.cjs'), testEnvironment: require.resolve('jest-environment-jsdom29') };\n");
});

function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: app, env: { ...process.env, CI: 'true', FORCE_COLOR: '0' } }, (error, stdout, stderr) =>
      resolve({ code: error?.code ?? 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

/** Every test of the report passed, and as many as the page's test files declare. */
function allPassed(file, output) {
  const report = JSON.parse(readFileSync(join(app, file), 'utf8'));
  const statuses = report.testResults.flatMap((f) => f.assertionResults.map((t) => t.status));
  assert.deepEqual([...new Set(statuses)], ['passed'], output);
  assert.equal(statuses.length, testCount, output);
}

test('the page names the files of an app: configs for both runners, a tsconfig, a setup file, a test, and the README component it tests', () => {
  assert.deepEqual(blocks.map(([path]) => path).sort(), ['jest.config.cjs', 'src/ConnectAccount.tsx', 'test/ConnectAccount.test.tsx', 'test/setup.ts', 'tsconfig.json', 'vitest.config.ts']);
  assert.ok(testCount >= 3, `${testCount} tests`);
});

test("the test tools the page says to install are the ones the app is run with (this project's devDependencies)", () => {
  const install = readFileSync(join(root, 'docs', 'testing.md'), 'utf8').match(/```sh\n([\s\S]*?)\n```/)[1];
  const named = install.split(/\s+/).filter((word) => /^(@[\w-]+\/)?[\w.-]+$/.test(word) && !['npm', 'install', '--save-dev'].includes(word));
  const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
  assert.ok(named.length >= 8, named.join(' '));
  for (const name of named) assert.ok(name in ours, `${name} is not what the app runs with`);
});

test('tsc: the app and its tests type-check as written', async () => {
  const { code, output } = await run([bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
  assert.equal(code, 0, output);
});

test('Vitest 4 runs the tests as written, all passing', async () => {
  const { output } = await run([bin('vitest/vitest.mjs'), 'run', '--reporter=json', '--outputFile=vitest.json']);
  allPassed('vitest.json', output);
});

for (const [name, jest, config] of [
  ['Jest 30', 'jest/bin/jest.js', 'jest.config.cjs'],
  ['Jest 29', 'jest29/bin/jest.js', 'jest29.config.cjs'],
]) {
  test(`${name} runs the tests as written (ts-jest, type-checked), all passing`, async () => {
    const { output } = await run([
      bin(jest),
      '--ci',
      '--config',
      config,
      '--cacheDirectory',
      join(artifacts, 'jest-cache', `docs-${name.replace(' ', '')}`),
      '--json',
      '--outputFile',
      `${name.replace(' ', '')}.json`,
    ]);
    allPassed(`${name.replace(' ', '')}.json`, output);
  });
}
