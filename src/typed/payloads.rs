//! The payload types of the Link protocol, as serde structs with the
//! upstream field names. Fields the Link UI adds later land in `extra`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Fields this version does not know, kept as sent.
pub type Extra = Map<String, Value>;

/// One brokerage, exchange or wallet account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerAccount {
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

/// The tokens for one connected account: store them server-side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerAccountToken {
    /// The account.
    pub account: BrokerAccount,
    /// Access token for Mesh's API.
    pub access_token: String,
    /// Refresh token, where the institution has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How to show the institution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerBrandInfo {
    /// Logo (base64 PNG or URL).
    pub broker_logo: String,
    /// Brand colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broker_primary_color: Option<String>,
    /// `logoLightUrl`, `logoDarkUrl` and the like.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `AccessTokenPayload`: accounts connected with their tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessTokenPayload {
    /// One entry per connected account.
    pub account_tokens: Vec<BrokerAccountToken>,
    /// Branding of the institution.
    pub broker_brand_info: BrokerBrandInfo,
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
    pub broker_brand_info: BrokerBrandInfo,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `FrontPayload`, the argument of `onBrokerConnected`: exactly one is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FrontPayload {
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
    /// Transaction id.
    pub tx_id: String,
    /// Source address.
    pub from_address: String,
    /// Destination address.
    pub to_address: String,
    /// Asset symbol.
    pub symbol: String,
    /// Amount in `symbol`.
    pub amount: f64,
    /// Mesh network id.
    pub network_id: String,
    /// Optional extras (`amountInFiat`, fees, …).
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
    /// `{id?, name?}` of the chosen integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_integration: Option<Value>,
    /// Transfer details, if one was under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<Value>,
    /// The error, if the session failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// Fields added by newer Link UIs.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `FrontEventType`: `event_type` is one of
/// [`FRONT_EVENT_TYPE_KEYS`](crate::protocol::FRONT_EVENT_TYPE_KEYS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontEvent {
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

impl FrontEvent {
    /// The payload as a typed value, e.g. [`FrontPayload`] for
    /// `integrationConnected` or [`TransferFinishedPayload`] for
    /// `transferCompleted`.
    pub fn payload_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        self.payload.clone().and_then(|p| serde_json::from_value(p).ok())
    }
}
