// Types of front-link-wasm/react: hooks over the package's own types.
import type { FrontConnection, FrontOptions, Link, LinkOptions } from './index.js';

/**
 * `createLink(options)` (as `@meshconnect/web-link-sdk` 3.13) for a React
 * component. The connection is made once per component (on mount, or by an
 * earlier `openLink`); the callbacks and options of the latest render are
 * always the ones used; unmounting ends the session (`onExit` fires once if
 * one was open); under `<StrictMode>` the development remount keeps the open
 * session. The returned object and its methods are the same on every render.
 * After unmount, `openLink` does nothing.
 */
export declare function useLink(options: LinkOptions): Link;

/**
 * `createFrontConnection(options)` (as `@front-finance/link` 1.1.9) for a
 * React component, with the guarantees of {@link useLink}.
 */
export declare function useFrontConnection(options: FrontOptions): FrontConnection;
