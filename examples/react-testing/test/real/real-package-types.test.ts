// The real package through ts-jest (TypeScript compiled to CommonJS): the
// main entry imports, and an open ends in onExit naming front-link-wasm/testing.
import { createLink, type LinkOptions } from 'front-link-wasm';

test('createLink from TypeScript: openLink ends in onExit naming front-link-wasm/testing', async () => {
  const error = console.error;
  console.error = () => {};
  try {
    const exit = await new Promise<unknown[]>((resolve) => {
      const options: LinkOptions = { clientId: 'example', onIntegrationConnected: () => {}, onExit: (...args: unknown[]) => resolve(args) };
      createLink(options).openLink('aHR0cHM6Ly93ZWIubWVzaGNvbm5lY3QuY29tL2IyYi1pZnJhbWU=');
    });
    expect(String(exit[0])).toMatch(/front-link-wasm\/testing/);
  } finally {
    console.error = error;
  }
});
