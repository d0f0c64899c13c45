// A scriptable stand-in for the hosted Link UI, served on its own origin.
// Tests drive it either through Playwright (`send`) or, from Rust tests
// that have no Playwright, with `{__puppet: …}` messages from the parent.
window.received = [];
window.send = (...messages) => messages.forEach((m) => parent.postMessage(m, '*'));
addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const data = event.data;
  if (data && data.__puppet === 'send') {
    window.send(...data.messages);
  } else if (data && data.__puppet === 'prepare') {
    window.prepared = data.messages; // for benchmarks: cloned before timing starts
    parent.postMessage({ type: '__prepared' }, '*');
  } else if (data && data.__puppet === 'fire') {
    window.send(...window.prepared);
  } else if (data && data.__puppet === 'report') {
    parent.postMessage({ type: '__report', received: window.received }, '*');
  } else {
    window.received.push({ origin: event.origin, data });
  }
});
// ?script=<base64 JSON array>: post these on load.
const script = new URLSearchParams(location.search).get('script');
if (script) window.send(...JSON.parse(atob(script)));
