// The local Mesh simulator's API (SPEC §8), over real HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../../sim/server.mjs';

let sim;
before(async () => {
  sim = await startSimulator({ clientId: 'cid', clientSecret: 'secret', linkTokenTtlMs: 300 });
});
after(() => sim?.close());

async function call(path, body, headers = { 'x-client-id': 'cid', 'x-client-secret': 'secret' }) {
  const response = await fetch(sim.origin + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return [response.status, await response.json()];
}

const isMeshError = (body) => typeof body.status === 'string' && typeof body.message === 'string' && typeof body.errorType === 'string';

test('linktoken checks the client id and secret, with Mesh’s error shape', async () => {
  for (const headers of [{}, { 'x-client-id': 'cid' }, { 'x-client-id': 'cid', 'x-client-secret': 'nope' }, { 'x-client-id': 'x', 'x-client-secret': 'secret' }]) {
    const [status, body] = await call('/api/v1/linktoken', { userId: 'u1' }, headers);
    assert.equal(status, 401);
    assert.ok(isMeshError(body), JSON.stringify(body));
  }
});

test('linktoken validates userId, brokerType and transferOptions', async () => {
  for (const [body, message] of [
    [{}, /UserId is required/],
    [{ userId: '' }, /UserId is required/],
    [{ userId: 'x'.repeat(51) }, /at most 50/],
    [{ userId: 'u', brokerType: 'nope' }, /Unknown broker type/],
    [{ userId: 'u', transferOptions: 'x' }, /transferOptions/],
  ]) {
    const [status, out] = await call('/api/v1/linktoken', body);
    assert.equal(status, 400);
    assert.ok(isMeshError(out));
    assert.match(out.message, message);
  }
  const [status, out] = await call('/api/v1/linktoken', { userId: 'x'.repeat(50), brokerType: 'robinhood', integrationId: 'robinhood', transferOptions: { toAddresses: [] } });
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(out), ['content', 'status', 'message']);
  assert.equal(out.status, 'ok');
  const url = new URL(Buffer.from(out.content.linkToken, 'base64').toString());
  assert.equal(url.origin, sim.origin);
  assert.equal(url.pathname, '/link/');
});

async function newSession(body = { userId: 'u1' }) {
  const [, out] = await call('/api/v1/linktoken', body);
  return new URL(Buffer.from(out.content.linkToken, 'base64').toString()).searchParams.get('session');
}

test('link tokens open once and expire', async () => {
  const session = await newSession();
  const [first, config] = await call('/link/api/session', { session }, {});
  assert.equal(first, 200);
  assert.ok(config.catalog.length >= 3);
  const [again, reused] = await call('/link/api/session', { session }, {});
  assert.deepEqual([again, reused.errorMessage], [410, 'This link token has already been used. Request a new one.']);
  const late = await newSession();
  await new Promise((r) => setTimeout(r, 400));
  const [expired, body] = await call('/link/api/session', { session: late }, {});
  assert.deepEqual([expired, body.errorMessage], [410, 'This link token has expired. Request a new one.']);
});

test('holdings come back shaped like Mesh’s for tokens it issued; others are rejected', async () => {
  const session = await newSession();
  await call('/link/api/session', { session }, {});
  const [, connected] = await call('/link/api/connect', { session, integrationId: 'robinhood', accountIds: ['5FUVPB0'], username: 'a', password: 'b', mfaCode: '123456' }, {});
  const token = connected.accessToken.accountTokens[0].accessToken;
  const [status, out] = await call('/api/v1/holdings/get', { authToken: token, type: 'robinhood' });
  assert.equal(status, 200);
  assert.equal(out.status, 'ok');
  for (const key of ['equityPositions', 'cryptocurrencyPositions', 'notSupportedEquityPositions', 'notSupportedCryptocurrencyPositions', 'nftPositions', 'optionPositions']) {
    assert.ok(Array.isArray(out.content[key]), key);
  }
  assert.deepEqual([out.content.type, out.content.accountId, out.content.institutionName, out.content.accountName], ['robinhood', '5FUVPB0', 'Robinhood', 'Margin account']);
  for (const body of [
    { authToken: 'made-up', type: 'robinhood' },
    { authToken: token, type: 'coinbase' },
  ]) {
    const [bad, err] = await call('/api/v1/holdings/get', body);
    assert.equal(bad, 400);
    assert.ok(isMeshError(err));
  }
  const [unauthorized] = await call('/api/v1/holdings/get', { authToken: token }, {});
  assert.equal(unauthorized, 401);
});

test('a browser wallet: an access token for a signed message naming its address and the session', async () => {
  const session = await newSession();
  const [, config] = await call('/link/api/session', { session }, {});
  assert.deepEqual(
    config.catalog.filter((i) => i.wallet).map((i) => [i.id, i.type]),
    [['browser-wallet', 'deFiWallet']],
  );
  const [refused] = await call('/link/api/connect', { session, integrationId: 'browser-wallet', accountIds: [], username: 'a', password: 'b' }, {});
  assert.equal(refused, 400, 'a wallet has no credentials flow');
  const address = '0x00000000000000000000000000000000000000aB';
  const good = { session, address, walletName: 'Some Wallet', message: `Address: ${address}\nSession: ${session}`, signature: `0x${'12'.repeat(65)}` };
  for (const bad of [{ address: '0x12' }, { walletName: '' }, { message: `Address: ${address}` }, { message: `Session: ${session}` }, { signature: '0x1234' }, { session: 'nope' }]) {
    const [status, out] = await call('/link/api/wallet', { ...good, ...bad }, {});
    assert.ok(status === 400 || status === 403, JSON.stringify(bad));
    assert.equal(typeof out.errorMessage, 'string');
  }
  const [status, out] = await call('/link/api/wallet', good, {});
  assert.equal(status, 200);
  assert.equal(out.isVerified, false, 'the simulator checks the signature’s form only');
  const p = out.accessToken;
  assert.deepEqual([p.brokerType, p.brokerName, p.accountTokens.length, p.accountTokens[0].account.accountId, p.brokerBrandInfo.brokerLogo], ['deFiWallet', 'Some Wallet', 1, address, '']);
  const [held, holdings] = await call('/api/v1/holdings/get', { authToken: p.accountTokens[0].accessToken, type: 'deFiWallet' });
  assert.equal(held, 200);
  assert.deepEqual([holdings.content.accountId, holdings.content.institutionName, holdings.content.cryptocurrencyPositions.map((x) => x.symbol)], [address, 'Some Wallet', ['ETH', 'USDC']]);
});

test('the Link UI’s comlink (the devDependency’s ESM build) is served to it', async () => {
  const response = await fetch(`${sim.origin}/link/vendor/comlink.mjs`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/javascript');
  assert.match(await response.text(), /export \{[^}]*\bwindowEndpoint\b[^}]*\bwrap\b/);
  assert.equal((await fetch(`${sim.origin}/link/vendor/other.mjs`)).status, 404);
});
