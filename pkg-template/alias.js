// The lines that put the test kit in the package's place in a test runner's
// config, which the package's messages in Node.js name: instance.js,
// loader.cjs (through alias.cjs) and the test kit (testing/ gets a copy of
// this file). Declared here only.

/** How a test runner puts the test kit in the package's place. */
export const ALIAS =
  "map it in the test runner's config: Vitest, resolve: { alias: [{ find: /^front-link-wasm(\\/front|\\/react)?$/, replacement: 'front-link-wasm/testing$1' }] } (with test.server.deps.inline for a dependency that imports it); Jest, moduleNameMapper: { '^front-link-wasm(/front|/react)?$': 'front-link-wasm/testing$1' }";
