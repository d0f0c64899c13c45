// Types of front-link-wasm: the names and shapes of @front-finance/link 1.1.9
// and of @meshconnect/web-link-sdk 3.13, side by side. Where both name the
// same thing (AccessTokenPayload, SessionSummary, the shared events), one
// declaration carries the fields of both; 3.13's names for 1.1.9's
// interfaces (Account, AccountToken, BrandInfo, LinkPayload) are aliases.

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
  tokenId?: string;
}

export interface BrokerAccount {
  accountId: string;
  accountName: string;
  fund?: number;
  cash?: number;
  isReconnected?: boolean;
}

export interface BrokerBrandInfo {
  /** The logo, base64. */
  brokerLogo: string;
  brokerPrimaryColor?: string;
  /** @deprecated use `logoLightUrl` */
  brokerLogoUrl?: string;
  logoLightUrl?: string;
  logoDarkUrl?: string;
  iconLightUrl?: string;
  iconDarkUrl?: string;
}

/** 3.13's name for {@link BrokerAccountToken}. */
export type AccountToken = BrokerAccountToken;
/** 3.13's name for {@link BrokerAccount}. */
export type Account = BrokerAccount;
/** 3.13's name for {@link BrokerBrandInfo}. */
export type BrandInfo = BrokerBrandInfo;
/** 3.13's name for {@link FrontPayload}: what `onIntegrationConnected` gets. */
export type LinkPayload = FrontPayload;

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
  userId?: string;
  clientTransactionId?: string;
  amountInFiat?: number;
  totalAmountInFiat?: number;
  networkName?: string;
  txHash?: string;
  transferId?: string;
  refundAddress?: string;
}

export interface TransferFinishedErrorPayload {
  status: 'error';
  errorMessage: string;
}

/**
 * A finished transfer. The Link UI reports failures this way too, so (unlike
 * 3.13's type, which lists success only) read `txId` after checking
 * `status === 'success'`.
 */
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
  /**
   * Serves the wallet bridge to the Link UI during each session, so that it can
   * reach the page's browser-extension wallets (`createLink` always does).
   */
  walletBridge?: boolean;
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
  payload: ErrorPayload;
}

/** The payload of the `…Error` events. */
export interface ErrorPayload {
  errorMessage: string;
  requestId?: string;
}

export interface TransferCompleted extends FrontEventBase {
  type: 'transferCompleted';
  payload: TransferFinishedPayload;
}

export interface IntegrationSelected extends FrontEventBase {
  type: 'integrationSelected';
  payload: { integrationType: string; integrationName: string; nativeLink?: string; userSearched?: boolean };
}

export interface CredentialsEntered extends FrontEventBase {
  type: 'credentialsEntered';
}

export interface TransferStarted extends FrontEventBase {
  type: 'transferStarted';
  /** Sent by newer Link UIs only. */
  payload?: { integrationType?: string; integrationName: string };
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

export interface TransferPreviewError extends FrontEventBase {
  type: 'transferPreviewError';
  payload: ErrorPayload;
}

export interface TransferExecutionError extends FrontEventBase {
  type: 'transferExecutionError';
  payload: ErrorPayload;
}

/** An event of a newer Link UI; its payload is passed on as sent. */
export interface LaterFrontEvent extends FrontEventBase {
  type: LaterFrontEventTypeKeys;
  payload?: unknown;
}

export declare const createFrontConnection: (options: FrontOptions) => FrontConnection;

// --- @meshconnect/web-link-sdk 3.13 -------------------------------------------------

/** What `createLink` returns. */
export interface Link {
  /**
   * Opens the Link UI for a `linkToken` from `/api/v1/linktoken`: in the
   * overlay, or in the host page's iframe `customIframeId` if given. Problems
   * go to `onExit`; nothing is thrown. (3.13 returns `void`; callers may
   * ignore this promise.)
   */
  openLink: (linkToken: string, customIframeId?: string) => Promise<void>;
  /** Closes the Link UI; `onExit()` fires if a session was open. */
  closeLink: () => void;
  /** Embedded: asks the Link UI to close (it answers `close`/`done`). Overlay: `closeLink()`. */
  closeLinkRequested: () => void;
}

export interface LinkOptions {
  /** @deprecated Unused, as in 3.13. */
  clientId?: string;
  /** Accounts were connected: send the tokens to your server. */
  onIntegrationConnected: (payload: LinkPayload) => void;
  /** The Link UI closed: `error` if it failed, `summary` if the Link UI sent one. */
  onExit?: (error?: string, summary?: SessionSummary) => void;
  /** A transfer finished. */
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

export declare const createLink: (options: LinkOptions) => Link;

/** The 43 event keys of 3.13: 1.1.9's and the later ones, plus `done`, `close` and `SDKinjectedWalletProviders`. */
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

/** An event whose only content is its key. */
interface Signal<K extends LinkEventTypeKeys> {
  type: K;
}

export interface TransferConfigureError extends FrontEventBase {
  type: 'transferConfigureError';
  payload: ErrorPayload;
}
export type IntegrationMfaRequired = Signal<'integrationMfaRequired'>;
export type IntegrationMfaEntered = Signal<'integrationMfaEntered'>;
export type IntegrationOAuthStarted = Signal<'integrationOAuthStarted'>;
export type IntegrationAccountSelectionRequired = Signal<'integrationAccountSelectionRequired'>;
export type TransferAmountEntered = Signal<'transferAmountEntered'>;
export type TransferMfaRequired = Signal<'transferMfaRequired'>;
export type TransferMfaEntered = Signal<'transferMfaEntered'>;
export type TransferKycRequired = Signal<'transferKycRequired'>;
export type VerifyDonePage = Signal<'verifyDonePage'>;
export type VerifyWalletRejected = Signal<'verifyWalletRejected'>;
export type LegalTermsViewed = Signal<'legalTermsViewed'>;
export type SeeWhatHappenedClicked = Signal<'seeWhatHappenedClicked'>;
export type FundingOptionsUpdated = Signal<'fundingOptionsUpdated'>;
export type FundingOptionsViewed = Signal<'fundingOptionsViewed'>;
export type GasIncreaseWarning = Signal<'gasIncreaseWarning'>;
export type HomePageLoaded = Signal<'homePageLoaded'>;

export interface TransferAssetSelected {
  type: 'transferAssetSelected';
  payload: { symbol: string };
}

export interface TransferNetworkSelected {
  type: 'transferNetworkSelected';
  payload: { id: string; name: string };
}

export interface TransferInitiated {
  type: 'transferInitiated';
  payload: { integrationType?: string; integrationName: string; status: 'pending' };
}

export interface TransferExecuted {
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

export interface TransferNoEligibleAssets {
  type: 'transferNoEligibleAssets';
  payload: {
    integrationType?: string;
    integrationName: string;
    noAssetsType?: string;
    arrayOfTokensHeld: { symbol: string; amount: number; amountInFiat?: number; ineligibilityReason?: string }[];
  };
}

export interface ConnectionUnavailable {
  type: 'connectionUnavailable';
  payload: { integrationType?: string; integrationName: string; reason: string };
}

export interface ConnectionDeclined {
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

export interface TransferDeclined {
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
export interface DoneEvent {
  type: 'done';
  payload: SessionSummary;
}

/** See {@link DoneEvent}. */
export interface CloseEvent {
  type: 'close';
  payload: SessionSummary;
}

export interface WalletMessageSigned {
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

export interface DefiWalletError {
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

export interface SDKinjectedWalletProviders {
  type: 'SDKinjectedWalletProviders';
  payload: { icon?: string; id: string; name: string }[];
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

declare global {
  interface Window {
    /** Set before `createLink` to skip loading the Link UI's assets in a hidden frame. */
    meshLinkShouldSkipPrewarm?: boolean;
  }
}
