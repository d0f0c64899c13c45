// "Demo Wallet (not a real wallet)": a stand-in for a browser-extension wallet,
// so that the simulator's "Browser wallet" path (Link UI → the SDK's wallet
// bridge → this page's EIP-6963 wallets) works offline. It holds no key and
// signs nothing: its address is fixed and its "signature" is a deterministic
// checksum of the message, which no chain or real Mesh would accept.
//
// It behaves like an extension where it matters to the flow: it announces
// itself by EIP-6963 (on install and on every `eip6963:requestProvider`), its
// provider is EIP-1193 (`request`, `on`, `removeListener`), and every request
// that needs the user (connecting, signing) opens a confirmation dialog in the
// page, where the user approves or rejects (EIP-1193 error 4001), as a wallet's
// popup would. The dialog is a modal <dialog>, so it sits in the top layer,
// above the Link overlay. Real wallets announce themselves too, and the Link
// UI lists them next to this one.

export const DEMO_WALLET_NAME = 'Demo Wallet (not a real wallet)';
export const DEMO_WALLET_RDNS = 'com.example.demowallet';
/** The one account: a fixed, made-up address. */
export const DEMO_WALLET_ADDRESS = `0xde30${'0'.repeat(35)}1`;
const CHAIN_ID = '0x1';

const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#6b7280"/><rect x="6" y="9" width="20" height="15" rx="3" fill="none" stroke="#fff" stroke-width="2" stroke-dasharray="3 2"/><circle cx="21" cy="16.5" r="2" fill="#fff"/></svg>',
)}`;

/** EIP-1193's ProviderRpcError. */
class ProviderRpcError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ProviderRpcError';
    this.code = code;
  }
}

/** A v4 UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = Array.from(b, (n) => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A deterministic, fake 65-byte "signature": FNV-1a of the text, seeded 17 times. Not cryptography. */
function fakeSignature(text) {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let seed = 0; seed < 17; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `0x${out.slice(0, 128)}1b`;
}

/** personal_sign's data: hex-encoded UTF-8 (as dapps send it) or plain text. */
function readable(data) {
  if (typeof data !== 'string') return String(data);
  if (!/^0x([0-9a-fA-F]{2})*$/.test(data)) return data;
  const bytes = new Uint8Array((data.length - 2) / 2).map((_, i) => parseInt(data.slice(2 + 2 * i, 4 + 2 * i), 16));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return data;
  }
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/**
 * Installs the demo wallet in this page. `log(what, payload, bad)` is told
 * of every request and how it ended (the demo's event log shows it).
 */
export function installDemoWallet({ log = () => {} } = {}) {
  let connected = false;
  const listeners = new Map(); // event name -> Set of listeners
  const emit = (event, ...args) => [...(listeners.get(event) ?? [])].forEach((l) => l(...args));
  let queue = Promise.resolve(); // one confirmation at a time

  /** Asks the user in a modal dialog; resolves true (approve) or false (reject, Escape). */
  function confirm({ title, text, detail, approve }) {
    const ask = () =>
      new Promise((resolve) => {
        const dialog = el(
          'dialog',
          { className: 'demo-wallet', id: 'demo-wallet-dialog' },
          el(
            'header',
            {},
            el('img', { src: ICON, alt: '', width: 28, height: 28 }),
            el('strong', { textContent: 'Demo Wallet' }),
            el('span', { className: 'tag warn', textContent: 'not a real wallet' }),
          ),
          el('h2', { textContent: title }),
          el('p', { textContent: text }),
          detail === undefined ? null : el('pre', { textContent: detail }),
          el('p', { className: 'muted', textContent: 'This demo wallet holds no key: it approves or rejects on your click, nothing else.' }),
          el(
            'div',
            { className: 'actions' },
            el('button', { type: 'button', className: 'button', id: 'demo-wallet-reject', textContent: 'Reject', onclick: () => dialog.close('reject') }),
            el('button', { type: 'button', className: 'button primary', id: 'demo-wallet-approve', textContent: approve, onclick: () => dialog.close('approve') }),
          ),
        );
        // Escape cancels the dialog (a rejection); it must not also reach
        // the page, where it would close Mesh Link.
        dialog.addEventListener('keydown', (e) => e.key === 'Escape' && e.stopPropagation());
        dialog.addEventListener('close', () => {
          dialog.remove();
          resolve(dialog.returnValue === 'approve');
        });
        document.body.append(dialog);
        dialog.showModal();
      });
    const answer = queue.then(ask);
    queue = answer.catch(() => {});
    return answer;
  }

  async function request(args) {
    const method = args?.method;
    const params = Array.isArray(args?.params) ? args.params : [];
    const site = location.host;
    switch (method) {
      case 'eth_requestAccounts': {
        if (!connected) {
          const ok = await confirm({ title: 'Connect to this site?', text: `${site} asks to see your address ${DEMO_WALLET_ADDRESS}.`, approve: 'Connect' });
          if (!ok) {
            log('eth_requestAccounts rejected', undefined, true);
            throw new ProviderRpcError(4001, 'User rejected the request.');
          }
          connected = true;
          emit('connect', { chainId: CHAIN_ID });
          emit('accountsChanged', [DEMO_WALLET_ADDRESS]);
        }
        log('eth_requestAccounts approved', { accounts: [DEMO_WALLET_ADDRESS] });
        return [DEMO_WALLET_ADDRESS];
      }
      case 'eth_accounts':
        return connected ? [DEMO_WALLET_ADDRESS] : [];
      case 'eth_chainId':
        return CHAIN_ID;
      case 'net_version':
        return String(parseInt(CHAIN_ID, 16));
      case 'personal_sign': {
        // [data, address]; some dapps swap them.
        const [data, address] = typeof params[0] === 'string' && params[0].toLowerCase() === DEMO_WALLET_ADDRESS ? [params[1], params[0]] : params;
        if (!connected) throw new ProviderRpcError(4100, 'The requested account has not been authorized by the user.');
        if (typeof address !== 'string' || address.toLowerCase() !== DEMO_WALLET_ADDRESS) throw new ProviderRpcError(-32602, 'personal_sign: unknown address.');
        const message = readable(data);
        const ok = await confirm({ title: 'Signature request', text: `${site} asks you to sign this message:`, detail: message, approve: 'Sign' });
        if (!ok) {
          log('personal_sign rejected', undefined, true);
          throw new ProviderRpcError(4001, 'User rejected the request.');
        }
        const signature = fakeSignature(`${DEMO_WALLET_ADDRESS}\n${message}`);
        log('personal_sign approved (a fake signature)', { signature: `${signature.slice(0, 18)}…` });
        return signature;
      }
      default:
        throw new ProviderRpcError(4200, `Demo Wallet does not support ${String(method)}.`);
    }
  }

  const provider = Object.freeze({
    isDemoWallet: true,
    request,
    on(event, listener) {
      (listeners.get(event) ?? listeners.set(event, new Set()).get(event)).add(listener);
      return provider;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  });
  const info = Object.freeze({ uuid: uuid(), name: DEMO_WALLET_NAME, icon: ICON, rdns: DEMO_WALLET_RDNS });
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
  return { info, provider };
}
