// An app's test written in TypeScript against front-link-wasm/testing: the
// stand-in's entries have exactly the real entries' types (so that a mock
// of one by the other type-checks), the controls are typed, and the
// mistakes below are errors.
import * as real from 'front-link-wasm';
import * as realFront from 'front-link-wasm/front';
import * as realReact from 'front-link-wasm/react';
import * as testing from 'front-link-wasm/testing';
import * as testingFront from 'front-link-wasm/testing/front';
import * as testingReact from 'front-link-wasm/testing/react';
import { configure, connections, fixtures, linkToken, nextSession, reset, session, type Delivered, type TestSession } from 'front-link-wasm/testing';
import type { Equal, Expect } from './equal';

export type Checks = {
  createLink: Expect<Equal<typeof testing.createLink, typeof real.createLink>>;
  createFrontConnection: Expect<Equal<typeof testing.createFrontConnection, typeof real.createFrontConnection>>;
  isLinkEventTypeKey: Expect<Equal<typeof testing.isLinkEventTypeKey, typeof real.isLinkEventTypeKey>>;
  isFrontEventTypeKey: Expect<Equal<typeof testing.isFrontEventTypeKey, typeof real.isFrontEventTypeKey>>;
  frontCreate: Expect<Equal<typeof testingFront.createFrontConnection, typeof realFront.createFrontConnection>>;
  useLink: Expect<Equal<typeof testingReact.useLink, typeof realReact.useLink>>;
  useFrontConnection: Expect<Equal<typeof testingReact.useFrontConnection, typeof realReact.useFrontConnection>>;
};

export async function appTest(): Promise<void> {
  configure({ act: (deliver) => deliver() });
  const exits: unknown[][] = [];
  const link = testing.createLink({ onIntegrationConnected: () => {}, onExit: (...args) => void exits.push(args) });
  await link.openLink(linkToken());
  const s: TestSession = await nextSession({ timeout: 500 });
  s.connect({ mfa: true, accounts: [{ accountName: 'Cash' }], broker: { type: 'kraken', name: 'Kraken' } })
    .transfer({ status: 'error', errorMessage: 'No' })
    .done(fixtures.link.summary());
  const last: Delivered | undefined = s.delivered.at(-1);
  const why: string | undefined = s.send({ type: 'nope' })?.why;
  const calls: readonly string[] = connections()[0].calls.map((c) => c.method);
  const same: boolean = session() === s;
  testingFront.createFrontConnection({ clientId: 'c', onBrokerConnected: () => {} }).openLink(linkToken('https://web.meshconnect.com/x'));
  (await testingFront.nextSession()).oauth('https://oauth.example/', { blocked: true }).close({ message: 'bye' });
  configure({ load: new Error('no wasm') });
  configure({ load: 'pending' });
  testing.settleLoad();
  testing.settleLoad('blocked');
  configure({ load: 'ready' });
  reset();
  void [last, why, calls, same];
}

// The records read typed, without a cast: narrow by `callback`, `type` or `method`.
export async function typedRecords(): Promise<void> {
  const s = await nextSession<'link'>();
  for (const d of s.delivered) {
    if (d.callback === 'onIntegrationConnected') {
      const broker: string | undefined = d.args[0].accessToken?.brokerName;
      void broker;
    } else if (d.callback === 'onTransferFinished') {
      const amount: number | undefined = d.args[0].amount;
      void amount;
    } else if (d.callback === 'onEvent') {
      const type: string = d.args[0].type;
      void type;
    } else {
      const [error] = d.args;
      const text: string | undefined = error;
      void text;
    }
  }
  for (const p of s.posted) {
    if (p.type === 'frontAccessTokens') {
      const name: string = p.payload[0].accountName;
      void name;
    }
  }
  for (const c of s.connection.calls) {
    if (c.method === 'openLink') {
      const token: string = c.args[0];
      void token;
    }
  }
  const front = await nextSession<'front'>();
  const last = front.delivered.at(-1);
  if (last?.callback === 'onBrokerConnected') {
    const accounts: number | undefined = last.args[0].accessToken?.accountTokens.length;
    void accounts;
  }
  // Either face, narrowed the same way.
  const any: TestSession = session();
  const exit = any.delivered.find((d) => d.callback === 'onExit');
  void exit;
}

export async function typedMistakes(): Promise<void> {
  const s = await nextSession<'link'>();
  for (const d of s.delivered) {
    // @ts-expect-error onExit's first argument is a string (or nothing), not a payload
    if (d.callback === 'onExit') void d.args[0].amount;
    // @ts-expect-error createLink's connected callback is onIntegrationConnected, never onBrokerConnected
    if (d.callback === 'onBrokerConnected') void d;
  }
  for (const c of s.connection.calls) {
    // @ts-expect-error createLink's handle has no openPopup
    if (c.method === 'openPopup') void c;
  }
}

export async function mistakes(s: TestSession): Promise<void> {
  // @ts-expect-error connect() takes a script object, not a token
  s.connect('at-1');
  // @ts-expect-error a transfer result's status is 'success' or 'error'
  s.transfer({ status: 'pending' });
  // @ts-expect-error the face is 'link' or 'front'
  const face: 'mesh' = s.face;
  // @ts-expect-error configure's load is 'ready', 'pending', an Error or a message
  configure({ load: true });
  // @ts-expect-error not an event key of either face
  s.event('transferFinishedd');
  // @ts-expect-error delivered is read-only
  s.delivered.push({ callback: 'onExit', args: [] });
  void face;
}
