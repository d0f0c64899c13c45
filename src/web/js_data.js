// `MessageEvent.data` for the core (see js_data.rs): one boundary crossing
// per question. The codes and the shape table come from the core, through
// the generated tables.js.
import { IGNORED, KIND, SHAPES, TAG } from './tables.js';

export function kindOf(v) {
  if (v === undefined) return KIND.undefined;
  if (v === null) return KIND.null;
  switch (typeof v) {
    case 'boolean':
      return KIND.bool;
    case 'number':
      return KIND.number;
    case 'string':
      return KIND.string;
    case 'object':
      return Array.isArray(v) ? KIND.array : KIND.object;
    default:
      return KIND.other;
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
  return typeof value === 'string' ? (names.get(value) ?? -1) : -1;
}

export function indexOf(names) {
  return new Map(names.map((name, i) => [name, i]));
}

/** The elements of an array of at most `max` (`Infinity`: any), measured before any is copied. */
export function items(a, max = Infinity) {
  return Array.isArray(a) && a.length <= max ? Array.from(a) : undefined;
}

/** A string of at most `max` UTF-16 code units, measured before it is copied into the wasm. */
export function text(v, max) {
  return typeof v === 'string' && v.length <= max ? v : undefined;
}

/** Whether `v` has the shape of the core's `Payload` number `payload`. */
export function conforms(payload, v) {
  const shape = SHAPES[payload];
  return shape !== undefined && where(shape, v, '') === undefined;
}

/** `conforms` of the own field `k` of `o` (absent counts as `undefined`). */
export function fieldConforms(payload, o, k) {
  return conforms(payload, ownField(o, k));
}

// --- Where a value leaves the shape the upstream types promise for it, said
// as a path ("payload.accountTokens[0].accessToken must be a string, not 7"):
// the debug reports below and the test kit's messages. explain() names a
// place exactly when conforms() says no (tests/js/kit/testing-core.test.mjs).

const kind = (v) => (v === undefined ? 'undefined' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
// Values are shown only where asked: a console may be collected into logs,
// and a payload may hold tokens.
let showValues = true;
const shown = (v) => (!showValues ? kind(v) : v === undefined || v === null || typeof v === 'object' ? kind(v) : typeof v === 'string' ? JSON.stringify(v).slice(0, 60) : String(v));

function expected(s) {
  switch (s[0]) {
    case TAG.str:
      return 'a string';
    case TAG.num:
      return 'a number';
    case TAG.bool:
      return 'a boolean';
    case TAG.lit:
      return JSON.stringify(s[1]);
    case TAG.list:
      return 'an array';
    case TAG.obj:
      return 'an object';
    case TAG.either:
      return s[1].map(expected).join(' or ');
    case TAG.maybe:
      return `${expected(s[1])}, or nothing`;
  }
  return 'anything';
}

const wrong = (s, v, path) => `${path} must be ${expected(s)}, not ${shown(v)}`;

/**
 * The first place where `v` (at `path`) leaves shape `s` (a tables.js
 * transcription of the core's `Shape`), or `undefined` if it fits: the one
 * check behind `conforms` and `explain`.
 */
function where(s, v, path) {
  switch (s[0]) {
    case TAG.str:
      return typeof v === 'string' ? undefined : wrong(s, v, path);
    case TAG.num:
      return typeof v === 'number' ? undefined : wrong(s, v, path);
    case TAG.bool:
      return typeof v === 'boolean' ? undefined : wrong(s, v, path);
    case TAG.any:
      return undefined;
    case TAG.lit:
      return v === s[1] ? undefined : wrong(s, v, path);
    case TAG.list: {
      const all = items(v);
      if (all === undefined) return wrong(s, v, path);
      for (const [i, item] of all.entries()) {
        const found = where(s[1], item, `${path}[${i}]`);
        if (found) return found;
      }
      return undefined;
    }
    case TAG.obj: {
      if (!isObject(v)) return wrong(s, v, path);
      const fields = s[1];
      for (let i = 0; i < fields.length; i += 3) {
        const value = ownField(v, fields[i]);
        const at = `${path}.${fields[i]}`;
        const found = value === undefined || value === null ? fields[i + 1] && `${at} is required (${expected(fields[i + 2])}), and is ${shown(value)}` : where(fields[i + 2], value, at);
        if (found) return found;
      }
      return undefined;
    }
    case TAG.either: {
      const reasons = s[1].map((alternative) => where(alternative, v, path));
      if (reasons.includes(undefined)) return undefined;
      // The alternative whose literal fields (a `status`) match says the most.
      return reasons.find((r) => !/\.status must be /.test(r)) ?? reasons[0];
    }
    case TAG.maybe:
      return v === undefined || v === null ? undefined : where(s[1], v, path);
  }
  return wrong(s, v, path);
}

/**
 * Why `v` does not have the shape of the core's payload number `payload`
 * (`undefined` if it has); `values: false` names kinds ("a number") only.
 */
export function explain(payload, v, path = 'payload', values = true) {
  const shape = SHAPES[payload];
  showValues = values;
  return shape === undefined ? undefined : where(shape, v, path);
}

// --- What the console hears of a Link UI message that was not delivered in
// full (the core's `Action::Warn`), and, with `debug`, of a delivered payload
// that differs from the upstream type (`Action::Report`). The core decides
// when; these only word it. A message's type is named, its payload never
// shown (consoles are collected into logs, and a payload may hold tokens).

function typeOf(data) {
  const type = ownField(data, 'type');
  return typeof type === 'string' ? ` of type ${JSON.stringify(type.slice(0, 64))}` : '';
}

/** The warning; `why` is the core's `Ignored` number. */
export const warning = (why, data) => `front-link-wasm: a Link UI message${typeOf(data)} ${IGNORED[why]}`;

/** The debug report; `promised` is the core's `Payload` number of the upstream type. */
export const deviation = (promised, data) =>
  `front-link-wasm (debug): a Link UI message${typeOf(data)} was delivered as sent, but differs from the upstream type: ${explain(promised, ownField(data, 'payload'), 'payload', false)}`;

export function warn(why, data) {
  console.warn(warning(why, data));
}

export function report(promised, data) {
  console.warn(deviation(promised, data));
}
