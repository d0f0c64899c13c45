// A tiny static file server (Node built-ins only) for the demo and tests.
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The request's path, %-decoded and normalized; `null` for a request target
 * that is no URL path or a malformed %-escape (`GET /%`), which a server
 * answers with 400 rather than crash on.
 */
export function requestPath(req, { decode = true } = {}) {
  try {
    const path = new URL(req.url, 'http://x').pathname;
    return decode ? normalize(decodeURIComponent(path)) : path;
  } catch {
    return null;
  }
}

/** Answers a request whose path `requestPath` could not read. */
export function badRequest(res) {
  res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
}

/**
 * Serves files: `route(pathname)` returns the file to send (or null for
 * 404) and `headers(pathname)` extra response headers.
 */
export function serveFiles({ port = 0, host = '127.0.0.1', route, headers = () => ({}) }) {
  const server = createServer((req, res) => {
    const path = requestPath(req);
    if (path === null) return badRequest(res);
    const file = route(path);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers(path) });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** `root` + `path`, refusing anything that escapes `root`. */
export function inside(root, path) {
  const file = join(root, path);
  return file.startsWith(root) ? file : null;
}

/** A loopback port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
