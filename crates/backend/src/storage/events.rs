//! What happened to applications: status changes, routing and every opening by staff, each
//! with a cursor that only grows, so a device reads its feed from where it stopped.

use async_trait::async_trait;
use deadpool_postgres::GenericClient;
use homeward_domain::conversation::Speaker;
use homeward_domain::sync::{ApplicationStatus, EventKind, StaffRole};
use rusqlite::{params, Connection};
use uuid::Uuid;

use super::row::Row;
use super::sqlite::{self, text};
use super::{PgStorage, SqliteStorage};

/// One event of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub cursor: i64,
    pub application_seq: i64,
    pub draft_id: Uuid,
    pub application_created_at: i64,
    pub event: EventKind,
    pub actor: String,
    pub at: i64,
}

/// How an event is stored: a kind; a status, or the role of who opened it; a message or a
/// department; a structured request, as JSON. (Who did it is the event's actor, a column of its
/// own.)
pub(super) type Columns = (&'static str, Option<&'static str>, String, Option<String>);

pub(super) fn event_columns(e: &EventKind) -> Columns {
    match e {
        EventKind::Status {
            status,
            message,
            request,
        } => (
            "status",
            Some(status.slug()),
            message.clone(),
            request.as_ref().and_then(|r| serde_json::to_string(r).ok()),
        ),
        EventKind::Routed { department } => ("routed", None, department.clone(), None),
        EventKind::Message {
            from,
            text,
            documents,
        } => (
            "message",
            Some(from.slug()),
            text.clone(),
            serde_json::to_string(documents).ok(),
        ),
        EventKind::Access { role, department } => (
            "access",
            Some(role.slug()),
            department.clone().unwrap_or_default(),
            None,
        ),
    }
}

/// The event stored as `(kind, status, text, detail)`.
fn event_from_columns(
    kind: &str,
    status: Option<&str>,
    text: String,
    detail: Option<&str>,
) -> anyhow::Result<EventKind> {
    Ok(match kind {
        "status" => EventKind::Status {
            status: status
                .and_then(ApplicationStatus::from_slug)
                .ok_or_else(|| anyhow::anyhow!("an event with an unknown status"))?,
            message: text,
            request: detail.map(serde_json::from_str).transpose()?,
        },
        "routed" => EventKind::Routed { department: text },
        "message" => EventKind::Message {
            from: status
                .and_then(Speaker::from_slug)
                .ok_or_else(|| anyhow::anyhow!("a message from an unknown speaker"))?,
            text,
            documents: detail
                .map(serde_json::from_str)
                .transpose()?
                .unwrap_or_default(),
        },
        "access" => EventKind::Access {
            role: status
                .and_then(StaffRole::from_slug)
                .ok_or_else(|| anyhow::anyhow!("an opening with an unknown role"))?,
            department: Some(text).filter(|d| !d.is_empty()),
        },
        other => anyhow::bail!("an event of unknown kind {other:?}"),
    })
}

/// Events with their application's draft and date.
const EVENTS: &str = "SELECT e.cursor, e.application_seq, a.draft_id, a.created_at, e.kind,
    e.status, e.text, e.actor, e.at, e.detail
    FROM events e JOIN applications a ON a.seq = e.application_seq";

/// A device's feed leaves out the person's own messages: the device has them already.
const NOT_MINE: &str = "NOT (e.kind = 'message' AND e.status = 'person')";

pub(super) fn event_row(r: &dyn Row) -> anyhow::Result<EventRow> {
    Ok(EventRow {
        cursor: r.int(0)?,
        application_seq: r.int(1)?,
        draft_id: r.uuid(2)?,
        application_created_at: r.int(3)?,
        event: event_from_columns(
            &r.text(4)?,
            r.opt_text(5)?.as_deref(),
            r.text(6)?,
            r.opt_text(9)?.as_deref(),
        )?,
        actor: r.text(7)?,
        at: r.int(8)?,
    })
}

#[async_trait]
pub trait Events: Send + Sync {
    /// Records `event` for application `seq`, by `actor`; a status event also sets the
    /// application's status, a routing event its department, and both move its version on.
    /// With `made_on`, a status or routing event is recorded only if the application is still
    /// at that version: None when someone else changed it first, and nothing is recorded.
    async fn record(
        &self,
        seq: i64,
        event: EventKind,
        actor: &str,
        at: i64,
        made_on: Option<i64>,
    ) -> anyhow::Result<Option<EventRow>>;

    /// The events of one application, oldest first.
    async fn events(&self, seq: i64) -> anyhow::Result<Vec<EventRow>>;

    /// The events of every application of `device_key` after `cursor`, oldest first, but for
    /// the person's own messages.
    async fn feed(&self, device_key: &str, after: i64, limit: u32)
        -> anyhow::Result<Vec<EventRow>>;
}

/// Adds an event inside the caller's transaction; its cursor.
pub(super) fn insert_event_sqlite(
    c: &Connection,
    seq: i64,
    event: &EventKind,
    actor: &str,
    at: i64,
) -> anyhow::Result<i64> {
    let (kind, status, text, detail) = event_columns(event);
    c.execute(
        "INSERT INTO events (application_seq, device_key, kind, status, text, actor, at, detail)
         VALUES (?1, (SELECT device_key FROM applications WHERE seq = ?1), ?2, ?3, ?4, ?5, ?6,
            ?7)",
        params![seq, kind, status, text, actor, at, detail],
    )?;
    Ok(c.last_insert_rowid())
}

/// Adds an event inside the caller's transaction; its cursor.
pub(super) async fn insert_event_pg(
    c: &impl GenericClient,
    seq: i64,
    event: &EventKind,
    actor: &str,
    at: i64,
) -> anyhow::Result<i64> {
    let (kind, status, text, detail) = event_columns(event);
    let row = c
        .query_one(
            "INSERT INTO events (application_seq, device_key, kind, status, text, actor, at,
                detail)
             VALUES ($1, (SELECT device_key FROM applications WHERE seq = $1), $2, $3, $4, $5,
                $6, $7)
             RETURNING cursor",
            &[&seq, &kind, &status, &text, &actor, &at, &detail],
        )
        .await?;
    row.int(0)
}

#[async_trait]
impl Events for SqliteStorage {
    async fn record(
        &self,
        seq: i64,
        event: EventKind,
        actor: &str,
        at: i64,
        made_on: Option<i64>,
    ) -> anyhow::Result<Option<EventRow>> {
        let actor = actor.to_owned();
        self.with(move |c| {
            let tx = c.transaction()?;
            let changed = match &event {
                EventKind::Status { status, .. } => tx.execute(
                    "UPDATE applications SET status = ?2, updated_at = ?3, version = version + 1
                     WHERE seq = ?1 AND (?4 IS NULL OR version = ?4)",
                    params![seq, status.slug(), at, made_on],
                )?,
                EventKind::Routed { department } => tx.execute(
                    "UPDATE applications SET department = ?2, updated_at = ?3,
                        version = version + 1
                     WHERE seq = ?1 AND (?4 IS NULL OR version = ?4)",
                    params![seq, department, at, made_on],
                )?,
                EventKind::Access { .. } | EventKind::Message { .. } => 1,
            };
            if changed == 0 {
                return Ok(None);
            }
            let cursor = insert_event_sqlite(&tx, seq, &event, &actor, at)?;
            let row = sqlite::one(
                &tx,
                &format!("{EVENTS} WHERE e.cursor = ?1"),
                [cursor],
                event_row,
            )?;
            tx.commit()?;
            Ok(Some(row))
        })
        .await
    }

    async fn events(&self, seq: i64) -> anyhow::Result<Vec<EventRow>> {
        self.all_rows(
            format!("{EVENTS} WHERE e.application_seq = ?1 ORDER BY e.cursor"),
            vec![seq.into()],
            event_row,
        )
        .await
    }

    async fn feed(
        &self,
        device_key: &str,
        after: i64,
        limit: u32,
    ) -> anyhow::Result<Vec<EventRow>> {
        self.all_rows(
            format!(
                "{EVENTS} WHERE e.device_key = ?1 AND e.cursor > ?2 AND {NOT_MINE}
                 ORDER BY e.cursor LIMIT ?3"
            ),
            vec![text(device_key), after.into(), limit.into()],
            event_row,
        )
        .await
    }
}

#[async_trait]
impl Events for PgStorage {
    async fn record(
        &self,
        seq: i64,
        event: EventKind,
        actor: &str,
        at: i64,
        made_on: Option<i64>,
    ) -> anyhow::Result<Option<EventRow>> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let changed = match &event {
            EventKind::Status { status, .. } => {
                tx.execute(
                    "UPDATE applications SET status = $2, updated_at = $3, version = version + 1
                     WHERE seq = $1 AND ($4::BIGINT IS NULL OR version = $4)",
                    &[&seq, &status.slug(), &at, &made_on],
                )
                .await?
            }
            EventKind::Routed { department } => {
                tx.execute(
                    "UPDATE applications SET department = $2, updated_at = $3,
                        version = version + 1
                     WHERE seq = $1 AND ($4::BIGINT IS NULL OR version = $4)",
                    &[&seq, department, &at, &made_on],
                )
                .await?
            }
            EventKind::Access { .. } | EventKind::Message { .. } => 1,
        };
        if changed == 0 {
            return Ok(None);
        }
        let cursor = insert_event_pg(&tx, seq, &event, actor, at).await?;
        let row = tx
            .query_one(&format!("{EVENTS} WHERE e.cursor = $1"), &[&cursor])
            .await?;
        tx.commit().await?;
        event_row(&row).map(Some)
    }

    async fn events(&self, seq: i64) -> anyhow::Result<Vec<EventRow>> {
        self.all_rows(
            &format!("{EVENTS} WHERE e.application_seq = $1 ORDER BY e.cursor"),
            &[&seq],
            event_row,
        )
        .await
    }

    async fn feed(
        &self,
        device_key: &str,
        after: i64,
        limit: u32,
    ) -> anyhow::Result<Vec<EventRow>> {
        let limit = i64::from(limit);
        self.all_rows(
            &format!(
                "{EVENTS} WHERE e.device_key = $1 AND e.cursor > $2 AND {NOT_MINE}
                 ORDER BY e.cursor LIMIT $3"
            ),
            &[&device_key, &after, &limit],
            event_row,
        )
        .await
    }
}
