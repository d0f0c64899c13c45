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
        }
    }
}

impl Field {
    fn accepts<D: Data>(&self, object: &D) -> bool {
        match object.field(self.name) {
            Some(v) if v.kind() == Kind::Null => !self.required,
            Some(v) => self.shape.accepts(&v),
            None => !self.required,
        }
    }
}

use Shape::*;

static BROKER_BRAND_INFO: Shape = Obj(&[req("brokerLogo", Str), opt("brokerPrimaryColor", Str)]);

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
    ]),
    Obj(&[req("status", Lit("error")), req("errorMessage", Str)]),
]);

/// `SessionSummary`, the second argument of `onExit`.
pub static SESSION_SUMMARY: Shape = Obj(&[
    req("page", Str),
    opt("selectedIntegration", Obj(&[opt("id", Str), opt("name", Str)])),
    opt("transfer", Obj(&[])),
    opt("errorMessage", Str),
]);

/// `FrontPayload`, when the Link UI sends `integrationConnected` itself.
pub static FRONT_PAYLOAD: Shape = Obj(&[
    opt("accessToken", Ref(&ACCESS_TOKEN_PAYLOAD)),
    opt("delayedAuth", Ref(&DELAYED_AUTH_PAYLOAD)),
]);

/// `{errorMessage: string}` of the `…Error` events.
pub static ERROR_PAYLOAD: Shape = Obj(&[req("errorMessage", Str)]);

/// Payload of `integrationSelected`.
pub static INTEGRATION_SELECTED_PAYLOAD: Shape =
    Obj(&[req("integrationType", Str), req("integrationName", Str)]);

/// Payload of `transferPreviewed`.
pub static TRANSFER_PREVIEWED_PAYLOAD: Shape = Obj(&[
    req("amount", Num),
    req("symbol", Str),
    req("toAddress", Str),
    req("networkId", Str),
    req("previewId", Str),
    opt("networkName", Str),
    opt("amountInFiat", Num),
    opt("estimatedNetworkGasFee", Obj(&[opt("fee", Num), opt("feeCurrency", Str), opt("feeInFiat", Num)])),
]);
