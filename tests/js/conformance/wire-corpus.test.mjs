// Field truth: every message of the wire corpus (tests/corpus/wire.json,
// what Mesh's Link UI really sends, each entry citing where it was seen)
// is posted from a real cross-origin Link frame to both faces of this
// package and to the upstream each face stands in for (1.1.9 for
// createFrontConnection, 3.13 for createLink), in Chromium, Firefox and
// WebKit. Whatever the upstream hands a callback, ours hands the same
// callback, deep-equal; what ours does beyond that is a documented
// divergence (docs/differences.md). What ours does not
// deliver is said once per session and reason on the console, and a
// stranger's messages are not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APIS, bundleUpstream, root, startServers, tokenFor } from '../support/harness.mjs';
import { bundleMeshUpstream } from '../support/upstreams.mjs';
import { ENGINES, launchEngine } from '../engines/driver.mjs';
import { answering, extraFrame, navigateFrame, send } from '../engines/session.mjs';

const { FRONT_EVENT_TYPE_KEYS, LINK_EVENT_TYPE_KEYS } = await import(join(root, 'pkg-template/event-keys.js'));

const corpus = JSON.parse(readFileSync(join(root, 'tests/corpus/wire.json'), 'utf8')).entries;
const FRONT_KEYS = [
  'integrationConnected',
  'integrationConnectionError',
  'transferCompleted',
  'integrationSelected',
  'credentialsEntered',
  'transferStarted',
  'transferPreviewed',
  'transferPreviewError',
  'transferExecutionError',
  'pageLoaded',
];
const isExit = (data) => data?.type === 'close' || data?.type === 'done';
const chosen = (process.env.FRONT_LINK_ENGINES ?? ENGINES.join(',')).split(',');
const UPSTREAM = { front: 'upstream', mesh: 'mesh-upstream' };

let servers;
before(async () => {
  await bundleUpstream();
  await bundleMeshUpstream();
  servers = await startServers();
});
after(() => servers?.close());

/** A host page with `sdk` (ours when undefined), window.open recorded. */
async function hostWith(engine, sdk) {
  const page = await engine.newPage();
  await page.goto(`${servers.host}/pages/host.html${sdk ? `?sdk=${sdk}` : ''}`);
  await page.waitFor(() => window.sdkReady === true);
  await page.evaluate(() => {
    window.opened = [];
    window.open = (...args) => (window.opened.push(args), null);
  });
  return page;
}

/**
 * Opens a session through `api` (with `extra` options) whose Link frame posts `messages` as it
 * loads (the stand-in's `?script=`: no other message of the test reaches
 * the page first), then a sentinel; the callbacks they gave, what was
 * said on the console and the windows opened.
 */
async function deliver(page, api, messages, extra = {}) {
  const script = Buffer.from(JSON.stringify([...messages, { type: '__sentinel' }])).toString('base64');
  await page.evaluate(
    ({ create, token, extra }) => {
      window.trace = [];
      window.warnings = [];
      window.sentinels = 0;
      window.link = window.sdk[create](window.recorder('', extra));
      window.link.openLink(token);
    },
    { create: api.create, token: tokenFor(`${servers.link}/pages/link.html?script=${encodeURIComponent(script)}`), extra },
  );
  await page.waitFor(() => window.sentinels > 0, undefined, { timeout: 15000 });
  const result = await page.evaluate(() => ({
    calls: window.trace.map((r) => [r.name, ...r.args]),
    warnings: window.warnings,
    opened: window.opened.splice(0),
    shown: document.querySelector('#front-link-popup, #mesh-link-popup') !== null,
  }));
  await page.evaluate(() => window.link.closeLink());
  return result;
}

/** The divergences of createFrontConnection from 1.1.9 that a corpus message can show (README, SPEC §3). */
function asFrontUpstream(calls, messages) {
  const exits = messages.filter(isExit);
  return (
    calls
      // Later event keys reach onEvent here; 1.1.9 knew ten.
      .filter(([name, event]) => !(name === 'onEvent' && !FRONT_KEYS.includes(event?.type)))
      // close/done: 1.1.9 calls onExit(data.message); here onExit(message ?? payload.errorMessage, summary).
      .map(([name, ...args]) => (name === 'onExit' ? ['onExit', exits.shift()?.message] : [name, ...args]))
  );
}

for (const name of chosen) {
  describe(name, () => {
    let engine;
    before(async () => (engine = await launchEngine(name)));
    after(() => engine?.close());

    for (const api of APIS) {
      const upstreamOf = (calls, messages) => (api.name === 'front' ? asFrontUpstream(calls, messages) : calls);

      // One page at a time: WebKit's driver has one window per engine.
      const onPage = async (sdk, run) => {
        const page = await hostWith(engine, sdk);
        try {
          return await run(page);
        } finally {
          await page.close();
        }
      };

      test(`${api.create}: every corpus message that is not an exit, in one session, as its upstream delivers it`, async () => {
        const messages = corpus.map((e) => e.data).filter((d) => !isExit(d));
        const mine = await onPage(undefined, (page) => deliver(page, api, messages));
        const theirs = await onPage(UPSTREAM[api.name], (page) => deliver(page, api, messages));
        assert.ok(theirs.calls.length >= 50, `${theirs.calls.length} callbacks from the upstream`);
        assert.ok(mine.shown, 'the session is still open');
        assert.deepStrictEqual(upstreamOf(mine.calls, messages), theirs.calls);
        assert.deepStrictEqual(
          mine.opened.map(([url]) => url),
          theirs.opened.map(([url]) => url),
          'oauthLinkOpen',
        );
        // The types this face does not know (showClose, error, openTrueAuth, …): said once, naming the first.
        const unknown = mine.warnings.filter((w) => w.includes('this face does not know its type'));
        assert.equal(unknown.length, 1, `warnings: ${JSON.stringify(mine.warnings)}`);
        const first = messages.find((m) => !known(api, m.type));
        assert.ok(unknown[0].includes(JSON.stringify(first.type)), `${unknown[0]} names ${first.type}`);
      });

      test(`${api.create}: every corpus exit, each in its own session, as its upstream ends it`, async () => {
        const exits = corpus.filter((e) => isExit(e.data));
        assert.ok(exits.length >= 10, `${exits.length} exits`);
        const each = (sdk) =>
          onPage(sdk, async (page) => {
            const results = [];
            for (const { data } of exits) {
              results.push(await deliver(page, api, [data]));
            }
            return results;
          });
        const mine = await each(undefined);
        const theirs = await each(UPSTREAM[api.name]);
        for (const [i, { id, data }] of exits.entries()) {
          assert.deepStrictEqual(upstreamOf(mine[i].calls, [data]), theirs[i].calls, id);
          assert.equal(mine[i].shown, false, `${id}: the overlay is gone`);
        }
      });
    }

    test('debug: a delivered payload that differs from its upstream type is reported once per type, by path and without its values; without debug, not at all', async () => {
      const api = APIS[1];
      const lagging = corpus.find((e) => e.id === 'rn-access-token-empty-brand-info').data;
      const messages = [lagging, lagging, corpus.find((e) => e.id === 'android-transfer-success-no-addresses').data];
      const page = await hostWith(engine);
      try {
        const plain = await deliver(page, api, messages);
        const debug = await deliver(page, api, messages, { debug: true });
        assert.deepEqual(debug.calls, plain.calls, 'delivered alike');
        // The test's own sentinel is a type no face knows: said, and not what this is about.
        const said = (run) => run.warnings.filter((w) => !w.includes('"__sentinel"'));
        assert.deepEqual(said(plain), []);
        assert.deepEqual(said(debug), [
          'front-link-wasm (debug): a Link UI message of type "brokerageAccountAccessToken" was delivered as sent, but differs from the upstream type: payload.brokerBrandInfo.brokerLogo is required (a string), and is undefined',
          'front-link-wasm (debug): a Link UI message of type "transferFinished" was delivered as sent, but differs from the upstream type: payload.fromAddress is required (a string), and is undefined',
        ]);
      } finally {
        await page.close();
      }
    });

    test('nothing dropped in silence: the Link frame at another origin is said once; a stranger frame never', async () => {
      const api = APIS[1];
      const page = await hostWith(engine);
      try {
        await page.evaluate(
          ({ create, token }) => {
            window.link = window.sdk[create](window.recorder());
            window.link.openLink(token);
          },
          { create: api.create, token: tokenFor(`${servers.link}/pages/link.html?strays`) },
        );
        const frame = `#${api.root}__iframe`;
        await answering(page, frame);
        // A stranger on another origin, and a twin frame of the Link origin: silent.
        const stranger = await extraFrame(page, 'stranger', { src: `${servers.attacker}/pages/link.html?stranger` });
        const twin = await extraFrame(page, 'twin', { src: `${servers.link}/pages/link.html?twin` });
        await page.evaluate(() => (window.warnings = []));
        await send(page, stranger, { type: 'brokerageAccountAccessToken', payload: {} }, { type: 'nonsense' }, null);
        await send(page, twin, { type: 'nonsense' }, null);
        assert.deepEqual(await page.evaluate(() => window.warnings), []);
        // The Link frame navigated to another origin: its messages are not delivered, and that is said once.
        await navigateFrame(page, frame, `${servers.attacker}/pages/link.html?navigated`);
        await send(page, frame, { type: 'integrationSelected', payload: { integrationType: 'x', integrationName: 'X' } }, { type: 'loaded' });
        const warnings = await page.evaluate(() => window.warnings);
        assert.equal(warnings.length, 1, warnings.join('\n'));
        assert.match(warnings[0], /not the Link origin/);
        assert.deepEqual(await page.evaluate(() => window.trace), []);
      } finally {
        await page.close();
      }
    });
  });
}

/** Whether the face of `api` delivers messages of `type` (its protocol types and its event keys). */
function known(api, type) {
  const protocol = ['brokerageAccountAccessToken', 'delayedAuthentication', 'transferFinished', 'loaded', ...(api.name === 'front' ? ['oauthLinkOpen'] : [])];
  return protocol.includes(type) || (api.name === 'front' ? FRONT_EVENT_TYPE_KEYS : LINK_EVENT_TYPE_KEYS).includes(type);
}
