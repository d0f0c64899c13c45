// SPEC §5: the nine hardening rules, each shown with real frames on real
// origins sending real postMessage, for both faces of the package
// (createFrontConnection and createLink, SPEC §10; see APIS in harness.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIS,
  clearTrace,
  deliveredRows,
  extraFrame,
  fixtures,
  frameAt,
  hostPage,
  openSession as open,
  send,
  startBrowser,
  stillWorks,
  stopBrowser,
  tokenFor,
  trace,
  windowListeners,
} from '../support/harness.mjs';

const inbound = fixtures.inbound;
const connected = inbound.brokerageAccountAccessToken;
let servers;
let browser;
before(async () => ({ servers, browser } = await startBrowser()));
after(() => stopBrowser({ servers, browser }));

for (const api of APIS)
  describe(api.name, () => {
    const { create, connected: onConnected } = api;
    const popup = `#${api.root}`;
    const openSession = (page, servers, options) => open(page, servers, { api, ...options });

    describe('§5.1 only this session’s iframe at the Link origin is heard', () => {
      test(`another origin posting a right-looking token never reaches ${onConnected}`, async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        const attacker = await extraFrame(page, `${servers.attacker}/pages/link.html?attacker`);
        await send(page, attacker, connected, inbound.closeWithMessage);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });

      test('a second frame of the Link origin (right origin, wrong source) is ignored', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        const twin = await extraFrame(page, `${servers.link}/pages/link.html?twin`);
        assert.equal(await twin.evaluate(() => location.origin), servers.link);
        await send(page, twin, connected, inbound.doneWithSummary);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });

      test('the Link frame navigated to another origin (right source, wrong origin) is ignored; back at the Link origin it is heard', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        // Navigated after evaluate returns, which a navigation would otherwise interrupt.
        await frame.evaluate((url) => setTimeout(() => (location.href = url)), `${servers.attacker}/pages/link.html?navigated`);
        const away = await frameAt(page, `${servers.attacker}/pages/link.html?navigated`);
        await send(page, away, connected, inbound.closeWithMessage);
        assert.deepEqual(await trace(page), []);
        await away.evaluate((url) => setTimeout(() => (location.href = url)), `${servers.link}/pages/link.html?back`);
        await stillWorks(page, await frameAt(page, `${servers.link}/pages/link.html?back`));
      });

      test('the host page posting to itself is ignored', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        await page.evaluate((m) => {
          window.postMessage(m, '*');
          window.postMessage({ type: 'close' }, '*');
          window.postMessage({ type: '__sentinel' }, '*');
        }, connected);
        await page.waitForFunction(() => window.sentinels > 0);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });

      test('a "null"-origin (sandboxed) frame is ignored', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        const sandboxed = await extraFrame(page, `${servers.link}/pages/link.html?sandboxed`, { sandbox: 'allow-scripts' });
        assert.equal(await sandboxed.evaluate(() => origin), 'null');
        await send(page, sandboxed, connected);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });

      test('messages after the session ended are ignored', async () => {
        const page = await hostPage(browser, servers);
        const url = `${servers.link}/pages/link.html`;
        await page.evaluate(
          async ({ create, token }) => {
            const host = document.createElement('iframe');
            host.id = 'embedded';
            document.body.append(host);
            window.link = window.sdk[create](window.recorder('', { renderType: 'embedded' }));
            await window.link.openLink(token, 'embedded');
          },
          { create, token: tokenFor(url) },
        );
        const frame = await frameAt(page, url);
        await send(page, frame, inbound.closeWithMessage, connected, inbound.loaded);
        await send(page, frame, connected);
        assert.deepEqual(await trace(page), [['onExit', ...api.exitArgs('User closed the window')]]);
        assert.deepEqual(await frame.evaluate(() => window.received), [], 'no outbound after the end');
      });
    });

    describe('§5.2 and §5.3 URL rules', () => {
      for (const [name, url] of [
        ['javascript:', 'javascript:alert(document.domain)'],
        ['data:', 'data:text/html,<script>alert(1)</script>'],
        ['blob:', 'blob:https://evil.example/1f0e'],
        ['file:', 'file:///etc/passwd'],
        ['plain http to a non-loopback host', 'http://evil.example/link'],
        ['attribute injection', 'https://a.example/"><img src=x onerror=alert(1)>'],
        ['user:pass@ host disguise', 'https://web.meshconnect.com@evil.example/'],
      ]) {
        test(`a ${name} token renders nothing and exits with 'Invalid link token!'`, async () => {
          const page = await hostPage(browser, servers);
          await page.evaluate(
            async ({ create, token }) => {
              window.link = window.sdk[create](window.recorder());
              await window.link.openLink(token);
            },
            { create, token: tokenFor(url) },
          );
          assert.deepEqual(await trace(page), [['onExit', 'Invalid link token!']]);
          assert.deepEqual(await page.evaluate((popup) => [document.querySelectorAll(`iframe, img, ${popup}`).length, document.documentElement.className], popup), [0, '']);
        });
      }

      test('http is fine for loopback hosts (development)', async () => {
        const page = await hostPage(browser, servers);
        await openSession(page, servers);
        assert.equal(await page.locator(`${popup}__iframe`).count(), 1);
      });

      test('oauthLinkOpen with a javascript:, data: or http link opens nothing', { skip: !api.oauthLinkOpen && 'createLink ignores oauthLinkOpen (SPEC §10)' }, async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        await page.evaluate(() => {
          window.opened = [];
          window.open = (...args) => (window.opened.push(args), null);
        });
        const bad = ['javascript:alert(1)', 'data:text/html,x', 'http://evil.example/', 'https://a@b.example/', 42, null];
        await send(page, frame, ...bad.map((link) => ({ type: 'oauthLinkOpen', link })));
        assert.deepEqual(await page.evaluate(() => window.opened), []);
        await send(page, frame, inbound.oauthLinkOpen);
        assert.equal((await page.evaluate(() => window.opened)).length, 1);
      });
    });

    describe('§5.4 DOM without HTML strings', () => {
      test('the shipped JS never parses HTML (no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)', async () => {
        const { readFileSync, readdirSync } = await import('node:fs');
        const { join } = await import('node:path');
        const { root } = await import('../support/harness.mjs');
        for (const file of readdirSync(join(root, 'pkg')).filter((f) => f.endsWith('.js'))) {
          const js = readFileSync(join(root, 'pkg', file), 'utf8');
          assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, file);
        }
      });

      test('hostile strings in payloads stay data', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        const xss = '<img src=x onerror="window.pwned=1">';
        const summary = { page: xss, errorMessage: xss };
        await send(page, frame, { type: 'close', message: xss, payload: summary });
        assert.deepEqual(await trace(page), [['onExit', ...api.exitArgs(xss, summary)]]);
        assert.equal(await page.evaluate(() => window.pwned), undefined);
      });
    });

    describe('§5.5 instances and the one overlay', () => {
      test('opening B ends A (its onExit once); only B hears its frame; A.closeLink then does nothing', async () => {
        const page = await hostPage(browser, servers);
        const frameA = await openSession(page, servers, { label: 'A.', instance: 'a', query: '?a' });
        const frameB = await openSession(page, servers, { label: 'B.', instance: 'b', query: '?b' });
        assert.deepEqual(await trace(page), [['A.onExit']]);
        assert.equal(await page.locator(popup).count(), 1);
        assert.equal(await page.getAttribute(`${popup}__iframe`, 'src'), api.linkUrl(`${servers.link}/pages/link.html?b`));
        await clearTrace(page);
        await send(page, frameB, inbound.integrationSelected);
        assert.deepEqual(await trace(page), [['B.onEvent', inbound.integrationSelected]]);
        await page.evaluate(() => window.a.closeLink());
        assert.equal(await page.locator(popup).count(), 1);
        await page.evaluate(() => window.b.closeLink());
        assert.deepEqual(await trace(page), [['B.onEvent', inbound.integrationSelected], ['B.onExit']]);
        assert.equal(frameA.isDetached(), true);
      });

      test('reopening the same instance ends its previous session once', async () => {
        const page = await hostPage(browser, servers);
        await openSession(page, servers, { query: '?1' });
        await page.evaluate((t) => window.link.openLink(t), tokenFor(`${servers.link}/pages/link.html?2`));
        const frame = await frameAt(page, `${servers.link}/pages/link.html?2`);
        await send(page, frame, inbound.credentialsEntered);
        assert.deepEqual(await trace(page), [['onExit'], ['onEvent', inbound.credentialsEntered]]);
      });
    });

    describe('§5.6 onExit exactly once; listeners removed', () => {
      test('however the session ends, onExit fires once and the message listener is gone', async () => {
        const endings = {
          close: (page, frame) => send(page, frame, inbound.closeWithMessage),
          done: (page, frame) => send(page, frame, inbound.doneWithSummary),
          closeLink: (page) => page.evaluate(() => window.link.closeLink()),
          Escape: (page) => page.keyboard.press('Escape'),
          superseded: (page) => page.evaluate(({ create, token }) => window.sdk[create]({}).openLink(token), { create, token: tokenFor(`${servers.host}/pages/host.html`) }),
        };
        for (const [how, end] of Object.entries(endings)) {
          const page = await hostPage(browser, servers);
          const before = await windowListeners(page, 'message');
          const frame = await openSession(page, servers);
          assert.equal(await windowListeners(page, 'message'), before + 1, how);
          await end(page, frame);
          await page.evaluate(() => window.link.closeLink());
          await page.evaluate(() => window.link.closeLink());
          const exits = (await trace(page)).filter((r) => r[0] === 'onExit');
          assert.equal(exits.length, 1, how);
          const expected = how === 'superseded' ? before + 1 : before;
          assert.equal(await windowListeners(page, 'message'), expected, how);
          assert.equal(await windowListeners(page, 'keydown'), how === 'superseded' ? 1 : 0, how);
          await page.context().close();
        }
      });

      test('closeLink with no open session does nothing', async () => {
        const page = await hostPage(browser, servers);
        await page.evaluate(
          ({ create, closers }) => {
            window.link = window.sdk[create](window.recorder());
            for (const close of closers) window.link[close]();
          },
          { create, closers: api.closers },
        );
        assert.deepEqual(await trace(page), []);
      });

      test('closeLink while the wasm is still loading cancels the open, onExit once', async () => {
        const page = await hostPage(browser, servers);
        await page.evaluate(
          ({ create, token }) => {
            window.link = window.sdk[create](window.recorder());
            window.pending = window.link.openLink(token);
            window.link.closeLink();
            return window.pending;
          },
          { create, token: tokenFor(`${servers.link}/pages/link.html`) },
        );
        assert.deepEqual(await trace(page), [['onExit']]);
        assert.equal(await page.locator(popup).count(), 0);
      });
    });

    describe('§5.7 and §5.9 malformed messages never throw or panic; what passes the sender check is delivered as upstream would', () => {
      test('null, primitives, arrays, bad types and payloads that are not objects are not delivered; wrong field types are; later events work', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        const p = connected.payload;
        const bad = [
          null,
          undefined,
          'loaded',
          42,
          true,
          [connected],
          { type: 5 },
          { type: null },
          { type: ['close'] },
          { type: { toString: null } },
          { type: 'brokerageAccountAccessToken' },
          { type: 'brokerageAccountAccessToken', payload: 'token' },
          { type: 'delayedAuthentication', payload: [] },
          { type: 'transferFinished', payload: null },
        ];
        const odd = [
          { type: 'brokerageAccountAccessToken', payload: { ...p, accountTokens: 'x' } },
          { type: 'brokerageAccountAccessToken', payload: { ...p, accountTokens: [{ account: null, accessToken: 't' }] } },
          { type: 'brokerageAccountAccessToken', payload: { ...p, accountTokens: [{ ...p.accountTokens[0], accessToken: 7 }] } },
          { type: 'brokerageAccountAccessToken', payload: { ...p, brokerBrandInfo: [] } },
          { type: 'delayedAuthentication', payload: { brokerType: 'x' } },
          { type: 'transferFinished', payload: { status: 'success' } },
          { type: 'transferFinished', payload: { status: 'pending', txId: 'x' } },
          { type: 'integrationSelected', payload: { integrationType: 1 } },
          { type: 'integrationConnectionError', payload: null },
          { type: 'transferPreviewed', payload: { amount: '1' } },
        ];
        await send(page, frame, ...bad);
        assert.deepEqual(await trace(page), []);
        await send(page, frame, ...odd);
        assert.deepEqual(
          await trace(page),
          odd.flatMap((message) => deliveredRows(api, message)),
        );
        await clearTrace(page);
        await frame.evaluate((p) => {
          let deep = { type: 'brokerageAccountAccessToken', payload: p };
          for (let i = 0; i < 300; i++) deep = { type: 'close', payload: deep, message: [deep] };
          window.send([deep], new Date(), /re/, new Map([['type', 'close']]));
        }, p);
        await send(page, frame);
        assert.deepEqual(await trace(page), []);
        assert.deepEqual(page.errors, []);
        await stillWorks(page, frame);
      });

      test('__proto__ and constructor keys do not pollute or confuse', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        await frame.evaluate(() => {
          const m = JSON.parse('{"type":"brokerageAccountAccessToken","__proto__":{"payload":{"polluted":true}},"constructor":{"prototype":{"x":1}}}');
          window.send(m);
        });
        await page.evaluate(() => {
          Object.prototype.payload = { accountTokens: [] }; // a polluted host page
        });
        await send(page, frame, { type: 'transferFinished' });
        assert.deepEqual(await trace(page), []);
        assert.equal(await page.evaluate(() => ({}).x), undefined);
        await page.evaluate(() => delete Object.prototype.payload);
        await stillWorks(page, frame);
      });

      test('a 10 MB payload is handled and passed on', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        // A transferExecuted payload as 3.13 types it, plus a 10 MB extra field (extras are kept).
        await frame.evaluate((p) => window.send({ type: 'transferExecuted', payload: { ...p, blob: 'x'.repeat(10 * 1024 * 1024) } }, { type: '__sentinel' }), inbound.transferFinishedSuccess.payload);
        await page.waitForFunction(() => window.sentinels > 0);
        assert.equal(await page.evaluate(() => window.trace[0].args[0].payload.blob.length), 10 * 1024 * 1024);
      });

      test('a barrage of random structures leaves the SDK working', async () => {
        const page = await hostPage(browser, servers);
        const frame = await openSession(page, servers);
        await frame.evaluate(() => {
          let seed = 7;
          const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
          const keys = ['type', 'payload', 'message', 'link', 'status', 'accountTokens', 'account', 'brokerBrandInfo', 'errorMessage', 'page'];
          const types = ['brokerageAccountAccessToken', 'delayedAuthentication', 'transferFinished', 'close', 'done', 'loaded', 'oauthLinkOpen', 'integrationSelected'];
          const value = (depth) => {
            switch (rnd(depth > 3 ? 5 : 8)) {
              case 0:
                return null;
              case 1:
                return rnd(1000) - 500;
              case 2:
                return types[rnd(types.length)];
              case 3:
                return 'x'.repeat(rnd(5));
              case 4:
                return rnd(2) === 0;
              case 5:
                return Array.from({ length: rnd(4) }, () => value(depth + 1));
              default:
                return Object.fromEntries(Array.from({ length: rnd(5) }, () => [keys[rnd(keys.length)], value(depth + 1)]));
            }
          };
          for (let i = 0; i < 1000; i++) {
            const m = value(0);
            if (m && typeof m === 'object' && !Array.isArray(m) && ['close', 'done'].includes(m.type)) continue; // would end the session
            window.send(m);
          }
        });
        await send(page, frame);
        assert.deepEqual(page.errors, []);
        await stillWorks(page, frame);
      });
    });

    describe('§5.8 re-entrant and throwing callbacks', () => {
      test(`onEvent calling closeLink: the session ends cleanly and ${onConnected} still gets the token`, async () => {
        const page = await hostPage(browser, servers);
        await page.evaluate(
          ({ create, token }) => {
            const options = window.recorder('', {});
            const record = options.onEvent;
            options.onEvent = (e) => {
              record(e);
              window.link.closeLink();
            };
            window.link = window.sdk[create](options);
            return window.link.openLink(token);
          },
          { create, token: tokenFor(`${servers.link}/pages/link.html`) },
        );
        const frame = await frameAt(page, `${servers.link}/pages/link.html`);
        await send(page, frame, connected);
        const payload = { accessToken: connected.payload };
        assert.deepEqual(await trace(page), [['onEvent', { type: 'integrationConnected', payload }], ['onExit'], [onConnected, payload]]);
        assert.equal(await page.locator(popup).count(), 0);
      });

      test('reopening: the superseded session’s onExit calling closeLink does not end the new session', async () => {
        const page = await hostPage(browser, servers);
        const second = `${servers.link}/pages/link.html?second`;
        await page.evaluate(
          async ({ create, first, second }) => {
            const options = window.recorder('', {});
            const record = options.onExit;
            options.onExit = (...args) => {
              record(...args);
              window.link.closeLink(); // a common cleanup pattern
            };
            window.link = window.sdk[create](options);
            await window.link.openLink(first);
            await window.link.openLink(second);
          },
          { create, first: tokenFor(`${servers.link}/pages/link.html?first`), second: tokenFor(second) },
        );
        const frame = await frameAt(page, second);
        await send(page, frame, inbound.credentialsEntered);
        assert.deepEqual(await trace(page), [['onExit'], ['onEvent', inbound.credentialsEntered]]);
        assert.equal(await page.locator(popup).count(), 1);
      });

      test(`onExit and ${onConnected} calling openLink open a new working session`, async () => {
        const page = await hostPage(browser, servers);
        const second = `${servers.link}/pages/link.html?second`;
        await page.evaluate(
          ({ create, first, second }) => {
            const options = window.recorder('', {});
            const record = options.onExit;
            let reopened = false;
            options.onExit = (...args) => {
              record(...args);
              if (!reopened) {
                reopened = true;
                window.link.openLink(second);
              }
            };
            window.link = window.sdk[create](options);
            return window.link.openLink(first);
          },
          { create, first: tokenFor(`${servers.link}/pages/link.html?first`), second: tokenFor(second) },
        );
        const first = await frameAt(page, `${servers.link}/pages/link.html?first`);
        await send(page, first, inbound.closeWithMessage);
        const frame = await frameAt(page, second);
        await send(page, frame, inbound.credentialsEntered);
        assert.deepEqual(await trace(page), [
          ['onExit', ...api.exitArgs('User closed the window')],
          ['onEvent', inbound.credentialsEntered],
        ]);
        assert.equal(await page.locator(popup).count(), 1);
      });

      test('a throwing callback is reported on the console and later events still arrive', async () => {
        const page = await hostPage(browser, servers);
        await page.evaluate(
          ({ create, connected, token }) => {
            const options = window.recorder('', {});
            const record = options.onEvent;
            options.onEvent = (e) => {
              record(e);
              throw new Error('integrator bug');
            };
            options[connected] = () => {
              throw 'a string';
            };
            window.link = window.sdk[create](options);
            return window.link.openLink(token);
          },
          { create, connected: onConnected, token: tokenFor(`${servers.link}/pages/link.html`) },
        );
        const frame = await frameAt(page, `${servers.link}/pages/link.html`);
        await send(page, frame, connected, inbound.credentialsEntered);
        assert.deepEqual(
          (await trace(page)).map((r) => r[1].type),
          ['integrationConnected', 'credentialsEntered'],
        );
        assert.equal(page.consoleErrors.filter((e) => e.includes('front-link-wasm')).length, 3);
        assert.deepEqual(page.errors, []);
      });
    });
  });
