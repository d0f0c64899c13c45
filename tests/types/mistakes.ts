// Mistakes @front-finance/link 1.1.9's own types reject, and so must
// front-link-wasm/front: each line below is an error, and tsc fails if any of
// them is not (an unused @ts-expect-error is itself an error). Checked
// against both (tsconfig.json, tsconfig.upstream-front.json).
import { createFrontConnection, type FrontEventType, type FrontOptions, type TransferFinishedPayload } from 'front-link-wasm/front';

// @ts-expect-error onBrokerConnected is required
const missing: FrontOptions = { clientId: 'x' };

const t = {} as TransferFinishedPayload;
// @ts-expect-error txId exists only when status is 'success'
console.log(t.txId);

// @ts-expect-error 1.1.9 has no theme option (the main entry's createFrontConnection has)
createFrontConnection({ clientId: '', onBrokerConnected: () => {}, theme: 'dark' });

// @ts-expect-error the 3.13 callback name is not a FrontOptions field
createFrontConnection({ clientId: '', onBrokerConnected: () => {}, onIntegrationConnected: () => {} });

const link = createFrontConnection({ clientId: '', onBrokerConnected: () => {} });
// @ts-expect-error 1.1.9's openLink takes the token only
void link.openLink('token', 'iframe-id');
// @ts-expect-error closeLinkRequested is 3.13's
link.closeLinkRequested();

declare const event: FrontEventType;
// @ts-expect-error transferExecuted is a later Link UI's key, not 1.1.9's
if (event.type === 'transferExecuted') console.log(event);

console.log(missing);
