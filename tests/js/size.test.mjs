// The size budget (issue 5): what the npm package ships, wasm + JS, gzip.
// Tighten BUDGET as the size comes down; `npm run bench` reports the detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedSizes } from '../../scripts/build.mjs';

const BUDGET = 33 * 1024;

test(`shipped gzip total is at most ${BUDGET / 1024} KB`, () => {
  const sizes = shippedSizes();
  const total = sizes.find((s) => s.file === 'total');
  assert.ok(sizes.some((s) => s.file.endsWith('.wasm') && s.gzip > 1000), 'the wasm is measured');
  assert.ok(total.gzip <= BUDGET, `shipped ${total.gzip} bytes gzip, budget ${BUDGET}:\n${JSON.stringify(sizes, null, 2)}`);
});
