// front-link-wasm for require(): the ES module package (index.js), reached
// through import() when a session first opens. In Node.js and in a bundle
// that require()s it, that import works and this entry behaves as
// index.js. Where it cannot (Jest's default CommonJS mode has no import()),
// importing still works, and each openLink ends in onExit with what to do.
'use strict';
const { FRONT_EVENT_TYPE_KEYS, LINK_EVENT_TYPE_KEYS } = require('./event-keys.cjs');
const { esm } = require('./loader.cjs');

exports.isFrontEventTypeKey = (key) => typeof key === 'string' && FRONT_EVENT_TYPE_KEYS.includes(key);
exports.isLinkEventTypeKey = (key) => typeof key === 'string' && LINK_EVENT_TYPE_KEYS.includes(key);

// A handle whose calls wait for the module's own handle, in order; an
// open that cannot reach it ends in onExit, as a wasm that cannot load.
function face(create, methods) {
  return (options) => {
    const made = esm().then((module) => module[create](options));
    // Not an unhandled rejection: an open reports it through onExit.
    made.catch(() => {});
    const handle = {};
    for (const method of methods) {
      handle[method] = (...args) =>
        made.then(
          (real) => real[method](...args),
          (error) => {
            if (!method.startsWith('open')) return;
            console.error(error);
            try {
              options?.onExit?.(error.message);
            } catch (thrown) {
              console.error('front-link-wasm: onExit threw', thrown);
            }
          },
        );
    }
    return handle;
  };
}

exports.createLink = face('createLink', ['openLink', 'closeLink', 'closeLinkRequested']);
exports.createFrontConnection = face('createFrontConnection', ['openLink', 'openPopup', 'closeLink', 'closePopup']);
