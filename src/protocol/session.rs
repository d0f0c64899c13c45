//! The session state machine: what to do when a link is opened, a message
//! arrives, or the user closes. It decides; the web layer executes.

use alloc::{borrow::ToOwned, rc::Rc, string::String, vec, vec::Vec};

use super::comlink::{Refusal, Request};
use super::data::{Data, Kind};
use super::error::{LinkError, Rejection};
use super::face::Face;
use super::inbound::{known_type, known_type_index, Ignored, InboundMessage, PROMISED};
use super::link_style::LinkStyle;
use super::link_url::LinkUrl;
use super::options::{BadOption, CLOSE_CONTROL_DELAY_MS, DEFAULT_LOAD_TIMEOUT_MS};
use super::shape::Payload;
use super::token::decode_link_token;

/// The `onExit` error of a session whose Link UI never said `loaded`.
pub const LOAD_TIMEOUT_MESSAGE: &str = "Link UI did not load: check the network, the page's CSP frame-src, and blockers";

/// What `openLink`/`openPopup` was given.
#[derive(Debug, Clone, Copy)]
pub enum LinkInput<'a> {
    /// A link token (base64 of the Link URL), as `openLink` takes.
    Token(&'a str),
    /// The Link URL itself, as the obsolete `openPopup` takes.
    Url(&'a str),
}

/// The Link UI's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// Follow the user's system setting.
    System,
}

impl Theme {
    /// `'light'`, `'dark'` or `'system'`; anything else is no theme.
    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "system" => Some(Theme::System),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System => "system",
        }
    }
}

/// A connection's options as they shape one session, read at open time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkParams {
    /// Which upstream SDK's quirks to follow.
    pub face: Face,
    /// The host page's iframe given to `openLink`, if any; whether it is
    /// used depends on the face and `embedded`.
    pub iframe_id: Option<String>,
    /// `lng`: a BCP 47 language tag (the web layer resolves `'system'`).
    pub language: Option<String>,
    /// `fiatCur`: e.g. `USD`.
    pub display_fiat_currency: Option<String>,
    /// `th`.
    pub theme: Option<Theme>,
    /// `rt=embedded`: render into a host iframe instead of the overlay.
    pub embedded: bool,
    /// Serve the wallet bridge (SPEC §11) to the Link UI for the session.
    pub wallet_bridge: bool,
    /// The only Link origins to load (`linkOrigins`); `None`: any the URL
    /// rule accepts.
    pub link_origins: Option<Vec<String>>,
    /// A security option that is there but wrong: every open is refused
    /// with its message (fail closed).
    pub misconfigured: Option<BadOption>,
    /// End the session if the Link UI has not said `loaded` within this
    /// many milliseconds (`loadTimeout`); `None`: wait as long as it takes.
    pub load_timeout: Option<u32>,
    /// Report delivered payloads that differ from the upstream types
    /// (`debug`), once per message type and session.
    pub debug: bool,
}

impl Default for LinkParams {
    fn default() -> Self {
        LinkParams {
            face: Face::default(),
            iframe_id: None,
            language: None,
            display_fiat_currency: None,
            theme: None,
            embedded: false,
            wallet_bridge: false,
            link_origins: None,
            misconfigured: None,
            load_timeout: Some(DEFAULT_LOAD_TIMEOUT_MS),
            debug: false,
        }
    }
}

impl LinkParams {
    fn apply(&self, url: &LinkUrl) -> LinkUrl {
        let mut params: Vec<(&str, &str)> = Vec::new();
        fn non_empty(s: &Option<String>) -> Option<&str> {
            s.as_deref().filter(|s| !s.is_empty())
        }
        if let Some(language) = non_empty(&self.language).or(self.face.default_language()) {
            params.push(("lng", language));
        }
        if let Some(currency) = non_empty(&self.display_fiat_currency) {
            params.push(("fiatCur", currency));
        }
        if let Some(theme) = self.theme {
            params.push(("th", theme.as_str()));
        }
        if self.embedded {
            params.push(("rt", "embedded"));
        }
        url.with_params(&params)
    }
}

/// Where the Link UI is shown and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// The id of the host page's iframe to render into; `None` for the
    /// overlay.
    pub frame: Option<String>,
    /// The overlay root's id (its parts append `__backdrop`,
    /// `__popup-content` and `__iframe`).
    pub overlay_id: &'static str,
    /// The iframe's `src`.
    pub url: LinkUrl,
    /// The `link_style` JSON text, for the web layer to parse and hand to
    /// [`LinkStyle::from_data`].
    pub style_json: Option<String>,
    /// The iframe's `allow` attribute: clipboard (the Link UI copies
    /// addresses), camera and microphone (identity checks), for the Link
    /// origin only, never `*`.
    pub allow: String,
    /// Call [`Session::load_timed_out`] after this many milliseconds.
    pub load_timeout: Option<u32>,
    /// Show the overlay's own close control after this many milliseconds,
    /// until [`Action::Loaded`]; `None` when the Link UI renders in a host
    /// page's iframe (the page has its own controls around it).
    pub close_control_after: Option<u32>,
}

/// A message the host sends the Link iframe, on each `loaded`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outbound {
    /// `{type:'meshSDKSpecs', payload:{platform:'web', version, origin}}`.
    SdkSpecs,
    /// `{type:'frontAccessTokens', payload: accessTokens}`, if set.
    AccessTokens,
    /// `{type:'frontTransferDestinationTokens', payload: …}`, if set.
    TransferDestinationTokens,
    /// `{type:'closeRequested'}`: asks an embedded Link UI to wind down
    /// (3.13's `closeLinkRequested`); it answers with `close` or `done`.
    CloseRequested,
}

/// What the integrator gets connected: the payload of
/// `onIntegrationConnected` (3.13) or `onBrokerConnected` (1.1.9).
#[derive(Debug, Clone, PartialEq)]
pub enum Connected<D> {
    /// `{accessToken: payload}`.
    AccessToken(D),
    /// `{delayedAuth: payload}`.
    DelayedAuth(D),
}

/// The argument of `onEvent`.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<D> {
    /// `{type:'integrationConnected', payload: FrontPayload}`.
    IntegrationConnected(Connected<D>),
    /// `{type:'transferCompleted', payload}`.
    TransferCompleted(D),
    /// `{type:'pageLoaded'}`.
    PageLoaded,
    /// `{type:'popupBlocked', payload:{url}}`: the browser refused the
    /// window an `oauthLinkOpen` asked for. The SDK's own event.
    PopupBlocked(LinkUrl),
    /// A known event, as the Link UI sent it.
    Other(D),
}

/// A callback of the options (`LinkOptions` or `FrontOptions`) to call.
#[derive(Debug, Clone, PartialEq)]
pub enum Callback<D> {
    /// `onEvent(event)`.
    Event(Event<D>),
    /// `onIntegrationConnected(payload)` (3.13), `onBrokerConnected` (1.1.9).
    IntegrationConnected(Connected<D>),
    /// `onTransferFinished(payload)`.
    TransferFinished(D),
    /// `onExit(error, summary)`: the Link UI ended the session.
    Exit {
        /// The error, if any.
        error: Option<String>,
        /// The `SessionSummary`, if any.
        summary: Option<D>,
    },
    /// `onExit()`: the host ended the session (`closeLink`, Escape, or
    /// another session opening).
    Closed,
}

/// One step for the web layer, to run in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Action<D> {
    /// The Link UI has loaded: take down the overlay's own close control
    /// and stop the load timer.
    Loaded,
    /// Post this to the Link iframe, at the session's origin exactly.
    Post(Outbound),
    /// Call this callback.
    Call(Callback<D>),
    /// Open this URL in a centred popup window.
    OpenWindow(LinkUrl),
    /// Remove the overlay and listeners, restore the page.
    End,
    /// Carry out a wallet bridge request of the Link UI.
    Bridge(Request<D>),
    /// Answer a wallet bridge request with a `throw`: the bridge refuses it.
    Refuse(D, Refusal),
    /// Say on the console (`console.warn`) that a message from the Link
    /// frame, `data`, was not delivered in full, and why: the first time
    /// each reason comes up in a session. Name its type, never its payload
    /// (it may hold tokens).
    Warn {
        /// Why.
        why: Ignored,
        /// The message.
        data: D,
    },
    /// Debug only: the payload of `data`, delivered, differs from the
    /// upstream type `promised`. Once per message type and session.
    Report {
        /// What the upstream types declare for it.
        promised: Payload,
        /// The message.
        data: D,
    },
}

/// One Link session: from `openLink` until `close`/`done`/`closeLink`.
///
/// ```
/// use front_link_wasm::protocol::{Action, Callback, LinkInput, LinkParams, Session, Value};
///
/// // base64 of https://web.meshconnect.com/b2b-iframe
/// let token = "aHR0cHM6Ly93ZWIubWVzaGNvbm5lY3QuY29tL2IyYi1pZnJhbWU=";
/// let (mut session, opening) = Session::open(LinkInput::Token(token), &LinkParams::default()).unwrap();
/// assert_eq!(opening.url.href(), "https://web.meshconnect.com/b2b-iframe");
///
/// // Messages from the Link iframe (and only those) are heard from this origin.
/// assert_eq!(session.origin(), "https://web.meshconnect.com");
/// let close = Value::object([("type", Value::str("close")), ("message", Value::str("bye"))]);
/// // Take the overlay down, then call onExit.
/// let actions = session.on_message(&close).unwrap();
/// assert_eq!(actions, [Action::End, Action::Call(Callback::Exit { error: Some("bye".into()), summary: None })]);
/// assert!(session.close::<Value>().is_empty(), "onExit fires once");
/// ```
// `Clone` is cheap (the origin is shared): the web layer decides each
// message on a copy, with no borrow held.
#[derive(Debug, Clone)]
pub struct Session {
    origin: Rc<str>,
    open: bool,
    loaded: bool,
    face: Face,
    embedded: bool,
    bridge: bool,
    debug: bool,
    /// The [`Ignored`] reasons already warned of ([`Ignored::bit`]).
    warned: u8,
    /// The message types already reported as deviating (debug), by their
    /// place among the known types ([`known_type`]).
    reported: u64,
}

impl Session {
    /// Applies the token and URL rules; on success the web layer shows
    /// `Opening` and feeds this session what happens next.
    pub fn open(input: LinkInput<'_>, params: &LinkParams) -> Result<(Session, Opening), LinkError> {
        if let Some(bad) = params.misconfigured {
            return Err(LinkError::Misconfigured(bad));
        }
        let frame = params.iframe_id.as_deref().filter(|id| !id.is_empty() && params.face.uses_iframe_id(params.embedded));
        if params.face == Face::Link {
            // 3.13's order of checks: an empty token, then a missing iframe.
            if matches!(input, LinkInput::Token("")) {
                return Err(LinkError::InvalidToken(Rejection::Empty));
            }
            if params.embedded && frame.is_none() {
                return Err(LinkError::EmbeddedWithoutIframe);
            }
        }
        // 1.1.9 renders an embedded session without an id into no iframe.
        let frame = frame.map(str::to_owned).or_else(|| params.embedded.then(String::new));
        let url = match input {
            LinkInput::Token(token) => decode_link_token(token)?,
            LinkInput::Url(text) => LinkUrl::parse(text).map_err(LinkError::InvalidLink)?,
        };
        if params.link_origins.as_ref().is_some_and(|trusted| !trusted.iter().any(|o| o == url.origin())) {
            return Err(match input {
                LinkInput::Token(_) => LinkError::InvalidToken(Rejection::Untrusted),
                LinkInput::Url(_) => LinkError::InvalidLink(Rejection::Untrusted),
            });
        }
        let style_json = if frame.is_some() { None } else { LinkStyle::json_in(&url) };
        let url = params.apply(&url);
        let origin: Rc<str> = url.origin().into();
        let mut allow = String::new();
        for feature in ["clipboard-read ", "; clipboard-write ", "; camera ", "; microphone "] {
            allow.push_str(feature);
            allow.push_str(&origin);
        }
        let session = Session {
            origin,
            open: true,
            loaded: false,
            face: params.face,
            embedded: params.embedded,
            bridge: params.wallet_bridge,
            debug: params.debug,
            warned: 0,
            reported: 0,
        };
        let close_control_after = frame.is_none().then_some(CLOSE_CONTROL_DELAY_MS);
        let opening = Opening {
            frame,
            overlay_id: params.face.overlay_id(),
            url,
            style_json,
            allow,
            load_timeout: params.load_timeout,
            close_control_after,
        };
        Ok((session, opening))
    }

    /// The exact origin messages must come from and are posted to.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Whether the session serves the wallet bridge.
    pub fn has_bridge(&self) -> bool {
        self.bridge
    }

    /// Whether the session still runs.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The Link UI posted `data`. Only messages whose `event.source` is
    /// this session's iframe window and whose `event.origin` is exactly
    /// [`origin`](Self::origin) may come here: that rule runs in the web
    /// layer's listener (`src/web/inbox.js`, its one place), before `data`
    /// is read, because every message on the page reaches that listener and
    /// most are other widgets' chatter.
    pub fn on_message<D: Data>(&mut self, data: &D) -> Result<Vec<Action<D>>, Ignored> {
        if !self.open {
            return Err(Ignored::Ended);
        }
        use Action::{Call, Post};
        let message = match InboundMessage::classify(self.face, data) {
            Err(Ignored::UnknownType) if self.bridge => {
                return match Request::classify(data) {
                    Ok(request) => Ok(vec![Action::Bridge(request)]),
                    Err((refusal, Some(id))) => Ok(vec![Action::Refuse(id, refusal)]),
                    Err((_, None)) => Err(Ignored::UnknownType),
                }
            }
            other => other?,
        };
        Ok(match message {
            InboundMessage::AccessToken(p) => connected(Connected::AccessToken(p)),
            InboundMessage::DelayedAuth(p) => connected(Connected::DelayedAuth(p)),
            InboundMessage::TransferFinished(p) => {
                vec![Call(Callback::Event(Event::TransferCompleted(p.clone()))), Call(Callback::TransferFinished(p))]
            }
            InboundMessage::Exit { error, summary, error_dropped } => {
                self.open = false;
                let warning = if error_dropped { self.warn(Ignored::ErrorNotText, data) } else { None };
                warning.into_iter().chain([Action::End, Call(Callback::Exit { error, summary })]).collect()
            }
            InboundMessage::Loaded => {
                let mut actions = vec![Post(Outbound::SdkSpecs), Post(Outbound::AccessTokens)];
                if !core::mem::replace(&mut self.loaded, true) {
                    actions.insert(0, Action::Loaded);
                }
                if self.face.posts_transfer_destination_tokens() {
                    actions.push(Post(Outbound::TransferDestinationTokens));
                }
                actions.push(Call(Callback::Event(Event::PageLoaded)));
                actions
            }
            InboundMessage::OauthLinkOpen(url) => vec![Action::OpenWindow(url)],
            InboundMessage::Event(data) => vec![Call(Callback::Event(Event::Other(data)))],
        })
    }

    /// What to do with a message from the Link frame: [`on_message`]'s
    /// actions, or, for a message it does not deliver, a warning the first
    /// time its reason comes up in this session (a message the Link UI
    /// sends over and over must not flood the console). With `debug`, a
    /// delivered payload that differs from its upstream type is reported
    /// too, once per type.
    ///
    /// [`on_message`]: Self::on_message
    pub fn receive<D: Data>(&mut self, data: &D) -> Vec<Action<D>> {
        let mut actions = match self.on_message(data) {
            Ok(actions) => actions,
            Err(Ignored::Ended) => return Vec::new(),
            Err(why) => return self.warn(why, data).into_iter().collect(),
        };
        if self.debug {
            if let Some(report) = self.deviation(data) {
                actions.insert(0, report);
            }
        }
        actions
    }

    fn warn<D: Data>(&mut self, why: Ignored, data: &D) -> Option<Action<D>> {
        let first = self.warned & why.bit() == 0;
        self.warned |= why.bit();
        first.then(|| Action::Warn { why, data: data.clone() })
    }

    /// A delivered message's payload that its upstream type does not
    /// describe, the first time its type does so.
    fn deviation<D: Data>(&mut self, data: &D) -> Option<Action<D>> {
        let kind = known_type(data)?;
        let at = known_type_index(kind)?;
        let promised = (*PROMISED.get(self.face as usize)?.get(at)?)?;
        let bit = 1u64 << at;
        if self.reported & bit != 0 {
            return None;
        }
        let fits = match promised {
            // The summary is optional.
            Payload::SessionSummary => data.field("payload").filter(|p| p.kind() != Kind::Null).map_or(true, |p| p.conforms(promised)),
            _ => data.field_conforms("payload", promised),
        };
        if fits {
            return None;
        }
        self.reported |= bit;
        Some(Action::Report { promised, data: data.clone() })
    }

    /// `closeLinkRequested`: an embedded 3.13 session asks the Link UI to
    /// close and stays open until it answers; any other session closes.
    pub fn request_close<D>(&mut self) -> Vec<Action<D>> {
        if self.open && self.embedded && self.face == Face::Link {
            return vec![Action::Post(Outbound::CloseRequested)];
        }
        self.close()
    }

    /// The load timer ran out: a session whose Link UI has not said `loaded`
    /// ends with an error that says so; any other goes on.
    pub fn load_timed_out<D>(&mut self) -> Vec<Action<D>> {
        if !self.open || self.loaded {
            return Vec::new();
        }
        self.open = false;
        vec![Action::End, Action::Call(Callback::Exit { error: Some(LOAD_TIMEOUT_MESSAGE.into()), summary: None })]
    }

    /// The browser refused to open the window of an `oauthLinkOpen`:
    /// `onEvent` hears of it (the user can try again in the Link UI).
    pub fn popup_blocked<D>(&self, url: LinkUrl) -> Vec<Action<D>> {
        if !self.open {
            return Vec::new();
        }
        vec![Action::Call(Callback::Event(Event::PopupBlocked(url)))]
    }

    /// The host closes (`closeLink`, Escape, the overlay's own close
    /// control, or a newer session). Does nothing if the session already
    /// ended, so `onExit` fires once.
    pub fn close<D>(&mut self) -> Vec<Action<D>> {
        if !core::mem::replace(&mut self.open, false) {
            return Vec::new();
        }
        vec![Action::End, Action::Call(Callback::Closed)]
    }
}

fn connected<D: Clone>(payload: Connected<D>) -> Vec<Action<D>> {
    vec![Action::Call(Callback::Event(Event::IntegrationConnected(payload.clone()))), Action::Call(Callback::IntegrationConnected(payload))]
}

/// `window.open` features for the OAuth popup: 700×800, centred on a
/// screen of the given size.
pub fn popup_features(screen_width: f64, screen_height: f64) -> String {
    const WIDTH: i64 = 700;
    const HEIGHT: i64 = 800;
    let centre = |screen: f64, size: i64| {
        let screen = if screen.is_finite() { screen.clamp(0.0, 1.0e6) as i64 } else { 0 };
        (screen - size) / 2
    };
    let mut features = String::from("popup,noopener,noreferrer,resizable,scrollbars,width=");
    push_signed(&mut features, WIDTH);
    features.push_str(",height=");
    push_signed(&mut features, HEIGHT);
    features.push_str(",top=");
    push_signed(&mut features, centre(screen_height, HEIGHT));
    features.push_str(",left=");
    push_signed(&mut features, centre(screen_width, WIDTH));
    features
}

fn push_signed(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    super::link_url::push_decimal(out, value.unsigned_abs());
}

#[cfg(test)]
mod tests;
