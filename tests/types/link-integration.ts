// A typical @meshconnect/web-link-sdk 3.13 integration, React-style, as an
// app writes it against 3.13: only the import path differs. `tsc` must accept
// it against front-link-wasm (tsconfig.json) and against 3.13 itself
// (tsconfig.upstream-mesh.json). (React itself is stubbed below so this
// compiles without it.)
import {
  createLink,
  isLinkEventTypeKey,
  type Link,
  type LinkOptions,
  type LinkPayload,
  type LinkEventType,
  type LinkEventTypeKeys,
  type AccessTokenPayload,
  type AccountToken,
  type Account,
  type BrandInfo,
  type DelayedAuthPayload,
  type TransferFinishedPayload,
  type IntegrationAccessToken,
  type SessionSummary,
  type LinkStyle,
  type EventType,
  type BrokerType,
  type TransferExecuted,
  type SDKinjectedWalletProviders,
  type TransferCompleted,
  type TransferStarted,
  type IntegrationConnected,
  type DoneEvent,
} from 'front-link-wasm';

declare function useEffect(effect: () => void | (() => void), deps: unknown[]): void;
declare function useState<T>(initial: T): [T, (value: T) => void];
declare function saveOnServer(tokens: { accessToken: string; brokerType: BrokerType; accountId: string }[]): void;

window.meshLinkShouldSkipPrewarm = false;

export function useMeshLink(linkToken: string | null, embedded: boolean) {
  const [link, setLink] = useState<Link | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const options: LinkOptions = {
      clientId: 'deprecated-but-accepted',
      language: 'system',
      displayFiatCurrency: 'USD',
      theme: 'dark',
      renderType: embedded ? 'embedded' : 'overlay',
      accessTokens: [] as IntegrationAccessToken[],
      onIntegrationConnected: (payload: LinkPayload) => {
        const connected: AccessTokenPayload | undefined = payload.accessToken;
        if (connected) {
          const brand: BrandInfo = connected.brokerBrandInfo;
          console.log(brand.logoLightUrl ?? brand.brokerLogo, connected.expiresInSeconds);
          saveOnServer(
            connected.accountTokens.map((t: AccountToken) => {
              const account: Account = t.account;
              return { accessToken: t.accessToken, brokerType: connected.brokerType, accountId: account.accountId };
            }),
          );
        }
        const delayed: DelayedAuthPayload | undefined = payload.delayedAuth;
        if (delayed) console.log(delayed.refreshToken, delayed.brokerName);
      },
      onExit: (error?: string, summary?: SessionSummary) => {
        if (error) setError(error);
        if (summary) console.log(summary.page, summary.selectedIntegration?.integrationName, summary.transfer?.amount);
      },
      // 3.13 types one success shape: its fields are read without narrowing.
      onTransferFinished: (payload: TransferFinishedPayload) => {
        console.log(payload.txId, payload.amount.toFixed(2), payload.symbol, payload.networkId, payload.txHash);
      },
      onEvent: (event: LinkEventType) => {
        switch (event.type) {
          case 'integrationSelected':
            console.log(event.payload.integrationName, event.payload.userSearched);
            break;
          case 'transferExecuted': {
            const executed: TransferExecuted = event;
            console.log(executed.payload.status, executed.payload.txId);
            break;
          }
          case 'SDKinjectedWalletProviders': {
            const wallets: SDKinjectedWalletProviders['payload'] = event.payload;
            console.log(wallets.map((w) => w.name));
            break;
          }
          case 'transferNoEligibleAssets':
            console.log(event.payload.arrayOfTokensHeld[0]?.symbol);
            break;
          case 'defiWalletError':
            console.log(event.payload.errorType === 'timeout', event.payload.details.connectUri);
            break;
          case 'methodSelected':
            console.log(event.payload.method);
            break;
          case 'integrationConnectionError':
          case 'transferConfigureError':
            console.log(event.payload.errorMessage, event.payload.requestId);
            break;
          case 'transferCompleted': {
            const completed: TransferCompleted = event;
            console.log(completed.payload.txId, completed.payload.amount * 2);
            break;
          }
          case 'transferStarted': {
            const started: TransferStarted = event;
            console.log(started.payload.integrationName.toUpperCase());
            break;
          }
          case 'integrationConnected': {
            const connected: IntegrationConnected = event;
            console.log(connected.payload.accessToken?.brokerBrandInfo.iconDarkUrl);
            break;
          }
          case 'done': {
            const done: DoneEvent = event;
            console.log(done.payload.page, done.payload.transfer?.transactionId);
            break;
          }
          case 'pageLoaded':
            break;
        }
      },
    };
    setLink(createLink(options));
  }, [embedded]);

  useEffect(() => {
    if (!link || !linkToken) return;
    if (embedded) link.openLink(linkToken, 'mesh-embedded-iframe');
    else link.openLink(linkToken);
    return () => link.closeLinkRequested();
  }, [link, linkToken]);

  const key: LinkEventTypeKeys = 'SDKinjectedWalletProviders';
  const kinds: EventType[] = ['brokerageAccountAccessToken', 'delayedAuthentication', 'loaded', 'transferFinished'];
  const style: LinkStyle = { ir: 12, io: 0.4 };
  const onClick = () => link?.closeLink();
  return { error, onClick, known: isLinkEventTypeKey('done') && key, kinds, style };
}

// A test double, as an app's unit tests write one: 3.13's openLink returns void.
export const fakeLink: Link = {
  openLink: (linkToken: string) => console.log(linkToken),
  closeLink: () => {},
  closeLinkRequested: () => {},
};
