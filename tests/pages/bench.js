// Benchmark host page: the same measurements for either SDK (?sdk=ours or
// ?sdk=upstream). Nothing is imported until a measurement asks, so the
// first one can time a cold start.
const upstream = new URLSearchParams(location.search).get('sdk') === 'upstream';
const url = upstream ? '/vendor/front-finance-link.js' : '/pkg/index.js';
let callbacks = 0;
let target = Infinity;
let reached = () => {};
const tick = () => {
  if (++callbacks === target) reached();
};
const options = { clientId: 'bench', onBrokerConnected: tick, onExit: tick, onTransferFinished: tick, onEvent: tick };

/** Import → ready to open: for this SDK that includes fetching, compiling and instantiating the wasm. */
window.coldStart = async () => {
  const t0 = performance.now();
  const sdk = await import(url);
  const link = sdk.createFrontConnection({ clientId: 'bench', onBrokerConnected() {}, onExit() {} });
  await link.openLink(''); // refused at once, but only once the SDK is ready
  return performance.now() - t0;
};

/** openLink → iframe attached, `n` times (after one warm-up). */
window.openTimes = async (token, n) => {
  const link = (await import(url)).createFrontConnection(options);
  await link.openLink(token);
  link.closeLink();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await link.openLink(token);
    const attached = document.getElementById('front-link-popup__iframe')?.isConnected;
    times.push(performance.now() - t0);
    if (!attached) throw new Error('no iframe');
    link.closeLink();
  }
  return times;
};

function frameLoaded(iframe) {
  return new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
}

function waitFor(type) {
  return new Promise((resolve) => addEventListener('message', function on(e) {
    if (e.data?.type === type) {
      removeEventListener('message', on);
      resolve();
    }
  }));
}

/** `messages` posted by the Link iframe for real → every callback received; ms. */
window.dispatch = async (token, messages, expected) => {
  const link = (await import(url)).createFrontConnection(options);
  await link.openLink(token);
  const iframe = document.getElementById('front-link-popup__iframe');
  await frameLoaded(iframe);
  const prepared = waitFor('__prepared');
  iframe.contentWindow.postMessage({ __puppet: 'prepare', messages }, '*');
  await prepared;
  callbacks = 0;
  target = expected;
  const all = new Promise((resolve) => (reached = resolve));
  const t0 = performance.now();
  iframe.contentWindow.postMessage({ __puppet: 'fire' }, '*');
  await all;
  const ms = performance.now() - t0;
  const received = callbacks;
  target = Infinity;
  link.closeLink();
  return { ms, callbacks: received };
};

/** `n` openLink/closeLink cycles; ms. */
window.cycles = async (token, n) => {
  const link = (await import(url)).createFrontConnection(options);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await link.openLink(token);
    link.closeLink();
  }
  return performance.now() - t0;
};

/** Bytes of wasm linear memory (this SDK only). */
window.wasmMemory = async () => {
  if (upstream) return null;
  const glue = await import('/pkg/front_link_wasm.js');
  const exports = await glue.default(); // already initialised: returns the instance's exports
  return exports.memory.buffer.byteLength;
};

window.benchReady = true;
