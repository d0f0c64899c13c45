// Vitest: the app's tests run against front-link-wasm/testing, put in place
// of the package's entries by an alias.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [{ find: /^front-link-wasm(\/front|\/react)?$/, replacement: 'front-link-wasm/testing$1' }],
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/app/**/*.test.{js,jsx,ts}'],
    setupFiles: ['test/setup.js'],
  },
});
