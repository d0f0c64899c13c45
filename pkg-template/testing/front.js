// front-link-wasm/testing/front: front-link-wasm/front (1.1.9's names) over
// the stand-in, with the test's controls.
export { createFrontConnection, isFrontEventTypeKey, configure, connections, fixtures, linkToken, nextSession, reset, session, settleLoad } from './index.js';
