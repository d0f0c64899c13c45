// front-link-wasm/testing/link-ui: the real package, in Chromium, opens a
// session on the stand-in Link UI that an app's browser test starts; the
// test scripts the Link frame through playwright's frame API and reads what
// the SDK posted to it. The block between the markers is what docs/testing.md
// shows an integrator.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, root, startServers } from '../support/harness.mjs';

const { startLinkUi } = await import(join(root, 'pkg', 'testing', 'link-ui.js'));
const { fixtures } = await import(join(root, 'pkg', 'testing', 'index.js'));
let servers;
let browser;
let linkUi;

before(async () => {
  servers = await startServers();
  browser = await launch();
  linkUi = await startLinkUi();
});
after(async () => {
  await linkUi?.close();
  await browser?.close();
  await servers?.close();
});

/** The host test page, with `window.sdk` (the real package) and a recorder of callbacks. */
async function appPage() {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${servers.host}/pages/host.html`);
  await page.waitForFunction(() => window.sdkReady === true);
  return page;
}

test('the real package opens the stand-in Link UI; the test plays it and reads what the SDK posted', async () => {
  const page = await appPage();
  await page.evaluate((token) => {
    window.link = window.sdk.createLink(window.recorder('', { accessTokens: [{ accountId: 'a', accountName: 'A', accessToken: 't', brokerType: 'robinhood', brokerName: 'R' }] }));
    window.link.openLink(token);
  }, linkUi.linkToken());

  // --- what docs/testing.md shows
  const frame = await new Promise((resolve) => {
    const found = () => page.frames().find((f) => linkUi.isLinkUi(f.url()));
    if (found()) return resolve(found());
    page.on('framenavigated', () => found() && resolve(found()));
  });
  await frame.waitForFunction(() => window.meshLinkStandIn !== undefined);
  await frame.evaluate((payload) => window.meshLinkStandIn.send({ type: 'loaded' }, { type: 'brokerageAccountAccessToken', payload }), fixtures.link.accessToken());
  // The SDK answers `loaded` with meshSDKSpecs and the app's access tokens.
  await frame.waitForFunction(() => window.meshLinkStandIn.received.length >= 2);
  const received = await frame.evaluate(() => window.meshLinkStandIn.received.map((m) => m.data.type));
  // ---

  await page.waitForFunction(() => window.trace.some((t) => t.name === 'onIntegrationConnected'));
  const trace = await page.evaluate(() => window.trace.map((t) => [t.name, t.args[0]?.type ?? Object.keys(t.args[0] ?? {})[0]]));
  assert.deepEqual(trace, [
    ['onEvent', 'pageLoaded'],
    ['onEvent', 'integrationConnected'],
    ['onIntegrationConnected', 'accessToken'],
  ]);
  assert.deepEqual(received, ['meshSDKSpecs', 'frontAccessTokens']);
  const origins = await frame.evaluate(() => [...new Set(window.meshLinkStandIn.received.map((m) => m.origin))]);
  assert.deepEqual(origins, [servers.host]);
  await page.context().close();
});

test('each token is a new session on the stand-in, and only its page is served', async () => {
  const [a, b] = [linkUi.linkToken(), linkUi.linkToken()];
  assert.notEqual(a, b);
  assert.match(Buffer.from(a, 'base64').toString(), new RegExp(`^${linkUi.origin}/link\\?session=\\d+$`));
  assert.equal((await fetch(`${linkUi.origin}/link?session=1`)).status, 200);
  assert.equal((await fetch(`${linkUi.origin}/elsewhere`)).status, 404);
  assert.ok(linkUi.isLinkUi(`${linkUi.origin}/link?session=2`));
  assert.ok(!linkUi.isLinkUi(`${servers.host}/link`));
});
