// Messages of the package's JavaScript that more than one file says: the
// loaders (loader.js, loader.cjs through messages.cjs) and the test kit
// (testing/, which gets a copy of this file). Declared here only.

/** What `onExit` gets when the wasm instance stopped on an internal error. */
export const STOPPED = 'front-link-wasm stopped on an internal error and ended the session; open Link again to start afresh';

/** How a test runner puts the test kit in the package's place. */
export const ALIAS =
  "map it in the test runner's config: Vitest, resolve: { alias: [{ find: /^front-link-wasm(\\/front|\\/react)?$/, replacement: 'front-link-wasm/testing$1' }] } (with test.server.deps.inline for a dependency that imports it); Jest, moduleNameMapper: { '^front-link-wasm(/front|/react)?$': 'front-link-wasm/testing$1' }";
