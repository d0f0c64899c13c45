//! [`Link`]: `createLink` (and 1.1.9's `createFrontConnection`) for Rust
//! callers.

use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::payloads::{IntegrationAccessToken, LinkEvent, LinkPayload, SessionSummary, TransferFinishedPayload};
use crate::protocol::{link_origins, load_timeout, LinkInput, LinkParams, Outbound, Theme};
use crate::web::{self, report, Callbacks, Exit, Placement};

type Handler<T> = Option<Box<dyn Fn(T)>>;

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
    on_exit: Handler<(Option<String>, Option<SessionSummary>)>,
    on_transfer_finished: Handler<TransferFinishedPayload>,
    on_event: Handler<LinkEvent>,
    access_tokens: Option<Vec<IntegrationAccessToken>>,
    transfer_destination_tokens: Option<Vec<IntegrationAccessToken>>,
    params: LinkParams,
    container: Option<web_sys::Element>,
    z_index: Option<i32>,
}

impl LinkOptions {
    /// No callbacks, default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Accounts were connected: store the tokens server-side.
    pub fn on_integration_connected(mut self, f: impl Fn(LinkPayload) + 'static) -> Self {
        self.on_integration_connected = Some(Box::new(f));
        self
    }

    /// 1.1.9's name for [`on_integration_connected`](Self::on_integration_connected).
    pub fn on_broker_connected(self, f: impl Fn(LinkPayload) + 'static) -> Self {
        self.on_integration_connected(f)
    }

    /// The session ended: `(error, summary)`, both `None` when the host
    /// closed it.
    pub fn on_exit(mut self, f: impl Fn(Option<String>, Option<SessionSummary>) + 'static) -> Self {
        self.on_exit = Some(Box::new(move |(error, summary)| f(error, summary)));
        self
    }

    /// A transfer finished, successfully or not.
    pub fn on_transfer_finished(mut self, f: impl Fn(TransferFinishedPayload) + 'static) -> Self {
        self.on_transfer_finished = Some(Box::new(f));
        self
    }

    /// Every event of the Link UI.
    pub fn on_event(mut self, f: impl Fn(LinkEvent) + 'static) -> Self {
        self.on_event = Some(Box::new(f));
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

    /// Serves the wallet bridge to the Link UI for each session, so that
    /// it can reach the page's browser-extension wallets (SPEC §11).
    pub fn wallet_bridge(mut self, on: bool) -> Self {
        self.params.wallet_bridge = on;
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

/// A connection to the Link UI: 3.13's `Link` (1.1.9's `FrontConnection`).
///
/// Cloning is cheap and every clone controls the same sessions, so a
/// callback can hold one to call [`close_link`](Self::close_link). Dropping
/// every handle does not close an open session.
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
///         .on_exit(|error, _summary| {
///             if let Some(error) = error {
///                 web_sys::console::warn_1(&error.into());
///             }
///         }),
/// );
/// // The token comes from your server's `POST /api/v1/linktoken`.
/// link.open_link("aHR0cHM6Ly93ZWIubWVzaGNvbm5lY3QuY29tL2IyYi1pZnJhbWU/dG9rZW49YWJj");
/// ```
#[derive(Clone)]
pub struct Link {
    owner: u64,
    callbacks: Rc<RustCallbacks>,
}

impl Link {
    /// A connection with these options; nothing is shown yet.
    pub fn new(options: LinkOptions) -> Self {
        let outbound = |tokens: &Option<Vec<IntegrationAccessToken>>| tokens.as_ref().and_then(to_js);
        let callbacks = RustCallbacks {
            access_tokens: outbound(&options.access_tokens),
            transfer_destination_tokens: outbound(&options.transfer_destination_tokens),
            options,
        };
        Link { owner: web::next_id(), callbacks: Rc::new(callbacks) }
    }

    /// Opens the Link UI for a link token. Problems are reported through
    /// `on_exit`, never returned.
    pub fn open_link(&self, link_token: &str) {
        web::open(self.owner, self.callbacks.clone(), LinkInput::Token(link_token), None);
    }

    /// Opens the Link UI in the host page's iframe `iframe_id` (with
    /// [`RenderType::Embedded`]).
    pub fn open_link_in(&self, link_token: &str, iframe_id: &str) {
        web::open(self.owner, self.callbacks.clone(), LinkInput::Token(link_token), Some(iframe_id));
    }

    /// Opens a Link URL directly (the obsolete `openPopup`).
    pub fn open_popup(&self, url: &str) {
        web::open(self.owner, self.callbacks.clone(), LinkInput::Url(url), None);
    }

    /// Closes this connection's session, if it is the one on screen.
    pub fn close_link(&self) {
        web::close(self.owner);
    }
}

/// 1.1.9's name for [`Link`].
pub type FrontConnection = Link;
/// 1.1.9's name for [`LinkOptions`].
pub type FrontOptions = LinkOptions;

struct RustCallbacks {
    options: LinkOptions,
    access_tokens: Option<JsValue>,
    transfer_destination_tokens: Option<JsValue>,
}

fn to_js<T: Serialize>(value: &T) -> Option<JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()
}

fn deliver<T: DeserializeOwned>(handler: &Handler<T>, value: &JsValue) {
    let Some(handler) = handler else { return };
    match serde_wasm_bindgen::from_value(value.clone()) {
        Ok(typed) => handler(typed),
        // `on_event` had it first, as raw JSON: this says why the typed callback was not called.
        Err(error) => report("a payload did not fit its Rust type (on_event had it as raw JSON)", &error.into()),
    }
}

impl Callbacks for RustCallbacks {
    fn on_event(&self, event: &JsValue) {
        deliver(&self.options.on_event, event);
    }

    fn on_integration_connected(&self, payload: &JsValue) {
        deliver(&self.options.on_integration_connected, payload);
    }

    fn on_transfer_finished(&self, payload: &JsValue) {
        deliver(&self.options.on_transfer_finished, payload);
    }

    fn on_exit(&self, exit: Exit<'_>) {
        let Some(handler) = &self.options.on_exit else { return };
        let (error, summary) = match exit {
            Exit::Closed => (None, None),
            Exit::Refused(error) => (Some(error), None),
            Exit::Link { error, summary } => (error, summary),
        };
        let summary = summary.and_then(|s| serde_wasm_bindgen::from_value(s.clone()).ok());
        handler((error.map(str::to_owned), summary));
    }

    fn outbound_payload(&self, which: Outbound) -> Option<JsValue> {
        match which {
            Outbound::SdkSpecs | Outbound::CloseRequested => None,
            Outbound::AccessTokens => self.access_tokens.clone(),
            Outbound::TransferDestinationTokens => self.transfer_destination_tokens.clone(),
        }
    }

    fn link_params(&self) -> LinkParams {
        self.options.params.clone()
    }

    fn placement(&self) -> Placement {
        Placement { container: self.options.container.clone(), z_index: self.options.z_index }
    }
}
