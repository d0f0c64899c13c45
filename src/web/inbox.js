// The session's `message` listener (src/web/inbox.rs owns it). Every message
// posted to the page reaches it, most of them other widgets'; only those from
// the Link frame's window at the session's origin enter the wasm, and their
// `data` is read (deserialized) only then.
//
// The rule reads nothing the page can redefine afterwards: `origin`, `source`
// and `data` through the getters of `MessageEvent.prototype` as they were
// when this module loaded (a script that redefines them later is not
// heard), called with the `Reflect.apply` of that moment; and only events the
// browser dispatched (`isTrusted`, an own property of each event that no
// script can set), so a synthetic `MessageEvent` naming the Link frame as
// its source is not heard either. A script that ran before this module
// loaded is in the page's trust, not ours (docs/differences.md).
const apply = Reflect.apply;
const getter = (name) => Object.getOwnPropertyDescriptor(globalThis.MessageEvent?.prototype ?? {}, name)?.get;
const [ORIGIN, SOURCE, DATA] = ['origin', 'source', 'data'].map(getter);
const read = (event, get) => apply(get, event, []);

/** Adds the listener to `window`; returns it, for `unlisten`. */
export function listen(window, frame, origin, deliver) {
  // A frame's window keeps its identity across navigations. It is looked up
  // at the first message: right after the frame is inserted, reading it
  // would make the browser set the frame up synchronously.
  let link = null;
  // The Link frame posting from another origin has navigated away from the
  // Link UI: said once per session. Other windows' messages stay silent.
  let strayed = false;
  const listener = (event) => {
    if (event.isTrusted !== true) return;
    const from = read(event, ORIGIN);
    if (from !== origin) {
      if (!strayed && read(event, SOURCE) === (link ??= frame.contentWindow) && link !== null) {
        strayed = true;
        console.warn(`front-link-wasm: a message from the Link frame was not delivered: it came from ${from}, not the Link origin ${origin} (the frame has navigated away from the Link UI)`);
      }
      return;
    }
    link ??= frame.contentWindow;
    if (link === null || read(event, SOURCE) !== link) return;
    deliver(read(event, DATA));
  };
  window.addEventListener('message', listener);
  return listener;
}

/** Removes a listener `listen` added. */
export function unlisten(window, listener) {
  window.removeEventListener('message', listener);
}
