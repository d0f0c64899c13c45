/* tslint:disable */
/* eslint-disable */

/**
 * One `createFrontConnection(options)` or `createLink(options)`.
 */
export class Connection {
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
     * Keeps `options`; nothing is shown yet. `mesh`: behave as 3.13's
     * `createLink` rather than 1.1.9's `createFrontConnection`.
     */
    constructor(options: any, mesh: boolean);
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
 * Every event key, for the build to write into the JS wrapper (so that
 * `isFrontEventTypeKey` works before the wasm is loaded).
 */
export function frontEventTypeKeys(): Array<any>;

/**
 * The keys 3.13's `isLinkEventTypeKey` adds to those, likewise.
 */
export function laterLinkEventTypeKeys(): Array<any>;

