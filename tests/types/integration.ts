// A typical integration written against @front-finance/link 1.1.9's types,
// unchanged but for the import path. `tsc --noEmit` must accept it.
import {
  createFrontConnection,
  isFrontEventTypeKey,
  type AccessTokenPayload,
  type BrokerAccount,
  type BrokerAccountToken,
  type BrokerBrandInfo,
  type BrokerType,
  type DelayedAuthPayload,
  type FrontConnection,
  type FrontEventType,
  type FrontEventTypeKeys,
  type FrontOptions,
  type FrontPayload,
  type IntegrationAccessToken,
  type LinkStyle,
  type SessionSummary,
  type TransferFinishedPayload,
} from 'front-link-wasm';

const saved: IntegrationAccessToken[] = [
  { accountId: 'a1', accountName: 'Main', accessToken: 'tok', brokerType: 'coinbase', brokerName: 'Coinbase' },
];

function storeAccounts(payload: AccessTokenPayload): string[] {
  const brand: BrokerBrandInfo = payload.brokerBrandInfo;
  const type: BrokerType = payload.brokerType;
  return payload.accountTokens.map((t: BrokerAccountToken) => {
    const account: BrokerAccount = t.account;
    return `${type}:${brand.brokerLogo.length}:${account.accountId}:${account.cash ?? 0}:${t.refreshToken ?? ''}`;
  });
}

const options: FrontOptions = {
  clientId: 'client-id',
  onBrokerConnected: (payload: FrontPayload) => {
    if (payload.accessToken) storeAccounts(payload.accessToken);
    const delayed: DelayedAuthPayload | undefined = payload.delayedAuth;
    if (delayed) console.log(delayed.refreshToken, delayed.brokerName);
  },
  onExit: (error?: string) => {
    if (error) console.error(error);
  },
  onTransferFinished: (transfer: TransferFinishedPayload) => {
    if (transfer.status === 'success') console.log(transfer.txId, transfer.amount.toFixed(2));
    else console.error(transfer.errorMessage);
  },
  onEvent: (event: FrontEventType) => {
    switch (event.type) {
      case 'integrationConnected':
        console.log(event.payload.accessToken?.brokerName);
        break;
      case 'transferPreviewed':
        console.log(event.payload.previewId, event.payload.estimatedNetworkGasFee?.fee);
        break;
      case 'integrationConnectionError':
        console.log(event.payload.errorMessage);
        break;
      case 'pageLoaded':
        break;
    }
  },
  accessTokens: saved,
  transferDestinationTokens: [],
};

const link: FrontConnection = createFrontConnection(options);
const key: string = 'transferStarted';
if (isFrontEventTypeKey(key)) {
  const k: FrontEventTypeKeys = key;
  console.log(k);
}
const style: LinkStyle = { ir: 12, io: 0.5 };
console.log(style);
void link.openLink('aHR0cHM6Ly9leGFtcGxlLmNvbQ==').then(() => link.closeLink());
void link.openPopup('https://example.com');
link.closePopup();

// Newer options and the summary argument.
createFrontConnection({
  clientId: '',
  onBrokerConnected: () => {},
  onExit: (error?: string, summary?: SessionSummary) => console.log(error, summary?.page, summary?.selectedIntegration?.name),
  language: 'system',
  displayFiatCurrency: 'EUR',
  theme: 'dark',
  renderType: 'embedded',
}).openLink('token', 'iframe-id');
