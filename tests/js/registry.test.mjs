// The package as the registry sees it (issue 11): the `npm pack` tarball of
// pkg/ checked by the npm ecosystem's own linters. publint: the manifest,
// exports and files; @arethetypeswrong/cli: the types of every entry point
// ('.', './react') resolve for TypeScript's node16 (ESM) and bundler modes.
// The package is ESM only: attw's esm-only profile leaves out node10 and
// require() from CommonJS. The wasm export is an asset, not a module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';
import { tarball } from './packed.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);

test('the tarball holds what the manifest lists, and nothing of the build', () => {
  const listing = execFileSync('tar', ['-tzf', tarball()], { encoding: 'utf8' }).trim().split('\n').sort();
  const manifest = JSON.parse(readFileSync(join(root, 'pkg', 'package.json'), 'utf8'));
  for (const file of manifest.files.filter((f) => !f.endsWith('/'))) assert.ok(listing.includes(`package/${file}`), file);
  assert.ok(listing.includes('package/package.json'));
  assert.ok(listing.some((f) => f.startsWith('package/snippets/')));
  assert.ok(!listing.some((f) => /\.(rs|tgz|map)$|\.gitignore$/.test(f)), listing.join('\n'));
});

test('publint --strict: no error, no warning', () => {
  execFileSync(bin('publint'), ['run', tarball(), '--strict'], { stdio: 'inherit' });
});

test('@arethetypeswrong/cli: the types of . and ./react resolve for node16 and bundler', () => {
  const args = [tarball(), '--profile', 'esm-only', '--exclude-entrypoints', './front_link_wasm_bg.wasm', '--no-definitely-typed'];
  execFileSync(bin('attw'), args, { stdio: 'inherit' }); // exits non-zero on any problem the profile counts
  const report = JSON.parse(spawnSync(bin('attw'), [...args, '--format', 'json'], { encoding: 'utf8' }).stdout);
  const { entrypoints } = report.analysis;
  for (const [entry, name] of [['.', 'index'], ['./react', 'react']]) {
    for (const mode of ['node16-esm', 'bundler']) {
      const { resolution, implementationResolution } = entrypoints[entry].resolutions[mode];
      assert.equal(resolution?.fileName, `/node_modules/front-link-wasm/${name}.d.ts`, `${entry} ${mode}`);
      assert.equal(implementationResolution?.fileName, `/node_modules/front-link-wasm/${name}.js`, `${entry} ${mode}`);
    }
  }
  // The only problems at all: require() of an ESM-only package, which the profile accepts.
  const problems = Object.values(report.problems ?? {}).flat();
  assert.deepEqual([...new Set(problems.map((p) => `${p.kind} ${p.resolutionKind}`))], ['CJSResolvesToESM node16-cjs']);
});
