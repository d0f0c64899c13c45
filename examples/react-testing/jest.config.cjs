// Jest: the app's tests run against front-link-wasm/testing, mapped in
// place of the package's entries.
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/app/**/*.test.{js,jsx,ts}'],
  // TypeScript tests through ts-jest, which type-checks them; the rest through Babel.
  transform: { '\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }], '\\.[jt]sx?$': 'babel-jest' },
  setupFilesAfterEnv: ['<rootDir>/test/setup.js'],
  moduleNameMapper: { '^front-link-wasm(/front|/react)?$': 'front-link-wasm/testing$1' },
};
