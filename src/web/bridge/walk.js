// The property walk of the wallet bridge's web layer (see walk.rs). Which
// names may be walked at all (`__proto__`, `prototype`, `constructor`, empty
// or too long: never) is the core's one name rule, checked before anything
// here runs (src/protocol/path.rs). Here is the other rule, which only the
// live objects can answer: `step`.
const shared = [Object.prototype, Function.prototype, Array.prototype];
// What a wallet object may hold but the Link frame must never reach: the
// page itself. A DOM node leads to its document and window (cookies,
// storage, `eval`); a window, document, location or storage is the page.
// Tags, not `instanceof`: a node of another frame of the page counts too.
const PAGE = /^\[object (Window|\w*Document|Location|Storage|History|Navigator|\w*Element|Text|Comment|DocumentFragment|ShadowRoot|Attr)\]$/;
const isPage = (value) => {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  if (value === globalThis.eval || value === globalThis.Function) return true;
  try {
    return PAGE.test(Object.prototype.toString.call(value));
  } catch {
    return true; // a cross-origin window answers nothing: it is a window
  }
};
// The runtime rule, in this one function: `object[key]`, but never a member
// that `object` inherits when `own` (the first step from the API), and never
// one of the prototypes every object shares (`Object`'s, `Function`'s,
// `Array`'s: `toString`, `call`, `bind`, …). A missing member is undefined;
// a step from null or a primitive throws as JavaScript does.
export function step(object, key, own) {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
    throw new TypeError(`Cannot read properties of ${object} (reading '${key}')`);
  }
  let owner = object;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, key)) owner = Object.getPrototypeOf(owner);
  if (owner === null) return undefined;
  if ((own && owner !== object) || shared.includes(owner)) throw new TypeError(`The wallet bridge does not serve '${key}'`);
  const value = object[key];
  if (isPage(value)) throw new TypeError(`The wallet bridge does not serve '${key}': it is part of the page`);
  return value;
}
// `path` is the child's own array, checked by the core: walked by index,
// so that nothing it carries besides its items can take part.
export function walk(root, path) {
  let parent = root;
  let value = root;
  for (let i = 0; i < path.length; i++) {
    parent = value;
    value = step(value, path[i], i === 0);
  }
  return [parent, value];
}
export function get(root, path) {
  return new Promise((resolve) => resolve(walk(root, path)[1]));
}
export function apply(root, path, args) {
  return new Promise((resolve) => {
    const [self, f] = walk(root, path);
    if (typeof f !== 'function') throw new TypeError(`${path[path.length - 1]} is not a function`);
    resolve(f.apply(self, args));
  });
}
// Injected wallets, at a path of plain names the core has vetted.
export function atPath(path) {
  try {
    return path.reduce((value, key) => (value == null ? undefined : step(value, key, false)), window);
  } catch {
    return undefined;
  }
}
