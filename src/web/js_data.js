// `MessageEvent.data` for the core (see js_data.rs): one boundary crossing
// per question. The codes and the shape table come from the core, through
// the generated tables.js.
import { KIND, SHAPES, TAG } from './tables.js';

export function kindOf(v) {
  if (v === undefined) return KIND.undefined;
  if (v === null) return KIND.null;
  switch (typeof v) {
    case 'boolean': return KIND.bool;
    case 'number': return KIND.number;
    case 'string': return KIND.string;
    case 'object': return Array.isArray(v) ? KIND.array : KIND.object;
    default: return KIND.other;
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An own data property, never a getter's or a prototype's answer. */
export function ownField(o, k) {
  if (o === null || typeof o !== 'object') return undefined;
  const d = Object.getOwnPropertyDescriptor(o, k);
  return d === undefined ? undefined : d.value;
}

/** The place of `o[k]` in the `Map` `names`, if it is an own string field of an object; else -1. */
export function among(o, k, names) {
  if (!isObject(o)) return -1;
  const value = ownField(o, k);
  return typeof value === 'string' ? names.get(value) ?? -1 : -1;
}

export function indexOf(names) {
  return new Map(names.map((name, i) => [name, i]));
}

export function items(a) {
  return Array.isArray(a) ? Array.from(a) : undefined;
}

/** Whether `v` has shape `s` (a tables.js transcription of the core's `Shape`). */
export function fits(s, v) {
  switch (s[0]) {
    case TAG.str: return typeof v === 'string';
    case TAG.num: return typeof v === 'number';
    case TAG.bool: return typeof v === 'boolean';
    case TAG.any: return true;
    case TAG.lit: return v === s[1];
    case TAG.list: {
      const all = items(v);
      return all !== undefined && all.every((item) => fits(s[1], item));
    }
    case TAG.obj: {
      if (!isObject(v)) return false;
      const fields = s[1];
      for (let i = 0; i < fields.length; i += 3) {
        const value = ownField(v, fields[i]);
        if (value === undefined || value === null ? fields[i + 1] : !fits(fields[i + 2], value)) return false;
      }
      return true;
    }
    case TAG.either: return s[1].some((shape) => fits(shape, v));
    case TAG.maybe: return v === undefined || v === null || fits(s[1], v);
  }
  return false;
}

/** Whether `v` has the shape of the core's `Payload` number `payload`. */
export function conforms(payload, v) {
  const shape = SHAPES[payload];
  return shape !== undefined && fits(shape, v);
}

/** `conforms` of the own field `k` of `o` (absent counts as `undefined`). */
export function fieldConforms(payload, o, k) {
  return conforms(payload, ownField(o, k));
}
