// Comlink 4's side of the wallet bridge's web layer (see comlink.rs): the
// reply shapes, posting them, the child's proxied callbacks, which values
// go out by reference, and a session's liveness.

import { made } from './capability.js';
import { replyThrow, send } from '../reply.js';

// Values the API hands out by reference (Comlink's proxy-marked values),
// all built by the bridge: on its capability surface.
const proxied = new WeakSet();
export function proxy(value) {
  proxied.add(value);
  return made(value);
}
export function isProxied(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && proxied.has(value);
}

// A session's pending calls answer from here, without going back into the
// wasm for each: a reply is one step once the value is known. `session` is
// `{over}`, set when the session ends; values handed out by reference go to
// `byReference`, which serves them on a new port.
export function session() {
  return { over: false };
}
export function end(session) {
  session.over = true;
}
export function answerWhenSettled(promise, session, target, origin, id, byReference) {
  promise.then(
    (value) => {
      if (session.over) return;
      if (isProxied(value)) byReference(target, origin, id, value);
      else replyRaw(target, origin, id, value);
    },
    (error) => {
      if (!session.over) replyThrow(target, origin, id, error);
    },
  );
}
// Calls and forgets each function in the list, whatever they throw.
export function runAll(functions) {
  for (const f of functions.splice(0)) {
    try {
      f();
    } catch {}
  }
}

export function replyRaw(target, origin, id, value) {
  try {
    send(target, origin, { type: 'RAW', value, id }, []);
  } catch {
    replyThrow(target, origin, id, new TypeError('Unserializable return value'));
  }
}
export function replyPort(target, origin, id, port, proxy) {
  const message = proxy ? { type: 'HANDLER', name: 'proxy', value: port, id } : { type: 'RAW', value: port, id };
  try {
    send(target, origin, message, [port]);
  } catch {}
}
export function error(message) {
  return new Error(message);
}
export function typeError(message) {
  return new TypeError(message);
}
export function text(value) {
  return String(value);
}

// A child's proxied callback: `APPLY []` on its port, arguments as RAW.
let calls = 0;
export function remote(port) {
  port.onmessage = () => {};
  return (...args) => {
    try {
      port.postMessage({ id: `front-link-wasm-${++calls}`, type: 'APPLY', path: [], argumentList: args.map((value) => ({ type: 'RAW', value })) });
    } catch {}
  };
}
