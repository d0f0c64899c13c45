// Jest: the app's tests (test/app) run against front-link-wasm/testing,
// mapped in place of the package's entries; the real package's tests
// (test/real) run unmapped, in jsdom and in node, through Babel and through
// ts-jest.
const app = {
  displayName: 'app',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/app/**/*.test.{js,jsx}'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.js'],
  moduleNameMapper: { '^front-link-wasm(/front|/react)?$': 'front-link-wasm/testing$1' },
};

const real = (environment) => ({ displayName: `real-${environment}`, testEnvironment: environment, testMatch: ['<rootDir>/test/real/**/*.test.js'] });

const typescript = {
  displayName: 'real-ts-jest',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/real/**/*.test.ts'],
  transform: { '\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};

module.exports = { projects: [app, real('jsdom'), real('node'), typescript] };
