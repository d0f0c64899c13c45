// The wallet bridge lives exactly as long as its session (SPEC §11
// point 3): after many sessions with the bridge on, no listener, timer,
// wallet subscription, port, DOM node or wasm memory is left behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { frameAt, hostPage, startBrowser, stopBrowser, tokenFor, windowListeners } from '../support/harness.mjs';

let servers;
let browser;
before(async () => ({ servers, browser } = await startBrowser()));
after(() => stopBrowser({ servers, browser }));

/** An EIP-6963 wallet that counts its listeners, and counters of timers and ports. */
function instrument() {
  const live = { timers: new Set(), channels: 0, closed: 0, listeners: 0 };
  const { setTimeout: set, clearTimeout: clear } = window;
  window.setTimeout = (f, ms, ...rest) => {
    const id = set(() => {
      live.timers.delete(id);
      typeof f === 'function' && f(...rest);
    }, ms);
    live.timers.add(id);
    return id;
  };
  window.clearTimeout = (id) => {
    live.timers.delete(id);
    clear(id);
  };
  const Channel = window.MessageChannel;
  window.MessageChannel = class extends Channel {
    constructor() {
      super();
      live.channels++;
    }
  };
  const close = MessagePort.prototype.close;
  MessagePort.prototype.close = function () {
    live.closed++;
    return close.call(this);
  };
  const handlers = new Map();
  const provider = {
    request: async () => ['0xabc'],
    on(event, f) {
      live.listeners++;
      handlers.set(f, event);
    },
    removeListener(event, f) {
      if (handlers.delete(f)) live.listeners--;
    },
    emit(event, value) {
      for (const [f, e] of handlers) if (e === event) f(value);
    },
  };
  const info = { uuid: 'counting-wallet', name: 'Counting Wallet', icon: 'data:,', rdns: 'dev.test.counting' };
  addEventListener('eip6963:requestProvider', () => dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: { info, provider } })));
  window.live = live;
  window.provider = provider;
}

const state = async (page) => ({
  ...(await page.evaluate(async () => ({
    nodes: document.getElementsByTagName('*').length,
    timers: window.live.timers.size,
    walletListeners: window.live.listeners,
    memory: (await import('/pkg/loader.js')).wasmMemory(),
  }))),
  message: await windowListeners(page, 'message'),
  announce: await windowListeners(page, 'eip6963:announceProvider'),
});

test('1,000 sessions with the bridge on: no listener, timer, DOM node or wasm memory left', async () => {
  const page = await hostPage(browser, servers);
  await page.evaluate(instrument);
  const token = tokenFor(`${servers.link}/pages/link.html?cycle`);
  const cycle = (n) =>
    page.evaluate(
      async ({ n, token }) => {
        const link = window.sdk.createLink({ onIntegrationConnected() {} });
        for (let i = 0; i < n; i++) {
          await link.openLink(token);
          link.closeLink();
        }
      },
      { n, token },
    );
  await cycle(10); // the wasm and the stylesheet are in
  const before = await state(page);
  await cycle(1000);
  assert.deepEqual(await state(page), before);
  assert.equal(before.timers, 0, 'every discovery timer was cleared');
});

test('sessions whose Link UI subscribed and opened endpoints leave no subscription or port', async () => {
  const page = await hostPage(browser, servers);
  await page.evaluate(instrument);
  await page.evaluate(() => (window.link = window.sdk.createLink({ onIntegrationConnected() {} })));
  // createLink loads the wasm, then rehearses a first open on a timer
  // (pkg-template/index.js), which adopts the overlay's stylesheet: the
  // baseline is taken once that has happened.
  await page.waitForFunction(() => document.adoptedStyleSheets.length > 0 && window.live.timers.size === 0);
  const before = await state(page);
  for (let i = 0; i < 5; i++) {
    const url = `${servers.link}/pages/link.html?subscriber=${i}`;
    await page.evaluate((token) => window.link.openLink(token), tokenFor(url));
    const frame = await frameAt(page, url);
    // The child, by hand: a callback proxy, a subscription, an ENDPOINT.
    await frame.evaluate(() => {
      window.heard = [];
      const callback = new MessageChannel();
      callback.port1.onmessage = (e) => window.heard.push(e.data);
      const subscribe = { type: 'APPLY', path: ['subscribeEip6963ProviderEvent'] };
      const args = [
        { type: 'RAW', value: 'counting-wallet' },
        { type: 'RAW', value: 'accountsChanged' },
        { type: 'HANDLER', name: 'proxy', value: callback.port2 },
      ];
      window.replies = [];
      addEventListener('message', (e) => e.data?.id && window.replies.push(e.data));
      parent.postMessage({ id: 'sub', ...subscribe, argumentList: args }, '*', [callback.port2]);
      parent.postMessage({ id: 'end', type: 'ENDPOINT' }, '*');
    });
    await frame.waitForFunction(() => window.replies.length === 2);
    const kinds = await frame.evaluate(() => window.replies.map((r) => [r.id, r.type, r.name ?? null]).sort());
    assert.deepEqual(kinds, [
      ['end', 'RAW', null],
      ['sub', 'HANDLER', 'proxy'],
    ]);
    await page.evaluate(() => window.provider.emit('accountsChanged', ['0xdef']));
    await frame.waitForFunction(() => window.heard.length === 1);
    assert.deepEqual(await frame.evaluate(() => window.heard[0].argumentList), [{ type: 'RAW', value: ['0xdef'] }]);
    assert.equal(await page.evaluate(() => window.live.listeners), 1);
    await page.evaluate(() => window.link.closeLink());
  }
  const after = await state(page);
  assert.deepEqual({ ...after, memory: 0 }, { ...before, memory: 0 });
  assert.equal(after.walletListeners, 0, 'every wallet subscription was removed');
  const ports = await page.evaluate(() => window.live);
  // Each session: a channel for the ENDPOINT and one for the teardown proxy,
  // whose bridge-side ports are closed; plus the child's callback ports.
  assert.equal(ports.channels, 10);
  assert.ok(ports.closed >= 15, `closed ${ports.closed} ports`);
});

/** The bridge modules the page has fetched, by file name (chunk.js and reply.js are the glue's own). */
const bridgeModules = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name.match(/\/src\/web\/bridge\/([\w-]+\.js)$/)?.[1])
      .filter((name) => name && name !== 'chunk.js' && name !== 'reply.js')
      .sort(),
  );

test("the bridge's JavaScript is fetched when the Link UI first opens the wallet channel; what it sent meanwhile is answered in order", async () => {
  const page = await hostPage(browser, servers);
  await page.evaluate(instrument);
  await page.evaluate(() => {
    window.asked = 0;
    addEventListener('eip6963:requestProvider', () => window.asked++);
  });
  const url = `${servers.link}/pages/link.html?wallets`;
  await page.evaluate((token) => (window.link = window.sdk.createLink({ onIntegrationConnected() {} })).openLink(token), tokenFor(url));
  const frame = await frameAt(page, url);
  // A session whose Link UI has not asked for a wallet: none of it, and no wallet asked.
  await frame.evaluate(() => parent.postMessage({ type: 'loaded' }, '*'));
  await page.waitForTimeout(400);
  assert.deepEqual(await bridgeModules(page), []);
  assert.equal(await page.evaluate(() => window.asked), 0, 'no wallet was asked');
  await frame.evaluate(() => {
    window.replies = [];
    addEventListener('message', (e) => e.data?.id && window.replies.push(e.data));
    // Three requests at once, the first of them fetching the chunk.
    for (const [id, path] of [
      ['a', ['parentOrigin']],
      ['b', ['eip6963WalletsReady']],
      ['c', ['eip6963Wallets', 'length']],
    ])
      parent.postMessage({ id, type: 'GET', path }, '*');
  });
  await frame.waitForFunction(() => window.replies.length === 3);
  const replies = await frame.evaluate(() => window.replies.map((r) => [r.id, r.type, r.value]));
  // Discovery's window counts from the open (over by now): the list is complete.
  assert.deepEqual(replies, [
    ['a', 'RAW', servers.host],
    ['b', 'RAW', true],
    ['c', 'RAW', 1],
  ]);
  const fetched = await bridgeModules(page);
  for (const name of ['families.js', 'comlink.js', 'eip6963.js', 'solana.js']) assert.ok(fetched.includes(name), `${name} fetched: ${fetched}`);
  assert.equal(await page.evaluate(() => window.asked), 1, 'the wallets were asked once');
  await page.evaluate(() => window.link.closeLink());
});
