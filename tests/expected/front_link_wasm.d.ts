/* tslint:disable */
/* eslint-disable */

/**
 * One `createFrontConnection(options)`.
 */
export class Connection {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * `closeLink()` / `closePopup()`.
     */
    closeLink(): void;
    /**
     * Keeps `options`; nothing is shown yet.
     */
    constructor(options: any);
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

