//! The event keys the Link UI may send and `onEvent` passes on.

use super::dialect::Dialect;
use super::shape::{self, Shape};

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

/// The payload shape the typings of `dialect` promise for `key`: `Any`
/// where they promise nothing in particular. 1.1.9 typed only its ten keys;
/// 3.13 types most of the later ones too.
pub fn payload_shape(dialect: Dialect, key: &str) -> &'static Shape {
    let later = match (dialect, key) {
        (Dialect::Front, _) => &Shape::Any,
        (_, "transferStarted") => &shape::TRANSFER_STARTED_PAYLOAD,
        (_, "transferConfigureError") => &shape::ERROR_PAYLOAD,
        (_, "transferInitiated") => &shape::TRANSFER_INITIATED_PAYLOAD,
        (_, "transferExecuted") => &shape::TRANSFER_EXECUTED_PAYLOAD,
        (_, "transferNoEligibleAssets") => &shape::TRANSFER_NO_ELIGIBLE_ASSETS_PAYLOAD,
        (_, "transferAssetSelected") => &shape::TRANSFER_ASSET_SELECTED_PAYLOAD,
        (_, "transferNetworkSelected") => &shape::TRANSFER_NETWORK_SELECTED_PAYLOAD,
        (_, "connectionUnavailable") => &shape::CONNECTION_UNAVAILABLE_PAYLOAD,
        (_, "connectionDeclined") => &shape::CONNECTION_DECLINED_PAYLOAD,
        (_, "transferDeclined") => &shape::TRANSFER_DECLINED_PAYLOAD,
        (_, "walletMessageSigned") => &shape::WALLET_MESSAGE_SIGNED_PAYLOAD,
        (_, "defiWalletError") => &shape::DEFI_WALLET_ERROR_PAYLOAD,
        (_, "SDKinjectedWalletProviders") => &shape::INJECTED_WALLET_PROVIDERS_PAYLOAD,
        (_, "executeFundingStep") => &shape::EXECUTE_FUNDING_STEP_PAYLOAD,
        (_, "linkTransferQRGenerated") => &shape::LINK_TRANSFER_QR_GENERATED_PAYLOAD,
        (_, "methodSelected") => &shape::METHOD_SELECTED_PAYLOAD,
        _ => &Shape::Any,
    };
    match key {
        "integrationConnected" => &shape::FRONT_PAYLOAD,
        "transferCompleted" => &shape::TRANSFER_FINISHED_PAYLOAD,
        "integrationConnectionError" | "transferPreviewError" | "transferExecutionError" => &shape::ERROR_PAYLOAD,
        "integrationSelected" => &shape::INTEGRATION_SELECTED_PAYLOAD,
        "transferPreviewed" => &shape::TRANSFER_PREVIEWED_PAYLOAD,
        _ => later,
    }
}
