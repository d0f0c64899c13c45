// What a test drives and asks: the session the app opened, every
// connection it made, and the settings of the stand-in.
import { ALIAS } from './alias.js';
import { state } from './state.js';
import { encode } from './utf8.js';

const START = 'front-link-wasm could not start: ';
const outcomeOf = (load) => (load === 'ready' || load === 'pending' ? load : load instanceof Error ? load : new Error(START + String(load)));

/**
 * Settings for the tests that follow: `act` (React Testing Library's) wraps
 * every delivery of callbacks, so that state updates they make are flushed;
 * `load` says how the "wasm" loads for every open from now on: `'ready'`
 * (a moment later, as the real one), an Error (or message) it fails with,
 * as in a browser that cannot run it, or `'pending'` until settleLoad().
 */
export function configure({ act, load, strict } = {}) {
  if (act !== undefined) state.act = act ?? undefined;
  if (strict !== undefined) state.strict = Boolean(strict);
  if (load !== undefined) {
    state.load = outcomeOf(load);
    state.generation++;
    if (state.load !== 'pending') settleLoad(state.load);
  }
}

/**
 * Ends the loads waiting under `configure({ load: 'pending' })`: `'ready'`
 * (the default) or the Error (or message) they fail with. Opens after it
 * load again as configured.
 */
export function settleLoad(result = 'ready') {
  const outcome = outcomeOf(result === 'pending' ? 'ready' : result);
  for (const done of state.pending.splice(0)) done(outcome);
}

/** A session in words, for reset()'s report. */
const described = (s) => `the ${s.face === 'link' ? 'createLink' : 'createFrontConnection'} session of ${s.token === undefined ? `openPopup(${s.url})` : `link token ${s.token.slice(0, 12)}…`}`;

/**
 * Forgets every connection and session (a session still on screen ends
 * without calling onExit: the test is over), and `load` goes back to
 * `'ready'`. `act` and `strict` stay. Call it after each test. Returns what
 * it ended, in words; with `configure({ strict: true })` it throws if the
 * test left a session open, an open waiting for the "wasm", or a message
 * the real package would have warned about (not delivered).
 */
export function reset() {
  const ended = [];
  const problems = [];
  const active = state.active;
  state.active = undefined;
  if (active) {
    clearTimeout(active.timer);
    active.state.open = false;
    active.endedBy = 'reset()';
    ended.push(`${described(active)}, still open`);
    problems.push(`${described(active)} was still open: end it (dismiss(), done(), close(), …) or have the app close it`);
  }
  if (state.pending.length > 0) {
    ended.push('the "wasm" still loading');
    problems.push(`an open was never answered: the "wasm" was still loading (configure({ load: 'pending' }) without settleLoad())`);
  }
  for (const s of state.sessions) {
    if (s.unheard.length > 0) problems.push(`${described(s)}: the Link UI sent ${s.unheard.length} message(s) the real package does not deliver and warns about (${s.unheard.join(' | ')})`);
  }
  if (state.waiters.length > 0) ended.push(`${state.waiters.length} nextSession() still waiting`);
  for (const waiter of state.waiters.splice(0)) waiter.reset();
  state.connections.length = 0;
  state.sessions.length = 0;
  state.outcomes.length = 0;
  state.claimed = 0;
  delete globalThis[Symbol.for('front-link-wasm/real')];
  state.load = 'ready';
  state.pending.length = 0;
  state.loading = undefined;
  state.generation++;
  state.status = { ready: false, error: null };
  if (state.strict && problems.length > 0) throw new Error(`front-link-wasm/testing (strict): ${problems.join('; ')}`);
  return ended;
}

/** Every connection the app made since the last reset(), in order. */
export const connections = () => [...state.connections];

/** What the app did, for a message that says why there is no session. */
function story() {
  if (state.connections.length === 0 && globalThis[Symbol.for('front-link-wasm/real')]) {
    return `the app reached the real front-link-wasm (it answered "could not start"), not this stand-in: ${ALIAS}`;
  }
  if (state.connections.length === 0) return 'the app has made no connection (createLink/createFrontConnection, useLink/useFrontConnection)';
  if (state.connections.every((c) => c.calls.length === 0)) return 'the app has not called openLink';
  // What the newest open came to, first: an older refusal is history.
  const last = state.outcomes.at(-1);
  if (last?.session) return `the last session ended (${last.session.endedBy ?? 'ended'})`;
  if (last?.failure) return last.failure;
  if (state.pending.length > 0) return `openLink was called and the "wasm" is still loading (configure({ load: 'pending' })): settleLoad(), then await nextSession()`;
  return 'openLink was called and the session has not opened yet: await nextSession()';
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
