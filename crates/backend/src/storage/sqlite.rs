//! The SQLite side of [`super::Storage`]: an embedded file, WAL and full sync, one connection
//! behind a mutex (SQLite writes one transaction at a time anyway), every call on the blocking
//! pool. The statements themselves live with their aggregate, beside PostgreSQL's.

use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Params};

use super::row::Row;

/// Applied in order, once each; a shipped migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_meta.sql"),
    include_str!("../../migrations/sqlite/0002_devices_applications_staff_uploads.sql"),
    include_str!("../../migrations/sqlite/0003_signers_delegations_proofing.sql"),
    include_str!("../../migrations/sqlite/0004_one_open_proofing_request.sql"),
    include_str!("../../migrations/sqlite/0005_versions_and_disabled_staff.sql"),
    include_str!("../../migrations/sqlite/0006_staff_roles.sql"),
    include_str!("../../migrations/sqlite/0007_access_log.sql"),
    include_str!("../../migrations/sqlite/0008_walk_ins.sql"),
    include_str!("../../migrations/sqlite/0009_notice_feeds.sql"),
    include_str!("../../migrations/sqlite/0010_event_requests.sql"),
    include_str!("../../migrations/sqlite/0011_conversations.sql"),
    include_str!("../../migrations/sqlite/0012_indexes_for_scale.sql"),
    include_str!("../../migrations/sqlite/0013_shared_by_every_backend.sql"),
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
    pub(super) async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let mut conn = conn
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut conn)
        })
        .await?
    }
}

/// A statement's parameters, owned so they can go to the blocking pool.
pub(super) type Values = Vec<Value>;

/// Text as a parameter.
pub(super) fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// One statement on the connection, each a call on the blocking pool: the shape most methods
/// have, so they read as their SQL.
impl SqliteStorage {
    /// The first row `sql` selects, if any, read by `f`.
    pub(super) async fn first_row<T: Send + 'static>(
        &self,
        sql: String,
        values: Values,
        f: impl FnOnce(&dyn Row) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<Option<T>> {
        self.with(move |c| first(c, &sql, params_from_iter(values), f))
            .await
    }

    /// Every row `sql` selects, each read by `f`.
    pub(super) async fn all_rows<T: Send + 'static>(
        &self,
        sql: String,
        values: Values,
        f: impl Fn(&dyn Row) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<Vec<T>> {
        self.with(move |c| all(c, &sql, params_from_iter(values), f))
            .await
    }

    /// Runs `sql`; how many rows it changed.
    pub(super) async fn exec(&self, sql: &'static str, values: Values) -> anyhow::Result<usize> {
        self.with(move |c| Ok(c.execute(sql, params_from_iter(values))?))
            .await
    }

    /// Runs `write`, then reads the one row `read` selects: an insert that may do nothing,
    /// then what the table holds.
    pub(super) async fn write_then_read<T: Send + 'static>(
        &self,
        write: &'static str,
        read: String,
        values: (Values, Values),
        f: impl FnOnce(&dyn Row) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        self.with(move |c| {
            c.execute(write, params_from_iter(values.0))?;
            one(c, &read, params_from_iter(values.1), f)
        })
        .await
    }
}

/// Every row `sql` selects, each read by `f`.
pub(super) fn all<T>(
    c: &Connection,
    sql: &str,
    params: impl Params,
    f: impl Fn(&dyn Row) -> anyhow::Result<T>,
) -> anyhow::Result<Vec<T>> {
    let mut stmt = c.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = vec![];
    while let Some(row) = rows.next()? {
        out.push(f(row)?);
    }
    Ok(out)
}

/// The first row `sql` selects, if any, read by `f`.
pub(super) fn first<T>(
    c: &Connection,
    sql: &str,
    params: impl Params,
    f: impl FnOnce(&dyn Row) -> anyhow::Result<T>,
) -> anyhow::Result<Option<T>> {
    let mut stmt = c.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    match rows.next()? {
        Some(row) => f(row).map(Some),
        None => Ok(None),
    }
}

/// The one row `sql` selects, read by `f`.
pub(super) fn one<T>(
    c: &Connection,
    sql: &str,
    params: impl Params,
    f: impl FnOnce(&dyn Row) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    first(c, sql, params, f)?.context("a row that must exist is missing")
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
        let found = usize::try_from(found).context("a negative schema version")?;
        anyhow::ensure!(
            found <= MIGRATIONS.len(),
            "the database {} was written by a newer homeward-backend (schema {found}); update it",
            path.display()
        );
        let Some(sql) = MIGRATIONS.get(found) else {
            break;
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i64::try_from(found + 1)?)?;
        tx.commit()?;
    }
    Ok(SqliteStorage {
        conn: Arc::new(Mutex::new(conn)),
    })
}
