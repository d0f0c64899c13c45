//! Fuzzing every parser from the committed seed corpus (`tests/corpus/`)
//! and from generated input: no input may panic, and what is accepted
//! keeps the rules' promises.

use proptest::prelude::*;

use crate::protocol::testing::*;
use crate::protocol::*;

fn corpus(name: &str) -> Vec<String> {
    repository_file(&format!("tests/corpus/{name}")).lines().map(str::to_owned).collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

/// A seed from the corpus with a few random character edits.
fn mutated(seeds: Vec<String>) -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 0..8);
    (prop::sample::select(seeds), edits).prop_map(|(seed, edits)| {
        let mut chars: Vec<char> = seed.chars().collect();
        for (at, c, op) in edits {
            if chars.is_empty() {
                chars.push(c);
                continue;
            }
            let i = at.index(chars.len());
            match op {
                0 => chars.insert(i, c),
                1 => {
                    chars.remove(i);
                }
                _ => chars[i] = c,
            }
        }
        chars.into_iter().collect()
    })
}

/// `PROPTEST_CASES=200000 cargo test --release --lib protocol::fuzz` for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000)
}

fn check_url(text: &str) {
    if let Ok(url) = LinkUrl::parse(text) {
        assert!(url.href().starts_with(url.origin()), "{text}");
        assert!(
            url.origin().starts_with("https://")
                || url.origin().starts_with("http://localhost")
                || url.origin().starts_with("http://127.0.0.1")
                || url.origin().starts_with("http://[::1]"),
            "{text}"
        );
        assert_eq!(LinkUrl::parse(url.href()).map(|u| u.href().to_owned()), Ok(url.href().to_owned()), "{text}");
        if let Some(json) = LinkStyle::json_in(&url) {
            let _ = json.len();
        }
    }
    let _ = decode_link_token(&base64(text.as_bytes()));
    let _ = decode_link_token(text);
}

fn check_message(text: &str) {
    if let Ok(json) = serde_json::from_str::<serde_json::Value>(text) {
        let data = from_json(&json);
        for face in [Face::Front, Face::Link] {
            let _ = InboundMessage::classify(face, &data);
            let _ = mesh_session(false).on_message(&data);
        }
        let mut s = session();
        let _ = s.on_message(&data);
    }
}

fn check_style(text: &str) {
    if let Ok(json) = serde_json::from_str::<serde_json::Value>(text) {
        let style = LinkStyle::from_data(&from_json(&json));
        assert!(style.radius.map_or(true, |r| (0.0..=100.0).contains(&r)));
        assert!(style.opacity.map_or(true, |o| (0.0..=1.0).contains(&o)));
    }
}

#[test]
fn the_seed_corpus_itself() {
    let urls = corpus("urls.txt");
    assert!(urls.len() >= 30);
    urls.iter().for_each(|u| check_url(u));
    corpus("messages.jsonl").iter().for_each(|m| check_message(m));
    corpus("link-styles.txt").iter().for_each(|s| check_style(s));
    let accepted: Vec<_> = urls.iter().filter(|u| LinkUrl::parse(u).is_ok()).collect();
    assert_eq!(accepted.len(), 13, "{accepted:#?}");
}

proptest! {
    #[test]
    fn option_parsers_never_panic(text in ".{0,80}", millis in any::<f64>(), z in any::<f64>()) {
        if let Some(origin) = link_origin(&text) {
            // An origin is what it says, and opens a Link URL of its own.
            prop_assert_eq!(link_origin(&origin), Some(origin.clone()));
            prop_assert!(LinkUrl::parse(&origin).is_ok());
        }
        let _ = link_origins(&[Some(text.clone()), None]);
        if let Ok(Some(ms)) = load_timeout(Some(millis)) {
            prop_assert!((1..=MAX_LOAD_TIMEOUT_MS).contains(&ms));
        }
        let _ = z_index(z);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn mutated_urls_and_tokens(text in mutated(corpus("urls.txt"))) {
        check_url(&text);
    }

    #[test]
    fn mutated_base64_tokens(text in mutated(corpus("urls.txt").iter().map(|u| base64(u.as_bytes())).collect())) {
        let _ = decode_link_token(&text);
    }

    #[test]
    fn mutated_messages(text in mutated(corpus("messages.jsonl"))) {
        check_message(&text);
    }

    #[test]
    fn mutated_link_styles(text in mutated(corpus("link-styles.txt"))) {
        check_style(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn tokens_never_panic(token in ".{0,120}") {
        let _ = decode_link_token(&token);
        let _ = decode_base64(&token);
    }

    #[test]
    fn accepted_urls_are_stable_and_safe(text in "(https?|HTTP|javascript|data):(//)?[a-zA-Z0-9.:@\\[\\]%-]{0,30}[/?#]?[ -~]{0,30}") {
        if let Ok(url) = LinkUrl::parse(&text) {
            prop_assert!(url.href().starts_with(url.origin()));
            let loopback = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
                .iter()
                .any(|o| url.origin() == *o || url.origin().strip_prefix(o).is_some_and(|port| port.starts_with(':')));
            prop_assert!(url.origin().starts_with("https://") || loopback);
            let again = LinkUrl::parse(url.href());
            prop_assert_eq!(again.as_ref().map(|u| u.href()), Ok(url.href()));
            let extended = url.with_params(&[("lng", &text)]);
            prop_assert_eq!(extended.origin(), url.origin());
            prop_assert_eq!(LinkUrl::parse(extended.href()).map(|u| u.origin().to_owned()), Ok(url.origin().to_owned()));
            let _ = url.query_param("link_style");
        }
    }

    #[test]
    fn any_text_url_never_panics(text in "\\PC{0,80}") {
        if let Ok(url) = LinkUrl::parse(&text) {
            let _ = url.query_param("link_style");
            let _ = LinkStyle::json_in(&url);
        }
    }

    #[test]
    fn link_style_only_yields_numbers_in_range(json in arb_value()) {
        let style = LinkStyle::from_data(&json);
        prop_assert!(style.radius.map_or(true, |r| (0.0..=100.0).contains(&r)));
        prop_assert!(style.opacity.map_or(true, |o| (0.0..=1.0).contains(&o)));
        prop_assert!(style.radius_css().bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'p' || b == b'x'));
        prop_assert!(style.opacity_css().bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    }

    #[test]
    fn any_message_is_classified_without_panic(data in arb_value(), own in any::<bool>()) {
        let mut s = session();
        let _ = s.on_message(&data);
        let _ = InboundMessage::classify(Face::Front, &data);
        let _ = InboundMessage::classify(Face::Link, &data);
        let _ = mesh_session(own).request_close::<Value>();
    }
}
