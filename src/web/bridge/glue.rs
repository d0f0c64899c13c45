//! The JavaScript the bridge needs, each a single boundary crossing: the
//! property walk with its prototype rule, calls that always come back as a
//! promise, and Comlink's reply shapes.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(inline_js = "
const shared = [Object.prototype, Function.prototype, Array.prototype];
function step(object, key, own) {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
    throw new TypeError(`Cannot read properties of ${object} (reading '${key}')`);
  }
  let owner = object;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, key)) owner = Object.getPrototypeOf(owner);
  if (owner === null) return undefined;
  if ((own && owner !== object) || shared.includes(owner)) throw new TypeError(`The wallet bridge does not serve '${key}'`);
  return object[key];
}
function walk(root, path) {
  let parent = root;
  let value = root;
  path.forEach((key, i) => {
    parent = value;
    value = step(value, key, i === 0);
  });
  return [parent, value];
}
export function get(root, path) {
  return new Promise((resolve) => resolve(walk(root, path)[1]));
}
export function apply(root, path, args) {
  return new Promise((resolve) => {
    const [self, f] = walk(root, path);
    if (typeof f !== 'function') throw new TypeError(`${path.at(-1)} is not a function`);
    resolve(f.apply(self, args));
  });
}
export function settle(promise, ended) {
  return Promise.race([promise, ended]);
}
function send(target, origin, message, transfer) {
  if (origin === undefined) target.postMessage(message, transfer);
  else target.postMessage(message, origin, transfer);
}
function thrown(error) {
  return error instanceof Error
    ? { isError: true, value: { message: error.message, name: error.name, stack: `${error.name}: ${error.message}` } }
    : { isError: false, value: error };
}
export function replyThrow(target, origin, id, error) {
  try {
    send(target, origin, { type: 'HANDLER', name: 'throw', value: thrown(error), id }, []);
  } catch {
    try {
      send(target, origin, { type: 'HANDLER', name: 'throw', value: thrown(new TypeError('Unserializable error')), id }, []);
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
let calls = 0;
export function remote(port) {
  port.onmessage = () => {};
  return (...args) => {
    try {
      port.postMessage({ id: `front-link-wasm-${++calls}`, type: 'APPLY', path: [], argumentList: args.map((value) => ({ type: 'RAW', value })) });
    } catch {}
  };
}
export function firstArgument(f) {
  return (value) => {
    if (typeof f === 'function') f(value);
  };
}
export function unlisten(provider, event, listener) {
  try {
    provider.removeListener?.(event, listener);
  } catch {}
}
export function teardown(provider, event, listener) {
  return () => {
    unlisten(provider, event, listener);
  };
}
export function text(value) {
  return String(value);
}
export function callable(value) {
  return typeof value === 'function';
}
")]
extern "C" {
    /// The value at `path` from `root` (the first step own properties only;
    /// never a member of `Object`, `Function` or `Array`'s prototypes).
    pub fn get(root: &JsValue, path: &JsValue) -> js_sys::Promise;
    /// Calls the function at `path` with `this` = its parent.
    pub fn apply(root: &JsValue, path: &JsValue, args: &js_sys::Array) -> js_sys::Promise;
    /// `promise`, or `ended`'s value if the session ends first.
    pub fn settle(promise: &js_sys::Promise, ended: &js_sys::Promise) -> js_sys::Promise;
    /// `{type:'HANDLER', name:'throw', value, id}`, with a `stack` that
    /// names no script of the host page.
    #[wasm_bindgen(js_name = replyThrow)]
    pub fn reply_throw(target: &JsValue, origin: Option<&str>, id: &JsValue, error: &JsValue);
    /// `{type:'RAW', value, id}`, or a `throw` if it cannot be cloned.
    #[wasm_bindgen(js_name = replyRaw)]
    pub fn reply_raw(target: &JsValue, origin: Option<&str>, id: &JsValue, value: &JsValue);
    /// A transferred port: a proxy (`HANDLER proxy`) or an `ENDPOINT` (`RAW`).
    #[wasm_bindgen(js_name = replyPort)]
    pub fn reply_port(target: &JsValue, origin: Option<&str>, id: &JsValue, port: &JsValue, proxy: bool);
    /// `new Error(message)`.
    pub fn error(message: &str) -> JsValue;
    /// `new TypeError(message)`.
    #[wasm_bindgen(js_name = typeError)]
    pub fn type_error(message: &str) -> JsValue;
    /// A function that calls the child's proxied callback behind `port`;
    /// failures stay here (never an unhandled rejection in the host page).
    pub fn remote(port: &JsValue) -> js_sys::Function;
    /// `f` with only its first argument passed on.
    #[wasm_bindgen(js_name = firstArgument)]
    pub fn first_argument(f: &js_sys::Function) -> js_sys::Function;
    /// `provider.removeListener?.(event, listener)`, whatever it throws.
    pub fn unlisten(provider: &JsValue, event: &JsValue, listener: &JsValue);
    /// A function that does [`unlisten`] and returns nothing: the teardown
    /// the child gets as a proxy.
    pub fn teardown(provider: &JsValue, event: &JsValue, listener: &JsValue) -> js_sys::Function;
    /// `String(value)`.
    pub fn text(value: &JsValue) -> alloc::string::String;
    /// `typeof value === 'function'`.
    pub fn callable(value: &JsValue) -> bool;
}
