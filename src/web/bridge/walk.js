// The property walk of the wallet bridge's web layer (see walk.rs). Which
// names may be walked at all (`__proto__`, `prototype`, `constructor`,
// `_`-prefixed, empty or too long: never) is the core's one name rule,
// checked before anything here runs (src/protocol/path.rs). Here is the
// other rule, which only the live objects can answer: `step`.
import { isMade } from './capability.js';

const refused = (key) => new TypeError(`The wallet bridge does not serve '${key}'`);
const SHARED = [Object.prototype, Function.prototype, Array.prototype];

// The object on `object`'s prototype chain that has `key` as its own, or null.
function ownerOf(object, key) {
  let owner = object;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, key)) owner = Object.getPrototypeOf(owner);
  return owner;
}

// `object[key]`, only from what the bridge built for the Link UI
// (capability.js), and only a member of its own or of a prototype the
// bridge built (never `Object`'s, `Function`'s or `Array`'s: `toString`,
// `call`, `bind`, `map`…). A missing member is undefined; a step from
// null or undefined throws as JavaScript does.
export function step(object, key) {
  if (object === null || object === undefined) throw new TypeError(`Cannot read properties of ${object} (reading '${key}')`);
  if (!isMade(object)) throw refused(key);
  const owner = ownerOf(object, key);
  if (owner === null) return undefined;
  if (owner !== object && !isMade(owner)) throw refused(key);
  return object[key];
}
// `path` is the child's own array, checked by the core: walked by index,
// so that nothing it carries besides its items can take part. A walk starts
// only from what the bridge built (the API, or a value it handed out).
export function walk(root, path) {
  if (!isMade(root)) throw refused(path[0] ?? '');
  let parent = root;
  let value = root;
  for (let i = 0; i < path.length; i++) {
    parent = value;
    value = step(value, path[i]);
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
// Injected wallets, at a path of plain names the core has vetted, from
// `window`: never a member of the shared prototypes. What is found is the
// bridge's to call (tron.js, ton.js), never handed to the Link UI.
export function atPath(path) {
  try {
    let value = window;
    for (const key of path) {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
      const owner = ownerOf(value, key);
      if (owner === null || SHARED.includes(owner)) return undefined;
      value = value[key];
    }
    return value;
  } catch {
    return undefined;
  }
}
