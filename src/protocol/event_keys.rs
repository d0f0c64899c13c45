//! The event keys the Link UI may send and `onEvent` passes on.

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

/// `isFrontEventTypeKey`.
pub fn is_front_event_type_key(key: &str) -> bool {
    FRONT_EVENT_TYPE_KEYS.contains(&key)
}

/// The payload shape the typings promise for `key`: `Any` where they
/// promise nothing in particular.
pub fn payload_shape(key: &str) -> &'static Shape {
    match key {
        "integrationConnected" => &shape::FRONT_PAYLOAD,
        "transferCompleted" => &shape::TRANSFER_FINISHED_PAYLOAD,
        "integrationConnectionError" | "transferPreviewError" | "transferExecutionError" => &shape::ERROR_PAYLOAD,
        "integrationSelected" => &shape::INTEGRATION_SELECTED_PAYLOAD,
        "transferPreviewed" => &shape::TRANSFER_PREVIEWED_PAYLOAD,
        _ => &Shape::Any,
    }
}
