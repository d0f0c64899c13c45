// The package as the registry sees it: the `npm pack` tarball of
// pkg/ checked by the npm ecosystem's own linters. publint: the manifest,
// exports and files; @arethetypeswrong/cli: the types of every entry point
// resolve for TypeScript's node16 (ESM and CommonJS) and bundler modes, to
// the ES module files for import and bundlers and to the CommonJS ones
// (index.cjs, the CommonJS entry that reaches the ES module package; testing/*.cjs) for require().
// The node10 profile (no `exports`) is left out. The wasm export is an asset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/harness.mjs';
import { tarball } from '../support/packed.mjs';

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

test('@arethetypeswrong/cli: the types of every entry resolve for node16 (ESM and CommonJS) and bundler, with no problem', () => {
  const args = [tarball(), '--profile', 'node16', '--exclude-entrypoints', './front_link_wasm_bg.wasm', '--no-definitely-typed'];
  execFileSync(bin('attw'), args, { stdio: 'inherit' }); // exits non-zero on any problem the profile counts
  const report = JSON.parse(spawnSync(bin('attw'), [...args, '--format', 'json'], { encoding: 'utf8' }).stdout);
  const { entrypoints } = report.analysis;
  const entries = [
    ['.', 'index'],
    ['./front', 'front'],
    ['./react', 'react'],
    ['./testing', 'testing/index'],
    ['./testing/front', 'testing/front'],
    ['./testing/react', 'testing/react'],
    ['./testing/link-ui', 'testing/link-ui'],
  ];
  assert.deepEqual(
    Object.keys(entrypoints)
      .filter((e) => e !== './package.json')
      .sort(),
    entries.map(([e]) => e).sort(),
  );
  for (const [entry, name] of entries) {
    for (const [mode, types, js] of [
      ['node16-esm', 'd.ts', 'js'],
      ['bundler', 'd.ts', 'js'],
      ['node16-cjs', 'd.cts', 'cjs'],
    ]) {
      const { resolution, implementationResolution } = entrypoints[entry].resolutions[mode];
      assert.equal(resolution?.fileName, `/node_modules/front-link-wasm/${name}.${types}`, `${entry} ${mode}`);
      assert.equal(implementationResolution?.fileName, `/node_modules/front-link-wasm/${name}.${js}`, `${entry} ${mode}`);
    }
  }
  assert.deepEqual(Object.values(report.problems ?? {}).flat(), []);
});
