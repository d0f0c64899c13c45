//! Comlink 4's wire protocol, the transport of the wallet bridge (SPEC §11),
//! and the rules that keep the Link UI's child inside the bridge's API.
//!
//! The child (the Link iframe, using the `comlink` package) sends
//! `{id, type, path, value?, argumentList?}`; the bridge answers
//! `{id, type:'RAW', value}` or `{id, type:'HANDLER', name, value}`.
//! Comlink's own `expose` walks any property path the child names, so a
//! child could reach `Object.prototype`, `Function`'s constructor or a
//! wallet's methods and rewrite them. Here every path is checked first: no
//! prototype plumbing, only the API's own fields at the top, writes only
//! to the API's own data fields, no construction.

use alloc::{string::String, vec::Vec};

use super::data::{Data, Kind};
use super::path::{is_allowed_name, MAX_SEGMENT};

/// What the child asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Read the value at `path`.
    Get,
    /// Write `value` at `path`.
    Set,
    /// Call the function at `path` with `this` = its parent.
    Apply,
    /// `new` the function at `path` (always refused here).
    Construct,
    /// A new `MessagePort` serving the whole API.
    Endpoint,
    /// The child is done with this endpoint.
    Release,
}

/// A value on the wire, in `value` or `argumentList`.
#[derive(Debug, Clone, PartialEq)]
pub enum Wire<D> {
    /// `{type:'RAW', value}`, whole: the web layer reads its `value` (so
    /// that `null` stays `null`).
    Raw(D),
    /// `{type:'HANDLER', name:'proxy', value: port}`: a callback or object
    /// the child keeps, reachable through this (transferred) port.
    Proxy(D),
}

/// A well-formed request of the child.
#[derive(Debug, Clone, PartialEq)]
pub struct Request<D> {
    /// Echoed in the reply, whatever it is.
    pub id: D,
    /// What to do.
    pub op: Op,
    /// Property names from the served object; `[]` is the object itself.
    pub path: Vec<String>,
    /// `path` as it came (an array of exactly those names), so that the
    /// web layer walks it without copying the names back out.
    pub path_value: Option<D>,
    /// `SET`'s value.
    pub value: Option<Wire<D>>,
    /// `APPLY`'s arguments.
    pub arguments: Vec<Wire<D>>,
}

/// Why a request is not carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a Comlink request at all (another protocol's message, or no
    /// `id`): ignored without a reply.
    NotComlink,
    /// `path` is not a short array of short strings, or names a property
    /// this bridge never serves. Answered with a `throw`.
    Path,
    /// `value`/`argumentList` is not made of wire values this bridge takes
    /// (`throw` values and unknown handlers included). Answered with a `throw`.
    Arguments,
    /// `CONSTRUCT`: nothing here is a constructor. Answered with a `throw`.
    Construct,
    /// `SET` outside the API's own data fields. Answered with a `throw`.
    Set,
}

impl Refusal {
    /// The `message` of the `TypeError` sent back to the child.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::NotComlink => "",
            Refusal::Path => "The wallet bridge does not serve this path",
            Refusal::Arguments => "The wallet bridge takes RAW values and proxies only",
            Refusal::Construct => "The wallet bridge has no constructors",
            Refusal::Set => "The wallet bridge lets the Link UI set its own data fields only",
        }
    }
}

/// Longest path the bridge follows; its API is four levels deep.
pub const MAX_PATH: usize = 8;
/// Most arguments one call may carry.
pub const MAX_ARGUMENTS: usize = 8;

// `static`s: the web layer knows a list by its address.
static OPS: [&str; 6] = ["GET", "SET", "APPLY", "CONSTRUCT", "ENDPOINT", "RELEASE"];
static WIRE_TYPES: [&str; 2] = ["RAW", "HANDLER"];
static PROXY: [&str; 1] = ["proxy"];

impl<D: Data> Request<D> {
    /// Reads a `message` event's data as a Comlink request. `Err` says
    /// whether to answer with a `throw` (and the request's id, to answer
    /// with) or to ignore it.
    pub fn classify(data: &D) -> Result<Request<D>, (Refusal, Option<D>)> {
        // Not an object: no `type` among these either.
        let op = match data.field_among("type", &OPS) {
            Some("GET") => Op::Get,
            Some("SET") => Op::Set,
            Some("APPLY") => Op::Apply,
            Some("CONSTRUCT") => Op::Construct,
            Some("ENDPOINT") => Op::Endpoint,
            Some("RELEASE") => Op::Release,
            _ => return Err((Refusal::NotComlink, None)),
        };
        // A reply without an id reaches nobody: the child matches on it.
        let id = data.field("id").filter(|id| !matches!(id.kind(), Kind::Null | Kind::Undefined));
        let Some(id) = id else { return Err((Refusal::NotComlink, None)) };
        let refuse = |why| Err((why, Some(id.clone())));
        let path_value = data.field("path");
        let path = match &path_value {
            None => Vec::new(),
            Some(path) => match segments(path) {
                Some(path) => path,
                None => return refuse(Refusal::Path),
            },
        };
        if op == Op::Construct {
            return refuse(Refusal::Construct);
        }
        let value = match (op, data.field("value")) {
            (Op::Set, Some(value)) => match wire(&value) {
                Some(value) => Some(value),
                None => return refuse(Refusal::Arguments),
            },
            _ => None,
        };
        let arguments = match (op, data.field("argumentList")) {
            (Op::Apply, Some(list)) => {
                let Some(items) = list.items(MAX_ARGUMENTS) else {
                    return refuse(Refusal::Arguments);
                };
                match items.iter().map(wire).collect::<Option<Vec<_>>>() {
                    Some(arguments) => arguments,
                    None => return refuse(Refusal::Arguments),
                }
            }
            _ => Vec::new(),
        };
        Ok(Request { id, op, path, path_value, value, arguments })
    }
}

/// The names of a `path`: at most [`MAX_PATH`] strings, each allowed by
/// the bridge's one name rule ([`is_allowed_name`]).
fn segments<D: Data>(path: &D) -> Option<Vec<String>> {
    let items = path.items(MAX_PATH)?;
    items.iter().map(|item| item.text(MAX_SEGMENT).filter(|s| is_allowed_name(s))).collect()
}

fn wire<D: Data>(value: &D) -> Option<Wire<D>> {
    match value.field_among("type", &WIRE_TYPES) {
        Some("RAW") => Some(Wire::Raw(value.clone())),
        Some("HANDLER") if value.field_among("name", &PROXY).is_some() => value.field("value").map(Wire::Proxy),
        _ => None,
    }
}

/// The bridge API's functions (SPEC §11), called by `APPLY [name]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiFunction {
    /// `discoverTronWallets(injectedIds)`.
    DiscoverTronWallets,
    /// `discoverTonWallets(jsBridgeKeys)`.
    DiscoverTonWallets,
    /// `subscribeEip6963ProviderEvent(uuid, eventName, callback, rdns?)`.
    SubscribeEip6963ProviderEvent,
    /// `subscribeTronProviderEvent(injectedId, eventName, callback)`.
    SubscribeTronProviderEvent,
    /// `subscribeSolanaWalletEvent(walletId, callback)`.
    SubscribeSolanaWalletEvent,
    /// `subscribeBip122WalletEvent(walletId, callback)`.
    SubscribeBip122WalletEvent,
}

/// The API's data fields, in 1.7.0's order: the child reads them with `GET`.
pub const API_FIELDS: [&str; 11] = [
    "eip6963Wallets",
    "eip6963WalletsReady",
    "walletStandardWallets",
    "walletStandardWalletsReady",
    "bip122Wallets",
    "bip122WalletsReady",
    "tronWallets",
    "tronWalletsReady",
    "tonWallets",
    "tonWalletsReady",
    "parentOrigin",
];

impl ApiFunction {
    /// The function of this name, if the API has one.
    pub fn named(name: &str) -> Option<ApiFunction> {
        use ApiFunction::*;
        Some(match name {
            "discoverTronWallets" => DiscoverTronWallets,
            "discoverTonWallets" => DiscoverTonWallets,
            "subscribeEip6963ProviderEvent" => SubscribeEip6963ProviderEvent,
            "subscribeTronProviderEvent" => SubscribeTronProviderEvent,
            "subscribeSolanaWalletEvent" => SubscribeSolanaWalletEvent,
            "subscribeBip122WalletEvent" => SubscribeBip122WalletEvent,
            _ => return None,
        })
    }
}

/// What a request on the API's own endpoint (the window, or a port from
/// `ENDPOINT`) comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Route<'a> {
    /// Walk `path` from the API object (data only from here on) and
    /// read, or call what is there.
    Walk(&'a [String]),
    /// Call one of the API's functions.
    Call(ApiFunction),
    /// Read a function as a value: Comlink cannot send one, and says so.
    Unserializable,
    /// Write the API's own data field.
    SetField(&'a str),
    /// `ENDPOINT` or `RELEASE`.
    Endpoint,
}

/// Where a request on the API goes, or why it goes nowhere.
pub fn route<'a, D>(request: &'a Request<D>) -> Result<Route<'a>, Refusal> {
    let path = request.path.as_slice();
    let first = path.first().map(String::as_str);
    let function = first.and_then(ApiFunction::named);
    let field = first.filter(|f| API_FIELDS.contains(f));
    match (request.op, path.len(), function, field) {
        (Op::Endpoint | Op::Release, ..) => Ok(Route::Endpoint),
        (Op::Construct, ..) => Err(Refusal::Construct),
        (Op::Set, 1, None, Some(field)) => Ok(Route::SetField(field)),
        (Op::Set, ..) => Err(Refusal::Set),
        (Op::Apply, 1, Some(function), _) => Ok(Route::Call(function)),
        (Op::Get, 1, Some(_), _) => Ok(Route::Unserializable),
        (Op::Get, 0, ..) => Ok(Route::Unserializable),
        (Op::Get | Op::Apply, _, None, Some(_)) => Ok(Route::Walk(path)),
        _ => Err(Refusal::Path),
    }
}

#[cfg(test)]
mod tests;
