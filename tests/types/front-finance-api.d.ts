// Stands in for `@front-finance/api` in tsconfig.exact.json (see
// exact-front.ts): 1.1.9's declarations import their BrokerType from it.
export type { BrokerType } from 'front-link-wasm';
