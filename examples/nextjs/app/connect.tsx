'use client';

// The Connect button: asks the app's own server for a link token and opens
// Mesh's Link UI with it. useLink connects on mount; the callbacks below are
// this render's on every call.
import { useEffect, useState } from 'react';
import type { AccountToken, LinkEventType } from 'front-link-wasm';
import { useLink } from 'front-link-wasm/react';

type Connected = { brokerName: string; account: AccountToken['account'] };
type Exit = { error: string | null; page?: string };

export function Connect({ skipPrewarm }: { skipPrewarm: boolean }) {
  const [accounts, setAccounts] = useState<Connected[]>([]);
  const [events, setEvents] = useState<string[]>([]);
  const [exit, setExit] = useState<Exit | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Declared before useLink: this effect runs before the hook's, which
  // makes the connection (and, against Mesh, its prewarm frame).
  useEffect(() => {
    if (skipPrewarm) window.meshLinkShouldSkipPrewarm = true;
  }, [skipPrewarm]);

  const link = useLink({
    onIntegrationConnected(payload) {
      // A real app sends payload.accessToken to its server here.
      const connected = payload.accessToken;
      if (!connected) return;
      setAccounts((list) => [...list, ...connected.accountTokens.map((t) => ({ brokerName: connected.brokerName, account: t.account }))]);
    },
    onEvent(event: LinkEventType) {
      setEvents((list) => [...list, event.type]);
    },
    onExit(error, summary) {
      setExit({ error: error ?? null, page: summary?.page });
    },
  });

  async function connect() {
    setProblem(null);
    setExit(null);
    try {
      const response = await fetch('/api/linktoken', { method: 'POST' });
      const answer = await response.json();
      if (!response.ok || typeof answer?.content?.linkToken !== 'string') {
        setProblem(answer?.message || answer?.displayMessage || `HTTP ${response.status}`);
        return;
      }
      link.openLink(answer.content.linkToken);
    } catch (error) {
      setProblem(`Could not get a link token: ${(error as Error).message}`);
    }
  }

  return (
    <section>
      <button id="connect" type="button" disabled={!link.ready} onClick={connect}>
        Connect
      </button>
      {link.error && <p role="alert">{link.error.message}</p>}
      {problem && (
        <p role="alert" id="problem">
          {problem}
        </p>
      )}
      <h2>Accounts</h2>
      {accounts.length === 0 ? (
        <p id="no-accounts">No account connected yet.</p>
      ) : (
        <ul id="accounts">
          {accounts.map(({ brokerName, account }) => (
            <li key={account.accountId} data-account={account.accountId}>
              {brokerName} · {account.accountName}
            </li>
          ))}
        </ul>
      )}
      {exit && <p id="exit">{exit.error ? `Closed with an error: ${exit.error}` : `Closed${exit.page ? ` on ${exit.page}` : ''}`}</p>}
      <h2>Events</h2>
      <ol id="events">
        {events.map((type, n) => (
          <li key={n}>{type}</li>
        ))}
      </ol>
    </section>
  );
}
