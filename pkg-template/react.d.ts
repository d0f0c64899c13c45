// Types of front-link-wasm/react: hooks over the package's own types.
import type { FrontConnection, FrontOptions, Link, LinkOptions } from './index.js';

/** What the hooks add to a connection: whether it can open yet. */
export interface LoadState {
  /** The SDK's WebAssembly has loaded: `openLink` opens at once. `false` on the server and until then. */
  readonly ready: boolean;
  /**
   * Why the SDK cannot open (its WebAssembly did not load: the message says
   * what to fix, e.g. a CSP without `'wasm-unsafe-eval'`); `null` otherwise.
   * The next `openLink` tries again (and reports through `onExit` too).
   */
  readonly error: Error | null;
}

/**
 * `createLink(options)` (as `@meshconnect/web-link-sdk` 3.13) for a React
 * component. The connection is made once per component (on mount, or by an
 * earlier `openLink`); the callbacks and options of the latest render are
 * always the ones used; unmounting ends the session (`onExit` fires once if
 * one was open); under `<StrictMode>` the development remount keeps the open
 * session. The returned object and its methods are the same on every render
 * (the component renders again when `ready` or `error` changes). After
 * unmount, `openLink` does nothing.
 */
export declare function useLink(options: LinkOptions): Link & LoadState;

/**
 * `createFrontConnection(options)` (as `@front-finance/link` 1.1.9) for a
 * React component, with the guarantees of {@link useLink}.
 */
export declare function useFrontConnection(options: FrontOptions): FrontConnection & LoadState;
