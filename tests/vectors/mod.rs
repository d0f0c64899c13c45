//! `tests/testing-vectors.json`: the core's own decisions on the corpus, for
//! the stand-in of `front-link-wasm/testing` (`pkg-template/testing/core.js`)
//! to be held to. Each vector is what the core *did* when run here, so a
//! change in `src/protocol/` changes this file (`npm run generate`) and the
//! stand-in's test fails until it follows.
//!
//! - `links`: a link token (or a Link URL, for `openPopup`) and options, per
//!   face: the URL the session would load and its origin and frame, or the
//!   `onExit` message of the refusal.
//! - `sessions`: messages and host calls, in order, on a session that just
//!   opened, per face: the core's actions for each, or why it was ignored
//!   (`results`); and, where it differs, what `Session::receive` does with
//!   them (`received`: warnings, debug reports).

use front_link_wasm::protocol::*;
use serde_json::{json, Value as Json};

/// A JSON value as the core's test `Value`.
pub fn from_json(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(from_json).collect()),
        Json::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), from_json(v))).collect()),
    }
}

const FACES: [(&str, Face); 2] = [("front", Face::Front), ("link", Face::Link)];

fn base64(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The options `js_api.rs` reads into `LinkParams`, from a JSON object the
/// way the web layer reads them from the app's (a bad one as if unset).
fn params(face: Face, options: &Json, iframe_id: Option<&str>) -> LinkParams {
    let text = |name: &str| options.get(name).and_then(Json::as_str).map(String::from);
    let origins = match options.get("linkOrigins") {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Array(list)) => link_origins(&list.iter().map(|e| e.as_str().map(String::from)).collect::<Vec<_>>()).map(Some),
        Some(_) => Err(BadOption::LinkOrigins),
    };
    let load_timeout = match options.get("loadTimeout") {
        None => load_timeout(None),
        Some(value) => value.as_f64().ok_or(BadOption::LoadTimeout).and_then(|ms| load_timeout(Some(ms))),
    };
    LinkParams {
        face,
        iframe_id: iframe_id.map(String::from),
        language: text("language"),
        display_fiat_currency: text("displayFiatCurrency"),
        theme: text("theme").and_then(|t| Theme::parse(&t)),
        embedded: text("renderType").as_deref() == Some("embedded"),
        wallet_bridge: false,
        link_origins: origins.clone().ok().flatten(),
        misconfigured: origins.err(),
        load_timeout: load_timeout.unwrap_or(Some(DEFAULT_LOAD_TIMEOUT_MS)),
        debug: options.get("debug").and_then(Json::as_bool) == Some(true),
    }
}

fn opening(result: Result<(Session, Opening), LinkError>) -> Json {
    match result {
        Ok((session, opening)) => json!({
            "url": opening.url.href(),
            "origin": session.origin(),
            "frame": opening.frame,
            "loadTimeout": opening.load_timeout,
        }),
        Err(error) => json!({ "exit": error.exit_message() }),
    }
}

fn links(urls: &str) -> Json {
    let mut tokens: Vec<String> = urls.lines().map(base64).collect();
    tokens.extend(["", "!!!!", "/w==", " aHR0cHM6Ly9hLmV4YW1wbGUv ", "aHR0cHM6Ly9hLmV4YW1wbGUv=="].map(String::from));
    let option_sets = [
        json!({}),
        json!({ "language": "fr", "displayFiatCurrency": "EUR", "theme": "dark" }),
        json!({ "theme": "purple", "language": "" }),
        json!({ "renderType": "embedded" }),
        json!({ "linkOrigins": ["https://web.meshconnect.com", "http://localhost:8081/"] }),
        json!({ "linkOrigins": ["https://web.meshconnect.com/path", 7] }),
        json!({ "linkOrigins": "https://web.meshconnect.com" }),
        json!({ "linkOrigins": [] }),
        json!({ "linkOrigins": ["web.meshconnect.com"] }),
        json!({ "linkOrigins": ["https://*.meshconnect.com"] }),
        json!({ "linkOrigins": [null] }),
        json!({ "loadTimeout": 0 }),
        json!({ "loadTimeout": 2500.7 }),
        json!({ "loadTimeout": -1 }),
    ];
    let mut out = Vec::new();
    for token in &tokens {
        for options in &option_sets {
            // A host iframe matters only beside `renderType` (and with none).
            let frames: &[Option<&str>] = if options.as_object().is_some_and(|o| o.is_empty() || o.contains_key("renderType")) {
                &[None, Some("host-frame")]
            } else {
                &[None]
            };
            for &iframe_id in frames {
                let mut verdicts = serde_json::Map::new();
                for (name, face) in FACES {
                    let params = params(face, options, iframe_id);
                    verdicts.insert(name.into(), opening(Session::open(LinkInput::Token(token), &params)));
                }
                out.push(json!({ "token": token, "options": options, "iframeId": iframe_id, "verdict": verdicts }));
            }
        }
    }
    // `openPopup` (1.1.9 only) takes the Link URL itself.
    for url in urls.lines().chain(["", "https://a.example/?x=1#y"]) {
        let verdict = opening(Session::open(LinkInput::Url(url), &params(Face::Front, &json!({}), None)));
        out.push(json!({ "popup": url, "options": {}, "verdict": { "front": verdict } }));
    }
    Json::Array(out)
}

fn outbound(which: Outbound) -> &'static str {
    match which {
        Outbound::SdkSpecs => "meshSDKSpecs",
        Outbound::AccessTokens => "frontAccessTokens",
        Outbound::TransferDestinationTokens => "frontTransferDestinationTokens",
        Outbound::CloseRequested => "closeRequested",
    }
}

fn connected(c: &Connected<Value>) -> &'static str {
    match c {
        Connected::AccessToken(_) => "accessToken",
        Connected::DelayedAuth(_) => "delayedAuth",
    }
}

fn event_type(data: &Value) -> String {
    data.field("type").and_then(|t| t.text(usize::MAX)).unwrap_or_default()
}

/// An action as the stand-in names it.
fn action(action: &Action<Value>) -> Json {
    match action {
        Action::Loaded => json!("loaded"),
        Action::End => json!("end"),
        Action::Post(which) => json!({ "post": outbound(*which) }),
        Action::OpenWindow(url) => json!({ "openWindow": url.href() }),
        Action::Bridge(_) | Action::Refuse(..) => json!("bridge"),
        Action::Warn { why, .. } => json!({ "warn": ignored_name(*why) }),
        Action::Report { promised, .. } => json!({ "report": *promised as u32 }),
        Action::Call(callback) => match callback {
            Callback::Event(event) => match event {
                Event::IntegrationConnected(c) => json!({ "onEvent": "integrationConnected", "connected": connected(c) }),
                Event::TransferCompleted(_) => json!({ "onEvent": "transferCompleted" }),
                Event::PageLoaded => json!({ "onEvent": "pageLoaded" }),
                Event::PopupBlocked(url) => json!({ "onEvent": "popupBlocked", "url": url.href() }),
                Event::Other(data) => json!({ "onEvent": event_type(data) }),
            },
            Callback::IntegrationConnected(c) => json!({ "connected": connected(c) }),
            Callback::TransferFinished(_) => json!("transferFinished"),
            Callback::Exit { error, summary } => json!({ "exit": error, "summary": summary.is_some() }),
            Callback::Closed => json!("closed"),
        },
    }
}

fn ignored(why: Ignored) -> Json {
    json!({ "ignored": ignored_name(why) })
}

/// `Ignored` as the stand-in names it.
pub fn ignored_name(why: Ignored) -> &'static str {
    match why {
        Ignored::Ended => "ended",
        Ignored::NotAnObject => "notAnObject",
        Ignored::UnknownType => "unknownType",
        Ignored::NoPayload => "noPayload",
        Ignored::BadLink => "badLink",
        Ignored::ErrorNotText => "errorNotText",
    }
}

/// Each message alone, then with each payload field dropped, nulled and
/// given the wrong type; and every known type with no, an empty and a
/// list payload.
fn messages(corpus: &str) -> Vec<Json> {
    let mut out: Vec<Json> = Vec::new();
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let message: Json = serde_json::from_str(line).expect("a corpus message is JSON");
        out.push(message.clone());
        let Some(payload) = message.get("payload").and_then(Json::as_object) else { continue };
        for (field, value) in payload {
            let wrong = if value.is_string() { json!(7) } else { json!("7") };
            for replacement in [None, Some(Json::Null), Some(wrong)] {
                let mut changed = message.clone();
                if let Some(p) = changed["payload"].as_object_mut() {
                    match replacement {
                        None => p.remove(field),
                        Some(v) => p.insert(field.clone(), v),
                    };
                }
                out.push(changed);
            }
        }
    }
    let types = ["brokerageAccountAccessToken", "delayedAuthentication", "transferFinished", "loaded", "oauthLinkOpen"];
    for kind in types.iter().chain(FRONT_EVENT_TYPE_KEYS.iter()).chain(LATER_LINK_EVENT_TYPE_KEYS.iter()) {
        out.extend([json!({ "type": kind }), json!({ "type": kind, "payload": {} }), json!({ "type": kind, "payload": [] })]);
    }
    out.extend([
        json!("loaded"),
        json!(null),
        json!([{ "type": "loaded" }]),
        json!({ "type": "Loaded" }),
        json!({ "type": 7 }),
        json!({ "type": "close", "message": "Bye", "payload": { "page": "p", "errorMessage": "E" } }),
        json!({ "type": "close", "message": 7, "payload": { "errorMessage": "E" } }),
        json!({ "type": "done", "payload": { "page": 7, "errorMessage": "E" } }),
        json!({ "type": "oauthLinkOpen", "link": "https://oauth.example/x?y=1" }),
        json!({ "type": "oauthLinkOpen", "link": "javascript:alert(1)" }),
        json!({ "type": "oauthLinkOpen", "link": 7 }),
        json!({ "type": "transferFinished", "payload": { "status": "error", "errorMessage": "No" } }),
        json!({ "type": "transferFinished", "payload": { "status": "pending", "errorMessage": "No" } }),
        // The bounds on what is copied into the wasm (src/protocol/limits.rs).
        json!({ "type": "close", "message": "m".repeat(MAX_ERROR_TEXT) }),
        json!({ "type": "close", "message": "m".repeat(MAX_ERROR_TEXT + 1), "payload": { "errorMessage": "E" } }),
        json!({ "type": "oauthLinkOpen", "link": format!("https://oauth.example/?{}", "x".repeat(MAX_LINK - 22)) }),
        json!({ "type": "oauthLinkOpen", "link": format!("https://oauth.example/?{}", "x".repeat(MAX_LINK - 21)) }),
    ]);
    out
}

/// A step of a session: a message from the Link UI, or a host call.
/// `receive`: what the web layer runs (warnings once per reason, debug
/// reports); otherwise `on_message`'s verdict, with why it was ignored.
fn step(session: &mut Session, step: &Json, receive: bool) -> Json {
    let result = match step.get("host").and_then(Json::as_str) {
        Some("close") => Ok(session.close::<Value>()),
        Some("requestClose") => Ok(session.request_close::<Value>()),
        Some("loadTimedOut") => Ok(session.load_timed_out::<Value>()),
        _ if receive => Ok(session.receive(&from_json(&step["message"]))),
        _ => session.on_message(&from_json(&step["message"])),
    };
    match result {
        Ok(actions) => Json::Array(actions.iter().map(action).collect()),
        Err(why) => ignored(why),
    }
}

fn sessions(corpus: &str) -> Json {
    let token = base64("https://web.meshconnect.com/b2b-iframe?session=vectors");
    let message = |m: Json| json!({ "message": m });
    let host = |h: &str| json!({ "host": h });
    let mut scripts: Vec<(Json, Vec<Json>)> = messages(corpus).into_iter().map(|m| (json!({}), vec![message(m)])).collect();
    let loaded = json!({ "type": "loaded" });
    let close = json!({ "type": "close" });
    let embedded = json!({ "renderType": "embedded" });
    let debug = json!({ "debug": true });
    let odd = |kind: &str, payload: Json| message(json!({ "type": kind, "payload": payload }));
    scripts.extend([
        (json!({}), vec![message(loaded.clone()), message(loaded.clone())]),
        (json!({}), vec![message(close.clone()), message(loaded.clone()), host("close")]),
        (json!({}), vec![host("close"), host("close"), message(close.clone())]),
        (json!({}), vec![host("loadTimedOut"), host("close")]),
        (json!({}), vec![message(loaded.clone()), host("loadTimedOut"), host("requestClose")]),
        (embedded.clone(), vec![host("requestClose"), message(close.clone()), host("requestClose")]),
        (embedded, vec![message(loaded), host("close"), host("requestClose")]),
        // Said once per reason; debug reports once per type.
        (
            json!({}),
            vec![
                message(json!({ "type": "x" })),
                message(json!({ "type": "y" })),
                message(json!(null)),
                odd("transferFinished", json!(1)),
                odd("transferFinished", json!(null)),
            ],
        ),
        (
            debug.clone(),
            vec![
                odd("transferFinished", json!({ "status": "success" })),
                odd("transferFinished", json!({})),
                odd("transferPreviewed", json!({})),
                message(json!({ "type": "close", "message": 7, "payload": { "page": 1 } })),
            ],
        ),
        (
            debug,
            vec![
                odd("brokerageAccountAccessToken", json!({ "brokerBrandInfo": {} })),
                odd("delayedAuthentication", json!({})),
                odd("transferNetworkSelected", json!({ "networkId": "n" })),
                message(json!({ "type": "done" })),
            ],
        ),
    ]);
    let mut out = Vec::new();
    for (options, steps) in scripts {
        let (mut results, mut runs) = (serde_json::Map::new(), serde_json::Map::new());
        for (name, face) in FACES {
            let params = params(face, &options, Some("host-frame"));
            let opened = || match Session::open(LinkInput::Token(&token), &params) {
                Ok((session, _)) => session,
                Err(_) => panic!("the vectors' token opens"),
            };
            let (mut verdicts, mut received) = (opened(), opened());
            let verdict = Json::Array(steps.iter().map(|s| step(&mut verdicts, s, false)).collect());
            let run = Json::Array(steps.iter().map(|s| step(&mut received, s, true)).collect());
            // `received` only where it differs: most messages are delivered alike.
            if run != verdict {
                runs.insert(name.into(), run);
            }
            results.insert(name.into(), verdict);
        }
        out.push(json!({ "options": options, "steps": steps, "results": results, "received": runs }));
    }
    json!({ "token": token, "iframeId": "host-frame", "scripts": out })
}

/// The whole file.
pub fn testing_vectors_json(header: &str, root: &std::path::Path) -> String {
    let read = |path: &str| std::fs::read_to_string(root.join(path)).expect("a corpus file");
    let vectors = json!({
        "_about": header,
        "links": links(&read("tests/corpus/urls.txt")),
        "sessions": sessions(&read("tests/corpus/messages.jsonl")),
        "loadTimeoutMessage": LOAD_TIMEOUT_MESSAGE,
        "defaultLoadTimeout": DEFAULT_LOAD_TIMEOUT_MS,
    });
    serde_json::to_string(&vectors).expect("JSON") + "\n"
}
