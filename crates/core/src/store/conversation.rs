//! The conversation on an application, as the device keeps it: what the person is still
//! writing to the office (saved as typed, with its attachments), and the office's documents
//! once fetched.

use homeward_domain::conversation::{AttachmentInfo, MessageDraft};
use homeward_domain::DraftId;
use rusqlite::{params, OptionalExtension as _};
use uuid::Uuid;

use super::Store;
use crate::error::{CoreError, Result};

impl Store {
    /// What the person is writing about the application of `draft`.
    pub fn message_draft(&self, draft: DraftId) -> Result<MessageDraft> {
        let conn = self.conn();
        let id = draft.0.to_string();
        let text: Option<String> = conn
            .query_row(
                "SELECT text FROM message_drafts WHERE draft_id = ?1",
                [&id],
                |r| r.get(0),
            )
            .optional()?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, file_name, mime, length(bytes), sha256, added_at
             FROM message_attachments WHERE draft_id = ?1 ORDER BY added_at, id",
        )?;
        let attachments = stmt
            .query_map([&id], |r| {
                let id: String = r.get(0)?;
                Ok(AttachmentInfo {
                    id: Uuid::parse_str(&id).unwrap_or_default(),
                    file_name: r.get(1)?,
                    mime: r.get(2)?,
                    size: r.get(3)?,
                    sha256: r.get(4)?,
                    added_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(MessageDraft {
            text: text.unwrap_or_default(),
            attachments,
        })
    }

    /// Saves what the person typed so far.
    pub fn set_message_text(&self, draft: DraftId, text: &str, now: i64) -> Result<()> {
        self.conn().execute(
            "INSERT INTO message_drafts (draft_id, text, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (draft_id) DO UPDATE SET text = excluded.text,
                updated_at = excluded.updated_at",
            params![draft.0.to_string(), text, now],
        )?;
        Ok(())
    }

    pub fn add_message_attachment(
        &self,
        draft: DraftId,
        info: &AttachmentInfo,
        bytes: &[u8],
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO message_attachments (id, draft_id, file_name, mime, sha256, bytes,
                added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                info.id.to_string(),
                draft.0.to_string(),
                info.file_name,
                info.mime,
                info.sha256,
                bytes,
                info.added_at
            ],
        )?;
        Ok(())
    }

    /// The bytes of each attachment of the message being written, by sha256.
    pub fn message_attachment_bytes(&self, draft: DraftId) -> Result<Vec<(String, Vec<u8>)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT sha256, bytes FROM message_attachments WHERE draft_id = ?1
             ORDER BY added_at, id",
        )?;
        let rows = stmt
            .query_map([draft.0.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn remove_message_attachment(&self, draft: DraftId, id: Uuid) -> Result<()> {
        let changed = self.conn().execute(
            "DELETE FROM message_attachments WHERE draft_id = ?1 AND id = ?2",
            [draft.0.to_string(), id.to_string()],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound { what: "document" });
        }
        Ok(())
    }

    /// A document the office sent, if it was fetched.
    pub fn received_document(&self, city: &str, id: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT bytes FROM received_documents WHERE city = ?1 AND id = ?2",
                [city, id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Every document the office sent that the device keeps: (city, id, draft, sha256, bytes).
    #[allow(clippy::type_complexity)]
    pub fn received_documents(&self) -> Result<Vec<(String, String, DraftId, String, Vec<u8>)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT city, id, draft_id, sha256, bytes FROM received_documents
             ORDER BY fetched_at, city, id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let draft: String = r.get(2)?;
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    DraftId(Uuid::parse_str(&draft).unwrap_or_default()),
                    r.get(3)?,
                    r.get(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Keeps a document the office sent, checked against its digest by the caller.
    pub fn keep_received_document(
        &self,
        city: &str,
        id: &str,
        draft: DraftId,
        sha256: &str,
        bytes: &[u8],
        now: i64,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO received_documents (city, id, draft_id, sha256, bytes, fetched_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
            params![city, id, draft.0.to_string(), sha256, bytes, now],
        )?;
        Ok(())
    }
}
