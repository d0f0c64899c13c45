//! Solana, as the wallet bridge needs it without `@solana/web3.js`: is a
//! byte string a serialized transaction, which cluster an RPC URL names,
//! and base58 (how signatures and keys are written). Groundwork for the
//! Solana family of the bridge (issue 9); the wallet calls themselves take
//! and return bytes.

use alloc::string::String;
use alloc::vec::Vec;

/// Whether `bytes` hold a serialized transaction, legacy or v0, as
/// web3.js 1.x reads one: compact-u16 signature count and signatures, then
/// the message (header, account keys, blockhash, instructions, and for v0
/// the address table lookups). Trailing bytes are not looked at, as there.
///
/// ```
/// use front_link_wasm::protocol::is_solana_transaction;
/// assert!(!is_solana_transaction(&[1, 2, 3]));
/// ```
pub fn is_solana_transaction(bytes: &[u8]) -> bool {
    read_transaction(&mut Reader(bytes)).is_some()
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    /// Solana's "compact-u16": 7 bits a byte, at most 3 bytes.
    fn length(&mut self) -> Option<usize> {
        let mut value = 0usize;
        for shift in [0, 7, 14] {
            let b = self.byte()?;
            value |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return (value <= usize::from(u16::MAX)).then_some(value);
            }
        }
        None
    }

    /// A compact-u16 count of `size`-byte items.
    fn items(&mut self, size: usize) -> Option<()> {
        let n = self.length()?;
        self.take(n.checked_mul(size)?).map(|_| ())
    }
}

fn read_transaction(r: &mut Reader<'_>) -> Option<()> {
    r.items(64)?; // signatures
    let prefix = *r.0.first()?;
    let v0 = prefix & 0x80 != 0;
    if v0 {
        if prefix & 0x7f != 0 {
            return None; // only version 0 exists
        }
        r.byte()?;
    }
    r.take(3)?; // header
    r.items(32)?; // account keys
    r.take(32)?; // recent blockhash
    for _ in 0..r.length()? {
        r.byte()?; // program id index
        r.items(1)?; // account indexes
        r.items(1)?; // data
    }
    if v0 {
        for _ in 0..r.length()? {
            r.take(32)?; // table address
            r.items(1)?; // writable indexes
            r.items(1)?; // readonly indexes
        }
    }
    Some(())
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
