// Jest, the real package (no mapping): test/real imports it in jsdom (the
// hooks too) and in node through Babel, and from TypeScript through ts-jest.
const real = (environment, files) => ({ displayName: `real-${environment}`, testEnvironment: environment, testMatch: [`<rootDir>/test/real/**/*.test.${files}`] });

const typescript = {
  displayName: 'real-ts-jest',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/real/**/*.test.ts'],
  transform: { '\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};

module.exports = { projects: [real('jsdom', '{js,jsx}'), real('node', 'js'), typescript] };
