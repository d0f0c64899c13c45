// What front-link-wasm/testing knows of a test, in one record per global
// scope: the ESM files and the CommonJS bundles of this directory (an app's
// test may reach both, say `require` through a Jest mock and `import` in the
// test) see the same sessions. Each Jest test file has its own global.
const KEY = Symbol.for('front-link-wasm/testing@1');

/** The shared record. */
export const state = (globalThis[KEY] ??= {
  /** Every connection made since the last reset(), in order. */
  connections: [],
  /** Every session that opened, in order. */
  sessions: [],
  /** What each open came to, in order (`{ session }` or `{ failure }`), and how many nextSession() has handed out. */
  outcomes: [],
  claimed: 0,
  /** The session on screen, if any: the real SDK shows one at a time. */
  active: undefined,
  /** nextSession() calls still waiting. */
  waiters: [],
  /** configure(): React's act, and whether the wasm "loads". */
  act: undefined,
  /** configure({ strict }): reset() throws on what a test left behind. */
  strict: false,
  load: 'ready',
  /** Loads waiting for settleLoad() (while `load` is 'pending'), and the configuration they belong to. */
  pending: [],
  generation: 0,
  /** The load under way (`{generation, promise}`), and the generation that loaded last. */
  loading: undefined,
  loaded: -1,
  /** The loader's status as the React hooks read it, and its listeners. */
  status: { ready: false, error: null },
  listeners: new Set(),
  /** Per face, options objects given to the faces → their TestConnection. */
  carriers: new WeakMap(),
});
