//! The outbox: every application sent, where it stands, and what to do when one is stuck.
//! Refreshed every two seconds while open, so delivery shows without a tap.

use std::collections::BTreeMap;

use homeward_domain::sync::{OutboxItem, OutboxState};
use homeward_domain::{ApiError, LocalizedText};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{key, pick, t, t_args};
use crate::ipc;
use crate::screens::guide::BackLink;
use crate::widgets::{format_time, ErrorNote};

#[component]
pub fn OutboxScreen() -> impl IntoView {
    let items = RwSignal::new(None::<Result<Vec<OutboxItem>, ApiError>>);
    let titles = RwSignal::new(BTreeMap::<String, LocalizedText>::new());
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    spawn_local(async move {
        if let Ok(overview) = ipc::catalog_overview().await {
            titles.set(
                overview
                    .guides
                    .into_iter()
                    .map(|g| (g.id.0, g.title))
                    .collect(),
            );
        }
        while alive.try_get_value().unwrap_or(false) {
            let fresh = ipc::outbox().await;
            if items.try_set(Some(fresh)).is_some() {
                break;
            }
            gloo_timers::future::sleep(std::time::Duration::from_secs(2)).await;
        }
    });
    view! {
        <BackLink/>
        <section class="outbox">
            <h1 id="outbox-title">{move || t("outbox-title")}</h1>
            <p class="muted">{move || t("outbox-intro")}</p>
            {move || match items.get() {
                None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => {
                    view! { <p class="empty" id="outbox-empty">{move || t("outbox-empty")}</p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <ul class="outbox-list">
                        {list.into_iter().map(|item| {
                            let title = titles.with(|t| t.get(&item.guide_id.0).cloned());
                            view! { <OutboxRow item=item title=title/> }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn OutboxRow(item: OutboxItem, title: Option<LocalizedText>) -> impl IntoView {
    let id = item.submission_id;
    let guide = item.guide_id.0.clone();
    let title = move || title.as_ref().map_or_else(|| guide.clone(), pick);
    let (state, tag) = match &item.state {
        OutboxState::Waiting { .. } => ("waiting", key("outbox-waiting")),
        OutboxState::Sending => ("sending", key("outbox-sending")),
        OutboxState::SetAside { .. } => ("set-aside", key("outbox-set-aside")),
        OutboxState::Delivered { .. } => ("delivered", key("outbox-delivered")),
    };
    let progress = t_args(
        "outbox-progress",
        &[
            ("sent", kb(item.bytes_sent).into()),
            ("total", kb(item.bytes_total).into()),
        ],
    );
    let detail = match item.state.clone() {
        OutboxState::Waiting {
            attempts,
            next_attempt_at,
            last_error,
        } => {
            let reason = last_error.map(|code| t(&format!("error-{code}")));
            view! {
                <p class="muted">
                    {move || if attempts == 0 {
                        t("outbox-waiting-first")
                    } else {
                        t_args("outbox-waiting-next", &[
                            ("attempts", attempts.into()),
                            ("time", format_time(next_attempt_at).into()),
                        ])
                    }}
                </p>
                {reason.map(|r| view! { <p class="outbox-reason">{r}</p> })}
            }
            .into_any()
        }
        OutboxState::Sending => ().into_any(),
        OutboxState::SetAside { error, .. } => {
            let retry = move |_| {
                spawn_local(async move {
                    if let Err(e) = ipc::retry_submission(id).await {
                        leptos::logging::warn!("retry failed: {}", e.code.slug());
                    }
                });
            };
            let key = format!("error-{error}");
            view! {
                <p class="outbox-reason" role="alert">{move || t(&key)}</p>
                <button class="secondary retry" on:click=retry>{move || t("outbox-retry")}</button>
            }
            .into_any()
        }
        OutboxState::Delivered {
            reference,
            received_at,
        } => view! {
            <p>
                {move || t("outbox-reference")}" "
                <strong class="reference">{reference.clone()}</strong>
            </p>
            <p class="muted">{move || t_args("outbox-received-at", &[("time", format_time(received_at).into())])}</p>
        }
        .into_any(),
    };
    view! {
        <li class="outbox-item" data-state=state data-id=id.to_string()>
            <div class="outbox-head">
                <h2>{title}</h2>
                <strong class=format!("tag {state}")>{move || t(tag)}</strong>
            </div>
            {detail}
            <p class="muted progress">{progress}</p>
        </li>
    }
}

/// Kilobytes, rounded up, for "12 of 40 KB".
fn kb(bytes: u64) -> u64 {
    bytes.div_ceil(1024)
}
