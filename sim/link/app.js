// The simulated hosted Link UI. It walks catalog → credentials → MFA →
// account selection → connected, and a transfer flow (source, asset,
// network, amount, preview, execute), posting the real Link protocol
// messages to the host page (SPEC §3). Event payloads have the shapes of
// @meshconnect/web-link-sdk 3.13's event types: createLink checks them.
// "Browser wallet" reaches the host page's EIP-6963 wallets through the
// SDK's wallet bridge (SPEC §11) with the real comlink, as Mesh's Link UI
// does: list, connect, sign a message, then an access token for the wallet.

const screen = document.getElementById('screen');
const backButton = document.getElementById('back');
const sessionId = new URLSearchParams(location.search).get('session');

// Post only to the page that embeds us, never to '*'.
const hostOrigin = location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : null);
const post = (message) => hostOrigin && parent.postMessage(message, hostOrigin);

const state = {
  page: 'loadingPage',
  config: null,
  integration: null,
  credentials: null,
  hostTokens: [], // IntegrationAccessToken[] from frontAccessTokens
  connected: [], // IntegrationAccessToken-shaped, connected in this session
  transfer: null,
  history: [],
  wallets: null, // the page's EIP-6963 wallets, as listed through the bridge
  walletAttempt: null, // the wallet request under way; going back abandons it
};

addEventListener('message', (event) => {
  if (event.source !== parent || event.origin !== hostOrigin) return;
  const { type, payload } = event.data ?? {};
  if (type === 'frontAccessTokens' && Array.isArray(payload)) {
    state.hostTokens = payload;
    if (state.page === 'transferSourcePage') showSource();
  }
});

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = value;
    else if (value !== false && value !== undefined) el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

function render(page, ...content) {
  if (state.page !== page && !['loadingPage', 'executingPage'].includes(state.page)) state.history.push(state.render);
  state.page = page;
  state.render = () => render(page, ...content);
  backButton.hidden = state.history.length === 0 || ['integrationConnectedPage', 'transferSuccessPage', 'errorPage'].includes(page);
  screen.replaceChildren(...content);
  screen.querySelector('input, .item, .primary')?.focus();
}

function spinner(page) {
  state.page = page;
  screen.replaceChildren(h('div', { class: 'spinner', role: 'progressbar', 'aria-label': 'Loading' }));
}

const money = (n) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

function summary(extra = {}) {
  const s = { page: state.page };
  if (state.integration) s.selectedIntegration = { id: state.integration.id, name: state.integration.name };
  if (state.transfer?.preview) {
    const t = state.transfer;
    s.transfer = { previewId: t.preview.previewId, symbol: t.asset.symbol, amount: t.amount, amountInFiat: t.preview.amountInFiat, networkId: t.network.id, transactionId: t.result?.txId };
  }
  return { ...s, ...extra };
}

function close() {
  post({ type: 'close', payload: summary() });
}

function done() {
  post({ type: 'done', payload: summary() });
}

document.getElementById('close').addEventListener('click', close);
addEventListener('keydown', (e) => e.key === 'Escape' && close());
backButton.addEventListener('click', () => {
  state.walletAttempt = null; // a wallet request still under way is abandoned
  const previous = state.history.pop();
  if (previous) {
    const keep = state.history.length;
    previous();
    state.history.length = keep;
  }
});

async function api(path, body) {
  const response = await fetch(`/link/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session: sessionId, ...body }) });
  const json = await response.json();
  return { ok: response.ok, ...json };
}

function showError(message) {
  render(
    'errorPage',
    h('div', { class: 'done' }, h('div', { class: 'badge bad' }, '!'), h('h1', {}, 'Something went wrong'), h('p', { class: 'sub', id: 'error-message' }, message)),
    h('button', { class: 'primary', id: 'error-close', onClick: () => post({ type: 'close', payload: { page: 'errorPage', errorMessage: message } }) }, 'Close'),
  );
}

// --- connecting an account -------------------------------------------------

function showCatalog() {
  const list = h('div', { class: 'list' });
  const fill = (filter) =>
    list.replaceChildren(
      ...state.config.catalog
        .filter((i) => i.name.toLowerCase().includes(filter.toLowerCase()))
        .map((i) =>
          h(
            'button',
            { class: 'item', 'data-integration': i.id, onClick: () => select(i) },
            h('span', { class: 'logo', 'data-color': i.color }, i.name.slice(0, 1)),
            h('span', { class: 'meta' }, i.name, h('small', {}, i.kind)),
          ),
        ),
    );
  fill('');
  const search = h('input', { type: 'text', placeholder: 'Search', 'aria-label': 'Search integrations', onInput: (e) => fill(e.target.value) });
  render('catalogPage', h('h1', {}, 'Connect an account'), h('p', { class: 'sub' }, 'Choose your brokerage, exchange or wallet.'), search, list);
  paintLogos();
}

// Colours through CSSOM (the Link page has a strict CSP too).
function paintLogos() {
  screen.querySelectorAll('[data-color]').forEach((el) => (el.style.background = el.dataset.color));
}

function select(integration) {
  state.integration = integration;
  post({ type: 'integrationSelected', payload: { integrationType: integration.type, integrationName: integration.name } });
  if (integration.wallet) showWallets();
  else showCredentials();
}

function showCredentials(error) {
  const i = state.integration;
  const username = h('input', { type: 'text', id: 'username', autocomplete: 'username' });
  const password = h('input', { type: 'password', id: 'password', autocomplete: 'current-password' });
  const form = h(
    'form',
    {
      onSubmit: (e) => {
        e.preventDefault();
        if (!username.value || !password.value) return showCredentials('Enter your username and password.');
        state.credentials = { username: username.value, password: password.value };
        post({ type: 'credentialsEntered' });
        if (i.mfa) {
          post({ type: 'integrationMfaRequired' });
          showMfa();
        } else chooseAccounts();
      },
    },
    h('label', { for: 'username' }, `${i.name} username`),
    username,
    h('label', { for: 'password' }, 'Password'),
    password,
    h('p', { class: 'hint' }, 'Any credentials work; the password "wrong" fails.'),
    error && h('p', { class: 'error', role: 'alert' }, error),
    h('button', { class: 'primary', type: 'submit' }, 'Continue'),
  );
  render('credentialsPage', h('h1', {}, `Log in to ${i.name}`), h('p', { class: 'sub' }, 'Your credentials go to the institution, never to the app.'), form);
}

function showMfa(error) {
  const code = h('input', { type: 'text', id: 'mfa', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6' });
  const form = h(
    'form',
    {
      onSubmit: (e) => {
        e.preventDefault();
        if (!/^\d{6}$/.test(code.value)) return showMfa('Enter the 6-digit code.');
        state.credentials.mfaCode = code.value;
        post({ type: 'integrationMfaEntered' });
        chooseAccounts();
      },
    },
    h('label', { for: 'mfa' }, 'Verification code'),
    code,
    h('p', { class: 'hint' }, 'Any 6 digits.'),
    error && h('p', { class: 'error', role: 'alert' }, error),
    h('button', { class: 'primary', type: 'submit' }, 'Verify'),
  );
  render('mfaPage', h('h1', {}, 'Two-step verification'), h('p', { class: 'sub' }, `Enter the code ${state.integration.name} sent you.`), form);
}

function chooseAccounts() {
  const i = state.integration;
  if (i.delayed || i.accounts.length === 1) return connect(i.accounts.map((a) => a.accountId));
  post({ type: 'integrationAccountSelectionRequired' });
  const single = state.config.restrictMultipleAccounts;
  const boxes = i.accounts.map((a, n) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: single ? 'radio' : 'checkbox', name: 'account', value: a.accountId, checked: n === 0 }),
      h('span', { class: 'meta' }, a.accountName, h('small', {}, ` · ${money(a.fund ?? 0)}`)),
    ),
  );
  render(
    'accountSelectionPage',
    h('h1', {}, 'Choose accounts'),
    h('p', { class: 'sub' }, `Which ${i.name} accounts should the app see?`),
    ...boxes,
    h(
      'button',
      {
        class: 'primary',
        onClick: () =>
          connect(
            boxes
              .map((b) => b.querySelector('input'))
              .filter((x) => x.checked)
              .map((x) => x.value),
          ),
      },
      'Connect',
    ),
  );
}

async function connect(accountIds) {
  spinner('connectingPage');
  const result = await api('connect', { integrationId: state.integration.id, accountIds, ...state.credentials });
  if (!result.ok) {
    post({ type: 'integrationConnectionError', payload: { errorMessage: result.errorMessage } });
    return result.errorMessage === 'Invalid credentials' ? showCredentials(result.errorMessage) : showError(result.errorMessage);
  }
  if (result.delayedAuth) {
    post({ type: 'delayedAuthentication', payload: result.delayedAuth });
  } else {
    granted(result.accessToken);
  }
  if (state.config.transferOptions) return showSource();
  const names = result.accessToken ? result.accessToken.accountTokens.map((t) => t.account.accountName) : ['Access pending: the institution confirms later'];
  showConnected(state.integration.name, names);
}

/** Hands an AccessTokenPayload to the host page, and keeps it for transfers. */
function granted(p) {
  post({ type: 'brokerageAccountAccessToken', payload: p });
  state.connected.push(
    ...p.accountTokens.map((t) => ({ accountId: t.account.accountId, accountName: t.account.accountName, accessToken: t.accessToken, brokerType: p.brokerType, brokerName: p.brokerName })),
  );
}

function showConnected(name, accountNames) {
  render(
    'integrationConnectedPage',
    h('div', { class: 'done' }, h('div', { class: 'badge' }, '✓'), h('h1', {}, `${name} connected`), h('p', { class: 'sub' }, accountNames.join(', '))),
    h('button', { class: 'primary', onClick: done }, 'Done'),
  );
}

// --- a browser wallet, through the SDK's wallet bridge -------------------------
//
// Extensions inject into the top page only; the host page's SDK serves them
// to this frame over Comlink's wire protocol (the bridge's ParentAPI):
// `eip6963WalletsReady` turns true after its 300 ms discovery, then
// `eip6963Wallets[i]` is {uuid, name, icon, rdns, provider}. A whole entry
// cannot be read in one GET (the provider holds functions, which do not
// clone), so each leaf is read alone, and `provider.request` is called in
// place (an APPLY on its path).

const NO_BRIDGE = 'This app’s page does not run a wallet bridge, so the wallets in your browser cannot be reached from here.';
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const within = (promise, ms, message) => Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(message)))]);
const short = (address) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const hex = (text) => `0x${Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('')}`;
/** EIP-1193's "user rejected" (4001). Through Comlink an Error arrives without its `code`: its message tells. */
const rejected = (error) => error?.code === 4001 || /user (rejected|denied|cancel)/i.test(String(error?.message ?? ''));
const reason = (error) => (typeof error?.message === 'string' && error.message ? error.message : String(error)).slice(0, 300);

let bridge = null;

/** The bridge's API, wrapped by the real comlink, answered only from the embedding page. */
async function parentApi() {
  if (!hostOrigin) throw new Error(NO_BRIDGE);
  if (bridge) return bridge;
  const Comlink = await import('/link/vendor/comlink.mjs');
  const filtered = new Map();
  const fromHost = {
    addEventListener(type, listener) {
      const only = (event) => event.source === parent && event.origin === hostOrigin && listener(event);
      filtered.set(listener, only);
      addEventListener(type, only);
    },
    removeEventListener(type, listener) {
      removeEventListener(type, filtered.get(listener));
      filtered.delete(listener);
    },
  };
  bridge = Comlink.wrap(Comlink.windowEndpoint(parent, fromHost, hostOrigin));
  return bridge;
}

/** The page's EIP-6963 wallets: waits for the bridge's discovery, then reads each entry's leaves. */
async function discoverWallets() {
  const api = await parentApi();
  const deadline = Date.now() + 5000;
  while (!(await within(api.eip6963WalletsReady, 3000, NO_BRIDGE))) {
    if (Date.now() > deadline) throw new Error('The page’s wallet discovery did not finish.');
    await sleep(50);
  }
  const count = await api.eip6963Wallets.length;
  const wallets = [];
  for (let index = 0; index < count; index++) {
    const entry = api.eip6963Wallets[index];
    const [uuid, name, icon, rdns] = await Promise.all([entry.uuid, entry.name, entry.icon, entry.rdns]);
    wallets.push({
      index,
      uuid: String(uuid),
      name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 60) : 'Unnamed wallet',
      icon: typeof icon === 'string' && /^data:image\//.test(icon) ? icon : null,
      rdns: typeof rdns === 'string' ? rdns : '',
    });
  }
  return wallets;
}

/** A pending wallet request: the spinner and what to do in the wallet; not a page one goes back to. */
function waiting(page, title, text) {
  state.page = page;
  screen.replaceChildren(h('h1', {}, title), h('p', { class: 'sub' }, text), h('div', { class: 'spinner', role: 'progressbar', 'aria-label': 'Waiting for the wallet' }));
}

function walletLogo(wallet) {
  return wallet.icon ? h('img', { class: 'logo', src: wallet.icon, alt: '' }) : h('span', { class: 'logo', 'data-color': '#101322' }, wallet.name.slice(0, 1));
}

async function showWallets() {
  if (!state.wallets) {
    spinner('walletDiscoveryPage');
    try {
      state.wallets = await discoverWallets();
    } catch (error) {
      post({ type: 'integrationConnectionError', payload: { errorMessage: reason(error) } });
      return showWalletError('No wallet bridge', reason(error), null);
    }
  }
  const wallets = state.wallets;
  render(
    'walletListPage',
    h('h1', {}, 'Choose a wallet'),
    h('p', { class: 'sub' }, 'Wallets installed in this browser, reached through the app’s page.'),
    wallets.length === 0
      ? h('p', { class: 'error', role: 'alert', id: 'no-wallets' }, 'No wallet found in this browser. Install a wallet extension (EIP-6963), then try again.')
      : h(
          'div',
          { class: 'list' },
          ...wallets.map((w) =>
            h(
              'button',
              { class: 'item', 'data-wallet': w.rdns || w.uuid, onClick: () => connectWallet(w) },
              walletLogo(w),
              h('span', { class: 'meta' }, w.name, h('small', {}, w.rdns || 'EIP-6963 wallet')),
            ),
          ),
        ),
  );
  paintLogos();
}

/** A failed or refused wallet step: shown, with a retry and a way back. */
function showWalletError(title, message, retry) {
  render(
    'walletErrorPage',
    h('div', { class: 'done' }, h('div', { class: 'badge bad' }, '!'), h('h1', {}, title), h('p', { class: 'sub', id: 'error-message', role: 'alert' }, message)),
    ...[
      retry && h('button', { class: 'primary', id: 'wallet-retry', onClick: retry }, 'Try again'),
      state.wallets?.length > 0 && h('button', { class: 'primary secondary', id: 'wallet-other', onClick: showWallets }, 'Choose another wallet'),
    ].filter(Boolean),
  );
}

async function connectWallet(wallet) {
  const attempt = (state.walletAttempt = {});
  const current = () => state.walletAttempt === attempt;
  const provider = bridge.eip6963Wallets[wallet.index].provider;
  waiting('walletConnectPage', `Waiting for ${wallet.name}`, 'Approve the connection request in your wallet.');
  let address;
  let chainId;
  try {
    const accounts = await provider.request({ method: 'eth_requestAccounts' });
    address = Array.isArray(accounts) ? accounts[0] : undefined;
    if (typeof address !== 'string' || !ADDRESS.test(address)) throw new Error(`${wallet.name} shared no account.`);
    chainId = await provider.request({ method: 'eth_chainId' }).catch(() => undefined);
  } catch (error) {
    if (!current()) return;
    post({ type: 'integrationConnectionError', payload: { errorMessage: reason(error) } });
    return showWalletError(rejected(error) ? 'Connection rejected' : 'The wallet did not connect', reason(error), () => connectWallet(wallet));
  }
  if (current()) showSignature(wallet, address, typeof chainId === 'string' ? chainId : undefined);
}

function showSignature(wallet, address, chainId) {
  const message = [
    'Mesh (simulator) asks you to prove that you own this wallet.',
    'Signing is free and sends no transaction.',
    '',
    `Wallet: ${wallet.name}`,
    `Address: ${address}`,
    ...(chainId ? [`Chain ID: ${parseInt(chainId, 16) || chainId}`] : []),
    `Session: ${sessionId}`,
    `Issued at: ${new Date().toISOString()}`,
  ].join('\n');
  render(
    'walletSignPage',
    h('h1', {}, 'Verify your wallet'),
    h('p', { class: 'sub' }, `${wallet.name} connected ${short(address)}. Sign this message to prove the address is yours:`),
    h('pre', { class: 'message', id: 'wallet-message' }, message),
    h('button', { class: 'primary', id: 'wallet-sign', onClick: () => sign(wallet, address, message) }, 'Sign message'),
  );
}

async function sign(wallet, address, message) {
  const attempt = (state.walletAttempt = {});
  const current = () => state.walletAttempt === attempt;
  const provider = bridge.eip6963Wallets[wallet.index].provider;
  waiting('walletSigningPage', `Waiting for ${wallet.name}`, 'Confirm the signature request in your wallet.');
  let signature;
  try {
    signature = await provider.request({ method: 'personal_sign', params: [hex(message), address] });
    if (typeof signature !== 'string') throw new Error(`${wallet.name} returned no signature.`);
  } catch (error) {
    if (!current()) return;
    if (rejected(error)) {
      post({ type: 'verifyWalletRejected' });
      return showWalletError('Signature rejected', reason(error), () => sign(wallet, address, message));
    }
    post({ type: 'integrationConnectionError', payload: { errorMessage: reason(error) } });
    return showWalletError('The wallet did not sign', reason(error), () => sign(wallet, address, message));
  }
  if (!current()) return;
  spinner('connectingPage');
  const result = await api('wallet', { address, walletName: wallet.name, message, signature });
  if (!current()) return;
  if (!result.ok) {
    post({ type: 'integrationConnectionError', payload: { errorMessage: result.errorMessage } });
    return showWalletError('The wallet could not be connected', result.errorMessage, null);
  }
  post({ type: 'walletMessageSigned', payload: { signedMessageHash: signature, message, address, timeStamp: Date.now(), isVerified: result.isVerified } });
  granted(result.accessToken);
  if (state.config.transferOptions) return showSource();
  showConnected(
    wallet.name,
    result.accessToken.accountTokens.map((t) => t.account.accountName),
  );
}

// --- transfers ---------------------------------------------------------------

const destinations = () => state.config.transferOptions?.toAddresses ?? [];

function showSource() {
  if (!state.transfer) {
    state.transfer = {};
    post({ type: 'transferStarted' });
  }
  const sources = [...state.hostTokens, ...state.connected].filter((t, n, all) => all.findIndex((u) => u.accessToken === t.accessToken) === n);
  render(
    'transferSourcePage',
    h('h1', {}, 'Transfer from'),
    h('p', { class: 'sub' }, 'Choose the account to send from.'),
    h(
      'div',
      { class: 'list' },
      ...sources.map((t) =>
        h(
          'button',
          { class: 'item', 'data-source': t.accountId, onClick: () => pickSource(t) },
          h('span', { class: 'logo', 'data-color': '#101322' }, t.brokerName.slice(0, 1)),
          h('span', { class: 'meta' }, t.accountName, h('small', {}, t.brokerName)),
        ),
      ),
      h(
        'button',
        { class: 'item', id: 'connect-another', onClick: showCatalog },
        h('span', { class: 'logo', 'data-color': '#5b6cff' }, '+'),
        h('span', { class: 'meta' }, 'Connect an account', h('small', {}, 'Exchange, brokerage or wallet')),
      ),
    ),
  );
  paintLogos();
}

function pickSource(token) {
  state.transfer.from = token;
  state.integration = state.config.catalog.find((i) => i.type === token.brokerType) ?? state.integration;
  const symbols = [...new Set(destinations().map((d) => d.symbol))];
  const offered = state.config.assets.filter((a) => symbols.includes(a.symbol));
  if (offered.length === 0) {
    post({ type: 'transferNoEligibleAssets', payload: { integrationType: token.brokerType, integrationName: token.brokerName, arrayOfTokensHeld: [] } });
    return showError('There is no asset this app accepts.');
  }
  render(
    'transferAssetPage',
    h('h1', {}, 'Choose an asset'),
    h(
      'div',
      { class: 'list' },
      ...offered.map((a) =>
        h(
          'button',
          { class: 'item', 'data-symbol': a.symbol, onClick: () => pickAsset(a) },
          h('span', { class: 'logo', 'data-color': '#5b6cff' }, a.symbol.slice(0, 1)),
          h('span', { class: 'meta' }, a.name, h('small', {}, `${a.symbol} · ${money(a.priceUsd)}`)),
        ),
      ),
    ),
  );
  paintLogos();
}

function pickAsset(asset) {
  state.transfer.asset = asset;
  post({ type: 'transferAssetSelected', payload: { symbol: asset.symbol } });
  const networks = asset.networks.filter((n) => destinations().some((d) => d.symbol === asset.symbol && d.networkId === n.id));
  render(
    'transferNetworkPage',
    h('h1', {}, 'Choose a network'),
    h(
      'div',
      { class: 'list' },
      ...networks.map((n) =>
        h('button', { class: 'item', 'data-network': n.name, onClick: () => pickNetwork(n) }, h('span', { class: 'meta' }, n.name, h('small', {}, `fee ≈ ${n.fee} ${asset.symbol}`))),
      ),
    ),
  );
}

function pickNetwork(network) {
  state.transfer.network = network;
  state.transfer.toAddress = destinations().find((d) => d.symbol === state.transfer.asset.symbol && d.networkId === network.id).address;
  post({ type: 'transferNetworkSelected', payload: { id: network.id, name: network.name } });
  showAmount();
}

function showAmount(error) {
  const amount = h('input', { type: 'text', id: 'amount', inputmode: 'decimal', value: state.config.transferOptions.amount ?? '' });
  render(
    'transferAmountPage',
    h('h1', {}, `Send ${state.transfer.asset.symbol}`),
    h('p', { class: 'sub' }, `On ${state.transfer.network.name}, to ${state.transfer.toAddress.slice(0, 10)}…`),
    h(
      'form',
      {
        onSubmit: (e) => {
          e.preventDefault();
          const value = Number(amount.value);
          if (!(value > 0)) return showAmount('Enter an amount above zero.');
          state.transfer.amount = value;
          post({ type: 'transferAmountEntered', payload: { amount: value, symbol: state.transfer.asset.symbol } });
          showPreview();
        },
      },
      h('label', { for: 'amount' }, 'Amount'),
      amount,
      error && h('p', { class: 'error', role: 'alert' }, error),
      h('button', { class: 'primary', type: 'submit' }, 'Preview'),
    ),
  );
}

function showPreview() {
  const t = state.transfer;
  const fee = t.network.fee;
  t.preview = {
    amount: t.amount,
    symbol: t.asset.symbol,
    toAddress: t.toAddress,
    networkId: t.network.id,
    previewId: `pv-${Math.random().toString(16).slice(2, 10)}`,
    networkName: t.network.name,
    amountInFiat: Math.round(t.amount * t.asset.priceUsd * 100) / 100,
    estimatedNetworkGasFee: { fee, feeCurrency: t.asset.symbol, feeInFiat: Math.round(fee * t.asset.priceUsd * 100) / 100 },
  };
  post({ type: 'transferPreviewed', payload: t.preview });
  const row = (k, v) => [h('dt', {}, k), h('dd', {}, v)];
  render(
    'transferPreviewPage',
    h('h1', {}, 'Review transfer'),
    h(
      'dl',
      {},
      ...row('From', `${t.from.brokerName} · ${t.from.accountName}`),
      ...row('Amount', `${t.amount} ${t.asset.symbol}`),
      ...row('Value', money(t.preview.amountInFiat)),
      ...row('Network', t.network.name),
      ...row('Network fee', `${fee} ${t.asset.symbol}`),
      ...row('To', t.toAddress),
    ),
    h('button', { class: 'primary', id: 'execute', onClick: execute }, 'Send now'),
  );
}

async function execute() {
  const t = state.transfer;
  spinner('executingPage');
  const result = await api('transfer', { fromAuthToken: t.from.accessToken, symbol: t.asset.symbol, networkId: t.network.id, amount: t.amount, toAddress: t.toAddress });
  t.result = result;
  if (result.status === 'success') {
    const { ok, ...payload } = result;
    post({ type: 'transferExecuted', payload });
    post({ type: 'transferFinished', payload });
    render(
      'transferSuccessPage',
      h(
        'div',
        { class: 'done' },
        h('div', { class: 'badge' }, '✓'),
        h('h1', {}, 'Transfer sent'),
        h('p', { class: 'sub' }, `${t.amount} ${t.asset.symbol} on ${t.network.name}`),
        h('p', { class: 'hint', id: 'tx' }, result.txId),
      ),
      h('button', { class: 'primary', onClick: done }, 'Done'),
    );
  } else {
    post({ type: 'transferExecutionError', payload: { errorMessage: result.errorMessage } });
    post({ type: 'transferFinished', payload: { status: 'error', errorMessage: result.errorMessage } });
    render(
      'transferErrorPage',
      h('div', { class: 'done' }, h('div', { class: 'badge bad' }, '!'), h('h1', {}, 'Transfer failed'), h('p', { class: 'sub', id: 'error-message' }, result.errorMessage)),
      h('button', { class: 'primary', onClick: () => showAmount() }, 'Change amount'),
      h('button', { class: 'primary', onClick: done }, 'Close'),
    );
  }
}

// --- start ---------------------------------------------------------------------

post({ type: 'loaded' });
spinner('loadingPage');
const opened = await api('session', {});
if (!opened.ok) {
  showError(opened.errorMessage);
} else {
  state.config = opened;
  const preselected = opened.preselected && opened.catalog.find((i) => i.id === opened.preselected || i.type === opened.preselected);
  if (opened.transferOptions) showSource();
  else if (preselected) select(preselected);
  else showCatalog();
}
