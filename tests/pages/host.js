// Host page of the browser tests: loads the built package (or, with
// ?sdk=upstream, @front-finance/link 1.1.9 bundled by the harness) and
// records every callback, with its arguments, in `window.trace`.
const upstream = new URLSearchParams(location.search).get('sdk') === 'upstream';
window.sdk = await import(upstream ? '/vendor/front-finance-link.js' : '/pkg/index.js');
window.trace = [];
window.sentinels = 0;
window.violations = [];
window.pageErrors = [];
addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
addEventListener('message', (e) => {
  if (e.data && e.data.type === '__sentinel') window.sentinels++;
});

/** FrontOptions whose callbacks record into `trace`, tagged with `label`. */
window.recorder = (label = '', extra = {}) => {
  const record = (name) =>
    function (...args) {
      window.trace.push({
        label,
        name,
        args: structuredClone(args),
        overlay: document.getElementById('front-link-popup') !== null,
      });
    };
  return {
    clientId: 'test-client',
    onBrokerConnected: record('onBrokerConnected'),
    onExit: record('onExit'),
    onTransferFinished: record('onTransferFinished'),
    onEvent: record('onEvent'),
    ...extra,
  };
};

window.sdkReady = true;
