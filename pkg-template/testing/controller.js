// What a test drives and asks: the session the app opened, every
// connection it made, and the settings of the stand-in.
import { state } from './state.js';
import { encode } from './utf8.js';

const START = 'front-link-wasm could not start: ';

/**
 * Settings for the tests that follow: `act` (React Testing Library's) wraps
 * every delivery of callbacks, so that state updates they make are flushed;
 * `load` makes the "wasm" fail to load with that Error (or message), as in
 * a browser that cannot run it, or `'ready'` again.
 */
export function configure({ act, load } = {}) {
  if (act !== undefined) state.act = act ?? undefined;
  if (load !== undefined) {
    state.load = load === 'ready' ? 'ready' : load instanceof Error ? load : new Error(START + String(load));
    if (load === 'ready' && state.status.error) state.status = { ready: false, error: null };
  }
}

/**
 * Forgets every connection and session (a session still on screen ends
 * without calling onExit: the test is over), and `load` goes back to
 * `'ready'`. `act` stays. Call it after each test.
 */
export function reset() {
  const active = state.active;
  state.active = undefined;
  if (active) {
    clearTimeout(active.timer);
    active.state.open = false;
    active.endedBy = 'reset()';
  }
  for (const waiter of state.waiters.splice(0)) waiter.reset();
  state.connections.length = 0;
  state.sessions.length = 0;
  state.outcomes.length = 0;
  state.claimed = 0;
  state.load = 'ready';
  state.status = { ready: false, error: null };
}

/** Every connection the app made since the last reset(), in order. */
export const connections = () => [...state.connections];

/** What the app did, for a message that says why there is no session. */
function story() {
  if (state.connections.length === 0) return 'the app has made no connection (createLink/createFrontConnection, useLink/useFrontConnection)';
  if (state.connections.every((c) => c.calls.length === 0)) return 'the app has not called openLink';
  const refusal = state.connections.flatMap((c) => c.refusals).at(-1);
  const ended = state.sessions.at(-1);
  const parts = [];
  if (refusal) parts.push(`the last refused open got onExit(${JSON.stringify(refusal.exit)}): ${refusal.why}`);
  if (state.status.error) parts.push(`the "wasm" did not load (configure({ load })): ${state.status.error.message}`);
  if (ended) parts.push(`the last session ended (${ended.endedBy ?? 'ended'})`);
  if (parts.length === 0) parts.push('openLink was called and the session has not opened yet: await nextSession()');
  return parts.join('; ');
}

/** The session on screen. Throws, saying what the app did, if there is none. */
export function session() {
  if (state.active) return state.active;
  throw new Error(`front-link-wasm/testing: no Link session is open: ${story()}`);
}

// Timers a test fakes (vi.useFakeTimers, jest.useFakeTimers) must not stop
// nextSession() from failing on its own.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/**
 * The next thing the app's opens came to that nextSession() has not
 * returned yet, in order: a session (perhaps already open) resolves; a
 * refused open or a "wasm" that did not load rejects, saying why. Rejects
 * too if nothing happens within `timeout` ms.
 */
export function nextSession({ timeout = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    let timer;
    const fail = (why) => reject(new Error(`front-link-wasm/testing: nextSession(): ${why}`));
    const take = () => {
      const next = state.outcomes[state.claimed];
      if (next === undefined) return false;
      state.claimed++;
      realClearTimeout(timer);
      if (next.session) resolve(next.session);
      else fail(next.failure);
      return true;
    };
    if (take()) return;
    const waiter = { take, reset: () => (realClearTimeout(timer), fail('reset() was called')) };
    timer = realSetTimeout(() => {
      state.waiters.splice(state.waiters.indexOf(waiter) >>> 0, 1);
      fail(`no session opened within ${timeout} ms: ${story()}`);
    }, timeout);
    state.waiters.push(waiter);
  });
}

/** Records what an open came to, for nextSession(): `{ session }` or `{ failure }`. */
export function outcome(result) {
  state.outcomes.push(result);
  for (const waiter of state.waiters.splice(0)) if (!waiter.take()) state.waiters.push(waiter);
}

/** A link token (the base64 of a Link URL) the SDK opens. */
export function linkToken(url = 'https://web.meshconnect.com/b2b-iframe?session=test') {
  let binary = '';
  for (const byte of encode(url)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
