// What a session posts to the Link UI without the wallet bridge's chunk
// (see reply.rs): the runtime's own messages, and a Comlink `throw`, with
// which a wallet request is answered when that chunk cannot be loaded. The
// rest of the bridge's replies (bridge/comlink.js) come with the chunk and
// post through `send`.

/** To the Link window at its origin, or (`origin` undefined) to a port. */
export function send(target, origin, message, transfer) {
  if (origin === undefined) target.postMessage(message, transfer);
  else target.postMessage(message, origin, transfer);
}
/** `{type}`, or `{type, payload}` if there is one. */
export function post(target, origin, type, payload) {
  send(target, origin, payload === undefined ? { type } : { type, payload }, []);
}
// Comlink's serialized `throw` value: an Error as its name and message,
// with a `stack` that names no script of the host page; anything else as is.
export function thrown(error) {
  return error instanceof Error ? { isError: true, value: { message: error.message, name: error.name, stack: `${error.name}: ${error.message}` } } : { isError: false, value: error };
}
/** `{type:'HANDLER', name:'throw', value, id}`; an error that cannot be cloned goes as a `TypeError`. */
export function replyThrow(target, origin, id, error) {
  try {
    send(target, origin, { type: 'HANDLER', name: 'throw', value: thrown(error), id }, []);
  } catch {
    try {
      send(target, origin, { type: 'HANDLER', name: 'throw', value: thrown(new TypeError('Unserializable error')), id }, []);
    } catch {}
  }
}
