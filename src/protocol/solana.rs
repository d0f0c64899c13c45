//! Solana, as the wallet bridge needs it without `@solana/web3.js`: where
//! the parts of a serialized transaction lie (and so whether bytes are one),
//! which cluster an RPC URL names, and base58 (how signatures and keys are
//! written). This is the only place a transaction's bytes are decoded: the
//! Solana adapters' JavaScript (`src/web/bridge/solana.js`) only slices
//! them by the [`transaction_layout`] it gets through `codec(op, value)`,
//! whose op codes are [`CodecOp`].

use alloc::string::String;
use alloc::vec::Vec;

/// What the web layer's `codec(op, value)` does, by its `op` code. The
/// JavaScript knows the codes by name from [`CODEC_OPS`] (its copy:
/// `src/web/bridge/rules.js`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodecOp {
    /// Bytes → their [`transaction_layout`] (a `Uint32Array`), or
    /// `undefined` if they are not a transaction.
    Layout = 0,
    /// An RPC URL → its [`solana_chain_for_endpoint`].
    Chain = 1,
    /// Bytes → their [`base58`].
    Base58 = 2,
}

/// The codec's op codes by their JavaScript name.
pub const CODEC_OPS: &[(&str, u32)] =
    &[("LAYOUT", CodecOp::Layout as u32), ("CHAIN", CodecOp::Chain as u32), ("BASE58", CodecOp::Base58 as u32)];

impl CodecOp {
    /// Every op, in code order.
    pub const ALL: [CodecOp; 3] = [CodecOp::Layout, CodecOp::Chain, CodecOp::Base58];

    /// The op of this code, if there is one.
    pub fn from_code(code: u32) -> Option<CodecOp> {
        CodecOp::ALL.into_iter().find(|op| *op as u32 == code)
    }
}

/// Bytes of a signature.
const SIGNATURE: usize = 64;
/// Bytes of a public key (an account key, a table address, a blockhash).
const KEY: usize = 32;

/// Where the parts of a serialized transaction, legacy or v0, lie, as
/// web3.js 1.x reads one: compact-u16 signature count and signatures, then
/// the message (version prefix for v0, header, account keys, blockhash,
/// instructions, and for v0 the address table lookups). `None` if `bytes`
/// are not one. Trailing bytes are not looked at, as there.
///
/// The layout is flat, in wire order, made of spans (a part's start and
/// end offsets, end excluded) and counts (a list: its count, then each
/// entry), so that the web layer slices without knowing a size:
///
/// 1. signatures: a list of spans;
/// 2. the message's start (it runs to the end of the bytes);
/// 3. 1 for a v0 message, 0 for a legacy one;
/// 4. the header: a span (3 bytes);
/// 5. account keys: a list of spans;
/// 6. the recent blockhash: a span;
/// 7. instructions: a list, each the program id index (a 1-byte span),
///    the account indexes and the data (spans);
/// 8. v0 only, address table lookups: a list, each the table address, the
///    writable indexes and the readonly indexes (spans).
///
/// ```
/// use front_link_wasm::protocol::transaction_layout;
/// assert_eq!(transaction_layout(&[1, 2, 3]), None);
/// // No signature, a legacy message with no keys and no instructions.
/// let mut tx = vec![0, 1, 0, 0, 0];
/// tx.extend([7; 32]);
/// tx.push(0);
/// assert_eq!(transaction_layout(&tx), Some(vec![0, 1, 0, 1, 4, 0, 5, 37, 0]));
/// ```
pub fn transaction_layout(bytes: &[u8]) -> Option<Vec<u32>> {
    let mut r = Reader { bytes, at: 0, layout: Vec::new() };
    r.list(SIGNATURE, false)?; // signatures
    let message = r.at;
    let prefix = *bytes.get(message)?;
    let v0 = prefix & 0x80 != 0;
    if v0 && prefix != 0x80 {
        return None; // only version 0 exists
    }
    r.push(message)?;
    r.push(usize::from(v0))?;
    // Past the version prefix: there is a byte at `message`.
    r.at += usize::from(v0);
    r.span(3)?; // header
    r.list(KEY, false)?; // account keys
    r.span(KEY)?; // recent blockhash
    r.list(1, true)?; // instructions: program id index, account indexes, data
    if v0 {
        r.list(KEY, true)?; // table lookups: address, writable indexes, readonly indexes
    }
    Some(r.layout)
}

/// Reads forward through `bytes`, writing where each part lies to `layout`.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    layout: Vec<u32>,
}

impl Reader<'_> {
    /// A number of the layout (an offset or a count).
    fn push(&mut self, n: usize) -> Option<()> {
        self.layout.push(u32::try_from(n).ok()?);
        Some(())
    }

    /// `n` bytes: their span goes to the layout.
    fn span(&mut self, n: usize) -> Option<()> {
        let start = self.at;
        self.at = start.checked_add(n).filter(|&end| end <= self.bytes.len())?;
        self.push(start)?;
        self.push(self.at)
    }

    /// Solana's "compact-u16": 7 bits a byte, at most 3 bytes.
    fn length(&mut self) -> Option<usize> {
        let mut value = 0usize;
        for shift in [0, 7, 14] {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            value |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return (value <= usize::from(u16::MAX)).then_some(value);
            }
        }
        None
    }

    /// A compact-u16 length and that many bytes: their span.
    fn bytes(&mut self) -> Option<()> {
        let n = self.length()?;
        self.span(n)
    }

    /// A compact-u16 count of entries, each a `size`-byte span and, if
    /// `two_byte_strings` (an instruction, a table lookup), two compact-u16
    /// byte strings: the count, then each entry's spans.
    fn list(&mut self, size: usize, two_byte_strings: bool) -> Option<()> {
        let n = self.length()?;
        self.push(n)?;
        for _ in 0..n {
            self.span(size)?;
            if two_byte_strings {
                self.bytes()?;
                self.bytes()?;
            }
        }
        Some(())
    }
}

/// The Wallet Standard chain an RPC endpoint serves, as the Solana wallet
/// adapter guesses it from the URL.
///
/// ```
/// use front_link_wasm::protocol::solana_chain_for_endpoint;
/// assert_eq!(solana_chain_for_endpoint("https://api.devnet.solana.com"), "solana:devnet");
/// assert_eq!(solana_chain_for_endpoint("https://rpc.example/mainnet"), "solana:mainnet");
/// ```
pub fn solana_chain_for_endpoint(url: &str) -> &'static str {
    // A byte search: `str::contains` would bring its slicing panic, and
    // with it `core::fmt`, into the wasm.
    let has = |needle: &[u8]| url.as_bytes().windows(needle.len()).any(|w| w == needle);
    if has(b"https://api.mainnet-beta.solana.com") {
        "solana:mainnet"
    } else if has(b"devnet") {
        "solana:devnet"
    } else if has(b"testnet") {
        "solana:testnet"
    } else if has(b"localhost") || has(b"127.0.0.1") {
        "solana:localnet"
    } else {
        "solana:mainnet"
    }
}

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Base58 (Bitcoin's alphabet), as Solana writes keys and signatures.
///
/// ```
/// use front_link_wasm::protocol::base58;
/// assert_eq!(base58(&[0, 0, 1]), "112");
/// assert_eq!(base58(&[0xff; 4]), "7YXq9G");
/// ```
pub fn base58(bytes: &[u8]) -> String {
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    // Base-58 digits, least significant first.
    let mut digits: Vec<u8> = Vec::with_capacity(bytes.len() * 138 / 100 + 1);
    for &byte in bytes.iter().skip(zeros) {
        let mut carry = u32::from(byte);
        for digit in digits.iter_mut() {
            carry += u32::from(*digit) << 8;
            *digit = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let mut text = String::with_capacity(zeros + digits.len());
    text.extend(core::iter::repeat('1').take(zeros));
    text.extend(digits.iter().rev().map(|&d| char::from(ALPHABET.get(usize::from(d)).copied().unwrap_or(b'1'))));
    text
}

#[cfg(test)]
mod tests;
