//! Sent applications: one card per application, with each time it was sent and how far that
//! got, what the city decided, and who opened it. Refreshed every two seconds while open, so
//! delivery and decisions show without a tap.

use std::collections::BTreeMap;

use homeward_domain::sync::{ApplicationStatus, EventKind, FeedEvent, OutboxItem, OutboxState};
use homeward_domain::{ApiError, DraftId, LocalizedText};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{key, pick, t, t_args};
use crate::ipc;
use crate::widgets::{format_time, BackLink, ErrorNote};

/// Everything the screen shows, fetched together.
#[derive(Clone)]
struct Sent {
    items: Vec<OutboxItem>,
    events: Vec<FeedEvent>,
}

#[component]
pub fn OutboxScreen() -> impl IntoView {
    let sent = RwSignal::new(None::<Result<Sent, ApiError>>);
    let titles = RwSignal::new(BTreeMap::<String, LocalizedText>::new());
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    spawn_local(async move {
        if let Ok(overview) = ipc::call(ipc::CatalogOverview {}).await {
            titles.set(
                overview
                    .guides
                    .into_iter()
                    .map(|g| (g.id.0, g.title))
                    .collect(),
            );
        }
        while alive.try_get_value().unwrap_or(false) {
            let fresh = async {
                Ok(Sent {
                    items: ipc::call(ipc::Outbox {}).await?,
                    events: ipc::call(ipc::StatusEvents {}).await?,
                })
            }
            .await;
            if sent.try_set(Some(fresh)).is_some() {
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
            {move || match sent.get() {
                None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e/> }.into_any(),
                Some(Ok(s)) if s.items.is_empty() => {
                    view! { <p class="empty" id="outbox-empty">{move || t("outbox-empty")}</p> }.into_any()
                }
                Some(Ok(s)) => {
                    // One card per application, newest first (items come newest first).
                    let mut order: Vec<DraftId> = vec![];
                    let mut by_draft: BTreeMap<DraftId, Vec<OutboxItem>> = BTreeMap::new();
                    for item in s.items {
                        if !order.contains(&item.draft_id) {
                            order.push(item.draft_id);
                        }
                        by_draft.entry(item.draft_id).or_default().push(item);
                    }
                    view! {
                        <ul class="outbox-list">
                            {order.into_iter().map(|draft| {
                                let mut items = by_draft.remove(&draft).unwrap_or_default();
                                items.sort_by_key(|i| i.revision);
                                let events: Vec<FeedEvent> =
                                    s.events.iter().filter(|e| e.draft_id == draft).cloned().collect();
                                let title = items
                                    .first()
                                    .and_then(|i| titles.with(|t| t.get(&i.guide_id.0).cloned()));
                                view! { <Application draft=draft items=items events=events title=title/> }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

fn status_label(status: ApplicationStatus) -> String {
    t(&format!("application-status-{}", status.slug()))
}

#[component]
fn Application(
    draft: DraftId,
    items: Vec<OutboxItem>,
    events: Vec<FeedEvent>,
    title: Option<LocalizedText>,
) -> impl IntoView {
    let nav = use_nav();
    let guide = items
        .first()
        .map(|i| i.guide_id.0.clone())
        .unwrap_or_default();
    let title = move || title.as_ref().map_or_else(|| guide.clone(), pick);
    let reference = items.iter().find_map(|i| match &i.state {
        OutboxState::Delivered { reference, .. } => Some(reference.clone()),
        _ => None,
    });
    let latest = events.iter().rev().find_map(|e| match &e.event {
        EventKind::Status { status, message } => Some((*status, message.clone())),
        _ => None,
    });
    let all_delivered = items
        .iter()
        .all(|i| matches!(i.state, OutboxState::Delivered { .. }));
    let asked_for_more =
        all_delivered && matches!(latest, Some((ApplicationStatus::MoreMaterialNeeded, _)));
    let status = latest.as_ref().map(|(s, _)| *s);
    view! {
        <li class="outbox-item application" data-draft=draft.to_string()
            data-status=status.map(|s| s.slug()).unwrap_or("")>
            <div class="outbox-head">
                <h2>{title}</h2>
                {status.map(|s| view! {
                    <strong class=format!("tag app-status {}", s.slug()) id="application-status">{move || status_label(s)}</strong>
                })}
            </div>
            {reference.map(|r| view! {
                <p>{move || t("outbox-reference")}" "<strong class="reference">{r.clone()}</strong></p>
            })}
            {latest.clone().filter(|(_, m)| !m.is_empty()).map(|(_, m)| view! {
                <p class="department-message" id="department-message">{m}</p>
            })}
            {asked_for_more.then(|| view! {
                <button class="primary" id="add-material" on:click=move |_| nav.go(Screen::Draft(draft))>
                    {move || t("outbox-add-material")}
                </button>
            })}
            <ul class="sends">
                {items.into_iter().map(|item| view! { <Send item=item/> }).collect_view()}
            </ul>
            {(!events.is_empty()).then(|| view! { <Timeline events=events/> })}
        </li>
    }
}

/// One time the application was sent: where the delivery stands.
#[component]
fn Send(item: OutboxItem) -> impl IntoView {
    let id = item.submission_id;
    let (state, tag) = match &item.state {
        OutboxState::Waiting { .. } => ("waiting", key("outbox-waiting")),
        OutboxState::Sending => ("sending", key("outbox-sending")),
        OutboxState::SetAside { .. } => ("set-aside", key("outbox-set-aside")),
        OutboxState::Delivered { .. } => ("delivered", key("outbox-delivered")),
    };
    let revision = item.revision;
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
                    if let Err(e) = ipc::call(ipc::RetrySubmission { id }).await {
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
        OutboxState::Delivered { received_at, .. } => view! {
            <p class="muted">{move || t_args("outbox-received-at", &[("time", format_time(received_at).into())])}</p>
        }
        .into_any(),
    };
    view! {
        <li class="send" data-state=state data-id=id.to_string() data-revision=revision.to_string()>
            <div class="outbox-head">
                <span>{move || t_args("outbox-send", &[("revision", revision.into())])}</span>
                <strong class=format!("tag {state}")>{move || t(tag)}</strong>
            </div>
            {detail}
            <p class="muted progress">{progress}</p>
        </li>
    }
}

/// What happened at the city, newest first, including every time staff opened it.
#[component]
fn Timeline(events: Vec<FeedEvent>) -> impl IntoView {
    view! {
        <details class="timeline" open>
            <summary>{move || t("outbox-timeline")}</summary>
            <ol id="timeline">
                {events.into_iter().rev().map(|e| {
                    let (kind, text): (&str, Box<dyn Fn() -> String + Send + Sync>) = match e.event {
                        EventKind::Status { status, message } => ("status", Box::new(move || {
                            if message.is_empty() {
                                status_label(status)
                            } else {
                                format!("{}: {message}", status_label(status))
                            }
                        })),
                        EventKind::Routed { department } => ("routed", Box::new(move || {
                            t_args("outbox-event-routed", &[("department", department.clone().into())])
                        })),
                        EventKind::Access { staff } => ("access", Box::new(move || {
                            t_args("outbox-event-access", &[("staff", staff.clone().into())])
                        })),
                    };
                    view! {
                        <li data-kind=kind>
                            <span class="muted when">{format_time(e.at)}</span>
                            " "
                            <span>{text}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </details>
    }
}

/// Kilobytes, rounded up, for "12 of 40 KB".
fn kb(bytes: u64) -> u64 {
    bytes.div_ceil(1024)
}
