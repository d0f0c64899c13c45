// front-link-wasm/testing/link-ui: for an app's browser tests (Playwright,
// Puppeteer, Cypress, WebdriverIO) that run the real package. Serves, on
// loopback, a Link UI that does nothing by itself: the test scripts what it
// posts to the app's page, and reads what the SDK posted to it. Node only.
import { createServer } from 'node:http';

// The page the Link frame loads. `meshLinkStandIn.send(...messages)` posts
// to the parent; `meshLinkStandIn.received` holds what the parent posted.
// The test reaches it through its driver's frame API (evaluate in the frame).
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>Mesh Link (test stand-in)</title>
<p>Mesh Link test stand-in</p>
<script>
window.meshLinkStandIn = {
  received: [],
  send: (...messages) => messages.forEach((m) => parent.postMessage(m, '*')),
};
addEventListener('message', (e) => {
  if (e.source === parent) window.meshLinkStandIn.received.push({ origin: e.origin, data: e.data });
});
</script>
`;

/**
 * Starts the stand-in on `host` (default `127.0.0.1`, which the SDK's URL
 * rule takes over `http:`) and `port` (default: any free one).
 */
export function startLinkUi({ host = '127.0.0.1', port = 0 } = {}) {
  let sessions = 0;
  const server = createServer((request, response) => {
    let path;
    try {
      path = new URL(request.url, 'http://stand-in').pathname;
    } catch {
      return response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
    }
    if (path !== '/link') return response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGE);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const origin = `http://${host}:${server.address().port}`;
      resolve({
        origin,
        /** A link token for a new session on this stand-in (`?session=<n>`). */
        linkToken: () => Buffer.from(`${origin}/link?session=${++sessions}`).toString('base64'),
        /** Whether `url` (a frame's, say) is this stand-in's Link UI. */
        isLinkUi: (url) => typeof url === 'string' && url.startsWith(`${origin}/link`),
        /** Stops serving. */
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
