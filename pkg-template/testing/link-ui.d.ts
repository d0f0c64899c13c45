// Types of front-link-wasm/testing/link-ui: a Link UI stand-in for an app's
// browser tests with the real package (Node only).

/** A running stand-in Link UI. */
export interface LinkUi {
  /** Its origin, e.g. `http://127.0.0.1:41234`: the page's CSP must allow it in `frame-src`, and `linkOrigins` (if set) must list it. */
  readonly origin: string;
  /** A link token for a new session on it (the base64 of `<origin>/link?session=<n>`), for the app to open. */
  linkToken(): string;
  /**
   * Whether `url` (a frame's) is its Link UI: find the Link frame with it, then script it
   * in the frame: `meshLinkStandIn.send(...messages)` posts to the app's page,
   * `meshLinkStandIn.received` lists `{origin, data}` the SDK posted to it.
   */
  isLinkUi(url: string): boolean;
  /** Stops serving. */
  close(): Promise<void>;
}

/** Starts a stand-in Link UI on `host` (default `127.0.0.1`: the SDK takes `http:` only on loopback) and `port` (default: a free one). */
export declare function startLinkUi(options?: { host?: string; port?: number }): Promise<LinkUi>;
