//! What an app that connects accounts needs: a `Link` with its callbacks
//! typed, opened on a token the page passes in.

use front_link_wasm::{Link, LinkOptions, LinkSession, TransferFinishedPayload};
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::console;

/// The open session, kept until the page asks to close it.
#[wasm_bindgen]
pub struct App {
    link: Link,
    session: Option<LinkSession>,
}

#[wasm_bindgen]
impl App {
    /// The connection, nothing shown yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> App {
        let link = Link::new(
            LinkOptions::new()
                .on_integration_connected(|payload| {
                    for token in payload.access_token.map(|p| p.account_tokens).unwrap_or_default() {
                        console::log_2(&token.account.account_name.into(), &token.access_token.into());
                    }
                })
                .on_transfer_finished(|transfer| {
                    if let TransferFinishedPayload::Success(done) = transfer {
                        console::log_2(&done.symbol.into(), &done.amount.into());
                    }
                })
                .on_exit(|exit| console::log_1(&exit.error.unwrap_or_default().into())),
        );
        App { link, session: None }
    }

    /// Shows the Link UI for a link token.
    pub fn open(&mut self, token: &str) {
        match self.link.open_link(token) {
            Ok(session) => self.session = Some(session),
            Err(refused) => console::warn_1(&refused.to_string().into()),
        }
    }

    /// Ends the session.
    pub fn close(&mut self) {
        self.session = None;
    }
}

impl Default for App {
    fn default() -> Self {
        App::new()
    }
}
