// A typical React component on front-link-wasm/react, as an app writes it:
// both hooks, inline callbacks over component state, typed payloads. The
// lines marked @ts-expect-error are mistakes the types must reject.
import { useState } from 'react';
import { useFrontConnection, useLink } from 'front-link-wasm/react';
import type { FrontConnection, Link, LinkPayload, SessionSummary, TransferFinishedPayload } from 'front-link-wasm';

declare function fetchLinkToken(): Promise<string>;
declare function saveOnServer(accessTokens: string[]): Promise<void>;

export function ConnectButton({ userId }: { userId: string }) {
  const [accounts, setAccounts] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const {
    ready,
    error: loadError,
    ...link
  }: Link & { ready: boolean; error: Error | null } = useLink({
    onIntegrationConnected(payload: LinkPayload) {
      const tokens = payload.accessToken?.accountTokens ?? [];
      setAccounts(tokens.map((t) => `${userId}: ${t.account.accountName}`));
      void saveOnServer(tokens.map((t) => t.accessToken));
    },
    onExit(exitError?: string, summary?: SessionSummary) {
      setError(exitError ?? summary?.errorMessage ?? null);
    },
    onTransferFinished(transfer: TransferFinishedPayload) {
      if (transfer.status === 'success') console.log(transfer.txId);
    },
    onEvent(event) {
      if (event.type === 'transferExecuted') console.log(event.payload.txId);
    },
    theme: 'dark',
  });

  return (
    <div>
      <button type="button" disabled={!ready} onClick={async () => link.openLink(await fetchLinkToken())}>
        Connect {userId}
      </button>
      {loadError && <p role="alert">{loadError.message}</p>}
      <button type="button" onClick={link.closeLinkRequested}>
        Cancel
      </button>
      <button type="button" onClick={() => link.closeLink()}>
        Close
      </button>
      {error && <p role="alert">{error}</p>}
      <ul>
        {accounts.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </div>
  );
}

export function LegacyConnect() {
  const front: FrontConnection = useFrontConnection({
    clientId: 'client-id',
    onBrokerConnected: (payload) => console.log(payload.accessToken?.brokerName),
    onExit: (exitError) => exitError && console.error(exitError),
  });
  const opened: Promise<void> = front.openLink('token');
  void opened;
  return (
    <button type="button" onClick={() => front.closeLink()}>
      Close
    </button>
  );
}

export function Mistakes() {
  // @ts-expect-error onIntegrationConnected is required
  useLink({ onExit: () => {} });
  // @ts-expect-error 1.1.9's options need clientId and onBrokerConnected
  useFrontConnection({ onIntegrationConnected: () => {} });
  const link = useLink({ onIntegrationConnected: () => {} });
  // @ts-expect-error openLink takes a link token string
  link.openLink(42);
  const front = useFrontConnection({ clientId: 'c', onBrokerConnected: () => {} });
  // @ts-expect-error closeLinkRequested is 3.13's
  front.closeLinkRequested();
  return null;
}
