// The property walk of the wallet bridge's web layer (see walk.rs). Which
// names may be walked at all (`__proto__`, `prototype`, `constructor`,
// `_`-prefixed, empty or too long: never) is the core's one name rule,
// checked before anything here runs (src/protocol/path.rs). Here is the
// other rule, which only the live objects can answer: `step`.
import { isMade } from './capability.js';

const refused = (key) => new TypeError(`The wallet bridge does not serve '${key}'`);

// `object[key]`, only from what the bridge built for the Link UI
// (capability.js), and only a member of its own or of a prototype the
// bridge built (never `Object`'s, `Function`'s or `Array`'s: `toString`,
// `call`, `bind`, `map`…). A missing member is undefined; a step from
// null or undefined throws as JavaScript does.
export function step(object, key) {
  if (object === null || object === undefined) throw new TypeError(`Cannot read properties of ${object} (reading '${key}')`);
  if (!isMade(object)) throw refused(key);
  let owner = object;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, key)) owner = Object.getPrototypeOf(owner);
  if (owner === null) return undefined;
  if (owner !== object && !isMade(owner)) throw refused(key);
  return object[key];
}
// `path` is the child's own array, checked by the core: walked by index,
// so that nothing it carries besides its items can take part.
export function walk(root, path) {
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
    if (!isMade(f) && !isMade(self)) throw refused(path[path.length - 1]);
    resolve(f.apply(self, args));
  });
}
// Injected wallets, at a path of plain names the core has vetted, from
// `window`: never a member of the shared prototypes. What is found is the
// bridge's to call (tron.js, ton.js), never handed to the Link UI.
export function atPath(path) {
  const shared = [Object.prototype, Function.prototype, Array.prototype];
  try {
    let value = window;
    for (const key of path) {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
      let owner = value;
      while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, key)) owner = Object.getPrototypeOf(owner);
      if (owner === null || shared.includes(owner)) return undefined;
      value = value[key];
    }
    return value;
  } catch {
    return undefined;
  }
}
