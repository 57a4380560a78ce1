//! The conversation on an application: the person writes to the office (the text kept as
//! typed, photos made small and stripped like any document), Send freezes the message into the
//! outbox beside the submissions, and delivery follows like theirs: signed, once, offline
//! first. The office's messages arrive on the feed; the documents they carry are fetched with
//! them, checked against their digest and kept, so a result opens and saves offline.

use std::path::{Path, PathBuf};

use homeward_domain::conversation::{
    plain_file_name, Attachment, AttachmentInfo, Document, MessageDraft, PersonMessage, Speaker,
    MAX_ATTACHMENTS, MAX_MESSAGE_CHARS,
};
use homeward_domain::sync::{EventKind, FeedEvent, OutboxItem, OutboxState};
use homeward_domain::wire::path;
use homeward_domain::DraftId;
use sha2::{Digest as _, Sha256};

use crate::app::{now_ms, write_whole, Homeward};
use crate::error::{CoreError, Result};
use crate::materials;
use crate::store::Frozen;

fn invalid(field: &'static str, reason: &str) -> CoreError {
    CoreError::InvalidInput {
        field,
        reason: reason.to_owned(),
    }
}

impl Homeward {
    /// What the person is writing to the office about the application of `draft`.
    pub fn message_draft(&self, draft: DraftId) -> Result<MessageDraft> {
        self.store.message_draft(draft)
    }

    /// Saves what the person typed so far, on every keystroke, so nothing is lost.
    pub fn set_message_text(&self, draft: DraftId, text: &str) -> Result<()> {
        if text.chars().count() > MAX_MESSAGE_CHARS {
            return Err(invalid(
                "message-text",
                &format!("at most {MAX_MESSAGE_CHARS} characters"),
            ));
        }
        self.store.draft(draft)?;
        self.store.set_message_text(draft, text, now_ms())
    }

    /// Attaches a document to the message being written: a photo is made small and stripped of
    /// its metadata, a PDF kept.
    pub fn add_message_attachment(
        &self,
        draft: DraftId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<AttachmentInfo> {
        self.store.draft(draft)?;
        if self.store.message_draft(draft)?.attachments.len() >= MAX_ATTACHMENTS {
            return Err(invalid(
                "message-attachments",
                &format!("a message carries at most {MAX_ATTACHMENTS} documents"),
            ));
        }
        let prepared = materials::prepare(bytes)?;
        let info = AttachmentInfo {
            id: uuid::Uuid::now_v7(),
            file_name: crate::app::stored_name(file_name, prepared.mime),
            mime: prepared.mime.to_owned(),
            size: prepared.bytes.len() as u64,
            sha256: prepared.sha256,
            added_at: now_ms(),
        };
        self.store
            .add_message_attachment(draft, &info, &prepared.bytes)?;
        Ok(info)
    }

    pub fn remove_message_attachment(&self, draft: DraftId, id: uuid::Uuid) -> Result<()> {
        self.store.remove_message_attachment(draft, id)
    }

    /// Freezes the message being written into the outbox. Refused without the person's
    /// consents, while it says nothing, or before the application reached the city.
    pub fn send_message(&self, draft: DraftId) -> Result<OutboxItem> {
        if !self.may_send()? {
            return Err(CoreError::ConsentRequired);
        }
        let row = self.store.draft(draft)?;
        let arrived = self
            .store
            .outbox_for_draft(draft)?
            .iter()
            .any(|r| matches!(r.item.state, OutboxState::Delivered { .. }));
        if !arrived {
            return Err(invalid(
                "message-application",
                "the application has not reached the city yet; write once it has a reference",
            ));
        }
        let written = self.store.message_draft(draft)?;
        let message = PersonMessage {
            message_id: uuid::Uuid::now_v7(),
            draft_id: draft,
            text: written.text.trim().to_owned(),
            attachments: written
                .attachments
                .iter()
                .map(|a| Attachment {
                    file_name: a.file_name.clone(),
                    mime: a.mime.clone(),
                    size: a.size,
                    sha256: a.sha256.clone(),
                })
                .collect(),
            sent_at: now_ms(),
        };
        if let Some(problem) = message.problem() {
            let (field, reason) = problem.split_once(": ").unwrap_or(("text", &problem));
            let field = if field == "attachments" {
                "message-attachments"
            } else {
                "message-text"
            };
            return Err(invalid(field, reason));
        }
        let body = serde_json::to_vec(&message).map_err(|e| CoreError::Damaged(e.to_string()))?;
        let bytes = self.store.message_attachment_bytes(draft)?;
        self.store.enqueue_message(
            &Frozen {
                id: message.message_id,
                draft,
                guide: &row.guide_id,
                body: &body,
                materials: &bytes,
            },
            now_ms(),
        )?;
        self.outbox_changed(message.message_id);
        self.outbox_item(message.message_id)
    }

    /// Fetches and keeps the documents the office sent with `events`, from `city`. A document
    /// that does not arrive now is fetched when the person opens it.
    pub(crate) async fn fetch_documents(&self, city: &str, events: &[FeedEvent]) {
        for e in events {
            let EventKind::Message {
                from: Speaker::Office,
                documents,
                ..
            } = &e.event
            else {
                continue;
            };
            for d in documents {
                if let Err(err) = self.document_bytes(city, e.draft_id, d).await {
                    tracing::info!(code = ?err.code(), "a document from the office waits: {err}");
                }
            }
        }
    }

    /// The bytes of document `d` of the application of `draft`: kept, or fetched now from
    /// `city`'s backend and kept, after checking they are what the feed said.
    async fn document_bytes(&self, city: &str, draft: DraftId, d: &Document) -> Result<Vec<u8>> {
        if let Some(bytes) = self.store.received_document(city, &d.id)? {
            return Ok(bytes);
        }
        let home = self.city_home(city)?;
        let target = path::DOCUMENT.replace("{id}", &d.id);
        let bytes = home
            .remote
            .get_bytes_signed(&self.keys.device, &target)
            .await?;
        if hex::encode(Sha256::digest(&bytes)) != d.sha256.to_ascii_lowercase() {
            return Err(CoreError::Backend(
                "a document from the office is not what the feed announced".into(),
            ));
        }
        self.store
            .keep_received_document(city, &d.id, draft, &d.sha256, &bytes, now_ms())?;
        Ok(bytes)
    }

    /// Saves document `id` of the conversation on the application of `draft` into `dir`, named
    /// after the application's reference and the document's own name; the path written.
    pub async fn save_document(&self, draft: DraftId, id: &str, dir: &Path) -> Result<PathBuf> {
        let (reference, document) = self
            .status_events()?
            .into_iter()
            .filter(|e| e.draft_id == draft)
            .find_map(|e| match e.event {
                EventKind::Message { documents, .. } => documents
                    .into_iter()
                    .find(|d| d.id == id)
                    .map(|d| (e.reference.clone(), d)),
                _ => None,
            })
            .ok_or(CoreError::NotFound { what: "document" })?;
        let city = self
            .store
            .outbox_for_draft(draft)?
            .first()
            .map(|r| r.city.clone())
            .ok_or(CoreError::NotFound {
                what: "application",
            })?;
        let bytes = self.document_bytes(&city, draft, &document).await?;
        std::fs::create_dir_all(dir)?;
        let name = plain_file_name(&document.file_name, "document");
        let path = dir.join(plain_file_name(&format!("{reference}-{name}"), "document"));
        write_whole(&path, &bytes)?;
        Ok(path)
    }
}
