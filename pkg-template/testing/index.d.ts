// Types of front-link-wasm/testing: the package's faces over a stand-in of
// its WebAssembly that a test drives, and the test's controls.
import type {
  AccessTokenPayload,
  DelayedAuthPayload,
  FrontEventType,
  FrontOptions,
  FrontPayload,
  IntegrationAccessToken,
  LinkEventType,
  LinkEventTypeKeys,
  LinkOptions,
  LinkPayload,
  SessionSummary,
  TransferFinishedPayload,
} from '../index.js';

export { createLink, createFrontConnection, isLinkEventTypeKey, isFrontEventTypeKey } from '../index.js';

/** Which face made a connection: `'link'` is 3.13's `createLink`, `'front'` is 1.1.9's `createFrontConnection`. */
export type Face = 'link' | 'front';

/**
 * A call the app made on a `createLink` handle (or `useLink`'s), with its
 * arguments exactly as given: `openLink(token)` is `[token]`.
 */
export type LinkCall =
  | { readonly method: 'openLink'; readonly args: readonly [linkToken: string, customIframeId?: string] }
  | { readonly method: 'closeLink' | 'closeLinkRequested'; readonly args: readonly [] };

/** A call the app made on a `createFrontConnection` handle (or `useFrontConnection`'s), as given. */
export type FrontCall =
  | { readonly method: 'openLink'; readonly args: readonly [linkToken: string, iframeId?: string] }
  | { readonly method: 'openPopup'; readonly args: readonly [iframeUrl: string] }
  | { readonly method: 'closeLink' | 'closePopup'; readonly args: readonly [] };

/** A call the app made on a connection's handle; `method` tells which (and its arguments' types). */
export type AppCall = LinkCall | FrontCall;

/**
 * `onExit`'s arguments, exactly (their count too): none when the app or the
 * user closed the overlay; the refusal's message alone for an open that
 * did not open; the Link UI's error and summary when it ended the session
 * (1.1.9 passes only the error when there is no summary).
 */
export type ExitArgs = readonly [] | readonly [error: string] | readonly [error: string | undefined, summary: SessionSummary | undefined];

/** A callback of `createLink`'s options that the SDK called; `callback` tells which (and `args`' types). */
export type LinkDelivered =
  | { readonly callback: 'onEvent'; readonly args: readonly [event: LinkEventType] }
  | { readonly callback: 'onIntegrationConnected'; readonly args: readonly [payload: LinkPayload] }
  | { readonly callback: 'onTransferFinished'; readonly args: readonly [payload: TransferFinishedPayload] }
  | { readonly callback: 'onExit'; readonly args: ExitArgs };

/** A callback of `createFrontConnection`'s options that the SDK called. */
export type FrontDelivered =
  | { readonly callback: 'onEvent'; readonly args: readonly [event: FrontEventType] }
  | { readonly callback: 'onBrokerConnected'; readonly args: readonly [payload: FrontPayload] }
  | { readonly callback: 'onTransferFinished'; readonly args: readonly [payload: TransferFinishedPayload] }
  | { readonly callback: 'onExit'; readonly args: ExitArgs };

/** A callback of the app's options that the SDK called, with exactly its arguments. */
export type Delivered = LinkDelivered | FrontDelivered;

/** What the SDK posted to the Link UI; `type` tells which (and the payload's type). */
export type Posted =
  | { readonly type: 'meshSDKSpecs'; readonly payload: { readonly platform: string; readonly version: string; readonly origin: string } }
  | { readonly type: 'frontAccessTokens'; readonly payload: readonly IntegrationAccessToken[] }
  | { readonly type: 'frontTransferDestinationTokens'; readonly payload: readonly IntegrationAccessToken[] }
  | { readonly type: 'closeRequested' };

/** The calls of a face's handle: `'link'`'s or `'front'`'s, or either. */
type CallOf<F extends Face> = F extends 'link' ? LinkCall : FrontCall;
/** The callbacks of a face's options: `'link'`'s or `'front'`'s, or either. */
type DeliveredOf<F extends Face> = F extends 'link' ? LinkDelivered : FrontDelivered;

/** An open that did not open: `onExit` got `exit`, as in the real SDK. */
export interface Refusal {
  /** The link token (or, for `openPopup`, the URL) the app passed. */
  readonly input: string;
  /** What `onExit` got, e.g. `'Invalid link token!'`. */
  readonly exit: string;
  /** Why, for the test's own message (e.g. "it is not base64"); the real SDK does not say. */
  readonly why: string;
}

/**
 * A message from the Link UI that the SDK did not deliver, and why. Payloads are
 * delivered as sent whatever their fields (the upstream types lag the wire); only
 * these are not.
 */
export interface Ignored {
  /** The core's reason: `'ended'`, `'notAnObject'`, `'unknownType'`, `'noPayload'` (a connect or finished transfer whose payload is not an object) or `'badLink'`. */
  readonly reason: 'ended' | 'notAnObject' | 'unknownType' | 'noPayload' | 'badLink';
  /** Why, for the test's own message, e.g. "transferFinished must carry an object as its payload, not undefined". */
  readonly why: string;
}

/**
 * A connection the app made (`createLink`, `createFrontConnection`, or a
 * hook's). `F` narrows its records to one face's: `connections()[0] as
 * TestConnection<'link'>` is not needed when `face` is checked first.
 */
export interface TestConnection<F extends Face = Face> {
  /** Which function made it. */
  readonly face: F;
  /** The options object the app passed (a hook passes one that reads its latest render's options). */
  readonly options: F extends 'link' ? LinkOptions : F extends 'front' ? FrontOptions : LinkOptions | FrontOptions;
  /** Every call the app made on the handle, in order, with its arguments as given. */
  readonly calls: readonly CallOf<F>[];
  /** Every session it opened, in order. */
  readonly sessions: readonly TestSession<F>[];
  /** Every open that was refused. */
  readonly refusals: readonly Refusal[];
  /** Every callback called on its options, in order, refusals' `onExit` included. */
  readonly delivered: readonly DeliveredOf<F>[];
}

/** How `connect()` connects: the default is a Robinhood account pair. */
export interface ConnectScript {
  /** The whole `brokerageAccountAccessToken` payload; the other fields are then ignored. */
  payload?: AccessTokenPayload;
  /** The accounts connected (each completed with an id, a name and tokens). */
  accounts?: Array<{ accountId?: string; accountName?: string; fund?: number; cash?: number; isReconnected?: boolean }>;
  /** The institution. */
  broker?: { type: string; name: string };
  /** Ask for an MFA code first: `integrationMfaRequired`, `integrationMfaEntered`. */
  mfa?: boolean;
  /** Ask which accounts to connect first: `integrationAccountSelectionRequired`. */
  accountSelection?: boolean;
}

/**
 * A Link session the app opened, as the test plays the Link UI and the
 * user. Each flow sends what the Link UI sends (`loaded` first if it has
 * not been sent), and the SDK's callbacks have run when it returns. A flow
 * whose message the real SDK would not deliver (a connect whose payload is
 * not an object, a session that has ended) throws a `TypeError` that says
 * why; `send()` posts anything, as a Link UI could.
 */
export interface TestSession<F extends Face = Face> {
  /** The face of the connection that opened it: which callbacks and `onExit` arity it follows. */
  readonly face: F;
  /** The connection that opened it. */
  readonly connection: TestConnection<F>;
  /** The link token the session was opened with (`undefined` for `openPopup`). */
  readonly token: string | undefined;
  /** The URL the Link UI would be loaded from: the token's, with `lng`, `fiatCur`, `th` and `rt` as the options ask. */
  readonly url: string;
  /** The Link UI's origin: the only one the real SDK listens to. */
  readonly origin: string;
  /** The host page's iframe the Link UI renders in; `undefined` for the overlay. */
  readonly iframeId: string | undefined;
  /** Still on screen. */
  readonly open: boolean;
  /** The Link UI has said `loaded`. */
  readonly loaded: boolean;
  /** How it ended, in words (e.g. "dismissed by the user"), once it has. */
  readonly endedBy: string | undefined;
  /** Callbacks called for this session, in order: narrow one by its `callback` to read its `args` typed. */
  readonly delivered: readonly DeliveredOf<F>[];
  /** What the SDK posted to the Link UI: `meshSDKSpecs`, `frontAccessTokens` (the `accessTokens` option), `frontTransferDestinationTokens`, `closeRequested`. */
  readonly posted: readonly Posted[];
  /** URLs the SDK opened in a popup (1.1.9's `oauthLinkOpen`). */
  readonly windows: readonly string[];
  /** Messages the SDK did not deliver, with why. */
  readonly ignored: readonly (Ignored & { readonly data: unknown })[];
  /**
   * What the SDK said on the console (`console.warn`, in the package's words): a
   * message not delivered in full, once per session and reason; with `debug: true`,
   * a delivered payload that differs from its upstream type, once per type.
   */
  readonly warnings: readonly string[];

  /** `loaded`: the SDK posts `meshSDKSpecs` and the access tokens, then `onEvent({type: 'pageLoaded'})`. */
  load(): this;
  /**
   * The user connects: `integrationSelected`, `credentialsEntered` (and the MFA and
   * account-selection events if asked for), then `brokerageAccountAccessToken`:
   * `onEvent({type: 'integrationConnected', payload: {accessToken}})`, then
   * `onIntegrationConnected({accessToken})` (3.13) or `onBrokerConnected({accessToken})` (1.1.9).
   */
  connect(script?: ConnectScript): this;
  /** `delayedAuthentication`: as `connect()`, with `{delayedAuth: payload}`. */
  delayedAuth(payload?: DelayedAuthPayload): this;
  /** `integrationConnectionError` with `errorMessage`: `onEvent` hears it; the session stays open. */
  connectionError(errorMessage?: string): this;
  /**
   * A transfer: `transferStarted`, `transferPreviewed`, then `transferFinished` with the
   * fixture's success payload, over which `result` is spread (`{status: 'error',
   * errorMessage}` for a failure): `onEvent({type: 'transferCompleted', payload})`, then
   * `onTransferFinished(payload)`.
   */
  transfer(result?: Partial<TransferFinishedPayload> | { status: 'error'; errorMessage?: string }): this;
  /** Any event key with its payload, delivered as sent: `onEvent({type, payload})`. */
  event(type: LinkEventTypeKeys, payload?: unknown): this;
  /** `done` with a summary: the session ends, `onExit(undefined, summary)`. */
  done(summary?: SessionSummary): this;
  /**
   * The user closes the Link UI with its own ×: the session ends, `onExit(error, summary)`.
   * 1.1.9 passes as many arguments as there is to say (`onExit(error)` without a summary;
   * its error is `message`, else the summary's `errorMessage`); 3.13 always passes two.
   */
  close(exit?: { summary?: SessionSummary; message?: string; errorMessage?: string }): this;
  /** The Link UI ends on an error page: `onExit(errorMessage, summary)`. */
  fail(errorMessage?: string, summary?: Partial<SessionSummary>): this;
  /** 1.1.9's `oauthLinkOpen`: the URL goes to `windows`; `blocked` makes the browser refuse it: `onEvent({type: 'popupBlocked', payload: {url}})`. 3.13 ignores it (the flow throws). */
  oauth(url?: string, options?: { blocked?: boolean }): this;
  /** Posts `data` (a copy, as postMessage makes) as the Link UI: `undefined` if the SDK acted on it, else why not. Never throws. */
  send(data: unknown): Ignored | undefined;
  /** The user closes the overlay (its close control, or Escape): the session ends, `onExit()`. */
  dismiss(): this;
  /** The Link UI did not say `loaded` within `loadTimeout` (now, without waiting; the real timer runs too, so fake timers work): `onExit(message)`. */
  timeOut(): this;
}

/** Payload makers (new objects on each call), in the protocol's shapes: 1.1.9's fields for `front`, 3.13's for `link`. */
export interface Fixtures {
  /** A `brokerageAccountAccessToken` payload: two Robinhood accounts, or the script's accounts and broker. */
  accessToken(script?: Pick<ConnectScript, 'accounts' | 'broker'>): AccessTokenPayload;
  /** A `delayedAuthentication` payload (Vanguard). */
  delayedAuth(): DelayedAuthPayload;
  /** A `transferPreviewed` payload (0.015 ETH). */
  transferPreviewed(): Record<string, unknown>;
  /** A successful `transferFinished` payload (the same transfer). */
  transferSuccess(): TransferFinishedPayload;
  /** A failed `transferFinished` payload. */
  transferError(): { status: 'error'; errorMessage: string };
  /** A `SessionSummary`, as `done` carries it. */
  summary(): SessionSummary;
}

/** The payload makers, per face. */
export declare const fixtures: { readonly link: Fixtures; readonly front: Fixtures };

/**
 * The session on screen (the SDK shows one at a time). Throws an Error that
 * says what the app did (no connection, no open, a refused token, …) if none is.
 */
export declare function session<F extends Face = Face>(): TestSession<F>;

/**
 * The next session the app opens that `nextSession()` has not returned yet
 * (perhaps one already open). Rejects, saying why, if the app's open is
 * refused, the stand-in is set not to load, or nothing opens within
 * `timeout` ms (default 2000; real time, whatever timers the test fakes).
 */
export declare function nextSession<F extends Face = Face>(options?: { timeout?: number }): Promise<TestSession<F>>;

/** Every connection the app made since the last `reset()`, in order. */
export declare function connections(): readonly TestConnection[];

/**
 * Forgets every connection and session (one still open ends without
 * `onExit`), and the stand-in loads again. `act` and `strict` stay. Call it
 * after each test. Returns what it ended, in words (a session still open,
 * opens waiting for the "wasm", `nextSession()` calls still waiting). With
 * `configure({ strict: true })` it throws, after resetting, if the test
 * left a session open, an open never answered (a `'pending'` load never
 * settled), or a message the real package would warn about (one it does not
 * deliver): the way msw's `onUnhandledRequest: 'error'` fails a test.
 */
export declare function reset(): string[];

/**
 * `act`: React Testing Library's `act`, which each delivery of callbacks then
 * runs in (state the callbacks set is rendered before the flow returns).
 * `load`, for every open from now on (connections that already loaded
 * included): `'ready'` (the default) loads a moment later, as the real
 * WebAssembly does, so the hooks' `ready` is `false` on the first render;
 * an Error (or message) makes each open end in `onExit(message)` and the
 * hooks' `error`, as a browser that cannot run the WebAssembly; `'pending'`
 * holds the load until `settleLoad()`.
 */
export declare function configure(options: { act?: ((deliver: () => void) => unknown) | null; load?: 'ready' | 'pending' | Error | string; strict?: boolean }): void;

/**
 * Ends the loads that `configure({ load: 'pending' })` holds: `'ready'` (the
 * default), or the Error (or message) they fail with.
 */
export declare function settleLoad(result?: 'ready' | Error | string): void;

/** A link token the SDK opens: the base64 of `url` (default `https://web.meshconnect.com/b2b-iframe?session=test`). */
export declare function linkToken(url?: string): string;
