//! Payload shapes of the Link protocol, checked before a payload reaches a
//! typed callback. Unknown extra fields are allowed and handed on.

use super::data::{Data, Kind};

/// The shape a value must have.
#[derive(Debug)]
pub enum Shape {
    /// A string.
    Str,
    /// A number.
    Num,
    /// A boolean.
    Bool,
    /// Anything at all.
    Any,
    /// Exactly this string.
    Lit(&'static str),
    /// An array whose every element has this shape.
    List(&'static Shape),
    /// An object with these fields (and maybe others).
    Obj(&'static [Field]),
    /// Any one of these shapes.
    Either(&'static [Shape]),
    /// A shape defined elsewhere.
    Ref(&'static Shape),
    /// Absent (`undefined` or `null`), or the inner shape: for payloads
    /// that an event may or may not carry.
    Maybe(&'static Shape),
}

/// One field of an [`Shape::Obj`].
#[derive(Debug)]
pub struct Field {
    name: &'static str,
    shape: Shape,
    required: bool,
}

const fn req(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: true }
}

/// Optional fields may also be `null`: JSON APIs send it for "absent".
const fn opt(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: false }
}

impl Shape {
    /// Whether `value` has this shape.
    pub fn accepts<D: Data>(&self, value: &D) -> bool {
        match self {
            Shape::Str => value.kind() == Kind::String,
            Shape::Num => value.kind() == Kind::Number,
            Shape::Bool => value.kind() == Kind::Bool,
            Shape::Any => true,
            Shape::Lit(text) => value.string().as_deref() == Some(*text),
            Shape::List(item) => value.items().is_some_and(|items| items.iter().all(|i| item.accepts(i))),
            Shape::Obj(fields) => value.kind() == Kind::Object && fields.iter().all(|f| f.accepts(value)),
            Shape::Either(shapes) => shapes.iter().any(|s| s.accepts(value)),
            Shape::Ref(shape) => shape.accepts(value),
            Shape::Maybe(shape) => matches!(value.kind(), Kind::Undefined | Kind::Null) || shape.accepts(value),
        }
    }
}

impl Field {
    /// The field's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The shape of its value.
    pub fn shape(&self) -> &Shape {
        &self.shape
    }

    /// Whether it must be there (and not `null`).
    pub fn required(&self) -> bool {
        self.required
    }

    fn accepts<D: Data>(&self, object: &D) -> bool {
        let kind = match self.shape {
            Shape::Str => Kind::String,
            Shape::Num => Kind::Number,
            Shape::Bool => Kind::Bool,
            _ => return self.accepts_value(object),
        };
        match object.field_kind(self.name) {
            Kind::Undefined | Kind::Null => !self.required,
            found => found == kind,
        }
    }

    fn accepts_value<D: Data>(&self, object: &D) -> bool {
        match object.field(self.name) {
            Some(v) if v.kind() == Kind::Null => !self.required,
            Some(v) => self.shape.accepts(&v),
            None => !self.required,
        }
    }
}

use Shape::*;

static BROKER_BRAND_INFO: Shape = Obj(&[
    req("brokerLogo", Str),
    opt("brokerPrimaryColor", Str),
    opt("brokerLogoUrl", Str),
    opt("logoLightUrl", Str),
    opt("logoDarkUrl", Str),
    opt("iconLightUrl", Str),
    opt("iconDarkUrl", Str),
]);

static BROKER_ACCOUNT: Shape = Obj(&[
    req("accountId", Str),
    req("accountName", Str),
    opt("fund", Num),
    opt("cash", Num),
    opt("isReconnected", Bool),
]);

static BROKER_ACCOUNT_TOKEN: Shape = Obj(&[
    req("account", Ref(&BROKER_ACCOUNT)),
    req("accessToken", Str),
    opt("refreshToken", Str),
    opt("tokenId", Str),
]);

/// `AccessTokenPayload` (of `brokerageAccountAccessToken`).
pub static ACCESS_TOKEN_PAYLOAD: Shape = Obj(&[
    req("accountTokens", List(&BROKER_ACCOUNT_TOKEN)),
    req("brokerBrandInfo", Ref(&BROKER_BRAND_INFO)),
    opt("expiresInSeconds", Num),
    opt("refreshTokenExpiresInSeconds", Num),
    req("brokerType", Str),
    req("brokerName", Str),
]);

/// `DelayedAuthPayload` (of `delayedAuthentication`).
pub static DELAYED_AUTH_PAYLOAD: Shape = Obj(&[
    opt("refreshTokenExpiresInSeconds", Num),
    req("brokerType", Str),
    req("refreshToken", Str),
    req("brokerName", Str),
    req("brokerBrandInfo", Ref(&BROKER_BRAND_INFO)),
]);

/// `TransferFinishedPayload`: success or error.
pub static TRANSFER_FINISHED_PAYLOAD: Shape = Either(&[
    Obj(&[
        req("status", Lit("success")),
        req("txId", Str),
        req("fromAddress", Str),
        req("toAddress", Str),
        req("symbol", Str),
        req("amount", Num),
        req("networkId", Str),
        opt("userId", Str),
        opt("clientTransactionId", Str),
        opt("amountInFiat", Num),
        opt("totalAmountInFiat", Num),
        opt("networkName", Str),
        opt("txHash", Str),
        opt("transferId", Str),
        opt("refundAddress", Str),
    ]),
    Obj(&[req("status", Lit("error")), req("errorMessage", Str)]),
]);

/// `SessionSummary`, the second argument of `onExit`.
pub static SESSION_SUMMARY: Shape = Obj(&[
    req("page", Str),
    opt(
        "selectedIntegration",
        Obj(&[opt("id", Str), opt("name", Str), opt("integrationType", Str), opt("integrationName", Str)]),
    ),
    opt("transfer", Obj(&[])),
    opt("errorMessage", Str),
]);

/// `FrontPayload`, when the Link UI sends `integrationConnected` itself.
pub static FRONT_PAYLOAD: Shape = Obj(&[
    opt("accessToken", Ref(&ACCESS_TOKEN_PAYLOAD)),
    opt("delayedAuth", Ref(&DELAYED_AUTH_PAYLOAD)),
]);

/// `{errorMessage: string}` of the `…Error` events.
pub static ERROR_PAYLOAD: Shape = Obj(&[req("errorMessage", Str), opt("requestId", Str)]);

/// Payload of `integrationSelected`.
pub static INTEGRATION_SELECTED_PAYLOAD: Shape = Obj(&[
    req("integrationType", Str),
    req("integrationName", Str),
    opt("nativeLink", Str),
    opt("userSearched", Bool),
]);

static TRANSFER_FEE: Shape = Obj(&[opt("fee", Num), opt("feeCurrency", Str), opt("feeInFiat", Num)]);

static FUNDING_OPTION: Shape = Obj(&[
    opt("cryptocurrencyFundingOptionType", Str),
    opt("name", Str),
    opt("paymentMethodType", Str),
    opt("usedAmountInCryptocurrency", Num),
    opt("usedAmountInFiat", Num),
    opt("cryptocurrencySymbol", Str),
    opt("fee", Obj(&[])),
]);

/// Payload of `transferPreviewed`.
pub static TRANSFER_PREVIEWED_PAYLOAD: Shape = Obj(&[
    req("amount", Num),
    req("symbol", Str),
    req("toAddress", Str),
    req("networkId", Str),
    req("previewId", Str),
    opt("networkName", Str),
    opt("amountInFiat", Num),
    opt("fiatCurrency", Str),
    opt("integrationType", Str),
    opt("integrationName", Str),
    opt("estimatedNetworkGasFee", Ref(&TRANSFER_FEE)),
    opt("institutionTransferFee", Ref(&TRANSFER_FEE)),
    opt("customClientFee", Ref(&TRANSFER_FEE)),
    opt("cryptocurrencyFundingOptions", List(&FUNDING_OPTION)),
    opt("userId", Str),
    opt("clientTransactionId", Str),
]);

// The payloads 3.13's event types promise for keys 1.1.9 did not know.

/// `transferStarted`: 1.1.9 sent none, 3.13 types one.
pub static TRANSFER_STARTED_PAYLOAD: Shape = Maybe(&Obj(&[opt("integrationType", Str), req("integrationName", Str)]));

/// `transferInitiated`.
pub static TRANSFER_INITIATED_PAYLOAD: Shape =
    Obj(&[opt("integrationType", Str), req("integrationName", Str), req("status", Lit("pending"))]);

/// `transferExecuted`.
pub static TRANSFER_EXECUTED_PAYLOAD: Shape = Obj(&[
    req("status", Either(&[Lit("success"), Lit("pending")])),
    req("txId", Str),
    req("fromAddress", Str),
    req("toAddress", Str),
    req("symbol", Str),
    req("amount", Num),
    req("networkId", Str),
    opt("userId", Str),
    opt("clientTransactionId", Str),
]);

/// `transferNoEligibleAssets`.
pub static TRANSFER_NO_ELIGIBLE_ASSETS_PAYLOAD: Shape = Obj(&[
    opt("integrationType", Str),
    req("integrationName", Str),
    opt("noAssetsType", Str),
    req(
        "arrayOfTokensHeld",
        List(&Obj(&[req("symbol", Str), req("amount", Num), opt("amountInFiat", Num), opt("ineligibilityReason", Str)])),
    ),
]);

/// `transferAssetSelected`.
pub static TRANSFER_ASSET_SELECTED_PAYLOAD: Shape = Obj(&[req("symbol", Str)]);

/// `transferNetworkSelected`.
pub static TRANSFER_NETWORK_SELECTED_PAYLOAD: Shape = Obj(&[req("id", Str), req("name", Str)]);

/// `connectionUnavailable`.
pub static CONNECTION_UNAVAILABLE_PAYLOAD: Shape =
    Obj(&[opt("integrationType", Str), req("integrationName", Str), req("reason", Str)]);

/// `connectionDeclined`.
pub static CONNECTION_DECLINED_PAYLOAD: Shape = Obj(&[
    opt("integrationType", Str),
    req("integrationName", Str),
    req("reason", Str),
    opt("networkId", Str),
    opt("toAddress", Str),
    opt("errorMessage", Str),
]);

/// `transferDeclined`.
pub static TRANSFER_DECLINED_PAYLOAD: Shape = Obj(&[
    opt("integrationType", Str),
    req("integrationName", Str),
    opt("toAddress", Str),
    opt("token", Str),
    opt("network", Str),
    opt("amount", Num),
    req("status", Str),
]);

/// `walletMessageSigned` (the hash and message may be `undefined`).
pub static WALLET_MESSAGE_SIGNED_PAYLOAD: Shape = Obj(&[
    opt("signedMessageHash", Str),
    opt("message", Str),
    req("address", Str),
    req("timeStamp", Num),
    req("isVerified", Bool),
    opt("verifiedAddresses", List(&Str)),
]);

/// `defiWalletError`.
pub static DEFI_WALLET_ERROR_PAYLOAD: Shape = Obj(&[
    req("integrationName", Str),
    req("errorType", Either(&[Lit("timeout"), Lit("verifyMismatch")])),
    req(
        "details",
        Obj(&[
            opt("requestedAddress", Str),
            opt("connectedAddress", Str),
            opt("requestedNetwork", Str),
            opt("connectedNetwork", Str),
            opt("connectUri", Str),
        ]),
    ),
    req("timeStamp", Num),
]);

/// `SDKinjectedWalletProviders`.
pub static INJECTED_WALLET_PROVIDERS_PAYLOAD: Shape =
    List(&Obj(&[opt("icon", Str), req("id", Str), req("name", Str)]));

/// `executeFundingStep`.
pub static EXECUTE_FUNDING_STEP_PAYLOAD: Shape =
    Obj(&[req("cryptocurrencyFundingOptionType", Str), req("status", Str), opt("errorMessage", Str)]);

/// `linkTransferQRGenerated`.
pub static LINK_TRANSFER_QR_GENERATED_PAYLOAD: Shape =
    Obj(&[opt("token", Str), opt("network", Str), opt("toAddress", Str), opt("qrUrl", Str)]);

/// `methodSelected`.
pub static METHOD_SELECTED_PAYLOAD: Shape =
    Obj(&[req("method", Either(&[Lit("embedded"), Lit("manual"), Lit("buy")]))]);
