// One scripted Link session: the test plays the Link UI (and the user at the
// overlay), the core's decisions (core.js) say what the SDK does, and this
// file does it as the wasm's web layer would (src/web/runtime.rs): callbacks
// in order, each looked up on the app's options when called, posts only to
// a live session, onExit once.
import { SessionState, classify } from './core.js';
import { deviation, warning } from './js_data.js';
import { IGNORED } from './payloads.js';
import { fixtures } from './fixtures.js';
import { state } from './state.js';
import { VERSION } from './version.js';

/** Runs `deliver` inside the `act` given to configure(), if any. */
export function delivering(deliver) {
  if (state.act) state.act(deliver);
  else deliver();
}

/**
 * `options[name](...args)`, as the wasm's `callOption`: looked up at call
 * time, `this` the options, a throw reported on the console and not thrown.
 */
export function callOption(connection, session, name, args) {
  const record = { callback: name, args };
  connection.delivered.push(record);
  session?.delivered.push(record);
  let f;
  try {
    f = connection.options == null ? undefined : connection.options[name];
  } catch (error) {
    return console.error('front-link-wasm: reading the options threw', error);
  }
  if (typeof f !== 'function') return;
  try {
    f.apply(connection.options, args);
  } catch (error) {
    console.error(`front-link-wasm: ${name} threw`, error);
  }
}

// postMessage hands the page a copy. (Jest's jsdom environment has no
// structuredClone: there, plain data is copied by hand.)
function copy(data) {
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map(copy);
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, copy(v)]));
}
const cloned = (data) => (typeof structuredClone === 'function' ? structuredClone(data) : copy(data));

/** A Link session the app opened, scripted by the test. */
export class TestSession {
  constructor(connection, input, params, opened) {
    this.connection = connection;
    this.face = connection.face;
    this.token = input.token;
    this.url = opened.url;
    this.origin = opened.origin;
    this.iframeId = opened.frame;
    this.embedded = params.embedded;
    this.delivered = [];
    this.posted = [];
    this.windows = [];
    this.ignored = [];
    this.warnings = [];
    /** What was said of the messages not delivered (what strict mode fails on). */
    this.unheard = [];
    this.state = new SessionState(this.face, params.embedded, params.debug);
    this.endedBy = undefined;
    if (opened.loadTimeout !== undefined) {
      // The real load timer, so that a test's fake timers drive it.
      const timer = setTimeout(() => this.timeOut(), opened.loadTimeout);
      timer?.unref?.();
      this.timer = timer;
    }
  }

  /** Whether the session is still on screen. */
  get open() {
    return this.state.open;
  }

  /** Whether the Link UI has said `loaded`. */
  get loaded() {
    return this.state.loaded;
  }

  // --- what the web layer does with the core's steps -------------------------

  execute(steps) {
    delivering(() => {
      for (const step of steps) this.#run(step);
    });
  }

  #run(step) {
    const { connection } = this;
    if (step === 'end') return this.#takeDown();
    if (step === 'loaded') return clearTimeout(this.timer);
    if (step === 'closed') return callOption(connection, this, 'onExit', []);
    if (step.post) return this.#post(step.post);
    if (step.openWindow) {
      this.windows.push(step.openWindow);
      if (this.blockPopups) this.execute(this.state.popupBlocked(step.openWindow));
      return;
    }
    if ('exit' in step) {
      const args = step.summary !== undefined ? [step.exit, step.summary] : this.face === 'link' ? [step.exit, undefined] : [step.exit];
      return callOption(connection, this, 'onExit', args);
    }
    if (step.connected && step.onEvent) {
      return callOption(connection, this, 'onEvent', [{ type: 'integrationConnected', payload: { [step.connected]: step.payload } }]);
    }
    if (step.connected) {
      return callOption(connection, this, this.face === 'link' ? 'onIntegrationConnected' : 'onBrokerConnected', [{ [step.connected]: step.payload }]);
    }
    if (step.transferFinished) return callOption(connection, this, 'onTransferFinished', [step.transferFinished]);
    if (step.onEvent === 'transferCompleted') return callOption(connection, this, 'onEvent', [{ type: 'transferCompleted', payload: step.payload }]);
    if (step.onEvent === 'pageLoaded') return callOption(connection, this, 'onEvent', [{ type: 'pageLoaded' }]);
    if (step.onEvent === 'popupBlocked') return callOption(connection, this, 'onEvent', [{ type: 'popupBlocked', payload: { url: step.url } }]);
    if (step.onEvent) return callOption(connection, this, 'onEvent', [step.data]);
    // What the real package says on the console, in its words (js_data.js).
    if (step.warn) {
      const text = warning(IGNORED[step.warn], this.current);
      this.unheard.push(text);
      return this.#say(text);
    }
    if (step.report !== undefined) return this.#say(deviation(step.report, this.current));
  }

  /** What the real package says on the console: said, and recorded in `warnings`. */
  #say(text) {
    this.warnings.push(text);
    console.warn(text);
  }

  #takeDown() {
    clearTimeout(this.timer);
    if (state.active === this) state.active = undefined;
  }

  #post(type) {
    if (state.active !== this) return;
    const option = (name) => {
      const value = this.connection.options == null ? undefined : this.connection.options[name];
      return value === undefined || value === null ? undefined : value;
    };
    const payload = {
      meshSDKSpecs: () => ({ platform: 'web', version: VERSION, origin: globalThis.location?.origin ?? '' }),
      frontAccessTokens: () => option('accessTokens'),
      frontTransferDestinationTokens: () => option('transferDestinationTokens'),
      closeRequested: () => undefined,
    }[type]();
    if (payload === undefined && type !== 'closeRequested') return;
    this.posted.push(type === 'closeRequested' ? { type } : { type, payload: cloned(payload) });
  }

  /** Ends the session as the host does; `how` says why, for session()'s messages. */
  end(how) {
    this.endedBy ??= how;
    this.execute(this.state.close());
  }

  requestClose() {
    const steps = this.state.requestClose();
    if (steps[0] === 'end') this.endedBy ??= 'the app called closeLinkRequested';
    this.execute(steps);
  }

  // --- the Link UI's side ------------------------------------------------------

  /**
   * Posts `data` from the Link UI, as it is: what the SDK does with it
   * happens before this returns. Returns `undefined` if the SDK delivered
   * it, else why not (`{ reason, why }`); the real package then warns on
   * the console, once per session and reason, and so does this one
   * (`warnings`).
   */
  send(data) {
    const copy = cloned(data);
    const verdict = this.state.onMessage(copy);
    this.current = copy;
    const steps = this.state.received(copy, verdict);
    if (steps.some((s) => s === 'end')) this.endedBy ??= 'the Link UI';
    this.execute(steps);
    this.current = undefined;
    if (Array.isArray(verdict)) return undefined;
    const ignored = { data: copy, reason: verdict.ignored, why: why(this.face, copy, verdict) };
    this.ignored.push(ignored);
    return { reason: ignored.reason, why: ignored.why };
  }

  /** A message a flow helper sends: one the real SDK would not deliver is a mistake in the test. */
  #flow(helper, data) {
    const ignored = this.send(data);
    if (ignored) throw mistake(helper, data, ignored.why);
    return this;
  }

  /** Throws, as a flow would, if the SDK would ignore `data`; sends nothing. */
  #check(helper, data) {
    const decided = classify(this.face, data);
    if (decided.ignored) throw mistake(helper, data, why(this.face, data, decided));
  }

  #live(helper) {
    if (!this.open) throw new Error(`front-link-wasm/testing: ${helper}: this session has ended (${this.endedBy ?? 'ended'}); open another with the app, then await nextSession()`);
  }

  #loadedFirst(helper) {
    this.#live(helper);
    if (!this.loaded) this.#flow(helper, { type: 'loaded' });
  }

  /** The Link UI says `loaded`. */
  load() {
    this.#live('load()');
    return this.#flow('load()', { type: 'loaded' });
  }

  /** Any event key, with its payload. */
  event(type, payload) {
    const helper = `event(${JSON.stringify(type)})`;
    const data = payload === undefined ? { type } : { type, payload };
    this.#live(helper);
    this.#check(helper, data);
    this.#loadedFirst(helper);
    return this.#flow(helper, data);
  }

  /** The user connects an account. */
  connect(script = {}) {
    this.#live('connect()');
    const payload = script.payload ?? fixtures[this.face].accessToken(script);
    this.#check('connect()', { type: 'brokerageAccountAccessToken', payload });
    this.#loadedFirst('connect()');
    const brokerName = typeof payload?.brokerName === 'string' ? payload.brokerName : 'Robinhood';
    const brokerType = typeof payload?.brokerType === 'string' ? payload.brokerType : 'robinhood';
    this.#flow('connect()', { type: 'integrationSelected', payload: { integrationType: brokerType, integrationName: brokerName } });
    this.#flow('connect()', { type: 'credentialsEntered' });
    if (script.mfa) {
      this.#flow('connect()', { type: 'integrationMfaRequired' });
      this.#flow('connect()', { type: 'integrationMfaEntered' });
    }
    if (script.accountSelection) this.#flow('connect()', { type: 'integrationAccountSelectionRequired' });
    return this.#flow('connect()', { type: 'brokerageAccountAccessToken', payload });
  }

  /** The user connects an institution whose tokens come later (delayed authentication). */
  delayedAuth(payload = fixtures[this.face].delayedAuth()) {
    this.#live('delayedAuth()');
    this.#check('delayedAuth()', { type: 'delayedAuthentication', payload });
    this.#loadedFirst('delayedAuth()');
    return this.#flow('delayedAuth()', { type: 'delayedAuthentication', payload });
  }

  /** The Link UI reports an error connecting, and stays open. */
  connectionError(errorMessage = 'Invalid credentials') {
    return this.event('integrationConnectionError', { errorMessage });
  }

  /** A transfer: started, previewed, then finished with `result` (success by default). */
  transfer(result = {}) {
    this.#live('transfer()');
    const finished = { ...(result.status === 'error' ? fixtures[this.face].transferError() : fixtures[this.face].transferSuccess()), ...result };
    this.#check('transfer()', { type: 'transferFinished', payload: finished });
    this.#loadedFirst('transfer()');
    const preview = fixtures[this.face].transferPreviewed();
    this.#flow('transfer()', { type: 'transferStarted', payload: { integrationType: 'coinbase', integrationName: 'Coinbase' } });
    this.#flow('transfer()', { type: 'transferPreviewed', payload: preview });
    return this.#flow('transfer()', { type: 'transferFinished', payload: finished });
  }

  /** The Link UI finishes (`done`), with a session summary. */
  done(summary = fixtures[this.face].summary()) {
    this.#live('done()');
    return this.#flow('done()', { type: 'done', payload: summary });
  }

  /** The user closes the Link UI with its own × (`close`): `message` is 1.1.9's. */
  close({ summary, message, errorMessage } = {}) {
    this.#live('close()');
    const payload = errorMessage === undefined ? summary : { page: 'catalogPage', ...summary, errorMessage };
    const data = { type: 'close' };
    if (message !== undefined) data.message = message;
    if (payload !== undefined) data.payload = payload;
    return this.#flow('close()', data);
  }

  /** The Link UI ends on an error: onExit gets `errorMessage` and the summary. */
  fail(errorMessage = 'Something went wrong', summary = {}) {
    return this.close({ errorMessage, summary: { page: 'errorPage', ...summary } });
  }

  /** 1.1.9's `oauthLinkOpen`: the SDK opens `url` in a popup, or says the browser blocked it. */
  oauth(url = 'https://oauth.example/authorize?state=test', { blocked = false } = {}) {
    const data = { type: 'oauthLinkOpen', link: url };
    this.#live('oauth()');
    this.#check('oauth()', data);
    this.#loadedFirst('oauth()');
    this.blockPopups = blocked;
    return this.#flow('oauth()', data);
  }

  // --- the host's side ---------------------------------------------------------

  /** The user closes the overlay (its close control, or Escape): onExit(). */
  dismiss() {
    this.#live('dismiss()');
    if (this.iframeId !== undefined) throw new Error("front-link-wasm/testing: dismiss(): an embedded session has no overlay to dismiss; the Link UI's own close is close()");
    this.end('dismissed by the user');
    return this;
  }

  /** The Link UI has not said `loaded` within `loadTimeout`: now, without waiting. */
  timeOut() {
    if (this.state.open && !this.state.loaded) this.endedBy ??= 'the load timeout';
    this.execute(this.state.loadTimedOut());
    return this;
  }
}

/** A flow helper's message the SDK would not deliver: a mistake in the test. */
const mistake = (helper, data, why) => new TypeError(`front-link-wasm/testing: ${helper}: the SDK does not deliver ${JSON.stringify(data).slice(0, 200)}: ${why}`);

/** Why the core did not deliver `data`, as a test can act on it. */
function why(face, data, { ignored }) {
  switch (ignored) {
    case 'ended':
      return 'the session has ended';
    case 'notAnObject':
      return 'a message from the Link UI is an object with a string type';
    case 'unknownType':
      return `${JSON.stringify(data?.type)} is not a message type the ${face === 'link' ? '3.13' : '1.1.9'} face acts on`;
    case 'badLink':
      return "oauthLinkOpen's link fails the URL rule (https:, or http: on loopback)";
    case 'noPayload':
      return `${data.type} must carry an object as its payload, not ${data.payload === null ? 'null' : Array.isArray(data.payload) ? 'an array' : typeof data.payload}`;
  }
  return ignored;
}
