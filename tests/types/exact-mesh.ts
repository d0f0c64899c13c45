// front-link-wasm's main entry against @meshconnect/web-link-sdk 3.13's own
// types: for every export of 3.13, its type (for a function, its signature)
// is the same as ours. `Checks` has one key per export of 3.13 and no other;
// tests/js/package/package.test.mjs compares the keys with the exports tsc finds in
// 3.13's index.d.ts, so an export added upstream and not covered here fails.
import type * as Upstream from '@meshconnect/web-link-sdk';
import type * as Ours from 'front-link-wasm';
import type { Equal, Expect } from './equal';

export type Checks = {
  AccessTokenPayload: Expect<Equal<Upstream.AccessTokenPayload, Ours.AccessTokenPayload>>;
  Account: Expect<Equal<Upstream.Account, Ours.Account>>;
  AccountToken: Expect<Equal<Upstream.AccountToken, Ours.AccountToken>>;
  BrandInfo: Expect<Equal<Upstream.BrandInfo, Ours.BrandInfo>>;
  // 3.13 re-exports @meshconnect/node-api's union; ours holds every broker
  // type of the Link UI (tests/fixtures' brokerTypes) and every one of
  // node-api's, which today is the same set. Should the Link UI report a
  // broker node-api lacks, ours becomes deliberately wider: then this is
  // Extends<Upstream.BrokerType, Ours.BrokerType> (upstream → ours).
  BrokerType: Expect<Equal<Upstream.BrokerType, Ours.BrokerType>>;
  CloseEvent: Expect<Equal<Upstream.CloseEvent, Ours.CloseEvent>>;
  ConnectionDeclined: Expect<Equal<Upstream.ConnectionDeclined, Ours.ConnectionDeclined>>;
  ConnectionUnavailable: Expect<Equal<Upstream.ConnectionUnavailable, Ours.ConnectionUnavailable>>;
  CredentialsEntered: Expect<Equal<Upstream.CredentialsEntered, Ours.CredentialsEntered>>;
  CryptocurrencyFundingOption: Expect<Equal<Upstream.CryptocurrencyFundingOption, Ours.CryptocurrencyFundingOption>>;
  DefiWalletError: Expect<Equal<Upstream.DefiWalletError, Ours.DefiWalletError>>;
  DelayedAuthPayload: Expect<Equal<Upstream.DelayedAuthPayload, Ours.DelayedAuthPayload>>;
  DoneEvent: Expect<Equal<Upstream.DoneEvent, Ours.DoneEvent>>;
  EventType: Expect<Equal<Upstream.EventType, Ours.EventType>>;
  ExecuteFundingStep: Expect<Equal<Upstream.ExecuteFundingStep, Ours.ExecuteFundingStep>>;
  FundingOptionsUpdated: Expect<Equal<Upstream.FundingOptionsUpdated, Ours.FundingOptionsUpdated>>;
  FundingOptionsViewed: Expect<Equal<Upstream.FundingOptionsViewed, Ours.FundingOptionsViewed>>;
  GasIncreaseWarning: Expect<Equal<Upstream.GasIncreaseWarning, Ours.GasIncreaseWarning>>;
  HomePageLoaded: Expect<Equal<Upstream.HomePageLoaded, Ours.HomePageLoaded>>;
  HomePageMethodSelected: Expect<Equal<Upstream.HomePageMethodSelected, Ours.HomePageMethodSelected>>;
  IntegrationAccessToken: Expect<Equal<Upstream.IntegrationAccessToken, Ours.IntegrationAccessToken>>;
  IntegrationAccountSelectionRequired: Expect<Equal<Upstream.IntegrationAccountSelectionRequired, Ours.IntegrationAccountSelectionRequired>>;
  IntegrationConnected: Expect<Equal<Upstream.IntegrationConnected, Ours.IntegrationConnected>>;
  IntegrationConnectionError: Expect<Equal<Upstream.IntegrationConnectionError, Ours.IntegrationConnectionError>>;
  IntegrationMfaEntered: Expect<Equal<Upstream.IntegrationMfaEntered, Ours.IntegrationMfaEntered>>;
  IntegrationMfaRequired: Expect<Equal<Upstream.IntegrationMfaRequired, Ours.IntegrationMfaRequired>>;
  IntegrationOAuthStarted: Expect<Equal<Upstream.IntegrationOAuthStarted, Ours.IntegrationOAuthStarted>>;
  IntegrationSelected: Expect<Equal<Upstream.IntegrationSelected, Ours.IntegrationSelected>>;
  LegalTermsViewed: Expect<Equal<Upstream.LegalTermsViewed, Ours.LegalTermsViewed>>;
  Link: Expect<Equal<Upstream.Link, Ours.Link>>;
  LinkEventType: Expect<Equal<Upstream.LinkEventType, Ours.LinkEventType>>;
  LinkEventTypeKeys: Expect<Equal<Upstream.LinkEventTypeKeys, Ours.LinkEventTypeKeys>>;
  // Ours adds this package's optional SessionGuards (loadTimeout, linkOrigins, container, zIndex, debug).
  LinkOptions: Expect<Equal<Upstream.LinkOptions, Omit<Ours.LinkOptions, keyof Ours.SessionGuards>>>;
  LinkPayload: Expect<Equal<Upstream.LinkPayload, Ours.LinkPayload>>;
  LinkStyle: Expect<Equal<Upstream.LinkStyle, Ours.LinkStyle>>;
  LinkTransferQrGenerated: Expect<Equal<Upstream.LinkTransferQrGenerated, Ours.LinkTransferQrGenerated>>;
  PageLoaded: Expect<Equal<Upstream.PageLoaded, Ours.PageLoaded>>;
  SDKinjectedWalletProviders: Expect<Equal<Upstream.SDKinjectedWalletProviders, Ours.SDKinjectedWalletProviders>>;
  SeeWhatHappenedClicked: Expect<Equal<Upstream.SeeWhatHappenedClicked, Ours.SeeWhatHappenedClicked>>;
  SessionSummary: Expect<Equal<Upstream.SessionSummary, Ours.SessionSummary>>;
  TransferAmountEntered: Expect<Equal<Upstream.TransferAmountEntered, Ours.TransferAmountEntered>>;
  TransferAssetSelected: Expect<Equal<Upstream.TransferAssetSelected, Ours.TransferAssetSelected>>;
  TransferCompleted: Expect<Equal<Upstream.TransferCompleted, Ours.TransferCompleted>>;
  TransferConfigureError: Expect<Equal<Upstream.TransferConfigureError, Ours.TransferConfigureError>>;
  TransferDeclined: Expect<Equal<Upstream.TransferDeclined, Ours.TransferDeclined>>;
  TransferExecuted: Expect<Equal<Upstream.TransferExecuted, Ours.TransferExecuted>>;
  TransferExecutionError: Expect<Equal<Upstream.TransferExecutionError, Ours.TransferExecutionError>>;
  TransferFee: Expect<Equal<Upstream.TransferFee, Ours.TransferFee>>;
  TransferFinishedPayload: Expect<Equal<Upstream.TransferFinishedPayload, Ours.TransferFinishedPayload>>;
  TransferInitiated: Expect<Equal<Upstream.TransferInitiated, Ours.TransferInitiated>>;
  TransferKycRequired: Expect<Equal<Upstream.TransferKycRequired, Ours.TransferKycRequired>>;
  TransferMfaEntered: Expect<Equal<Upstream.TransferMfaEntered, Ours.TransferMfaEntered>>;
  TransferMfaRequired: Expect<Equal<Upstream.TransferMfaRequired, Ours.TransferMfaRequired>>;
  TransferNetworkSelected: Expect<Equal<Upstream.TransferNetworkSelected, Ours.TransferNetworkSelected>>;
  TransferNoEligibleAssets: Expect<Equal<Upstream.TransferNoEligibleAssets, Ours.TransferNoEligibleAssets>>;
  TransferPreviewError: Expect<Equal<Upstream.TransferPreviewError, Ours.TransferPreviewError>>;
  TransferPreviewed: Expect<Equal<Upstream.TransferPreviewed, Ours.TransferPreviewed>>;
  TransferStarted: Expect<Equal<Upstream.TransferStarted, Ours.TransferStarted>>;
  VerifyDonePage: Expect<Equal<Upstream.VerifyDonePage, Ours.VerifyDonePage>>;
  VerifyWalletRejected: Expect<Equal<Upstream.VerifyWalletRejected, Ours.VerifyWalletRejected>>;
  WalletMessageSigned: Expect<Equal<Upstream.WalletMessageSigned, Ours.WalletMessageSigned>>;
  // Same, but for the options' SessionGuards (see LinkOptions).
  createLink: Expect<Equal<(options: Upstream.LinkOptions) => Upstream.Link, (options: Omit<Parameters<typeof Ours.createLink>[0], keyof Ours.SessionGuards>) => ReturnType<typeof Ours.createLink>>>;
  isLinkEventTypeKey: Expect<Equal<typeof Upstream.isLinkEventTypeKey, typeof Ours.isLinkEventTypeKey>>;
};

// 3.13's global: both declarations merge into one `Window`, which tsc
// accepts only if the property has the same type in each.
export type WindowCheck = Expect<Equal<Window['meshLinkShouldSkipPrewarm'], boolean | undefined>>;
