// The 1.1.9 face (front-link-wasm/front → front-link-wasm/testing/front).
import { linkToken, nextSession } from 'front-link-wasm/testing';
import { connectBroker } from '../../src/legacy.js';

test('connectBroker resolves with the accounts, and closes the Link', async () => {
  const accounts = connectBroker(linkToken());
  const link = await nextSession();
  expect(link.face).toBe('front');
  link.connect({ accounts: [{ accountName: 'Joint' }] });
  await expect(accounts).resolves.toEqual(['Joint']);
  expect(link.open).toBe(false);
  // 1.1.9's onExit hears nothing when the app closed: no arguments.
  expect(link.delivered.at(-1)).toEqual({ callback: 'onExit', args: [] });
});

test('connectBroker rejects with the message the Link UI closed with', async () => {
  const accounts = connectBroker(linkToken());
  (await nextSession()).close({ message: 'User closed' });
  await expect(accounts).rejects.toThrow('User closed');
});
