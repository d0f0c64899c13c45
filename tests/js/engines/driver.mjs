// One small page API over three browser engines, so a browser case is
// written once and runs in each (TESTING.md, "cross-engine"):
//
//   chromium  Debian's chromium, playwright-core (CDP)
//   firefox   Debian's firefox-esr, puppeteer-core (WebDriver BiDi)
//   webkit    WebKitGTK's MiniBrowser, WebKitWebDriver (WebDriver classic)
//             under xvfb-run: MiniBrowser has no headless mode
//
// A page offers only what all three do alike: navigate, run a function in
// the top document (async allowed; the function travels as source text,
// so it must not close over test variables), wait for one to be truthy,
// real key presses, clicks and wheel turns, and the viewport size. Cases reach the Link
// stand-in frame through the page itself (tests/pages/link.js's `__puppet`
// messages), never through a driver's frame API.
import { spawn } from 'node:child_process';
import { freePort } from '../../../scripts/serve.mjs';
import { launch } from '../support/harness.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Starts `engine`; `newPage(viewport)` opens a fresh page, `close()` ends it all. */
export async function launchEngine(engine) {
  if (engine === 'chromium') return chromium();
  if (engine === 'firefox') return firefox();
  if (engine === 'webkit') return webkit();
  throw new Error(`unknown engine ${engine}`);
}

/** Polls `fn(arg)` through `evaluate` until it is truthy. */
async function waitFor(page, fn, arg, { timeout = 10000 } = {}) {
  // Truthiness is read in the page: drivers differ on returning a DOM node.
  // eslint-disable-next-line no-new-func
  const truthy = new Function('arg', `return (async () => !!(await (${String(fn)})(arg)))();`);
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(truthy, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${String(fn).slice(0, 160)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The methods every engine's page shares, over its own primitives. */
function page(engine, own) {
  const p = {
    engine,
    ...own,
    waitFor: (fn, arg, options) => waitFor(p, fn, arg, options),
    /** The viewport's inner size, as the page sees it. */
    size: () => own.evaluate(() => ({ width: innerWidth, height: innerHeight })),
  };
  return p;
}

async function chromium() {
  const browser = await launch();
  return {
    engine: 'chromium',
    async newPage({ width = 1280, height = 800 } = {}) {
      const context = await browser.newContext({ viewport: { width, height } });
      const tab = await context.newPage();
      return page('chromium', {
        goto: (url, { timeout } = {}) => tab.goto(url, { timeout }).then(() => undefined),
        evaluate: (fn, arg) => tab.evaluate(fn, arg),
        press: (key) => tab.keyboard.press(key),
        click: (selector) => tab.click(selector),
        clickAt: (x, y) => tab.mouse.click(x, y),
        wheel: async (x, y, deltaY) => (await tab.mouse.move(x, y), await tab.mouse.wheel(0, deltaY)),
        setViewport: (width, height) => tab.setViewportSize({ width, height }),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

async function firefox() {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // Nothing may leave this machine: Mesh's hosts resolve to loopback.
    extraPrefsFirefox: { 'network.dns.localDomains': 'web.meshconnect.com,meshconnect.com' },
  });
  return {
    engine: 'firefox',
    async newPage({ width = 1280, height = 800 } = {}) {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.setViewport({ width, height });
      return page('firefox', {
        goto: (url, { timeout } = {}) => tab.goto(url, { timeout }).then(() => undefined),
        evaluate: (fn, arg) => tab.evaluate(fn, arg),
        press: (key) =>
          pressKeys(
            key,
            (k) => tab.keyboard.down(k),
            (k) => tab.keyboard.up(k),
          ),
        click: (selector) => tab.click(selector),
        clickAt: (x, y) => tab.mouse.click(x, y),
        wheel: async (x, y, deltaY) => (await tab.mouse.move(x, y), await tab.mouse.wheel({ deltaY })),
        setViewport: (width, height) => tab.setViewport({ width, height }),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

/** 'Shift+Tab': each key down in order, then up in reverse. */
async function pressKeys(chord, down, up) {
  const keys = chord.split('+');
  for (const k of keys) await down(k);
  for (const k of [...keys].reverse()) await up(k);
}

// WebDriver's code points for the keys the cases press.
const WEBDRIVER_KEYS = { Escape: '\uE00C', Tab: '\uE004', Shift: '\uE008', Enter: '\uE007' };
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const UNDEFINED = '[webdriver: undefined]';
const revive = (v) => {
  if (v === UNDEFINED) return undefined;
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  return v;
};

async function webkit() {
  const port = await freePort();
  // A screen larger than any viewport a case asks for.
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    // A command that never answers fails the case by name, not the suite by its timeout.
    const signal = AbortSignal.timeout(90000);
    const response = await fetch(base + path, { method, signal, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).catch((e) => {
      throw new Error(`WebDriver ${method} ${path} ${body === undefined ? '' : JSON.stringify(body).slice(0, 200)}: ${e.message}`);
    });
    const { value } = await response.json();
    if (value?.error) throw new Error(`WebDriver ${path}: ${value.error}: ${value.message}`);
    return value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call('GET', '/status')).ready) break;
    } catch (error) {
      if (i > 200) throw error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const { sessionId } = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        // Navigation returns at DOMContentLoaded: a frame still loading (3.13's
        // prewarm frame, whose host never resolves here) must not hold it.
        pageLoadStrategy: 'eager',
      },
    },
  });
  const s = (method, path, body) => call(method, `/session/${sessionId}${path}`, body);
  await s('POST', '/timeouts', { script: 60000, pageLoad: 60000 });
  // WebDriver's JSON has no `undefined` (an array's becomes null): the page
  // marks it, and `revive` puts it back.
  const evaluate = async (fn, arg) => {
    const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${String(fn)})(${JSON.stringify(arg)}))
  .then((value) => done({ json: JSON.stringify({ value }, (k, v) => (v === undefined ? '${UNDEFINED}' : v)) }), (e) => done({ error: String((e && e.stack) || e) }));`;
    const result = await s('POST', '/execute/async', { script, args: [] });
    if (result.error) throw new Error(result.error);
    return revive(JSON.parse(result.json).value);
  };
  const keyActions = (chord) => {
    const keys = chord.split('+').map((k) => WEBDRIVER_KEYS[k] ?? k);
    return [...keys.map((value) => ({ type: 'keyDown', value })), ...[...keys].reverse().map((value) => ({ type: 'keyUp', value }))];
  };
  const setViewport = async (width, height) => {
    // WebDriver sizes the window; the viewport is what is left of it.
    for (let i = 0; i < 3; i++) {
      const inner = await evaluate(() => ({ width: innerWidth, height: innerHeight }));
      if (inner.width === width && inner.height === height) return;
      const outer = await s('GET', '/window/rect');
      await s('POST', '/window/rect', { width: outer.width + width - inner.width, height: outer.height + height - inner.height });
    }
  };
  // One window for the engine's life: each page's `goto` replaces the last
  // page's document. (A navigation to about:blank, in between, sometimes
  // never answers in WebKitWebDriver.)
  let viewport;
  return {
    engine: 'webkit',
    async newPage({ width = 1280, height = 800 } = {}) {
      viewport = { width, height };
      await setViewport(width, height);
      return page('webkit', {
        goto: async (url) => {
          await s('POST', '/url', { url });
          await setViewport(viewport.width, viewport.height);
        },
        evaluate,
        press: (key) => s('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: keyActions(key) }] }),
        click: async (selector) => {
          const element = await s('POST', '/element', { using: 'css selector', value: selector });
          await s('POST', `/element/${element[ELEMENT]}/click`, {});
        },
        clickAt: (x, y) =>
          s('POST', '/actions', {
            actions: [
              {
                type: 'pointer',
                id: 'mouse',
                parameters: { pointerType: 'mouse' },
                actions: [
                  { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
                  { type: 'pointerDown', button: 0 },
                  { type: 'pointerUp', button: 0 },
                ],
              },
            ],
          }),
        wheel: (x, y, deltaY) =>
          s('POST', '/actions', { actions: [{ type: 'wheel', id: 'wheel', actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY, origin: 'viewport' }] }] }),
        setViewport: (width, height) => ((viewport = { width, height }), setViewport(width, height)),
        close: async () => {},
      });
    },
    async close() {
      await s('DELETE', '').catch(() => {});
      try {
        process.kill(-driver.pid);
      } catch {
        // already gone
      }
    },
  };
}
