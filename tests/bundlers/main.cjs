// The same app as main.js, written with require(): webpack takes the
// package's `require` entry (index.cjs), which reaches the ES module
// package through import(), a chunk of its own.
const { createLink, isLinkEventTypeKey } = require('front-link-wasm');

window.run = (token) =>
  new Promise((resolve) => {
    const link = createLink({
      clientId: 'bundled',
      onIntegrationConnected: () => {},
      onEvent: (event) => {
        if (event.type === 'pageLoaded') {
          link.closeLink();
          resolve(`pageLoaded ${isLinkEventTypeKey(event.type)}`);
        }
      },
      onExit: (error) => error && resolve(`exit ${error}`),
    });
    link.openLink(token);
  });
window.bundleReady = true;
