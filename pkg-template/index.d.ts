// Types of front-link-wasm: the names and shapes of @front-finance/link 1.1.9,
// plus the options and events of later Link UIs.

/** Institutions Mesh can connect (a union, like upstream's `BrokerType`). */
export type BrokerType =
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
  | 'bybit'
  | 'paxos'
  | 'coinbasePrime'
  | 'btcTurkDirect'
  | 'kuCoinDirect'
  | 'okxOAuth'
  | 'paribuDirect'
  | 'robinhoodConnect'
  | 'blockchainCom'
  | 'bitsoDirect'
  | 'binanceConnect'
  | 'binanceOAuth'
  | 'revolutConnect'
  | 'binancePay'
  | 'bybitDirect';

/** The message types the Link UI posts to the host page. */
export type EventType =
  | 'brokerageAccountAccessToken'
  | 'delayedAuthentication'
  | 'close'
  | 'done'
  | 'loaded'
  | 'oauthLinkOpen'
  | 'transferFinished';

export interface FrontConnection {
  /**
   * @deprecated (Obsolete) Opens the Link UI at `iframeLink` from `/api/v1/cataloglink`.
   */
  openPopup: (iframeLink: string) => Promise<void>;
  /**
   * Opens the Link UI for a `linkToken` from `/api/v1/linktoken`. With
   * `renderType: 'embedded'`, renders into the host iframe `iframeId`.
   * Never rejects for bad input: problems go to `onExit`.
   */
  openLink: (linkToken: string, iframeId?: string) => Promise<void>;
  /** @deprecated (Obsolete) Closes the Link UI. */
  closePopup: () => void;
  /** Closes the Link UI; `onExit()` fires if a session was open. */
  closeLink: () => void;
}

export interface BrokerAccountToken {
  account: BrokerAccount;
  accessToken: string;
  refreshToken?: string;
}

export interface BrokerAccount {
  accountId: string;
  accountName: string;
  fund?: number;
  cash?: number;
  isReconnected?: boolean;
}

export interface BrokerBrandInfo {
  brokerLogo: string;
  brokerPrimaryColor?: string;
}

export interface FrontPayload {
  accessToken?: AccessTokenPayload;
  delayedAuth?: DelayedAuthPayload;
}

export interface AccessTokenPayload {
  accountTokens: BrokerAccountToken[];
  brokerBrandInfo: BrokerBrandInfo;
  expiresInSeconds?: number;
  refreshTokenExpiresInSeconds?: number;
  brokerType: BrokerType;
  brokerName: string;
}

export interface DelayedAuthPayload {
  refreshTokenExpiresInSeconds?: number;
  brokerType: BrokerType;
  refreshToken: string;
  brokerName: string;
  brokerBrandInfo: BrokerBrandInfo;
}

export interface TransferFinishedSuccessPayload {
  status: 'success';
  txId: string;
  fromAddress: string;
  toAddress: string;
  symbol: string;
  amount: number;
  networkId: string;
}

export interface TransferFinishedErrorPayload {
  status: 'error';
  errorMessage: string;
}

export type TransferFinishedPayload = TransferFinishedSuccessPayload | TransferFinishedErrorPayload;

export interface IntegrationAccessToken {
  accountId: string;
  accountName: string;
  accessToken: string;
  brokerType: BrokerType;
  brokerName: string;
}

/** Where the user was when the Link UI closed (second argument of `onExit`). */
export interface SessionSummary {
  page: string;
  selectedIntegration?: { id?: string; name?: string };
  transfer?: {
    previewId?: string;
    symbol?: string;
    amount?: number;
    amountInFiat?: number;
    transactionId?: string;
    networkId?: string;
  };
  errorMessage?: string;
}

export interface FrontOptions {
  /** Accepted and unused, as upstream. */
  clientId: string;
  /** Accounts were connected: send the tokens to your server. */
  onBrokerConnected: (payload: FrontPayload) => void;
  /** The Link UI closed: `error` if it failed, `summary` if the Link UI sent one. */
  onExit?: (error?: string, summary?: SessionSummary) => void;
  /** A transfer finished. */
  onTransferFinished?: (payload: TransferFinishedPayload) => void;
  /** Every event of the Link UI. */
  onEvent?: (event: FrontEventType) => void;
  /** Tokens to start a crypto transfer from, posted to the Link UI on `loaded`. */
  accessTokens?: IntegrationAccessToken[];
  /** Tokens of transfer destinations, posted to the Link UI on `loaded`. */
  transferDestinationTokens?: IntegrationAccessToken[];
  /** Link UI language (`lng`); `'system'` uses `navigator.language`. */
  language?: string;
  /** Fiat currency for amounts (`fiatCur`), e.g. `'USD'`. */
  displayFiatCurrency?: string;
  /** Colour theme (`th`). */
  theme?: 'light' | 'dark' | 'system';
  /** `'embedded'` renders into the iframe passed to `openLink`. */
  renderType?: 'overlay' | 'embedded';
}

export interface LinkStyle {
  ir: number;
  io: number;
}

export type FrontEventTypeKeys =
  | 'integrationConnected'
  | 'integrationConnectionError'
  | 'transferCompleted'
  | 'integrationSelected'
  | 'credentialsEntered'
  | 'transferStarted'
  | 'transferPreviewed'
  | 'transferPreviewError'
  | 'transferExecutionError'
  | 'pageLoaded'
  | LaterFrontEventTypeKeys;

/** Event keys of Link UIs newer than @front-finance/link 1.1.9. */
export type LaterFrontEventTypeKeys =
  | 'integrationMfaRequired'
  | 'integrationMfaEntered'
  | 'integrationOAuthStarted'
  | 'integrationAccountSelectionRequired'
  | 'transferAssetSelected'
  | 'transferNetworkSelected'
  | 'transferAmountEntered'
  | 'transferMfaRequired'
  | 'transferMfaEntered'
  | 'transferKycRequired'
  | 'transferExecuted'
  | 'transferInitiated'
  | 'transferNoEligibleAssets'
  | 'transferConfigureError'
  | 'transferDeclined'
  | 'connectionDeclined'
  | 'connectionUnavailable'
  | 'walletMessageSigned'
  | 'verifyDonePage'
  | 'verifyWalletRejected'
  | 'legalTermsViewed'
  | 'seeWhatHappenedClicked'
  | 'executeFundingStep'
  | 'fundingOptionsUpdated'
  | 'fundingOptionsViewed'
  | 'gasIncreaseWarning'
  | 'linkTransferQRGenerated'
  | 'methodSelected'
  | 'defiWalletError'
  | 'homePageLoaded';

export declare function isFrontEventTypeKey(key: string): key is FrontEventTypeKeys;

export type FrontEventType =
  | IntegrationConnected
  | IntegrationConnectionError
  | TransferCompleted
  | IntegrationSelected
  | CredentialsEntered
  | TransferStarted
  | TransferPreviewed
  | TransferPreviewError
  | TransferExecutionError
  | PageLoaded
  | LaterFrontEvent;

interface FrontEventBase {
  type: FrontEventTypeKeys;
}

export interface PageLoaded {
  type: 'pageLoaded';
}

export interface IntegrationConnected extends FrontEventBase {
  type: 'integrationConnected';
  payload: FrontPayload;
}

export interface IntegrationConnectionError extends FrontEventBase {
  type: 'integrationConnectionError';
  payload: { errorMessage: string };
}

export interface TransferCompleted extends FrontEventBase {
  type: 'transferCompleted';
  payload: TransferFinishedPayload;
}

export interface IntegrationSelected extends FrontEventBase {
  type: 'integrationSelected';
  payload: { integrationType: string; integrationName: string };
}

export interface CredentialsEntered extends FrontEventBase {
  type: 'credentialsEntered';
}

export interface TransferStarted extends FrontEventBase {
  type: 'transferStarted';
}

export interface TransferPreviewed extends FrontEventBase {
  type: 'transferPreviewed';
  payload: {
    amount: number;
    symbol: string;
    toAddress: string;
    networkId: string;
    previewId: string;
    networkName?: string;
    amountInFiat?: number;
    estimatedNetworkGasFee?: { fee?: number; feeCurrency?: string; feeInFiat?: number };
  };
}

export interface TransferPreviewError extends FrontEventBase {
  type: 'transferPreviewError';
  payload: { errorMessage: string };
}

export interface TransferExecutionError extends FrontEventBase {
  type: 'transferExecutionError';
  payload: { errorMessage: string };
}

/** An event of a newer Link UI; its payload is passed on as sent. */
export interface LaterFrontEvent extends FrontEventBase {
  type: LaterFrontEventTypeKeys;
  payload?: unknown;
}

export declare const createFrontConnection: (options: FrontOptions) => FrontConnection;
