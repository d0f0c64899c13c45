// Types of front-link-wasm/front: the face of @front-finance/link 1.1.9, its
// names and shapes exactly (`TransferFinishedPayload` is the success | error
// union, `EventType` its seven message types, `FrontEventTypeKeys` its ten
// event keys), so that a 1.1.9 app compiles with only its import path changed.
// The runtime is the main entry's `createFrontConnection` and
// `isFrontEventTypeKey`; its additions (language, theme, embedded rendering,
// the wallet bridge, later event keys, …) are typed by the main entry,
// `front-link-wasm`.
//
// One deliberate difference: 1.1.9's declarations take `BrokerType` from a
// package 1.1.9 does not depend on (so it is often `any`); here it is the
// main entry's `BrokerType`, which holds every broker type of the Link UI.
import type { BrokerType } from './index.js';

/** The messages the Link UI posts to the host page. */
export type EventType = 'brokerageAccountAccessToken' | 'delayedAuthentication' | 'close' | 'done' | 'loaded' | 'oauthLinkOpen' | 'transferFinished';

/** What `createFrontConnection` returns. */
export interface FrontConnection {
  /** @deprecated (Obsolete) Opens the Link UI at `iframeLink` from `/api/v1/cataloglink`. */
  openPopup: (iframeLink: string) => Promise<void>;
  /** Opens the Link UI for a `linkToken` from `/api/v1/linktoken`; problems go to `onExit`. */
  openLink: (linkToken: string) => Promise<void>;
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
  /** The logo, base64. */
  brokerLogo: string;
  brokerPrimaryColor?: string;
}

/** What `onBrokerConnected` gets: one of the two is set. */
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

/** A finished transfer: read `txId` after checking `status === 'success'`. */
export type TransferFinishedPayload = TransferFinishedSuccessPayload | TransferFinishedErrorPayload;

export interface IntegrationAccessToken {
  accountId: string;
  accountName: string;
  accessToken: string;
  brokerType: BrokerType;
  brokerName: string;
}

export interface FrontOptions {
  /** Accepted and unused, as upstream. */
  clientId: string;
  /** Accounts were connected: send the tokens to your server. */
  onBrokerConnected: (payload: FrontPayload) => void;
  /** The Link UI closed: `error` if it failed. */
  onExit?: (error?: string) => void;
  /** A transfer finished, or failed. */
  onTransferFinished?: (payload: TransferFinishedPayload) => void;
  /** The Link UI's events. */
  onEvent?: (event: FrontEventType) => void;
  /** Tokens to start a crypto transfer from, posted to the Link UI on `loaded`. */
  accessTokens?: IntegrationAccessToken[];
  /** Tokens of transfer destinations, posted to the Link UI on `loaded`. */
  transferDestinationTokens?: IntegrationAccessToken[];
}

export interface LinkStyle {
  ir: number;
  io: number;
}

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
  | PageLoaded;

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
  | 'pageLoaded';

export declare function isFrontEventTypeKey(key: string): key is FrontEventTypeKeys;

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

export declare const createFrontConnection: (options: FrontOptions) => FrontConnection;

// Only the declarations marked `export` are exported.
export {};
