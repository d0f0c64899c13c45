// The stand-in's records in TypeScript, read without a cast: narrow a
// record by its `callback`, `type` or `method` and its arguments are typed.
// (Jest compiles this file with ts-jest, which type-checks it.)
import { connections, linkToken, nextSession } from 'front-link-wasm/testing';
import { createLink } from 'front-link-wasm';

test('delivered, posted and calls are typed per callback', async () => {
  const link = createLink({ onIntegrationConnected: () => {}, accessTokens: [{ accountId: 'a', accountName: 'Cash', accessToken: 't', brokerType: 'robinhood', brokerName: 'Robinhood' }] });
  link.openLink(linkToken());
  const session = await nextSession<'link'>();
  session.connect({ accounts: [{ accountName: 'Brokerage' }] }).transfer({ amount: 2 });
  const brokers: string[] = [];
  const amounts: (number | undefined)[] = [];
  for (const record of session.delivered) {
    if (record.callback === 'onIntegrationConnected') brokers.push(record.args[0].accessToken?.brokerName ?? '');
    if (record.callback === 'onTransferFinished') amounts.push(record.args[0].amount);
  }
  expect(brokers).toEqual(['Robinhood']);
  expect(amounts).toEqual([2]);
  const names = session.posted.flatMap((p) => (p.type === 'frontAccessTokens' ? p.payload.map((t) => t.accountName) : []));
  expect(names).toEqual(['Cash']);
  session.done();
});

test('calls are typed per method, with the arguments as given', async () => {
  createLink({ onIntegrationConnected: () => {} }).openLink(linkToken());
  (await nextSession()).dismiss();
  const tokens = connections()[0].calls.flatMap((c) => (c.method === 'openLink' ? [c.args[0]] : []));
  expect(tokens).toEqual([linkToken()]);
});
