// The one origin+source rule of the runtime (src/web/inbox.js), on fakes:
// a message reaches the session only from its Link frame's window at its
// exact origin, dispatched by the browser, read through the getters the
// module found when it loaded. The browser suites (hardening.test.mjs,
// engines/cases.mjs, tests/browser.rs) show the same with real frames.
import assert from 'node:assert/strict';
import { test } from 'node:test';

/** A `MessageEvent` stand-in whose fields are getters on its prototype, as the platform's are. */
class FakeMessageEvent {
  #init;
  constructor(init) {
    this.#init = init;
    // Own, as the platform's unforgeable isTrusted is.
    Object.defineProperty(this, 'isTrusted', { value: init.isTrusted ?? true, enumerable: true });
  }
  get origin() {
    return this.#init.origin;
  }
  get source() {
    return this.#init.source;
  }
  get data() {
    return typeof this.#init.data === 'function' ? this.#init.data() : this.#init.data;
  }
}
globalThis.MessageEvent = FakeMessageEvent;
const { listen, unlisten } = await import('../../../src/web/inbox.js');

const ORIGIN = 'https://web.meshconnect.com';

function page() {
  const listeners = new Set();
  return {
    listeners,
    addEventListener: (type, f) => type === 'message' && listeners.add(f),
    removeEventListener: (type, f) => type === 'message' && listeners.delete(f),
    post: (init) => listeners.forEach((f) => f(new FakeMessageEvent(init))),
  };
}

function session() {
  const window = page();
  const link = { name: 'the Link frame window' };
  const frame = { contentWindow: link };
  const heard = [];
  const listener = listen(window, frame, ORIGIN, (data) => heard.push(data));
  return { window, link, frame, heard, listener };
}

test('the Link frame at the Link origin is heard, its data unchanged', () => {
  const { window, link, heard } = session();
  const data = { type: 'loaded' };
  window.post({ origin: ORIGIN, source: link, data });
  assert.deepEqual(heard, [data]);
  assert.equal(heard[0], data);
});

test('other origins, other frames, the page itself and "null" are not', () => {
  const { window, link, heard } = session();
  const other = { name: 'another frame' };
  for (const event of [
    { origin: 'https://evil.example', source: link },
    { origin: `${ORIGIN}/`, source: link },
    { origin: 'https://web.meshconnect.com:443', source: link },
    { origin: 'http://web.meshconnect.com', source: link },
    { origin: 'null', source: link },
    { origin: ORIGIN, source: other },
    { origin: ORIGIN, source: window },
    { origin: ORIGIN, source: null },
  ]) {
    window.post({ ...event, data: { type: 'done' } });
  }
  assert.deepEqual(heard, []);
});

test('the data of a stranger is never read', () => {
  const { window, heard } = session();
  window.post({ origin: 'https://evil.example', source: null, data: () => assert.fail('data was read') });
  assert.deepEqual(heard, []);
});

test('an event the browser did not dispatch (isTrusted false) is not heard, whatever it names', () => {
  const { window, link, heard } = session();
  window.post({ origin: ORIGIN, source: link, data: { type: 'done' }, isTrusted: false });
  assert.deepEqual(heard, []);
});

test('getters the page redefines after the module loaded are not what the rule reads', () => {
  const { window, link, heard } = session();
  const saved = Object.getOwnPropertyDescriptors(FakeMessageEvent.prototype);
  try {
    Object.defineProperty(FakeMessageEvent.prototype, 'origin', { get: () => ORIGIN, configurable: true });
    Object.defineProperty(FakeMessageEvent.prototype, 'source', { get: () => link, configurable: true });
    Object.defineProperty(FakeMessageEvent.prototype, 'data', { get: () => ({ type: 'forged' }), configurable: true });
    window.post({ origin: 'https://evil.example', source: null, data: { type: 'x' } });
    assert.deepEqual(heard, [], 'a stranger made to look like the Link frame');
    window.post({ origin: ORIGIN, source: link, data: { type: 'loaded' } });
    assert.deepEqual(heard, [{ type: 'loaded' }], 'the Link frame, its own data');
  } finally {
    for (const name of ['origin', 'source', 'data']) Object.defineProperty(FakeMessageEvent.prototype, name, saved[name]);
  }
});

test('a frame whose window is gone (removed from the page) hears nothing', () => {
  const { window, frame, link, heard } = session();
  frame.contentWindow = null;
  window.post({ origin: ORIGIN, source: link, data: {} });
  assert.deepEqual(heard, []);
});

test('unlisten removes the listener', () => {
  const { window, link, heard, listener } = session();
  unlisten(window, listener);
  assert.equal(window.listeners.size, 0);
  window.post({ origin: ORIGIN, source: link, data: {} });
  assert.deepEqual(heard, []);
});
