//! [`Storage`] on an embedded SQLite file: WAL, full sync, one connection behind a mutex (SQLite
//! writes one transaction at a time anyway), every call on the blocking pool.

use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use rusqlite::{params, Connection, OptionalExtension as _};

use super::{repeat_or_conflict, ApplicationRow, DeviceRow, Intake, NewApplication, Storage};

const MIGRATIONS: &[&str] = &[
    // 1: bookkeeping.
    "CREATE TABLE server_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;",
    // 2: devices and submissions.
    "CREATE TABLE devices (
        public_key TEXT PRIMARY KEY NOT NULL,
        registered_at INTEGER NOT NULL,
        revoked_at INTEGER
    ) STRICT;
    CREATE TABLE applications (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        submission_id TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        device_key TEXT NOT NULL REFERENCES devices(public_key),
        body_sha256 TEXT NOT NULL,
        body BLOB NOT NULL,
        signature TEXT NOT NULL,
        signed_at INTEGER NOT NULL,
        guide_id TEXT NOT NULL,
        draft_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'received'
    ) STRICT;",
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
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    anyhow::ensure!(
        found <= MIGRATIONS.len() as i64,
        "the database {} was written by a newer homeward-backend (schema {found}); update it",
        path.display()
    );
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
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

fn application_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApplicationRow> {
    let id: String = r.get(1)?;
    Ok(ApplicationRow {
        seq: r.get(0)?,
        submission_id: id.parse().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
        })?,
        idempotency_key: r.get(2)?,
        device_key: r.get(3)?,
        body_sha256: r.get(4)?,
        received_at: r.get(5)?,
    })
}

const APPLICATION_COLUMNS: &str =
    "seq, submission_id, idempotency_key, device_key, body_sha256, received_at";

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

    async fn intake(&self, app: NewApplication) -> anyhow::Result<Intake> {
        self.with(move |c| {
            let tx = c.transaction()?;
            let inserted = tx.execute(
                "INSERT INTO applications (submission_id, idempotency_key, device_key,
                    body_sha256, body, signature, signed_at, guide_id, draft_id, revision,
                    received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT DO NOTHING",
                params![
                    app.submission_id.to_string(),
                    app.idempotency_key,
                    app.device_key,
                    app.body_sha256,
                    app.body,
                    app.signature,
                    app.signed_at,
                    app.guide_id,
                    app.draft_id.to_string(),
                    app.revision,
                    app.received_at,
                ],
            )?;
            let row = tx
                .query_row(
                    &format!(
                        "SELECT {APPLICATION_COLUMNS} FROM applications WHERE idempotency_key = ?1"
                    ),
                    [&app.idempotency_key],
                    application_row,
                )
                .optional()?;
            tx.commit()?;
            Ok(match (inserted, row) {
                (1, Some(row)) => Intake::New(row),
                (_, existing) => repeat_or_conflict(existing, &app),
            })
        })
        .await
    }

    async fn count_applications(&self) -> anyhow::Result<i64> {
        self.with(|c| c.query_row("SELECT count(*) FROM applications", [], |r| r.get(0)))
            .await
    }
}
