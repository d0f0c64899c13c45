// This package's own options (SessionGuards), on both faces of the main
// entry, and the React hooks' load state: what an app adopts after
// migrating. Compiled against this package only (upstream has none of it).
import { createFrontConnection, createLink, type FrontEventType, type LinkOptions } from 'front-link-wasm';

export const guarded: LinkOptions = {
  onIntegrationConnected: () => {},
  onExit: (error) => console.log(error ?? 'closed'),
  loadTimeout: 30_000,
  linkOrigins: ['https://web.meshconnect.com'],
  container: document.body,
  zIndex: 2_000_000,
  debug: true,
};
createLink(guarded).openLink('token');

createFrontConnection({
  clientId: 'id',
  onBrokerConnected: () => {},
  loadTimeout: 0,
  onEvent: (event: FrontEventType) => {
    if (event.type === 'popupBlocked') console.log(event.payload.url);
  },
});

// @ts-expect-error milliseconds, not a string
createLink({ onIntegrationConnected: () => {}, loadTimeout: '30s' });
// @ts-expect-error a list of origins
createLink({ onIntegrationConnected: () => {}, linkOrigins: 'https://web.meshconnect.com' });
// @ts-expect-error an element
createLink({ onIntegrationConnected: () => {}, container: '#root' });
// @ts-expect-error a boolean
createLink({ onIntegrationConnected: () => {}, debug: 'yes' });
