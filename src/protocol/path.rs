//! The bridge's one rule for property names (SPEC §11), wherever the Link
//! UI names a property: a Comlink `path` ([`super::comlink`]) or a dotted
//! `injectedId` from `window` ([`super::window_path`]). A name is followed
//! only if it is not empty, at most [`MAX_SEGMENT`] bytes, none of
//! [`FORBIDDEN_NAMES`], which lead out of the data into the machinery of
//! JavaScript objects (`Object.prototype`, `Function`), and does not start
//! with `_`: a wallet's internal members (an EventEmitter's `_events`, which
//! holds the app's own listeners; a widget's `_iframe`) are no wallet
//! operation of the Link UI's.
//!
//! What no name can say is the web layer's, at each step of a walk: own
//! members at the top, never a member of the shared prototypes (`step` in
//! `src/web/bridge/walk.js`).

/// Names that lead out of the data into the machinery of JavaScript objects.
pub const FORBIDDEN_NAMES: [&str; 3] = ["__proto__", "prototype", "constructor"];

/// Longest property name the bridge reads.
pub const MAX_SEGMENT: usize = 64;

/// Whether the bridge follows a property of this name at all.
///
/// ```
/// use front_link_wasm::protocol::is_allowed_name;
/// assert!(is_allowed_name("eip6963Wallets"));
/// assert!(!is_allowed_name("__proto__"));
/// assert!(!is_allowed_name(""));
/// assert!(!is_allowed_name("_events"));
/// ```
pub fn is_allowed_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= MAX_SEGMENT && !FORBIDDEN_NAMES.contains(&name) && !name.starts_with('_')
}
