// The demo's own server: serves the host page with a strict CSP and proxies
// the two Mesh calls a real integration makes server-side, so the client
// secret never reaches the browser.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { badRequest, requestPath } from '../scripts/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

/** Demo addresses the transfer flow may send to (transferOptions.toAddresses). */
export const DEMO_DESTINATIONS = [
  { symbol: 'ETH', networkId: 'e3c7fdd8-b1fc-4e51-85ae-bb276e075611', address: '0x9Bf6207f8A3f4278E0C989527015deFe10e5D7c6' },
  { symbol: 'ETH', networkId: '7436e9d0-ba42-4d2b-b4c0-8e4e606b2c12', address: '0x9Bf6207f8A3f4278E0C989527015deFe10e5D7c6' },
  { symbol: 'USDC', networkId: 'e3c7fdd8-b1fc-4e51-85ae-bb276e075611', address: '0x9Bf6207f8A3f4278E0C989527015deFe10e5D7c6' },
  { symbol: 'USDC', networkId: '0291810a-5947-424d-9a59-e88bb33e999d', address: '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU' },
  { symbol: 'SOL', networkId: '0291810a-5947-424d-9a59-e88bb33e999d', address: '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU' },
];

/**
 * Where Mesh is: the real API when MESH_CLIENT_ID and MESH_CLIENT_SECRET are
 * set (MESH_API_URL, MESH_LINK_ORIGIN optional), else the local simulator.
 */
export function meshConfig(env, simulator) {
  if (env.MESH_CLIENT_ID && env.MESH_CLIENT_SECRET) {
    return {
      mode: 'mesh',
      apiUrl: env.MESH_API_URL || 'https://integration-api.meshconnect.com',
      linkOrigin: env.MESH_LINK_ORIGIN || 'https://web.meshconnect.com',
      clientId: env.MESH_CLIENT_ID,
      clientSecret: env.MESH_CLIENT_SECRET,
    };
  }
  return { mode: 'simulator', apiUrl: simulator.origin, linkOrigin: simulator.origin, clientId: simulator.clientId, clientSecret: simulator.clientSecret };
}

/** The strict CSP of a page that shows the Link UI of `linkOrigin`. */
export function pageCsp(linkOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    `frame-src ${linkOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A server-side Mesh API call, with the client secret: `[status, json]`. */
export function meshCaller(mesh) {
  return async function meshCall(path, body) {
    try {
      const response = await fetch(`${mesh.apiUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-client-id': mesh.clientId, 'x-client-secret': mesh.clientSecret },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = { status: 'error', message: `Mesh answered ${response.status} with a non-JSON body` };
      }
      return [response.status, json];
    } catch (error) {
      return [502, { status: 'error', message: `Mesh API unreachable: ${error.cause?.code ?? error.message}` }];
    }
  };
}

/** A request's JSON body (`{}` if empty); throws if it is not JSON. */
export async function jsonBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') ?? {};
}

export async function startDemo({ port = 0, host = 'localhost', mesh, userId = 'demo-user-1' }) {
  const csp = pageCsp(mesh.linkOrigin);
  const meshCall = meshCaller(mesh);

  const api = {
    // The browser says what it wants; the server decides who the user is.
    '/api/linktoken': (body) => meshCall('/api/v1/linktoken', { userId, ...(body.transfer ? { transferOptions: { toAddresses: DEMO_DESTINATIONS, amount: 0.01 } } : {}) }),
    '/api/holdings': (body) => meshCall('/api/v1/holdings/get', { authToken: body.accessToken, type: body.brokerType }),
    '/api/config': async () => [200, { mode: mesh.mode, linkOrigin: mesh.linkOrigin }],
  };

  const server = createServer(async (req, res) => {
    const path = requestPath(req);
    if (path === null) return badRequest(res);
    if (req.method === 'POST' && api[path]) {
      let body = {};
      try {
        body = await jsonBody(req);
      } catch {
        return json(res, 400, { status: 'badRequest', message: 'Body is not JSON' });
      }
      const [status, out] = await api[path](body);
      return json(res, status, out);
    }
    const file = path === '/' ? join(root, 'www', 'index.html') : path.startsWith('/www/') || path.startsWith('/pkg/') ? join(root, path) : null;
    if (req.method !== 'GET' || !file || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile() || file.endsWith('.mjs')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    res.end(readFileSync(file));
  });
  return listen(server, port, host);
}

/** Starts `server`; its origin and a `close()`. */
export async function listen(server, port, host) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { origin: `http://${host}:${server.address().port}`, server, close: () => new Promise((r) => server.close(r)) };
}

/** A JSON answer, never cached. */
export function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
