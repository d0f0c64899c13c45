// A typical integration written against @front-finance/link 1.1.9's own
// types, unchanged but for the import path. `tsc` must accept it against
// front-link-wasm/front (tsconfig.json) and against 1.1.9 itself
// (tsconfig.upstream-front.json), which shows it is a genuine 1.1.9 app.
import {
  createFrontConnection,
  isFrontEventTypeKey,
  type AccessTokenPayload,
  type BrokerAccount,
  type BrokerAccountToken,
  type BrokerBrandInfo,
  type DelayedAuthPayload,
  type EventType,
  type FrontConnection,
  type FrontEventType,
  type FrontEventTypeKeys,
  type FrontOptions,
  type FrontPayload,
  type IntegrationAccessToken,
  type LinkStyle,
  type TransferCompleted,
  type TransferFinishedErrorPayload,
  type TransferFinishedPayload,
  type TransferFinishedSuccessPayload,
  type TransferPreviewed,
} from 'front-link-wasm/front';

const saved: IntegrationAccessToken[] = [{ accountId: 'a1', accountName: 'Main', accessToken: 'tok', brokerType: 'coinbase', brokerName: 'Coinbase' }];

function storeAccounts(payload: AccessTokenPayload): string[] {
  const brand: BrokerBrandInfo = payload.brokerBrandInfo;
  const type: AccessTokenPayload['brokerType'] = payload.brokerType;
  return payload.accountTokens.map((t: BrokerAccountToken) => {
    const account: BrokerAccount = t.account;
    return `${type}:${brand.brokerLogo.length}:${brand.brokerPrimaryColor ?? ''}:${account.accountId}:${account.cash ?? 0}:${t.refreshToken ?? ''}`;
  });
}

// 1.1.9's transfer result is a union: narrow on status.
function describeTransfer(transfer: TransferFinishedPayload): string {
  if (transfer.status === 'success') {
    const ok: TransferFinishedSuccessPayload = transfer;
    return `${ok.txId} ${ok.amount.toFixed(2)} ${ok.symbol} on ${ok.networkId}`;
  }
  const failed: TransferFinishedErrorPayload = transfer;
  return failed.errorMessage;
}

// Every event key labelled: the record needs exactly 1.1.9's ten keys.
const labels: Record<FrontEventTypeKeys, string> = {
  integrationConnected: 'Connected',
  integrationConnectionError: 'Connection failed',
  transferCompleted: 'Transfer completed',
  integrationSelected: 'Institution chosen',
  credentialsEntered: 'Credentials entered',
  transferStarted: 'Transfer started',
  transferPreviewed: 'Transfer previewed',
  transferPreviewError: 'Preview failed',
  transferExecutionError: 'Transfer failed',
  pageLoaded: 'Loaded',
};

function onEvent(event: FrontEventType): void {
  console.log(labels[event.type]);
  switch (event.type) {
    case 'integrationConnected':
      console.log(event.payload.accessToken?.brokerName);
      break;
    case 'transferCompleted': {
      const completed: TransferCompleted = event;
      console.log(describeTransfer(completed.payload));
      break;
    }
    case 'transferPreviewed': {
      const preview: TransferPreviewed['payload'] = event.payload;
      console.log(preview.previewId, preview.estimatedNetworkGasFee?.fee);
      break;
    }
    case 'integrationConnectionError':
    case 'transferPreviewError':
    case 'transferExecutionError':
      console.error(event.payload.errorMessage);
      break;
    case 'integrationSelected':
      console.log(event.payload.integrationName, event.payload.integrationType);
      break;
    case 'credentialsEntered':
    case 'transferStarted':
    case 'pageLoaded':
      break;
    default: {
      // Exhaustive: every member of FrontEventType is handled above.
      const unreachable: never = event;
      throw new Error(String(unreachable));
    }
  }
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
  onTransferFinished: (transfer) => console.log(describeTransfer(transfer)),
  onEvent,
  accessTokens: saved,
  transferDestinationTokens: [],
};

const link: FrontConnection = createFrontConnection(options);
const key: string = 'transferStarted';
if (isFrontEventTypeKey(key)) {
  const k: FrontEventTypeKeys = key;
  console.log(labels[k]);
}
const messages: EventType[] = ['brokerageAccountAccessToken', 'delayedAuthentication', 'close', 'done', 'loaded', 'oauthLinkOpen', 'transferFinished'];
const style: LinkStyle = { ir: 12, io: 0.5 };
console.log(style, messages);
void link.openLink('aHR0cHM6Ly9leGFtcGxlLmNvbQ==').then(() => link.closeLink());
void link.openPopup('https://example.com');
link.closePopup();

// A test double, as an app's unit tests write one.
export const fakeConnection: FrontConnection = {
  openPopup: async () => {},
  openLink: async (linkToken: string) => void linkToken,
  closePopup: () => {},
  closeLink: () => {},
};
