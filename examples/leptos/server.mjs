// The Leptos example's own server, the way an integrator's would be: it
// serves the page (strict CSP) and the built app (dist/), and makes the two
// Mesh calls server-side, so the client secret never reaches the browser.
//   node examples/leptos/server.mjs   (after scripts/example.mjs built dist/)
// starts it on the local Mesh simulator, or on real Mesh with the variables
// the demo reads (MESH_CLIENT_ID, MESH_CLIENT_SECRET, ...).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { json, jsonBody, listen, meshCaller, pageCsp } from '../../www/server.mjs';
import { badRequest, requestPath } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const dist = join(here, 'dist');

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
const pages = { '/': 'index.html', '/main.js': 'main.js', '/style.css': 'style.css' };

/** The file for a GET path: the page, or anything wasm-bindgen wrote to dist/. */
function fileFor(path) {
  if (Object.hasOwn(pages, path)) return join(here, pages[path]);
  let file;
  try {
    file = normalize(join(here, decodeURIComponent(path)));
  } catch {
    return null; // malformed %-escape
  }
  return path.startsWith('/dist/') && file.startsWith(dist + sep) && types[extname(file)] ? file : null;
}

/** Serves the example; `mesh` is `meshConfig(...)` of www/server.mjs. */
export async function startLeptosExample({ mesh, port = 0, host = 'localhost', userId = 'leptos-user-1' }) {
  const csp = pageCsp(mesh.linkOrigin);
  const meshCall = meshCaller(mesh);

  const api = {
    // The server decides who the user is; the browser only asks.
    '/api/linktoken': () => meshCall('/api/v1/linktoken', { userId }),
    '/api/holdings': (body) => meshCall('/api/v1/holdings/get', { authToken: body.accessToken, type: body.brokerType }),
  };

  const server = createServer(async (req, res) => {
    const path = requestPath(req, { decode: false });
    if (path === null) return badRequest(res);
    if (req.method === 'POST' && Object.hasOwn(api, path)) {
      let body;
      try {
        body = await jsonBody(req);
      } catch {
        return json(res, 400, { status: 'badRequest', message: 'Body is not JSON' });
      }
      const [status, out] = await api[path](body ?? {});
      return json(res, status, out);
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(path) : null;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)], 'cache-control': 'no-store', 'content-security-policy': csp, 'x-content-type-options': 'nosniff' });
    res.end(readFileSync(file));
  });
  return listen(server, port, host);
}

/** Starts the simulator (unless real Mesh is configured) and the example; prints the URL. */
export async function serveLeptosExample({ port = Number(process.env.PORT ?? 8090) } = {}) {
  if (!existsSync(join(dist, 'front_link_leptos_example_bg.wasm'))) throw new Error('examples/leptos/dist/ is missing: run node scripts/example.mjs');
  const { startSimulator } = await import('../../sim/server.mjs');
  const { meshConfig } = await import('../../www/server.mjs');
  const sim = await startSimulator({ port: port + 1 });
  const mesh = meshConfig(process.env, sim);
  const example = await startLeptosExample({ mesh, port });
  console.log(`Leptos example: ${example.origin}/  (Mesh: ${mesh.mode === 'mesh' ? mesh.apiUrl : `simulator on ${sim.origin}`})`);
  return { sim, example };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await serveLeptosExample();
