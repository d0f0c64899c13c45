// A local simulator of Mesh: the link-token and holdings API, and the hosted
// Link UI (sim/link/) that speaks the real postMessage protocol. State is in
// memory; everything runs offline.
import { createServer } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { badRequest, requestPath } from '../scripts/serve.mjs';
import { assets, browserWallet, findIntegration, integrations } from './data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const LINK_CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors http://localhost:* http://127.0.0.1:*";
/**
 * Files of npm packages the Link UI loads, by URL: the real comlink 4.4.2
 * (devDependency), whose `wrap(windowEndpoint(parent))` is how the hosted
 * Link UI talks to the SDK's wallet bridge in the host page.
 */
const vendor = {
  '/link/vendor/comlink.mjs': [join(here, '..', 'node_modules', 'comlink', 'dist', 'esm', 'comlink.mjs'), 'text/javascript'],
  '/link/vendor/comlink.mjs.map': [join(here, '..', 'node_modules', 'comlink', 'dist', 'esm', 'comlink.mjs.map'), 'application/json'],
};
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;

export const DEMO_CLIENT_ID = 'demo-client-id';
export const DEMO_CLIENT_SECRET = 'demo-client-secret';

/** Mesh's error body. */
const meshError = (status, message, errorType, displayMessage = 'Something went wrong') => ({ status, message, displayMessage, errorType });

/**
 * Starts the simulator. `linkTokenTtlMs`: how long a link token may be
 * opened (Mesh: 10 minutes); each opens once.
 */
export async function startSimulator({ port = 0, host = '127.0.0.1', clientId = DEMO_CLIENT_ID, clientSecret = DEMO_CLIENT_SECRET, linkTokenTtlMs = 10 * 60 * 1000 } = {}) {
  const sessions = new Map(); // link session id -> request and state
  const accessTokens = new Map(); // access token -> { integration, account }
  let origin = '';

  const authorized = (req) => req.headers['x-client-id'] === clientId && req.headers['x-client-secret'] === clientSecret;

  function linkToken(body) {
    const { userId, brokerType, integrationId, restrictMultipleAccounts, transferOptions } = body;
    if (typeof userId !== 'string' || userId.trim() === '') return [400, meshError('badRequest', 'UserId is required', 'invalidUserId')];
    if (userId.length > 50) return [400, meshError('badRequest', 'UserId must be at most 50 characters long', 'invalidUserId')];
    const preselected = brokerType ?? integrationId;
    if (preselected !== undefined && !findIntegration(preselected)) return [400, meshError('badRequest', `Unknown broker type or integration: ${preselected}`, 'invalidBrokerType')];
    if (transferOptions !== undefined && (typeof transferOptions !== 'object' || transferOptions === null)) {
      return [400, meshError('badRequest', 'transferOptions must be an object', 'invalidTransferOptions')];
    }
    const id = randomUUID();
    sessions.set(id, { userId, preselected, restrictMultipleAccounts: restrictMultipleAccounts === true, transferOptions, createdAt: Date.now(), opened: false });
    const url = `${origin}/link/?session=${id}`;
    return [200, { content: { linkToken: Buffer.from(url).toString('base64') }, status: 'ok', message: '' }];
  }

  function holdings(body) {
    const held = accessTokens.get(body?.authToken);
    if (!held || (body.type !== undefined && body.type !== held.integration.type)) {
      return [400, meshError('badRequest', 'Invalid authToken or type', 'invalidAuthToken', 'Please reconnect the account')];
    }
    const { integration, account } = held;
    const h = integration.holdings;
    const content = {
      status: 'succeeded',
      equityPositions: h.equityPositions ?? [],
      notSupportedEquityPositions: h.notSupportedEquityPositions ?? [],
      cryptocurrencyPositions: h.cryptocurrencyPositions ?? [],
      notSupportedCryptocurrencyPositions: h.notSupportedCryptocurrencyPositions ?? [],
      nftPositions: h.nftPositions ?? [],
      optionPositions: h.optionPositions ?? [],
      type: integration.type,
      accountId: account.accountId,
      institutionName: integration.name,
      accountName: account.accountName,
    };
    return [200, { content, status: 'ok', message: '' }];
  }

  // --- endpoints of the Link UI page itself (same origin as the page) -----

  function openSession(body) {
    const session = sessions.get(body?.session);
    if (!session) return [404, { errorMessage: 'This link is not valid.' }];
    if (session.opened) return [410, { errorMessage: 'This link token has already been used. Request a new one.' }];
    if (Date.now() - session.createdAt > linkTokenTtlMs) return [410, { errorMessage: 'This link token has expired. Request a new one.' }];
    session.opened = true;
    const catalog = integrations.map(({ id, name, type, kind, color, mfa, delayed, wallet, accounts }) => ({
      id,
      name,
      type,
      kind,
      color,
      mfa: !!mfa,
      delayed: !!delayed,
      wallet: !!wallet,
      accounts,
    }));
    return [200, { catalog, assets, preselected: session.preselected, restrictMultipleAccounts: session.restrictMultipleAccounts, transferOptions: session.transferOptions ?? null }];
  }

  function connect(body) {
    const session = sessions.get(body?.session);
    if (!session?.opened) return [403, { errorMessage: 'Session is not open.' }];
    const integration = findIntegration(body.integrationId);
    if (!integration) return [400, { errorMessage: 'Unknown integration.' }];
    if (integration.wallet) return [400, { errorMessage: 'Wallets connect with a signed message (/link/api/wallet).' }];
    if (body.password === 'wrong') return [401, { errorMessage: 'Invalid credentials' }];
    if (integration.mfa && !/^\d{6}$/.test(body.mfaCode ?? '')) return [401, { errorMessage: 'Invalid verification code' }];
    const brokerBrandInfo = { brokerLogo: '', brokerPrimaryColor: integration.color };
    if (integration.delayed) {
      return [
        200,
        {
          delayedAuth: {
            refreshTokenExpiresInSeconds: 2592000,
            brokerType: integration.type,
            refreshToken: `rt-${integration.id}-${randomBytes(6).toString('hex')}`,
            brokerName: integration.name,
            brokerBrandInfo,
          },
        },
      ];
    }
    const chosen = integration.accounts.filter((a) => (body.accountIds ?? []).includes(a.accountId));
    if (chosen.length === 0) return [400, { errorMessage: 'Choose at least one account.' }];
    const accountTokens = chosen.map((account) => {
      const accessToken = `at-${integration.id}-${account.accountId}-${randomBytes(8).toString('hex')}`;
      accessTokens.set(accessToken, { integration, account });
      return { account: { ...account, isReconnected: false, frontAccountId: randomUUID() }, accessToken, refreshToken: `rt-${randomBytes(8).toString('hex')}` };
    });
    return [200, { accessToken: { accountTokens, brokerBrandInfo, expiresInSeconds: 600, refreshTokenExpiresInSeconds: 7776000, brokerType: integration.type, brokerName: integration.name } }];
  }

  /**
   * A browser wallet the Link UI reached through the SDK's wallet bridge:
   * `{address, walletName, message, signature}` after `personal_sign`. The
   * message must name the address and this session. The signature is checked
   * for its form only (65 bytes): recovering the signer needs secp256k1 and
   * keccak-256, which Node's crypto lacks, so the answer says `isVerified:
   * false`. The access token is one account whose id is the address.
   */
  function wallet(body) {
    const session = sessions.get(body?.session);
    if (!session?.opened) return [403, { errorMessage: 'Session is not open.' }];
    const { address, walletName, message, signature } = body;
    if (typeof address !== 'string' || !ADDRESS.test(address)) return [400, { errorMessage: 'The wallet gave no valid address.' }];
    if (typeof walletName !== 'string' || walletName.trim() === '' || walletName.length > 100) return [400, { errorMessage: 'The wallet has no name.' }];
    if (typeof message !== 'string' || !message.toLowerCase().includes(address.toLowerCase()) || !message.includes(body.session))
      return [400, { errorMessage: 'The signed message is not the one this session asked for.' }];
    if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return [400, { errorMessage: 'The wallet returned no valid signature.' }];
    const integration = { ...browserWallet, name: walletName.trim() };
    const account = { accountId: address, accountName: `${address.slice(0, 6)}…${address.slice(-4)}` };
    const accessToken = `at-wallet-${address.slice(2, 10).toLowerCase()}-${randomBytes(8).toString('hex')}`;
    accessTokens.set(accessToken, { integration, account });
    const brokerBrandInfo = { brokerLogo: '', brokerPrimaryColor: browserWallet.color };
    return [
      200,
      {
        isVerified: false,
        accessToken: {
          accountTokens: [{ account: { ...account, isReconnected: false, frontAccountId: randomUUID() }, accessToken, refreshToken: `rt-${randomBytes(8).toString('hex')}` }],
          brokerBrandInfo,
          expiresInSeconds: 600,
          refreshTokenExpiresInSeconds: 7776000,
          brokerType: browserWallet.type,
          brokerName: integration.name,
        },
      },
    ];
  }

  function transfer(body) {
    const session = sessions.get(body?.session);
    if (!session?.opened) return [403, { errorMessage: 'Session is not open.' }];
    const from = accessTokens.get(body.fromAuthToken);
    const asset = assets.find((a) => a.symbol === body.symbol);
    const network = asset?.networks.find((n) => n.id === body.networkId);
    if (!from || !asset || !network || typeof body.toAddress !== 'string') return [400, { status: 'error', errorMessage: 'Invalid transfer request' }];
    const held = (from.integration.holdings.cryptocurrencyPositions ?? []).find((p) => p.symbol === asset.symbol)?.amount ?? 0;
    const amount = Number(body.amount);
    if (!(amount > 0)) return [200, { status: 'error', errorMessage: 'Enter an amount above zero' }];
    if (amount + network.fee > held) return [200, { status: 'error', errorMessage: 'Insufficient balance for amount and network fee' }];
    return [
      200,
      {
        status: 'success',
        txId: `tx-${randomBytes(8).toString('hex')}`,
        fromAddress: `0x${randomBytes(20).toString('hex')}`,
        toAddress: body.toAddress,
        symbol: asset.symbol,
        amount,
        networkId: network.id,
      },
    ];
  }

  const api = {
    'POST /api/v1/linktoken': (req, body) => (authorized(req) ? linkToken(body) : [401, meshError('unauthorized', 'Invalid X-Client-Id or X-Client-Secret', 'invalidClientCredentials')]),
    'POST /api/v1/holdings/get': (req, body) => (authorized(req) ? holdings(body) : [401, meshError('unauthorized', 'Invalid X-Client-Id or X-Client-Secret', 'invalidClientCredentials')]),
    'POST /link/api/session': (req, body) => openSession(body),
    'POST /link/api/connect': (req, body) => connect(body),
    'POST /link/api/wallet': (req, body) => wallet(body),
    'POST /link/api/transfer': (req, body) => transfer(body),
  };

  const server = createServer(async (req, res) => {
    const path = requestPath(req, { decode: false });
    if (path === null) return badRequest(res);
    const handler = api[`${req.method} ${path}`];
    if (handler) {
      let body;
      try {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return send(res, 400, meshError('badRequest', 'Body is not JSON', 'invalidRequest'));
      }
      const [status, out] = handler(req, body);
      return send(res, status, out);
    }
    if (req.method === 'GET' && Object.hasOwn(vendor, path) && existsSync(vendor[path][0])) {
      res.writeHead(200, { 'content-type': vendor[path][1], 'cache-control': 'no-store', 'content-security-policy': LINK_CSP, 'x-content-type-options': 'nosniff' });
      return res.end(readFileSync(vendor[path][0]));
    }
    const file = path === '/link/' || path === '/link' ? 'index.html' : path.startsWith('/link/') ? path.slice('/link/'.length) : null;
    if (req.method === 'GET' && file && /^[a-z]+\.(html|js|css)$/.test(file)) {
      res.writeHead(200, { 'content-type': types[extname(file)], 'cache-control': 'no-store', 'content-security-policy': LINK_CSP });
      return res.end(readFileSync(join(here, 'link', file)));
    }
    send(res, 404, meshError('notFound', 'Not found', 'notFound'));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  origin = `http://${host}:${server.address().port}`;
  return { origin, clientId, clientSecret, server, close: () => new Promise((r) => server.close(r)), sessions };
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
