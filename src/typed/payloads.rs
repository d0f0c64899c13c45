//! The payload types of the Link protocol, as serde structs with the
//! upstream field names. Fields the Link UI adds later land in `extra`.
//!
//! Names are 3.13's (`LinkPayload`, `AccountToken`, …); 1.1.9's names are
//! aliases. Each struct has exactly the fields of its shape in the core's
//! schema (`src/protocol/shape.rs`), required where it is required:
//! `tests/typed_schema.rs` holds them to it both ways.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Fields this version does not know, kept as sent.
pub type Extra = Map<String, Value>;

/// One brokerage, exchange or wallet account (3.13's `Account`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The account's id at the institution.
    pub account_id: String,
    /// Its display name.
    pub account_name: String,
    /// Total value, if reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund: Option<f64>,
    /// Cash balance, if reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash: Option<f64>,
    /// Whether this account was connected before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_reconnected: Option<bool>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The tokens for one connected account: store them server-side (3.13's
/// `AccountToken`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountToken {
    /// The account.
    pub account: Account,
    /// Access token for Mesh's API.
    pub access_token: String,
    /// Refresh token, where the institution has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Mesh's id of this token, where the Link UI sends one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_id: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How to show the institution (3.13's `BrandInfo`). Every field may be
/// missing: Link UIs send `{}` or `{"brokerLogo": null}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrandInfo {
    /// Logo (base64 PNG); newer Link UIs send the URLs below instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broker_logo: Option<String>,
    /// Brand colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broker_primary_color: Option<String>,
    /// Logo URL (obsolete: use `logo_light_url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broker_logo_url: Option<String>,
    /// Logo URL for a light theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_light_url: Option<String>,
    /// Logo URL for a dark theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_dark_url: Option<String>,
    /// Icon URL for a light theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_light_url: Option<String>,
    /// Icon URL for a dark theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_dark_url: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `AccessTokenPayload`: accounts connected with their tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessTokenPayload {
    /// One entry per connected account (none if the Link UI sent none).
    #[serde(default)]
    pub account_tokens: Vec<AccountToken>,
    /// Branding of the institution (empty if the Link UI sent none).
    #[serde(default)]
    pub broker_brand_info: BrandInfo,
    /// Access token lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_seconds: Option<f64>,
    /// Refresh token lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token_expires_in_seconds: Option<f64>,
    /// `BrokerType`, e.g. `robinhood` (a string: new ones appear).
    pub broker_type: String,
    /// Display name of the institution.
    pub broker_name: String,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `DelayedAuthPayload`: a connection whose access token comes later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DelayedAuthPayload {
    /// Refresh token lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token_expires_in_seconds: Option<f64>,
    /// `BrokerType`.
    pub broker_type: String,
    /// The refresh token to exchange later.
    pub refresh_token: String,
    /// Display name of the institution.
    pub broker_name: String,
    /// Branding of the institution.
    pub broker_brand_info: BrandInfo,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `LinkPayload` (1.1.9's `FrontPayload`), the argument of
/// `on_integration_connected`: exactly one is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkPayload {
    /// Set for `brokerageAccountAccessToken`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<AccessTokenPayload>,
    /// Set for `delayedAuthentication`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delayed_auth: Option<DelayedAuthPayload>,
}

/// `TransferFinishedPayload`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
// One per finished transfer, handed over once: the size difference costs
// nothing worth a `Box` in every caller's pattern.
#[allow(clippy::large_enum_variant)]
pub enum TransferFinishedPayload {
    /// The transfer was executed.
    Success(TransferFinishedSuccessPayload),
    /// It failed.
    Error(TransferFinishedErrorPayload),
}

/// A finished transfer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferFinishedSuccessPayload {
    /// Transaction id (Link UIs have sent transfers without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tx_id: Option<String>,
    /// Source address (absent for some sources, e.g. an exchange account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_address: Option<String>,
    /// Destination address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_address: Option<String>,
    /// Asset symbol.
    pub symbol: String,
    /// Amount in `symbol`.
    pub amount: f64,
    /// Mesh network id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// Your id of the user, as given for the link token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Your id of the transaction, as given for the link token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_transaction_id: Option<String>,
    /// The amount in the display fiat currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_in_fiat: Option<f64>,
    /// The amount with fees, in fiat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_amount_in_fiat: Option<f64>,
    /// The network's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_name: Option<String>,
    /// The on-chain transaction hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tx_hash: Option<String>,
    /// Mesh's id of the transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_id: Option<String>,
    /// Where a refund would go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_address: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A failed transfer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferFinishedErrorPayload {
    /// Why.
    pub error_message: String,
    /// Anything else sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `IntegrationAccessToken`: a token the host already holds, handed to the
/// Link UI (`accessTokens`, `transferDestinationTokens`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IntegrationAccessToken {
    /// Account id.
    pub account_id: String,
    /// Account name.
    pub account_name: String,
    /// The access token.
    pub access_token: String,
    /// `BrokerType`.
    pub broker_type: String,
    /// Institution name.
    pub broker_name: String,
}

/// `SessionSummary`, the second argument of `onExit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    /// The page the user left from.
    pub page: String,
    /// The integration the user chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_integration: Option<SelectedIntegration>,
    /// Transfer details, if one was under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<SessionTransfer>,
    /// The error, if the session failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `SessionSummary.selectedIntegration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SelectedIntegration {
    /// Mesh's id of the integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its `BrokerType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_type: Option<String>,
    /// Its name, as the Link UI shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_name: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `SessionSummary.transfer`: the transfer under way when the session ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionTransfer {
    /// The preview's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_id: Option<String>,
    /// Asset symbol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Amount in `symbol`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The amount in fiat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_in_fiat: Option<f64>,
    /// The transaction's id, once there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// Mesh network id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `LinkEventType` (1.1.9's `FrontEventType`): `event_type` is one of the
/// event keys ([`is_link_event_type_key`](crate::protocol::is_link_event_type_key)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkEvent {
    /// The event key.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The payload, if the event has one; see [`FrontEvent::payload_as`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Value>,
    /// Anything else sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl LinkEvent {
    /// The payload as a typed value, e.g. [`LinkPayload`] for
    /// `integrationConnected` or [`TransferFinishedPayload`] for
    /// `transferCompleted`.
    pub fn payload_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        self.payload.clone().and_then(|p| serde_json::from_value(p).ok())
    }
}

/// 1.1.9's name for [`Account`].
pub type BrokerAccount = Account;
/// 1.1.9's name for [`AccountToken`].
pub type BrokerAccountToken = AccountToken;
/// 1.1.9's name for [`BrandInfo`].
pub type BrokerBrandInfo = BrandInfo;
/// 1.1.9's name for [`LinkPayload`].
pub type FrontPayload = LinkPayload;
/// 1.1.9's name for [`LinkEvent`].
pub type FrontEvent = LinkEvent;
