// Types of front-link-wasm's main entry.
//
// Every type @meshconnect/web-link-sdk 3.13 exports, with its exact name and
// shape (`TransferFinishedPayload` is 3.13's success interface, `Link.openLink`
// returns `void`, `EventType` is 3.13's four message types), so that a 3.13
// app compiles with only its import path changed. Beside them, the names of
// @front-finance/link 1.1.9 that 3.13 does not also use (`createFrontConnection`,
// `FrontOptions`, `FrontPayload`, `BrokerAccountToken`, `FrontEventType`, …),
// with what this package adds to them. Where 1.1.9 gives a shared name another
// shape, its own callbacks here use a `Front…` name (`FrontTransferFinishedPayload`,
// the success | error union). 1.1.9's exact face is `front-link-wasm/front`.

/**
 * Institutions Mesh can connect: every broker type the Link UI reports and
 * every value of the `BrokerType` 3.13 re-exports (from `@meshconnect/node-api`).
 */
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
  | 'bybitDirect'
  | 'paribuOAuth'
  | 'payPalConnect'
  | 'binanceTrDirect'
  | 'coinbaseRamp'
  | 'bybitDirectMobile'
  | 'sandbox';

// --- @meshconnect/web-link-sdk 3.13 -------------------------------------------------

/** The Link UI's messages that 3.13 names (1.1.9's list is `front-link-wasm/front`'s `EventType`). */
export type EventType = 'brokerageAccountAccessToken' | 'delayedAuthentication' | 'loaded' | 'transferFinished';

/** What `createLink` returns. */
export interface Link {
  /**
   * Opens the Link UI for a `linkToken` from `/api/v1/linktoken`: in the
   * overlay, or in the host page's iframe `customIframeId` if given. Problems
   * go to `onExit`; nothing is thrown. (Typed `void` as in 3.13; the call
   * does return a promise that settles once the Link frame is in.)
   */
  openLink: (linkToken: string, customIframeId?: string) => void;
  /** Closes the Link UI; `onExit()` fires if a session was open. */
  closeLink: () => void;
  /** Embedded: asks the Link UI to close (it answers `close`/`done`). Overlay: `closeLink()`. */
  closeLinkRequested: () => void;
}

export interface AccountToken {
  account: Account;
  accessToken: string;
  refreshToken?: string;
  tokenId?: string;
}

export interface Account {
  accountId: string;
  accountName: string;
  fund?: number;
  cash?: number;
  isReconnected?: boolean;
}

/** How the connected institution looks. */
export interface BrandInfo {
  /** The logo, base64. */
  brokerLogo: string;
  /** @deprecated use `logoLightUrl` */
  brokerLogoUrl?: string;
  logoLightUrl?: string;
  logoDarkUrl?: string;
  iconLightUrl?: string;
  iconDarkUrl?: string;
}

/** What `onIntegrationConnected` gets: one of the two is set. */
export interface LinkPayload {
  accessToken?: AccessTokenPayload;
  delayedAuth?: DelayedAuthPayload;
}

export interface AccessTokenPayload {
  accountTokens: AccountToken[];
  brokerBrandInfo: BrandInfo;
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
  brokerBrandInfo: BrandInfo;
}

/**
 * A finished transfer, as 3.13 types it (success only). The Link UI also
 * reports failed transfers through `onTransferFinished`, as
 * `{ status: 'error', errorMessage }`, and `createLink` passes them on as
 * sent, as 3.13 does: check `status` before trusting the other fields.
 */
export interface TransferFinishedPayload {
  status: 'success';
  txId: string;
  fromAddress: string;
  toAddress: string;
  symbol: string;
  amount: number;
  networkId: string;
  userId?: string;
  clientTransactionId?: string;
  amountInFiat?: number;
  totalAmountInFiat?: number;
  networkName?: string;
  txHash?: string;
  transferId?: string;
  refundAddress?: string;
}

export interface IntegrationAccessToken {
  accountId: string;
  accountName: string;
  accessToken: string;
  brokerType: BrokerType;
  brokerName: string;
}

/**
 * Options of this package (not upstream's) that make every failure end in a
 * callback and a way out. Each one that is not what it says is reported on
 * the console and left as if unset.
 */
export interface SessionGuards {
  /**
   * Milliseconds to wait for the Link UI to load (its `loaded` message);
   * then the session ends with `onExit` and an error that says so. Default
   * 45 000 (a first load over a slow mobile connection); `0` waits as long
   * as it takes. Until the Link UI loads, the overlay also shows its own
   * close button.
   */
  loadTimeout?: number;
  /**
   * The Link origins this app accepts, e.g. `['https://web.meshconnect.com']`.
   * A link token whose URL has another origin ends in
   * `onExit('Invalid link token!')` and shows nothing. Default: any `https:`
   * origin (and `http:` on loopback hosts).
   */
  linkOrigins?: string[];
  /** The element the overlay is mounted into (default `document.body`). It is still shown modal, above the page. */
  container?: Element;
  /** The overlay's z-index where the browser cannot show it in the top layer (default 10000, as upstream). */
  zIndex?: number;
  /**
   * Report on the console each delivered payload that differs from its upstream
   * type (the first field that differs, by path, never its value), once per message
   * type and session. Payloads are delivered as sent either way; messages that are
   * not delivered are reported whether or not this is on. For development.
   */
  debug?: boolean;
}

export interface LinkOptions extends SessionGuards {
  /** @deprecated Unused, as in 3.13. */
  clientId?: string;
  /** Accounts were connected: send the tokens to your server. */
  onIntegrationConnected: (payload: LinkPayload) => void;
  /** The Link UI closed: `error` if it failed, `summary` if the Link UI sent one. */
  onExit?: (error?: string, summary?: SessionSummary) => void;
  /** A transfer finished (see {@link TransferFinishedPayload} about failed ones). */
  onTransferFinished?: (payload: TransferFinishedPayload) => void;
  /** Every event of the Link UI. */
  onEvent?: (event: LinkEventType) => void;
  /** Tokens to start a crypto transfer from, posted to the Link UI on `loaded`. */
  accessTokens?: IntegrationAccessToken[];
  /** Link UI language (`lng`, default `'en'`); `'system'` uses `navigator.language`. */
  language?: string;
  /** Fiat currency for amounts (`fiatCur`), e.g. `'USD'`. */
  displayFiatCurrency?: string;
  /** Colour theme (`th`). */
  theme?: 'dark' | 'light' | 'system';
  /** `'embedded'` renders into the iframe passed to `openLink` (required then). */
  renderType?: 'overlay' | 'embedded';
}

export interface LinkStyle {
  ir: number;
  io: number;
}

export declare const createLink: (options: LinkOptions) => Link;

/** The 43 event keys of 3.13: the 40 `FrontEventTypeKeys` plus `done`, `close` and `SDKinjectedWalletProviders`. */
export type LinkEventTypeKeys = FrontEventTypeKeys | 'done' | 'close' | 'SDKinjectedWalletProviders';

export declare function isLinkEventTypeKey(key: string): key is LinkEventTypeKeys;

export type LinkEventType =
  | IntegrationConnected
  | IntegrationConnectionError
  | TransferCompleted
  | IntegrationSelected
  | CredentialsEntered
  | TransferStarted
  | TransferPreviewed
  | TransferPreviewError
  | TransferExecutionError
  | TransferConfigureError
  | PageLoaded
  | IntegrationMfaRequired
  | IntegrationMfaEntered
  | IntegrationOAuthStarted
  | IntegrationAccountSelectionRequired
  | TransferAssetSelected
  | TransferNetworkSelected
  | TransferAmountEntered
  | TransferMfaRequired
  | TransferMfaEntered
  | TransferKycRequired
  | TransferInitiated
  | TransferExecuted
  | TransferNoEligibleAssets
  | WalletMessageSigned
  | DoneEvent
  | CloseEvent
  | VerifyWalletRejected
  | VerifyDonePage
  | SDKinjectedWalletProviders
  | LegalTermsViewed
  | SeeWhatHappenedClicked
  | FundingOptionsUpdated
  | FundingOptionsViewed
  | GasIncreaseWarning
  | ExecuteFundingStep
  | LinkTransferQrGenerated
  | HomePageMethodSelected
  | ConnectionUnavailable
  | ConnectionDeclined
  | TransferDeclined
  | DefiWalletError
  | HomePageLoaded;

interface LinkEventBase {
  type: LinkEventTypeKeys;
}

/** The payload of the `…Error` events. */
export interface ErrorPayload {
  errorMessage: string;
  requestId?: string;
}

export interface PageLoaded {
  type: 'pageLoaded';
}

export interface IntegrationConnected extends LinkEventBase {
  type: 'integrationConnected';
  payload: LinkPayload;
}

export interface IntegrationConnectionError extends LinkEventBase {
  type: 'integrationConnectionError';
  payload: ErrorPayload;
}

export interface TransferCompleted extends LinkEventBase {
  type: 'transferCompleted';
  payload: TransferFinishedPayload;
}

export interface IntegrationSelected extends LinkEventBase {
  type: 'integrationSelected';
  payload: { integrationType: string; integrationName: string; nativeLink?: string; userSearched?: boolean };
}

export interface CredentialsEntered extends LinkEventBase {
  type: 'credentialsEntered';
}

export interface TransferStarted extends LinkEventBase {
  type: 'transferStarted';
  payload: { integrationType?: string; integrationName: string };
}

export interface TransferInitiated extends LinkEventBase {
  type: 'transferInitiated';
  payload: { integrationType?: string; integrationName: string; status: 'pending' };
}

export interface TransferExecuted extends LinkEventBase {
  type: 'transferExecuted';
  payload: {
    status: 'success' | 'pending';
    txId: string;
    fromAddress: string;
    toAddress: string;
    symbol: string;
    amount: number;
    networkId: string;
    userId?: string;
    clientTransactionId?: string;
  };
}

export interface TransferNoEligibleAssets extends LinkEventBase {
  type: 'transferNoEligibleAssets';
  payload: {
    integrationType?: string;
    integrationName: string;
    noAssetsType?: string;
    arrayOfTokensHeld: { symbol: string; amount: number; amountInFiat?: number; ineligibilityReason?: string }[];
  };
}

export interface TransferFee {
  fee?: number;
  feeCurrency?: string;
  feeInFiat?: number;
}

export interface CryptocurrencyFundingOption {
  cryptocurrencyFundingOptionType?: string;
  name?: string;
  paymentMethodType?: string;
  usedAmountInCryptocurrency?: number;
  usedAmountInFiat?: number;
  cryptocurrencySymbol?: string;
  fee?: {
    amountInFiat?: number;
    fiatSymbol?: string;
    amountInCryptocurrency?: number;
    cryptocurrencySymbol?: string;
    isInclusive?: boolean;
    usedCurrencyType?: string;
  };
}

export interface TransferPreviewed extends LinkEventBase {
  type: 'transferPreviewed';
  payload: {
    amount: number;
    symbol: string;
    toAddress: string;
    networkId: string;
    previewId: string;
    networkName?: string;
    amountInFiat?: number;
    fiatCurrency?: string;
    integrationType?: string;
    integrationName?: string;
    estimatedNetworkGasFee?: TransferFee;
    institutionTransferFee?: TransferFee;
    customClientFee?: TransferFee;
    cryptocurrencyFundingOptions?: CryptocurrencyFundingOption[];
    userId?: string;
    clientTransactionId?: string;
  };
}

export interface TransferPreviewError extends LinkEventBase {
  type: 'transferPreviewError';
  payload: ErrorPayload;
}

export interface TransferExecutionError extends LinkEventBase {
  type: 'transferExecutionError';
  payload: ErrorPayload;
}

export interface TransferConfigureError extends LinkEventBase {
  type: 'transferConfigureError';
  payload: ErrorPayload;
}

export interface IntegrationMfaRequired extends LinkEventBase {
  type: 'integrationMfaRequired';
}

export interface IntegrationMfaEntered extends LinkEventBase {
  type: 'integrationMfaEntered';
}

export interface IntegrationOAuthStarted extends LinkEventBase {
  type: 'integrationOAuthStarted';
}

export interface IntegrationAccountSelectionRequired extends LinkEventBase {
  type: 'integrationAccountSelectionRequired';
}

export interface TransferAssetSelected extends LinkEventBase {
  type: 'transferAssetSelected';
  payload: { symbol: string };
}

export interface TransferNetworkSelected extends LinkEventBase {
  type: 'transferNetworkSelected';
  payload: { id: string; name: string };
}

export interface TransferAmountEntered extends LinkEventBase {
  type: 'transferAmountEntered';
}

export interface TransferMfaRequired extends LinkEventBase {
  type: 'transferMfaRequired';
}

export interface TransferMfaEntered extends LinkEventBase {
  type: 'transferMfaEntered';
}

export interface TransferKycRequired extends LinkEventBase {
  type: 'transferKycRequired';
}

export interface ConnectionUnavailable extends LinkEventBase {
  type: 'connectionUnavailable';
  payload: { integrationType?: string; integrationName: string; reason: string };
}

export interface ConnectionDeclined extends LinkEventBase {
  type: 'connectionDeclined';
  payload: {
    integrationType?: string;
    integrationName: string;
    reason: string;
    networkId?: string;
    toAddress?: string;
    errorMessage?: string;
  };
}

export interface TransferDeclined extends LinkEventBase {
  type: 'transferDeclined';
  payload: {
    integrationType?: string;
    integrationName: string;
    toAddress?: string;
    token?: string;
    network?: string;
    amount?: number;
    status: string;
  };
}

/** Typed by 3.13; `close`/`done` end the session, so `onEvent` never hears them. */
export interface DoneEvent extends LinkEventBase {
  type: 'done';
  payload: SessionSummary;
}

/** See {@link DoneEvent}. */
export interface CloseEvent extends LinkEventBase {
  type: 'close';
  payload: SessionSummary;
}

export interface WalletMessageSigned extends LinkEventBase {
  type: 'walletMessageSigned';
  payload: {
    signedMessageHash: string | undefined;
    message: string | undefined;
    address: string;
    timeStamp: number;
    isVerified: boolean;
    verifiedAddresses?: string[];
  };
}

export interface DefiWalletError extends LinkEventBase {
  type: 'defiWalletError';
  payload: {
    integrationName: string;
    errorType: 'timeout' | 'verifyMismatch';
    details: {
      requestedAddress?: string;
      connectedAddress?: string;
      requestedNetwork?: string;
      connectedNetwork?: string;
      connectUri?: string;
    };
    timeStamp: number;
  };
}

export interface VerifyDonePage extends LinkEventBase {
  type: 'verifyDonePage';
}

export interface VerifyWalletRejected extends LinkEventBase {
  type: 'verifyWalletRejected';
}

/** Where the user was when the Link UI closed (second argument of `onExit`). */
export interface SessionSummary {
  page: string;
  selectedIntegration?: { id?: string; name?: string; integrationType?: string; integrationName?: string };
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

export interface SDKinjectedWalletProviders extends LinkEventBase {
  type: 'SDKinjectedWalletProviders';
  payload: { icon?: string; id: string; name: string }[];
}

export interface LegalTermsViewed {
  type: 'legalTermsViewed';
}

export interface SeeWhatHappenedClicked {
  type: 'seeWhatHappenedClicked';
}

export interface FundingOptionsUpdated {
  type: 'fundingOptionsUpdated';
}

export interface FundingOptionsViewed {
  type: 'fundingOptionsViewed';
}

export interface GasIncreaseWarning {
  type: 'gasIncreaseWarning';
}

export interface ExecuteFundingStep {
  type: 'executeFundingStep';
  payload: { cryptocurrencyFundingOptionType: string; status: string; errorMessage?: string };
}

export interface LinkTransferQrGenerated {
  type: 'linkTransferQRGenerated';
  payload: { token?: string; network?: string; toAddress?: string; qrUrl?: string };
}

export interface HomePageMethodSelected {
  type: 'methodSelected';
  payload: { method: 'embedded' | 'manual' | 'buy' };
}

export interface HomePageLoaded extends LinkEventBase {
  type: 'homePageLoaded';
}

declare global {
  interface Window {
    /** Set before `createLink` to skip loading the Link UI's assets in a hidden frame. */
    meshLinkShouldSkipPrewarm?: boolean;
  }
}

// --- @front-finance/link 1.1.9's other names, with this package's additions ----------

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

/** 1.1.9's {@link AccountToken}, with 3.13's `tokenId`. */
export interface BrokerAccountToken {
  account: BrokerAccount;
  accessToken: string;
  refreshToken?: string;
  tokenId?: string;
}

export interface BrokerAccount {
  accountId: string;
  accountName: string;
  fund?: number;
  cash?: number;
  isReconnected?: boolean;
}

/** 1.1.9's {@link BrandInfo}: its `brokerPrimaryColor` and 3.13's logo URLs. */
export interface BrokerBrandInfo extends BrandInfo {
  brokerPrimaryColor?: string;
}

/** What `onBrokerConnected` gets: one of the two is set. */
export interface FrontPayload {
  accessToken?: FrontAccessTokenPayload;
  delayedAuth?: FrontDelayedAuthPayload;
}

/** {@link AccessTokenPayload} with 1.1.9's names for its parts. */
export interface FrontAccessTokenPayload extends AccessTokenPayload {
  accountTokens: BrokerAccountToken[];
  brokerBrandInfo: BrokerBrandInfo;
}

/** {@link DelayedAuthPayload} with 1.1.9's {@link BrokerBrandInfo}. */
export interface FrontDelayedAuthPayload extends DelayedAuthPayload {
  brokerBrandInfo: BrokerBrandInfo;
}

/** 1.1.9's name for a successful transfer (3.13's {@link TransferFinishedPayload}). */
export type TransferFinishedSuccessPayload = TransferFinishedPayload;

export interface TransferFinishedErrorPayload {
  status: 'error';
  errorMessage: string;
}

/**
 * What `createFrontConnection`'s `onTransferFinished` gets (1.1.9's
 * `TransferFinishedPayload`): read `txId` after checking `status === 'success'`.
 */
export type FrontTransferFinishedPayload = TransferFinishedSuccessPayload | TransferFinishedErrorPayload;

export interface FrontOptions extends SessionGuards {
  /** Accepted and unused, as upstream. */
  clientId: string;
  /** Accounts were connected: send the tokens to your server. */
  onBrokerConnected: (payload: FrontPayload) => void;
  /** The Link UI closed: `error` if it failed, `summary` if the Link UI sent one. */
  onExit?: (error?: string, summary?: SessionSummary) => void;
  /** A transfer finished, or failed. */
  onTransferFinished?: (payload: FrontTransferFinishedPayload) => void;
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
  /**
   * Serves the wallet bridge to the Link UI during each session, so that it can
   * reach the page's browser-extension wallets (`createLink` always does).
   */
  walletBridge?: boolean;
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

/** What `createFrontConnection`'s `onEvent` gets. */
export type FrontEventType =
  | FrontIntegrationConnected
  | IntegrationConnectionError
  | FrontTransferCompleted
  | IntegrationSelected
  | CredentialsEntered
  | FrontTransferStarted
  | TransferPreviewed
  | TransferPreviewError
  | TransferExecutionError
  | PageLoaded
  | LaterFrontEvent
  | PopupBlocked;

/**
 * The SDK's own event (not the Link UI's): the browser would not open the
 * window an `oauthLinkOpen` asked for (a popup blocker, or no recent click).
 * The user can try again in the Link UI.
 */
export interface PopupBlocked {
  type: 'popupBlocked';
  payload: { url: string };
}

/** `integrationConnected` as `createFrontConnection` types it (3.13's is {@link IntegrationConnected}). */
export interface FrontIntegrationConnected {
  type: 'integrationConnected';
  payload: FrontPayload;
}

/** `transferCompleted` as `createFrontConnection` types it (3.13's is {@link TransferCompleted}). */
export interface FrontTransferCompleted {
  type: 'transferCompleted';
  payload: FrontTransferFinishedPayload;
}

/** `transferStarted` as `createFrontConnection` types it: 1.1.9-era Link UIs send no payload (3.13's is {@link TransferStarted}). */
export interface FrontTransferStarted {
  type: 'transferStarted';
  payload?: { integrationType?: string; integrationName: string };
}

/** An event of a newer Link UI; its payload is passed on as sent. */
export interface LaterFrontEvent {
  type: LaterFrontEventTypeKeys;
  payload?: unknown;
}

export declare const createFrontConnection: (options: FrontOptions) => FrontConnection;

// Only the declarations marked `export` are exported.
export {};
