// The wasm's side of loader.js, a chunk of its own: wasm-bindgen's glue
// (and through it the web layer's snippets), the fetch of the wasm, its
// instances and their containment. loader.js imports it at the first
// connection, so that an app's own bundle carries only the faces and
// loader.js: the rest is fetched when Link is first used.
//
// Containment: should the wasm ever stop on a trap (there should be none;
// any exception leaving it counts), its instance is dropped: its exports
// become no-ops, the overlay it showed goes, the face whose session was
// open ends it in onExit, and the next open runs on a fresh instance of
// the module already compiled.
import { runtime } from './front_link_wasm.js';
import { ALIAS } from './alias.js';

export { STOPPED } from './messages.js';

let current; // the running instance's glue
let compiled; // its WebAssembly.Module, for a fresh instance
let loading;

/** Bytes of the running instance's memory (it never shrinks); undefined before a load. */
export const wasmMemory = () => current?.memory().buffer.byteLength;

// loader.js builds its one failure (the chunk's) alike; this chunk does not
// import it: a module both imported would be shared, and bundlers hoist what
// is shared into the app's entry.
function failure(message) {
  const error = new Error(`front-link-wasm could not start: ${message}`);
  error.frontLinkWasm = true;
  return error;
}

/** Why the wasm did not load, as an integrator can act on it. */
function loadFailure(error, url) {
  if (error?.frontLinkWasm) return error;
  const text = String(error?.message ?? error);
  if (/content.security.policy|\bCSP\b|unsafe-eval|wasm-eval/i.test(text)) {
    return failure(`the page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src (${text})`);
  }
  if (error instanceof WebAssembly.CompileError) {
    return failure(`${url} is not the package's WebAssembly module: serve front_link_wasm_bg.wasm beside its JavaScript, with Content-Type application/wasm (${text})`);
  }
  return failure(text);
}

async function fetchModule(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw failure(`${url} could not be fetched: check the network, and that the page's Content-Security-Policy connect-src allows it (${error?.message ?? error})`);
  }
  if (!response.ok) {
    throw failure(`${url} answered HTTP ${response.status}: deploy front_link_wasm_bg.wasm beside the package's JavaScript (a bundler copies it when it keeps new URL(…, import.meta.url))`);
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (/^text\/html/i.test(type)) {
    throw failure(`${url} answered an HTML page, not WebAssembly: a server's fallback page stands where front_link_wasm_bg.wasm should be`);
  }
  return response;
}

/**
 * Loads the wasm (once; again after a failure), telling `settle` the load
 * status. Rejects with an Error that says what to fix. `node`: whether
 * this is Node.js, where no Link UI can run.
 */
export function load(settle, node) {
  if (!loading) {
    const unfit = node
      ? `this page runs in Node.js (a test runner such as Vitest or Jest, in its jsdom or node environment), where no Link UI can run: script Link sessions in tests with front-link-wasm/testing; ${ALIAS}`
      : typeof WebAssembly !== 'object' || typeof fetch !== 'function'
        ? 'this environment runs no WebAssembly with fetch: script Link sessions in tests with front-link-wasm/testing'
        : undefined;
    if (unfit) {
      // For the test kit's messages: the real package answered, not the kit.
      if (node) globalThis[Symbol.for('front-link-wasm/real')] = true;
      const error = failure(unfit);
      settle({ ready: false, error });
      return Promise.reject(error);
    }
    const url = new URL('front_link_wasm_bg.wasm', import.meta.url);
    const fresh = runtime((error) => stopped(fresh, error));
    loading = (compiled ? Promise.resolve(compiled) : fetchModule(url))
      .then((source) => fresh.init({ module_or_path: source }))
      .then(
        () => {
          current = fresh;
          compiled = fresh.module();
          settle({ ready: true, error: null });
          setTimeout(rehearseFirstOpen);
        },
        (error) => {
          loading = undefined; // a later call may retry
          const reason = loadFailure(error, url);
          settle({ ready: false, error: reason });
          throw reason;
        },
      );
  }
  return loading;
}

// The first openLink's paths, run on values nobody sees (src/web/rehearsal.rs):
// a connection without callbacks refuses a token, then the rest.
function rehearseFirstOpen() {
  const glue = current;
  if (!glue) return; // it stopped before the rehearsal came
  call(glue, () => {
    const connection = new glue.Connection({}, 'front');
    connection.openLink('!');
    connection.free();
    glue.rehearse();
  });
}

/**
 * A connection on the running instance (after `load()`). `ended` is called
 * after each of its sessions' onExit. `connection.run(f)` calls into it
 * (`f(connection)`) with the containment above; once its instance has
 * stopped, `connection.stale` is true and calls do nothing. Undefined if
 * the instance that loaded has stopped since.
 */
export function createConnection(options, face, ended) {
  const glue = current;
  if (!glue) return undefined; // it stopped after this load
  const connection = new glue.Connection(options, face, ended);
  return {
    run: (f) => call(glue, () => f(connection)),
    get stale() {
      return glue !== current;
    },
  };
}

function call(glue, f) {
  try {
    f();
  } catch (error) {
    stopped(glue, error);
  }
}

// The faces whose sessions are open, each with how to end it (`hold`).
const holding = new Set();
/** While a face has a session open: `end()` ends it should the wasm stop. Returns the release. */
export function hold(end) {
  holding.add(end);
  return () => holding.delete(end);
}

function stopped(glue, error) {
  if (!glue || glue !== current) return; // already dropped
  current = undefined;
  loading = undefined;
  glue.poison();
  try {
    glue.dismiss();
  } catch {}
  console.error('front-link-wasm: the wasm stopped, ending its session', error);
  const ends = [...holding];
  holding.clear();
  for (const end of ends) end();
}
