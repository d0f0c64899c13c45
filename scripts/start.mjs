// `npm start`: builds the package and serves the demo host page and, on a
// second origin, the Link UI stand-in. (Issue 3 replaces the stand-in with
// the local Mesh simulator.)
import { join } from 'node:path';
import { setup } from './setup.mjs';
import { build } from './build.mjs';
import { root } from './lib.mjs';
import { inside, serveFiles } from './serve.mjs';

setup({ browser: false });
await build();
const port = Number(process.env.PORT ?? 8080);
const route = (path) => {
  if (path === '/') return join(root, 'www/index.html');
  if (path.startsWith('/pkg/') || path.startsWith('/www/')) return inside(root, path);
  if (path.startsWith('/pages/link.')) return inside(join(root, 'tests'), path);
  return null;
};
await serveFiles({ port, host: 'localhost', route });
await serveFiles({ port: port + 1, host: '127.0.0.1', route });
console.log(`\nDemo: http://localhost:${port}/  (Link UI stand-in on http://127.0.0.1:${port + 1})`);
