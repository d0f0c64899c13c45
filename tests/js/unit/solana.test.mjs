// The Solana adapters' JavaScript (src/web/bridge/solana.js) never decodes
// a transaction: it slices the bytes by the core's layout. Here the layouts
// are the ones src/protocol/solana/tests.rs asserts for the same bytes, and the codec is
// a fake that hands them out (the wasm's is the core's).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CODEC_OPS } from '../../../src/web/bridge/rules.js';
import { slicer, solanaCompatible, versioned, web3Clone } from '../../../src/web/bridge/solana.js';

/** src/protocol/solana/tests.rs's `transaction(v0)`. */
function transaction(v0) {
  return Uint8Array.from([
    1,
    ...Array(64).fill(7),
    ...(v0 ? [0x80] : []),
    1,
    0,
    1,
    2,
    ...Array(64).fill(3),
    ...Array(32).fill(9),
    1,
    1,
    1,
    0,
    4,
    1,
    2,
    3,
    4,
    ...(v0 ? [1, ...Array(32).fill(5), 1, 0, 0] : []),
  ]);
}
const LAYOUT = {
  legacy: [1, 1, 65, 65, 0, 65, 68, 2, 69, 101, 101, 133, 133, 165, 1, 166, 167, 168, 169, 170, 174],
  v0: [1, 1, 65, 65, 1, 66, 69, 2, 70, 102, 102, 134, 134, 166, 1, 167, 168, 169, 170, 171, 175, 1, 176, 208, 209, 210, 211, 211],
};

/** A codec as the wasm's: LAYOUT of the two known transactions (else undefined), BASE58 as a tag. */
function codec(op, value) {
  const calls = (codec.calls ??= []);
  calls.push(op);
  if (op === CODEC_OPS.LAYOUT) {
    for (const v0 of [false, true]) {
      const tx = transaction(v0);
      if (value.length === tx.length && value.every((b, i) => b === tx[i])) return Uint32Array.from(LAYOUT[v0 ? 'v0' : 'legacy']);
    }
    return undefined;
  }
  if (op === CODEC_OPS.BASE58) return `b58(${Array.from(value).join(',')})`;
  throw new Error(`op ${op}`);
}

test('the op codes are one frozen table', () => {
  assert.deepEqual(CODEC_OPS, { LAYOUT: 0, CHAIN: 1, BASE58: 2 });
  assert.ok(Object.isFrozen(CODEC_OPS));
});

test('slicer reads numbers, spans and counted lists in order', () => {
  const raw = Uint8Array.of(10, 11, 12, 13, 14);
  const { next, span, list } = slicer({ raw, layout: [2, 0, 1, 3, 5, 2, 4, 7] });
  assert.deepEqual(list(span), [Uint8Array.of(10), Uint8Array.of(13, 14)]);
  assert.deepEqual(span(), Uint8Array.of(12, 13));
  assert.equal(next(), 7);
  assert.equal(next(), undefined);
});

test('a legacy transaction as a web3.js clone, sliced by its layout', () => {
  const clone = web3Clone(codec, transaction(false));
  assert.deepEqual(clone.signatures, [new Uint8Array(64).fill(7)]);
  const { header, accountKeys, recentBlockhash, instructions, indexToProgramIds } = clone.message;
  assert.deepEqual(header, { numRequiredSignatures: 1, numReadonlySignedAccounts: 0, numReadonlyUnsignedAccounts: 1 });
  assert.equal(accountKeys.length, 2);
  assert.equal(accountKeys[0]._bn.words[0], 0x3030303, 'the low 26 bits of 0x0303…03');
  assert.equal(recentBlockhash, `b58(${Array(32).fill(9).join(',')})`);
  assert.deepEqual(instructions, [{ programIdIndex: 1, accounts: [0], data: 'b58(1,2,3,4)' }]);
  assert.deepEqual([...indexToProgramIds.keys()], [1]);
  assert.equal(indexToProgramIds.get(1), accountKeys[1]);
  assert.equal(clone.message.staticAccountKeys, undefined);
});

test('a v0 transaction as a web3.js clone', () => {
  const { message } = web3Clone(codec, transaction(true));
  assert.deepEqual(message.header, { numRequiredSignatures: 1, numReadonlySignedAccounts: 0, numReadonlyUnsignedAccounts: 1 });
  assert.equal(message.staticAccountKeys.length, 2);
  assert.deepEqual(message.compiledInstructions, [{ programIdIndex: 1, accountKeyIndexes: [0], data: Uint8Array.of(1, 2, 3, 4) }]);
  assert.equal(message.addressTableLookups.length, 1);
  const [lookup] = message.addressTableLookups;
  assert.deepEqual([lookup.writableIndexes, lookup.readonlyIndexes], [[0], []]);
  assert.equal(lookup.accountKey._bn.words[0], 0x05050505 & 0x3ffffff);
  assert.equal(message.accountKeys, undefined);
});

test("bytes the core refuses are an Error with the caller's message", () => {
  assert.throws(() => web3Clone(codec, [1, 2, 3]), { message: 'The wallet returned bytes that are not a transaction' });
  assert.throws(() => web3Clone(codec, 1 << 21), RangeError, 'over 1 MiB');
});

test('the stand-in VersionedTransaction: signatures, message, version, serialize', () => {
  for (const v0 of [false, true]) {
    const raw = transaction(v0);
    const tx = versioned({ raw, layout: LAYOUT[v0 ? 'v0' : 'legacy'] });
    assert.equal(tx.version, v0 ? 0 : 'legacy');
    assert.deepEqual(tx.signatures, [new Uint8Array(64).fill(7)]);
    assert.deepEqual(tx.message.serialize(), raw.slice(65));
    assert.deepEqual(tx.serialize(), raw, 'the same bytes back');
    tx.signatures[0] = new Uint8Array(64).fill(1);
    const signed = tx.serialize();
    assert.deepEqual(signed.slice(1, 65), new Uint8Array(64).fill(1));
    assert.deepEqual(signed.slice(65), raw.slice(65));
    tx.signatures = Array(200).fill(new Uint8Array(64));
    assert.deepEqual(tx.serialize().slice(0, 2), Uint8Array.of(0xc8, 0x01), 'a two-byte compact-u16');
  }
});

test("solanaCompatible: 1.7.0's rule", () => {
  const base = { 'standard:connect': {}, 'standard:events': {} };
  assert.equal(solanaCompatible({ features: { ...base, 'solana:signTransaction': {} } }), true);
  assert.equal(solanaCompatible({ features: { ...base, 'solana:signAndSendTransaction': {} } }), true);
  assert.equal(solanaCompatible({ features: base }), false);
  assert.equal(solanaCompatible({ features: { 'standard:connect': {}, 'solana:signTransaction': {} } }), false);
  assert.equal(solanaCompatible(undefined), false);
});
