// The stand-in of the wasm's `Connection` class (src/js_api.rs), which the
// faces (faces.js, the package's own index.js) create once the "wasm" has
// "loaded" (loader.js): it opens sessions with the core's rules (core.js)
// and records them for the test, where the wasm would show an overlay.
import { linkParams, openSession, EXIT } from './core.js';
import { outcome } from './controller.js';
import { state } from './state.js';
import { TestSession, callOption, delivering } from './session.js';

/** A connection the app made (`createLink`/`createFrontConnection`), as a test sees it. */
export function track(face, options) {
  const connection = {
    face,
    options,
    calls: [],
    sessions: [],
    refusals: [],
    delivered: [],
  };
  const read = (key) => (options == null ? undefined : options[key]);
  // The faces call onExit themselves only when no session could start: the
  // "wasm" did not load (or the app closed while it loaded).
  const facesExit = (...args) => {
    connection.delivered.push({ callback: 'onExit', args });
    if (args.length > 0 && state.status.error) outcome({ failure: `the "wasm" did not load (configure({ load })): ${args[0]}` });
    const f = read('onExit');
    if (typeof f !== 'function') return;
    // A throw goes on to the faces, which report it.
    let thrown;
    delivering(() => {
      try {
        f.apply(options, args);
      } catch (error) {
        thrown = { error };
      }
    });
    if (thrown) throw thrown.error;
  };
  // What the faces are given: the app's options, read live; the stand-in
  // knows the connection by it.
  connection.carrier = new Proxy(Object.create(null), { get: (_, key) => (key === 'onExit' ? facesExit : read(key)) });
  state.carriers.set(connection.carrier, connection);
  state.connections.push(connection);
  return connection;
}

/** The wasm's `Connection`, without wasm or DOM. */
export class Connection {
  constructor(options, face) {
    this.connection = state.carriers.get(options) ?? track(face === 'link' ? 'link' : 'front', options);
  }

  openLink(token, iframeId) {
    open(this.connection, { token: typeof token === 'string' ? token : '' }, typeof iframeId === 'string' ? iframeId : undefined);
  }

  openPopup(url) {
    open(this.connection, { url: typeof url === 'string' ? url : '' }, undefined);
  }

  closeLink() {
    if (state.active?.connection === this.connection) state.active.end('the app called closeLink');
  }

  closeLinkRequested() {
    if (state.active?.connection === this.connection) state.active.requestClose();
  }

  free() {}
}

/** An iframe of the page with this id, where there is a page (jsdom); without one, any id is taken. */
function hostIframe(id) {
  const document = globalThis.document;
  if (document === undefined) return true;
  return document.getElementById(id)?.tagName === 'IFRAME';
}

function open(connection, input, iframeId) {
  const { params, bad } = linkParams(connection.options, connection.face, iframeId);
  for (const message of bad) console.error(message);
  let decided = openSession(input, params);
  if (!decided.exit && decided.frame !== undefined && !hostIframe(decided.frame)) {
    decided = { exit: EXIT.iframeNotFound, why: `the page has no iframe with id ${JSON.stringify(decided.frame)}` };
  }
  if (decided.exit) {
    const refusal = { input: input.token ?? input.url, exit: decided.exit, why: decided.why };
    connection.refusals.push(refusal);
    delivering(() => callOption(connection, undefined, 'onExit', [decided.exit]));
    outcome({ failure: `the app's open was refused with onExit(${JSON.stringify(refusal.exit)}): ${refusal.why}` });
    return;
  }
  // One session on screen: the previous one ends first, its onExit before this one shows.
  state.active?.end('another session opened');
  const session = new TestSession(connection, input, params, decided);
  connection.sessions.push(session);
  state.sessions.push(session);
  state.active = session;
  outcome({ session });
}
