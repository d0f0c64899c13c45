// examples/react-testing, an app with its own tests of its Link flows, run
// by real test runners as its developers would run them: Vitest 4, Jest 30
// and Jest 29, on the package installed from the tarball. Its app tests
// (test/app) script sessions with front-link-wasm/testing through
// @testing-library/react; its real-package tests (test/real) import the
// real entries in jsdom and in node (Babel; ts-jest for TypeScript) and
// expect an onExit that names front-link-wasm/testing. Each runner must
// report exactly the tests each file declares, all passed, none skipped.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, test } from 'node:test';
import { artifacts, root } from '../support/harness.mjs';
import { freshApp } from '../support/packed.mjs';

const source = join(root, 'examples', 'react-testing');
const app = join(artifacts, 'testing-example');
const bin = (path) => join(root, 'node_modules', path);

// Jest 29 (installed as jest29) needs its own jsdom environment; the rest of each config stands.
const JEST29 = (config) => `const jsdom = require.resolve('jest-environment-jsdom29');
const config = require('./${config}');
const swap = (p) => ({ ...p, testEnvironment: p.testEnvironment === 'jsdom' ? jsdom : p.testEnvironment });
module.exports = config.projects ? { projects: config.projects.map(swap) } : swap(config);
`;

before(() => {
  freshApp(app, source);
  for (const config of ['jest.config.cjs', 'jest.real.config.cjs']) writeFileSync(join(app, `29.${config}`), JEST29(config));
});

/** Runs a runner in the app; resolves with its JSON report (it may exit non-zero: the report says why). */
function report(args, file) {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: app, env: { ...process.env, CI: 'true', FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      let parsed;
      try {
        parsed = JSON.parse(readFileSync(join(app, file), 'utf8'));
      } catch {
        // no report: the runner did not get that far
      }
      resolve({ parsed, output: `${stdout}\n${stderr}`, code: error?.code ?? 0 });
    });
  });
}

/** Passed tests per test file name (summed over the projects that ran it), and every test's status. */
function tally(results) {
  const passed = {};
  const statuses = new Set();
  for (const file of results.testResults) {
    for (const t of file.assertionResults) {
      statuses.add(t.status);
      if (t.status === 'passed') passed[basename(file.name)] = (passed[basename(file.name)] ?? 0) + 1;
    }
  }
  return { passed, statuses: [...statuses] };
}

const APP_TESTS = { 'ConnectAccount.test.jsx': 12, 'legacy.test.js': 2, 'typed.test.ts': 2 };

test("the example's versions of its test tools are the ones npm test installs", () => {
  const example = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
  for (const [name, version] of Object.entries({ ...example.dependencies, ...example.devDependencies })) {
    if (name !== 'front-link-wasm') assert.equal(version, ours[name], name);
  }
});

/** Runs one config; requires every test to pass, none skipped, and `expected` passed tests per file. */
async function suite(args, file, expected) {
  const run = await report([...args, file], file.replace(/^.*=/, ''));
  assert.ok(run.parsed, run.output);
  const { passed, statuses } = tally(run.parsed);
  assert.deepEqual(statuses, ['passed'], run.output);
  assert.deepEqual(passed, expected, run.output);
  assert.equal(run.code, 0, run.output);
}

const vitest = (config) => [bin('vitest/vitest.mjs'), 'run', '--config', config, '--reporter=json'];

test('Vitest: the app tests, in jsdom, on front-link-wasm/testing', () => suite(vitest('vitest.config.js'), '--outputFile=vitest-app.json', APP_TESTS));

test('Vitest: the real package imported in jsdom and in node, the hooks in jsdom', () =>
  // Each file runs in two projects (jsdom, node).
  suite(vitest('vitest.real.config.js'), '--outputFile=vitest-real.json', { 'real-package.test.js': 8, 'real-package-types.test.ts': 2, 'real-hooks.test.jsx': 1 }));

for (const [name, jest, prefix] of [
  ['Jest 30', 'jest/bin/jest.js', ''],
  ['Jest 29', 'jest29/bin/jest.js', '29.'],
]) {
  const args = (config) => [bin(jest), '--ci', '--config', `${prefix}${config}`, '--cacheDirectory', join(artifacts, 'jest-cache', name.replace(' ', '')), '--json', '--outputFile'];
  test(`${name}: the app tests, through Babel in jsdom, on front-link-wasm/testing`, () => suite(args('jest.config.cjs'), `${prefix}jest-app.json`, APP_TESTS));
  test(`${name}: the real package imported through Babel (jsdom, node) and ts-jest, the hooks in jsdom`, () =>
    suite(args('jest.real.config.cjs'), `${prefix}jest-real.json`, { 'real-package.test.js': 8, 'real-package-types.test.ts': 1, 'real-hooks.test.jsx': 1 }));
}
