// The cross-engine cases' vocabulary over a driver page (driver.mjs): the
// host test page, a session on the Link stand-in, and frames scripted by
// their parent through real cross-origin postMessage (`__puppet` messages,
// tests/pages/link.js), which every engine does alike.
import assert from 'node:assert/strict';
import { APIS, clearTrace, fixtures, tokenFor, trace } from '../support/harness.mjs';

// The recorded callbacks, read the same way in every engine.
export { APIS, clearTrace, fixtures, tokenFor, trace };

/** A fresh page on the host test page (`path` + `query`), SDK loaded. */
export async function hostPage(engine, servers, { path = '/pages/host.html', viewport } = {}) {
  const page = await engine.newPage(viewport);
  await page.goto(servers.host + path);
  await page.waitFor(() => window.sdkReady === true);
  return page;
}

/**
 * Opens a session through `api` on the Link stand-in with recording
 * callbacks (in the app's own iframe `iframeId`, if given); resolves once
 * the Link frame's script answers, with the selector of its iframe.
 */
export async function openSession(page, servers, { api, options = {}, query = '', label = '', create = true, iframeId } = {}) {
  const url = `${servers.link}/pages/link.html${query}`;
  await page.evaluate(
    ({ name, label, options, token, create, iframeId }) => {
      if (create || !window.link) window.link = window.sdk[name](window.recorder(label, options));
      window.link.openLink(token, iframeId ?? undefined);
    },
    { name: api.create, label, options, token: tokenFor(url), create, iframeId },
  );
  const frame = `#${iframeId ?? `${api.root}__iframe`}`;
  await answering(page, frame);
  return frame;
}

/** Waits until the frame at `selector` runs the stand-in's script (it answers a `report`). */
export async function answering(page, selector) {
  await page.waitFor(
    (selector) =>
      new Promise((resolve) => {
        const frame = document.querySelector(selector);
        if (!frame?.contentWindow) return resolve(false);
        const done = (value) => {
          removeEventListener('message', heard);
          resolve(value);
        };
        const heard = (e) => e.source === frame.contentWindow && e.data && e.data.type === '__report' && done(true);
        addEventListener('message', heard);
        frame.contentWindow.postMessage({ __puppet: 'report' }, '*');
        setTimeout(() => done(false), 250);
      }),
    selector,
    { timeout: 15000 },
  );
}

/** What the frame at `selector` has received from its parent (origin and data). */
export function received(page, selector) {
  return page.evaluate(
    (selector) =>
      new Promise((resolve) => {
        const frame = document.querySelector(selector);
        const heard = (e) => {
          if (e.source !== frame.contentWindow || !e.data || e.data.type !== '__report') return;
          removeEventListener('message', heard);
          resolve(e.data.received);
        };
        addEventListener('message', heard);
        frame.contentWindow.postMessage({ __puppet: 'report' }, '*');
      }),
    selector,
  );
}

/**
 * The frame at `selector` posts `messages` to the page, then a sentinel;
 * resolves once the page saw the sentinel, so everything before it has
 * been dispatched. `selector` null: the page posts them to itself.
 */
export async function send(page, selector, ...messages) {
  const seen = await page.evaluate(() => window.sentinels);
  await page.evaluate(
    ({ selector, messages }) => {
      const all = [...messages, { type: '__sentinel' }];
      if (selector === null) all.forEach((m) => window.postMessage(m, '*'));
      else document.querySelector(selector).contentWindow.postMessage({ __puppet: 'send', messages: all }, '*');
    },
    { selector, messages },
  );
  await page.waitFor((n) => window.sentinels > n, seen);
}

/** Adds an iframe (`attributes`, then `src`) to the page; resolves with its selector once it answers. */
export async function extraFrame(page, id, attributes) {
  await page.evaluate(
    ({ id, attributes }) => {
      const frame = document.createElement('iframe');
      frame.id = id;
      Object.entries(attributes).forEach(([k, v]) => frame.setAttribute(k, v));
      document.body.append(frame);
    },
    { id, attributes },
  );
  await answering(page, `#${id}`);
  return `#${id}`;
}

/** Navigates the (cross-origin) frame at `selector` to `url`, as its parent may; resolves once it answers there. */
export async function navigateFrame(page, selector, url) {
  await page.evaluate(({ selector, url }) => (document.querySelector(selector).contentWindow.location = url), { selector, url });
  await page.waitFor(
    ({ selector, url }) =>
      new Promise((resolve) => {
        const frame = document.querySelector(selector);
        const done = (value) => {
          removeEventListener('message', heard);
          resolve(value);
        };
        const heard = (e) => e.source === frame.contentWindow && e.data && e.data.type === '__where' && done(e.origin === new URL(url).origin);
        addEventListener('message', heard);
        frame.contentWindow.postMessage({ __puppet: 'send', messages: [{ type: '__where' }] }, '*');
        setTimeout(() => done(false), 250);
      }),
    { selector, url },
    { timeout: 15000 },
  );
}

/** After whatever a case did, a valid event from the Link frame still reaches onEvent, and nothing threw. */
export async function stillWorks(page, selector) {
  await clearTrace(page);
  await send(page, selector, fixtures.inbound.integrationSelected);
  assert.deepEqual(await trace(page), [['onEvent', fixtures.inbound.integrationSelected]], 'a valid event gets through');
  await noErrors(page);
}

/** The page reported no error, unhandled rejection or CSP violation. */
export async function noErrors(page) {
  const { errors, violations } = await page.evaluate(() => ({ errors: window.pageErrors, violations: window.violations }));
  if (errors.length || violations.length) throw new Error(`page errors: ${JSON.stringify(errors)}; CSP violations: ${JSON.stringify(violations)}`);
}
