//! [`Storage`] on an embedded SQLite file: WAL, full sync, one connection behind a mutex (SQLite
//! writes one transaction at a time anyway), every call on the blocking pool.

use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use rusqlite::{params, Connection, OptionalExtension as _};

use homeward_domain::sync::{ApplicationStatus, EventKind};
use uuid::Uuid;

use super::{
    event_columns, event_from_columns, repeat_or_conflict, revision_fits, ApplicationFilter,
    ApplicationRow, DeviceRow, EventRow, Intake, NewSubmission, ProofingRow, SessionRow, SignerRow,
    StaffRow, Storage, SubmissionDetail, SubmissionRow, UploadRow,
};

const MIGRATIONS: &[&str] = &[
    // 1: bookkeeping.
    "CREATE TABLE server_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;",
    // 2: devices, applications, their submissions and events, and staff.
    "CREATE TABLE devices (
        public_key TEXT PRIMARY KEY NOT NULL,
        registered_at INTEGER NOT NULL,
        revoked_at INTEGER
    ) STRICT;
    CREATE TABLE applications (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        device_key TEXT NOT NULL REFERENCES devices(public_key),
        draft_id TEXT NOT NULL,
        guide_id TEXT NOT NULL,
        status TEXT NOT NULL,
        department TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (device_key, draft_id)
    ) STRICT;
    CREATE TABLE submissions (
        submission_id TEXT PRIMARY KEY NOT NULL,
        application_seq INTEGER NOT NULL REFERENCES applications(seq),
        idempotency_key TEXT NOT NULL UNIQUE,
        device_key TEXT NOT NULL,
        revision INTEGER NOT NULL,
        body_sha256 TEXT NOT NULL,
        body BLOB NOT NULL,
        signature TEXT NOT NULL,
        signed_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        UNIQUE (application_seq, revision)
    ) STRICT;
    CREATE TABLE events (
        cursor INTEGER PRIMARY KEY AUTOINCREMENT,
        application_seq INTEGER NOT NULL REFERENCES applications(seq),
        kind TEXT NOT NULL,
        status TEXT,
        text TEXT NOT NULL,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX events_by_application ON events (application_seq, cursor);
    CREATE INDEX applications_by_device ON applications (device_key);
    CREATE TABLE staff (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        admin INTEGER NOT NULL,
        department TEXT
    ) STRICT;
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        csrf TEXT NOT NULL,
        expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE uploads (
        id TEXT PRIMARY KEY NOT NULL,
        device_key TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        length INTEGER NOT NULL,
        received_bytes INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        UNIQUE (device_key, sha256)
    ) STRICT;",
    // 3: keys trusted to attest identities, and revoked delegations.
    "CREATE TABLE signers (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        registered_at INTEGER NOT NULL,
        revoked_at INTEGER,
        PRIMARY KEY (kind, id)
    ) STRICT;
    CREATE TABLE delegation_revocations (
        id TEXT NOT NULL,
        device_key TEXT NOT NULL,
        revoked_at INTEGER NOT NULL,
        PRIMARY KEY (id, device_key)
    ) STRICT;
    CREATE TABLE proofing_requests (
        id TEXT PRIMARY KEY NOT NULL,
        device_key TEXT NOT NULL,
        profile TEXT NOT NULL,
        contact TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        closed_at INTEGER,
        closed_by TEXT,
        token TEXT
    ) STRICT;
    CREATE INDEX proofing_by_device ON proofing_requests (device_key);",
];

#[derive(Debug, Clone)]
pub struct SqliteStorage {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteStorage {
    pub async fn open(path: &Path) -> anyhow::Result<Self> {
        let path = path.to_owned();
        tokio::task::spawn_blocking(move || open(&path)).await?
    }

    /// Runs `f` with the connection on the blocking pool.
    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let mut conn = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut conn)
        })
        .await?
        .map_err(Into::into)
    }
}

fn open(path: &Path) -> anyhow::Result<SqliteStorage> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut conn = Connection::open(path).with_context(|| format!("opening {}", path.display()))?;
    // Waits for a lock another process holds (an operator's command beside a running backend).
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Entering WAL takes an exclusive lock that the busy handler does not wait for, so two
    // processes creating the file at once retry here for a moment.
    let mut tries = 0;
    loop {
        let mode: rusqlite::Result<String> =
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0));
        match mode {
            Ok(_) => break,
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 50 =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(e) => return Err(e.into()),
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Each step reads the version inside a write transaction, so two processes opening the
    // same file at once (a backend and an operator's command) never apply a step twice.
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        anyhow::ensure!(
            found <= MIGRATIONS.len() as i64,
            "the database {} was written by a newer homeward-backend (schema {found}); update it",
            path.display()
        );
        let Some(sql) = MIGRATIONS.get(found as usize) else {
            break;
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", found + 1)?;
        tx.commit()?;
    }
    Ok(SqliteStorage {
        conn: Arc::new(Mutex::new(conn)),
    })
}

fn device_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DeviceRow> {
    Ok(DeviceRow {
        public_key: r.get(0)?,
        registered_at: r.get(1)?,
        revoked_at: r.get(2)?,
    })
}

fn uuid(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Uuid> {
    let s: String = r.get(i)?;
    s.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn conversion(i: usize, e: anyhow::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

const SUBMISSION_COLUMNS: &str = "s.application_seq, a.created_at, s.submission_id,
    s.idempotency_key, s.device_key, s.body_sha256, s.revision, s.received_at";

fn submission_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SubmissionRow> {
    Ok(SubmissionRow {
        application_seq: r.get(0)?,
        application_created_at: r.get(1)?,
        submission_id: uuid(r, 2)?,
        idempotency_key: r.get(3)?,
        device_key: r.get(4)?,
        body_sha256: r.get(5)?,
        revision: r.get(6)?,
        received_at: r.get(7)?,
    })
}

const APPLICATION_COLUMNS: &str =
    "seq, device_key, draft_id, guide_id, status, department, created_at, updated_at";

fn application_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApplicationRow> {
    let status: String = r.get(4)?;
    Ok(ApplicationRow {
        seq: r.get(0)?,
        device_key: r.get(1)?,
        draft_id: uuid(r, 2)?,
        guide_id: r.get(3)?,
        status: ApplicationStatus::from_slug(&status)
            .ok_or_else(|| conversion(4, anyhow::anyhow!("unknown status {status:?}")))?,
        department: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

const EVENT_COLUMNS: &str =
    "e.cursor, e.application_seq, a.draft_id, a.created_at, e.kind, e.status, e.text, e.actor, e.at";

fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let kind: String = r.get(4)?;
    let status: Option<String> = r.get(5)?;
    Ok(EventRow {
        cursor: r.get(0)?,
        application_seq: r.get(1)?,
        draft_id: uuid(r, 2)?,
        application_created_at: r.get(3)?,
        event: event_from_columns(&kind, status.as_deref(), r.get(6)?)
            .map_err(|e| conversion(4, e))?,
        actor: r.get(7)?,
        at: r.get(8)?,
    })
}

fn staff_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StaffRow> {
    Ok(StaffRow {
        id: r.get(0)?,
        username: r.get(1)?,
        password_hash: r.get(2)?,
        admin: r.get(3)?,
        department: r.get(4)?,
    })
}

fn submission_by_key(c: &Connection, key: &str) -> rusqlite::Result<Option<SubmissionRow>> {
    c.query_row(
        &format!(
            "SELECT {SUBMISSION_COLUMNS} FROM submissions s
             JOIN applications a ON a.seq = s.application_seq WHERE s.idempotency_key = ?1"
        ),
        [key],
        submission_row,
    )
    .optional()
}

fn insert_event(
    c: &Connection,
    seq: i64,
    event: &EventKind,
    actor: &str,
    at: i64,
) -> rusqlite::Result<i64> {
    let (kind, status, text) = event_columns(event);
    c.execute(
        "INSERT INTO events (application_seq, kind, status, text, actor, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![seq, kind, status, text, actor, at],
    )?;
    Ok(c.last_insert_rowid())
}

impl Storage for SqliteStorage {
    async fn ping(&self) -> anyhow::Result<()> {
        self.with(|c| c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0)))
            .await
            .map(drop)
    }

    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        let key = key.to_owned();
        self.with(move |c| {
            c.execute(
                "INSERT INTO server_meta (key, value) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                params![key, value],
            )?;
            c.query_row(
                "SELECT value FROM server_meta WHERE key = ?1",
                [&key],
                |r| r.get(0),
            )
        })
        .await
    }

    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow> {
        let key = public_key.to_owned();
        self.with(move |c| {
            c.execute(
                "INSERT INTO devices (public_key, registered_at) VALUES (?1, ?2)
                 ON CONFLICT DO NOTHING",
                params![key, at],
            )?;
            c.query_row(
                "SELECT public_key, registered_at, revoked_at FROM devices WHERE public_key = ?1",
                [&key],
                device_row,
            )
        })
        .await
    }

    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>> {
        let key = public_key.to_owned();
        self.with(move |c| {
            c.query_row(
                "SELECT public_key, registered_at, revoked_at FROM devices WHERE public_key = ?1",
                [&key],
                device_row,
            )
            .optional()
        })
        .await
    }

    async fn intake(&self, s: NewSubmission) -> anyhow::Result<Intake> {
        self.with(move |c| {
            let tx = c.transaction()?;
            if let Some(existing) = submission_by_key(&tx, &s.idempotency_key)? {
                return Ok(repeat_or_conflict(Some(existing), &s));
            }
            let draft = s.draft_id.to_string();
            let application: Option<(i64, String)> = tx
                .query_row(
                    "SELECT seq, status FROM applications WHERE device_key = ?1 AND draft_id = ?2",
                    params![s.device_key, draft],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let status = application
                .as_ref()
                .and_then(|(_, st)| ApplicationStatus::from_slug(st));
            if !revision_fits(status, s.revision) {
                return Ok(Intake::Conflict);
            }
            let received = ApplicationStatus::Received.slug();
            let seq = match application {
                Some((seq, _)) => {
                    tx.execute(
                        "UPDATE applications SET status = ?2, updated_at = ?3 WHERE seq = ?1",
                        params![seq, received, s.received_at],
                    )?;
                    seq
                }
                None => {
                    tx.execute(
                        "INSERT INTO applications (device_key, draft_id, guide_id, status,
                            created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                        params![s.device_key, draft, s.guide_id, received, s.received_at],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            let inserted = tx.execute(
                "INSERT INTO submissions (submission_id, application_seq, idempotency_key,
                    device_key, revision, body_sha256, body, signature, signed_at, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT DO NOTHING",
                params![
                    s.submission_id.to_string(),
                    seq,
                    s.idempotency_key,
                    s.device_key,
                    s.revision,
                    s.body_sha256,
                    s.body,
                    s.signature,
                    s.signed_at,
                    s.received_at,
                ],
            )?;
            if inserted == 0 {
                // The submission id was used under another key: roll the application back.
                return Ok(Intake::Conflict);
            }
            let event = EventKind::Status {
                status: ApplicationStatus::Received,
                message: String::new(),
            };
            insert_event(&tx, seq, &event, "intake", s.received_at)?;
            let row = submission_by_key(&tx, &s.idempotency_key)?
                .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            tx.commit()?;
            Ok(Intake::New(row))
        })
        .await
    }

    async fn count_submissions(&self) -> anyhow::Result<i64> {
        self.with(|c| c.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0)))
            .await
    }

    async fn applications(&self, filter: ApplicationFilter) -> anyhow::Result<Vec<ApplicationRow>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {APPLICATION_COLUMNS} FROM applications
                 WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR guide_id = ?2)
                 ORDER BY updated_at DESC, seq DESC LIMIT ?3"
            ))?;
            let rows = stmt
                .query_map(
                    params![filter.status.map(|s| s.slug()), filter.guide, filter.limit],
                    application_row,
                )?
                .collect();
            rows
        })
        .await
    }

    async fn application(&self, seq: i64) -> anyhow::Result<Option<ApplicationRow>> {
        self.with(move |c| {
            c.query_row(
                &format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE seq = ?1"),
                [seq],
                application_row,
            )
            .optional()
        })
        .await
    }

    async fn submissions(&self, seq: i64) -> anyhow::Result<Vec<SubmissionDetail>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT revision, submission_id, idempotency_key, body, body_sha256, signature,
                    signed_at, received_at
                 FROM submissions WHERE application_seq = ?1 ORDER BY revision",
            )?;
            let rows = stmt
                .query_map([seq], |r| {
                    Ok(SubmissionDetail {
                        revision: r.get(0)?,
                        submission_id: uuid(r, 1)?,
                        idempotency_key: r.get(2)?,
                        body: r.get(3)?,
                        body_sha256: r.get(4)?,
                        signature: r.get(5)?,
                        signed_at: r.get(6)?,
                        received_at: r.get(7)?,
                    })
                })?
                .collect();
            rows
        })
        .await
    }

    async fn record(
        &self,
        seq: i64,
        event: EventKind,
        actor: &str,
        at: i64,
    ) -> anyhow::Result<EventRow> {
        let actor = actor.to_owned();
        self.with(move |c| {
            let tx = c.transaction()?;
            match &event {
                EventKind::Status { status, .. } => tx.execute(
                    "UPDATE applications SET status = ?2, updated_at = ?3 WHERE seq = ?1",
                    params![seq, status.slug(), at],
                )?,
                EventKind::Routed { department } => tx.execute(
                    "UPDATE applications SET department = ?2, updated_at = ?3 WHERE seq = ?1",
                    params![seq, department, at],
                )?,
                EventKind::Access { .. } => 1,
            };
            let cursor = insert_event(&tx, seq, &event, &actor, at)?;
            let row = tx.query_row(
                &format!(
                    "SELECT {EVENT_COLUMNS} FROM events e
                     JOIN applications a ON a.seq = e.application_seq WHERE e.cursor = ?1"
                ),
                [cursor],
                event_row,
            )?;
            tx.commit()?;
            Ok(row)
        })
        .await
    }

    async fn events(&self, seq: i64) -> anyhow::Result<Vec<EventRow>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events e
                 JOIN applications a ON a.seq = e.application_seq
                 WHERE e.application_seq = ?1 ORDER BY e.cursor"
            ))?;
            let rows = stmt.query_map([seq], event_row)?.collect();
            rows
        })
        .await
    }

    async fn feed(
        &self,
        device_key: &str,
        after: i64,
        limit: u32,
    ) -> anyhow::Result<Vec<EventRow>> {
        let key = device_key.to_owned();
        self.with(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events e
                 JOIN applications a ON a.seq = e.application_seq
                 WHERE a.device_key = ?1 AND e.cursor > ?2 ORDER BY e.cursor LIMIT ?3"
            ))?;
            let rows = stmt
                .query_map(params![key, after, limit], event_row)?
                .collect();
            rows
        })
        .await
    }

    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        admin: bool,
        department: Option<&str>,
    ) -> anyhow::Result<bool> {
        let (u, h, d) = (
            username.to_owned(),
            password_hash.to_owned(),
            department.map(str::to_owned),
        );
        self.with(move |c| {
            let n = c.execute(
                "INSERT INTO staff (username, password_hash, admin, department)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                params![u, h, admin, d],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>> {
        let u = username.to_owned();
        self.with(move |c| {
            c.query_row(
                "SELECT id, username, password_hash, admin, department FROM staff
                 WHERE username = ?1",
                [u],
                staff_row,
            )
            .optional()
        })
        .await
    }

    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        let (t, x) = (token_hash.to_owned(), csrf.to_owned());
        self.with(move |c| {
            c.execute(
                "INSERT INTO sessions (token_hash, staff_id, csrf, expires_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![t, staff, x, expires_at],
            )
            .map(drop)
        })
        .await
    }

    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>> {
        let t = token_hash.to_owned();
        self.with(move |c| {
            c.query_row(
                "SELECT st.id, st.username, st.password_hash, st.admin, st.department,
                    s.csrf, s.expires_at
                 FROM sessions s JOIN staff st ON st.id = s.staff_id
                 WHERE s.token_hash = ?1 AND s.expires_at > ?2",
                params![t, now],
                |r| {
                    Ok(SessionRow {
                        staff: staff_row(r)?,
                        csrf: r.get(5)?,
                        expires_at: r.get(6)?,
                    })
                },
            )
            .optional()
        })
        .await
    }

    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()> {
        let t = token_hash.to_owned();
        self.with(move |c| {
            c.execute("DELETE FROM sessions WHERE token_hash = ?1", [t])
                .map(drop)
        })
        .await
    }

    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow> {
        self.with(move |c| {
            c.execute(
                "INSERT INTO uploads (id, device_key, sha256, length, received_bytes, created_at)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT DO NOTHING",
                params![
                    candidate.id,
                    candidate.device_key,
                    candidate.sha256,
                    candidate.length as i64,
                    candidate.created_at
                ],
            )?;
            c.query_row(
                &format!(
                    "SELECT {UPLOAD_COLUMNS} FROM uploads WHERE device_key = ?1 AND sha256 = ?2"
                ),
                params![candidate.device_key, candidate.sha256],
                upload_row,
            )
        })
        .await
    }

    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>> {
        let id = id.to_owned();
        self.with(move |c| {
            c.query_row(
                &format!("SELECT {UPLOAD_COLUMNS} FROM uploads WHERE id = ?1"),
                [id],
                upload_row,
            )
            .optional()
        })
        .await
    }

    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>> {
        let (d, h) = (device_key.to_owned(), sha256.to_owned());
        self.with(move |c| {
            c.query_row(
                &format!(
                    "SELECT {UPLOAD_COLUMNS} FROM uploads WHERE device_key = ?1 AND sha256 = ?2"
                ),
                [d, h],
                upload_row,
            )
            .optional()
        })
        .await
    }

    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool> {
        let id = id.to_owned();
        self.with(move |c| {
            let n = c.execute(
                "UPDATE uploads SET received_bytes = ?3
                 WHERE id = ?1 AND received_bytes = ?2 AND ?3 <= length",
                params![id, from as i64, to as i64],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn revoke_device(&self, public_key: &str, at: i64) -> anyhow::Result<bool> {
        let key = public_key.to_owned();
        self.with(move |c| {
            c.execute(
                "UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE public_key = ?1",
                params![key, at],
            )
            .map(|n| n == 1)
        })
        .await
    }

    async fn add_signer(&self, row: SignerRow) -> anyhow::Result<bool> {
        self.with(move |c| {
            c.execute(
                "INSERT INTO signers (kind, id, name, public_key, registered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                params![
                    row.kind,
                    row.id,
                    row.name,
                    row.public_key,
                    row.registered_at
                ],
            )
            .map(|n| n == 1)
        })
        .await
    }

    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>> {
        let (kind, id) = (kind.to_owned(), id.to_owned());
        self.with(move |c| {
            c.query_row(
                &format!("SELECT {SIGNER_COLUMNS} FROM signers WHERE kind = ?1 AND id = ?2"),
                params![kind, id],
                signer_row,
            )
            .optional()
        })
        .await
    }

    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>> {
        self.with(|c| {
            c.prepare(&format!(
                "SELECT {SIGNER_COLUMNS} FROM signers ORDER BY kind, id"
            ))?
            .query_map([], signer_row)?
            .collect()
        })
        .await
    }

    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool> {
        let (kind, id) = (kind.to_owned(), id.to_owned());
        self.with(move |c| {
            c.execute(
                "UPDATE signers SET revoked_at = coalesce(revoked_at, ?3)
                 WHERE kind = ?1 AND id = ?2",
                params![kind, id, at],
            )
            .map(|n| n == 1)
        })
        .await
    }

    async fn revoke_delegation(&self, id: Uuid, device_key: &str, at: i64) -> anyhow::Result<i64> {
        let key = device_key.to_owned();
        self.with(move |c| {
            c.execute(
                "INSERT INTO delegation_revocations (id, device_key, revoked_at)
                 VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![id.to_string(), key, at],
            )?;
            c.query_row(
                "SELECT revoked_at FROM delegation_revocations WHERE id = ?1 AND device_key = ?2",
                params![id.to_string(), key],
                |r| r.get(0),
            )
        })
        .await
    }

    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow> {
        self.with(move |c| {
            let tx = c.transaction()?;
            let open = tx
                .query_row(
                    &format!(
                        "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                         WHERE device_key = ?1 AND closed_at IS NULL"
                    ),
                    [&row.device_key],
                    proofing_row,
                )
                .optional()?;
            if let Some(open) = open {
                return Ok(open);
            }
            tx.execute(
                "INSERT INTO proofing_requests (id, device_key, profile, contact, requested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    row.id.to_string(),
                    row.device_key,
                    row.profile,
                    row.contact,
                    row.requested_at
                ],
            )?;
            tx.commit()?;
            Ok(row)
        })
        .await
    }

    async fn proofing_requests(&self, open_only: bool) -> anyhow::Result<Vec<ProofingRow>> {
        self.with(move |c| {
            c.prepare(&format!(
                "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                 WHERE ?1 = 0 OR closed_at IS NULL ORDER BY requested_at"
            ))?
            .query_map([i64::from(open_only)], proofing_row)?
            .collect()
        })
        .await
    }

    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>> {
        self.with(move |c| {
            c.query_row(
                &format!("SELECT {PROOFING_COLUMNS} FROM proofing_requests WHERE id = ?1"),
                [id.to_string()],
                proofing_row,
            )
            .optional()
        })
        .await
    }

    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        let (token, by) = (token.map(str::to_owned), by.to_owned());
        self.with(move |c| {
            c.execute(
                "UPDATE proofing_requests SET closed_at = ?2, closed_by = ?3, token = ?4,
                     profile = '{}', contact = ''
                 WHERE id = ?1 AND closed_at IS NULL",
                params![id.to_string(), at, by, token],
            )
            .map(|n| n == 1)
        })
        .await
    }

    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>> {
        let key = device_key.to_owned();
        self.with(move |c| {
            c.prepare(
                "SELECT id FROM proofing_requests
                 WHERE device_key = ?1 AND closed_at IS NOT NULL AND token IS NULL
                 ORDER BY closed_at",
            )?
            .query_map([key], |r| uuid(r, 0))?
            .collect()
        })
        .await
    }

    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>> {
        let key = device_key.to_owned();
        self.with(move |c| {
            c.prepare(
                "SELECT token FROM proofing_requests
                 WHERE device_key = ?1 AND token IS NOT NULL ORDER BY closed_at",
            )?
            .query_map([key], |r| r.get(0))?
            .collect()
        })
        .await
    }

    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>> {
        let key = device_key.to_owned();
        self.with(move |c| {
            c.query_row(
                "SELECT revoked_at FROM delegation_revocations WHERE id = ?1 AND device_key = ?2",
                params![id.to_string(), key],
                |r| r.get(0),
            )
            .optional()
        })
        .await
    }
}

const PROOFING_COLUMNS: &str =
    "id, device_key, profile, contact, requested_at, closed_at, closed_by, token";

fn proofing_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProofingRow> {
    Ok(ProofingRow {
        id: uuid(r, 0)?,
        device_key: r.get(1)?,
        profile: r.get(2)?,
        contact: r.get(3)?,
        requested_at: r.get(4)?,
        closed_at: r.get(5)?,
        closed_by: r.get(6)?,
        token: r.get(7)?,
    })
}

const SIGNER_COLUMNS: &str = "kind, id, name, public_key, registered_at, revoked_at";

fn signer_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SignerRow> {
    Ok(SignerRow {
        kind: r.get(0)?,
        id: r.get(1)?,
        name: r.get(2)?,
        public_key: r.get(3)?,
        registered_at: r.get(4)?,
        revoked_at: r.get(5)?,
    })
}

const UPLOAD_COLUMNS: &str = "id, device_key, sha256, length, received_bytes, created_at";

fn upload_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UploadRow> {
    Ok(UploadRow {
        id: r.get(0)?,
        device_key: r.get(1)?,
        sha256: r.get(2)?,
        length: r.get::<_, i64>(3)? as u64,
        offset: r.get::<_, i64>(4)? as u64,
        created_at: r.get(5)?,
    })
}
