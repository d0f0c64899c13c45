// The wallet bridge's JavaScript (families.js and what it imports) is a
// chunk of its own: the app's bundler splits it off at the `import()`
// below, and it is fetched when a session's Link UI first opens the wallet
// channel (chunk.rs). A page whose users never use a wallet never loads it.
//
// The wasm's imports are bound when it is instantiated, before the chunk is
// here, so the bridge's functions are imported as members of `bridge`: for
// each name, a function (made once) that calls the chunk's export of that
// name. The web layer calls none of them before `load()` has resolved.

let chunk;
const calls = new Map();
const call =
  (name) =>
  (...args) =>
    chunk[name](...args);
export const bridge = new Proxy(
  {},
  {
    get: (_, name) => calls.get(name) ?? calls.set(name, call(name)).get(name),
  },
);

let loading;
/** Fetches the chunk once; after a failure, the next call tries again. */
export function load() {
  loading ??= import('./families.js').then(
    (module) => {
      chunk = module;
    },
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
