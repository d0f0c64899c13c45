// `npm start` itself (SPEC §8): the demo and the simulator on two origins,
// the URL printed, and a link token that points at the simulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from '../support/harness.mjs';

/** Whether nothing listens on `port` (of localhost and 127.0.0.1) right now. */
const free = (port) =>
  new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** A port whose next one is free too, below Linux's ephemeral range (32768+), where the other test servers' ports come from. */
async function portPair() {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if ((await free(port)) && (await free(port + 1))) return port;
  }
}

test('npm start serves the demo and the simulator on two origins and prints the URL', async () => {
  const port = await portPair();
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    env: { ...process.env, PORT: String(port), FRONT_LINK_PREBUILT: '1', MESH_CLIENT_ID: '', MESH_CLIENT_SECRET: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Demo: open')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${out}`)));
    });
    assert.match(out, new RegExp(`Demo: open http://localhost:${port}/`));
    assert.match(out, new RegExp(`local simulator at http://127\\.0\\.0\\.1:${port + 1}`));
    const page = await fetch(`http://localhost:${port}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy'), new RegExp(`frame-src http://127\\.0\\.0\\.1:${port + 1}`));
    assert.match(await page.text(), /Northwind Wallet/);
    const response = await fetch(`http://localhost:${port}/api/linktoken`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { content } = await response.json();
    const url = new URL(Buffer.from(content.linkToken, 'base64').toString());
    assert.equal(url.origin, `http://127.0.0.1:${port + 1}`);
    const link = await fetch(url);
    assert.match(await link.text(), /Mesh Link \(simulator\)/);
  } finally {
    child.kill();
  }
});
