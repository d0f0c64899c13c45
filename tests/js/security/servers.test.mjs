// The servers of the demo, the simulator, the Leptos example, the test pages
// and the test kit's Link UI stand-in answer a malformed request path
// (`GET /%`, a broken %-escape) with 400 and go on serving: one such request
// once ended the demo server (URIError).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { meshConfig, startDemo } from '../../../www/server.mjs';
import { startSimulator } from '../../../sim/server.mjs';
import { startLeptosExample } from '../../../examples/leptos/server.mjs';
import { startLinkUi } from '../../../pkg-template/testing/link-ui.js';
import { startServers } from '../support/harness.mjs';

/** `GET path` sent as written (fetch would normalize it); the status. */
const get = (origin, path) =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode);
    })
      .on('error', reject)
      .end();
  });

const servers = {};
before(async () => {
  servers.simulator = await startSimulator();
  const mesh = meshConfig({}, servers.simulator);
  servers.demo = await startDemo({ mesh, host: '127.0.0.1' });
  servers.leptos = await startLeptosExample({ mesh, host: '127.0.0.1' });
  const pages = await startServers();
  servers.pages = { origin: pages.host, close: pages.close };
  servers.linkUi = await startLinkUi();
});
after(() => Promise.all(Object.values(servers).map((s) => s.close())));

// The servers that %-decode paths say 400; the others never decode, and find nothing (404).
const expected = { demo: 400, pages: 400, simulator: 404, leptos: 404, linkUi: 404 };
for (const [name, status] of Object.entries(expected)) {
  test(`${name}: a malformed path is a ${status}, and the server goes on`, async () => {
    const { origin } = servers[name];
    for (const path of ['/%', '/%E0%A4%A', '/pkg/%zz', '/%%%']) assert.equal(await get(origin, path), status, path);
    const page = name === 'linkUi' ? '/link' : name === 'pages' ? '/pages/host.html' : name === 'simulator' ? '/link' : '/';
    assert.equal(await get(origin, page), 200, 'still serving');
  });
}
