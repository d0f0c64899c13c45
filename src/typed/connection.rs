//! [`Link`]: `createLink` for Rust callers, and 1.1.9's
//! `createFrontConnection` as [`FrontConnection`].

use core::cell::RefCell;
use core::fmt;
use core::ops::Deref;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::payloads::{IntegrationAccessToken, LinkEvent, LinkPayload, SessionSummary, TransferFinishedPayload};
use crate::protocol::{link_origins, load_timeout, Face, LinkError, LinkInput, LinkParams, Outbound, Theme};
use crate::web::{self, report, Callbacks, Exit, Placement};

/// A callback, shared so that a session keeps the one it started with
/// while [`Link::set_options`] installs another.
type Handler<T> = Option<Rc<RefCell<dyn FnMut(T)>>>;

fn handler<T>(f: impl FnMut(T) + 'static) -> Handler<T> {
    Some(Rc::new(RefCell::new(f)))
}

/// How a session ended, what `on_exit` hears.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkExit {
    /// What went wrong, if the Link UI said so (`None` when the user or
    /// your code closed it).
    pub error: Option<String>,
    /// The Link UI's summary of the session (the page the user left from,
    /// what was selected, a transfer's state), when it sent one.
    pub summary: Option<SessionSummary>,
}

/// Where the Link UI renders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RenderType {
    /// In this SDK's overlay (the default).
    #[default]
    Overlay,
    /// In an iframe of the host page, see [`Link::open_link_in`].
    Embedded,
}

/// Callbacks and settings of a [`Link`] (3.13's `LinkOptions`), built
/// fluently.
#[derive(Default)]
pub struct LinkOptions {
    on_integration_connected: Handler<LinkPayload>,
    on_exit: Handler<LinkExit>,
    on_transfer_finished: Handler<TransferFinishedPayload>,
    on_event: Handler<LinkEvent>,
    access_tokens: Option<Vec<IntegrationAccessToken>>,
    transfer_destination_tokens: Option<Vec<IntegrationAccessToken>>,
    params: LinkParams,
    /// `None`: the face's default (on for [`Link`], off for [`FrontConnection`]).
    #[cfg(feature = "wallet-bridge")]
    wallet_bridge: Option<bool>,
    container: Option<web_sys::Element>,
    z_index: Option<i32>,
}

impl fmt::Debug for LinkOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LinkOptions").field("params", &self.params).field("z_index", &self.z_index).finish_non_exhaustive()
    }
}

impl LinkOptions {
    /// No callbacks, default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Accounts were connected: store the tokens server-side.
    pub fn on_integration_connected(mut self, f: impl FnMut(LinkPayload) + 'static) -> Self {
        self.on_integration_connected = handler(f);
        self
    }

    /// 1.1.9's name for [`on_integration_connected`](Self::on_integration_connected).
    pub fn on_broker_connected(self, f: impl FnMut(LinkPayload) + 'static) -> Self {
        self.on_integration_connected(f)
    }

    /// The session ended, once per session: the Link UI closed it or said
    /// it is done, the user pressed Escape or the close control, your code
    /// closed it, or another session replaced it. (An open that is refused
    /// returns its [`LinkError`] instead.)
    pub fn on_exit(mut self, f: impl FnMut(LinkExit) + 'static) -> Self {
        self.on_exit = handler(f);
        self
    }

    /// A transfer finished, successfully or not.
    pub fn on_transfer_finished(mut self, f: impl FnMut(TransferFinishedPayload) + 'static) -> Self {
        self.on_transfer_finished = handler(f);
        self
    }

    /// Every event of the Link UI.
    pub fn on_event(mut self, f: impl FnMut(LinkEvent) + 'static) -> Self {
        self.on_event = handler(f);
        self
    }

    /// Tokens the Link UI may use to start a transfer from.
    pub fn access_tokens(mut self, tokens: Vec<IntegrationAccessToken>) -> Self {
        self.access_tokens = Some(tokens);
        self
    }

    /// Tokens of accounts the Link UI may transfer to.
    pub fn transfer_destination_tokens(mut self, tokens: Vec<IntegrationAccessToken>) -> Self {
        self.transfer_destination_tokens = Some(tokens);
        self
    }

    /// The Link UI's language (`"system"`: the browser's).
    pub fn language(mut self, language: &str) -> Self {
        self.params.language = Some(language.to_owned());
        self
    }

    /// The fiat currency amounts are shown in, e.g. `"USD"`.
    pub fn display_fiat_currency(mut self, currency: &str) -> Self {
        self.params.display_fiat_currency = Some(currency.to_owned());
        self
    }

    /// Light, dark or system colours.
    pub fn theme(mut self, theme: Theme) -> Self {
        self.params.theme = Some(theme);
        self
    }

    /// Overlay (default) or embedded.
    pub fn render_type(mut self, render_type: RenderType) -> Self {
        self.params.embedded = render_type == RenderType::Embedded;
        self
    }

    /// Whether the Link UI may reach the page's browser-extension wallets
    /// through this page (their operations only, never the wallet objects).
    /// On by default for [`Link`], as in 3.13; off for [`FrontConnection`].
    /// The bridge's JavaScript is fetched at the Link UI's first wallet
    /// request.
    #[cfg(feature = "wallet-bridge")]
    pub fn wallet_bridge(mut self, on: bool) -> Self {
        self.wallet_bridge = Some(on);
        self
    }

    /// Ends a session whose Link UI has not said `loaded` after `millis`
    /// milliseconds with `on_exit(Some(…))`; `0` waits as long as it takes.
    /// The default is 45 s (`protocol::DEFAULT_LOAD_TIMEOUT_MS`).
    pub fn load_timeout_ms(mut self, millis: u32) -> Self {
        self.params.load_timeout = load_timeout(Some(f64::from(millis))).ok().flatten();
        self
    }

    /// Loads only link tokens whose Link URL has one of these origins
    /// (`https://web.meshconnect.com`); others end in
    /// `on_exit(Some("Invalid link token!"))`. A list that is empty or has
    /// an entry that is not an origin fails closed: every open ends in
    /// `on_exit` with what is wrong (also on the console).
    pub fn link_origins(mut self, origins: &[&str]) -> Self {
        let entries: Vec<Option<String>> = origins.iter().map(|o| Some((*o).to_owned())).collect();
        match link_origins(&entries) {
            Ok(trusted) => (self.params.link_origins, self.params.misconfigured) = (Some(trusted), None),
            Err(bad) => {
                web_sys::console::error_1(&bad.message().into());
                self.params.misconfigured = Some(bad);
            }
        }
        self
    }

    /// Reports on the console (`console.warn`) each delivered payload that
    /// differs from the upstream type, once per message type and session.
    /// Messages that are not delivered are reported whether or not this is
    /// on.
    pub fn debug(mut self, on: bool) -> Self {
        self.params.debug = on;
        self
    }

    /// Mounts the overlay into `element` instead of the page's body.
    pub fn container(mut self, element: web_sys::Element) -> Self {
        self.container = Some(element);
        self
    }

    /// The overlay's z-index where the browser cannot put it in the top
    /// layer (upstream's 10000 otherwise).
    pub fn z_index(mut self, z_index: i32) -> Self {
        self.z_index = Some(z_index);
        self
    }
}

/// A connection to the Link UI: 3.13's `Link`.
///
/// [`open_link`](Self::open_link) shows the Link UI and hands back a
/// [`LinkSession`]: the session lasts as long as that guard (drop it, and
/// the overlay goes and `on_exit` runs once). `Link` itself is a cheap handle
/// to the callbacks: clones share them, [`set_options`](Self::set_options)
/// replaces them, and dropping every clone closes nothing.
///
/// ```no_run
/// use front_link_wasm::{Link, LinkOptions};
///
/// let link = Link::new(
///     LinkOptions::new()
///         .on_integration_connected(|payload| {
///             if let Some(connected) = payload.access_token {
///                 for account in connected.account_tokens {
///                     // Send account.access_token to your server.
///                     let _ = (account.account.account_name, account.access_token);
///                 }
///             }
///         })
///         .on_exit(|exit| {
///             if let Some(error) = exit.error {
///                 web_sys::console::warn_1(&error.into());
///             }
///         }),
/// );
/// // The token comes from your server's `POST /api/v1/linktoken`.
/// match link.open_link("aHR0cHM6Ly93ZWIubWVzaGNvbm5lY3QuY29tL2IyYi1pZnJhbWU/dG9rZW49YWJj") {
///     // Keep the guard while the Link UI should stay (in your component's state).
///     Ok(session) => session.forget(),
///     Err(refused) => web_sys::console::warn_1(&refused.to_string().into()), // "Invalid link token!"
/// }
/// ```
#[derive(Clone)]
pub struct Link {
    owner: u64,
    callbacks: Rc<RustCallbacks>,
}

impl fmt::Debug for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Link").field("id", &self.owner).field("face", &self.callbacks.face).finish_non_exhaustive()
    }
}

/// Clones are equal: they are the same connection.
impl PartialEq for Link {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.callbacks, &other.callbacks)
    }
}

impl Eq for Link {}

impl Link {
    /// A connection with these options, with 3.13's behaviour (its default
    /// language, the wallet bridge on where compiled in, `oauthLinkOpen`
    /// left to the Link UI); nothing is shown yet.
    pub fn new(options: LinkOptions) -> Self {
        Link::with_face(options, Face::Link)
    }

    fn with_face(options: LinkOptions, face: Face) -> Self {
        let callbacks = RustCallbacks { face, options: RefCell::new(Installed::from(options)) };
        Link { owner: web::next_id(), callbacks: Rc::new(callbacks) }
    }

    /// Replaces the callbacks and settings; an open session calls the new
    /// callbacks from its next message on. (In a component whose closures
    /// capture state that changes, install fresh ones as it does.)
    pub fn set_options(&self, options: LinkOptions) {
        if let Ok(mut installed) = self.callbacks.options.try_borrow_mut() {
            *installed = Installed::from(options);
        }
    }

    /// Opens the Link UI for a link token, in the overlay (or, with
    /// [`RenderType::Embedded`], see [`open_link_in`](Self::open_link_in)).
    /// A session already on screen, of any connection, ends first.
    ///
    /// # Errors
    ///
    /// A token that is not a Link URL this SDK loads, or a page it cannot
    /// show the overlay in: nothing is shown and `on_exit` is not called.
    pub fn open_link(&self, link_token: &str) -> Result<LinkSession, LinkError> {
        self.open(LinkInput::Token(link_token), None)
    }

    /// Opens the Link UI in the host page's iframe `iframe_id` (with
    /// [`RenderType::Embedded`]).
    ///
    /// # Errors
    ///
    /// As [`open_link`](Self::open_link), and [`LinkError::IframeNotFound`].
    pub fn open_link_in(&self, link_token: &str, iframe_id: &str) -> Result<LinkSession, LinkError> {
        self.open(LinkInput::Token(link_token), Some(iframe_id))
    }

    /// Opens a Link URL directly (the obsolete `openPopup`).
    ///
    /// # Errors
    ///
    /// A URL this SDK does not load ([`LinkError::InvalidLink`]).
    pub fn open_popup(&self, url: &str) -> Result<LinkSession, LinkError> {
        self.open(LinkInput::Url(url), None)
    }

    fn open(&self, input: LinkInput<'_>, iframe_id: Option<&str>) -> Result<LinkSession, LinkError> {
        web::open(self.owner, self.callbacks.clone(), input, iframe_id).map(|id| LinkSession { id })
    }

    /// Closes this connection's session, if it is the one on screen.
    pub fn close_link(&self) {
        web::close(self.owner);
    }

    /// Asks an embedded session's Link UI to wind down (it ends when the
    /// Link UI answers); an overlay closes at once.
    pub fn close_link_requested(&self) {
        web::request_close(self.owner);
    }
}

/// An open session of the Link UI: it ends when this is dropped.
///
/// Dropping it takes the overlay down and calls `on_exit` once, as
/// [`Link::close_link`] does, unless the session has ended already. Keep it
/// where the Link UI belongs (a component's state: it then closes as the
/// component unmounts), or [`forget`](Self::forget) it to leave the session
/// to the user and the Link UI.
#[must_use = "the session closes when this guard is dropped: keep it, or call `forget`"]
#[derive(Debug, PartialEq, Eq)]
pub struct LinkSession {
    id: u64,
}

impl LinkSession {
    /// Whether the session is still on screen.
    pub fn is_open(&self) -> bool {
        web::is_open(self.id)
    }

    /// Ends the session now (the same as dropping it).
    pub fn close(self) {}

    /// Leaves the session open until the user, the Link UI or
    /// [`Link::close_link`] ends it.
    pub fn forget(self) {
        core::mem::forget(self);
    }
}

impl Drop for LinkSession {
    fn drop(&mut self) {
        web::close_session(self.id);
    }
}

/// 1.1.9's `FrontConnection`: a [`Link`] with 1.1.9's behaviour (no
/// default language, `oauthLinkOpen` opens a popup, no wallet bridge unless
/// asked for). Everything else is [`Link`]'s, through `Deref`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontConnection(Link);

impl FrontConnection {
    /// A connection with these options; nothing is shown yet.
    pub fn new(options: FrontOptions) -> Self {
        FrontConnection(Link::with_face(options, Face::Front))
    }
}

impl Deref for FrontConnection {
    type Target = Link;

    fn deref(&self) -> &Link {
        &self.0
    }
}

/// 1.1.9's name for [`LinkOptions`].
pub type FrontOptions = LinkOptions;

/// What a connection calls and sends; replaced whole by `set_options`.
struct Installed {
    options: LinkOptions,
    access_tokens: Option<JsValue>,
    transfer_destination_tokens: Option<JsValue>,
}

impl From<LinkOptions> for Installed {
    fn from(options: LinkOptions) -> Self {
        let outbound = |tokens: &Option<Vec<IntegrationAccessToken>>| tokens.as_ref().and_then(to_js);
        Installed {
            access_tokens: outbound(&options.access_tokens),
            transfer_destination_tokens: outbound(&options.transfer_destination_tokens),
            options,
        }
    }
}

struct RustCallbacks {
    face: Face,
    options: RefCell<Installed>,
}

impl RustCallbacks {
    /// The callback `pick` names, cloned out so that no borrow is held
    /// while it runs (it may call `set_options`).
    fn handler<T>(&self, pick: impl Fn(&LinkOptions) -> &Handler<T>) -> Handler<T> {
        self.options.try_borrow().ok().and_then(|installed| pick(&installed.options).clone())
    }
}

// Payloads cross as JSON text: they are JSON data on the wire (the Link UI
// posts structured clones of JSON), the crate has `serde_json` for
// `LinkEvent::payload` anyway, and `serde-wasm-bindgen`'s generic
// deserializer cost more than the rest of the Rust API together.
fn to_js<T: Serialize>(value: &T) -> Option<JsValue> {
    js_sys::JSON::parse(&serde_json::to_string(value).ok()?).ok()
}

fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    let text = String::from(js_sys::JSON::stringify(value)?);
    serde_json::from_str(&text).map_err(|error| JsValue::from_str(&error.to_string()))
}

/// Calls `handler`; a callback that is already running (it opened a
/// session or closed one, which calls it again) is not re-entered.
fn call<T>(handler: &Handler<T>, value: T) {
    let Some(handler) = handler else { return };
    match handler.try_borrow_mut() {
        Ok(mut f) => f(value),
        Err(_) => report("a callback was not called again while it was running", &JsValue::UNDEFINED),
    }
}

fn deliver<T: DeserializeOwned>(handler: Handler<T>, value: &JsValue) {
    if handler.is_none() {
        return;
    }
    match from_js(value) {
        Ok(typed) => call(&handler, typed),
        // `on_event` had it first, as raw JSON: this says why the typed callback was not called.
        Err(error) => report("a payload did not fit its Rust type (on_event had it as raw JSON)", &error),
    }
}

impl Callbacks for RustCallbacks {
    fn on_event(&self, event: &JsValue) {
        deliver(self.handler(|o| &o.on_event), event);
    }

    fn on_integration_connected(&self, payload: &JsValue) {
        deliver(self.handler(|o| &o.on_integration_connected), payload);
    }

    fn on_transfer_finished(&self, payload: &JsValue) {
        deliver(self.handler(|o| &o.on_transfer_finished), payload);
    }

    fn on_exit(&self, exit: Exit<'_>) {
        let (error, summary) = match exit {
            Exit::Closed => (None, None),
            #[cfg(feature = "js")]
            Exit::Refused(error) => (Some(error), None),
            Exit::Link { error, summary } => (error, summary),
        };
        let summary = summary.and_then(|s| from_js(s).ok());
        call(&self.handler(|o| &o.on_exit), LinkExit { error: error.map(str::to_owned), summary });
    }

    fn outbound_payload(&self, which: Outbound) -> Option<JsValue> {
        let installed = self.options.try_borrow().ok()?;
        match which {
            Outbound::SdkSpecs | Outbound::CloseRequested => None,
            Outbound::AccessTokens => installed.access_tokens.clone(),
            Outbound::TransferDestinationTokens => installed.transfer_destination_tokens.clone(),
        }
    }

    fn link_params(&self) -> LinkParams {
        let Ok(installed) = self.options.try_borrow() else { return LinkParams { face: self.face, ..LinkParams::default() } };
        let mut params = installed.options.params.clone();
        params.face = self.face;
        #[cfg(feature = "wallet-bridge")]
        {
            params.wallet_bridge = installed.options.wallet_bridge.unwrap_or(self.face == Face::Link);
        }
        params
    }

    fn placement(&self) -> Placement {
        self.options
            .try_borrow()
            .map(|installed| Placement { container: installed.options.container.clone(), z_index: installed.options.z_index })
            .unwrap_or_default()
    }
}
