// A typical React 19 app on front-link-wasm/react, bundled by Vite (no
// plugin: Vite's own JSX transform). tests/js/package/react.test.mjs drives it.
//   ?api=link|front  useLink or useFrontConnection
//   ?strict          inside <StrictMode>
//   ?auto=<token>    an effect opens the Link on mount (with the token
//                    already known: the case StrictMode runs twice)
//   ?modal           the Connect button inside an open Radix dialog (a
//                    focus-trapping modal of a common React library)
// window.trace records the callbacks; window.overlays counts the overlays
// ever added and the most on screen at once.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as Dialog from '@radix-ui/react-dialog';
import { useFrontConnection, useLink } from 'front-link-wasm/react';

const params = new URLSearchParams(location.search);
const api = params.get('api') ?? 'link';
const useSdk = api === 'link' ? useLink : useFrontConnection;
const connectedName = api === 'link' ? 'onIntegrationConnected' : 'onBrokerConnected';
const overlayId = api === 'link' ? 'mesh-link-popup' : 'front-link-popup';

window.meshLinkShouldSkipPrewarm = true; // the simulator is the Link UI here
window.trace = [];
const record = (...row) => window.trace.push(row);

window.overlays = { added: 0, most: 0 };
new MutationObserver(() => {
  const now = document.querySelectorAll(`#${overlayId}`).length;
  window.overlays.most = Math.max(window.overlays.most, now);
}).observe(document.body, { childList: true, subtree: true });
new MutationObserver((mutations) => {
  for (const m of mutations) for (const node of m.addedNodes) if (node.id === overlayId) window.overlays.added++;
}).observe(document.body, { childList: true });

function Connector({ note, autoToken }) {
  const [accounts, setAccounts] = useState([]);
  const [status, setStatus] = useState('idle');
  // Inline callbacks, new on every render, reading this render's `note`:
  // the hook must call the latest ones.
  const link = useSdk({
    clientId: 'react-app',
    [connectedName]: (payload) => {
      record(connectedName, note);
      setAccounts(payload.accessToken?.accountTokens.map((t) => t.account.accountName) ?? []);
    },
    onExit: (error) => {
      record('onExit', error ?? null, note);
      setStatus(error ? `closed: ${error}` : 'closed');
    },
    onEvent: (event) => record('onEvent', event.type),
  });

  // The hook's object must be the same on every render.
  const first = useRef(link);
  useEffect(() => {
    if (first.current !== link) record('new handle');
  });

  useEffect(() => {
    window.link = link;
  }, [link]);

  useEffect(() => {
    if (autoToken) link.openLink(autoToken);
  }, [autoToken, link]);

  async function connect() {
    setStatus('opening');
    const token = await window.linkToken(); // the test's stand-in for the app's server
    await link.openLink(token);
    setStatus('open');
  }

  return (
    <section>
      <button type="button" id="connect" disabled={!link.ready} onClick={connect}>
        Connect
      </button>
      <p id="ready">{String(link.ready)}</p>
      <p id="load-error">{link.error?.message ?? ''}</p>
      <button type="button" id="close" onClick={link.closeLink}>
        Close
      </button>
      <p id="status">{status}</p>
      <ul id="accounts">
        {accounts.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </section>
  );
}

function App() {
  const [mounted, setMounted] = useState(true);
  const [note, setNote] = useState('first');
  // What the app would do on its own (a route change, new props) while the
  // Link overlay covers the page.
  useEffect(() => {
    Object.assign(window, { setMounted, setNote, unmountNow: () => flushSync(() => setMounted(false)) });
  }, []);
  return (
    <main>
      <button type="button" id="toggle" onClick={() => setMounted((m) => !m)}>
        {mounted ? 'Unmount' : 'Mount'}
      </button>
      <input id="note" value={note} onChange={(e) => setNote(e.target.value)} />
      {mounted && !params.has('modal') && <Connector note={note} autoToken={params.get('auto')} />}
      {mounted && params.has('modal') && (
        <Dialog.Root defaultOpen onOpenChange={(open) => record('app dialog', open)}>
          <Dialog.Portal>
            <Dialog.Overlay id="app-overlay" />
            <Dialog.Content id="app-dialog" aria-describedby={undefined}>
              <Dialog.Title>Accounts</Dialog.Title>
              <Connector note={note} />
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      )}
    </main>
  );
}

const app = params.has('strict') ? (
  <StrictMode>
    <App />
  </StrictMode>
) : (
  <App />
);
createRoot(document.getElementById('root')).render(app);
window.appReady = true;
