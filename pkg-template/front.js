// front-link-wasm/front: the face of @front-finance/link 1.1.9 (its names and
// types, front.d.ts) over the main entry's runtime. Touches no browser global.
export { createFrontConnection, isFrontEventTypeKey } from './index.js';
