// Host page of the browser tests: loads the built package and records
// every callback, with its arguments, in `window.trace`.
import * as sdk from '/pkg/index.js';

window.sdk = sdk;
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
        args,
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
