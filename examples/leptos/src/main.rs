//! Northwind Wallet on Leptos (client-side rendering): connects brokerage,
//! exchange and wallet accounts through Mesh Link with the typed Rust API of
//! `front-link-wasm`, then shows each account's holdings.
//!
//! The page's own server (`server.mjs`) holds the Mesh client secret: the
//! app asks it for a link token (`POST /api/linktoken`) and, with the access
//! token the Link UI hands over, for holdings (`POST /api/holdings`).

use front_link_wasm::{AccessTokenPayload, DelayedAuthPayload, Link, LinkOptions, LinkPayload, LinkSession};
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

fn main() {
    leptos::mount::mount_to_body(App);
}

/// A connected account and its holdings, as they load.
#[derive(Clone)]
struct Account {
    /// Unique per connection: the access token, or the pending refresh token.
    key: String,
    broker_name: String,
    account_id: String,
    account_name: String,
    cash: Option<f64>,
    holdings: RwSignal<Holdings>,
}

#[derive(Clone)]
enum Holdings {
    Loading,
    Loaded(Positions),
    Failed(String),
    /// Delayed authentication: the institution confirms later.
    Pending,
}

/// The holdings part of Mesh's `POST /api/v1/holdings/get` answer.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Positions {
    equity_positions: Vec<Position>,
    cryptocurrency_positions: Vec<Position>,
    not_supported_equity_positions: Vec<Position>,
    not_supported_cryptocurrency_positions: Vec<Position>,
    nft_positions: Vec<Position>,
    option_positions: Vec<Position>,
}

#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Position {
    symbol: String,
    amount: f64,
    #[serde(default)]
    cost_basis: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LinkToken {
    link_token: String,
}

/// Mesh's answer envelope, passed through by our server.
#[derive(Deserialize)]
struct Envelope<T> {
    #[serde(default)]
    status: String,
    #[serde(default)]
    message: String,
    content: Option<T>,
}

/// Posts JSON to our own server and unwraps Mesh's envelope.
async fn post<T: DeserializeOwned>(path: &str, body: serde_json::Value) -> Result<T, String> {
    let response = Request::post(path).json(&body).map_err(|e| e.to_string())?.send().await.map_err(|e| e.to_string())?;
    let http = response.status();
    let envelope: Envelope<T> = response.json().await.map_err(|_| format!("HTTP {http}"))?;
    match envelope.content {
        Some(content) if envelope.status == "ok" && response.ok() => Ok(content),
        _ if !envelope.message.is_empty() => Err(envelope.message),
        _ => Err(format!("HTTP {http}")),
    }
}

#[derive(Clone)]
struct Notice {
    text: String,
    error: bool,
}

fn usd(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("${v:.2}"))
}

/// Signed in, the wallet; signing out (the `northwind:sign-out` event, which
/// an idle timer or another tab would send) unmounts it, and the Link
/// session it may have open ends with it: its guard is dropped.
#[component]
fn App() -> impl IntoView {
    let signed_in = RwSignal::new(true);
    let sign_out = window_event_listener_untyped("northwind:sign-out", move |_| signed_in.set(false));
    on_cleanup(move || sign_out.remove());
    view! {
        <Show when=move || signed_in.get() fallback=|| view! { <p id="signed-out">"Signed out."</p> }>
            <Wallet/>
        </Show>
    }
}

#[component]
fn Wallet() -> impl IntoView {
    let accounts = RwSignal::new(Vec::<Account>::new());
    let notice = RwSignal::new(None::<Notice>);
    // Newest first, each line numbered (its key in the list).
    let log = RwSignal::new(Vec::<(usize, String)>::new());
    // `try_`: Link's `on_exit` also runs as the component goes, when its
    // signals may be gone already.
    let say = move |text: String, error: bool| {
        notice.try_set(Some(Notice { text, error }));
    };
    let record = move |line: String| {
        log.try_update(|lines| lines.insert(0, (lines.len() + 1, line)));
    };

    let connected = move |payload: LinkPayload| match payload {
        LinkPayload { access_token: Some(AccessTokenPayload { account_tokens, broker_name, broker_type, .. }), .. } => {
            let names: Vec<String> = account_tokens.iter().map(|t| t.account.account_name.clone()).collect();
            for token in account_tokens {
                let holdings = RwSignal::new(Holdings::Loading);
                accounts.update(|list| {
                    // Connected again: the new token replaces the old one.
                    list.retain(|a| !(a.account_id == token.account.account_id && a.broker_name == broker_name));
                    list.push(Account {
                        key: token.access_token.clone(),
                        broker_name: broker_name.clone(),
                        account_id: token.account.account_id.clone(),
                        account_name: token.account.account_name.clone(),
                        cash: token.account.cash,
                        holdings,
                    });
                });
                // The access token goes to our server, which asks Mesh.
                let body = json!({ "accessToken": token.access_token, "brokerType": broker_type });
                spawn_local(async move {
                    match post::<Positions>("/api/holdings", body).await {
                        Ok(positions) => holdings.set(Holdings::Loaded(positions)),
                        Err(error) => holdings.set(Holdings::Failed(format!("Could not load holdings: {error}"))),
                    }
                });
            }
            say(format!("{broker_name} connected: {}.", names.join(", ")), false);
        }
        LinkPayload { delayed_auth: Some(DelayedAuthPayload { broker_name, refresh_token, .. }), .. } => {
            accounts.update(|list| {
                list.push(Account {
                    key: refresh_token,
                    broker_name: broker_name.clone(),
                    account_id: "—".to_owned(),
                    account_name: "Pending account".to_owned(),
                    cash: None,
                    holdings: RwSignal::new(Holdings::Pending),
                })
            });
            say(format!("{broker_name} will confirm the connection later."), false);
        }
        LinkPayload { .. } => {}
    };

    // One connection for the page's lifetime, the wallet bridge on: the Link
    // UI may reach browser-extension wallets injected into this page.
    let link = Link::new(
        LinkOptions::new()
            .wallet_bridge(true)
            .on_integration_connected(move |payload| {
                record("onIntegrationConnected".to_owned());
                connected(payload);
            })
            .on_event(move |event| record(format!("onEvent · {}", event.event_type)))
            .on_exit(move |exit| {
                let page = exit.summary.map(|s| s.page).unwrap_or_default();
                record(format!("onExit · {} {page}", exit.error.as_deref().unwrap_or("no error")).trim_end().to_owned());
                if let Some(error) = exit.error {
                    say(format!("Mesh Link closed: {error}"), true);
                }
            }),
    );
    // `Link` and the open session's guard are browser handles (not `Send`):
    // kept in local storage. When the component goes, so does the guard,
    // and with it the session.
    let link = StoredValue::new_local(link);
    let session = StoredValue::new_local(None::<LinkSession>);

    let connect = move |_| {
        notice.set(None);
        spawn_local(async move {
            match post::<LinkToken>("/api/linktoken", json!({})).await {
                Ok(token) => {
                    record("link token".to_owned());
                    match link.with_value(|link| link.open_link(&token.link_token)) {
                        Ok(open) => session.set_value(Some(open)),
                        Err(refused) => say(format!("Could not start Mesh Link: {refused}"), true),
                    }
                }
                Err(error) => say(format!("Could not start Mesh Link: {error}"), true),
            }
        });
    };

    view! {
        <header class="top">
            <span class="brand">"Northwind Wallet"</span>
            <span class="muted">"Leptos + front-link-wasm"</span>
        </header>
        <main>
            <section class="panel">
                <div class="row">
                    <h1>"Your accounts"</h1>
                    <button id="connect" on:click=connect>"Connect an account"</button>
                </div>
                {move || notice.get().map(|n| view! {
                    <p id="notice" class=if n.error { "notice error" } else { "notice" } role="status">{n.text}</p>
                })}
                <Show when=move || accounts.with(Vec::is_empty)>
                    <p id="no-accounts" class="muted">"No account connected yet."</p>
                </Show>
                <div id="accounts">
                    <For each=move || accounts.get() key=|a| a.key.clone() let(account)>
                        <AccountCard account/>
                    </For>
                </div>
            </section>
            <section class="panel">
                <h2>"Events"</h2>
                <ul id="log">
                    <For each=move || log.get() key=|(n, _)| *n let((_, line))>
                        <li>{line}</li>
                    </For>
                </ul>
            </section>
        </main>
    }
}

#[component]
fn AccountCard(account: Account) -> impl IntoView {
    let Account { broker_name, account_id, account_name, cash, holdings, .. } = account;
    view! {
        <article class="account" data-account=account_id.clone()>
            <header>
                <div>
                    <div class="name">{format!("{broker_name} · {account_name}")}</div>
                    <div class="muted">{format!("Account {account_id}")}</div>
                </div>
                <div class="cash">"Cash " {usd(cash)}</div>
            </header>
            {move || match holdings.get() {
                Holdings::Loading => view! { <p class="muted">"Loading holdings…"</p> }.into_any(),
                Holdings::Pending => view! { <p class="muted">"Connection pending: the institution confirms later."</p> }.into_any(),
                Holdings::Failed(error) => view! { <p class="notice error">{error}</p> }.into_any(),
                Holdings::Loaded(positions) => holdings_table(positions).into_any(),
            }}
        </article>
    }
}

fn holdings_table(p: Positions) -> impl IntoView {
    let kinds = [
        ("Stock", p.equity_positions),
        ("Crypto", p.cryptocurrency_positions),
        ("Not supported", p.not_supported_equity_positions),
        ("Not supported", p.not_supported_cryptocurrency_positions),
        ("NFT", p.nft_positions),
        ("Option", p.option_positions),
    ];
    let rows: Vec<_> = kinds.into_iter().flat_map(|(kind, list)| list.into_iter().map(move |p| (kind, p))).collect();
    if rows.is_empty() {
        return view! { <p class="muted">"No holdings."</p> }.into_any();
    }
    view! {
        <table>
            <thead>
                <tr><th>"Symbol"</th><th>"Kind"</th><th class="num">"Amount"</th><th class="num">"Cost basis"</th></tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|(kind, p)| view! {
                    <tr>
                        <td>{p.symbol}</td>
                        <td><span class="tag">{kind}</span></td>
                        <td class="num">{p.amount.to_string()}</td>
                        <td class="num">{usd(p.cost_basis)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
