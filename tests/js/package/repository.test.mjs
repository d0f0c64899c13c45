// The repository stands alone: a clone with nothing beside it has every
// file its code and tests read, and every document they cite.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { test } from 'node:test';
import { root } from '../../../scripts/lib.mjs';

const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !/\.(png|wasm|lock)$|package-lock\.json$/.test(f) && existsSync(join(root, f)));
const read = (file) => readFileSync(join(root, file), 'utf8');

test('no tracked file reads or cites anything outside the repository', () => {
  const outside = tracked.filter((file) => /\.\.\/(\.\.\/)?shared\b|['"`(]shared\/(fixtures|SPEC)/.test(read(file)));
  assert.deepEqual(outside, []);
});

test('the sans-IO core (src/protocol/) names nothing of the browser: no web-sys, js-sys or wasm-bindgen', () => {
  const core = tracked.filter((file) => file.startsWith('src/protocol/') && file.endsWith('.rs'));
  assert.ok(core.length > 10, core.join());
  const code = (file) => read(file).replace(/^\s*\/\/.*$/gm, '');
  const reaching = core.filter((file) => /\b(web_sys|js_sys|wasm_bindgen|JsValue)\b|crate::(web|typed|js_api)\b/.test(code(file)));
  assert.deepEqual(reaching, []);
});

test('every "SPEC §N" citation names a section of docs/SPEC.md', () => {
  const spec = read('docs/SPEC.md');
  const sections = new Set([...spec.matchAll(/^## (\d+)\./gm)].map((m) => m[1]));
  // §5.N are the numbered rules of section 5.
  const rules = new Set(
    [
      ...spec
        .split(/^## 6\./m)[0]
        .split(/^## 5\./m)[1]
        .matchAll(/^(\d+)\. /gm),
    ].map((m) => `5.${m[1]}`),
  );
  const missing = [];
  for (const file of tracked.filter((f) => f !== 'docs/SPEC.md')) {
    for (const [, cited] of read(file).matchAll(/SPEC §(\d+(?:\.\d+)?)/g)) {
      if (!(cited.includes('.') ? rules.has(cited) : sections.has(cited))) missing.push(`${file}: §${cited}`);
    }
  }
  assert.ok(sections.size >= 13 && rules.size >= 9, 'docs/SPEC.md has its sections and rules');
  assert.deepEqual(missing, []);
});

test('the fixtures the tests read are in the repository', () => {
  const fixtures = JSON.parse(read('tests/fixtures/link-messages.json'));
  assert.ok(Object.keys(fixtures.inbound).length > 10);
  assert.ok(Array.isArray(fixtures.brokerTypes));
});

test("the README's performance figures are the bench's results", async () => {
  const { README_START, README_END, readmeFigures } = await import('../../../bench/report.mjs');
  const readme = read('README.md');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  assert.ok(start >= 0 && end > start, 'README.md has the figures block');
  const results = JSON.parse(read('bench/results.json'));
  assert.equal(readme.slice(start, end + README_END.length), readmeFigures(results), 'run `npm run bench`, or render the block from bench/results.json');
  // Outside the block, no measured ratio or timing stands in prose.
  const outside = readme.slice(0, start) + readme.slice(end);
  const figures = [...outside.matchAll(/\b\d+(?:\.\d+)?\s?×|\b\d+\.\d+\s?(?:ms|µs)\b/g)].map((m) => m[0]);
  assert.deepEqual(figures, []);
});

test("the README's and docs' excerpts of the example apps are in those files, as they are run", () => {
  let count = 0;
  for (const doc of [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ]) {
    const excerpts = [...read(doc).matchAll(/<!-- from ([\w./-]+) -->\n```\w*\n([\s\S]*?)\n```/g)];
    count += excerpts.length;
    for (const [, file, code] of excerpts) assert.ok(read(file).includes(code), `${doc}'s excerpt of ${file} is not in it:\n${code}`);
  }
  assert.ok(count >= 2, `${count} excerpts`);
});

test('every relative link of the README, the docs, ARCHITECTURE, TESTING and the notes reaches a file, and its #anchor a heading there', () => {
  const docs = [
    'README.md',
    'ARCHITECTURE.md',
    'TESTING.md',
    'BENCHMARKS.md',
    ...['docs', 'notes'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `${dir}/${f}`),
    ),
  ];
  const prose = (file) => read(file).replace(/```[\s\S]*?```/g, '');
  const slug = (heading) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[`*_]/g, '')
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-');
  const anchors = new Map(docs.map((file) => [file, new Set([...prose(file).matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1])))]));
  const broken = [];
  for (const file of docs) {
    for (const [, target] of prose(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path, anchor] = target.split('#');
      const full = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
      if (path && !existsSync(join(root, full))) broken.push(`${file}: ${target} (no such file)`);
      else if (anchor && full.endsWith('.md') && !anchors.get(full)?.has(anchor)) broken.push(`${file}: ${target} (no such heading)`);
    }
  }
  assert.deepEqual(broken, []);
});
