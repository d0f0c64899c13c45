// createFrontConnection from the main entry, as this package's own users
// write it: 1.1.9's names with what the package adds (newer options, the
// session summary, embedded rendering, later event keys, 3.13's brand
// fields) and the success | error transfer union as FrontTransferFinishedPayload.
import {
  createFrontConnection,
  isFrontEventTypeKey,
  type AccessTokenPayload,
  type BrokerBrandInfo,
  type BrokerType,
  type FrontConnection,
  type FrontEventType,
  type FrontEventTypeKeys,
  type FrontOptions,
  type FrontPayload,
  type FrontTransferFinishedPayload,
  type IntegrationAccessToken,
  type SessionSummary,
  type TransferFinishedErrorPayload,
  type TransferFinishedSuccessPayload,
} from 'front-link-wasm';

const saved: IntegrationAccessToken[] = [{ accountId: 'a1', accountName: 'Main', accessToken: 'tok', brokerType: 'coinbase', brokerName: 'Coinbase' }];

// 3.13's AccessTokenPayload: a FrontPayload's accessToken is one.
function store(payload: AccessTokenPayload): BrokerType {
  return payload.brokerType;
}

const options: FrontOptions = {
  clientId: 'client-id',
  onBrokerConnected: (payload: FrontPayload) => {
    if (payload.accessToken) {
      store(payload.accessToken);
      const brand: BrokerBrandInfo = payload.accessToken.brokerBrandInfo;
      console.log(brand.brokerPrimaryColor, brand.logoLightUrl, payload.accessToken.accountTokens[0]?.tokenId);
    }
    if (payload.delayedAuth) console.log(payload.delayedAuth.brokerBrandInfo.brokerPrimaryColor);
  },
  onExit: (error?: string, summary?: SessionSummary) => console.log(error, summary?.page, summary?.transfer?.transactionId),
  onTransferFinished: (transfer: FrontTransferFinishedPayload) => {
    if (transfer.status === 'success') {
      const ok: TransferFinishedSuccessPayload = transfer;
      console.log(ok.txId, ok.amount.toFixed(2), ok.txHash);
    } else {
      const failed: TransferFinishedErrorPayload = transfer;
      console.error(failed.errorMessage);
    }
  },
  onEvent: (event: FrontEventType) => {
    switch (event.type) {
      case 'integrationConnected':
        console.log(event.payload.accessToken?.brokerBrandInfo.brokerPrimaryColor);
        break;
      case 'transferCompleted':
        if (event.payload.status === 'error') console.error(event.payload.errorMessage);
        break;
      case 'transferStarted':
        console.log(event.payload?.integrationName);
        break;
      case 'transferExecuted':
        console.log(event.payload);
        break;
    }
  },
  accessTokens: saved,
  transferDestinationTokens: [],
  language: 'system',
  displayFiatCurrency: 'EUR',
  theme: 'dark',
  renderType: 'embedded',
  walletBridge: true,
};

const link: FrontConnection = createFrontConnection(options);
void link.openLink('token', 'iframe-id');
const key: string = 'transferExecuted';
if (isFrontEventTypeKey(key)) {
  const k: FrontEventTypeKeys = key;
  console.log(k);
}
