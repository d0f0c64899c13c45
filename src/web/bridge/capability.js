// The wallet bridge's capability surface (see capability.rs): what the Link
// frame may reach is exactly what the bridge built for it, marked here.
// A wallet object, and whatever it holds (a DOM node, the window, storage,
// the app's listeners), is never on the surface: the bridge's own methods
// call it, and its data is copied.
import { FORBIDDEN_NAMES, MAX_SEGMENT } from './rules.js';

const built = new WeakSet();
/** Puts `value` on the surface; returns it. */
export function made(value) {
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) built.add(value);
  return value;
}
export const isMade = (value) => built.has(value);

const isPrimitive = (value) => value === null || (typeof value !== 'object' && typeof value !== 'function');
/** `value` if it is a primitive, else undefined. */
export const primitive = (value) => (isPrimitive(value) ? value : undefined);

// The core's one name rule (src/protocol/path.rs), for names the bridge copies.
const allowedName = (key) => key.length > 0 && key.length <= MAX_SEGMENT && key[0] !== '_' && !FORBIDDEN_NAMES.includes(key);

function read(object, key) {
  try {
    return object[key];
  } catch {
    return undefined;
  }
}

/**
 * A copy of a wallet's data, made of primitives, byte arrays, arrays and
 * plain objects (their own enumerable allowed names) only, at most `depth`
 * levels: anything else (a function, a class instance, a DOM node, a
 * window, what a getter throws) is left out, member and all, and nothing in
 * the copy leads back to the wallet.
 */
export function plain(value, depth = 6) {
  if (isPrimitive(value)) return value;
  try {
    if (depth <= 0 || typeof value === 'function') return undefined;
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return made(value.slice());
    if (Array.isArray(value)) return made(Array.from(value, (item) => plain(item, depth - 1)));
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return undefined;
    const copy = made({});
    for (const key of Object.keys(value)) {
      const item = allowedName(key) ? plain(read(value, key), depth - 1) : undefined;
      if (item !== undefined) copy[key] = item;
    }
    return copy;
  } catch {
    return undefined; // a proxy that throws: nothing to copy
  }
}

/**
 * An object whose own data is a live view of `source`'s own enumerable
 * primitive data fields (an EIP-1193 provider's `isMetaMask`, `chainId`…, what a
 * clone of it would carry), with `methods` inherited, so that a `GET` of it
 * clones the data as the provider's would, and the methods call `source`.
 */
export function view(source, methods) {
  const surface = Object.create(made(methods));
  let keys = [];
  try {
    // Own data fields only: reading them runs none of the wallet's code.
    const fields = Object.getOwnPropertyDescriptors(source);
    keys = Object.keys(fields).filter((key) => fields[key].enumerable && 'value' in fields[key] && allowedName(key) && isPrimitive(fields[key].value));
  } catch {}
  for (const key of keys) {
    Object.defineProperty(surface, key, { enumerable: true, get: () => primitive(source[key]) });
  }
  return made(surface);
}
