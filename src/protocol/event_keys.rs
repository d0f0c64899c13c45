//! The event keys the Link UI may send and `onEvent` passes on.

use super::dialect::Dialect;
use super::shape::Payload;

/// Every `FrontEventTypeKeys` value: the ten of `@front-finance/link` 1.1.9
/// first, then those later Link UIs send.
pub const FRONT_EVENT_TYPE_KEYS: [&str; 40] = [
    "integrationConnected",
    "integrationConnectionError",
    "transferCompleted",
    "integrationSelected",
    "credentialsEntered",
    "transferStarted",
    "transferPreviewed",
    "transferPreviewError",
    "transferExecutionError",
    "pageLoaded",
    "integrationMfaRequired",
    "integrationMfaEntered",
    "integrationOAuthStarted",
    "integrationAccountSelectionRequired",
    "transferAssetSelected",
    "transferNetworkSelected",
    "transferAmountEntered",
    "transferMfaRequired",
    "transferMfaEntered",
    "transferKycRequired",
    "transferExecuted",
    "transferInitiated",
    "transferNoEligibleAssets",
    "transferConfigureError",
    "transferDeclined",
    "connectionDeclined",
    "connectionUnavailable",
    "walletMessageSigned",
    "verifyDonePage",
    "verifyWalletRejected",
    "legalTermsViewed",
    "seeWhatHappenedClicked",
    "executeFundingStep",
    "fundingOptionsUpdated",
    "fundingOptionsViewed",
    "gasIncreaseWarning",
    "linkTransferQRGenerated",
    "methodSelected",
    "defiWalletError",
    "homePageLoaded",
];

/// The keys `LinkEventTypeKeys` of 3.13 has beyond [`FRONT_EVENT_TYPE_KEYS`].
/// `done` and `close` end the session before `onEvent` could hear them;
/// they are keys for the types' sake.
pub const LATER_LINK_EVENT_TYPE_KEYS: [&str; 3] = ["done", "close", "SDKinjectedWalletProviders"];

/// `isFrontEventTypeKey`.
pub fn is_front_event_type_key(key: &str) -> bool {
    FRONT_EVENT_TYPE_KEYS.contains(&key)
}

/// `isLinkEventTypeKey`: the 43 keys of 3.13.
pub fn is_link_event_type_key(key: &str) -> bool {
    is_front_event_type_key(key) || LATER_LINK_EVENT_TYPE_KEYS.contains(&key)
}

/// The payload shape the typings of `dialect` promise for `key`: `None`
/// where they promise nothing in particular. 1.1.9 typed only its ten keys;
/// 3.13 types most of the later ones too.
pub fn payload_shape(dialect: Dialect, key: &str) -> Option<Payload> {
    use Payload::*;
    let later = match (dialect, key) {
        (Dialect::Front, _) => None,
        (_, "transferStarted") => Some(TransferStarted),
        (_, "transferConfigureError") => Some(Error),
        (_, "transferInitiated") => Some(TransferInitiated),
        (_, "transferExecuted") => Some(TransferExecuted),
        (_, "transferNoEligibleAssets") => Some(TransferNoEligibleAssets),
        (_, "transferAssetSelected") => Some(TransferAssetSelected),
        (_, "transferNetworkSelected") => Some(TransferNetworkSelected),
        (_, "connectionUnavailable") => Some(ConnectionUnavailable),
        (_, "connectionDeclined") => Some(ConnectionDeclined),
        (_, "transferDeclined") => Some(TransferDeclined),
        (_, "walletMessageSigned") => Some(WalletMessageSigned),
        (_, "defiWalletError") => Some(DefiWalletError),
        (_, "SDKinjectedWalletProviders") => Some(InjectedWalletProviders),
        (_, "executeFundingStep") => Some(ExecuteFundingStep),
        (_, "linkTransferQRGenerated") => Some(LinkTransferQrGenerated),
        (_, "methodSelected") => Some(MethodSelected),
        _ => None,
    };
    match key {
        "integrationConnected" => Some(LinkPayload),
        "transferCompleted" => Some(TransferFinished),
        "integrationConnectionError" | "transferPreviewError" | "transferExecutionError" => Some(Error),
        "integrationSelected" => Some(IntegrationSelected),
        "transferPreviewed" => Some(TransferPreviewed),
        _ => later,
    }
}
