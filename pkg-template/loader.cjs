// The CommonJS side of loader.js: import() of the ES module package once,
// and the load status the hooks (react.cjs) read, which includes a failed
// import.
'use strict';
let imported;
let status = { ready: false, error: null };
const listeners = new Set();

function settle(next) {
  status = next;
  for (const listener of listeners) {
    try {
      listener(status);
    } catch (error) {
      console.error('front-link-wasm: a load listener threw', error);
    }
  }
}

const { ALIAS } = require('./alias.cjs');

/** The ES module package, or a rejection that says what to do. */
exports.esm = () =>
  (imported ??= import('./index.js').then(
    (loaded) => (import('./loader.js').then((loader) => (settle(loader.loadStatus()), loader.onLoadStatus(settle))), loaded),
    (error) => {
      const failed = new Error(
        'front-link-wasm could not start: this test runner loads packages as CommonJS and cannot import() the package (Jest without --experimental-vm-modules?): script Link sessions in tests with front-link-wasm/testing; ' +
          ALIAS +
          ' (' +
          (error?.message ?? error) +
          ')',
      );
      failed.frontLinkWasm = true;
      globalThis[Symbol.for('front-link-wasm/real')] = true;
      settle({ ready: false, error: failed });
      throw failed;
    },
  ));

exports.loadStatus = () => status;
exports.onLoadStatus = (listener) => (listeners.add(listener), () => listeners.delete(listener));
