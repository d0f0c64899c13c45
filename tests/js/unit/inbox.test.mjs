// The one origin+source rule of the runtime (src/web/inbox.js), on fakes:
// a message reaches the session only from its Link frame's window at its
// exact origin. The browser suites (hardening.test.mjs, tests/browser.rs)
// show the same with real cross-origin frames.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listen, unlisten } from '../../../src/web/inbox.js';

const ORIGIN = 'https://web.meshconnect.com';

function page() {
  const listeners = new Set();
  return {
    listeners,
    addEventListener: (type, f) => type === 'message' && listeners.add(f),
    removeEventListener: (type, f) => type === 'message' && listeners.delete(f),
    post: (event) => listeners.forEach((f) => f(event)),
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
  const event = { origin: 'https://evil.example', source: null };
  Object.defineProperty(event, 'data', { get: () => assert.fail('data was read') });
  window.post(event);
  assert.deepEqual(heard, []);
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
