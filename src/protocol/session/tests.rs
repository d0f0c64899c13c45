//! Whole sessions on the shared fixtures: what each message of the Link UI
//! makes the session do, per face, and every failure ending in a callback.

use crate::protocol::testing::*;
use crate::protocol::*;

fn payload(v: &Value) -> Value {
    v.field("payload").expect("fixture has a payload")
}

use Action::{Call, End, Post};

#[test]
fn access_token_gives_event_then_broker_connected() {
    let msg = fixture("brokerageAccountAccessToken");
    let p = payload(&msg);
    let got = session().on_message(&msg);
    assert_eq!(
        got,
        Ok(vec![
            Call(Callback::Event(Event::IntegrationConnected(Connected::AccessToken(p.clone())))),
            Call(Callback::IntegrationConnected(Connected::AccessToken(p))),
        ])
    );
}

#[test]
fn delayed_auth_and_transfers() {
    let msg = fixture("delayedAuthentication");
    let p = payload(&msg);
    assert_eq!(
        session().on_message(&msg),
        Ok(vec![
            Call(Callback::Event(Event::IntegrationConnected(Connected::DelayedAuth(p.clone())))),
            Call(Callback::IntegrationConnected(Connected::DelayedAuth(p))),
        ])
    );
    for name in ["transferFinishedSuccess", "transferFinishedError"] {
        let msg = fixture(name);
        let p = payload(&msg);
        assert_eq!(
            session().on_message(&msg),
            Ok(vec![Call(Callback::Event(Event::TransferCompleted(p.clone()))), Call(Callback::TransferFinished(p))])
        );
    }
}

#[test]
fn loaded_posts_then_reports() {
    let got = session().on_message(&fixture("loaded"));
    assert_eq!(
        got,
        Ok(vec![
            Action::Loaded,
            Post(Outbound::SdkSpecs),
            Post(Outbound::AccessTokens),
            Post(Outbound::TransferDestinationTokens),
            Call(Callback::Event(Event::PageLoaded)),
        ])
    );
}

#[test]
fn exit_ends_once() {
    let mut s = session();
    let done = fixture("doneWithSummary");
    assert_eq!(s.on_message(&done), Ok(vec![End, Call(Callback::Exit { error: None, summary: Some(payload(&done)) })]));
    assert!(!s.is_open());
    assert_eq!(s.receive(&fixture("loaded")), vec![], "nothing is said after the end: the listener is gone");
    assert_eq!(s.on_message(&fixture("loaded")), Err(Ignored::Ended));
    assert_eq!(s.close::<Value>(), vec![]);

    let mut s = session();
    assert_eq!(
        s.on_message(&fixture("closeWithMessage")),
        Ok(vec![End, Call(Callback::Exit { error: Some("User closed the window".into()), summary: None })])
    );
    let mut s = session();
    assert_eq!(s.close::<Value>(), vec![End, Call(Callback::Closed)]);
    assert_eq!(s.close::<Value>(), vec![]);
}

#[test]
fn exit_error_falls_back_to_payload_and_any_object_is_the_summary() {
    let summary = Value::object([("errorMessage", Value::str("Boom")), ("page", Value::Number(1.0))]);
    let msg = Value::object([("type", Value::str("close")), ("message", Value::Number(3.0)), ("payload", summary.clone())]);
    // The summary differs from SessionSummary (page is a number): delivered
    // as sent. The message that is not a string is not an error, said once.
    let mut s = session();
    assert_eq!(
        s.receive(&msg),
        vec![
            Action::Warn { why: Ignored::ErrorNotText, data: msg.clone() },
            End,
            Call(Callback::Exit { error: Some("Boom".into()), summary: Some(summary.clone()) })
        ]
    );
    // 3.13's face reads only payload.errorMessage, and passes any payload on.
    let odd = Value::object([("type", Value::str("done")), ("payload", Value::object([("errorMessage", Value::Number(5.0))]))]);
    let Ok(actions) = mesh_session(false).on_message(&odd) else { panic!("done is delivered") };
    assert!(matches!(
        &actions[..],
        [Action::Warn { why: Ignored::ErrorNotText, .. }, End, Call(Callback::Exit { error: None, summary: Some(_) })]
    ));
    let text = Value::object([("type", Value::str("done")), ("payload", Value::str("x"))]);
    assert_eq!(mesh_session(false).on_message(&text), Ok(vec![End, Call(Callback::Exit { error: None, summary: Some(Value::str("x")) })]));
    // 1.1.9's face passes an object as the summary, nothing else.
    assert_eq!(session().on_message(&text), Ok(vec![End, Call(Callback::Exit { error: None, summary: None })]));
}

#[test]
fn known_events_pass_through_unknown_are_ignored() {
    let msg = fixture("integrationSelected");
    assert_eq!(session().on_message(&msg), Ok(vec![Call(Callback::Event(Event::Other(msg)))]));
    let later = Value::object([("type", Value::str("transferExecuted")), ("payload", Value::str("x")), ("extra", Value::Null)]);
    assert_eq!(session().on_message(&later), Ok(vec![Call(Callback::Event(Event::Other(later)))]));
    let unknown = Value::object([("type", Value::str("somethingNew"))]);
    assert_eq!(session().on_message(&unknown), Err(Ignored::UnknownType));
}

#[test]
fn the_session_names_the_one_origin_it_hears_and_posts_to() {
    // The listener (src/web/inbox.js) compares event.origin with this,
    // exactly: no trailing slash, no path.
    assert_eq!(session().origin(), ORIGIN);
    assert_eq!(mesh_session(false).origin(), ORIGIN);
}

#[test]
fn payloads_are_delivered_as_sent_whatever_their_fields() {
    // Every field of a connected account given the wrong type: upstream
    // delivers it, and so does this SDK (the sender check is the boundary).
    let good = payload(&fixture("brokerageAccountAccessToken"));
    let Value::Object(fields) = good.clone() else { panic!("object") };
    for (i, _) in fields.iter().enumerate() {
        for replacement in [Some(Value::Number(1.0)), Some(Value::Null), None] {
            let mut broken = fields.clone();
            match replacement {
                Some(value) => broken[i].1 = value,
                None => drop(broken.remove(i)),
            }
            let p = Value::Object(broken);
            let msg = Value::object([("type", Value::str("brokerageAccountAccessToken")), ("payload", p.clone())]);
            let got = session().on_message(&msg);
            assert_eq!(got, Ok(connected_actions(Connected::AccessToken(p))), "field {}", fields[i].0);
        }
    }
    let transfer =
        Value::object([("type", Value::str("transferFinished")), ("payload", Value::object([("status", Value::str("pending"))]))]);
    assert!(session().on_message(&transfer).is_ok());
    let selected = Value::object([("type", Value::str("integrationSelected"))]);
    assert_eq!(session().on_message(&selected), Ok(vec![Call(Callback::Event(Event::Other(selected.clone())))]));
}

fn connected_actions(c: Connected<Value>) -> Vec<Action<Value>> {
    vec![Call(Callback::Event(Event::IntegrationConnected(c.clone()))), Call(Callback::IntegrationConnected(c))]
}

#[test]
fn what_is_not_delivered_is_said_once_per_reason() {
    for data in [Value::Null, Value::str("loaded"), Value::Number(1.0), Value::Array(vec![Value::str("loaded")])] {
        assert_eq!(session().on_message(&data), Err(Ignored::NotAnObject));
    }
    let typed = Value::object([("type", Value::Number(1.0))]);
    assert_eq!(session().on_message(&typed), Err(Ignored::UnknownType));
    for kind in ["brokerageAccountAccessToken", "delayedAuthentication", "transferFinished"] {
        for p in [None, Some(Value::Null), Some(Value::str("x")), Some(Value::Array(vec![]))] {
            let mut msg = vec![("type".to_owned(), Value::str(kind))];
            msg.extend(p.map(|p| ("payload".to_owned(), p)));
            assert_eq!(session().on_message(&Value::Object(msg)), Err(Ignored::NoPayload), "{kind}");
        }
    }
    let mut s = session();
    let first = Value::object([("type", Value::str("somethingNew"))]);
    let second = Value::object([("type", Value::str("somethingElse"))]);
    assert_eq!(s.receive(&first), vec![Action::Warn { why: Ignored::UnknownType, data: first.clone() }]);
    assert_eq!(s.receive(&second), vec![], "once per session per reason");
    assert_eq!(s.receive(&Value::Null), vec![Action::Warn { why: Ignored::NotAnObject, data: Value::Null }]);
    let empty = Value::object([("type", Value::str("transferFinished"))]);
    assert_eq!(s.receive(&empty), vec![Action::Warn { why: Ignored::NoPayload, data: empty.clone() }]);
    assert_eq!(session().receive(&second).len(), 1, "a new session warns again");
    for why in Ignored::ALL {
        assert!(!why.reason().is_empty());
        assert_eq!(Ignored::ALL.iter().filter(|w| w.bit() & why.bit() != 0).count(), 1);
    }
}

#[test]
fn debug_reports_a_deviation_from_the_upstream_type_once_per_type() {
    let debug = LinkParams { debug: true, ..LinkParams::default() };
    let mut s = Session::open(LinkInput::Token(TOKEN), &debug).expect("opens").0;
    let good = fixture("brokerageAccountAccessToken");
    assert_eq!(s.receive(&good).len(), 2, "a payload of the upstream type: nothing to report");
    let no_logo = Value::object([
        ("type", Value::str("brokerageAccountAccessToken")),
        (
            "payload",
            Value::object([
                ("accountTokens", Value::Array(vec![])),
                ("brokerBrandInfo", Value::object([])),
                ("brokerType", Value::str("robinhood")),
                ("brokerName", Value::str("Robinhood")),
            ]),
        ),
    ]);
    let actions = s.receive(&no_logo);
    assert_eq!(actions.first(), Some(&Action::Report { promised: Payload::AccessToken, data: no_logo.clone() }));
    assert_eq!(actions.len(), 3, "reported, then delivered");
    assert_eq!(s.receive(&no_logo).len(), 2, "once per type");
    let summary = Value::object([("type", Value::str("done")), ("payload", Value::object([("page", Value::Number(1.0))]))]);
    assert!(matches!(s.receive(&summary).first(), Some(Action::Report { promised: Payload::SessionSummary, .. })));
    // Without debug, nothing is reported.
    assert_eq!(session().receive(&no_logo).len(), 2);
}

#[test]
fn oauth_links_follow_the_url_rule() {
    let msg = fixture("oauthLinkOpen");
    let got = session().on_message(&msg);
    let url = LinkUrl::parse("https://oauth.example/authorize?client_id=abc&state=xyz").expect("valid");
    assert_eq!(got, Ok(vec![Action::OpenWindow(url)]));
    for link in ["javascript:alert(document.domain)", "http://evil.example/", "data:text/html,x"] {
        let msg = Value::object([("type", Value::str("oauthLinkOpen")), ("link", Value::str(link))]);
        assert_eq!(session().on_message(&msg), Err(Ignored::BadLink), "{link}");
    }
    assert_eq!(popup_features(1920.0, 1080.0), "popup,noopener,noreferrer,resizable,scrollbars,width=700,height=800,top=140,left=610");
    assert!(popup_features(f64::NAN, 100.0).ends_with("top=-350,left=-350"));
}

#[test]
fn params_shape_the_url() {
    let params = LinkParams {
        language: Some("fr CA".into()),
        display_fiat_currency: Some("EUR".into()),
        theme: Some(Theme::Dark),
        embedded: true,
        iframe_id: Some("host-frame".into()),
        ..LinkParams::default()
    };
    // https://a.example/x?s=1#frag
    let token = "aHR0cHM6Ly9hLmV4YW1wbGUveD9zPTEjZnJhZw==";
    let (s, opening) = Session::open(LinkInput::Token(token), &params).expect("opens");
    assert_eq!(opening.url.href(), "https://a.example/x?s=1&lng=fr%20CA&fiatCur=EUR&th=dark&rt=embedded#frag");
    assert_eq!(s.origin(), "https://a.example");
    assert_eq!(
        opening.allow,
        "clipboard-read https://a.example; clipboard-write https://a.example; camera https://a.example; microphone https://a.example"
    );
    assert_eq!(Session::open(LinkInput::Url("javascript:alert(1)"), &params).map(|_| ()), Err(LinkError::InvalidLink(Rejection::Scheme)));
    assert_eq!(Theme::parse("purple"), None);
}

#[test]
fn every_key_is_known_once() {
    let mut keys = FRONT_EVENT_TYPE_KEYS.to_vec();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), FRONT_EVENT_TYPE_KEYS.len());
    assert!(FRONT_EVENT_TYPE_KEYS.iter().all(|k| is_front_event_type_key(k)));
    assert!(!is_front_event_type_key("brokerageAccountAccessToken"));
}

// --- @meshconnect/web-link-sdk 3.13's face ------------------------------

#[test]
fn mesh_always_sends_lng_and_renders_into_any_given_iframe() {
    let (_, overlay) = Session::open(LinkInput::Token(TOKEN), &mesh(false, None)).expect("opens");
    assert_eq!(overlay.url.href(), "http://127.0.0.1:8081/link?session=abc&lng=en");
    assert_eq!((overlay.frame, overlay.overlay_id), (None, "mesh-link-popup"));
    // An id renders into the host's iframe whether or not renderType is
    // 'embedded'; rt=embedded only when it is.
    let (_, hosted) = Session::open(LinkInput::Token(TOKEN), &mesh(false, Some("f"))).expect("opens");
    assert_eq!((hosted.frame.as_deref(), hosted.url.href()), (Some("f"), "http://127.0.0.1:8081/link?session=abc&lng=en"));
    let (_, embedded) = Session::open(LinkInput::Token(TOKEN), &mesh(true, Some("f"))).expect("opens");
    assert_eq!(embedded.url.href(), "http://127.0.0.1:8081/link?session=abc&lng=en&rt=embedded");
    let french = LinkParams { language: Some("fr".into()), ..mesh(false, None) };
    assert!(Session::open(LinkInput::Token(TOKEN), &french).expect("opens").1.url.href().ends_with("?session=abc&lng=fr"));
    // 1.1.9 ignores the id unless embedded, and adds no lng of its own.
    let front = LinkParams { iframe_id: Some("f".into()), ..LinkParams::default() };
    let (_, opening) = Session::open(LinkInput::Token(TOKEN), &front).expect("opens");
    assert_eq!(
        (opening.frame, opening.overlay_id, opening.url.href()),
        (None, "front-link-popup", "http://127.0.0.1:8081/link?session=abc")
    );
}

#[test]
fn mesh_refuses_embedded_without_an_iframe_after_an_empty_token() {
    let refused = |token, params: &LinkParams| Session::open(LinkInput::Token(token), params).map(|_| ()).unwrap_err();
    assert_eq!(refused("", &mesh(true, None)), LinkError::InvalidToken(Rejection::Empty));
    assert_eq!(refused("not base64!", &mesh(true, None)), LinkError::EmbeddedWithoutIframe);
    assert_eq!(refused(TOKEN, &mesh(true, Some(""))), LinkError::EmbeddedWithoutIframe);
    assert_eq!(
        LinkError::EmbeddedWithoutIframe.exit_message(),
        "Mesh SDK: Failed to open link - renderType \"embedded\" requires a customIframeId"
    );
    assert_eq!(refused("not base64!", &mesh(false, None)), LinkError::InvalidToken(Rejection::Base64));
}

#[test]
fn mesh_loaded_posts_no_transfer_destination_tokens() {
    let got = mesh_session(false).on_message(&fixture("loaded"));
    assert_eq!(
        got,
        Ok(vec![Action::Loaded, Post(Outbound::SdkSpecs), Post(Outbound::AccessTokens), Call(Callback::Event(Event::PageLoaded))])
    );
}

// --- Every failure ends in a callback -------------------------------

#[test]
fn a_link_ui_that_never_loads_ends_in_on_exit_once() {
    let (mut s, opening) = Session::open(LinkInput::Token(TOKEN), &LinkParams::default()).expect("opens");
    assert_eq!(opening.load_timeout, Some(DEFAULT_LOAD_TIMEOUT_MS));
    assert_eq!(opening.close_control_after, Some(CLOSE_CONTROL_DELAY_MS), "the overlay offers its own way out");
    assert_eq!(s.load_timed_out::<Value>(), vec![End, Call(Callback::Exit { error: Some(LOAD_TIMEOUT_MESSAGE.into()), summary: None })]);
    assert!(s.load_timed_out::<Value>().is_empty() && s.close::<Value>().is_empty(), "onExit fires once");
    assert_eq!(s.on_message(&fixture("loaded")), Err(Ignored::Ended));
}

#[test]
fn a_loaded_link_ui_is_not_timed_out_and_says_loaded_once() {
    let mut s = session();
    assert!(s.on_message(&fixture("loaded")).expect("loaded").contains(&Action::Loaded));
    assert!(!s.on_message(&fixture("loaded")).expect("loaded again").contains(&Action::Loaded));
    assert!(s.load_timed_out::<Value>().is_empty());
    assert!(s.is_open());
}

#[test]
fn load_timeout_and_close_control_follow_the_options() {
    let never = LinkParams { load_timeout: None, ..LinkParams::default() };
    assert_eq!(Session::open(LinkInput::Token(TOKEN), &never).expect("opens").1.load_timeout, None);
    // Embedded: the host page's iframe, no close control of ours; the timeout holds.
    let (_, opening) = Session::open(LinkInput::Token(TOKEN), &mesh(true, Some("host"))).expect("opens");
    assert_eq!((opening.close_control_after, opening.load_timeout), (None, Some(DEFAULT_LOAD_TIMEOUT_MS)));
}

#[test]
fn a_blocked_popup_is_an_event_while_the_session_lasts() {
    let mut s = session();
    let url = LinkUrl::parse("https://broker.example/oauth").expect("a URL");
    assert_eq!(s.popup_blocked::<Value>(url.clone()), vec![Call(Callback::Event(Event::PopupBlocked(url.clone())))]);
    let _ = s.close::<Value>();
    assert!(s.popup_blocked::<Value>(url).is_empty());
}

#[test]
fn only_trusted_link_origins_open_when_the_app_lists_them() {
    let trusted =
        |origins: &[&str]| LinkParams { link_origins: Some(origins.iter().map(|o| (*o).to_owned()).collect()), ..LinkParams::default() };
    assert!(Session::open(LinkInput::Token(TOKEN), &trusted(&[ORIGIN])).is_ok());
    assert_eq!(
        Session::open(LinkInput::Token(TOKEN), &trusted(&["https://web.meshconnect.com"])).map(|_| ()),
        Err(LinkError::InvalidToken(Rejection::Untrusted))
    );
    assert_eq!(
        Session::open(LinkInput::Url("http://127.0.0.1:8081/link"), &trusted(&["http://127.0.0.1:8082"])).map(|_| ()),
        Err(LinkError::InvalidLink(Rejection::Untrusted))
    );
    let exit = Session::open(LinkInput::Token(TOKEN), &trusted(&[])).map(|_| ()).unwrap_err().exit_message();
    assert_eq!(exit, "Invalid link token!");
}

#[test]
fn link_origins_fail_closed_on_anything_that_is_not_a_list_of_origins() {
    let entries = |e: &[Option<&str>]| e.iter().map(|o| o.map(str::to_owned)).collect::<Vec<_>>();
    assert_eq!(link_origins(&entries(&[Some("https://web.meshconnect.com")])), Ok(vec!["https://web.meshconnect.com".into()]));
    assert_eq!(link_origins(&entries(&[])), Err(BadOption::LinkOriginsEmpty));
    for bad in [
        &[Some("https://web.meshconnect.com"), Some("web.meshconnect.com")][..],
        &[Some("*")],
        &[Some("https://*.meshconnect.com")],
        &[Some("https://x.example/path")],
        &[Some("javascript:alert(1)")],
        &[None],
    ] {
        assert_eq!(link_origins(&entries(bad)), Err(BadOption::LinkOriginNotAnOrigin), "{bad:?}");
    }
    // Every open is then refused, with what is wrong.
    for bad in [BadOption::LinkOrigins, BadOption::LinkOriginsEmpty, BadOption::LinkOriginNotAnOrigin] {
        let params = LinkParams { misconfigured: Some(bad), ..LinkParams::default() };
        let refused = Session::open(LinkInput::Token(TOKEN), &params).map(|_| ()).unwrap_err();
        assert_eq!(refused, LinkError::Misconfigured(bad));
        assert!(refused.exit_message().contains("every link token is refused"), "{}", refused.exit_message());
        assert!(Session::open(LinkInput::Url("https://web.meshconnect.com/"), &params).is_err());
    }
    assert_eq!(link_origin("https://x.example:8443"), Some("https://x.example:8443".into()));
    assert_eq!(link_origin("https://x.example:443"), None, "not as the browser spells it");
    assert_eq!(link_origin("https://x.example?"), None);
    assert_eq!(link_origin("http://localhost:8081/"), Some("http://localhost:8081".into()));
}

#[test]
fn mesh_exit_reads_only_the_payload_error() {
    let close = fixture("closeWithMessage");
    assert_eq!(mesh_session(false).on_message(&close), Ok(vec![End, Call(Callback::Exit { error: None, summary: None })]));
    let done = Value::object([
        ("type", Value::str("done")),
        ("message", Value::str("m")),
        ("payload", Value::object([("page", Value::str("p")), ("errorMessage", Value::str("e"))])),
    ]);
    let Ok(actions) = mesh_session(false).on_message(&done) else { panic!("done is accepted") };
    assert!(matches!(&actions[..], [End, Call(Callback::Exit { error: Some(e), summary: Some(_) })] if e == "e"));
}

#[test]
fn mesh_hears_its_43_keys_and_ignores_oauth_link_open() {
    let event = |key: &str| Value::object([("type", Value::str(key))]);
    for key in FRONT_EVENT_TYPE_KEYS.iter().chain(&LATER_LINK_EVENT_TYPE_KEYS) {
        assert!(is_link_event_type_key(key), "{key}");
    }
    let wallets = Value::Array(vec![Value::object([("id", Value::str("io.metamask")), ("name", Value::str("MetaMask"))])]);
    let injected = Value::object([("type", Value::str("SDKinjectedWalletProviders")), ("payload", wallets)]);
    assert_eq!(mesh_session(false).on_message(&injected), Ok(vec![Call(Callback::Event(Event::Other(injected.clone())))]));
    // 3.13 types the payloads of later keys, and delivers them whatever they hold.
    assert!(mesh_session(false).on_message(&event("SDKinjectedWalletProviders")).is_ok());
    let executed = Value::object([("type", Value::str("transferExecuted")), ("payload", Value::object([("txId", Value::str("t"))]))]);
    assert!(mesh_session(false).on_message(&executed).is_ok());
    assert!(session().on_message(&executed).is_ok());
    let started = Value::object([("type", Value::str("transferStarted")), ("payload", Value::Number(1.0))]);
    assert!(mesh_session(false).on_message(&started).is_ok());
    assert_eq!(session().on_message(&injected), Err(Ignored::UnknownType), "not a 1.1.9 key");
    assert_eq!(mesh_session(false).on_message(&fixture("oauthLinkOpen")), Err(Ignored::UnknownType));
    assert!(!is_front_event_type_key("done") && !is_link_event_type_key("loaded"));
}

#[test]
fn close_requested_only_for_an_embedded_mesh_session() {
    let mut embedded = mesh_session(true);
    assert_eq!(embedded.request_close::<Value>(), vec![Post(Outbound::CloseRequested)]);
    assert!(embedded.is_open(), "stays open until the Link UI answers");
    let done = embedded.on_message(&event_done());
    assert_eq!(done.map(|a| a.len()), Ok(2));
    assert_eq!(embedded.request_close::<Value>(), vec![], "ended: nothing to ask");
    assert_eq!(mesh_session(false).request_close::<Value>(), vec![End, Call(Callback::Closed)]);
    let mut front =
        Session::open(LinkInput::Token(TOKEN), &LinkParams { embedded: true, iframe_id: Some("h".into()), ..LinkParams::default() })
            .expect("opens")
            .0;
    assert_eq!(front.request_close::<Value>(), vec![End, Call(Callback::Closed)]);
}

fn event_done() -> Value {
    Value::object([("type", Value::str("done"))])
}
