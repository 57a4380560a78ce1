//! The outbox: submissions and messages to the office frozen when the person pressed Send,
//! until the backend acknowledged them, and their receipts after.

use homeward_domain::sync::{FeedEvent, OutboxItem, OutboxState, SignedReceipt};
use homeward_domain::{DraftId, GuideId};
use rusqlite::{params, OptionalExtension as _};
use uuid::Uuid;

use super::Store;
use crate::error::{CoreError, Result};

/// One outbox row as stored.
#[derive(Debug, Clone)]
pub struct OutboxRow {
    pub item: OutboxItem,
    /// The home city whose backend takes it.
    pub city: String,
    /// The frozen submission JSON.
    pub body: Vec<u8>,
    pub receipt: Option<SignedReceipt>,
}

const COLUMNS: &str = "submission_id, draft_id, guide_id, revision, body, created_at, attempts,
    next_attempt_at, last_error, set_aside_code, set_aside_message, receipt, delivered_at,
    (SELECT coalesce(sum(length(m.bytes)), 0) FROM outbox_materials m
        WHERE m.submission_id = outbox.submission_id),
    (SELECT coalesce(sum(m.acknowledged), 0) FROM outbox_materials m
        WHERE m.submission_id = outbox.submission_id),
    city, kind";

/// What goes into the outbox: an item's id, its draft and guide, its body as sent, and the
/// documents (sha256, bytes) that travel before it.
pub struct Frozen<'a> {
    pub id: Uuid,
    pub draft: DraftId,
    pub guide: &'a GuideId,
    pub body: &'a [u8],
    pub materials: &'a [(String, Vec<u8>)],
}

fn freeze(
    tx: &rusqlite::Transaction<'_>,
    f: &Frozen<'_>,
    kind: &str,
    revision: u32,
    now: i64,
) -> Result<()> {
    tx.execute(
        "INSERT INTO outbox (submission_id, draft_id, guide_id, revision, body, created_at,
            next_attempt_at, city, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, (SELECT city FROM drafts WHERE id = ?2), ?7)",
        params![
            f.id.to_string(),
            f.draft.0.to_string(),
            f.guide.0,
            revision,
            f.body,
            now,
            kind
        ],
    )?;
    for (sha256, bytes) in f.materials {
        tx.execute(
            "INSERT INTO outbox_materials (submission_id, sha256, bytes) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
            params![f.id.to_string(), sha256, bytes],
        )?;
    }
    Ok(())
}

/// A document frozen with a submission, and how far its upload got.
#[derive(Debug, Clone)]
pub struct OutboxMaterial {
    pub sha256: String,
    pub bytes: Vec<u8>,
    /// Where the backend keeps its upload, once created.
    pub upload_url: Option<String>,
    /// Bytes the backend acknowledged.
    pub acknowledged: u64,
}

fn uuid_at(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Uuid> {
    let s: String = r.get(i)?;
    s.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxRow> {
    let body: Vec<u8> = r.get(4)?;
    let receipt: Option<String> = r.get(11)?;
    let receipt: Option<SignedReceipt> = receipt.and_then(|s| serde_json::from_str(&s).ok());
    let set_aside: Option<String> = r.get(9)?;
    let state = match (&receipt, set_aside) {
        (Some(signed), _) => {
            let parsed: Option<homeward_domain::sync::Receipt> =
                serde_json::from_str(&signed.receipt).ok();
            OutboxState::Delivered {
                reference: parsed
                    .as_ref()
                    .map(|p| p.reference.clone())
                    .unwrap_or_default(),
                received_at: parsed.map_or(0, |p| p.received_at),
            }
        }
        (None, Some(error)) => OutboxState::SetAside {
            error,
            message: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
        },
        (None, None) => OutboxState::Waiting {
            attempts: r.get(6)?,
            next_attempt_at: r.get(7)?,
            last_error: r.get(8)?,
        },
    };
    let materials_total: u64 = r.get(13)?;
    let materials_sent: u64 = r.get(14)?;
    let total = body.len() as u64 + materials_total;
    let delivered = matches!(state, OutboxState::Delivered { .. });
    let kind: String = r.get(16)?;
    let message = if kind == "message" {
        serde_json::from_slice(&body).ok()
    } else {
        None
    };
    Ok(OutboxRow {
        item: OutboxItem {
            submission_id: uuid_at(r, 0)?,
            draft_id: DraftId(uuid_at(r, 1)?),
            guide_id: GuideId(r.get(2)?),
            revision: r.get(3)?,
            created_at: r.get(5)?,
            state,
            bytes_sent: if delivered { total } else { materials_sent },
            bytes_total: total,
            message,
        },
        city: r.get(15)?,
        body,
        receipt,
    })
}

impl Store {
    /// Freezes a submission and its documents (sha256, bytes) into the outbox, due at once, for
    /// the draft's city.
    pub fn enqueue(&self, frozen: &Frozen<'_>, revision: u32, now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        freeze(&tx, frozen, "submission", revision, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Freezes a message to the office and its documents into the outbox, due at once, and
    /// clears what the person was writing: both or neither, so a crash in between neither loses
    /// the message nor sends it twice.
    pub fn enqueue_message(&self, frozen: &Frozen<'_>, now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        freeze(&tx, frozen, "message", 0, now)?;
        let draft = frozen.draft.0.to_string();
        tx.execute(
            "DELETE FROM message_attachments WHERE draft_id = ?1",
            [&draft],
        )?;
        tx.execute("DELETE FROM message_drafts WHERE draft_id = ?1", [&draft])?;
        tx.commit()?;
        Ok(())
    }

    /// The documents frozen with a submission.
    pub fn outbox_materials(&self, id: Uuid) -> Result<Vec<OutboxMaterial>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT sha256, bytes, upload_url, acknowledged FROM outbox_materials
             WHERE submission_id = ?1 ORDER BY sha256",
        )?;
        let rows = stmt
            .query_map([id.to_string()], |r| {
                Ok(OutboxMaterial {
                    sha256: r.get(0)?,
                    bytes: r.get(1)?,
                    upload_url: r.get(2)?,
                    acknowledged: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Records where a document's upload is and how much of it the backend acknowledged.
    pub fn outbox_material_progress(
        &self,
        id: Uuid,
        sha256: &str,
        upload_url: Option<&str>,
        acknowledged: u64,
    ) -> Result<()> {
        self.update(
            "UPDATE outbox_materials SET upload_url = ?3, acknowledged = ?4
             WHERE submission_id = ?1 AND sha256 = ?2",
            params![id.to_string(), sha256, upload_url, acknowledged],
        )
    }

    /// Forgets how far the documents of item `id` were uploaded, so the next attempt uploads
    /// them again: the backend said it does not have them (its data was restored from a
    /// backup, say).
    pub fn outbox_forget_uploads(&self, id: Uuid) -> Result<()> {
        self.conn().execute(
            "UPDATE outbox_materials SET upload_url = NULL, acknowledged = 0
             WHERE submission_id = ?1",
            [id.to_string()],
        )?;
        Ok(())
    }

    /// Every outbox item, newest first.
    pub fn outbox(&self) -> Result<Vec<OutboxRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM outbox ORDER BY created_at DESC, submission_id"
        ))?;
        let rows = stmt.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The items of one draft, oldest first.
    pub fn outbox_for_draft(&self, draft: DraftId) -> Result<Vec<OutboxRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM outbox WHERE draft_id = ?1 AND kind = 'submission'
             ORDER BY revision"
        ))?;
        let rows = stmt
            .query_map([draft.0.to_string()], row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Items due for an attempt at `now`: not delivered, not set aside.
    pub fn outbox_due(&self, now: i64) -> Result<Vec<OutboxRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM outbox
             WHERE receipt IS NULL AND set_aside_code IS NULL AND next_attempt_at <= ?1
             ORDER BY created_at"
        ))?;
        let rows = stmt
            .query_map([now], row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The cities something was delivered to (and so may have something to say).
    pub fn outbox_delivered_cities(&self) -> Result<Vec<String>> {
        self.outbox_cities("receipt IS NOT NULL")
    }

    /// The cities with items waiting because their backend was unreachable.
    pub fn outbox_offline_cities(&self) -> Result<Vec<String>> {
        self.outbox_cities("receipt IS NULL AND set_aside_code IS NULL AND last_error = 'offline'")
    }

    /// The cities of the outbox items matching `condition` (a fixed SQL condition), each once.
    fn outbox_cities(&self, condition: &'static str) -> Result<Vec<String>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT DISTINCT city FROM outbox WHERE {condition} ORDER BY city"
        ))?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The earliest time an item waits for, if any waits.
    pub fn outbox_next_due(&self) -> Result<Option<i64>> {
        Ok(self.conn().query_row(
            "SELECT min(next_attempt_at) FROM outbox
             WHERE receipt IS NULL AND set_aside_code IS NULL",
            [],
            |r| r.get(0),
        )?)
    }

    /// A failed attempt that may succeed later.
    pub fn outbox_retry_later(&self, id: Uuid, error: &str, next_at: i64) -> Result<()> {
        self.update(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3
             WHERE submission_id = ?1 AND receipt IS NULL",
            params![id.to_string(), error, next_at],
        )
    }

    /// A refusal that retrying will not fix: kept, with the reason, until the person acts.
    pub fn outbox_set_aside(&self, id: Uuid, code: &str, message: &str) -> Result<()> {
        self.update(
            "UPDATE outbox SET attempts = attempts + 1, set_aside_code = ?2,
                set_aside_message = ?3
             WHERE submission_id = ?1 AND receipt IS NULL",
            params![id.to_string(), code, message],
        )
    }

    /// Makes every item that waits only because the backend was unreachable due now; returns
    /// how many.
    pub fn outbox_wake_offline(&self, city: &str, now: i64) -> Result<usize> {
        Ok(self.conn().execute(
            "UPDATE outbox SET next_attempt_at = min(next_attempt_at, ?1)
             WHERE receipt IS NULL AND set_aside_code IS NULL AND last_error = 'offline'
                AND city = ?2",
            params![now, city],
        )?)
    }

    /// Puts a set-aside item back in line, due now.
    pub fn outbox_retry_now(&self, id: Uuid, now: i64) -> Result<()> {
        self.update(
            "UPDATE outbox SET set_aside_code = NULL, set_aside_message = NULL,
                next_attempt_at = ?2
             WHERE submission_id = ?1 AND receipt IS NULL",
            params![id.to_string(), now],
        )
    }

    /// The backend's acknowledgement, kept for good.
    pub fn outbox_delivered(&self, id: Uuid, receipt: &SignedReceipt, now: i64) -> Result<()> {
        let json = serde_json::to_string(receipt).map_err(|e| CoreError::Damaged(e.to_string()))?;
        self.update(
            "UPDATE outbox SET receipt = ?2, delivered_at = ?3, last_error = NULL
             WHERE submission_id = ?1",
            params![id.to_string(), json, now],
        )
    }

    pub fn outbox_item(&self, id: Uuid) -> Result<Option<OutboxRow>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM outbox WHERE submission_id = ?1"),
                [id.to_string()],
                row,
            )
            .optional()?)
    }

    fn update(&self, sql: &str, params: impl rusqlite::Params) -> Result<()> {
        match self.conn().execute(sql, params)? {
            0 => Err(CoreError::NotFound {
                what: "outbox item",
            }),
            _ => Ok(()),
        }
    }
}

impl Store {
    /// Keeps feed events from `city`'s backend about applications sent there (a repeat of one
    /// already kept changes nothing, and news of any other application is dropped) and moves
    /// that feed's cursor (the setting `cursor_key`), in one transaction.
    pub fn add_status_events(
        &self,
        city: &str,
        cursor_key: &str,
        events: &[FeedEvent],
        cursor: i64,
    ) -> Result<Vec<FeedEvent>> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let mut added = vec![];
        for e in events {
            let json =
                serde_json::to_string(&e.event).map_err(|x| CoreError::Damaged(x.to_string()))?;
            // Only news of an application sent to this very city counts: one city's backend
            // cannot speak for another city's applications.
            let n = tx.execute(
                "INSERT INTO status_events (city, cursor, draft_id, reference, event, at)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6
                 WHERE EXISTS (SELECT 1 FROM outbox WHERE draft_id = ?3 AND city = ?1)
                 ON CONFLICT DO NOTHING",
                params![
                    city,
                    e.cursor,
                    e.draft_id.0.to_string(),
                    e.reference,
                    json,
                    e.at
                ],
            )?;
            if n == 1 {
                added.push(e.clone());
            }
        }
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [cursor_key, &cursor.to_string()],
        )?;
        tx.commit()?;
        Ok(added)
    }

    /// Every kept feed event, oldest first.
    pub fn status_events(&self) -> Result<Vec<FeedEvent>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT cursor, draft_id, reference, event, at FROM status_events
             ORDER BY at, city, cursor",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let event: String = r.get(3)?;
                Ok((r.get(0)?, uuid_at(r, 1)?, r.get(2)?, event, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<(i64, Uuid, String, String, i64)>>>()?;
        rows.into_iter()
            .map(|(cursor, draft, reference, event, at)| {
                Ok(FeedEvent {
                    cursor,
                    draft_id: DraftId(draft),
                    reference,
                    event: serde_json::from_str(&event)
                        .map_err(|e| CoreError::Damaged(e.to_string()))?,
                    at,
                    by: None,
                })
            })
            .collect()
    }
}

/// An application taken over from a walk-in's session, as the store keeps it.
pub struct TakenOver<'a> {
    pub draft: DraftId,
    pub guide: &'a GuideId,
    pub pack_version: u64,
    /// The answers of the latest submission.
    pub answers: &'a std::collections::BTreeMap<String, String>,
    /// Each document once: what the submissions said of it, and its bytes.
    pub materials: Vec<(homeward_domain::sync::MaterialRef, Vec<u8>)>,
    /// Each submission as sent: its id, revision, body, receipt and when it was received.
    pub submissions: Vec<(Uuid, u32, Vec<u8>, SignedReceipt, i64)>,
}

impl Store {
    /// Keeps applications taken over from `city`, with what it said about them, in one transaction:
    /// each as a draft with its answers and documents, and its submissions as delivered. One
    /// kept before (a repeated take-over) is left as it is. The feed's cursor does not move.
    pub fn take_over(
        &self,
        city: &str,
        apps: &[TakenOver<'_>],
        events: &[FeedEvent],
        now: i64,
    ) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for app in apps {
            let draft = app.draft.0.to_string();
            let new = tx.execute(
                "INSERT INTO drafts (id, city, guide_id, pack_version, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT DO NOTHING",
                params![draft, city, app.guide.0, app.pack_version, now],
            )?;
            if new == 0 {
                continue;
            }
            for (field, value) in app.answers {
                tx.execute(
                    "INSERT INTO draft_answers (draft_id, field_id, value, updated_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![draft, field, value, now],
                )?;
            }
            for (m, bytes) in &app.materials {
                tx.execute(
                    "INSERT INTO draft_materials (id, draft_id, field_id, kind, file_name, mime,
                         bytes, original_size, sha256, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        Uuid::now_v7().to_string(),
                        draft,
                        m.field,
                        m.kind,
                        m.file_name,
                        m.mime,
                        bytes,
                        m.size,
                        m.sha256,
                        now
                    ],
                )?;
            }
            for (id, revision, body, receipt, received_at) in &app.submissions {
                let receipt = serde_json::to_string(receipt)
                    .map_err(|e| CoreError::Damaged(e.to_string()))?;
                tx.execute(
                    "INSERT INTO outbox (submission_id, draft_id, guide_id, revision, body,
                        created_at, next_attempt_at, receipt, delivered_at, city)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?6, ?8)",
                    params![
                        id.to_string(),
                        draft,
                        app.guide.0,
                        revision,
                        body,
                        received_at,
                        receipt,
                        city
                    ],
                )?;
                let sent: homeward_domain::sync::Submission =
                    serde_json::from_slice(body).map_err(|e| CoreError::Damaged(e.to_string()))?;
                for m in sent.materials {
                    if let Some((_, bytes)) =
                        app.materials.iter().find(|(h, _)| h.sha256 == m.sha256)
                    {
                        tx.execute(
                            "INSERT INTO outbox_materials (submission_id, sha256, bytes, acknowledged)
                             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                            params![id.to_string(), m.sha256, bytes, m.size],
                        )?;
                    }
                }
            }
        }
        for e in events {
            let json =
                serde_json::to_string(&e.event).map_err(|x| CoreError::Damaged(x.to_string()))?;
            tx.execute(
                "INSERT INTO status_events (city, cursor, draft_id, reference, event, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                params![
                    city,
                    e.cursor,
                    e.draft_id.0.to_string(),
                    e.reference,
                    json,
                    e.at
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
