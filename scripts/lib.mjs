// Small helpers shared by the project's scripts (Node built-ins only: they
// run before `npm ci` on a fresh machine).
import { execSync, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// cargo-installed tools and npm's binaries (wasm-opt from `binaryen`).
process.env.PATH = [join(homedir(), '.cargo', 'bin'), join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter);

/** Runs a shell command in the project root, echoing it; throws on failure. */
export function run(command, options = {}) {
  console.log(`\n$ ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit', ...options });
}

/** A command's trimmed stdout, or '' if it fails. */
export function output(command) {
  const result = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

export const has = (tool) => output(`command -v ${tool}`) !== '';
