// Types of front-link-wasm/testing/react: the package's hooks, over the
// stand-in of front-link-wasm/testing (whose controls drive them).
export * from '../react.js';
