// Northwind Wallet, the demo integration of front-link-wasm: the same code an
// app using @meshconnect/web-link-sdk 3.13 or @front-finance/link 1.1.9 would
// have, but for the import path.
import { createFrontConnection, createLink } from '/pkg/index.js';
import { installDemoWallet } from '/www/demo-wallet.js';

// The two faces of the SDK, chosen with ?api=link|front (the switch on the
// page). Only the create function and the name of the connected callback
// differ; every flow below is shared. The default is createLink: it is what
// integrators use today. createLink always serves the wallet bridge (the Link
// UI's way to the browser's wallets); createFrontConnection does on request.
const APIS = {
  link: { create: createLink, connected: 'onIntegrationConnected', options: {} },
  front: { create: createFrontConnection, connected: 'onBrokerConnected', options: { walletBridge: true } },
};
const apiName = new URLSearchParams(location.search).get('api') === 'front' ? 'front' : 'link';
const api = APIS[apiName];

const $ = (id) => document.getElementById(id);
const accounts = []; // { brokerName, brokerType, accountId, accountName, accessToken, cash, holdings?, pending? }
let lastToken = null;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// --- what the user sees ---------------------------------------------------

function notice(text, kind = 'ok') {
  const box = $('notice');
  box.textContent = text;
  box.className = kind === 'error' ? 'notice error' : 'notice';
  box.hidden = false;
}

function log(what, payload, bad = false) {
  const item = el('li', {}, el('span', { className: bad ? 'what bad' : 'what', textContent: what }), el('span', { className: 'when', textContent: new Date().toLocaleTimeString() }));
  if (payload !== undefined) item.append(el('pre', { textContent: JSON.stringify(payload, null, 2) }));
  $('log').prepend(item);
}

const usd = (n) => (typeof n === 'number' ? n.toLocaleString('en-US', { style: 'currency', currency: 'USD' }) : '—');

function renderAccounts() {
  $('no-accounts').hidden = accounts.length > 0;
  $('transfer').disabled = !accounts.some((a) => a.accessToken);
  $('accounts').replaceChildren(
    ...accounts.map((a) => {
      const header = el(
        'header',
        {},
        el('span', { className: 'logo', textContent: a.brokerName.slice(0, 1) }),
        el(
          'div',
          {},
          el('div', { className: 'name', textContent: `${a.brokerName} · ${a.accountName}` }),
          el('div', { className: 'sub', textContent: a.pending ? 'Connection pending: the institution confirms later' : `Account ${a.accountId}` }),
        ),
        el('div', { className: 'cash' }, el('div', { className: 'sub', textContent: 'Cash' }), el('div', { textContent: usd(a.cash) })),
      );
      const box = el('article', { className: 'account' }, header);
      box.dataset.account = a.accountId;
      if (a.holdingsError) box.append(el('p', { className: 'notice error', textContent: a.holdingsError }));
      if (a.holdings) box.append(holdingsTable(a.holdings));
      else if (!a.pending && !a.holdingsError) box.append(el('p', { className: 'muted', textContent: 'Loading holdings…' }));
      return box;
    }),
  );
}

function holdingsTable(h) {
  const rows = [
    ...h.equityPositions.map((p) => ['Stock', p]),
    ...h.cryptocurrencyPositions.map((p) => ['Crypto', p]),
    ...h.notSupportedEquityPositions.map((p) => ['Not supported', p]),
    ...h.notSupportedCryptocurrencyPositions.map((p) => ['Not supported', p]),
    ...(h.nftPositions ?? []).map((p) => ['NFT', p]),
    ...(h.optionPositions ?? []).map((p) => ['Option', p]),
  ];
  if (rows.length === 0) return el('p', { className: 'muted', textContent: 'No holdings.' });
  const head = el('tr', {}, ...['Symbol', 'Kind', 'Amount', 'Cost basis'].map((t, i) => el('th', { textContent: t, className: i > 1 ? 'num' : '' })));
  const body = rows.map(([kind, p]) =>
    el(
      'tr',
      {},
      el('td', { textContent: p.symbol }),
      el('td', {}, el('span', { className: 'tag', textContent: kind })),
      el('td', { className: 'num', textContent: String(p.amount) }),
      el('td', { className: 'num', textContent: p.costBasis === undefined ? '—' : usd(p.costBasis) }),
    ),
  );
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...body));
}

// --- talking to our server (which talks to Mesh) --------------------------

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({ message: `HTTP ${response.status}` }));
  if (!response.ok || json.status !== 'ok') throw new Error(json.displayMessage && json.message ? `${json.message}` : json.message || `HTTP ${response.status}`);
  return json.content;
}

async function loadHoldings(account) {
  try {
    account.holdings = await post('/api/holdings', { accessToken: account.accessToken, brokerType: account.brokerType });
  } catch (error) {
    account.holdingsError = `Could not load holdings: ${error.message}`;
    log('holdings error', { message: error.message }, true);
  }
  renderAccounts();
}

// --- the Link SDK ------------------------------------------------------------

// Mesh's hosted Link UI, the only origin createLink prewarms (a hidden iframe
// made by createLink unless window.meshLinkShouldSkipPrewarm is true).
const MESH_LINK_ORIGIN = 'https://web.meshconnect.com';

const callbacks = {
  clientId: 'northwind-demo',
  ...api.options,
  [api.connected](payload) {
    log(api.connected, payload);
    if (payload.accessToken) {
      const p = payload.accessToken;
      for (const t of p.accountTokens) {
        const existing = accounts.findIndex((a) => a.accountId === t.account.accountId && a.brokerType === p.brokerType);
        const account = { brokerName: p.brokerName, brokerType: p.brokerType, accountId: t.account.accountId, accountName: t.account.accountName, accessToken: t.accessToken, cash: t.account.cash };
        if (existing >= 0) accounts.splice(existing, 1, account);
        else accounts.push(account);
        loadHoldings(account);
      }
      notice(`${p.brokerName} connected: ${p.accountTokens.map((t) => t.account.accountName).join(', ')}.`);
    } else if (payload.delayedAuth) {
      const d = payload.delayedAuth;
      accounts.push({ brokerName: d.brokerName, brokerType: d.brokerType, accountId: '—', accountName: 'Pending account', pending: true });
      notice(`${d.brokerName} will confirm the connection later.`);
    }
    renderAccounts();
  },
  onTransferFinished(payload) {
    log('onTransferFinished', payload, payload.status !== 'success');
    if (payload.status === 'success') notice(`Transfer sent: ${payload.amount} ${payload.symbol} (transaction ${payload.txId}).`);
    else notice(`Transfer failed: ${payload.errorMessage}`, 'error');
  },
  onEvent(event) {
    log(`onEvent · ${event.type}`, event.payload);
  },
  onExit(error, summary) {
    log('onExit', { error, summary }, Boolean(error));
    if (error) notice(`Mesh Link closed: ${error}`, 'error');
  },
};

// The server says where Mesh is before any Link object exists: createLink
// decides about prewarming when it is created.
const config = await fetch('/api/config', { method: 'POST' })
  .then((r) => r.json())
  .catch(() => ({ mode: 'offline' }));

// Prewarm: createLink adds a hidden iframe to https://web.meshconnect.com/prewarm
// so that Mesh's assets are cached before the first click. That helps only
// when the Link UI really is on that host (real Mesh mode, MESH_CLIENT_ID
// set). On the local simulator the Link UI is on another origin, the request
// would be useless, and this demo must never make the browser contact a
// public host (the page's CSP frame-src would refuse it anyway): opt out.
window.meshLinkShouldSkipPrewarm = config.linkOrigin !== MESH_LINK_ORIGIN;

// The demo wallet (EIP-6963, www/demo-wallet.js) makes the Link UI's
// "Browser wallet" path work offline, next to any real wallet extension.
// Against the real Mesh it stays out: its signatures are fake.
if (config.mode === 'simulator') {
  installDemoWallet({ log: (what, payload, bad) => log(`Demo Wallet · ${what}`, payload, bad) });
  $('demo-wallet-note').hidden = false;
}

const connectLink = api.create(callbacks);
const transferLink = api.create({
  ...callbacks,
  // Read when the Link UI loads: the accounts connected so far can fund the transfer.
  get accessTokens() {
    return accounts.filter((a) => a.accessToken).map(({ accountId, accountName, accessToken, brokerType, brokerName }) => ({ accountId, accountName, accessToken, brokerType, brokerName }));
  },
});

async function open(link, transfer) {
  $('notice').hidden = true;
  try {
    const { linkToken } = await post('/api/linktoken', { transfer });
    lastToken = { link, linkToken };
    $('reuse').disabled = false;
    log(transfer ? 'link token for a transfer' : 'link token', { linkToken: `${linkToken.slice(0, 24)}…` });
    await link.openLink(linkToken);
  } catch (error) {
    log('link token error', { message: error.message }, true);
    notice(`Could not start Mesh Link: ${error.message}`, 'error');
  }
}

$('connect').addEventListener('click', () => open(connectLink, false));
$('transfer').addEventListener('click', () => open(transferLink, true));
$('reuse').addEventListener('click', () => lastToken?.link.openLink(lastToken.linkToken));
$('clear-log').addEventListener('click', () => $('log').replaceChildren());
addEventListener('unhandledrejection', (e) => notice(`Unexpected error: ${e.reason?.message ?? e.reason}`, 'error'));

$(`api-${apiName}`).setAttribute('aria-current', 'page');
$('mode').textContent = { mesh: 'Mesh API', simulator: 'Local Mesh simulator' }[config.mode] ?? 'offline';
$('connect').disabled = false;
renderAccounts();
