// Host page of the browser tests: loads the built package (or, with
// ?sdk=upstream, @front-finance/link 1.1.9, or with ?sdk=mesh-upstream,
// @meshconnect/web-link-sdk 3.13.0, each bundled by the harness) and
// records every callback, with its arguments, in `window.trace`.
// ?prewarm keeps 3.13's prewarm frame; by default the page opts out of it
// (window.meshLinkShouldSkipPrewarm) so no test reaches a public host.
const query = new URLSearchParams(location.search);
const SDKS = { upstream: '/vendor/front-finance-link.js', 'mesh-upstream': '/vendor/mesh-web-link-sdk.js' };
if (!query.has('prewarm')) window.meshLinkShouldSkipPrewarm = true;
// ?nosheets: a browser without constructed stylesheets (Safari 15.4–16.3,
// Firefox 98–100), before the SDK loads, for the overlay's fallback
// (tests/js/package/floor.test.mjs); ?nosheets=bare also takes the page's own
// stylesheet away.
if (query.has('nosheets')) {
  for (const owner of [Document, ShadowRoot]) delete owner.prototype.adoptedStyleSheets;
  for (const method of ['replace', 'replaceSync']) delete CSSStyleSheet.prototype[method];
  window.CSSStyleSheet = new Proxy(CSSStyleSheet, {
    construct() {
      throw new TypeError('Illegal constructor');
    },
  });
  if (query.get('nosheets') === 'bare') document.querySelector('link[rel=stylesheet]')?.remove();
}
// ?pkg=/broken/pkg/: the package served with its wasm missing (harness.mjs).
window.sdk = await import(SDKS[query.get('sdk')] ?? `${query.get('pkg') ?? '/pkg/'}index.js`);
window.trace = [];
window.sentinels = 0;
window.violations = [];
window.pageErrors = [];
// What the SDK says on the console with console.warn, for the cases that
// hold it to "nothing dropped in silence".
window.warnings = [];
const warn = console.warn;
console.warn = (...args) => {
  window.warnings.push(args.map(String).join(' '));
  warn.apply(console, args);
};
addEventListener('error', (e) => window.pageErrors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.pageErrors.push(`unhandled rejection: ${e.reason}`));
addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
addEventListener('message', (e) => {
  if (e.data && e.data.type === '__sentinel') window.sentinels++;
});

/**
 * FrontOptions (and LinkOptions: both connected callbacks are there, each
 * SDK calls its own) whose callbacks record into `trace`, tagged with `label`.
 */
window.recorder = (label = '', extra = {}) => {
  const record = (name) =>
    function (...args) {
      window.trace.push({
        label,
        name,
        args: structuredClone(args),
        overlay: document.querySelector('#front-link-popup, #mesh-link-popup') !== null,
      });
    };
  return {
    clientId: 'test-client',
    onBrokerConnected: record('onBrokerConnected'),
    onIntegrationConnected: record('onIntegrationConnected'),
    onExit: record('onExit'),
    onTransferFinished: record('onTransferFinished'),
    onEvent: record('onEvent'),
    ...extra,
  };
};

/** Bytes of this package's wasm memory (null for the upstreams). */
window.wasmMemory = async () => {
  if (query.has('sdk')) return null;
  const loader = await import('/pkg/loader.js');
  await loader.load();
  return loader.wasmMemory();
};

window.sdkReady = true;
