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
  } else if (data && data.__puppet === 'fuzz') {
    // The boundary's property test (tests/js/engines/cases.mjs): seeded random
    // messages, built here so that nothing large crosses the test driver.
    window.send(...fuzzMessages(data.seed, data.count), { type: '__sentinel' });
  } else if (data && data.__puppet === 'report') {
    parent.postMessage({ type: '__report', received: window.received }, '*');
  } else {
    window.received.push({ origin: event.origin, data });
  }
});
// ?script=<base64 JSON array>: post these on load.
const script = new URLSearchParams(location.search).get('script');
if (script) window.send(...JSON.parse(atob(script)));

/** `count` random messages from `seed`: known and unknown types, odd payloads, sparse and huge-claiming arrays, long strings, deep nesting, Comlink requests. */
function fuzzMessages(seed, count) {
  let state = seed >>> 0 || 1;
  const rnd = (n) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state % n);
  const pick = (list) => list[rnd(list.length)];
  const TYPES = [
    'brokerageAccountAccessToken',
    'delayedAuthentication',
    'transferFinished',
    'loaded',
    'close',
    'done',
    'oauthLinkOpen',
    'integrationSelected',
    'transferPreviewed',
    'transferExecuted',
    'SDKinjectedWalletProviders',
    'showClose',
    'GET',
    'APPLY',
    'SET',
    'CONSTRUCT',
    'ENDPOINT',
    'RELEASE',
    '',
  ];
  const KEYS = ['type', 'payload', 'message', 'link', 'id', 'path', 'argumentList', 'value', 'accountTokens', 'brokerBrandInfo', 'errorMessage', 'page', 'status', '__proto__', 'constructor'];
  const value = (depth) => {
    switch (rnd(depth > 4 ? 6 : 12)) {
      case 0:
        return null;
      case 1:
        return rnd(2) === 0;
      case 2:
        return pick([0, -1, 1e308, NaN, Infinity, 2 ** 53, -0, 7.5]);
      case 3:
        return 'x'.repeat(pick([0, 1, 64, 65, 4096, 4097, 8193, 1 << 20]));
      case 4:
        return pick(TYPES);
      case 5:
        return undefined;
      case 6: {
        const a = Array.from({ length: rnd(4) }, () => value(depth + 1));
        if (rnd(4) === 0) a.length = pick([9, 65, 11_000_000, 2 ** 32 - 1]);
        return a;
      }
      case 7:
        return new Uint8Array(pick([0, 32, 1233, 1 << 16]));
      case 8:
        return pick([new Date(0), new Map([['type', 'close']]), /re/, 10n]);
      default: {
        const o = {};
        for (let i = rnd(5); i > 0; i--) o[pick(KEYS)] = value(depth + 1);
        return o;
      }
    }
  };
  const messages = [];
  for (let i = 0; i < count; i++) {
    const m = rnd(5) === 0 ? value(0) : { type: pick(TYPES) };
    if (m && typeof m === 'object' && !Array.isArray(m)) {
      for (const k of ['payload', 'message', 'link', 'id', 'path', 'argumentList', 'value']) if (rnd(3) === 0) m[k] = value(1);
      if (rnd(20) === 0) {
        let deep = {};
        for (let d = 0; d < 2000; d++) deep = { payload: deep, path: [deep] };
        m.payload = deep;
      }
    }
    messages.push(m);
  }
  return messages;
}
