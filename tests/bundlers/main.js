// A typical app entry, bundled by Vite and by webpack 5 with no plugin: the
// package must bring its wasm (new URL(…, import.meta.url)) along by itself.
import { createFrontConnection, isFrontEventTypeKey } from 'front-link-wasm';

window.run = (token) =>
  new Promise((resolve) => {
    const link = createFrontConnection({
      clientId: 'bundled',
      onBrokerConnected: () => {},
      onEvent: (event) => {
        if (event.type === 'pageLoaded') {
          link.closeLink();
          resolve(`pageLoaded ${isFrontEventTypeKey(event.type)}`);
        }
      },
      onExit: (error) => error && resolve(`exit ${error}`),
    });
    link.openLink(token);
  });
window.bundleReady = true;
