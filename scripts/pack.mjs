// `npm pack` of pkg/: the tarball the registry would get, in a new temp dir.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

/** Packs pkg/ into `destination` (a new temp dir by default); returns the tarball's path. */
export function pack(destination = mkdtempSync(join(tmpdir(), 'front-link-wasm-pack-'))) {
  const out = execFileSync('npm', ['pack', '--json', '--loglevel=error', '--pack-destination', destination], {
    cwd: join(root, 'pkg'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [{ filename }] = JSON.parse(out);
  return join(destination, filename);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(pack());
