/* tslint:disable */
/* eslint-disable */

/**
 * One `createFrontConnection(options)` or `createLink(options)`.
 */
declare class Connection {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * `closeLinkRequested()`.
     */
    closeLinkRequested(): void;
    /**
     * `closeLink()` / `closePopup()`.
     */
    closeLink(): void;
    /**
     * Keeps `options`; nothing is shown yet. `face`: `'link'` behaves as
     * 3.13's `createLink`, anything else as 1.1.9's `createFrontConnection`
     * (`'front'`), the names the test kit uses too. `ended`
     * (a function, or nothing) is called after each session's `onExit`:
     * the face counts its open sessions with it, to end them itself
     * should the wasm ever stop (`pkg-template/loader.js`).
     */
    constructor(options: any, face: any, ended: any);
    /**
     * `openLink(linkToken, iframeId?)`.
     */
    openLink(token: any, iframe_id: any): void;
    /**
     * `openPopup(iframeUrl)`, obsolete but supported.
     */
    openPopup(url: any): void;
}

/**
 * Runs the paths of a first `openLink` on values nobody sees, so that the
 * browser compiles them now and not on the first click. Once per page,
 * after the wasm has loaded (`pkg-template/index.js`).
 */
declare function rehearse(): void;

/** A glue of its own around a fresh instance of the module (scripts/build.mjs). */
export declare function runtime(onTrap: (error: unknown) => void): {
  Connection: typeof Connection;
  rehearse: typeof rehearse;
  init(source: { module_or_path: Response | WebAssembly.Module }): Promise<unknown>;
  module(): WebAssembly.Module | undefined;
  memory(): WebAssembly.Memory;
  poison(): void;
  dismiss(): boolean;
};
