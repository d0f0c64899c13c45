// Vitest: the app's tests (test/app) run against front-link-wasm/testing,
// put in place of the package's entries by an alias; the real package's
// test (test/real) runs unaliased, in jsdom and in node.
import { defineConfig } from 'vitest/config';

const standIn = { find: /^front-link-wasm(\/front|\/react)?$/, replacement: 'front-link-wasm/testing$1' };

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias: [standIn] }, test: { name: 'app', environment: 'jsdom', globals: true, include: ['test/app/**/*.test.{js,jsx}'], setupFiles: ['test/setup.js'] } },
      { test: { name: 'real-jsdom', environment: 'jsdom', globals: true, include: ['test/real/**/*.test.{js,ts}'] } },
      { test: { name: 'real-node', environment: 'node', globals: true, include: ['test/real/**/*.test.{js,ts}'] } },
    ],
  },
});
