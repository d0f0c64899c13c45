// The real hooks in a test runner's jsdom, without the stand-in: they
// render, and their `error` says what to do.
import { render, screen } from '@testing-library/react';
import { useLink } from 'front-link-wasm/react';

function Status() {
  const link = useLink({ onIntegrationConnected: () => {} });
  return <p role="status">{link.error ? link.error.message : link.ready ? 'ready' : 'loading'}</p>;
}

test("useLink's error points to front-link-wasm/testing", async () => {
  render(<Status />);
  expect((await screen.findByText(/front-link-wasm\/testing/)).textContent).toMatch(/^front-link-wasm could not start: /);
});
