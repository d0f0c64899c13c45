// Browser test harness: static servers on three origins and headless
// Chromium (Debian's) driven by playwright-core.
//
//   host     http://127.0.0.1:<a>   the integrator's page + the built pkg/
//   link     http://127.0.0.1:<b>   the Link UI stand-in (tests/pages/link.*)
//   attacker http://localhost:<b>   same files, another origin
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { inside, serveFiles } from '../../../scripts/serve.mjs';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const artifacts = join(root, 'test-artifacts');

/** What each test server serves: the built package and the test pages. */
function route(path) {
  if (path === '/csp/host.html') return join(root, 'tests/pages/host.html'); // the same page, served with a strict CSP
  if (path.startsWith('/nowasm/')) return route(path.slice('/nowasm'.length)); // the same files, served with a CSP that forbids wasm
  // pkg/ with its wasm missing (a deploy mistake): host.html?pkg=/broken/pkg/
  if (path.startsWith('/broken/pkg/')) return path.endsWith('.wasm') ? null : inside(root, path.slice('/broken'.length));
  if (path.startsWith('/pkg/')) return inside(root, path);
  if (path.startsWith('/pages/')) return inside(join(root, 'tests'), path);
  if (path.startsWith('/vendor/')) return inside(artifacts, path);
  return null;
}

const serve = (headers) => serveFiles({ route, headers });

/**
 * Bundles @front-finance/link 1.1.9 (the npm devDependency, untouched) into
 * one ESM file the browser can load: its own files import without
 * extensions. Served as /vendor/front-finance-link.js.
 */
export async function bundleUpstream({ minify = false } = {}) {
  const { build } = await import('esbuild');
  const outfile = join(artifacts, 'vendor', minify ? 'front-finance-link.min.js' : 'front-finance-link.js');
  await build({ entryPoints: [join(root, 'node_modules/@front-finance/link/index.js')], bundle: true, format: 'esm', minify, outfile, logLevel: 'warning' });
  return outfile;
}

/** Starts the host and link servers; `close()` stops both. */
export async function startServers() {
  // The wasm-bindgen test page is cross-origin isolated (COEP require-corp),
  // so the stand-in opts in to being embedded there.
  const linkServer = await serve(() => ({ 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'cross-origin' }));
  const linkPort = linkServer.address().port;
  const link = `http://127.0.0.1:${linkPort}`;
  const hostServer = await serve((path) => {
    if (path.startsWith('/csp/')) return { 'content-security-policy': `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-src ${link}` };
    if (path.startsWith('/nowasm/')) return { 'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${link}` };
    return {};
  });
  const host = `http://127.0.0.1:${hostServer.address().port}`;
  return {
    host,
    link,
    attacker: `http://localhost:${linkPort}`,
    close: () => Promise.all([hostServer, linkServer].map((s) => new Promise((r) => s.close(r)))),
  };
}

// Mesh's public hosts never resolve in tests: 3.13's prewarm frame (and
// ours) point at web.meshconnect.com, and nothing may leave this machine.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--host-resolver-rules=MAP *.meshconnect.com ~NOTFOUND',
];

/** Servers and a browser for one test file; `stop` closes both. */
export async function startBrowser() {
  return { servers: await startServers(), browser: await launch() };
}

export async function stopBrowser({ servers, browser } = {}) {
  await browser?.close();
  await servers?.close();
}

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** base64 of a URL: what `POST /api/v1/linktoken` returns. */
export const tokenFor = (url) => Buffer.from(url).toString('base64');

/** A new page on the host test page, SDK loaded; page errors collected. */
export async function hostPage(browser, servers, { path = '/pages/host.html', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.consoleErrors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.consoleErrors.push(m.text()));
  await page.goto(servers.host + path);
  await page.waitForFunction(() => window.sdkReady === true);
  return page;
}

/** The Link stand-in frame whose URL starts with `prefix`, once its script runs. */
export function frameAt(page, prefix) {
  return frameWhere(page, (url) => url.startsWith(prefix));
}

/** A frame of `page` whose URL passes `test`, once the Link stand-in script runs in it. */
export async function frameWhere(page, test) {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && test(f.url()));
    if (frame) {
      try {
        await frame.waitForFunction(() => typeof window.send === 'function', null, { timeout: 5000 });
        return frame;
      } catch {
        // navigating; look again
      }
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no such frame');
}

/**
 * Posts `messages` from `frame` to its parent (real cross-origin
 * postMessage), then a sentinel, and waits until the host saw the sentinel:
 * everything before it has been dispatched.
 */
export async function send(page, frame, ...messages) {
  const seen = await page.evaluate(() => window.sentinels);
  await frame.evaluate((ms) => window.send(...ms, { type: '__sentinel' }), messages);
  await page.waitForFunction((n) => window.sentinels > n, seen);
}

/** The recorded callbacks, as `[label+name, ...args]` rows. */
export async function trace(page, { keepOverlay = false } = {}) {
  const rows = await page.evaluate(() => window.trace);
  return rows.map((r) => (keepOverlay ? r : [r.label + r.name, ...r.args]));
}

export async function clearTrace(page) {
  await page.evaluate(() => (window.trace = []));
}

/** Number of `type` listeners on `window`, through the DevTools protocol. */
export async function windowListeners(page, type) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  return listeners.filter((l) => l.type === type).length;
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

export const fixtures = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'link-messages.json'), 'utf8'));

/**
 * The package's two faces (SPEC §2 and §10) over one core: every per-API
 * fact the shared browser batteries need, in one place.
 *   create     the factory's export name
 *   connected  the callback that receives broker/integration tokens
 *   root       the overlay root's id (the others are `${root}__backdrop`,
 *              `${root}__popup-content`, `${root}__iframe`)
 *   closers    the methods that end a session (aliases included)
 *   oauthLinkOpen  whether it opens oauthLinkOpen links (3.13 ignores them)
 *   linkUrl    the iframe src the SDK shows for a plain Link URL
 *   exitArgs   onExit's arguments when the Link UI sends close/done whose
 *              message is `message` and whose valid SessionSummary is `summary`
 */
export const APIS = [
  {
    name: 'front',
    create: 'createFrontConnection',
    connected: 'onBrokerConnected',
    root: 'front-link-popup',
    closers: ['closeLink', 'closePopup'],
    oauthLinkOpen: true,
    linkUrl: (url) => url,
    // As many arguments as there is to say (README: onExit arity).
    exitArgs: (message, summary) => (summary === undefined ? [message] : [message, summary]),
  },
  {
    name: 'mesh',
    create: 'createLink',
    connected: 'onIntegrationConnected',
    root: 'mesh-link-popup',
    closers: ['closeLink', 'closeLinkRequested'],
    oauthLinkOpen: false,
    // 3.13 always appends lng (default 'en'), before any #fragment.
    linkUrl: (url) => {
      const cut = url.includes('#') ? url.indexOf('#') : url.length;
      const base = url.slice(0, cut);
      return `${base}${base.includes('?') ? '&' : '?'}lng=en${url.slice(cut)}`;
    },
    // 3.13 ignores data.message: onExit(payload?.errorMessage, summary), always two.
    exitArgs: (_message, summary) => [summary?.errorMessage, summary],
  },
];

/**
 * The callback rows (as `trace` gives them) that `message`, delivered as
 * sent, gives on the face of `api`: a connect, a delayed connect, a
 * finished transfer, or an event passed on as it came.
 */
export function deliveredRows(api, message) {
  const connected = { brokerageAccountAccessToken: 'accessToken', delayedAuthentication: 'delayedAuth' }[message.type];
  if (connected) {
    const payload = { [connected]: message.payload };
    return [
      ['onEvent', { type: 'integrationConnected', payload }],
      [api.connected, payload],
    ];
  }
  if (message.type === 'transferFinished')
    return [
      ['onEvent', { type: 'transferCompleted', payload: message.payload }],
      ['onTransferFinished', message.payload],
    ];
  return [['onEvent', message]];
}

/** A new host page with a session open on the Link stand-in. */
export async function session(browser, servers, options) {
  const page = await hostPage(browser, servers);
  const frame = await openSession(page, servers, options);
  return { page, frame };
}

/**
 * Opens a session with recording callbacks on the stand-in, through `api`
 * (one of APIS; front by default); returns its frame.
 */
export async function openSession(page, servers, { api = APIS[0], label = '', options = {}, query = '', instance = 'link' } = {}) {
  const url = `${servers.link}/pages/link.html${query}`;
  await page.evaluate(
    ({ create, instance, label, options, token }) => {
      window[instance] = window.sdk[create](window.recorder(label, options));
      return window[instance].openLink(token);
    },
    { create: api.create, instance, label, options, token: tokenFor(url) },
  );
  return frameAt(page, url);
}

/** Adds an iframe at `url` to the host page and returns its frame. */
export async function extraFrame(page, url, attributes = {}) {
  await page.evaluate(
    ({ url, attributes }) => {
      const f = document.createElement('iframe');
      Object.entries(attributes).forEach(([k, v]) => f.setAttribute(k, v));
      f.src = url;
      document.body.append(f);
    },
    { url, attributes },
  );
  return frameAt(page, url);
}

/** After whatever a test did, a valid event from the Link frame still reaches onEvent, and nothing threw. */
export async function stillWorks(page, frame) {
  await clearTrace(page);
  await send(page, frame, fixtures.inbound.integrationSelected);
  const rows = await trace(page);
  if (JSON.stringify(rows) !== JSON.stringify([['onEvent', fixtures.inbound.integrationSelected]])) throw new Error(`a valid event did not get through: ${JSON.stringify(rows)}`);
  if (page.errors.length) throw new Error(`page errors: ${page.errors.join('\n')}`);
}
