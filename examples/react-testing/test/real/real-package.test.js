// The real package, not the stand-in, imported by the test runner as an app
// would import it: in Node (and jsdom) it cannot run its WebAssembly, so an
// open ends in onExit and a console error, both naming front-link-wasm/testing.
import { createLink, isLinkEventTypeKey } from 'front-link-wasm';
import { useLink } from 'front-link-wasm/react';
import { createFrontConnection } from 'front-link-wasm/front';
import { nextSession, reset } from 'front-link-wasm/testing';

const token = 'aHR0cHM6Ly93ZWIubWVzaGNvbm5lY3QuY29tL2IyYi1pZnJhbWU/c2Vzc2lvbj10ZXN0';

function exitOf(create) {
  return new Promise((resolve) => {
    const errors = [];
    const error = console.error;
    console.error = (...args) => errors.push(args.map(String).join(' '));
    const connection = create({
      onExit: (...args) => {
        console.error = error;
        resolve({ args, errors });
      },
    });
    connection.openLink(token);
  });
}

test('the entries import, with their synchronous parts working', () => {
  expect(typeof useLink).toBe('function');
  expect(isLinkEventTypeKey('transferCompleted')).toBe(true);
  expect(isLinkEventTypeKey('nope')).toBe(false);
});

test.each([
  ['createLink', createLink],
  ['createFrontConnection', createFrontConnection],
])('%s: openLink ends in onExit, with a message that points to front-link-wasm/testing', async (_, create) => {
  const { args, errors } = await exitOf(create);
  expect(args).toHaveLength(1);
  expect(args[0]).toMatch(/^front-link-wasm could not start: .*front-link-wasm\/testing/);
  // The lines that put the kit in its place, for each runner.
  expect(args[0]).toContain("alias: [{ find: /^front-link-wasm(\\/front|\\/react)?$/, replacement: 'front-link-wasm/testing$1' }]");
  expect(args[0]).toContain("moduleNameMapper: { '^front-link-wasm(/front|/react)?$': 'front-link-wasm/testing$1' }");
  expect(errors.join('\n')).toMatch(/front-link-wasm\/testing/);
  // No frame was left in the page (3.13's prewarm frame is for browsers).
  if (typeof document !== 'undefined') expect(document.querySelector('iframe')).toBeNull();
});

test('the kit, asked for a session the real package was asked for, says the real package answered', async () => {
  await exitOf(createLink);
  await expect(nextSession({ timeout: 50 })).rejects.toThrow(/the app reached the real front-link-wasm .*not this stand-in: map it/);
  reset();
});
