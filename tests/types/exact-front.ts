// front-link-wasm/front against @front-finance/link 1.1.9's own types: for
// every export of 1.1.9, its type (for a function, its signature) is the same
// as ours. `Checks` has one key per export of 1.1.9 and no other;
// tests/js/package/package.test.mjs compares the keys with the exports tsc finds in
// 1.1.9's index.d.ts, and front-link-wasm/front's exports with 1.1.9's.
//
// BrokerType: 1.1.9's declarations import it from `@front-finance/api`, a
// package 1.1.9 does not depend on: in an app without it, tsc (skipLibCheck)
// makes it `any`; with it (1.1.10, the last), a 37-name union. Ours is the
// main entry's BrokerType, which holds both (deliberately wider than the
// union, narrower than `any` but assignable from any). tsconfig.exact.json
// maps `@front-finance/api` to front-finance-api.d.ts, which names ours, so
// that everything else is compared exactly; `BrokerTypeChecks` below shows
// that the union as 1.1.10 ships it is assignable to ours.
import type * as Upstream from '@front-finance/link';
import type * as Ours from 'front-link-wasm/front';
import type { Equal, Expect, Extends } from './equal';

export type Checks = {
  AccessTokenPayload: Expect<Equal<Upstream.AccessTokenPayload, Ours.AccessTokenPayload>>;
  BrokerAccount: Expect<Equal<Upstream.BrokerAccount, Ours.BrokerAccount>>;
  BrokerAccountToken: Expect<Equal<Upstream.BrokerAccountToken, Ours.BrokerAccountToken>>;
  BrokerBrandInfo: Expect<Equal<Upstream.BrokerBrandInfo, Ours.BrokerBrandInfo>>;
  CredentialsEntered: Expect<Equal<Upstream.CredentialsEntered, Ours.CredentialsEntered>>;
  DelayedAuthPayload: Expect<Equal<Upstream.DelayedAuthPayload, Ours.DelayedAuthPayload>>;
  EventType: Expect<Equal<Upstream.EventType, Ours.EventType>>;
  FrontConnection: Expect<Equal<Upstream.FrontConnection, Ours.FrontConnection>>;
  FrontEventType: Expect<Equal<Upstream.FrontEventType, Ours.FrontEventType>>;
  FrontEventTypeKeys: Expect<Equal<Upstream.FrontEventTypeKeys, Ours.FrontEventTypeKeys>>;
  FrontOptions: Expect<Equal<Upstream.FrontOptions, Ours.FrontOptions>>;
  FrontPayload: Expect<Equal<Upstream.FrontPayload, Ours.FrontPayload>>;
  IntegrationAccessToken: Expect<Equal<Upstream.IntegrationAccessToken, Ours.IntegrationAccessToken>>;
  IntegrationConnected: Expect<Equal<Upstream.IntegrationConnected, Ours.IntegrationConnected>>;
  IntegrationConnectionError: Expect<Equal<Upstream.IntegrationConnectionError, Ours.IntegrationConnectionError>>;
  IntegrationSelected: Expect<Equal<Upstream.IntegrationSelected, Ours.IntegrationSelected>>;
  LinkStyle: Expect<Equal<Upstream.LinkStyle, Ours.LinkStyle>>;
  PageLoaded: Expect<Equal<Upstream.PageLoaded, Ours.PageLoaded>>;
  TransferCompleted: Expect<Equal<Upstream.TransferCompleted, Ours.TransferCompleted>>;
  TransferExecutionError: Expect<Equal<Upstream.TransferExecutionError, Ours.TransferExecutionError>>;
  TransferFinishedErrorPayload: Expect<Equal<Upstream.TransferFinishedErrorPayload, Ours.TransferFinishedErrorPayload>>;
  TransferFinishedPayload: Expect<Equal<Upstream.TransferFinishedPayload, Ours.TransferFinishedPayload>>;
  TransferFinishedSuccessPayload: Expect<Equal<Upstream.TransferFinishedSuccessPayload, Ours.TransferFinishedSuccessPayload>>;
  TransferPreviewError: Expect<Equal<Upstream.TransferPreviewError, Ours.TransferPreviewError>>;
  TransferPreviewed: Expect<Equal<Upstream.TransferPreviewed, Ours.TransferPreviewed>>;
  TransferStarted: Expect<Equal<Upstream.TransferStarted, Ours.TransferStarted>>;
  createFrontConnection: Expect<Equal<typeof Upstream.createFrontConnection, typeof Ours.createFrontConnection>>;
  isFrontEventTypeKey: Expect<Equal<typeof Upstream.isFrontEventTypeKey, typeof Ours.isFrontEventTypeKey>>;
};

/** `BrokerType` of `@front-finance/api` 1.1.10, the values 1.1.9's types can name. */
type FrontApiBrokerType =
  | 'robinhood'
  | 'eTrade'
  | 'alpaca'
  | 'tdAmeritrade'
  | 'weBull'
  | 'stash'
  | 'interactiveBrokers'
  | 'public'
  | 'coinbase'
  | 'kraken'
  | 'coinbasePro'
  | 'cryptoCom'
  | 'openSea'
  | 'binanceUs'
  | 'gemini'
  | 'cryptocurrencyAddress'
  | 'cryptocurrencyWallet'
  | 'okCoin'
  | 'bittrex'
  | 'kuCoin'
  | 'etoro'
  | 'cexIo'
  | 'binanceInternational'
  | 'bitstamp'
  | 'gateIo'
  | 'acorns'
  | 'okx'
  | 'bitFlyer'
  | 'coinlist'
  | 'huobi'
  | 'bitfinex'
  | 'deFiWallet'
  | 'krakenDirect'
  | 'vanguard'
  | 'binanceInternationalDirect'
  | 'bitfinexDirect'
  | 'bybit';

export type BrokerTypeChecks = {
  union: Expect<Extends<FrontApiBrokerType, Ours.AccessTokenPayload['brokerType']>>;
  // Without `@front-finance/api`, 1.1.9's field is `any`: every value fits.
  any: Expect<Extends<any, Ours.IntegrationAccessToken['brokerType']>>;
};
