//! The conversation on an application, as staff read and answer it: the thread (every reading
//! of it recorded in the access log), a reply with a document attached (a scan of the result,
//! an appointment slip), and each document of the thread.

use std::sync::Arc;

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use homeward_domain::conversation::{
    plain_file_name, Document, Speaker, MAX_MESSAGE_CHARS, MAX_OFFICE_DOCUMENT_BYTES,
};
use homeward_domain::sync::{AccessAction, EventKind};
use homeward_domain::Lang;
use maud::{html, Markup};
use sha2::{Digest as _, Sha256};

use super::layout::{self, csrf_field};
use super::{answer, guide_title, lang_of, paths, session, tr, tr_args, when, Typed};
use crate::conversation::{document_response, new_document_id, sniff};
use crate::error::AppError;
use crate::staff::{self, About};
use crate::storage::{ApplicationRow, EventRow, NewDocument};
use crate::{now_ms, AppState};

/// What a conversation's form may carry at most: the document and the text around it.
pub(super) const MAX_REPLY_BYTES: usize = MAX_OFFICE_DOCUMENT_BYTES + 64 * 1024;

/// The messages of an application's events, oldest first.
pub(super) fn messages(events: &[EventRow]) -> impl Iterator<Item = &EventRow> {
    events
        .iter()
        .filter(|e| matches!(e.event, EventKind::Message { .. }))
}

pub(super) async fn page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = session(&state, &headers).await?;
        let app = staff::find(&state, &me, &reference).await?;
        staff::record_access(
            &state,
            &me,
            AccessAction::ReadConversation,
            About {
                device_key: Some(&app.device_key),
                reference: Some(app.reference()),
                subject: None,
            },
        )
        .await?;
        let events = state.db.events(app.seq).await?;
        let title = guide_title(&state.catalog, lang, &app.guide_id);
        Ok(thread_page(lang, &me, &app, &title, &events))
    }
    .await;
    answer(lang, result)
}

fn thread_page(
    lang: Lang,
    me: &staff::Staff,
    app: &ApplicationRow,
    title: &str,
    events: &[EventRow],
) -> Markup {
    let reference = app.reference();
    let body = html! {
        p class="muted" {
            a href=(paths::fill(paths::APPLICATION, &[&reference])) id="back-to-application" {
                (tr(lang, "console-conversation-back"))
            }
        }
        h1 { (tr(lang, "console-conversation")) " · " (reference) " · " (title) }
        p class="muted" { (tr(lang, "console-conversation-intro")) }
        @let thread: Vec<&EventRow> = messages(events).collect();
        @if thread.is_empty() {
            p class="muted" id="no-messages" { (tr(lang, "console-conversation-none")) }
        } @else {
            ol class="thread" id="thread" {
                @for e in thread {
                    (message(lang, &reference, e))
                }
            }
        }
        form class="card" method="post" enctype="multipart/form-data" id="reply"
            action=(paths::fill(paths::CONVERSATION, &[&reference])) {
            h2 { (tr(lang, "console-reply")) }
            (csrf_field(me))
            label for="reply-text" { (tr(lang, "console-reply-text")) }
            textarea id="reply-text" name="text" maxlength=(MAX_MESSAGE_CHARS) {}
            label for="reply-document" { (tr(lang, "console-reply-document")) }
            input type="file" id="reply-document" name="document"
                accept="application/pdf,image/jpeg,image/png";
            p class="muted" {
                (tr_args(lang, "console-reply-document-hint", &[
                    ("megabytes", (MAX_OFFICE_DOCUMENT_BYTES / (1024 * 1024)).into()),
                ]))
            }
            p { button type="submit" id="reply-submit" { (tr(lang, "console-reply-submit")) } }
        }
    };
    layout::page(lang, &tr(lang, "console-conversation"), Some(me), &body)
}

/// One message of the thread: who wrote it and when, its words, its documents.
fn message(lang: Lang, reference: &str, e: &EventRow) -> Markup {
    let EventKind::Message {
        from,
        text,
        documents,
    } = &e.event
    else {
        return html! {};
    };
    let who = match from {
        Speaker::Person => tr(lang, "console-speaker-person"),
        Speaker::Office => tr_args(
            lang,
            "console-speaker-office",
            &[("staff", e.actor.clone().into())],
        ),
    };
    html! {
        li class={ "message from-" (from.slug()) } data-from=(from.slug()) {
            p class="muted" { strong { (who) } " · " (when(e.at)) }
            @if !text.is_empty() { p class="words" { (Typed(text)) } }
            @if !documents.is_empty() {
                ul class="documents" {
                    @for d in documents {
                        li { (document_link(lang, reference, d)) }
                    }
                }
            }
        }
    }
}

fn document_link(lang: Lang, reference: &str, d: &Document) -> Markup {
    html! {
        a href=(paths::fill(paths::CONVERSATION_DOCUMENT, &[reference, &d.id]))
            data-document=(d.id) { (Typed(&d.file_name)) }
        " "
        span class="muted" {
            (tr_args(lang, "console-document-size", &[("kilobytes", d.size.div_ceil(1024).into())]))
        }
    }
}

/// The staff's reply, as the form sent it.
#[derive(Default)]
struct Reply {
    csrf: String,
    text: String,
    /// The file's name as the browser gave it, and its bytes.
    document: Option<(String, Vec<u8>)>,
}

/// Reads the form's parts; a part it does not know is refused, so nothing is silently dropped.
async fn read_reply(mut form: Multipart) -> Result<Reply, AppError> {
    let bad = |e: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(format!("form: {}", e.body_text()))
    };
    let mut reply = Reply::default();
    while let Some(field) = form.next_field().await.map_err(bad)? {
        match field.name().unwrap_or_default() {
            "csrf" => reply.csrf = field.text().await.map_err(bad)?,
            "text" => reply.text = field.text().await.map_err(bad)?,
            "document" => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let bytes = field.bytes().await.map_err(bad)?;
                // A file input left empty still sends a part, without a name or bytes.
                if !bytes.is_empty() {
                    reply.document = Some((name, bytes.to_vec()));
                }
            }
            other => {
                return Err(AppError::BadRequest(format!(
                    "form: unexpected field {:?}",
                    other.chars().take(40).collect::<String>()
                )))
            }
        }
    }
    Ok(reply)
}

pub(super) async fn reply(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let result = async {
        let form = form.map_err(|e| AppError::BadRequest(format!("form: {}", e.body_text())))?;
        let me = session(&state, &headers).await?;
        let reply = read_reply(form).await?;
        if !me.csrf_matches(&reply.csrf) {
            return Err(staff::not_allowed("the form's CSRF token does not match"));
        }
        let text = reply.text.trim().to_owned();
        if text.chars().count() > MAX_MESSAGE_CHARS {
            return Err(AppError::BadRequest(format!(
                "text: at most {MAX_MESSAGE_CHARS} characters"
            )));
        }
        if text.is_empty() && reply.document.is_none() {
            return Err(AppError::BadRequest(
                "text: write a message or attach a document".into(),
            ));
        }
        let app = staff::find(&state, &me, &reference).await?;
        let mut documents = vec![];
        if let Some((name, bytes)) = reply.document {
            if bytes.len() > MAX_OFFICE_DOCUMENT_BYTES {
                return Err(AppError::BadRequest(format!(
                    "document: at most {} MB",
                    MAX_OFFICE_DOCUMENT_BYTES / (1024 * 1024)
                )));
            }
            let mime = sniff(&bytes).ok_or_else(|| {
                AppError::BadRequest("document: expected a PDF, JPEG or PNG file".into())
            })?;
            let id = new_document_id();
            let document = Document {
                id: id.clone(),
                file_name: plain_file_name(&name, "document"),
                mime: mime.to_owned(),
                size: bytes.len() as u64,
                sha256: hex::encode(Sha256::digest(&bytes)),
            };
            crate::blobs::BlobStore::write_at(&state.blobs, &id, 0, bytes).await?;
            documents.push(NewDocument {
                document,
                blob_id: id,
            });
        }
        state
            .db
            .office_message(app.seq, text, documents, &me.account.username, now_ms())
            .await?;
        tracing::info!(application = app.seq, "the office wrote");
        Ok(Redirect::to(&paths::fill(
            paths::CONVERSATION,
            &[&app.reference()],
        )))
    }
    .await;
    answer(lang_of(&headers), result)
}

/// A document of the conversation, for staff who may read the application; the download is
/// recorded in the access log first.
pub(super) async fn document(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((reference, id)): Path<(String, String)>,
) -> Response {
    let result = async {
        let me = session(&state, &headers).await?;
        let app = staff::find(&state, &me, &reference).await?;
        let found = state
            .db
            .document_of(app.seq, &id)
            .await?
            .ok_or(AppError::NotFound("document"))?;
        let about = About {
            device_key: Some(&app.device_key),
            reference: Some(app.reference()),
            subject: Some(found.document.sha256.clone()),
        };
        staff::record_access(&state, &me, AccessAction::DownloadedDocument, about).await?;
        let bytes = crate::blobs::BlobStore::read(&state.blobs, &found.blob_id).await?;
        Ok(document_response(&found.document.mime, bytes).into_response())
    }
    .await;
    answer(lang_of(&headers), result)
}
