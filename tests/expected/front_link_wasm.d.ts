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

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_connection_free: (a: number, b: number) => void;
    readonly connection_closeLink: (a: number) => void;
    readonly connection_new: (a: any) => number;
    readonly connection_openLink: (a: number, b: any, c: any) => void;
    readonly connection_openPopup: (a: number, b: any) => void;
    readonly frontEventTypeKeys: () => any;
    readonly wasm_bindgen__convert__closures_____invoke__h7e9edfa4c1d9206f: (a: number, b: number, c: any) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
