// The package as the registry sees it: pkg/ packed by `npm pack` and
// installed from that tarball (files copied, not a link to pkg/) into fresh
// apps. `npm test` packs once and passes the tarball in FRONT_LINK_TARBALL;
// a test file run alone packs its own.
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pack } from '../../../scripts/pack.mjs';

let packed;

/** The tarball of pkg/. */
export function tarball() {
  if (process.env.FRONT_LINK_TARBALL) return process.env.FRONT_LINK_TARBALL;
  if (!packed) {
    packed = pack();
    process.on('exit', () => rmSync(dirname(packed), { recursive: true, force: true }));
  }
  return packed;
}

/**
 * A new app in `dir` (emptied first) with the files of `source` and
 * front-link-wasm installed from the tarball by npm. `dir` should lie under
 * the project root: the app's other dependencies (react …) are the
 * project's devDependencies, found up the tree as in a monorepo.
 */
export function freshApp(dir, source) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true });
  const manifest = { name: 'fresh-app', private: true, type: 'module', dependencies: { 'front-link-wasm': `file:${tarball()}` } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const installed = join(dir, 'node_modules', 'front-link-wasm');
  if (lstatSync(installed).isSymbolicLink()) throw new Error(`${installed} is a link, not an installed copy`);
  return installed;
}
