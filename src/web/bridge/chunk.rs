//! The session's bridge, fetched on first use. Its JavaScript is a chunk
//! of its own (`chunk.js`), loaded when the Link UI first opens the wallet
//! channel; what the Link UI sends until then waits here in order, and is
//! served once the chunk is in and the [`Server`] has started (wallet
//! discovery included). A session the Link UI never asks for a wallet loads
//! none of it.

use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::cell::RefCell;
use core::mem;

use js_sys::Promise;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use web_sys::Window;

use super::eip6963::DISCOVERY_MS;
use super::{Server, Target};
use crate::protocol::{Refusal, Request};
use crate::web::callbacks::report;
use crate::web::timeout::Timeout;

#[wasm_bindgen(module = "/src/web/bridge/chunk.js")]
extern "C" {
    /// Fetches the chunk (once; again after a failure).
    #[wasm_bindgen(js_name = load)]
    fn load_chunk() -> Promise;
}

// wasm-bindgen ships a module only if the wasm names it; the chunk's
// modules are reached through `chunk.js`'s `import()`, so each is named
// here by one of its exports. Nothing reads these.
macro_rules! ship {
    ($($module:literal: $name:ident = $export:literal),* $(,)?) => {$(
        #[wasm_bindgen(module = $module)]
        extern "C" {
            #[wasm_bindgen(thread_local_v2, js_name = $export)]
            static $name: JsValue;
        }
    )*};
}
ship! {
    "/src/web/bridge/families.js": FAMILIES = "bitcoinEntry",
    "/src/web/bridge/bitcoin.js": BITCOIN = "bitcoinEntry",
    "/src/web/bridge/capability.js": CAPABILITY = "made",
    "/src/web/bridge/comlink.js": COMLINK = "proxy",
    "/src/web/bridge/eip6963.js": EIP6963 = "eip",
    "/src/web/bridge/registry.js": REGISTRY = "chains",
    "/src/web/bridge/rules.js": RULES = "CODEC_OPS",
    "/src/web/bridge/solana.js": SOLANA = "web",
    "/src/web/bridge/ton.js": TON = "tonEntry",
    "/src/web/bridge/tron.js": TRON = "tronEntry",
    "/src/web/bridge/walk.js": WALK = "step",
}

/// What the Link UI gets for a wallet request if the chunk cannot be loaded.
const UNAVAILABLE: &str = "front-link-wasm: the wallet bridge's JavaScript chunk could not be loaded: deploy all the bundler's output, allowed by the CSP's script-src";

/// A session's wallet bridge. Clones share it; the session holds the one
/// that lasts, and the bridge (its server, wallet subscriptions, ports)
/// ends with it.
#[derive(Clone)]
pub struct Bridge(Rc<Lazy>);

struct Lazy {
    stage: RefCell<Stage>,
    /// Wallet discovery's window, which opens with the session as in
    /// 1.7.0 (the Link UI then reads a list that is complete), whenever the
    /// bridge starts: `None` once it has closed.
    window: RefCell<Option<Timeout>>,
}

enum Stage {
    Idle,
    /// The chunk is on its way; what came meanwhile, in order.
    Loading(Vec<Work>),
    Serving(Server),
}

/// What the Link UI asked of the bridge.
enum Work {
    Request(Request<JsValue>, Target),
    Refused(JsValue, Refusal, Target),
}

impl Bridge {
    /// The bridge of a session opening now; nothing is fetched or asked yet.
    pub fn new(window: &Window) -> Bridge {
        let lazy = Rc::new(Lazy { stage: RefCell::new(Stage::Idle), window: RefCell::new(None) });
        let weak = Rc::downgrade(&lazy);
        let timer = Timeout::new(window, DISCOVERY_MS, move || {
            let Some(lazy) = weak.upgrade() else { return };
            let timer = lazy.window.try_borrow_mut().ok().and_then(|mut window| window.take());
            drop(timer);
            let server = match lazy.stage.try_borrow().as_deref() {
                Ok(Stage::Serving(server)) => Some(server.clone()),
                _ => None,
            };
            if let Some(server) = server {
                server.discovered();
            }
        });
        if let Ok(mut window) = lazy.window.try_borrow_mut() {
            *window = timer;
        }
        Bridge(lazy)
    }

    /// Carries out a request that came through the session's window.
    pub fn handle(&self, request: Request<JsValue>, target: Target) {
        self.run(Work::Request(request, target));
    }

    /// Answers a request the core refused.
    pub fn refuse(&self, id: JsValue, refusal: Refusal, target: Target) {
        self.run(Work::Refused(id, refusal, target));
    }

    fn run(&self, work: Work) {
        // Decided under the borrow; served after it (wallets are page code).
        let server = {
            let Ok(mut stage) = self.0.stage.try_borrow_mut() else { return };
            match &mut *stage {
                Stage::Serving(server) => server.clone(),
                Stage::Loading(waiting) => return waiting.push(work),
                Stage::Idle => {
                    *stage = Stage::Loading(alloc::vec![work]);
                    drop(stage);
                    return load(Rc::downgrade(&self.0));
                }
            }
        };
        serve(&server, work);
    }
}

fn load(bridge: Weak<Lazy>) {
    let chunk = JsFuture::from(load_chunk());
    spawn_local(async move {
        let loaded = chunk.await;
        // The session may have ended meanwhile: then there is nothing to do.
        let (Some(bridge), Some(window)) = (bridge.upgrade(), web_sys::window()) else { return };
        let stage = &bridge.stage;
        match loaded {
            Ok(_) => {
                let over = bridge.window.try_borrow().is_ok_and(|window| window.is_none());
                let server = Server::start(&window, over);
                for work in settle(stage, Stage::Serving(server.clone())) {
                    serve(&server, work);
                }
            }
            Err(error) => {
                // The next request tries again.
                let waiting = settle(stage, Stage::Idle);
                report("the wallet bridge's JavaScript chunk could not be loaded", &error);
                let unavailable: JsValue = js_sys::Error::new(UNAVAILABLE).into();
                for work in waiting {
                    let (Work::Request(Request { id, .. }, target) | Work::Refused(id, _, target)) = work;
                    target.throw(&id, &unavailable);
                }
            }
        }
    });
}

/// Moves the bridge to `next`; what waited for the chunk.
fn settle(stage: &RefCell<Stage>, next: Stage) -> Vec<Work> {
    match stage.try_borrow_mut().map(|mut stage| mem::replace(&mut *stage, next)) {
        Ok(Stage::Loading(waiting)) => waiting,
        _ => Vec::new(),
    }
}

fn serve(server: &Server, work: Work) {
    match work {
        Work::Request(request, target) => server.handle(request, target),
        Work::Refused(id, refusal, target) => server.refuse(&id, refusal, &target),
    }
}
