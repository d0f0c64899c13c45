// Mistakes the main entry's createFrontConnection types reject: each line
// below is an error, and tsc fails if any of them is not.
import { createFrontConnection, type FrontTransferFinishedPayload, type IntegrationAccessToken, type TransferFinishedPayload } from 'front-link-wasm';

const t = {} as FrontTransferFinishedPayload;
// @ts-expect-error txId exists only when status is 'success'
console.log(t.txId);

// Here TransferFinishedPayload is 3.13's success interface: 1.1.9's union is
// FrontTransferFinishedPayload (or front-link-wasm/front's TransferFinishedPayload).
const success = {} as TransferFinishedPayload;
// @ts-expect-error its status is always 'success'
if (success.status === 'error') console.log(success);

// @ts-expect-error brokerType is a BrokerType, not any string
const token: IntegrationAccessToken = { accountId: '', accountName: '', accessToken: '', brokerType: 'notABroker', brokerName: '' };

// @ts-expect-error theme is 'light' | 'dark' | 'system'
createFrontConnection({ clientId: '', onBrokerConnected: () => {}, theme: 'purple' });

// @ts-expect-error walletBridge is a boolean
createFrontConnection({ clientId: '', onBrokerConnected: () => {}, walletBridge: 'yes' });

console.log(token);
