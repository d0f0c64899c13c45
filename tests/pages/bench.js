// Benchmark host page: the same measurements for every SDK, each as a
// bundler ships it (bundled and minified by esbuild, bench/run.mjs):
//   ?sdk=ours&api=front   this package's createFrontConnection
//   ?sdk=ours&api=link    this package's createLink
//   ?sdk=upstream         @front-finance/link 1.1.9 (createFrontConnection)
//   ?sdk=mesh-upstream    @meshconnect/web-link-sdk 3.13.0 (createLink)
//   &rehearsal=0          (ours) the same package built without the loader's
//                         rehearsal of a first open (bench/bundle.mjs), for
//                         bench/rehearsal.mjs to measure it
// Nothing is imported until a measurement asks, so the first one can time
// a cold start.
const query = new URLSearchParams(location.search);
const sdkName = query.get('sdk') ?? 'ours';
const URLS = { ours: '/vendor/ours/index.js', upstream: '/vendor/front-finance-link.min.js', 'mesh-upstream': '/vendor/mesh-web-link-sdk.min.js' };
const url = sdkName === 'ours' && query.get('rehearsal') === '0' ? '/vendor/ours-bare/index.js' : URLS[sdkName];
const mesh = sdkName === 'mesh-upstream' || (sdkName === 'ours' && query.get('api') === 'link');
const IFRAME = mesh ? 'mesh-link-popup__iframe' : 'front-link-popup__iframe';

let callbacks = 0;
let done = () => {};
const tick = () => callbacks++;
const options = {
  clientId: 'bench',
  onBrokerConnected: tick,
  onIntegrationConnected: tick,
  onTransferFinished: tick,
  onEvent: tick,
  onExit: () => done(),
};

/** This page's face of the SDK: createLink or createFrontConnection. */
async function connect(opts = options) {
  const sdk = await import(url);
  return mesh ? sdk.createLink(opts) : sdk.createFrontConnection(opts);
}
const attached = () => document.getElementById(IFRAME)?.isConnected === true;

/** Import → ready to open: for this SDK that includes fetching, compiling and instantiating the wasm. */
window.coldStart = async () => {
  const t0 = performance.now();
  const link = await connect({ clientId: 'bench', onExit() {} });
  await link.openLink(''); // refused at once, but only once the SDK is ready
  return performance.now() - t0;
};

/** The first click after page load: import, create, one idle second, then openLink → iframe attached. */
window.firstClick = async (token) => {
  const t0 = performance.now();
  const link = await connect();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // Ours adopts the overlay's stylesheet when it rehearses (src/web/rehearsal.rs).
  const rehearsed = document.adoptedStyleSheets.length > 0;
  const t1 = performance.now();
  await link.openLink(token);
  while (!attached()) await new Promise((resolve) => requestAnimationFrame(resolve));
  const ms = performance.now() - t1;
  link.closeLink();
  return { ms, total: performance.now() - t0, rehearsed };
};

/** openLink → iframe attached, `n` times (after one warm-up). */
window.openTimes = async (token, n) => {
  const link = await connect();
  await link.openLink(token);
  link.closeLink();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await link.openLink(token);
    const ok = attached();
    times.push(performance.now() - t0);
    if (!ok) throw new Error('no iframe');
    link.closeLink();
  }
  return times;
};

function frameLoaded(iframe) {
  return new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
}

function waitFor(type) {
  return new Promise((resolve) =>
    addEventListener('message', function on(e) {
      if (e.data?.type === type) {
        removeEventListener('message', on);
        resolve();
      }
    }),
  );
}

/**
 * `n` messages (`mix` over and over) posted by the Link iframe for real,
 * then a `close`: ms until the `close` reached onExit (postMessage keeps
 * order, so every message before it has been handled), and the callbacks
 * the messages caused.
 */
window.dispatch = async (token, mix, n) => {
  const messages = Array.from({ length: n }, (_, i) => mix[i % mix.length]);
  const link = await connect();
  await link.openLink(token);
  const iframe = document.getElementById(IFRAME);
  await frameLoaded(iframe);
  const prepared = waitFor('__prepared');
  iframe.contentWindow.postMessage({ __puppet: 'prepare', messages: [...messages, { type: 'close', payload: {} }] }, '*');
  await prepared;
  callbacks = 0;
  const exited = new Promise((resolve) => (done = resolve));
  const t0 = performance.now();
  iframe.contentWindow.postMessage({ __puppet: 'fire' }, '*');
  await exited;
  const ms = performance.now() - t0;
  done = () => {};
  return { ms, callbacks };
};

/** `n` openLink/closeLink cycles; ms. */
window.cycles = async (token, n) => {
  const link = await connect();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await link.openLink(token);
    link.closeLink();
  }
  return performance.now() - t0;
};

/** The smallest step `performance.now()` takes here (ms): 0.1 in Chromium, 1 in Firefox and WebKit pages that are not cross-origin isolated. */
window.clockTick = () => {
  let tick = Infinity;
  let last = performance.now();
  const t0 = last;
  while (performance.now() - t0 < 50) {
    const now = performance.now();
    if (now !== last) {
      tick = Math.min(tick, now - last);
      last = now;
    }
  }
  return tick;
};

/** Bytes of wasm linear memory (this SDK only). */
window.wasmMemory = async () => {
  if (sdkName !== 'ours') return null;
  const glue = await import(url);
  return glue.__benchWasmMemory?.() ?? null;
};

window.benchReady = true;
