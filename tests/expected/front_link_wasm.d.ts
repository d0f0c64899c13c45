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
 * Runs the paths of a first `openLink` on values nobody sees, so that the
 * browser compiles them now and not on the first click. Once per page,
 * after the wasm has loaded (`pkg-template/index.js`).
 */
export function warm(): void;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_connection_free: (a: number, b: number) => void;
    readonly connection_closeLink: (a: number) => void;
    readonly connection_closeLinkRequested: (a: number) => void;
    readonly connection_new: (a: any, b: number) => number;
    readonly connection_openLink: (a: number, b: any, c: any) => void;
    readonly connection_openPopup: (a: number, b: any) => void;
    readonly warm: () => void;
    readonly wasm_bindgen__convert__closures_____invoke__hbc1528e3ad0861da: (a: number, b: number, c: any, d: any, e: any, f: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h7f216f57085ae699: (a: number, b: number, c: number, d: any) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h070e62310a87df13: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h66f644354d55f08f: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h6150f1d63bc5bd8d: (a: number, b: number, c: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__hd36015e73c041f91: (a: number, b: number, c: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h0be433054deaa267: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
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
