//! How much of what the Link UI sends is copied into the wasm. Its memory
//! never shrinks, and a structured clone can carry a 100-million-character
//! string or claim an array length of millions in a few bytes: every string
//! and array the core reads from a message is measured first, in JavaScript,
//! and refused whole if it is longer than its bound. Payloads handed to the
//! app are never copied, so they have no bound here. (The wallet bridge's
//! bounds are beside its rules: [`MAX_PATH`](super::MAX_PATH),
//! [`MAX_SEGMENT`](super::MAX_SEGMENT), [`MAX_ARGUMENTS`](super::MAX_ARGUMENTS),
//! [`MAX_ID`].)

/// Longest `close`/`done` error (`message`, `payload.errorMessage`) handed
/// to `onExit`: a sentence or a stack trace fits; a longer one is no
/// message a user reads, and is dropped (with a warning).
pub const MAX_ERROR_TEXT: usize = 4096;

/// Longest `oauthLinkOpen` link: OAuth authorization URLs are well under
/// 2 KB; browsers refuse far shorter ones in `window.open` than they load.
pub const MAX_LINK: usize = 8192;

/// Longest wallet id, chain or injected-wallet name the bridge reads from
/// the Link UI's arguments (ids are UUIDs and reverse-DNS names).
pub const MAX_ID: usize = 256;

/// Most injected-wallet names one discovery call may list.
pub const MAX_NAMES: usize = 64;

/// Most transaction bytes the bridge reads into the wasm: a Solana
/// transaction fits one packet, 1232 bytes.
pub const MAX_TRANSACTION: usize = 1232;
