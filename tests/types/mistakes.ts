// Shapes the types must reject: each line below is an error, and tsc fails
// if any of them is not (an unused @ts-expect-error is itself an error).
import { createFrontConnection, type FrontOptions, type TransferFinishedPayload, type IntegrationAccessToken } from 'front-link-wasm';

// @ts-expect-error onBrokerConnected is required
const missing: FrontOptions = { clientId: 'x' };

const t = {} as TransferFinishedPayload;
// @ts-expect-error txId exists only when status is 'success'
console.log(t.txId);

// @ts-expect-error brokerType is a BrokerType, not any string
const token: IntegrationAccessToken = { accountId: '', accountName: '', accessToken: '', brokerType: 'notABroker', brokerName: '' };

// @ts-expect-error theme is 'light' | 'dark' | 'system'
createFrontConnection({ clientId: '', onBrokerConnected: () => {}, theme: 'purple' });

console.log(missing, token);

// The wallet bridge is an opt-in boolean for createFrontConnection.
createFrontConnection({ clientId: '', onBrokerConnected: () => {}, walletBridge: true });
// @ts-expect-error walletBridge is a boolean
createFrontConnection({ clientId: '', onBrokerConnected: () => {}, walletBridge: 'yes' });
