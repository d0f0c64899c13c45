//! Wallets injected as globals (Tron's `window.tronLink`, TON's
//! `window.<key>.tonconnect`): the Link UI names them by a dotted path from
//! `window`, which 1.7.0 walks as given. Here a path is only ever a few
//! plain property names, never the way into `Object.prototype` or a
//! constructor.

use alloc::string::String;
use alloc::vec::Vec;

use super::path::is_allowed_name;

/// Longest path from `window` to an injected wallet (`okxwallet.tronLink`).
pub const MAX_DEPTH: usize = 3;

/// The property names of a dotted `injectedId`, if it is a plain one: each
/// allowed by the bridge's one name rule ([`is_allowed_name`]) and an
/// identifier (ASCII letters, digits, `_`, `$`).
///
/// ```
/// use front_link_wasm::protocol::window_path;
/// assert_eq!(window_path("tokenpocket.tron"), Some(vec!["tokenpocket", "tron"]));
/// assert_eq!(window_path("constructor.constructor"), None);
/// assert_eq!(window_path("a..b"), None);
/// ```
pub fn window_path(id: &str) -> Option<Vec<&str>> {
    let path: Vec<&str> = id.split('.').collect();
    let plain = |s: &&str| is_allowed_name(s) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$');
    (path.len() <= MAX_DEPTH && path.iter().all(plain)).then_some(path)
}

/// A Tron wallet's `uuid` (`tron-` and the id, lower-cased, dots as dashes)
/// and `name` (the id up to its first dot), as 1.7.0 derives them.
///
/// ```
/// use front_link_wasm::protocol::tron_names;
/// assert_eq!(tron_names("tokenpocket.tron"), ("tron-tokenpocket-tron".into(), "tokenpocket".into()));
/// ```
pub fn tron_names(id: &str) -> (String, String) {
    let mut uuid = String::from("tron-");
    uuid.extend(id.chars().map(|c| if c == '.' { '-' } else { c.to_ascii_lowercase() }));
    let name = id.split('.').next().unwrap_or(id);
    (uuid, name.into())
}

/// A TON wallet's `uuid`: `ton-` and the key, lower-cased (dots kept).
pub fn ton_uuid(key: &str) -> String {
    let mut uuid = String::from("ton-");
    uuid.push_str(&key.to_ascii_lowercase());
    uuid
}
