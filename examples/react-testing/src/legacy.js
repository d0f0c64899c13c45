// The same flow on @front-finance/link 1.1.9's face (createFrontConnection),
// without React: resolves with the connected accounts, or rejects with why
// the user left.
import { createFrontConnection } from 'front-link-wasm/front';

export function connectBroker(linkToken) {
  return new Promise((resolve, reject) => {
    const connection = createFrontConnection({
      clientId: 'example-client',
      onBrokerConnected: ({ accessToken }) => {
        // Before closeLink(): it calls onExit() at once, which would reject.
        resolve(accessToken.accountTokens.map((t) => t.account.accountName));
        connection.closeLink();
      },
      onExit: (error) => reject(new Error(error ?? 'closed')),
    });
    connection.openLink(linkToken);
  });
}
