// The session's `message` listener (src/web/inbox.rs owns it). Every message
// posted to the page reaches it, most of them other widgets'; only those from
// the Link frame's window at the session's origin enter the wasm, and their
// `data` is read (deserialized) only then.

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
    if (event.origin !== origin) {
      if (!strayed && event.source !== null && event.source === (link ??= frame.contentWindow)) {
        strayed = true;
        console.warn(`front-link-wasm: a message from the Link frame was not delivered: it came from ${event.origin}, not the Link origin ${origin} (the frame has navigated away from the Link UI)`);
      }
      return;
    }
    link ??= frame.contentWindow;
    if (link === null || event.source !== link) return;
    deliver(event.data);
  };
  window.addEventListener('message', listener);
  return listener;
}

/** Removes a listener `listen` added. */
export function unlisten(window, listener) {
  window.removeEventListener('message', listener);
}
