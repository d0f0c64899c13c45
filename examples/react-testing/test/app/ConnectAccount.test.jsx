// The app's own tests of its Link flows. `front-link-wasm/react` is the
// stand-in here (vitest.config.js's alias, jest.config.cjs's
// moduleNameMapper); these lines run unchanged in Vitest and in Jest.
import { StrictMode } from 'react';
import { fireEvent, render as renderOnce, screen, waitFor } from '@testing-library/react';
import { configure, connections, linkToken, nextSession, reset, settleLoad } from 'front-link-wasm/testing';
import { ConnectAccount } from '../../src/ConnectAccount.jsx';

const tokens = { connect: linkToken('https://web.meshconnect.com/b2b-iframe?session=connect'), transfer: linkToken('https://web.meshconnect.com/b2b-iframe?session=transfer') };
const getLinkToken = async (purpose) => tokens[purpose];
// In development, <StrictMode> mounts every component twice: still one connection, one session.
const render = (ui) => renderOnce(<StrictMode>{ui}</StrictMode>);

async function connectedApp(onExit) {
  render(<ConnectAccount getLinkToken={getLinkToken} onExit={onExit} />);
  await waitFor(() => expect(screen.getByText('Connect account').disabled).toBe(false));
  fireEvent.click(screen.getByText('Connect account'));
  const link = await nextSession();
  link.connect({ mfa: true, accounts: [{ accountName: 'Brokerage' }, { accountName: 'Roth IRA' }] });
  return link;
}

test('connecting lists the accounts the user connected', async () => {
  const link = await connectedApp();
  expect(link.token).toBe(tokens.connect);
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Brokerage (Robinhood)', 'Roth IRA (Robinhood)']);
  expect(link.delivered.map((d) => d.callback)).toEqual(['onEvent', 'onEvent', 'onEvent', 'onEvent', 'onEvent', 'onEvent', 'onIntegrationConnected']);
  expect(connections()).toHaveLength(1);
  expect(connections()[0].sessions).toEqual([link]);
});

test('a transfer sends the connected tokens to the Link UI and shows the result', async () => {
  const first = await connectedApp();
  first.done();
  fireEvent.click(screen.getByText('Transfer'));
  const transfer = await nextSession();
  transfer.load();
  // The app's accessTokens option, posted to the Link UI on load.
  const posted = transfer.posted.find((p) => p.type === 'frontAccessTokens');
  expect(posted.payload.map((t) => t.accountName)).toEqual(['Brokerage', 'Roth IRA']);
  transfer.transfer({ amount: 0.5, symbol: 'ETH' });
  expect(screen.getByRole('status').textContent).toBe('Sent 0.5 ETH');
});

test('a failed transfer says why', async () => {
  const first = await connectedApp();
  first.done();
  fireEvent.click(screen.getByText('Transfer'));
  (await nextSession()).transfer({ status: 'error', errorMessage: 'Insufficient funds' });
  expect(screen.getByRole('status').textContent).toBe('Transfer failed: Insufficient funds');
});

test('the Link UI ending on an error shows the error', async () => {
  const exits = [];
  const link = await connectedApp((...args) => exits.push(args));
  link.fail('Broker is down');
  expect(screen.getByRole('alert').textContent).toBe('Broker is down');
  expect(exits).toEqual([['Broker is down', { page: 'errorPage', errorMessage: 'Broker is down' }]]);
});

test('the user closing the Link is no error', async () => {
  const exits = [];
  const link = await connectedApp((...args) => exits.push(args));
  link.dismiss();
  expect(exits).toEqual([[undefined, undefined]]);
  expect(screen.queryByRole('alert')).toBeNull();
});

test('a link token the SDK refuses ends in onExit, and the app shows it', async () => {
  render(<ConnectAccount getLinkToken={async () => 'not-a-link-token'} />);
  await waitFor(() => expect(screen.getByText('Connect account').disabled).toBe(false));
  fireEvent.click(screen.getByText('Connect account'));
  await expect(nextSession()).rejects.toThrow('Invalid link token!');
  expect((await screen.findByRole('alert')).textContent).toBe('Invalid link token!');
});

test('unmounting mid-session ends the session, and onExit runs once', async () => {
  const exits = [];
  const { unmount } = render(<ConnectAccount getLinkToken={getLinkToken} onExit={(...args) => exits.push(args)} />);
  await waitFor(() => expect(screen.getByText('Connect account').disabled).toBe(false));
  fireEvent.click(screen.getByText('Connect account'));
  const link = await nextSession();
  link.load();
  unmount();
  await waitFor(() => expect(link.open).toBe(false));
  expect(exits).toHaveLength(1);
  expect(link.delivered.at(-1)).toEqual({ callback: 'onExit', args: [] });
  expect(connections()[0].calls.map((c) => c.method)).toEqual(['openLink', 'closeLink']);
});

test('when the SDK cannot load, the app says so and opens nothing', async () => {
  configure({ load: 'this browser runs no WebAssembly' });
  render(<ConnectAccount getLinkToken={getLinkToken} />);
  expect((await screen.findByRole('alert')).textContent).toMatch(/could not start: this browser runs no WebAssembly/);
  expect(screen.getByText('Connect account').disabled).toBe(true);
});

test('the button waits for the SDK: disabled on the first render, enabled once it has loaded', async () => {
  configure({ load: 'pending' });
  render(<ConnectAccount getLinkToken={getLinkToken} />);
  expect(screen.getByText('Connect account').disabled).toBe(true);
  await new Promise((r) => setTimeout(r, 20));
  expect(screen.getByText('Connect account').disabled).toBe(true);
  settleLoad();
  await waitFor(() => expect(screen.getByText('Connect account').disabled).toBe(false));
});

test("the hook's openLink is recorded with exactly the app's arguments", async () => {
  await connectedApp();
  expect(connections()[0].calls).toEqual([{ method: 'openLink', args: [tokens.connect] }]);
});

test('strict mode fails a test that leaves the Link open', async () => {
  configure({ strict: true });
  try {
    await connectedApp();
    expect(() => reset()).toThrow(/was still open: end it/);
  } finally {
    configure({ strict: false });
  }
});

test('strict mode passes a test that ends its sessions; reset() says it ended nothing', async () => {
  configure({ strict: true });
  try {
    (await connectedApp()).done();
    expect(reset()).toEqual([]);
  } finally {
    configure({ strict: false });
  }
});
