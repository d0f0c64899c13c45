//! The event keys the Link UI may send and `onEvent` passes on.

use super::face::Face;
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

/// What the upstream types promise for an event key's payload: the key, its
/// payload, and whether 1.1.9 typed it too (it typed only its ten keys;
/// 3.13 types most of the later ones).
const EVENT_PAYLOADS: [(&str, Payload, bool); 23] = {
    use Payload::*;
    [
        ("integrationConnected", LinkPayload, true),
        ("transferCompleted", TransferFinished, true),
        ("integrationConnectionError", Error, true),
        ("transferPreviewError", Error, true),
        ("transferExecutionError", Error, true),
        ("integrationSelected", IntegrationSelected, true),
        ("transferPreviewed", TransferPreviewed, true),
        ("transferStarted", TransferStarted, false),
        ("transferConfigureError", Error, false),
        ("transferInitiated", TransferInitiated, false),
        ("transferExecuted", TransferExecuted, false),
        ("transferNoEligibleAssets", TransferNoEligibleAssets, false),
        ("transferAssetSelected", TransferAssetSelected, false),
        ("transferNetworkSelected", TransferNetworkSelected, false),
        ("connectionUnavailable", ConnectionUnavailable, false),
        ("connectionDeclined", ConnectionDeclined, false),
        ("transferDeclined", TransferDeclined, false),
        ("walletMessageSigned", WalletMessageSigned, false),
        ("defiWalletError", DefiWalletError, false),
        ("SDKinjectedWalletProviders", InjectedWalletProviders, false),
        ("executeFundingStep", ExecuteFundingStep, false),
        ("linkTransferQRGenerated", LinkTransferQrGenerated, false),
        ("methodSelected", MethodSelected, false),
    ]
};

/// The payload shape the typings of `face` promise for `key`: `None`
/// where they promise nothing in particular. A `const fn`, so the web
/// layer's lookups are a table built at compile time.
pub const fn payload_shape(face: Face, key: &str) -> Option<Payload> {
    let mut at = 0;
    while at < EVENT_PAYLOADS.len() {
        let (name, payload, in_front) = EVENT_PAYLOADS[at];
        if same(name, key) {
            return if in_front || matches!(face, Face::Link) { Some(payload) } else { None };
        }
        at += 1;
    }
    None
}

/// `a == b`, in a `const fn`.
pub(crate) const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}
