// Comlink's reply shapes and the session plumbing of the bridge
// (src/web/bridge/comlink.js, and reply.js: what is posted before the
// bridge's chunk is in), on fake targets and ports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerWhenSettled, end, error, isProxied, proxy, remote, replyPort, replyRaw, runAll, session, text, typeError } from '../../../src/web/bridge/comlink.js';
import { post, replyThrow, thrown } from '../../../src/web/reply.js';

const ORIGIN = 'https://web.meshconnect.com';

/** A window or port that records what is posted; `fail(n)` throws the next n posts. */
function target() {
  const sent = [];
  let failures = 0;
  return {
    sent,
    fail: (n) => (failures = n),
    postMessage(...args) {
      if (failures > 0) {
        failures--;
        throw new DOMException('could not be cloned', 'DataCloneError');
      }
      sent.push(args);
    },
  };
}

test('thrown: an Error as name and message, with a stack naming no script', () => {
  assert.deepEqual(thrown(new TypeError('bad')), { isError: true, value: { message: 'bad', name: 'TypeError', stack: 'TypeError: bad' } });
  const custom = new Error('no');
  custom.name = 'WalletSignTransactionError';
  assert.deepEqual(thrown(custom).value, { message: 'no', name: 'WalletSignTransactionError', stack: 'WalletSignTransactionError: no' });
  assert.deepEqual(thrown('text'), { isError: false, value: 'text' });
  assert.deepEqual(thrown(undefined), { isError: false, value: undefined });
  assert.deepEqual(thrown({ message: 'not an Error' }), { isError: false, value: { message: 'not an Error' } });
});

test('RAW, throw and port replies, to the window at its origin or to a port', () => {
  const window = target();
  replyRaw(window, ORIGIN, 7, { a: 1 });
  assert.deepEqual(window.sent, [[{ type: 'RAW', value: { a: 1 }, id: 7 }, ORIGIN, []]]);
  const port = target();
  replyThrow(port, undefined, 'x', new Error('e'));
  assert.deepEqual(port.sent, [[{ type: 'HANDLER', name: 'throw', value: thrown(new Error('e')), id: 'x' }, []]]);
  const channel = { name: 'a port' };
  const to = target();
  replyPort(to, ORIGIN, 1, channel, true);
  replyPort(to, ORIGIN, 2, channel, false);
  assert.deepEqual(to.sent, [
    [{ type: 'HANDLER', name: 'proxy', value: channel, id: 1 }, ORIGIN, [channel]],
    [{ type: 'RAW', value: channel, id: 2 }, ORIGIN, [channel]],
  ]);
});

test('an unclonable value becomes a throw; an unclonable error a TypeError; then nothing', () => {
  const to = target();
  to.fail(1);
  replyRaw(to, ORIGIN, 1, () => {});
  assert.deepEqual(to.sent, [[{ type: 'HANDLER', name: 'throw', value: thrown(new TypeError('Unserializable return value')), id: 1 }, ORIGIN, []]]);
  const again = target();
  again.fail(2);
  replyRaw(again, ORIGIN, 2, () => {});
  assert.deepEqual(again.sent, [[{ type: 'HANDLER', name: 'throw', value: thrown(new TypeError('Unserializable error')), id: 2 }, ORIGIN, []]]);
  const never = target();
  never.fail(3);
  assert.doesNotThrow(() => replyRaw(never, ORIGIN, 3, 1));
  never.fail(1);
  assert.doesNotThrow(() => replyPort(never, ORIGIN, 4, {}, true));
  assert.deepEqual(never.sent, []);
});

test("post: the runtime's own {type} or {type, payload}", () => {
  const to = target();
  post(to, ORIGIN, 'close', undefined);
  post(to, ORIGIN, 'token', { a: 1 });
  assert.deepEqual(to.sent, [
    [{ type: 'close' }, ORIGIN, []],
    [{ type: 'token', payload: { a: 1 } }, ORIGIN, []],
  ]);
  const failing = target();
  failing.fail(1);
  assert.throws(() => post(failing, ORIGIN, 'x', undefined), { name: 'DataCloneError' }, 'the caller handles it');
});

test('proxy marks objects and functions; nothing else is proxied', () => {
  const f = proxy(() => {});
  const o = proxy({});
  assert.ok(isProxied(f) && isProxied(o));
  for (const value of [{}, () => {}, null, undefined, 1, 'x']) assert.equal(isProxied(value), false);
});

test('a settled call answers RAW, by reference or throw, unless the session is over', async () => {
  const live = session();
  const to = target();
  const byReference = [];
  const settle = async (promise, s = live) => {
    answerWhenSettled(promise, s, to, ORIGIN, 9, (...args) => byReference.push(args));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  await settle(Promise.resolve(5));
  assert.deepEqual(to.sent.pop(), [{ type: 'RAW', value: 5, id: 9 }, ORIGIN, []]);
  const handed = proxy({});
  await settle(Promise.resolve(handed));
  assert.deepEqual(byReference, [[to, ORIGIN, 9, handed]]);
  assert.deepEqual(to.sent, []);
  await settle(Promise.reject(new Error('no')));
  assert.deepEqual(to.sent.pop()[0].value, thrown(new Error('no')));
  const over = session();
  end(over);
  assert.deepEqual(over, { over: true });
  await settle(Promise.resolve(1), over);
  await settle(Promise.reject(new Error('late')), over);
  assert.deepEqual(to.sent, []);
});

test("remote calls the child's callback as APPLY [] with RAW arguments; failures stay here", () => {
  const port = target();
  const call = remote(port);
  assert.equal(typeof port.onmessage, 'function');
  call(1, 'two');
  const [[message]] = port.sent;
  assert.match(message.id, /^front-link-wasm-\d+$/);
  assert.deepEqual(
    { ...message, id: 0 },
    {
      id: 0,
      type: 'APPLY',
      path: [],
      argumentList: [
        { type: 'RAW', value: 1 },
        { type: 'RAW', value: 'two' },
      ],
    },
  );
  call();
  assert.notEqual(port.sent[1][0].id, message.id, 'a fresh id per call');
  port.fail(1);
  assert.doesNotThrow(() => call(() => {}));
});

test('runAll empties the list and runs each once, whatever they throw', () => {
  const ran = [];
  const list = [
    () => ran.push(1),
    () => {
      throw new Error('x');
    },
    () => ran.push(3),
  ];
  runAll(list);
  assert.deepEqual(ran, [1, 3]);
  assert.equal(list.length, 0);
  runAll(list);
  assert.deepEqual(ran, [1, 3]);
});

test('error, typeError and text', () => {
  assert.ok(error('m') instanceof Error && error('m').message === 'm');
  assert.equal(typeError('t').name, 'TypeError');
  assert.equal(text(undefined), 'undefined');
  assert.equal(text(Symbol('s')), 'Symbol(s)');
});
