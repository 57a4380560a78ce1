//! The conversation on a sent application, inside its card on the outbox screen: what the
//! person wrote (each message with where its delivery stands) and what the office answered
//! (its words marked as the officer's own, its documents saved with one tap), oldest first;
//! then the message being written, kept on the device as it is typed.

use homeward_domain::conversation::{AttachmentInfo, Document, Speaker};
use homeward_domain::sync::{EventKind, FeedEvent, OutboxItem, OutboxState};
use homeward_domain::{ApiError, DraftId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::i18n::{key, t, t_args};
use crate::ipc;
use crate::widgets::{format_time, picked_file, ErrorNote, PdfState};

/// One message in the thread: the person's (from the outbox) or the office's (from the feed).
#[derive(Clone)]
enum Entry {
    Mine(RwSignal<OutboxItem>),
    Office(FeedEvent),
}

impl Entry {
    fn at(&self) -> i64 {
        match self {
            Entry::Mine(item) => item.with_untracked(|i| i.created_at),
            Entry::Office(e) => e.at,
        }
    }

    fn key(&self) -> String {
        match self {
            Entry::Mine(item) => item.with_untracked(|i| i.submission_id.to_string()),
            Entry::Office(e) => e.cursor.to_string(),
        }
    }
}

/// The thread and the message being written, for the application of `draft`. `mine` are the
/// person's messages as the outbox holds them; `events` what the city said.
#[component]
pub fn Conversation(
    draft: DraftId,
    mine: RwSignal<Vec<RwSignal<OutboxItem>>>,
    events: RwSignal<Vec<FeedEvent>>,
    /// Takes a message Send froze into the outbox, as the screen takes any of its items.
    taken: Callback<OutboxItem>,
) -> impl IntoView {
    let thread = move || {
        let mut entries: Vec<Entry> = mine.get().into_iter().map(Entry::Mine).collect();
        events.with(|e| {
            entries.extend(
                e.iter()
                    .filter(|e| {
                        matches!(
                            e.event,
                            EventKind::Message {
                                from: Speaker::Office,
                                ..
                            }
                        )
                    })
                    .cloned()
                    .map(Entry::Office),
            );
        });
        entries.sort_by_key(Entry::at);
        entries
    };
    view! {
        <section class="conversation" data-draft=draft.to_string()>
            <h3>{move || t("conversation-title")}</h3>
            <p class="muted">{move || t("conversation-intro")}</p>
            <Show when=move || !thread().is_empty()
                fallback=|| view! { <p class="muted conversation-empty">{move || t("conversation-empty")}</p> }>
                <ol class="thread">
                    <For each=thread key=Entry::key children=move |e| entry(draft, e)/>
                </ol>
            </Show>
            <Compose draft=draft taken=taken/>
        </section>
    }
}

fn entry(draft: DraftId, e: Entry) -> AnyView {
    match e {
        Entry::Mine(item) => view! { <MyMessage item=item/> }.into_any(),
        Entry::Office(event) => office_message(draft, event).into_any(),
    }
}

/// A message the person sent, and where its delivery stands.
#[component]
fn MyMessage(item: RwSignal<OutboxItem>) -> impl IntoView {
    let message = item
        .with_untracked(|i| i.message.clone())
        .unwrap_or_else(|| homeward_domain::conversation::PersonMessage {
            message_id: Uuid::nil(),
            draft_id: DraftId(Uuid::nil()),
            text: String::new(),
            attachments: vec![],
            sent_at: 0,
        });
    let state = Memo::new(move |_| item.with(|i| i.state.clone()));
    let tag = move || {
        state.with(|s| match s {
            OutboxState::Waiting { .. } | OutboxState::Sending => {
                ("waiting", key("conversation-waiting"))
            }
            OutboxState::SetAside { .. } => ("set-aside", key("outbox-set-aside")),
            OutboxState::Delivered { .. } => ("delivered", key("conversation-delivered")),
        })
    };
    let retry = move |_| {
        let id = item.with_untracked(|i| i.submission_id);
        spawn_local(async move {
            if let Ok(fresh) = ipc::call(ipc::RetrySubmission { id }).await {
                item.try_set(fresh);
            }
        });
    };
    let sent_at = message.sent_at;
    view! {
        <li class="message mine" data-from="person" data-state=move || tag().0>
            <p class="who muted">
                <strong>{move || t("conversation-you")}</strong>" · "{format_time(sent_at)}" · "
                <span class=move || format!("tag {}", tag().0)>{move || t(tag().1)}</span>
            </p>
            {(!message.text.is_empty()).then(|| view! { <p class="words">{message.text.clone()}</p> })}
            {(!message.attachments.is_empty()).then(|| view! {
                <ul class="documents">
                    {message.attachments.iter().map(|a| view! { <li>{a.file_name.clone()}</li> }).collect_view()}
                </ul>
            })}
            {move || state.with(|s| match s {
                OutboxState::SetAside { error, .. } => {
                    let key = format!("error-{error}");
                    Some(view! {
                        <p class="outbox-reason" role="alert">{move || t(&key)}</p>
                        <button class="secondary retry" on:click=retry>{move || t("outbox-retry")}</button>
                    })
                }
                _ => None,
            })}
        </li>
    }
}

/// A message from the office: its words, marked as the officer's own, and its documents.
fn office_message(draft: DraftId, e: FeedEvent) -> impl IntoView {
    let EventKind::Message {
        text, documents, ..
    } = e.event
    else {
        return ().into_any();
    };
    view! {
        <li class="message office" data-from="office">
            <p class="who muted"><strong>{move || t("conversation-office")}</strong>" · "{format_time(e.at)}</p>
            {(!text.is_empty()).then(|| view! {
                <p class="words">
                    <span class="officer-words">{move || t("outbox-officer-words")}</span>" "
                    <q>{text.clone()}</q>
                </p>
            })}
            {(!documents.is_empty()).then(|| view! {
                <ul class="documents">
                    {documents.into_iter().map(|d| view! { <OfficeDocument draft=draft document=d/> }).collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}

/// A document the office sent: its name and size, and a button that saves it.
#[component]
fn OfficeDocument(draft: DraftId, document: Document) -> impl IntoView {
    let saved = RwSignal::new(PdfState::Idle);
    let id = document.id.clone();
    let save = move |_| {
        let id = id.clone();
        PdfState::make(
            saved,
            ipc::call(ipc::SaveDocument {
                draft_id: draft,
                id,
            }),
        );
    };
    let kilobytes = document.size.div_ceil(1024);
    let saved_as = format!("document-{}", document.id);
    view! {
        <li class="office-document" data-document=document.id.clone()>
            <span class="file-name">{document.file_name.clone()}</span>" "
            <span class="muted">{move || t_args("conversation-document-size", &[("kilobytes", kilobytes.into())])}</span>" "
            <button class="secondary save-document" on:click=save>{move || t("conversation-save-document")}</button>
            {move || saved.get().view_for(
                &saved_as,
                key("conversation-document-saved"),
                key("conversation-document-open"),
            )}
        </li>
    }
}

/// The message being written: the text saved as typed, documents attached and removed, and
/// Send.
#[component]
fn Compose(draft: DraftId, taken: Callback<OutboxItem>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let attachments = RwSignal::new(Vec::<AttachmentInfo>::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(written) = ipc::call(ipc::MessageDraft { draft_id: draft }).await {
            text.try_set(written.text);
            attachments.try_set(written.attachments);
        }
    });
    let typed = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        spawn_local(async move {
            let saved = ipc::call(ipc::SetMessageText {
                draft_id: draft,
                text: value,
            })
            .await;
            error.try_set(saved.err());
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some((input, file)) = picked_file(&ev) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let name = file.name();
            let added = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer);
                    ipc::add_message_attachment(draft, &name, &bytes).await
                }
                Err(_) => Err(ApiError::new(
                    homeward_domain::ErrorCode::InvalidInput,
                    "file: the file could not be read",
                )),
            };
            match added {
                Ok(info) => {
                    attachments.update(|a| a.push(info));
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            input.set_value("");
            busy.set(false);
        });
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        spawn_local(async move {
            match ipc::call(ipc::SendMessage { draft_id: draft }).await {
                Ok(item) => {
                    text.set(String::new());
                    attachments.set(vec![]);
                    error.set(None);
                    taken.run(item);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let text_id = format!("message-text-{draft}");
    let file_id = format!("message-file-{draft}");
    view! {
        <form class="compose" on:submit=send>
            <label for=text_id.clone()>{move || t("conversation-write")}</label>
            <textarea id=text_id class="message-text" rows="3" maxlength="4000"
                prop:value=move || text.get() on:input=typed></textarea>
            <ul class="documents attachments">
                <For each=move || attachments.get() key=|a| a.id children=move |a| {
                    let id = a.id;
                    let remove = move |_| {
                        spawn_local(async move {
                            match ipc::call(ipc::RemoveMessageAttachment { draft_id: draft, id }).await {
                                Ok(()) => attachments.update(|all| all.retain(|x| x.id != id)),
                                Err(e) => error.set(Some(e)),
                            }
                        });
                    };
                    view! {
                        <li class="attachment">
                            <span class="file-name">{a.file_name.clone()}</span>" "
                            <button type="button" class="link remove-attachment" on:click=remove>
                                {move || t("conversation-remove-attachment")}
                            </button>
                        </li>
                    }
                }/>
            </ul>
            <div class="form-actions">
                <label class="file-button" class:busy=move || busy.get()>
                    <input type="file" id=file_id class="message-file" accept="image/*,application/pdf"
                        on:change=on_file disabled=move || busy.get()/>
                    <span>{move || t("conversation-attach")}</span>
                </label>
                <button type="submit" class="primary send-message" disabled=move || busy.get()>
                    {move || t("conversation-send")}
                </button>
            </div>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        </form>
    }
}
