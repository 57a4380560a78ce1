//! The conversation on an application: a person's messages taken once each, the office's
//! written beside them, and the documents both sides send, each readable only by the
//! application's device and its staff.

use async_trait::async_trait;
use deadpool_postgres::GenericClient;
use homeward_domain::conversation::{Document, Speaker};
use homeward_domain::sync::EventKind;
use rusqlite::{params, Connection};
use uuid::Uuid;

use super::events::{insert_event_pg, insert_event_sqlite, EventRow};
use super::row::Row;
use super::sqlite::{self, text};
use super::{PgStorage, SqliteStorage};

/// A person's message as it arrived, signed.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub message_id: Uuid,
    pub device_key: String,
    pub draft_id: Uuid,
    pub body_sha256: String,
    pub body: Vec<u8>,
    pub signature: String,
    pub signed_at: i64,
    pub received_at: i64,
    pub text: String,
    /// Its attachments, each already uploaded whole: `blob` is the upload's.
    pub documents: Vec<NewDocument>,
}

/// A document to add to a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub document: Document,
    /// Where its bytes are kept in the blob store.
    pub blob_id: String,
}

/// A person's message as stored: what its receipt is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRow {
    pub message_id: Uuid,
    pub application_seq: i64,
    pub application_created_at: i64,
    pub device_key: String,
    pub body_sha256: String,
    pub received_at: i64,
}

impl MessageRow {
    pub fn reference(&self) -> String {
        super::reference(self.application_seq, self.application_created_at)
    }
}

/// What taking a message came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    New(MessageRow),
    /// The same message again: answered as the first time.
    Repeat(MessageRow),
    /// Its id was used for another message, or by another device.
    Conflict,
    /// The device has no application of that draft here.
    NoApplication,
}

/// A document of a conversation, with where its bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub application_seq: i64,
    pub document: Document,
    pub blob_id: String,
}

const MESSAGE: &str = "SELECT m.message_id, m.application_seq, a.created_at, m.device_key,
    m.body_sha256, m.received_at
    FROM messages m JOIN applications a ON a.seq = m.application_seq WHERE m.message_id = ";

fn message_row(r: &dyn Row) -> anyhow::Result<MessageRow> {
    Ok(MessageRow {
        message_id: r.uuid(0)?,
        application_seq: r.int(1)?,
        application_created_at: r.int(2)?,
        device_key: r.text(3)?,
        body_sha256: r.text(4)?,
        received_at: r.int(5)?,
    })
}

const DOCUMENT: &str = "SELECT d.application_seq, d.id, d.file_name, d.mime, d.size, d.sha256,
    d.blob_id FROM documents d JOIN applications a ON a.seq = d.application_seq";

fn document_row(r: &dyn Row) -> anyhow::Result<DocumentRow> {
    Ok(DocumentRow {
        application_seq: r.int(0)?,
        document: Document {
            id: r.text(1)?,
            file_name: r.text(2)?,
            mime: r.text(3)?,
            size: u64::try_from(r.int(4)?)?,
            sha256: r.text(5)?,
        },
        blob_id: r.text(6)?,
    })
}

/// The same message again, or another under a used id.
fn repeat_or_conflict(existing: MessageRow, m: &NewMessage) -> Taken {
    if existing.device_key == m.device_key && existing.body_sha256 == m.body_sha256 {
        Taken::Repeat(existing)
    } else {
        Taken::Conflict
    }
}

fn message_event(from: Speaker, text: &str, documents: &[NewDocument]) -> EventKind {
    EventKind::Message {
        from,
        text: text.to_owned(),
        documents: documents.iter().map(|d| d.document.clone()).collect(),
    }
}

#[async_trait]
pub trait Messages: Send + Sync {
    /// Takes a person's message on their application, once: its event, its documents and the
    /// record of it in one transaction.
    async fn take_message(&self, m: NewMessage) -> anyhow::Result<Taken>;

    /// The person's message `id`, if it was taken.
    async fn message(&self, id: Uuid) -> anyhow::Result<Option<MessageRow>>;

    /// Writes the office's message, with its documents, on application `seq`.
    async fn office_message(
        &self,
        seq: i64,
        text: String,
        documents: Vec<NewDocument>,
        actor: &str,
        at: i64,
    ) -> anyhow::Result<EventRow>;

    /// Document `id`, if it belongs to an application of `device_key`.
    async fn document_for_device(
        &self,
        device_key: &str,
        id: &str,
    ) -> anyhow::Result<Option<DocumentRow>>;

    /// Document `id` of application `seq`.
    async fn document_of(&self, seq: i64, id: &str) -> anyhow::Result<Option<DocumentRow>>;
}

fn insert_documents_sqlite(
    c: &Connection,
    seq: i64,
    documents: &[NewDocument],
    at: i64,
) -> anyhow::Result<()> {
    for d in documents {
        c.execute(
            "INSERT INTO documents (id, application_seq, blob_id, file_name, mime, size, sha256,
                added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                d.document.id,
                seq,
                d.blob_id,
                d.document.file_name,
                d.document.mime,
                i64::try_from(d.document.size)?,
                d.document.sha256,
                at
            ],
        )?;
    }
    Ok(())
}

async fn insert_documents_pg(
    c: &impl GenericClient,
    seq: i64,
    documents: &[NewDocument],
    at: i64,
) -> anyhow::Result<()> {
    for d in documents {
        c.execute(
            "INSERT INTO documents (id, application_seq, blob_id, file_name, mime, size, sha256,
                added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &d.document.id,
                &seq,
                &d.blob_id,
                &d.document.file_name,
                &d.document.mime,
                &i64::try_from(d.document.size)?,
                &d.document.sha256,
                &at,
            ],
        )
        .await?;
    }
    Ok(())
}

const EVENT_BY_CURSOR: &str = "SELECT e.cursor, e.application_seq, a.draft_id, a.created_at,
    e.kind, e.status, e.text, e.actor, e.at, e.detail
    FROM events e JOIN applications a ON a.seq = e.application_seq WHERE e.cursor = ";

#[async_trait]
impl Messages for SqliteStorage {
    async fn message(&self, id: Uuid) -> anyhow::Result<Option<MessageRow>> {
        self.first_row(
            format!("{MESSAGE}?1"),
            vec![text(&id.to_string())],
            message_row,
        )
        .await
    }

    async fn take_message(&self, m: NewMessage) -> anyhow::Result<Taken> {
        self.with(move |c| {
            let tx = c.transaction()?;
            let id = m.message_id.to_string();
            if let Some(existing) = sqlite::first(&tx, &format!("{MESSAGE}?1"), [&id], message_row)?
            {
                return Ok(repeat_or_conflict(existing, &m));
            }
            let Some(seq) = sqlite::first(
                &tx,
                "SELECT seq FROM applications WHERE device_key = ?1 AND draft_id = ?2",
                params![m.device_key, m.draft_id.to_string()],
                |r| r.int(0),
            )?
            else {
                return Ok(Taken::NoApplication);
            };
            let event = message_event(Speaker::Person, &m.text, &m.documents);
            let cursor = insert_event_sqlite(&tx, seq, &event, "", m.received_at)?;
            insert_documents_sqlite(&tx, seq, &m.documents, m.received_at)?;
            tx.execute(
                "INSERT INTO messages (message_id, application_seq, device_key, body_sha256, body,
                    signature, signed_at, received_at, event_cursor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    seq,
                    m.device_key,
                    m.body_sha256,
                    m.body,
                    m.signature,
                    m.signed_at,
                    m.received_at,
                    cursor
                ],
            )?;
            let row = sqlite::one(&tx, &format!("{MESSAGE}?1"), [&id], message_row)?;
            tx.commit()?;
            Ok(Taken::New(row))
        })
        .await
    }

    async fn office_message(
        &self,
        seq: i64,
        text: String,
        documents: Vec<NewDocument>,
        actor: &str,
        at: i64,
    ) -> anyhow::Result<EventRow> {
        let actor = actor.to_owned();
        self.with(move |c| {
            let tx = c.transaction()?;
            let event = message_event(Speaker::Office, &text, &documents);
            let cursor = insert_event_sqlite(&tx, seq, &event, &actor, at)?;
            insert_documents_sqlite(&tx, seq, &documents, at)?;
            let row = sqlite::one(
                &tx,
                &format!("{EVENT_BY_CURSOR}?1"),
                [cursor],
                super::events::event_row,
            )?;
            tx.commit()?;
            Ok(row)
        })
        .await
    }

    async fn document_for_device(
        &self,
        device_key: &str,
        id: &str,
    ) -> anyhow::Result<Option<DocumentRow>> {
        self.first_row(
            format!("{DOCUMENT} WHERE d.id = ?1 AND a.device_key = ?2"),
            vec![text(id), text(device_key)],
            document_row,
        )
        .await
    }

    async fn document_of(&self, seq: i64, id: &str) -> anyhow::Result<Option<DocumentRow>> {
        self.first_row(
            format!("{DOCUMENT} WHERE d.id = ?1 AND d.application_seq = ?2"),
            vec![text(id), seq.into()],
            document_row,
        )
        .await
    }
}

impl PgStorage {
    /// One attempt at taking a message; `None` when a racing request with the same id won.
    async fn try_take_message(&self, m: &NewMessage) -> anyhow::Result<Option<Taken>> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        if let Some(existing) = tx
            .query_opt(&format!("{MESSAGE}$1"), &[&m.message_id])
            .await?
        {
            return Ok(Some(repeat_or_conflict(message_row(&existing)?, m)));
        }
        let Some(application) = tx
            .query_opt(
                "SELECT seq FROM applications WHERE device_key = $1 AND draft_id = $2",
                &[&m.device_key, &m.draft_id],
            )
            .await?
        else {
            return Ok(Some(Taken::NoApplication));
        };
        let seq = application.int(0)?;
        // The message's row first: a racing request with the same id waits here for this one
        // to commit, and then finds it taken, before it has written anything else.
        let inserted = tx
            .execute(
                "INSERT INTO messages (message_id, application_seq, device_key, body_sha256, body,
                    signature, signed_at, received_at, event_cursor)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0) ON CONFLICT DO NOTHING",
                &[
                    &m.message_id,
                    &seq,
                    &m.device_key,
                    &m.body_sha256,
                    &m.body,
                    &m.signature,
                    &m.signed_at,
                    &m.received_at,
                ],
            )
            .await?;
        if inserted == 0 {
            return Ok(None);
        }
        let event = message_event(Speaker::Person, &m.text, &m.documents);
        let cursor = insert_event_pg(&tx, seq, &event, "", m.received_at).await?;
        insert_documents_pg(&tx, seq, &m.documents, m.received_at).await?;
        tx.execute(
            "UPDATE messages SET event_cursor = $2 WHERE message_id = $1",
            &[&m.message_id, &cursor],
        )
        .await?;
        let row = tx
            .query_one(&format!("{MESSAGE}$1"), &[&m.message_id])
            .await?;
        let row = message_row(&row)?;
        tx.commit().await?;
        Ok(Some(Taken::New(row)))
    }
}

#[async_trait]
impl Messages for PgStorage {
    async fn message(&self, id: Uuid) -> anyhow::Result<Option<MessageRow>> {
        self.first_row(&format!("{MESSAGE}$1"), &[&id], message_row)
            .await
    }

    async fn take_message(&self, m: NewMessage) -> anyhow::Result<Taken> {
        if let Some(taken) = self.try_take_message(&m).await? {
            return Ok(taken);
        }
        // The racing request committed first: what it stored decides.
        let existing = self
            .first_row(&format!("{MESSAGE}$1"), &[&m.message_id], message_row)
            .await?
            .ok_or_else(|| anyhow::anyhow!("a message lost a race to nothing"))?;
        Ok(repeat_or_conflict(existing, &m))
    }

    async fn office_message(
        &self,
        seq: i64,
        text: String,
        documents: Vec<NewDocument>,
        actor: &str,
        at: i64,
    ) -> anyhow::Result<EventRow> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let event = message_event(Speaker::Office, &text, &documents);
        let cursor = insert_event_pg(&tx, seq, &event, actor, at).await?;
        insert_documents_pg(&tx, seq, &documents, at).await?;
        let row = tx
            .query_one(&format!("{EVENT_BY_CURSOR}$1"), &[&cursor])
            .await?;
        tx.commit().await?;
        super::events::event_row(&row)
    }

    async fn document_for_device(
        &self,
        device_key: &str,
        id: &str,
    ) -> anyhow::Result<Option<DocumentRow>> {
        self.first_row(
            &format!("{DOCUMENT} WHERE d.id = $1 AND a.device_key = $2"),
            &[&id, &device_key],
            document_row,
        )
        .await
    }

    async fn document_of(&self, seq: i64, id: &str) -> anyhow::Result<Option<DocumentRow>> {
        self.first_row(
            &format!("{DOCUMENT} WHERE d.id = $1 AND d.application_seq = $2"),
            &[&id, &seq],
            document_row,
        )
        .await
    }
}
