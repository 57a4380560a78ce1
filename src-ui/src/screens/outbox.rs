//! Sent applications: one card per application, with each time it was sent and how far that
//! got, what the city decided, and who opened it. Read once when the screen opens, then kept
//! current by what the shell pushes (an item's progress, the city's news), in place: each
//! application, send and timeline entry is updated where it stands, so a timeline the person
//! closed stays closed and the focus stays where it was.

use std::collections::BTreeMap;

use homeward_domain::handover::HandoverStatus;
use homeward_domain::sync::{ApplicationStatus, EventKind, FeedEvent, OutboxItem, OutboxState};
use homeward_domain::{ApiError, DraftId, LocalizedText};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::app::{use_nav, Screen};
use crate::i18n::{key, pick, t, t_args};
use crate::ipc::{self, FeedEventsArrived, OutboxItemChanged};
use crate::screens::city::city_name;
use crate::screens::conversation::Conversation;
use crate::screens::identity::ScanButton;
use crate::widgets::{format_time, BackLink, ErrorNote};

/// One application on the screen: its sends, oldest first, what the city said of it, and the
/// person's messages to the office.
#[derive(Clone, Copy)]
struct Application {
    draft: DraftId,
    sends: RwSignal<Vec<Sent>>,
    events: RwSignal<Vec<FeedEvent>>,
    messages: RwSignal<Vec<RwSignal<OutboxItem>>>,
}

/// One time it was sent, as the outbox holds it now.
#[derive(Clone, Copy)]
struct Sent {
    id: Uuid,
    item: RwSignal<OutboxItem>,
}

/// The applications shown, newest first.
#[derive(Clone, Copy)]
struct Applications(RwSignal<Vec<Application>>);

impl Applications {
    /// Takes an item the outbox holds: an item already shown is updated in place, unless
    /// `only_new` (what the screen read on opening is never newer than what it heard since).
    /// A new one puts its application on top, as the newest.
    fn take(self, item: OutboxItem, only_new: bool) {
        let Applications(list) = self;
        if list.is_disposed() {
            return;
        }
        let found = list.with_untracked(|l| l.iter().position(|a| a.draft == item.draft_id));
        let Some(at) = found else {
            let application = Application {
                draft: item.draft_id,
                sends: RwSignal::new(vec![]),
                events: RwSignal::new(vec![]),
                messages: RwSignal::new(vec![]),
            };
            list.update(|l| l.insert(0, application));
            self.take(item, only_new);
            return;
        };
        let application = list.with_untracked(|l| l[at]);
        if item.message.is_some() {
            let shown = application.messages.with_untracked(|m| {
                m.iter()
                    .find(|m| m.with_untracked(|i| i.submission_id == item.submission_id))
                    .copied()
            });
            match shown {
                Some(message) if !only_new => message.set(item),
                Some(_) => {}
                None => application.messages.update(|m| m.push(RwSignal::new(item))),
            }
            return;
        }
        let shown = application
            .sends
            .with_untracked(|s| s.iter().find(|s| s.id == item.submission_id).copied());
        match shown {
            Some(sent) if !only_new => sent.item.set(item),
            Some(_) => {}
            None => {
                let revision = item.revision;
                let sent = Sent {
                    id: item.submission_id,
                    item: RwSignal::new(item),
                };
                application.sends.update(|s| {
                    let at =
                        s.partition_point(|s| s.item.with_untracked(|i| i.revision) < revision);
                    s.insert(at, sent);
                });
                if at != 0 {
                    list.update(|l| {
                        let moved = l.remove(at);
                        l.insert(0, moved);
                    });
                }
            }
        }
    }

    /// Adds what the city said to the applications it is about; each event once.
    fn hear(self, events: Vec<FeedEvent>) {
        let Applications(list) = self;
        if list.is_disposed() {
            return;
        }
        for event in events {
            let application =
                list.with_untracked(|l| l.iter().find(|a| a.draft == event.draft_id).copied());
            if let Some(application) = application {
                application.events.update(|e| {
                    if !e.iter().any(|known| known.cursor == event.cursor) {
                        let at = e.partition_point(|known| known.cursor < event.cursor);
                        e.insert(at, event);
                    }
                });
            }
        }
    }
}

#[component]
pub fn OutboxScreen() -> impl IntoView {
    let applications = Applications(RwSignal::new(vec![]));
    let loaded = RwSignal::new(None::<Result<(), ApiError>>);
    // Each application's title from its own city's catalogue, by draft.
    let titles = RwSignal::new(BTreeMap::<DraftId, (LocalizedText, String)>::new());
    // What the shell pushes makes signals of its own: under this screen, so they go with it.
    let owner = Owner::current().unwrap_or_default();
    let item_heard = {
        let owner = owner.clone();
        ipc::listen::<OutboxItemChanged>(move |item| owner.with(|| applications.take(item, false)))
    };
    let events_heard = ipc::listen::<FeedEventsArrived>(move |events| applications.hear(events));
    spawn_local(async move {
        item_heard.await;
        events_heard.await;
        if let Ok(drafts) = ipc::call(ipc::DraftTitles {}).await {
            titles.try_set(
                drafts
                    .into_iter()
                    .map(|d| (d.id, (d.title, d.city)))
                    .collect(),
            );
        }
        let read = async {
            let items = ipc::call(ipc::Outbox {}).await?;
            let events = ipc::call(ipc::StatusEvents {}).await?;
            Ok((items, events))
        };
        let result = read.await.map(|(items, events)| {
            // Items come newest first; taken oldest first, the newest application ends on top.
            owner.with(|| {
                for item in items.into_iter().rev() {
                    applications.take(item, true);
                }
            });
            applications.hear(events);
        });
        loaded.try_set(Some(result));
    });
    let Applications(list) = applications;
    view! {
        <BackLink/>
        <section class="outbox">
            <h1 id="outbox-title">{move || t("outbox-title")}</h1>
            <p class="muted">{move || t("outbox-intro")}</p>
            {move || match loaded.get() {
                None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e/> }.into_any(),
                Some(Ok(())) => view! {
                    <Show when=move || !list.with(Vec::is_empty)
                        fallback=|| view! { <p class="empty" id="outbox-empty">{move || t("outbox-empty")}</p> }>
                        <ul class="outbox-list">
                            <For each=move || list.get() key=|a| a.draft
                                children=move |a| view! { <ApplicationCard application=a titles=titles/> }/>
                        </ul>
                    </Show>
                }
                .into_any(),
            }}
            <TakeOverCard/>
        </section>
    }
}

/// Takes over the applications on a receipt from a liaison site: typed, or read from a photo of
/// its QR code; or only looks at where they stand.
#[component]
fn TakeOverCard() -> impl IntoView {
    let nav = use_nav();
    let code = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<HandoverStatus>);
    let take_over = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        spawn_local(async move {
            let call = ipc::TakeOver {
                code: code.get_untracked(),
                secret: secret.get_untracked(),
            };
            match ipc::call(call).await {
                // The list is read again, the taken-over applications in it.
                Ok(_) => nav.start_over(Screen::Outbox),
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    let look = move |_| {
        busy.set(true);
        spawn_local(async move {
            let call = ipc::ReceiptStatus {
                code: code.get_untracked(),
                secret: secret.get_untracked(),
            };
            match ipc::call(call).await {
                Ok(s) => {
                    error.set(None);
                    status.set(Some(s));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="card take-over" id="take-over" on:submit=take_over>
            <h2>{move || t("take-over-title")}</h2>
            <p class="muted">{move || t("take-over-intro")}</p>
            <label for="take-over-code">{move || t("take-over-code")}</label>
            <input id="take-over-code" autocomplete="off" autocapitalize="characters" spellcheck="false"
                prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
            <label for="take-over-secret">{move || t("take-over-secret")}</label>
            <input id="take-over-secret" autocomplete="off" autocapitalize="characters" spellcheck="false"
                prop:value=move || secret.get() on:input=move |ev| secret.set(event_target_value(&ev))/>
            <p class="muted">{move || t("take-over-scan-hint")}</p>
            <ScanButton id="take-over-scan" target=code error=error/>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <div class="form-actions">
                <button type="submit" class="primary" id="take-over-submit" disabled=move || busy.get()>
                    {move || t("take-over-submit")}
                </button>
                <button type="button" class="secondary" id="take-over-look" disabled=move || busy.get()
                    on:click=look>{move || t("take-over-look")}</button>
            </div>
            {move || status.get().map(|s| view! {
                <div class="receipt-status" id="receipt-status" role="status">
                    {if s.claimed {
                        view! { <p>{move || t("take-over-claimed")}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {s.applications.into_iter().map(|a| view! {
                                    <li>
                                        <span class="reference">{a.reference}</span>" · "
                                        {status_label(a.status)}" · "
                                        <span class="muted">{format_time(a.updated_at)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
            })}
        </form>
    }
}

fn status_label(status: ApplicationStatus) -> String {
    t(&format!("application-status-{}", status.slug()))
}

#[component]
fn ApplicationCard(
    application: Application,
    titles: RwSignal<BTreeMap<DraftId, (LocalizedText, String)>>,
) -> impl IntoView {
    let nav = use_nav();
    let Application {
        draft,
        sends,
        events,
        messages,
    } = application;
    let guide = Memo::new(move |_| {
        sends.with(|s| {
            s.first()
                .map(|s| s.item.with(|i| i.guide_id.0.clone()))
                .unwrap_or_default()
        })
    });
    let taken = Callback::new(move |item: OutboxItem| {
        if !messages.is_disposed() {
            let known = messages.with_untracked(|m| {
                m.iter()
                    .any(|m| m.with_untracked(|i| i.submission_id == item.submission_id))
            });
            if !known {
                messages.update(|m| m.push(RwSignal::new(item)));
            }
        }
    });
    let title = move || {
        guide.with(|g| {
            titles
                .with(|t| t.get(&draft).map(|(title, _)| pick(title)))
                .unwrap_or_else(|| g.clone())
        })
    };
    // Named once the list holds more than one city's applications.
    let city = move || {
        titles.with(|t| {
            let several = t
                .values()
                .any(|(_, c)| Some(c) != t.values().next().map(|(_, c)| c));
            t.get(&draft)
                .filter(|_| several)
                .map(|(_, c)| pick(&city_name(c)))
        })
    };
    let reference = Memo::new(move |_| {
        sends.with(|s| {
            s.iter().find_map(|s| {
                s.item.with(|i| match &i.state {
                    OutboxState::Delivered { reference, .. } => Some(reference.clone()),
                    _ => None,
                })
            })
        })
    });
    let latest = Memo::new(move |_| {
        events.with(|e| {
            e.iter().rev().find_map(|e| match &e.event {
                EventKind::Status {
                    status,
                    message,
                    request,
                } => Some((*status, message.clone(), request.clone())),
                _ => None,
            })
        })
    });
    let status = Memo::new(move |_| latest.with(|l| l.as_ref().map(|(s, _, _)| *s)));
    // A request for more material names the draft's own document questions: their labels come
    // from its guide, in the person's language.
    let request = Memo::new(move |_| latest.with(|l| l.as_ref().and_then(|(_, _, r)| r.clone())));
    let labels = RwSignal::new(BTreeMap::<String, LocalizedText>::new());
    Effect::new(move |_| {
        if request.with(Option::is_some) && labels.with_untracked(BTreeMap::is_empty) {
            spawn_local(async move {
                if let Ok(g) = ipc::call(ipc::DraftGuide { id: draft }).await {
                    let guide = &g.guide;
                    let found = guide
                        .form
                        .material_fields()
                        .filter_map(|f| Some((f.id.clone(), guide.document_name(&f.id)?.clone())))
                        .collect();
                    labels.try_set(found);
                }
            });
        }
    });
    let all_delivered = move || {
        sends.with(|s| {
            s.iter().all(|s| {
                s.item
                    .with(|i| matches!(i.state, OutboxState::Delivered { .. }))
            })
        })
    };
    // Made once per change, not per push: a button that stays keeps its focus.
    let asked_for_more = Memo::new(move |_| {
        all_delivered() && status.get() == Some(ApplicationStatus::MoreMaterialNeeded)
    });
    let message = Memo::new(move |_| {
        latest.with(|l| {
            l.as_ref()
                .map(|(_, m, _)| m.clone())
                .filter(|m| !m.is_empty())
        })
    });
    view! {
        <li class="outbox-item application" data-draft=draft.to_string()
            data-status=move || status.get().map(ApplicationStatus::slug).unwrap_or("")>
            <div class="outbox-head">
                <h2>{title}</h2>
                {move || city().map(|c| view! { <span class="row-city">{c}</span> })}
                {move || status.get().map(|s| view! {
                    <strong class=format!("tag app-status {}", s.slug()) id="application-status">{move || status_label(s)}</strong>
                })}
            </div>
            {move || reference.get().map(|r| view! {
                <p>{move || t("outbox-reference")}" "<strong class="reference">{r}</strong></p>
            })}
            {move || request.get().map(|r| {
                let reason = format!("request-reason-{}", r.reason.slug());
                view! {
                    <div class="material-request" id="material-request" data-reason=r.reason.slug()>
                        <p>{move || t("outbox-request")}</p>
                        <ul>
                            {r.fields.into_iter().map(|f| {
                                let id = f.clone();
                                view! {
                                    <li data-field=id>
                                        {move || labels.with(|l| l.get(&f).map(pick)).unwrap_or_else(|| f.clone())}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p class="request-reason">{move || t_args("outbox-request-reason", &[("reason", t(&reason).into())])}</p>
                    </div>
                }
            })}
            {move || message.get().map(|m| view! {
                <p class="department-message" id="department-message">
                    <span class="officer-words">{move || t("outbox-officer-words")}</span>" "
                    <q>{m}</q>
                </p>
            })}
            {move || asked_for_more.get().then(|| view! {
                <button class="primary" id="add-material" on:click=move |_| nav.go(Screen::Draft(draft))>
                    {move || t("outbox-add-material")}
                </button>
            })}
            <ul class="sends">
                <For each=move || sends.get() key=|s| s.id children=move |s| view! { <SendRow sent=s/> }/>
            </ul>
            <Show when=move || reference.with(Option::is_some)>
                <Conversation draft=draft mine=messages events=events taken=taken/>
            </Show>
            <Show when=move || events.with(|e| !e.is_empty())>
                <Timeline events=events/>
            </Show>
        </li>
    }
}

/// One time the application was sent: where the delivery stands.
#[component]
fn SendRow(sent: Sent) -> impl IntoView {
    let Sent { id, item } = sent;
    let state = Memo::new(move |_| item.with(|i| i.state.clone()));
    let tag = move || {
        state.with(|s| match s {
            OutboxState::Waiting { .. } => ("waiting", key("outbox-waiting")),
            OutboxState::Sending => ("sending", key("outbox-sending")),
            OutboxState::SetAside { .. } => ("set-aside", key("outbox-set-aside")),
            OutboxState::Delivered { .. } => ("delivered", key("outbox-delivered")),
        })
    };
    let revision = item.with_untracked(|i| i.revision);
    let progress = move || {
        item.with(|i| {
            t_args(
                "outbox-progress",
                &[
                    ("sent", kb(i.bytes_sent).into()),
                    ("total", kb(i.bytes_total).into()),
                ],
            )
        })
    };
    view! {
        <li class="send" data-state=move || tag().0 data-id=id.to_string() data-revision=revision.to_string()>
            <div class="outbox-head">
                <span>{move || t_args("outbox-send", &[("revision", revision.into())])}</span>
                <strong class=move || format!("tag {}", tag().0)>{move || t(tag().1)}</strong>
            </div>
            {move || send_detail(state.get(), sent)}
            <p class="muted progress">{progress}</p>
        </li>
    }
}

/// What a send's state means for the person: when it is tried next, why it was set aside (and
/// a way to try again), or when the city received it.
fn send_detail(state: OutboxState, sent: Sent) -> AnyView {
    match state {
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
                    match ipc::call(ipc::RetrySubmission { id: sent.id }).await {
                        Ok(item) => {
                            sent.item.try_set(item);
                        }
                        Err(e) => leptos::logging::warn!("retry failed: {}", e.code.slug()),
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
    }
}

/// What happened at the city, newest first, including every time staff opened it. Made once;
/// new events are added to it, so whether the person left it open or closed stays as they left
/// it.
#[component]
fn Timeline(events: RwSignal<Vec<FeedEvent>>) -> impl IntoView {
    let newest_first = move || events.with(|e| e.iter().rev().cloned().collect::<Vec<_>>());
    view! {
        <details class="timeline" open>
            <summary>{move || t("outbox-timeline")}</summary>
            <ol id="timeline">
                <For each=newest_first key=|e| e.cursor children=timeline_entry/>
            </ol>
        </details>
    }
}

fn timeline_entry(e: FeedEvent) -> impl IntoView {
    let (kind, text): (&str, Box<dyn Fn() -> String + Send + Sync>) = match e.event {
        EventKind::Status {
            status,
            message,
            request,
        } => (
            "status",
            Box::new(move || {
                let mut text = status_label(status);
                if let Some(r) = &request {
                    text = format!(
                        "{text} · {}",
                        t(&format!("request-reason-{}", r.reason.slug()))
                    );
                }
                if !message.is_empty() {
                    text = format!("{text}: “{message}”");
                }
                text
            }),
        ),
        EventKind::Routed { department } => (
            "routed",
            Box::new(move || {
                t_args(
                    "outbox-event-routed",
                    &[("department", department.clone().into())],
                )
            }),
        ),
        EventKind::Message { documents, .. } => (
            "message",
            Box::new(move || {
                t_args(
                    "outbox-event-message",
                    &[("documents", documents.len().into())],
                )
            }),
        ),
        EventKind::Access { role, department } => (
            "access",
            Box::new(move || {
                let role = role.slug().into();
                match &department {
                    Some(d) => t_args(
                        "outbox-event-access-department",
                        &[("role", role), ("department", d.clone().into())],
                    ),
                    None => t_args("outbox-event-access", &[("role", role)]),
                }
            }),
        ),
    };
    view! {
        <li data-kind=kind>
            <span class="muted when">{format_time(e.at)}</span>
            " "
            <span>{text}</span>
        </li>
    }
}

/// Kilobytes, rounded up, for "12 of 40 KB".
fn kb(bytes: u64) -> u64 {
    bytes.div_ceil(1024)
}
