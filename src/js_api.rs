//! The exports that `pkg-template/index.js` wraps into the
//! `@front-finance/link` 1.1.9 and `@meshconnect/web-link-sdk` 3.13 APIs.
//! Options are read from the integrator's object when used, as upstream
//! does. This face holds names and arities; the quirks that are protocol
//! decisions are the core's [`Face`].

use alloc::string::String;

use alloc::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::protocol::{link_origins, load_timeout, z_index, BadOption, Face, LinkInput, LinkParams, Outbound, Theme};
use crate::web::{self, report, Callbacks, Exit, Placement};

/// One `createFrontConnection(options)` or `createLink(options)`.
#[wasm_bindgen]
pub struct Connection {
    owner: u64,
    callbacks: Rc<JsCallbacks>,
}

#[wasm_bindgen]
impl Connection {
    /// Keeps `options`; nothing is shown yet. `face`: `'link'` behaves as
    /// 3.13's `createLink`, anything else as 1.1.9's `createFrontConnection`
    /// (`'front'`), the names the test kit uses too. `ended`
    /// (a function, or nothing) is called after each session's `onExit`:
    /// the face counts its open sessions with it, to end them itself
    /// should the wasm ever stop (`pkg-template/loader.js`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue, face: JsValue, ended: JsValue) -> Connection {
        let face = if face.as_string().as_deref() == Some("link") { Face::Link } else { Face::Front };
        let ended = ended.dyn_into::<Function>().ok();
        Connection { owner: web::next_id(), callbacks: Rc::new(JsCallbacks { options, face, ended }) }
    }

    /// `openLink(linkToken, iframeId?)`.
    #[wasm_bindgen(js_name = openLink)]
    pub fn open_link(&self, token: JsValue, iframe_id: JsValue) {
        let token = token.as_string().unwrap_or_default();
        let iframe_id = iframe_id.as_string();
        self.open(LinkInput::Token(&token), iframe_id.as_deref());
    }

    /// `openPopup(iframeUrl)`, obsolete but supported.
    #[wasm_bindgen(js_name = openPopup)]
    pub fn open_popup(&self, url: JsValue) {
        let url = url.as_string().unwrap_or_default();
        self.open(LinkInput::Url(&url), None);
    }

    /// `closeLink()` / `closePopup()`.
    #[wasm_bindgen(js_name = closeLink)]
    pub fn close_link(&self) {
        web::close(self.owner);
    }

    /// `closeLinkRequested()`.
    #[wasm_bindgen(js_name = closeLinkRequested)]
    pub fn close_link_requested(&self) {
        web::request_close(self.owner);
    }
}

/// Runs the paths of a first `openLink` on values nobody sees, so that the
/// browser compiles them now and not on the first click. Once per page,
/// after the wasm has loaded (`pkg-template/index.js`).
#[wasm_bindgen]
pub fn rehearse() {
    let options = js_sys::Object::new().into();
    web::rehearse(&JsCallbacks { options, face: Face::Front, ended: None });
}

struct JsCallbacks {
    options: JsValue,
    face: Face,
    ended: Option<Function>,
}

// One call per callback: look it up on the integrator's options (as
// upstream does, at call time), call it with `this` = options, and report
// what it throws instead of letting it escape.
#[wasm_bindgen(inline_js = "
export function callOption(options, name, count, a, b) {
  const f = options == null ? undefined : options[name];
  if (typeof f !== 'function') return;
  try {
    if (count === 1) f.call(options, a);
    else if (count === 2) f.call(options, a, b);
    else f.call(options);
  } catch (error) {
    console.error('front-link-wasm: ' + name + ' threw', error);
  }
}
")]
extern "C" {
    #[wasm_bindgen(js_name = callOption, catch)]
    fn call_option(options: &JsValue, name: &JsValue, count: u32, a: &JsValue, b: &JsValue) -> Result<(), JsValue>;
}

impl Connection {
    /// An open that is refused ends in `onExit` with its message.
    fn open(&self, input: LinkInput<'_>, iframe_id: Option<&str>) {
        if let Err(error) = web::open(self.owner, self.callbacks.clone(), input, iframe_id) {
            self.callbacks.on_exit(Exit::Refused(error.exit_message()));
        }
    }
}

impl JsCallbacks {
    fn option(&self, name: &'static str) -> Option<JsValue> {
        Reflect::get(&self.options, web::js_name(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn text(&self, name: &'static str) -> Option<String> {
        self.option(name).and_then(|v| v.as_string())
    }

    /// `loadTimeout`, checked by the core; a bad one is reported and the
    /// default used.
    fn load_timeout(&self) -> Option<u32> {
        let given = self.option("loadTimeout");
        let millis = match &given {
            None => Ok(None),
            Some(value) => value.as_f64().map(Some).ok_or(BadOption::LoadTimeout),
        };
        millis.and_then(load_timeout).unwrap_or_else(|bad| {
            report_bad_option(bad);
            load_timeout(None).ok().flatten()
        })
    }

    /// `linkOrigins`, checked by the core: the origins, or what is wrong
    /// with it (reported here; every open then fails closed).
    fn link_origins(&self) -> Result<Option<alloc::vec::Vec<String>>, BadOption> {
        let Some(given) = self.option("linkOrigins") else { return Ok(None) };
        let checked = match given.dyn_ref::<Array>() {
            Some(list) => link_origins(&list.iter().map(|entry| entry.as_string()).collect::<alloc::vec::Vec<_>>()),
            None => Err(BadOption::LinkOrigins),
        };
        checked.map(Some).inspect_err(|bad| report_bad_option(*bad))
    }

    fn call(&self, name: &'static str, args: &[&JsValue]) {
        let undefined = JsValue::UNDEFINED;
        let a = args.first().copied().unwrap_or(&undefined);
        let b = args.get(1).copied().unwrap_or(&undefined);
        // `catch`: a getter on the options object may throw too.
        if let Err(error) = call_option(&self.options, web::js_name(name), args.len() as u32, a, b) {
            report("reading the options threw", &error);
        }
    }
}

impl Callbacks for JsCallbacks {
    fn on_event(&self, event: &JsValue) {
        self.call("onEvent", &[event]);
    }

    fn on_integration_connected(&self, payload: &JsValue) {
        let name = match self.face {
            Face::Front => "onBrokerConnected",
            Face::Link => "onIntegrationConnected",
        };
        self.call(name, &[payload]);
    }

    fn on_transfer_finished(&self, payload: &JsValue) {
        self.call("onTransferFinished", &[payload]);
    }

    fn on_exit(&self, exit: Exit<'_>) {
        match exit {
            Exit::Closed => self.call("onExit", &[]),
            Exit::Refused(error) => self.call("onExit", &[&JsValue::from_str(error)]),
            // 1.1.9: as many arguments as there is to say, `onExit(error)`
            // unless the Link UI sent a summary. 3.13 always passes both.
            Exit::Link { error, summary } => {
                let error = error.map_or(JsValue::UNDEFINED, JsValue::from_str);
                match (summary, self.face) {
                    (Some(summary), _) => self.call("onExit", &[&error, summary]),
                    (None, Face::Link) => self.call("onExit", &[&error, &JsValue::UNDEFINED]),
                    (None, Face::Front) => self.call("onExit", &[&error]),
                }
            }
        }
        if let Some(ended) = &self.ended {
            // The face's own function: it throws nothing, and if it did,
            // the session is over all the same.
            let _ = ended.call0(&JsValue::UNDEFINED);
        }
    }

    fn outbound_payload(&self, which: Outbound) -> Option<JsValue> {
        match which {
            Outbound::SdkSpecs | Outbound::CloseRequested => None,
            Outbound::AccessTokens => self.option("accessTokens"),
            Outbound::TransferDestinationTokens => self.option("transferDestinationTokens"),
        }
    }

    fn link_params(&self) -> LinkParams {
        let origins = self.link_origins();
        LinkParams {
            face: self.face,
            iframe_id: None,
            language: self.text("language"),
            display_fiat_currency: self.text("displayFiatCurrency"),
            theme: self.text("theme").and_then(|t| Theme::parse(&t)),
            embedded: self.text("renderType").as_deref() == Some("embedded"),
            // On for every 3.13 session, as 3.13; 1.1.9 had none: opt in.
            wallet_bridge: self.face == Face::Link || self.option("walletBridge").is_some_and(|v| v.is_truthy()),
            link_origins: origins.clone().ok().flatten(),
            misconfigured: origins.err(),
            load_timeout: self.load_timeout(),
            debug: self.option("debug").and_then(|v| v.as_bool()) == Some(true),
        }
    }

    fn placement(&self) -> Placement {
        let container = self.option("container").and_then(|value| {
            let element = value.dyn_into::<Element>().ok();
            if element.is_none() {
                report_bad_option(BadOption::Container);
            }
            element
        });
        let z_index = self.option("zIndex").and_then(|value| match value.as_f64().ok_or(BadOption::ZIndex).and_then(z_index) {
            Ok(z) => Some(z),
            Err(bad) => {
                report_bad_option(bad);
                None
            }
        });
        Placement { container, z_index }
    }
}

/// A bad option, on the console as an error: the SDK goes on as if it were
/// unset (a `linkOrigins` that is wrong also refuses every token).
fn report_bad_option(bad: BadOption) {
    web_sys::console::error_1(&JsValue::from_str(bad.message()));
}
