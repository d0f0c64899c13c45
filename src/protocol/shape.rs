//! Payload shapes of the Link protocol, checked before a payload reaches a
//! typed callback. Unknown extra fields are allowed and handed on.
//!
//! The shapes are the upstream SDKs' TypeScript types, and the upstream
//! types lag the wire: the runtime delivers whatever passes the sender
//! check (see [`InboundMessage`](super::InboundMessage)); a shape is what
//! `debug` compares a delivered payload with, what the `.d.ts` files
//! declare, and, with the fields marked [`Field::lags`], what the Rust
//! API's serde types take.
//!
//! This is the one declaration of the wire schema. `tests/generated.rs`
//! renders it into what JavaScript needs (`src/web/tables.js`, read by the
//! one-call check of the web layer) and into `tests/schema.json`, against
//! which tests hold the TypeScript declarations and the Rust API's serde
//! types, both ways.

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
    lags: bool,
}

const fn req(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: true, lags: false }
}

/// Optional fields may also be `null`: JSON APIs send it for "absent".
const fn opt(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: false, lags: false }
}

/// Required by the upstream types, absent or `null` in what Mesh's Link UI
/// really sends (`tests/corpus/wire.json` cites where): the Rust API's type
/// takes it as optional.
const fn lax(name: &'static str, shape: Shape) -> Field {
    Field { name, shape, required: true, lags: true }
}

impl Shape {
    /// Whether `value` has this shape.
    pub fn accepts<D: Data>(&self, value: &D) -> bool {
        match self {
            Shape::Str => value.kind() == Kind::String,
            Shape::Num => value.kind() == Kind::Number,
            Shape::Bool => value.kind() == Kind::Bool,
            Shape::Any => true,
            Shape::Lit(text) => value.text(text.len()).as_deref() == Some(*text),
            // Only `debug` and the tests check shapes, on payloads already
            // delivered; the web layer checks in JavaScript.
            Shape::List(item) => value.items(usize::MAX).is_some_and(|items| items.iter().all(|i| item.accepts(i))),
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

    /// Whether the upstream type says it must be there (and not `null`).
    pub fn required(&self) -> bool {
        self.required
    }

    /// Whether the wire lags the upstream type here: a required field that
    /// Mesh's Link UI sends absent or `null` (`tests/corpus/wire.json`).
    pub fn lags(&self) -> bool {
        self.lags
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
    // Absent or null: wire.json `android-mfs-v3-access-token`,
    // `flutter-access-token-multi-account-null-logo`, `docs-mmt-access-token-empty-brand-info`.
    lax("brokerLogo", Str),
    opt("brokerPrimaryColor", Str),
    opt("brokerLogoUrl", Str),
    opt("logoLightUrl", Str),
    opt("logoDarkUrl", Str),
    opt("iconLightUrl", Str),
    opt("iconDarkUrl", Str),
]);

static BROKER_ACCOUNT: Shape =
    Obj(&[req("accountId", Str), req("accountName", Str), opt("fund", Num), opt("cash", Num), opt("isReconnected", Bool)]);

static BROKER_ACCOUNT_TOKEN: Shape =
    Obj(&[req("account", Ref(&BROKER_ACCOUNT)), req("accessToken", Str), opt("refreshToken", Str), opt("tokenId", Str)]);

/// `AccessTokenPayload` (of `brokerageAccountAccessToken`).
static ACCESS_TOKEN_PAYLOAD: Shape = Obj(&[
    // Both absent: wire.json `rn-backup-access-token-bare`.
    lax("accountTokens", List(&BROKER_ACCOUNT_TOKEN)),
    lax("brokerBrandInfo", Ref(&BROKER_BRAND_INFO)),
    opt("expiresInSeconds", Num),
    opt("refreshTokenExpiresInSeconds", Num),
    req("brokerType", Str),
    req("brokerName", Str),
]);

/// `DelayedAuthPayload` (of `delayedAuthentication`).
static DELAYED_AUTH_PAYLOAD: Shape = Obj(&[
    opt("refreshTokenExpiresInSeconds", Num),
    req("brokerType", Str),
    req("refreshToken", Str),
    req("brokerName", Str),
    req("brokerBrandInfo", Ref(&BROKER_BRAND_INFO)),
]);

/// A transfer that went through: 3.13's `TransferFinishedPayload`.
static TRANSFER_FINISHED_SUCCESS: Shape = Obj(&[
    req("status", Lit("success")),
    // Optional in Mesh's iOS model (wire.json cites it beside
    // `android-transfer-success-no-addresses`, which has neither address).
    lax("txId", Str),
    lax("fromAddress", Str),
    lax("toAddress", Str),
    req("symbol", Str),
    req("amount", Num),
    lax("networkId", Str),
    opt("userId", Str),
    opt("clientTransactionId", Str),
    opt("amountInFiat", Num),
    opt("totalAmountInFiat", Num),
    opt("networkName", Str),
    opt("txHash", Str),
    opt("transferId", Str),
    opt("refundAddress", Str),
]);

/// A transfer that failed: the Link UI reports it the same way.
static TRANSFER_FINISHED_ERROR: Shape = Obj(&[req("status", Lit("error")), req("errorMessage", Str)]);

/// What `transferFinished` carries: 1.1.9's `TransferFinishedPayload`.
static TRANSFER_FINISHED_PAYLOAD: Shape = Either(&[Ref(&TRANSFER_FINISHED_SUCCESS), Ref(&TRANSFER_FINISHED_ERROR)]);

/// `SessionSummary`, the second argument of `onExit`.
static SESSION_SUMMARY: Shape = Obj(&[
    req("page", Str),
    opt("selectedIntegration", Obj(&[opt("id", Str), opt("name", Str), opt("integrationType", Str), opt("integrationName", Str)])),
    opt(
        "transfer",
        Obj(&[
            opt("previewId", Str),
            opt("symbol", Str),
            opt("amount", Num),
            opt("amountInFiat", Num),
            opt("transactionId", Str),
            opt("networkId", Str),
        ]),
    ),
    opt("errorMessage", Str),
]);

/// `FrontPayload`, when the Link UI sends `integrationConnected` itself.
static FRONT_PAYLOAD: Shape = Obj(&[opt("accessToken", Ref(&ACCESS_TOKEN_PAYLOAD)), opt("delayedAuth", Ref(&DELAYED_AUTH_PAYLOAD))]);

/// `{errorMessage: string}` of the `…Error` events.
static ERROR_PAYLOAD: Shape = Obj(&[req("errorMessage", Str), opt("requestId", Str)]);

/// Payload of `integrationSelected`.
static INTEGRATION_SELECTED_PAYLOAD: Shape =
    Obj(&[req("integrationType", Str), req("integrationName", Str), opt("nativeLink", Str), opt("userSearched", Bool)]);

static TRANSFER_FEE: Shape = Obj(&[opt("fee", Num), opt("feeCurrency", Str), opt("feeInFiat", Num)]);

static FUNDING_OPTION: Shape = Obj(&[
    opt("cryptocurrencyFundingOptionType", Str),
    opt("name", Str),
    opt("paymentMethodType", Str),
    opt("usedAmountInCryptocurrency", Num),
    opt("usedAmountInFiat", Num),
    opt("cryptocurrencySymbol", Str),
    opt(
        "fee",
        Obj(&[
            opt("amountInFiat", Num),
            opt("fiatSymbol", Str),
            opt("amountInCryptocurrency", Num),
            opt("cryptocurrencySymbol", Str),
            opt("isInclusive", Bool),
            opt("usedCurrencyType", Str),
        ]),
    ),
]);

/// Payload of `transferPreviewed`.
static TRANSFER_PREVIEWED_PAYLOAD: Shape = Obj(&[
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
static TRANSFER_STARTED_PAYLOAD: Shape = Maybe(&Obj(&[opt("integrationType", Str), req("integrationName", Str)]));

/// `transferInitiated`.
static TRANSFER_INITIATED_PAYLOAD: Shape = Obj(&[opt("integrationType", Str), req("integrationName", Str), req("status", Lit("pending"))]);

/// `transferExecuted`.
static TRANSFER_EXECUTED_PAYLOAD: Shape = Obj(&[
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
static TRANSFER_NO_ELIGIBLE_ASSETS_PAYLOAD: Shape = Obj(&[
    opt("integrationType", Str),
    req("integrationName", Str),
    opt("noAssetsType", Str),
    req(
        "arrayOfTokensHeld",
        List(&Obj(&[req("symbol", Str), req("amount", Num), opt("amountInFiat", Num), opt("ineligibilityReason", Str)])),
    ),
]);

/// `transferAssetSelected`.
static TRANSFER_ASSET_SELECTED_PAYLOAD: Shape = Obj(&[req("symbol", Str)]);

/// `transferNetworkSelected`.
static TRANSFER_NETWORK_SELECTED_PAYLOAD: Shape = Obj(&[req("id", Str), req("name", Str)]);

/// `connectionUnavailable`.
static CONNECTION_UNAVAILABLE_PAYLOAD: Shape = Obj(&[opt("integrationType", Str), req("integrationName", Str), req("reason", Str)]);

/// `connectionDeclined`.
static CONNECTION_DECLINED_PAYLOAD: Shape = Obj(&[
    opt("integrationType", Str),
    req("integrationName", Str),
    req("reason", Str),
    opt("networkId", Str),
    opt("toAddress", Str),
    opt("errorMessage", Str),
]);

/// `transferDeclined`.
static TRANSFER_DECLINED_PAYLOAD: Shape = Obj(&[
    opt("integrationType", Str),
    req("integrationName", Str),
    opt("toAddress", Str),
    opt("token", Str),
    opt("network", Str),
    opt("amount", Num),
    req("status", Str),
]);

/// `walletMessageSigned` (the hash and message may be `undefined`).
static WALLET_MESSAGE_SIGNED_PAYLOAD: Shape = Obj(&[
    opt("signedMessageHash", Str),
    opt("message", Str),
    req("address", Str),
    req("timeStamp", Num),
    req("isVerified", Bool),
    opt("verifiedAddresses", List(&Str)),
]);

/// `defiWalletError`.
static DEFI_WALLET_ERROR_PAYLOAD: Shape = Obj(&[
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
static INJECTED_WALLET_PROVIDERS_PAYLOAD: Shape = List(&Obj(&[opt("icon", Str), req("id", Str), req("name", Str)]));

/// `executeFundingStep`.
static EXECUTE_FUNDING_STEP_PAYLOAD: Shape =
    Obj(&[req("cryptocurrencyFundingOptionType", Str), req("status", Str), opt("errorMessage", Str)]);

/// `linkTransferQRGenerated`.
static LINK_TRANSFER_QR_GENERATED_PAYLOAD: Shape = Obj(&[opt("token", Str), opt("network", Str), opt("toAddress", Str), opt("qrUrl", Str)]);

/// `methodSelected`.
static METHOD_SELECTED_PAYLOAD: Shape = Obj(&[req("method", Either(&[Lit("embedded"), Lit("manual"), Lit("buy")]))]);

/// Declares [`Payload`] from one table: each variant with its name in
/// `tests/schema.json` and its shape, in table order.
macro_rules! payloads {
    ($($(#[$doc:meta])* $variant:ident = ($name:literal, $shape:expr),)*) => {
        /// A payload shape the upstreams' types name. `payload as u32` is its place
        /// in the generated JavaScript table, so the web layer hands over a number,
        /// never the shape: the trees stay out of the shipped wasm.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Payload {
            $($(#[$doc])* $variant,)*
        }

        impl Payload {
            /// Every payload shape, in table order.
            pub const ALL: [Payload; [$(Payload::$variant),*].len()] = [$(Payload::$variant),*];

            /// The shape itself.
            pub fn shape(self) -> &'static Shape {
                match self {
                    $(Payload::$variant => $shape,)*
                }
            }

            /// The name of the shape in `tests/schema.json` (the upstreams'
            /// name where they have one).
            pub fn name(self) -> &'static str {
                match self {
                    $(Payload::$variant => $name,)*
                }
            }
        }
    };
}

payloads! {
    /// 3.13's `BrandInfo`, 1.1.9's `BrokerBrandInfo`.
    BrandInfo = ("BrandInfo", &BROKER_BRAND_INFO),
    /// 3.13's `Account`, 1.1.9's `BrokerAccount`.
    Account = ("Account", &BROKER_ACCOUNT),
    /// 3.13's `AccountToken`, 1.1.9's `BrokerAccountToken`.
    AccountToken = ("AccountToken", &BROKER_ACCOUNT_TOKEN),
    /// `AccessTokenPayload` (of `brokerageAccountAccessToken`).
    AccessToken = ("AccessTokenPayload", &ACCESS_TOKEN_PAYLOAD),
    /// `DelayedAuthPayload` (of `delayedAuthentication`).
    DelayedAuth = ("DelayedAuthPayload", &DELAYED_AUTH_PAYLOAD),
    /// A transfer that went through: 3.13's `TransferFinishedPayload`,
    /// 1.1.9's `TransferFinishedSuccessPayload`.
    TransferFinishedSuccess = ("TransferFinishedSuccessPayload", &TRANSFER_FINISHED_SUCCESS),
    /// 1.1.9's `TransferFinishedErrorPayload`.
    TransferFinishedError = ("TransferFinishedErrorPayload", &TRANSFER_FINISHED_ERROR),
    /// Either of the two: what `transferFinished` carries.
    TransferFinished = ("TransferFinishedPayload", &TRANSFER_FINISHED_PAYLOAD),
    /// `SessionSummary`, the second argument of `onExit`.
    SessionSummary = ("SessionSummary", &SESSION_SUMMARY),
    /// 3.13's `LinkPayload`, 1.1.9's `FrontPayload`.
    LinkPayload = ("LinkPayload", &FRONT_PAYLOAD),
    /// `{errorMessage}` of the `…Error` events.
    Error = ("ErrorPayload", &ERROR_PAYLOAD),
    /// `integrationSelected`.
    IntegrationSelected = ("IntegrationSelectedPayload", &INTEGRATION_SELECTED_PAYLOAD),
    /// A fee inside `transferPreviewed`.
    TransferFee = ("TransferFee", &TRANSFER_FEE),
    /// A funding option inside `transferPreviewed`.
    FundingOption = ("CryptocurrencyFundingOption", &FUNDING_OPTION),
    /// `transferPreviewed`.
    TransferPreviewed = ("TransferPreviewedPayload", &TRANSFER_PREVIEWED_PAYLOAD),
    /// `transferStarted` (may carry nothing).
    TransferStarted = ("TransferStartedPayload", &TRANSFER_STARTED_PAYLOAD),
    /// `transferInitiated`.
    TransferInitiated = ("TransferInitiatedPayload", &TRANSFER_INITIATED_PAYLOAD),
    /// `transferExecuted`.
    TransferExecuted = ("TransferExecutedPayload", &TRANSFER_EXECUTED_PAYLOAD),
    /// `transferNoEligibleAssets`.
    TransferNoEligibleAssets = ("TransferNoEligibleAssetsPayload", &TRANSFER_NO_ELIGIBLE_ASSETS_PAYLOAD),
    /// `transferAssetSelected`.
    TransferAssetSelected = ("TransferAssetSelectedPayload", &TRANSFER_ASSET_SELECTED_PAYLOAD),
    /// `transferNetworkSelected`.
    TransferNetworkSelected = ("TransferNetworkSelectedPayload", &TRANSFER_NETWORK_SELECTED_PAYLOAD),
    /// `connectionUnavailable`.
    ConnectionUnavailable = ("ConnectionUnavailablePayload", &CONNECTION_UNAVAILABLE_PAYLOAD),
    /// `connectionDeclined`.
    ConnectionDeclined = ("ConnectionDeclinedPayload", &CONNECTION_DECLINED_PAYLOAD),
    /// `transferDeclined`.
    TransferDeclined = ("TransferDeclinedPayload", &TRANSFER_DECLINED_PAYLOAD),
    /// `walletMessageSigned`.
    WalletMessageSigned = ("WalletMessageSignedPayload", &WALLET_MESSAGE_SIGNED_PAYLOAD),
    /// `defiWalletError`.
    DefiWalletError = ("DefiWalletErrorPayload", &DEFI_WALLET_ERROR_PAYLOAD),
    /// `SDKinjectedWalletProviders`.
    InjectedWalletProviders = ("SDKinjectedWalletProvidersPayload", &INJECTED_WALLET_PROVIDERS_PAYLOAD),
    /// `executeFundingStep`.
    ExecuteFundingStep = ("ExecuteFundingStepPayload", &EXECUTE_FUNDING_STEP_PAYLOAD),
    /// `linkTransferQRGenerated`.
    LinkTransferQrGenerated = ("LinkTransferQrGeneratedPayload", &LINK_TRANSFER_QR_GENERATED_PAYLOAD),
    /// `methodSelected`.
    MethodSelected = ("MethodSelectedPayload", &METHOD_SELECTED_PAYLOAD),
}
