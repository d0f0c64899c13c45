// Hostile-input battery: each case runs against the built package,
// through both of its faces (createFrontConnection and createLink, SPEC §10;
// see APIS in harness.mjs), with real frames on real origins, checks what
// reaches the callbacks, and then that a valid event from the Link frame
// still works.
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
  session as openSessionPage,
} from '../support/harness.mjs';

const m = fixtures.inbound;
const P = m.brokerageAccountAccessToken.payload;
let servers;
let browser;
before(async () => ({ servers, browser } = await startBrowser()));
after(() => stopBrowser({ servers, browser }));

for (const api of APIS)
  describe(api.name, () => {
    const { create, connected: onConnected } = api;
    const popup = `#${api.root}`;
    const openSession = (page, servers, options) => open(page, servers, { api, ...options });
    const session = (options) => openSessionPage(browser, servers, { api, ...options });

    /**
     * Messages from the Link frame that reach their callbacks exactly as sent
     * (the upstream types lag the wire: docs/failures-and-csp.md, "What is delivered").
     */
    function deliveredFromLink(name, ...messages) {
      test(name, async () => {
        const { page, frame } = await session();
        await send(page, frame, ...messages);
        assert.deepEqual(
          await trace(page),
          messages.flatMap((message) => deliveredRows(api, message)),
        );
        await stillWorks(page, frame);
      });
    }

    /** Messages from the Link frame that must reach no callback. */
    function ignoredFromLink(name, ...messages) {
      test(name, async () => {
        const { page, frame } = await session();
        await send(page, frame, ...messages);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });
    }

    describe('senders', () => {
      const forged = [m.brokerageAccountAccessToken, m.transferFinishedSuccess, m.closeWithMessage];
      test('wrong origin: an attacker frame on another origin', async () => {
        const { page, frame } = await session();
        await send(page, await extraFrame(page, `${servers.attacker}/pages/link.html?x`), ...forged);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });
      test('right origin, wrong source: a second frame of the Link origin', async () => {
        const { page, frame } = await session();
        await send(page, await extraFrame(page, `${servers.link}/pages/link.html?twin`), ...forged);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });
      test('"null" origin: a sandboxed frame', async () => {
        const { page, frame } = await session();
        await send(page, await extraFrame(page, `${servers.link}/pages/link.html?sb`, { sandbox: 'allow-scripts' }), ...forged);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });
      test('the host page posting to itself', async () => {
        const { page, frame } = await session();
        await page.evaluate((ms) => [...ms, { type: '__sentinel' }].forEach((x) => window.postMessage(x, '*')), forged);
        await page.waitForFunction(() => window.sentinels > 0);
        assert.deepEqual(await trace(page), []);
        await stillWorks(page, frame);
      });
      test('a message after the session ended', async () => {
        const page = await hostPage(browser, servers);
        const url = `${servers.link}/pages/link.html?embedded`;
        await page.evaluate(
          async ({ create, token }) => {
            const host = Object.assign(document.createElement('iframe'), { id: 'host-frame' });
            document.body.append(host);
            window.link = window.sdk[create](window.recorder('', { renderType: 'embedded' }));
            await window.link.openLink(token, 'host-frame');
          },
          { create, token: tokenFor(url) },
        );
        const frame = await frameAt(page, url);
        await send(page, frame, m.doneWithSummary);
        await send(page, frame, ...forged, m.integrationSelected);
        assert.deepEqual(await trace(page), [['onExit', ...api.exitArgs(undefined, m.doneWithSummary.payload)]]);
        await page.evaluate((t) => window.link.openLink(t, 'host-frame'), tokenFor(`${url}&again`));
        await stillWorks(page, await frameAt(page, `${url}&again`));
      });
    });

    describe('link tokens', () => {
      const refused = {
        'javascript: token': tokenFor('javascript:alert(document.cookie)'),
        'data: token': tokenFor('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
        'blob: token': tokenFor('blob:http://127.0.0.1/5d7c'),
        'file: token': tokenFor('file:///etc/passwd'),
        'attribute-injection token': tokenFor('https://a.example/" onload="alert(1)'),
        'markup-injection token': tokenFor('https://a.example/"><script>alert(1)</script>'),
        'invalid base64 token': '!!not-base64!!',
        'non-URL token': tokenFor('hello world'),
        'http to a non-loopback host': tokenFor('http://web.meshconnect.com.evil.example/'),
        'user:pass@ host disguise': tokenFor('https://web.meshconnect.com:443@evil.example/'),
      };
      for (const [name, token] of Object.entries(refused)) {
        test(name, async () => {
          const { page, frame } = await session();
          await clearTrace(page);
          const other = await page.evaluate(
            async ({ create, token }) => {
              const other = window.sdk[create](window.recorder('other.'));
              await other.openLink(token);
              return document.querySelectorAll('iframe').length;
            },
            { create, token },
          );
          assert.deepEqual(await trace(page), [['other.onExit', 'Invalid link token!']]);
          assert.equal(other, 1, 'no DOM added, the open session untouched');
          await stillWorks(page, frame);
        });
      }
    });

    describe('oauthLinkOpen and link_style', () => {
      // Both APIs: createLink ignores oauthLinkOpen altogether, so for it these
      // check that hostile links are ignored too and leave the session working.
      for (const [name, link] of [
        ['oauthLinkOpen with a javascript: link', 'javascript:alert(1)'],
        ['oauthLinkOpen with a data: link', 'data:text/html,x'],
        ['oauthLinkOpen with a non-string link', { href: 'https://a.example' }],
      ]) {
        test(name, async () => {
          const { page, frame } = await session();
          await page.evaluate(() => {
            window.opened = [];
            window.open = (...a) => (window.opened.push(a), null);
          });
          await send(page, frame, { type: 'oauthLinkOpen', link });
          assert.deepEqual(await page.evaluate(() => window.opened), []);
          await stillWorks(page, frame);
        });
      }
      const style = (text) => `?link_style=${encodeURIComponent(Buffer.from(text).toString('base64'))}`;
      for (const [name, query] of [
        ['link_style with CSS-injection strings', style('{"ir":"1px;}*{display:none}/*","io":"0;background:url(//evil)"}')],
        ['link_style with non-numbers', style('{"ir":[8],"io":{"v":1},"x":null}')],
        ['link_style out of range', style('{"ir":1e9,"io":-1}')],
        ['link_style not JSON, not base64', '?link_style=%25%25%7B%7B'],
      ]) {
        test(name, async () => {
          const { page, frame } = await session({ query });
          const look = await page.evaluate(
            (root) => [
              getComputedStyle(document.getElementById(`${root}__popup-content`)).borderTopLeftRadius,
              getComputedStyle(document.getElementById(`${root}__backdrop`)).opacity,
              getComputedStyle(document.body).display,
            ],
            api.root,
          );
          assert.deepEqual(look, ['24px', '0.6', 'block']);
          await stillWorks(page, frame);
        });
      }
    });

    describe('message data', () => {
      ignoredFromLink('null, undefined, strings, numbers, booleans', null, undefined, 'brokerageAccountAccessToken', 42, true);
      ignoredFromLink('arrays', [m.brokerageAccountAccessToken], [], [[null]]);
      ignoredFromLink('a non-string type', { type: 7, payload: P }, { type: null }, { type: ['close'] }, { type: { type: 'close' } }, { type: true });
      ignoredFromLink(
        'a payload that is not an object',
        { type: 'brokerageAccountAccessToken', payload: 'x' },
        { type: 'delayedAuthentication', payload: 5 },
        { type: 'transferFinished', payload: null },
        { type: 'transferFinished' },
      );

      test('deeply nested data is delivered as sent, and nothing breaks', async () => {
        const { page, frame } = await session();
        await frame.evaluate((p) => {
          let deep = { type: 'brokerageAccountAccessToken', payload: p };
          for (let i = 0; i < 300; i++) deep = { type: 'brokerageAccountAccessToken', payload: deep };
          window.send(deep, { type: 'integrationSelected', payload: deep });
        }, P);
        await send(page, frame);
        const depth = await page.evaluate(() => {
          let [value, n] = [window.trace[1].args[0].accessToken, 0];
          while (value.payload) [value, n] = [value.payload, n + 1];
          return [window.trace.length, n];
        });
        assert.deepEqual(depth, [3, 300]);
        await stillWorks(page, frame);
      });

      test('a 10 MB payload', async () => {
        const { page, frame } = await session();
        // A transferExecuted payload as 3.13 types it, plus a 10 MB extra field (extras are kept).
        await frame.evaluate((p) => window.send({ type: 'transferExecuted', payload: { ...p, blob: 'x'.repeat(10 << 20) } }), m.transferFinishedSuccess.payload);
        await send(page, frame);
        assert.equal(await page.evaluate(() => window.trace[0].args[0].payload.blob.length), 10 << 20);
        await stillWorks(page, frame);
      });

      test('__proto__ and constructor keys, and a polluted Object.prototype', async () => {
        const { page, frame } = await session();
        await page.evaluate(() => (Object.prototype.payload = { accountTokens: [], brokerBrandInfo: { brokerLogo: '' }, brokerType: 'x', brokerName: 'x' }));
        await frame.evaluate(() =>
          window.send(JSON.parse('{"type":"brokerageAccountAccessToken","__proto__":{"payload":1},"constructor":{"prototype":{"polluted":1}}}'), { type: 'brokerageAccountAccessToken' }),
        );
        await send(page, frame);
        assert.deepEqual(await trace(page), []);
        assert.equal(await page.evaluate(() => ({}).polluted), undefined);
        await page.evaluate(() => delete Object.prototype.payload);
        await stillWorks(page, frame);
      });

      // Each required field of each typed payload, given the wrong type:
      // delivered as sent, as upstream does (debug reports it).
      const wrongTypes = {
        brokerageAccountAccessToken: [P, ['accountTokens', 'brokerBrandInfo', 'brokerType', 'brokerName', 'expiresInSeconds']],
        delayedAuthentication: [m.delayedAuthentication.payload, ['brokerType', 'refreshToken', 'brokerName', 'brokerBrandInfo', 'refreshTokenExpiresInSeconds']],
        transferFinished: [m.transferFinishedSuccess.payload, ['status', 'txId', 'fromAddress', 'toAddress', 'symbol', 'amount', 'networkId']],
        integrationSelected: [m.integrationSelected.payload, ['integrationType', 'integrationName']],
        transferPreviewed: [m.transferPreviewed.payload, ['amount', 'symbol', 'toAddress', 'networkId', 'previewId', 'amountInFiat', 'estimatedNetworkGasFee']],
        integrationConnectionError: [m.integrationConnectionError.payload, ['errorMessage']],
      };
      for (const [type, [payload, fields]] of Object.entries(wrongTypes)) {
        deliveredFromLink(`wrong field types in ${type}`, ...fields.map((f) => ({ type, payload: { ...payload, [f]: typeof payload[f] === 'number' ? 'NaN' : 7 } })));
      }
      deliveredFromLink(
        'wrong types inside accounts and brand info',
        { type: 'brokerageAccountAccessToken', payload: { ...P, accountTokens: [{ ...P.accountTokens[0], account: { ...P.accountTokens[0].account, accountId: 5 } }] } },
        { type: 'brokerageAccountAccessToken', payload: { ...P, accountTokens: [{ ...P.accountTokens[0], accessToken: null }] } },
        { type: 'brokerageAccountAccessToken', payload: { ...P, accountTokens: [{ ...P.accountTokens[0], account: { ...P.accountTokens[0].account, cash: '310' } }] } },
        { type: 'brokerageAccountAccessToken', payload: { ...P, brokerBrandInfo: { brokerLogo: 1 } } },
      );

      test('a close whose message has the wrong type ends the session with no error, and says so; its summary is passed as sent', async () => {
        const { page, frame } = await session();
        await page.evaluate(() => (window.warnings = []));
        await send(page, frame, { type: 'close', message: { text: 'x' }, payload: { page: 3, errorMessage: ['x'] } });
        // Both faces: an object summary makes two arguments; 3.13 would pass the array as the error.
        assert.deepEqual(await trace(page), [['onExit', undefined, { page: 3, errorMessage: ['x'] }]]);
        const warnings = await page.evaluate(() => window.warnings);
        assert.deepEqual(warnings, ['front-link-wasm: a Link UI message of type "close" ended the session, but its error is not a string of at most 4096 characters: onExit gets none']);
        await page.evaluate((t) => window.link.openLink(t), tokenFor(`${servers.link}/pages/link.html?after`));
        await stillWorks(page, await frameAt(page, `${servers.link}/pages/link.html?after`));
      });
    });

    describe('callbacks that re-enter or throw', () => {
      const callbacks = {
        onEvent: m.integrationSelected,
        [onConnected]: m.brokerageAccountAccessToken,
        onTransferFinished: m.transferFinishedSuccess,
        onExit: m.closeWithMessage,
      };
      for (const [callback, message] of Object.entries(callbacks)) {
        test(`closeLink and openLink from inside ${callback}`, async () => {
          const page = await hostPage(browser, servers);
          const next = `${servers.link}/pages/link.html?next-${callback}`;
          await page.evaluate(
            ({ create, callback, first, next }) => {
              const options = window.recorder();
              const record = options[callback];
              let done = false;
              options[callback] = (...args) => {
                record(...args);
                if (done) return;
                done = true;
                window.link.closeLink();
                window.link.closeLink();
                window.link.openLink(next);
              };
              window.link = window.sdk[create](options);
              return window.link.openLink(first);
            },
            { create, callback, first: tokenFor(`${servers.link}/pages/link.html?first-${callback}`), next: tokenFor(next) },
          );
          const first = await frameAt(page, `${servers.link}/pages/link.html?first-${callback}`);
          await send(page, first, message);
          const names = (await trace(page)).map((r) => r[0]);
          assert.equal(names.filter((n) => n === 'onExit').length, 1, names.join());
          assert.equal(await page.locator(popup).count(), 1);
          await stillWorks(page, await frameAt(page, next));
        });

        test(`${callback} throwing`, async () => {
          const page = await hostPage(browser, servers);
          await page.evaluate(
            ({ create, callback, token }) => {
              const options = window.recorder();
              const record = options[callback];
              options[callback] = (...args) => {
                record(...args);
                throw new TypeError(`${callback} bug`);
              };
              window.link = window.sdk[create](options);
              return window.link.openLink(token);
            },
            { create, callback, token: tokenFor(`${servers.link}/pages/link.html?throw`) },
          );
          const frame = await frameAt(page, `${servers.link}/pages/link.html?throw`);
          await send(page, frame, callback === 'onExit' ? m.integrationSelected : message);
          if (callback === 'onExit') {
            await send(page, frame, message);
            assert.equal((await trace(page)).filter((r) => r[0] === 'onExit').length, 1);
            assert.ok(page.consoleErrors.some((e) => e.includes('onExit threw')));
            return;
          }
          assert.ok(
            page.consoleErrors.some((e) => e.includes(`${callback} threw`)),
            page.consoleErrors.join('\n'),
          );
          assert.deepEqual(page.errors, []);
          await clearTrace(page);
          await send(page, frame, m.credentialsEntered);
          assert.deepEqual(
            (await trace(page)).map((r) => r[0]),
            ['onEvent'],
          );
        });
      }
    });

    describe('instances, the DOM and leaks', () => {
      test('two instances opened one after the other', async () => {
        const page = await hostPage(browser, servers);
        const a = await openSession(page, servers, { label: 'A.', instance: 'a', query: '?A' });
        const b = await openSession(page, servers, { label: 'B.', instance: 'b', query: '?B' });
        assert.equal(a.isDetached(), true);
        assert.deepEqual(await trace(page), [['A.onExit']]);
        await clearTrace(page);
        await send(page, b, m.integrationSelected);
        assert.deepEqual(await trace(page), [['B.onEvent', m.integrationSelected]]);
      });

      test('the host page removes the overlay: closeLink still ends the session once, nothing is left', async () => {
        const page = await hostPage(browser, servers);
        const base = await page.evaluate(() => document.getElementsByTagName('*').length);
        await openSession(page, servers);
        await page.evaluate((popup) => document.querySelector(popup).remove(), popup);
        await page.evaluate(() => window.link.closeLink());
        assert.deepEqual(await trace(page), [['onExit']]);
        assert.equal(await page.evaluate(() => document.getElementsByTagName('*').length), base);
        assert.equal(await page.evaluate(() => document.documentElement.className), '');
        const frame = await openSession(page, servers, { query: '?again' });
        await stillWorks(page, frame);
      });

      test('1000 open/close cycles leave no listener and no DOM node behind', async () => {
        const page = await hostPage(browser, servers);
        const count = () => page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length, cls: document.documentElement.className, sheets: document.adoptedStyleSheets.length }));
        // Warm up once so the shared stylesheet is adopted.
        await openSession(page, servers);
        await page.evaluate(() => window.link.closeLink());
        const before = { ...(await count()), message: await windowListeners(page, 'message'), keydown: await windowListeners(page, 'keydown') };
        const exits = await page.evaluate(
          async ({ create, connected, token }) => {
            let exits = 0;
            const link = window.sdk[create]({ clientId: '', [connected]() {}, onExit: () => exits++ });
            for (let i = 0; i < 1000; i++) {
              await link.openLink(token);
              link.closeLink();
            }
            return exits;
          },
          { create, connected: onConnected, token: tokenFor(`${servers.link}/pages/link.html?cycle`) },
        );
        assert.equal(exits, 1000);
        const afterCycles = { ...(await count()), message: await windowListeners(page, 'message'), keydown: await windowListeners(page, 'keydown') };
        assert.deepEqual(afterCycles, before);
        const frame = await openSession(page, servers, { query: '?after-cycles' });
        await stillWorks(page, frame);
      });
    });
  });
