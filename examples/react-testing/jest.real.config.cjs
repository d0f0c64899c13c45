// Jest, the real package (no mapping): test/real imports it in jsdom and in
// node through Babel, and from TypeScript through ts-jest.
const real = (environment) => ({ displayName: `real-${environment}`, testEnvironment: environment, testMatch: ['<rootDir>/test/real/**/*.test.js'] });

const typescript = {
  displayName: 'real-ts-jest',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/real/**/*.test.ts'],
  transform: { '\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};

module.exports = { projects: [real('jsdom'), real('node'), typescript] };
