// Mistakes 3.13's own types reject, and so must ours: each line below is an
// error, and tsc fails if any of them is not.
import { createLink, type EventType, type LinkOptions, type IntegrationAccessToken, type LinkEventType } from 'front-link-wasm';

// @ts-expect-error onIntegrationConnected is required
const missing: LinkOptions = { clientId: 'x' };

// @ts-expect-error theme is 'dark' | 'light' | 'system'
createLink({ onIntegrationConnected: () => {}, theme: 'purple' });

// @ts-expect-error renderType is 'overlay' | 'embedded'
createLink({ onIntegrationConnected: () => {}, renderType: 'inline' });

// @ts-expect-error the 1.1.9 callback name is not a LinkOptions field
createLink({ onIntegrationConnected: () => {}, onBrokerConnected: () => {} });

// @ts-expect-error brokerType is a BrokerType, not any string
const token: IntegrationAccessToken = { accountId: '', accountName: '', accessToken: '', brokerType: 'notABroker', brokerName: '' };

const link = createLink({ onIntegrationConnected: () => {} });
// @ts-expect-error openLink takes a token string
link.openLink(42);
// @ts-expect-error 3.13's Link has no openPopup
link.openPopup('https://example.com');

declare const event: LinkEventType;
if (event.type === 'transferAssetSelected') {
  // @ts-expect-error its payload has a symbol, not an amount
  console.log(event.payload.amount);
}
// @ts-expect-error not an event key
const wrong: LinkEventType = { type: 'loaded' };

// @ts-expect-error 3.13's EventType lists four messages, not 'close'
const message: EventType = 'close';

console.log(missing, token, wrong, message);
