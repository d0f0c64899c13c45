// front-link-wasm/testing's transcription of the core (pkg/testing/core.js)
// against the core itself: tests/testing-vectors.json is what the Rust core
// decided on the corpus (rendered by tests/generated.rs; `cargo test` fails
// when it is stale). Every link token, option set, message and host call
// there must get the same decision here, per face, and the same warnings
// and debug reports. And explain() (js_data.js, behind the debug reports
// and the kit's messages) must name a place exactly when the shared check
// says a payload leaves its upstream type.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../../../scripts/lib.mjs';

const testing = join(root, 'pkg', 'testing');
const { SessionState, linkParams, openSession, LOAD_TIMEOUT_MESSAGE, DEFAULT_LOAD_TIMEOUT_MS } = await import(join(testing, 'core.js'));
const { explain } = await import(join(testing, 'js_data.js'));
const { conforms } = await import(join(testing, 'js_data.js'));
const { PAYLOAD } = await import(join(testing, 'payloads.js'));
const vectors = JSON.parse(readFileSync(join(root, 'tests', 'testing-vectors.json'), 'utf8'));

const FACES = ['front', 'link'];
const orNull = (v) => (v === undefined ? null : v);

/** The stand-in's verdict on an open, in the vectors' form. */
function opened(decided) {
  if (decided.exit) return { exit: decided.exit };
  return { url: decided.url, origin: decided.origin, frame: orNull(decided.frame), loadTimeout: orNull(decided.loadTimeout) };
}

/** The stand-in's steps, in the vectors' form (tests/vectors/mod.rs `action`). */
function step(s) {
  if (typeof s === 'string') return s;
  if (s.warn) return { warn: s.warn };
  if (s.report !== undefined) return { report: s.report };
  if (s.post) return { post: s.post };
  if (s.openWindow) return { openWindow: s.openWindow };
  if ('exit' in s) return { exit: orNull(s.exit), summary: s.summary !== undefined };
  if (s.connected && s.onEvent) return { onEvent: s.onEvent, connected: s.connected };
  if (s.connected) return { connected: s.connected };
  if (s.transferFinished) return 'transferFinished';
  if (s.onEvent === 'popupBlocked') return { onEvent: 'popupBlocked', url: s.url };
  return { onEvent: s.onEvent };
}

test('the constants are the core’s', () => {
  assert.equal(LOAD_TIMEOUT_MESSAGE, vectors.loadTimeoutMessage);
  assert.equal(DEFAULT_LOAD_TIMEOUT_MS, vectors.defaultLoadTimeout);
});

test('every link token and URL of the corpus, under every option set, opens or is refused as the core decides', () => {
  let compared = 0;
  for (const vector of vectors.links) {
    for (const [face, expected] of Object.entries(vector.verdict)) {
      const { params } = linkParams(vector.options, face, vector.iframeId ?? undefined);
      const input = vector.popup !== undefined ? { url: vector.popup } : { token: vector.token };
      assert.deepEqual(opened(openSession(input, params)), expected, `${face}: ${JSON.stringify(vector)}`);
      compared++;
    }
  }
  // The corpus is not empty, and both outcomes occur.
  assert.ok(compared > 500, `${compared} decisions compared`);
  assert.ok(vectors.links.some((v) => v.verdict.front.exit) && vectors.links.some((v) => v.verdict.front.url));
});

test('every message of the corpus and its mutants, and every host call, does what the core does, per face', () => {
  let compared = 0;
  const reasons = new Set();
  const said = new Set();
  for (const script of vectors.sessions.scripts) {
    for (const face of FACES) {
      const embedded = script.options.renderType === 'embedded';
      const debug = script.options.debug === true;
      // `onMessage`'s verdicts, then what `receive` does (warnings once per reason, debug reports).
      const [verdicts, received] = [new SessionState(face, embedded, debug), new SessionState(face, embedded, debug)];
      const run = (session, receive) =>
        script.steps.map((s) => {
          if (s.host === 'close') return session.close().map(step);
          if (s.host === 'requestClose') return session.requestClose().map(step);
          if (s.host === 'loadTimedOut') return session.loadTimedOut().map(step);
          const result = receive ? session.receive(s.message) : session.onMessage(s.message);
          if (result.ignored) return (reasons.add(result.ignored), { ignored: result.ignored });
          result.forEach((r) => (r.warn || r.report !== undefined) && said.add(r.warn ?? 'report'));
          return result.map(step);
        });
      assert.deepEqual(run(verdicts, false), script.results[face], `${face}: ${JSON.stringify(script.steps)}`);
      assert.deepEqual(run(received, true), script.received[face] ?? script.results[face], `${face}, received: ${JSON.stringify(script.steps)}`);
      compared++;
    }
  }
  assert.ok(compared > 500, `${compared} scripts compared`);
  assert.deepEqual([...reasons].sort(), ['badLink', 'ended', 'noPayload', 'notAnObject', 'unknownType']);
  assert.deepEqual([...said].sort(), ['badLink', 'errorNotText', 'noPayload', 'notAnObject', 'report', 'unknownType']);
});

test('explain() names a place exactly where the shared check says a payload leaves its upstream type', () => {
  let deviating = 0;
  for (const script of vectors.sessions.scripts) {
    for (const { message } of script.steps.filter((s) => s.message !== undefined)) {
      const payload = message?.payload;
      for (const number of Object.values(PAYLOAD)) {
        const why = explain(number, payload);
        assert.equal(why === undefined, conforms(number, payload), `${number}: ${JSON.stringify(payload)}`);
        if (why !== undefined) {
          deviating++;
          assert.match(why, /^payload\b.* (must be|is required)/, `${number}: ${JSON.stringify(message)}`);
        }
      }
    }
  }
  assert.ok(deviating > 1000, `${deviating} deviations explained`);
});
