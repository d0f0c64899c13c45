// Where a value leaves the shape the core promises for it, said as a path
// ("payload.accountTokens[0].accessToken must be a string, not 7"). It reads
// the same generated shapes as the check (tables.js); explain() names a
// place exactly when conforms() says no (tests/js/testing-core.test.mjs).
import { SHAPES, TAG } from './tables.js';
import { fits, items, ownField } from './js_data.js';

const shown = (v) => (v === undefined ? 'undefined' : typeof v === 'string' ? JSON.stringify(v).slice(0, 60) : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

function expected(s) {
  switch (s[0]) {
    case TAG.str: return 'a string';
    case TAG.num: return 'a number';
    case TAG.bool: return 'a boolean';
    case TAG.lit: return JSON.stringify(s[1]);
    case TAG.list: return 'an array';
    case TAG.obj: return 'an object';
    case TAG.either: return s[1].map(expected).join(' or ');
    case TAG.maybe: return `${expected(s[1])}, or nothing`;
  }
  return 'anything';
}

/** The first place where `v` (at `path`) leaves shape `s`, or `undefined` if it fits. */
function where(s, v, path) {
  if (fits(s, v)) return undefined;
  switch (s[0]) {
    case TAG.list: {
      const all = items(v);
      if (all === undefined) break;
      for (const [i, item] of all.entries()) {
        const found = where(s[1], item, `${path}[${i}]`);
        if (found) return found;
      }
      break;
    }
    case TAG.obj: {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) break;
      const fields = s[1];
      for (let i = 0; i < fields.length; i += 3) {
        const value = ownField(v, fields[i]);
        const at = `${path}.${fields[i]}`;
        if (value === undefined || value === null) {
          if (fields[i + 1]) return `${at} is required (${expected(fields[i + 2])}), and is ${shown(value)}`;
          continue;
        }
        const found = where(fields[i + 2], value, at);
        if (found) return found;
      }
      break;
    }
    case TAG.either: {
      // The alternative whose literal fields (a `status`) match says the most.
      const reasons = s[1].map((alternative) => where(alternative, v, path));
      return reasons.find((r) => !/\.status must be /.test(r)) ?? reasons[0];
    }
    case TAG.maybe:
      return where(s[1], v, path);
  }
  return `${path} must be ${expected(s)}, not ${shown(v)}`;
}

/** Why `v` does not have the shape of the core's payload number `payload` (`undefined` if it has). */
export function explain(payload, v, path = 'payload') {
  const shape = SHAPES[payload];
  return shape === undefined ? undefined : where(shape, v, path);
}
