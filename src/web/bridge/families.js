// The bridge's chunk (chunk.js fetches it): every module whose functions
// the wasm calls. The names are one namespace, so no two modules may export
// the same name (a test holds them to it).
export * from './bitcoin.js';
export * from './capability.js';
export * from './comlink.js';
export * from './eip6963.js';
export * from './registry.js';
export * from './solana.js';
export * from './ton.js';
export * from './tron.js';
export * from './walk.js';
