//! The local database: SQLite encrypted with SQLCipher, one file per installation.
//!
//! Every write is one transaction in WAL mode with `synchronous = FULL`, so an edit the UI was told
//! is saved survives the process being killed, and the machine losing power, at any instant.
//! Schema changes go through [`migrations`]; a shipped migration is never edited.

mod conversation;
mod drafts;
mod migrations;
mod outbox;

pub use drafts::NewDraft;
pub use outbox::{Frozen, OutboxMaterial, OutboxRow, TakenOver};

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension as _};
use zeroize::Zeroizing;

use crate::error::{CoreError, Result};

pub use migrations::SCHEMA_VERSION;

/// The open, unlocked database.
pub struct Store {
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

/// How many times keying is tried before the error is reported.
const KEYING_ATTEMPTS: u32 = 5;

/// SQLite's own initialisation in this process, done once, alone.
static SQLITE_READY: std::sync::Once = std::sync::Once::new();

/// A connection to `path` keyed with `key`.
///
/// SQLCipher finishes setting itself up *after* SQLite has marked itself initialised and let go
/// of its lock, so a connection keyed on another thread in that moment is refused ("An error
/// occurred with PRAGMA key"), without a log line (its logging is not set up yet either). So the
/// first connection of the process is opened alone, under a `Once`, which returns only when
/// SQLCipher is ready; and keying is tried again a little later, a few times, in case something
/// other than this store (the backend's SQLite, in the tests) started SQLite at that moment. A
/// wrong key is not detected here (the first read finds it) and so is never retried.
fn keyed_connection(path: &Path, key: &[u8; 32]) -> Result<Connection> {
    SQLITE_READY.call_once(|| {
        if let Err(e) = Connection::open_in_memory() {
            tracing::warn!(error = %e, "SQLite could not be initialised");
        }
    });
    let pragma = Zeroizing::new(format!("x'{}'", hex::encode(key)));
    let mut attempt = 1;
    loop {
        let conn = Connection::open(path)?;
        match conn.pragma_update(None, "key", pragma.as_str()) {
            Ok(()) => return Ok(conn),
            Err(e) if attempt < KEYING_ATTEMPTS => {
                tracing::warn!(attempt, error = %e, "keying the database failed; trying again");
                std::thread::sleep(std::time::Duration::from_millis(20 << attempt));
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` with `key`, and brings its schema up to
    /// date. A wrong key is reported as a storage error, never as an empty database.
    pub fn open(path: &Path, key: &[u8; 32]) -> Result<Self> {
        let mut conn = keyed_connection(path, key)?;
        // Reading the schema is the first access that needs the key.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations::run(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (each write is a
        // transaction), so a poisoned lock is safe to use.
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Sets several settings in one transaction: all of them, or none.
    pub fn set_settings(&self, pairs: &[(&str, &str)]) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for (key, value) in pairs {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn delete_setting(&self, key: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    pub fn remove_setting(&self, key: &str) -> Result<()> {
        self.conn()
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    /// The cached catalogue pack of `city` taken from its backend, if any, as raw JSON.
    pub fn cached_pack(&self, city: &str) -> Result<Option<Vec<u8>>> {
        Ok(self.cached_pack_row(city)?.map(|(_, body)| body))
    }

    /// The cached pack of `city` with its version, to hand on as it is.
    pub fn cached_pack_row(&self, city: &str) -> Result<Option<(u64, Vec<u8>)>> {
        let row: Option<(i64, Vec<u8>)> = self
            .conn()
            .query_row(
                "SELECT version, body FROM catalog_packs WHERE city = ?1",
                [city],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(v, b)| u64::try_from(v).ok().map(|v| (v, b))))
    }

    pub fn cache_pack(&self, city: &str, version: u64, body: &[u8]) -> Result<()> {
        let version = i64::try_from(version).map_err(|_| CoreError::Catalogue("version".into()))?;
        self.conn().execute(
            "INSERT INTO catalog_packs (city, version, body) VALUES (?1, ?2, ?3)
             ON CONFLICT (city) DO UPDATE SET version = excluded.version, body = excluded.body",
            rusqlite::params![city, version, body],
        )?;
        Ok(())
    }
}

impl Store {
    /// SQLite's `PRAGMA integrity_check`: an error names what is damaged.
    pub fn check_integrity(&self) -> Result<()> {
        let report: String = self
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if report == "ok" {
            Ok(())
        } else {
            Err(CoreError::Damaged(report))
        }
    }

    /// The indexes of the materials the person has ticked for a guide.
    pub fn checked_materials(&self, guide: &str) -> Result<Vec<u32>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT material_index FROM material_checks WHERE guide_id = ?1 ORDER BY 1",
        )?;
        let rows = stmt
            .query_map([guide], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn set_material_checked(
        &self,
        guide: &str,
        index: u32,
        checked: bool,
        now: i64,
    ) -> Result<()> {
        let conn = self.conn();
        if checked {
            conn.execute(
                "INSERT INTO material_checks (guide_id, material_index, checked_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                rusqlite::params![guide, index, now],
            )?;
        } else {
            conn.execute(
                "DELETE FROM material_checks WHERE guide_id = ?1 AND material_index = ?2",
                rusqlite::params![guide, index],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
