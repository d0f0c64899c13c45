// front-link-wasm/testing: the package's two faces over a stand-in of the
// wasm that a test drives: no wasm, no DOM, no network. The faces (faces.js)
// and the hooks (react.js) are the package's own files; the stand-in
// (connection.js, session.js) follows the core's rules (core.js, held to
// the core by tests/testing-vectors.json).
import * as faces from './faces.js';
import { track } from './connection.js';

export { isFrontEventTypeKey, isLinkEventTypeKey } from './faces.js';
export { configure, connections, linkToken, nextSession, reset, session, settleLoad } from './controller.js';
export { fixtures } from './fixtures.js';

/**
 * The handle the app gets: the face's, each call recorded before the face
 * carries it out.
 * @template {object} T
 * @param {{ calls: unknown[] }} connection
 * @param {T} handle
 * @returns {T}
 */
function recorded(connection, handle) {
  const out = {};
  for (const [method, carry] of Object.entries(handle)) {
    out[method] = (...args) => {
      connection.calls.push({ method, args });
      return carry(...args);
    };
  }
  return /** @type {T} */ (out);
}

/** `createLink` of the package, over the stand-in. */
export function createLink(options) {
  const connection = track('link', options);
  return recorded(connection, faces.createLink(connection.carrier));
}

/** `createFrontConnection` of the package, over the stand-in. */
export function createFrontConnection(options) {
  const connection = track('front', options);
  return recorded(connection, faces.createFrontConnection(connection.carrier));
}
