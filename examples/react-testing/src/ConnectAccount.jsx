// An app's component around Mesh Link: connect an account, then send a
// transfer to it. What the tests in test/app script against.
import { useState } from 'react';
import { useLink } from 'front-link-wasm/react';

/**
 * `getLinkToken(purpose)`: the app's backend call for a link token
 * (`'connect'` or `'transfer'`). `onExit`: told when a Link session ends.
 */
export function ConnectAccount({ getLinkToken, onExit }) {
  const [accounts, setAccounts] = useState([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const link = useLink({
    clientId: 'example-client',
    // The connected accounts' tokens go to the Link UI for a transfer.
    accessTokens: accounts.map((a) => a.token),
    onIntegrationConnected: ({ accessToken }) => {
      if (!accessToken) return setStatus('Connection pending');
      const connected = accessToken.accountTokens.map((t) => ({
        name: t.account.accountName,
        broker: accessToken.brokerName,
        token: { accountId: t.account.accountId, accountName: t.account.accountName, accessToken: t.accessToken, brokerType: accessToken.brokerType, brokerName: accessToken.brokerName },
      }));
      setAccounts((list) => [...list, ...connected]);
    },
    onTransferFinished: (transfer) => setStatus(transfer.status === 'success' ? `Sent ${transfer.amount} ${transfer.symbol}` : `Transfer failed: ${transfer.errorMessage}`),
    onExit: (exitError, summary) => {
      if (exitError) setError(exitError);
      onExit?.(exitError, summary);
    },
  });

  async function open(purpose) {
    setError('');
    link.openLink(await getLinkToken(purpose));
  }

  return (
    <section>
      <button type="button" disabled={!link.ready} onClick={() => open('connect')}>
        Connect account
      </button>
      {accounts.length > 0 && (
        <button type="button" onClick={() => open('transfer')}>
          Transfer
        </button>
      )}
      <ul aria-label="Connected accounts">
        {accounts.map((a) => (
          <li key={a.token.accountId}>
            {a.name} ({a.broker})
          </li>
        ))}
      </ul>
      {status && <p role="status">{status}</p>}
      {(error || link.error) && <p role="alert">{error || link.error.message}</p>}
    </section>
  );
}
