// The package's TypeScript declarations against the core's schema
// (tests/schema.json, generated from src/protocol/shape.rs): the payload
// interfaces and every event's payload, read with the TypeScript compiler.
//
// - The main entry (pkg-template/index.d.ts, 3.13's names) is held to the
//   schema both ways: every field of a shape is declared, required exactly
//   where the schema requires it, with the same kind of value, and nothing
//   is declared that the schema does not check. The few deliberate
//   differences are listed below with their reason.
// - The 1.1.9 face (pkg-template/front.d.ts) is 1.1.9's own types; it may
//   promise less than the schema checks, never more.
// No build needed: it reads pkg-template/ and tests/schema.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { root } from '../../../scripts/lib.mjs';

const schema = JSON.parse(readFileSync(join(root, 'tests', 'schema.json'), 'utf8'));

/**
 * Where a declaration deliberately differs from the schema, as
 * `<schema shape>.<field>` (a field not declared) or `<schema
 * shape>|<alternative>` (an alternative not declared), with the reason.
 * An entry nothing uses fails the test.
 */
const DIFFERENCES = {
  index: {
    'BrandInfo.brokerPrimaryColor': "3.13's BrandInfo does not declare it; Link UIs send it (1.1.9 declared it), and it is checked when sent",
    'TransferFinishedPayload|TransferFinishedErrorPayload':
      "3.13 declares the success shape only; the Link UI reports failures with {status:'error', errorMessage} too, and the 3.13 face passes them on as sent",
  },
  front: {},
};

function load(file) {
  const path = join(root, 'pkg-template', file);
  const program = ts.createProgram([path], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path);
  const module = checker.getSymbolAtLocation(source);
  const exports = new Map(checker.getExportsOfModule(module).map((s) => [s.name, s]));
  const typeNamed = (name) => {
    const symbol = exports.get(name);
    assert.ok(symbol, `${file} exports ${name}`);
    return checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  };
  return { checker, typeNamed };
}

/** The problems found comparing a declared type with a schema shape. */
function compare(checker, type, shape, path, mode, used, differences, name = undefined) {
  const problems = [];
  if (shape && typeof shape === 'object' && 'ref' in shape) return compare(checker, type, schema.shapes[shape.ref], path, mode, used, differences, shape.ref);
  const say = (text) => problems.push(`${path}: ${text}`);
  const members = type.isUnion() ? type.types : [type];
  const defined = members.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
  if (shape === 'any') return problems;
  if (shape === 'string') {
    if (!defined.every((t) => t.flags & ts.TypeFlags.StringLike)) say(`declared ${checker.typeToString(type)}, schema string`);
    return problems;
  }
  if (shape === 'number') {
    if (!defined.every((t) => t.flags & ts.TypeFlags.NumberLike)) say(`declared ${checker.typeToString(type)}, schema number`);
    return problems;
  }
  if (shape === 'boolean') {
    if (!defined.every((t) => t.flags & ts.TypeFlags.BooleanLike)) say(`declared ${checker.typeToString(type)}, schema boolean`);
    return problems;
  }
  if ('literal' in shape) {
    if (!(defined.length === 1 && defined[0].isStringLiteral() && defined[0].value === shape.literal)) say(`declared ${checker.typeToString(type)}, schema '${shape.literal}'`);
    return problems;
  }
  if ('maybe' in shape) return compare(checker, type, shape.maybe, path, mode, used, differences);
  if ('either' in shape) {
    // Each alternative is some member, and (both ways) each member some alternative.
    const fits = (t, s) => compare(checker, t, s, path, mode, new Set(), differences).length === 0;
    for (const alternative of shape.either) {
      if (mode !== 'both' || defined.some((t) => fits(t, alternative))) continue;
      const difference = `${name}|${alternative.ref}`;
      if (difference in differences) used.add(difference);
      else say(`no declared member for ${JSON.stringify(alternative)}`);
    }
    for (const t of defined) if (!shape.either.some((s) => fits(t, s))) say(`declared member ${checker.typeToString(t)} is none of the schema's alternatives`);
    return problems;
  }
  if ('list' in shape) {
    if (defined.length !== 1 || !checker.isArrayType(defined[0])) return (say(`declared ${checker.typeToString(type)}, schema a list`), problems);
    return compare(checker, checker.getTypeArguments(defined[0])[0], shape.list, `${path}[]`, mode, used, differences);
  }
  if ('object' in shape) {
    if (defined.length !== 1 || !(defined[0].flags & ts.TypeFlags.Object)) return (say(`declared ${checker.typeToString(type)}, schema an object`), problems);
    const declared = new Map(checker.getPropertiesOfType(defined[0]).map((p) => [p.name, p]));
    for (const field of shape.object) {
      const here = `${path}.${field.name}`;
      const property = declared.get(field.name);
      if (!property) {
        const difference = `${name}.${field.name}`;
        if (difference in differences) used.add(difference);
        else if (mode === 'both' || field.required) problems.push(`${here}: in the schema, not declared`);
        continue;
      }
      const propertyType = checker.getTypeOfSymbol(property);
      const optional = Boolean(property.flags & ts.SymbolFlags.Optional) || (propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
      if (optional === field.required) problems.push(`${here}: declared ${optional ? 'optional' : 'required'}, schema ${field.required ? 'required' : 'optional'}`);
      problems.push(...compare(checker, propertyType, field.shape, here, mode, used, differences));
    }
    const known = new Set(shape.object.map((f) => f.name));
    for (const name of declared.keys()) if (!known.has(name)) problems.push(`${path}.${name}: declared, not in the schema`);
    return problems;
  }
  say(`unknown schema shape ${JSON.stringify(shape)}`);
  return problems;
}

/** The members of an event union by their `type`, with their `payload` (if declared). */
function events(checker, union) {
  const byKey = new Map();
  for (const member of union.types) {
    const type = checker.getPropertyOfType(member, 'type');
    const keys = checker.getTypeOfSymbol(type);
    for (const key of keys.isUnion() ? keys.types : [keys]) byKey.set(key.value, checker.getPropertyOfType(member, 'payload'));
  }
  return byKey;
}

function check(face, file, interfaces, eventUnion, eventPayloads, mode) {
  const { checker, typeNamed } = load(file);
  const used = new Set();
  const differences = DIFFERENCES[face];
  const problems = [];
  for (const [shapeName, typeName] of interfaces) {
    problems.push(...compare(checker, typeNamed(typeName), { ref: shapeName }, typeName, mode, used, differences));
  }
  const declared = events(checker, typeNamed(eventUnion));
  for (const [key, payload] of declared) {
    assert.ok(key in eventPayloads || ['done', 'close'].includes(key), `${eventUnion} member '${key}' is an event key of the schema`);
    const shapeName = eventPayloads[key];
    if (!payload) {
      if (shapeName && mode === 'both') problems.push(`${eventUnion} '${key}': the schema checks a ${shapeName} payload, none declared`);
      continue;
    }
    const type = checker.getTypeOfSymbol(payload);
    // No promised shape: anything goes, so the declaration may only say `unknown`.
    // `done`/`close` end the session before onEvent could hear them: their
    // payload is checked as onExit's SessionSummary instead.
    const shape = shapeName ? { ref: shapeName } : ['done', 'close'].includes(key) ? { ref: 'SessionSummary' } : 'any';
    if (shape === 'any' && !(type.flags & ts.TypeFlags.Unknown) && !(type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Unknown))) {
      problems.push(`${eventUnion} '${key}': declares ${checker.typeToString(type)}, the schema checks nothing`);
    }
    const optional = Boolean(payload.flags & ts.SymbolFlags.Optional);
    const maybe = shapeName && 'maybe' in schema.shapes[shapeName];
    if (shapeName && optional && !maybe) problems.push(`${eventUnion} '${key}': payload declared optional, the schema requires one`);
    problems.push(...compare(checker, type, shape, `${eventUnion} '${key}'.payload`, mode, used, differences));
  }
  if (mode === 'both') {
    for (const key of Object.keys(eventPayloads)) assert.ok(declared.has(key), `${eventUnion} has a member for '${key}'`);
  }
  return { problems, unused: Object.keys(differences).filter((path) => !used.has(path)) };
}

test('the main entry (3.13 names) declares exactly what the schema checks', () => {
  const { problems, unused } = check(
    'index',
    'index.d.ts',
    [
      ['BrandInfo', 'BrandInfo'],
      ['Account', 'Account'],
      ['AccountToken', 'AccountToken'],
      ['AccessTokenPayload', 'AccessTokenPayload'],
      ['DelayedAuthPayload', 'DelayedAuthPayload'],
      ['TransferFinishedSuccessPayload', 'TransferFinishedPayload'],
      ['LinkPayload', 'LinkPayload'],
      ['SessionSummary', 'SessionSummary'],
    ],
    'LinkEventType',
    schema.eventPayloads.link,
    'both',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(unused, [], 'every listed difference is still one');
});

test('the 1.1.9 face (front-link-wasm/front) promises nothing the schema does not check', () => {
  const { problems } = check(
    'front',
    'front.d.ts',
    [
      ['BrandInfo', 'BrokerBrandInfo'],
      ['Account', 'BrokerAccount'],
      ['AccountToken', 'BrokerAccountToken'],
      ['AccessTokenPayload', 'AccessTokenPayload'],
      ['DelayedAuthPayload', 'DelayedAuthPayload'],
      ['TransferFinishedPayload', 'TransferFinishedPayload'],
      ['LinkPayload', 'FrontPayload'],
    ],
    'FrontEventType',
    schema.eventPayloads.front,
    'subset',
  );
  assert.deepEqual(problems, []);
});
