import { createFrontConnection } from '/pkg/index.js';

const log = document.getElementById('log');
const show = (name, ...args) => {
  const item = document.createElement('li');
  item.textContent = `${name} ${args.map((a) => JSON.stringify(a)).join(' ')}`;
  log.append(item);
};

const link = createFrontConnection({
  clientId: 'demo',
  onBrokerConnected: (payload) => show('onBrokerConnected', payload),
  onExit: (...args) => show('onExit', ...args),
  onTransferFinished: (payload) => show('onTransferFinished', payload),
  onEvent: (event) => show('onEvent', event),
});

const script = [
  { type: 'loaded' },
  { type: 'integrationSelected', payload: { integrationType: 'robinhood', integrationName: 'Robinhood' } },
  { type: 'credentialsEntered' },
  {
    type: 'brokerageAccountAccessToken',
    payload: {
      accountTokens: [{ account: { accountId: 'demo-1', accountName: 'Demo account', cash: 100 }, accessToken: 'demo-token' }],
      brokerBrandInfo: { brokerLogo: '' },
      brokerType: 'robinhood',
      brokerName: 'Robinhood',
    },
  },
];

document.getElementById('connect').addEventListener('click', () => {
  const linkOrigin = document.documentElement.dataset.link || `${location.protocol}//127.0.0.1:${Number(location.port) + 1}`;
  const url = `${linkOrigin}/pages/link.html?script=${encodeURIComponent(btoa(JSON.stringify(script)))}`;
  link.openLink(btoa(url)).catch((error) => show('error', String(error)));
});
