// The stated browser floor (SPEC §13, README "Browser support"): the release
// wasm uses only the WebAssembly features scripts/browser-floor.mjs allows,
// README's table is what that module renders, and the overlay's stylesheet
// fallback for browsers without constructed stylesheets (Safari/iOS
// 15.4–16.3, Firefox 98–100) styles it under the strict-CSP page with no
// violation. `fallbackCase` uses only `goto` and `evaluate`, so the
// cross-engine suite can run it on any driver; importing this file does not
// register its tests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { README_END, README_START, WASM, checkWasm, renderFloor, wasmFeatures } from '../../../scripts/browser-floor.mjs';
import { APIS, hostPage, launch, root, startServers, tokenFor } from '../support/harness.mjs';

/** Polls `fn(arg)` in the page until it is truthy. */
async function until(page, fn, arg, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${String(fn).slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Opens a session through `api` on the Link stand-in; resolves once the overlay is in. */
async function open(page, servers, api) {
  const token = tokenFor(`${servers.link}/pages/link.html`);
  await page.evaluate(
    ({ create, token }) => {
      window.link?.closeLink();
      window.link = window.sdk[create](window.recorder());
      window.link.openLink(token);
    },
    { create: api.create, token },
  );
  await until(page, (root) => document.getElementById(`${root}__popup-content`) !== null, api.root);
}

/** What the overlay looks like, and where its rules are. */
function look(page, api) {
  return page.evaluate((root) => {
    const css = (id, ...props) => {
      const s = getComputedStyle(document.getElementById(root + id));
      return Object.fromEntries(props.map((p) => [p, s[p]]));
    };
    const ours = (sheet) => {
      try {
        return [...sheet.cssRules].filter((r) => r.cssText.includes('front-link-popup')).length;
      } catch {
        return 0; // another origin's
      }
    };
    const width = innerWidth <= 768 ? innerWidth : Math.min(430, Math.max(380, 0.3 * innerWidth));
    return {
      root: css('', 'position', 'display', 'zIndex'),
      backdrop: css('__backdrop', 'opacity', 'backgroundColor'),
      content: { ...css('__popup-content', 'borderTopLeftRadius', 'backgroundColor'), width: Math.abs(parseFloat(css('__popup-content', 'width').width) - width) < 1.5 },
      htmlOverflow: getComputedStyle(document.documentElement).overflow,
      adopted: 'adoptedStyleSheets' in document ? document.adoptedStyleSheets.length : null,
      styleElements: document.querySelectorAll('style').length,
      rules: Object.fromEntries([...document.styleSheets].map((s, i) => [s.href ? new URL(s.href).pathname : `<style> ${i}`, ours(s)])),
      violations: window.violations,
      pageErrors: window.pageErrors ?? [],
    };
  }, api.root);
}

// The look of overlay.test.mjs's desktop case, as computed styles.
const STYLED = {
  root: { position: 'fixed', display: 'flex', zIndex: '10000' },
  backdrop: { opacity: '0.6', backgroundColor: 'rgb(0, 0, 0)' },
  content: { borderTopLeftRadius: '24px', backgroundColor: 'rgb(255, 255, 255)', width: true },
  htmlOverflow: 'hidden',
};
const styled = (seen) => ({ root: seen.root, backdrop: seen.backdrop, content: seen.content, htmlOverflow: seen.htmlOverflow });

/**
 * The strict-CSP page (`style-src 'self'`) in a browser without constructed
 * stylesheets (`?nosheets`, tests/pages/host.js): both faces' overlays are
 * styled, their rules inserted once into the page's own stylesheet, no
 * `<style>` element, no CSP violation. `page` needs only `goto(url)` and
 * `evaluate(fn, arg)`; `servers` is harness.mjs's.
 */
export async function fallbackCase(page, servers) {
  await page.goto(`${servers.host}/csp/host.html?nosheets`);
  await until(page, () => window.sdkReady === true);
  const api = await page.evaluate(() => ({
    adopted: 'adoptedStyleSheets' in document,
    constructs: (() => {
      try {
        return typeof new CSSStyleSheet().replaceSync === 'function';
      } catch {
        return false;
      }
    })(),
  }));
  assert.deepEqual(api, { adopted: false, constructs: false }, 'the page has no constructed stylesheets');
  let count;
  for (const face of APIS) {
    await open(page, servers, face);
    const seen = await look(page, face);
    assert.deepEqual(styled(seen), STYLED, `${face.name}: styled`);
    assert.equal(seen.adopted, null);
    assert.equal(seen.styleElements, 0, 'no <style> element');
    assert.deepEqual(seen.violations, [], 'no CSP violation');
    assert.deepEqual(seen.pageErrors, []);
    const rules = seen.rules['/pages/host.css'];
    assert.ok(rules > 0, `the rules are in the page's stylesheet: ${JSON.stringify(seen.rules)}`);
    if (count !== undefined) assert.equal(rules, count, 'inserted once');
    count = rules;
  }
  await page.evaluate(() => window.link.closeLink());
}

const main = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;

if (main) {
  describe('WebAssembly features', () => {
    test("the release wasm uses only the floor's WebAssembly features", async () => {
      const used = await checkWasm(join(root, 'pkg', 'front_link_wasm_bg.wasm'));
      assert.ok(used.includes('reference-types'), `detection sees wasm-bindgen's externref table: ${used}`);
      assert.deepEqual(
        used.filter((f) => !(f in WASM)),
        [],
      );
    });

    test('a wasm with a feature outside the table fails the check, by name; the target_features section is not believed', async () => {
      const { default: binaryen } = await import('binaryen');
      const dir = mkdtempSync(join(tmpdir(), 'floor-'));
      const wasm = (name, text) => {
        const module = binaryen.parseText(text);
        module.setFeatures(binaryen.Features.All);
        const path = join(dir, `${name}.wasm`);
        writeFileSync(path, module.emitBinary());
        module.dispose();
        return path;
      };
      const simd = wasm('simd', '(module (func (export "f") (result v128) (v128.const i32x4 0 0 0 0)))');
      await assert.rejects(checkWasm(simd), (error) => /outside the stated browser floor: simd\b/.test(error.message) && /scripts\/browser-floor\.mjs/.test(error.message));
      const tail = wasm('tail', '(module (func $f (return_call $f)) (export "f" (func $f)))');
      await assert.rejects(checkWasm(tail), /tail-call/);
      // An i64 at the boundary is a BigInt in JS: a feature of its own.
      assert.deepEqual(await wasmFeatures(readFileSync(wasm('i64', '(module (func (export "f") (param i64)))'))), ['bigint-i64']);
      assert.deepEqual(await wasmFeatures(readFileSync(wasm('mvp', '(module (func (export "f") (param i32) (result i32) (local.get 0)))'))), []);
      // A section that claims every feature changes nothing: what counts is what the code uses.
      const claims = Buffer.concat([readFileSync(wasm('mvp2', '(module (func (export "f")))')), targetFeatures(['simd', 'tail-call', 'gc'])]);
      assert.deepEqual(await wasmFeatures(claims), []);
    });

    test("README's browser support block is what scripts/browser-floor.mjs renders", () => {
      const readme = readFileSync(join(root, 'README.md'), 'utf8');
      const start = readme.indexOf(README_START);
      const end = readme.indexOf(README_END);
      assert.ok(start >= 0 && end > start, 'README.md has the floor block');
      assert.equal(readme.slice(start, end + README_END.length), renderFloor(), 'run `node scripts/browser-floor.mjs`');
    });
  });

  describe('stylesheet fallback in Chromium', () => {
    let servers;
    let browser;
    before(async () => {
      servers = await startServers();
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await servers?.close();
    });
    const page = async (path = '/pages/host.html') => hostPage(browser, servers, { path });

    test("without constructed stylesheets, under the strict CSP: styled from the page's own sheet, no <style>, no violation", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await fallbackCase(await context.newPage(), servers);
      await context.close();
    });

    test("with them: one adopted sheet, no <style> element, the page's sheet untouched", async () => {
      const p = await page('/csp/host.html');
      await open(p, servers, APIS[1]);
      const seen = await look(p, APIS[1]);
      assert.deepEqual(styled(seen), STYLED);
      assert.deepEqual([seen.adopted, seen.styleElements, seen.rules, seen.violations], [1, 0, { '/pages/host.css': 0 }, []]);
    });

    test('a page that swaps its stylesheet: the rules follow into the new one', async () => {
      const p = await page('/csp/host.html?nosheets');
      await open(p, servers, APIS[0]);
      await p.evaluate(() => {
        window.link.closeLink();
        const old = document.querySelector('link[rel=stylesheet]');
        const next = old.cloneNode();
        next.href = '/pages/host.css?v=2';
        old.replaceWith(next);
        return new Promise((resolve) => (next.sheet ? resolve() : next.addEventListener('load', resolve)));
      });
      await open(p, servers, APIS[0]);
      const seen = await look(p, APIS[0]);
      assert.deepEqual(styled(seen), STYLED);
      assert.ok(seen.rules['/pages/host.css'] > 0, JSON.stringify(seen.rules));
      assert.deepEqual([seen.styleElements, seen.violations], [0, []]);
    });

    test('no stylesheet of the page to use: a <style> of ours where the CSP allows it; under a strict CSP one violation, and the overlay still opens and closes', async () => {
      const plain = await page('/pages/host.html?nosheets=bare');
      await open(plain, servers, APIS[1]);
      const seen = await look(plain, APIS[1]);
      assert.deepEqual(styled(seen), STYLED);
      assert.equal(seen.styleElements, 1);

      const strict = await page('/csp/host.html?nosheets=bare');
      for (const face of APIS) await open(strict, servers, face);
      await until(strict, () => window.violations.length > 0);
      const refused = await look(strict, APIS[1]);
      assert.deepEqual([refused.violations, refused.styleElements, refused.pageErrors], [['style-src-elem'], 0, []], 'one violation, tried once');
      await strict.keyboard.press('Escape');
      assert.equal(await strict.evaluate(() => document.getElementById('mesh-link-popup')), null);
      assert.deepEqual(await strict.evaluate(() => window.trace.map((r) => r.name)), ['onExit', 'onExit']);
    });
  });
}

/** A target_features custom section that claims `features` (as rustc writes it). */
function targetFeatures(features) {
  const bytes = (s) => [...Buffer.from(s)];
  const body = [features.length, ...features.flatMap((f) => [0x2b, f.length, ...bytes(f)])];
  const name = bytes('target_features');
  const content = [name.length, ...name, ...body];
  return Buffer.from([0, content.length, ...content]);
}
