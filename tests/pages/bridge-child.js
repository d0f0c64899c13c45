// The child side of the wallet bridge (SPEC §11) for the bridge tests: a
// Link UI stand-in (link.js, loaded first, gives `send`, `received` and the
// puppet messages) that also talks to the host page's bridge with the real
// comlink 4.4.2: `wrap(windowEndpoint(parent))`, as the hosted Link UI does.
//
// Playwright drives it with `await window.run(step, index)`, one scripted
// step at a time (ops below), and collects with `window.drain()` what the
// parent sent meanwhile, normalized so that two bridges can be compared:
//   wire       every Comlink message from the parent, on the window and on
//              every port; ids become the request they answer ('s3.1': the
//              first request of step 3), ports '[MessagePort]' (an error's
//              `stack` is kept: the tests decide what to compare);
//   callbacks  every call the parent made to a callback the child passed.
//
// Ops: get, set, apply, construct (on `path` from the root remote or from a
// stored value `from`), endpoint, release, wrap (a port from `endpoint`),
// rewrap (a fresh root remote), raw (a hand-made message to the parent),
// start/await (a call left running), poll (GET until truthy), sleep, post
// (Link messages through link.js). Arguments are JSON with markers:
// {$cb:name} a Comlink.proxy callback that records its calls, {$cbThrow:name}
// one that throws, {$fn:1} a bare function (not cloneable), {$bytes:[..]} a
// Uint8Array, {$buffer:[..]} an ArrayBuffer, {$var:name} a stored value,
// {$undefined:1}, {$port:1} (raw only) a fresh MessagePort, transferred.
import * as Comlink from '/vendor/comlink.js';

const REQUESTS = new Set(['GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT', 'RELEASE']);
const wire = [];
const callbacks = [];
const labels = new Map(); // request id → 's<step>.<k>'
const waiting = new Map(); // request id → resolve(raw reply data)
const keep = []; // every remote we were handed: never collected, so comlink never RELEASEs on its own
const vars = Object.create(null);
const running = Object.create(null);
let step = 0;
let sent = 0;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A JSON-safe, comparable picture of any value (never touches a remote's properties). */
function norm(v, depth = 0) {
  if (v === undefined) return { $undefined: true };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : { $number: String(v) };
  if (typeof v === 'bigint') return { $bigint: String(v) };
  if (typeof v === 'symbol') return { $symbol: String(v) };
  if (typeof v === 'function') return '[function]';
  if (depth > 12) return '[deep]';
  if (v instanceof MessagePort) return '[MessagePort]';
  if (v instanceof Error) return { $error: { name: v.name, message: v.message } };
  if (v instanceof ArrayBuffer) return { $ArrayBuffer: Array.from(new Uint8Array(v)) };
  if (ArrayBuffer.isView(v)) return { [`$${v.constructor.name}`]: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [norm(k, depth + 1), norm(x, depth + 1)]) };
  if (v instanceof Set) return { $set: [...v].map((x) => norm(x, depth + 1)) };
  if (v instanceof Date) return { $date: String(v.getTime()) };
  if (Array.isArray(v)) return Array.from(v, (x) => norm(x, depth + 1));
  const out = {};
  for (const k of Object.keys(v)) out[k] = norm(v[k], depth + 1);
  return out;
}

/** A wire message from the parent, normalized. */
function normWire(data) {
  if (!data || typeof data !== 'object') return norm(data);
  const out = norm(data);
  if ('id' in data) {
    if (labels.has(data.id)) out.id = labels.get(data.id);
    else if (REQUESTS.has(data.type) && typeof data.id === 'string' && data.id.length > 0) out.id = '<parent id>';
    else out.id = { unknown: norm(data.id) };
  }
  return out;
}

function noteOut(msg) {
  if (msg && typeof msg === 'object' && REQUESTS.has(msg.type) && 'id' in msg && !labels.has(msg.id)) labels.set(msg.id, `s${step}.${++sent}`);
}

function noteIn(channel, data) {
  // The parent releasing its remote of one of our callbacks happens when its
  // garbage collector runs (1.7.0): not comparable.
  if (channel !== 'window' && data && data.type === 'RELEASE') return;
  wire.push({ ch: channel, msg: normWire(data) });
  if (data && typeof data === 'object' && waiting.has(data.id) && !REQUESTS.has(data.type)) {
    waiting.get(data.id)(data);
    waiting.delete(data.id);
  }
}

// Comlink's SET trap returns a promise nobody can await (an assignment's
// value), so a refused SET is an unhandled rejection here, in the child: kept
// out of the host page's error list, and listed by drain().
const childErrors = [];
addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const e = event.reason;
  childErrors.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
});

// Inbound on the window: Comlink messages only (Link messages have no id).
addEventListener('message', (event) => {
  const data = event.data;
  if (event.source === parent && data && typeof data === 'object' && 'id' in data && typeof data.type === 'string') noteIn('window', data);
});

// Inbound and outbound on every port comlink uses (callbacks we pass, proxies we get).
const names = new WeakMap();
let ports = 0;
const portName = (p) => (names.has(p) || names.set(p, `port${++ports}`), names.get(p));
const addListener = MessagePort.prototype.addEventListener;
const portPost = MessagePort.prototype.postMessage;
const logged = new WeakSet();
MessagePort.prototype.addEventListener = function (type, listener, options) {
  if (type === 'message' && !logged.has(this)) {
    logged.add(this);
    const name = portName(this);
    addListener.call(this, 'message', (event) => noteIn(name, event.data));
  }
  return addListener.call(this, type, listener, options);
};
MessagePort.prototype.postMessage = function (msg, ...rest) {
  noteOut(msg);
  return portPost.call(this, msg, ...rest);
};

function endpoint() {
  const ep = Comlink.windowEndpoint(parent);
  const post = ep.postMessage;
  ep.postMessage = (msg, transfer) => (noteOut(msg), post(msg, transfer));
  return ep;
}
let remote = Comlink.wrap(endpoint());
keep.push(remote);

/** Decodes the argument markers. */
function decode(v, transfer) {
  if (Array.isArray(v)) return v.map((x) => decode(x, transfer));
  if (!v || typeof v !== 'object') return v;
  if ('$undefined' in v) return undefined;
  if ('$bytes' in v) return Uint8Array.from(v.$bytes);
  if ('$buffer' in v) return Uint8Array.from(v.$buffer).buffer;
  if ('$var' in v) return vars[v.$var];
  if ('$fn' in v) return () => {};
  if ('$cb' in v) return Comlink.proxy((...args) => void callbacks.push({ cb: v.$cb, args: norm(args) }));
  if ('$cbThrow' in v) {
    return Comlink.proxy((...args) => {
      callbacks.push({ cb: v.$cbThrow, args: norm(args) });
      throw new Error(`callback ${v.$cbThrow} failed`);
    });
  }
  if ('$port' in v && transfer) {
    const { port1, port2 } = new MessageChannel();
    keep.push(port1);
    transfer.push(port2);
    return port2;
  }
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = decode(x, transfer);
  return out;
}

const target = (s, path = s.path ?? []) => path.reduce((t, k) => t[k], s.from ? vars[s.from] : remote);

/** What became of a request: its value, its error, or nothing within the time limit. */
async function outcome(promise, s) {
  const r = await Promise.race([
    promise.then(
      (value) => ({ value }),
      (error) => ({ error }),
    ),
    sleep(s.timeout ?? 2000).then(() => ({ timeout: true })),
  ]);
  if (r.timeout) return { timeout: true };
  if ('error' in r) {
    const e = r.error;
    return e instanceof Error ? { error: { name: e.name, message: e.message } } : { thrown: norm(e) };
  }
  if (typeof r.value === 'function' || r.value instanceof MessagePort) keep.push(r.value);
  if (s.as) vars[s.as] = r.value;
  return { result: norm(r.value) };
}

/** The reply to the request just posted (the newest label), read off the wire. */
function reply(id) {
  return new Promise((resolve, reject) => {
    waiting.set(id, (data) => {
      if (data.type === 'RAW') resolve(data.value);
      else if (data.type === 'HANDLER' && data.name === 'throw') {
        const w = data.value ?? {};
        reject(w.isError ? Object.assign(new Error(w.value?.message), w.value) : w.value);
      } else if (data.type === 'HANDLER' && data.name === 'proxy') resolve(Comlink.wrap(data.value));
      else resolve(data);
    });
  });
}
const newest = () => [...labels].findLast(([, l]) => l.startsWith(`s${step}.`))?.[0];

async function exec(s) {
  const args = () => decode(s.args ?? []);
  switch (s.op) {
    case 'get':
      return outcome(
        Promise.resolve().then(() => target(s)),
        s,
      );
    case 'apply':
      return outcome(
        Promise.resolve().then(() => target(s)(...args())),
        s,
      );
    case 'construct':
      return outcome(
        Promise.resolve().then(() => new (target(s))(...args())),
        s,
      );
    case 'set': {
      const path = s.path;
      const before = newest();
      try {
        target(s, path.slice(0, -1))[path.at(-1)] = decode(s.value);
      } catch (e) {
        return outcome(Promise.reject(e), s);
      }
      const id = newest();
      return id === before ? { error: { name: 'Harness', message: 'no SET was sent' } } : outcome(reply(id), s);
    }
    case 'endpoint':
      return outcome(
        Promise.resolve().then(() => target(s)[Comlink.createEndpoint]()),
        s,
      );
    case 'wrap':
      vars[s.as] = Comlink.wrap(vars[s.port]);
      keep.push(vars[s.as]);
      return { result: 'wrapped' };
    case 'rewrap':
      remote = Comlink.wrap(endpoint());
      keep.push(remote);
      return { result: 'wrapped' };
    case 'release': {
      const before = newest();
      target(s)[Comlink.releaseProxy]();
      const id = newest();
      return id === before ? { error: { name: 'Harness', message: 'no RELEASE was sent' } } : outcome(reply(id), s);
    }
    case 'raw': {
      const transfer = [];
      const msg = decode(s.msg, transfer);
      noteOut(msg);
      parent.postMessage(msg, '*', transfer);
      if (msg && typeof msg === 'object' && 'id' in msg && msg.id !== undefined && !s.noWait) return outcome(reply(msg.id), s);
      await sleep(s.wait ?? 300);
      return { result: 'posted' };
    }
    case 'start':
      running[s.as] = exec({ ...s.call, as: s.call.as });
      return { result: 'started' };
    case 'await':
      return running[s.ref];
    case 'poll': {
      const deadline = Date.now() + (s.timeout ?? 3000);
      for (;;) {
        const r = await outcome(
          Promise.resolve().then(() => target(s)),
          { timeout: 1000 },
        );
        if (r.result === true || Date.now() > deadline) return r;
        await sleep(25);
      }
    }
    case 'sleep':
      await sleep(s.ms);
      return { result: 'slept' };
    case 'post':
      window.send(...s.messages);
      return { result: 'posted' };
    default:
      return { error: { name: 'Harness', message: `unknown op ${s.op}` } };
  }
}

window.run = async (s, index) => {
  step = index;
  sent = 0;
  const r = await exec(s);
  await sleep(s.settle ?? 20); // a second reply (1.7.0's "Unserializable" path) arrives right behind the first
  return r;
};
window.drain = () => ({ wire: wire.splice(0), callbacks: callbacks.splice(0), childErrors: childErrors.splice(0) });
window.callbackCount = () => callbacks.length;
window.Comlink = Comlink;
window.childReady = true;
// The same steps asked by the parent page itself (the cross-engine suite
// has no driver frame API): `{__puppet:'run', step, index}` is answered
// with `{type:'__ran', index, result, ...drain()}`.
addEventListener('message', async (event) => {
  if (event.source !== parent || !event.data || event.data.__puppet !== 'run') return;
  const { step: s, index } = event.data;
  const result = await window.run(s, index);
  parent.postMessage({ type: '__ran', index, result, ...window.drain() }, '*');
});
