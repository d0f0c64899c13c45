//! The core's Solana rules, the only place the
//! bridge decodes a transaction: exact layouts, layouts of generated
//! transactions read back part by part, and arbitrary or damaged bytes
//! (never a panic, never a span outside the bytes). Also the codec's op
//! codes and their JavaScript copy.

use crate::protocol::*;
use proptest::prelude::*;

/// A legacy (or v0) transaction: one signature, two keys, one instruction,
/// and for v0 one address table lookup. (tests/js/unit/solana.test.mjs
/// slices the same bytes by the layouts asserted here.)
fn transaction(v0: bool) -> Vec<u8> {
    let mut tx = vec![1];
    tx.extend([7; 64]);
    if v0 {
        tx.push(0x80);
    }
    tx.extend([1, 0, 1, 2]);
    tx.extend([3; 64]);
    tx.extend([9; 32]);
    tx.extend([1, 1, 1, 0, 4, 1, 2, 3, 4]);
    if v0 {
        tx.extend([1]);
        tx.extend([5; 32]);
        tx.extend([1, 0, 0]);
    }
    tx
}

const LEGACY_LAYOUT: [u32; 21] = [1, 1, 65, 65, 0, 65, 68, 2, 69, 101, 101, 133, 133, 165, 1, 166, 167, 168, 169, 170, 174];
const V0_LAYOUT: [u32; 28] =
    [1, 1, 65, 65, 1, 66, 69, 2, 70, 102, 102, 134, 134, 166, 1, 167, 168, 169, 170, 171, 175, 1, 176, 208, 209, 210, 211, 211];

#[test]
fn a_transaction_is_laid_out_in_wire_order() {
    assert_eq!(transaction_layout(&transaction(false)), Some(LEGACY_LAYOUT.to_vec()));
    assert_eq!(transaction_layout(&transaction(true)), Some(V0_LAYOUT.to_vec()));
    // Trailing bytes are not looked at (the message still runs to the end).
    let mut longer = transaction(false);
    longer.extend([0xff; 3]);
    assert_eq!(transaction_layout(&longer), Some(LEGACY_LAYOUT.to_vec()));
}

#[test]
fn solana_transactions_are_recognised_without_web3() {
    for v0 in [false, true] {
        let tx = transaction(v0);
        assert!(transaction_layout(&tx).is_some(), "v0: {v0}");
        for cut in 0..tx.len() {
            assert_eq!(transaction_layout(&tx[..cut]), None, "v0: {v0}, cut at {cut}");
        }
    }
    let mut v2 = transaction(true);
    v2[65] = 0x82;
    assert!(transaction_layout(&v2).is_none(), "no version 2");
    // A compact-u16 of more than 3 bytes, or over u16::MAX, is not one.
    assert_eq!(transaction_layout(&[0x80, 0x80, 0x80, 0x01]), None);
    assert_eq!(transaction_layout(&[0xff, 0xff, 0x7f]), None);
    assert_eq!(solana_chain_for_endpoint("https://api.mainnet-beta.solana.com/"), "solana:mainnet");
    assert_eq!(solana_chain_for_endpoint("http://127.0.0.1:8899"), "solana:localnet");
    assert_eq!(solana_chain_for_endpoint("https://x.testnet.example"), "solana:testnet");
    assert_eq!(base58(&[]), "");
    assert_eq!(base58(&[0; 3]), "111");
    assert_eq!(base58(b"hello world"), "StV1DL6CwTryKyV");
}

#[test]
fn codec_ops_are_declared_once_with_their_javascript_names() {
    for op in CodecOp::ALL {
        assert_eq!(CodecOp::from_code(op as u32), Some(op));
    }
    assert_eq!(CodecOp::from_code(3), None);
    assert_eq!(CodecOp::from_code(u32::MAX), None);
    let codes: Vec<u32> = CODEC_OPS.iter().map(|(_, code)| *code).collect();
    assert_eq!(codes, CodecOp::ALL.map(|op| op as u32), "one name per op, in code order");
    assert_eq!(CODEC_OPS.iter().map(|(name, _)| *name).collect::<Vec<_>>(), ["LAYOUT", "CHAIN", "BASE58"]);
}

/// Reads a layout as the web layer does (`slicer` in solana.js), checking
/// every span lies inside the bytes, and gives the parts back.
#[derive(Debug, Clone, PartialEq)]
struct Parts {
    signatures: Vec<Vec<u8>>,
    message: Vec<u8>,
    v0: bool,
    header: Vec<u8>,
    keys: Vec<Vec<u8>>,
    blockhash: Vec<u8>,
    instructions: Vec<(u8, Vec<u8>, Vec<u8>)>,
    lookups: Vec<(Vec<u8>, Vec<u8>, Vec<u8>)>,
}

fn slice(bytes: &[u8], layout: &[u32]) -> Parts {
    let mut at = 0;
    let mut next = || {
        let n = layout[at] as usize;
        at += 1;
        n
    };
    macro_rules! span {
        () => {{
            let (start, end) = (next(), next());
            assert!(start <= end && end <= bytes.len(), "span {start}..{end} of {} bytes", bytes.len());
            bytes[start..end].to_vec()
        }};
    }
    macro_rules! list {
        ($item:expr) => {{
            let n = next();
            (0..n).map(|_| $item).collect::<Vec<_>>()
        }};
    }
    let signatures = list!(span!());
    let message_start = next();
    assert!(message_start <= bytes.len());
    let message = bytes[message_start..].to_vec();
    let v0 = match next() {
        0 => false,
        1 => true,
        other => panic!("version flag {other}"),
    };
    let header = span!();
    let keys = list!(span!());
    let blockhash = span!();
    let instructions = list!({
        let program = span!();
        assert_eq!(program.len(), 1);
        (program[0], span!(), span!())
    });
    let lookups = if v0 { list!((span!(), span!(), span!())) } else { Vec::new() };
    assert_eq!(at, layout.len(), "the whole layout is read");
    Parts { signatures, message, v0, header, keys, blockhash, instructions, lookups }
}

fn compact(n: usize, out: &mut Vec<u8>) {
    let mut n = n;
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn serialize(parts: &Parts) -> Vec<u8> {
    let mut tx = Vec::new();
    compact(parts.signatures.len(), &mut tx);
    parts.signatures.iter().for_each(|s| tx.extend(s));
    if parts.v0 {
        tx.push(0x80);
    }
    tx.extend(&parts.header);
    compact(parts.keys.len(), &mut tx);
    parts.keys.iter().for_each(|k| tx.extend(k));
    tx.extend(&parts.blockhash);
    compact(parts.instructions.len(), &mut tx);
    for (program, accounts, data) in &parts.instructions {
        tx.push(*program);
        compact(accounts.len(), &mut tx);
        tx.extend(accounts);
        compact(data.len(), &mut tx);
        tx.extend(data);
    }
    if parts.v0 {
        compact(parts.lookups.len(), &mut tx);
        for (key, writable, readonly) in &parts.lookups {
            tx.extend(key);
            compact(writable.len(), &mut tx);
            tx.extend(writable);
            compact(readonly.len(), &mut tx);
            tx.extend(readonly);
        }
    }
    tx
}

fn fixed(n: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), n)
}

fn small_bytes() -> impl Strategy<Value = Vec<u8>> {
    // Past 127 a length takes two bytes.
    prop_oneof![prop::collection::vec(any::<u8>(), 0..6), prop::collection::vec(any::<u8>(), 126..260)]
}

fn arb_parts() -> impl Strategy<Value = Parts> {
    (
        prop::collection::vec(fixed(64), 0..4),
        any::<bool>(),
        fixed(3),
        prop::collection::vec(fixed(32), 0..5),
        fixed(32),
        prop::collection::vec((any::<u8>(), small_bytes(), small_bytes()), 0..4),
        prop::collection::vec((fixed(32), small_bytes(), small_bytes()), 0..3),
    )
        .prop_map(|(signatures, v0, mut header, keys, blockhash, instructions, lookups)| {
            // A legacy message starts with its header: its first byte is
            // below 0x80, else it would be a version prefix.
            if !v0 {
                header[0] &= 0x7f;
            }
            Parts {
                signatures,
                message: Vec::new(),
                v0,
                header,
                keys,
                blockhash,
                instructions,
                lookups: if v0 { lookups } else { Vec::new() },
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_laid_out_or_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Some(layout) = transaction_layout(&bytes) {
            slice(&bytes, &layout);
        }
        let text = base58(&bytes);
        prop_assert!(text.len() >= bytes.iter().take_while(|&&b| b == 0).count());
    }

    #[test]
    fn a_transaction_is_sliced_back_into_its_parts(mut parts in arb_parts(), trailing in prop::collection::vec(any::<u8>(), 0..4)) {
        let mut tx = serialize(&parts);
        let mut count = Vec::new();
        compact(parts.signatures.len(), &mut count);
        let message_start = count.len() + 64 * parts.signatures.len();
        tx.extend(&trailing);
        parts.message = tx[message_start..].to_vec();
        let layout = transaction_layout(&tx).expect("a transaction");
        prop_assert_eq!(slice(&tx, &layout), parts);
    }

    #[test]
    fn damaged_transactions_never_panic(parts in arb_parts(), at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let mut tx = serialize(&parts);
        let i = at.index(tx.len());
        tx[i] = byte;
        for bytes in [&tx[..], &tx[..cut.index(tx.len())]] {
            if let Some(layout) = transaction_layout(bytes) {
                slice(bytes, &layout);
            }
        }
    }
}
