//! The PostgreSQL side of [`super::Storage`]: tokio-postgres through a small connection pool.
//! The statements themselves live with their aggregate, beside SQLite's.

use std::str::FromStr as _;

use anyhow::Context as _;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::types::ToSql;
use tokio_postgres::NoTls;

use super::row::Row;

/// Applied in order, once each; a shipped migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_meta.sql"),
    include_str!("../../migrations/postgres/0002_devices_applications_staff_uploads.sql"),
    include_str!("../../migrations/postgres/0003_signers_delegations_proofing.sql"),
    include_str!("../../migrations/postgres/0004_versions_and_disabled_staff.sql"),
    include_str!("../../migrations/postgres/0005_staff_roles.sql"),
    include_str!("../../migrations/postgres/0006_access_log.sql"),
];

/// An arbitrary constant naming the lock that serialises migrations between backends starting
/// at once.
const MIGRATION_LOCK: i64 = 0x486f_6d65_7761_7264;

#[derive(Clone)]
pub struct PgStorage {
    pool: Pool,
}

impl std::fmt::Debug for PgStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStorage").finish_non_exhaustive()
    }
}

impl PgStorage {
    /// Connects to `url` (`postgres://user@host:port/db`) and brings the schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let config = tokio_postgres::Config::from_str(url)
            .context("the PostgreSQL URL is not valid (postgres://USER@HOST:PORT/DB)")?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(16)
            .build()
            .context("building the PostgreSQL pool")?;
        let storage = PgStorage { pool };
        storage.migrate().await?;
        Ok(storage)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        let mut client = self.pool.get().await.context("connecting to PostgreSQL")?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            .await?;
        let found: i32 = tx
            .query_opt("SELECT version FROM schema_version", &[])
            .await?
            .map_or(0, |r| r.get(0));
        let found = usize::try_from(found).context("a negative schema version")?;
        anyhow::ensure!(
            found <= MIGRATIONS.len(),
            "the database was written by a newer homeward-backend (schema {found}); update it"
        );
        for sql in MIGRATIONS.iter().skip(found) {
            tx.batch_execute(sql).await?;
        }
        let version = i32::try_from(MIGRATIONS.len())?;
        tx.execute("DELETE FROM schema_version", &[]).await?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&version],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn client(&self) -> anyhow::Result<deadpool_postgres::Object> {
        self.pool.get().await.context("connecting to PostgreSQL")
    }
}

/// A statement's parameters.
pub(super) type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// One statement on a pooled connection: the shape most methods have, so they read as their
/// SQL.
impl PgStorage {
    /// The first row `sql` selects, if any, read by `f`.
    pub(super) async fn first_row<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        f: impl FnOnce(&dyn Row) -> anyhow::Result<T> + Send,
    ) -> anyhow::Result<Option<T>> {
        let row = self.client().await?.query_opt(sql, params).await?;
        row.map(|r| f(&r)).transpose()
    }

    /// Every row `sql` selects, each read by `f`.
    pub(super) async fn all_rows<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        f: impl Fn(&dyn Row) -> anyhow::Result<T> + Send,
    ) -> anyhow::Result<Vec<T>> {
        let rows = self.client().await?.query(sql, params).await?;
        rows.iter().map(|r| f(r)).collect()
    }

    /// Runs `sql`; how many rows it changed.
    pub(super) async fn exec(&self, sql: &str, params: Params<'_>) -> anyhow::Result<u64> {
        Ok(self.client().await?.execute(sql, params).await?)
    }

    /// Runs `write`, then reads the one row `read` selects: an insert that may do nothing,
    /// then what the table holds.
    pub(super) async fn write_then_read<T>(
        &self,
        write: &str,
        read: &str,
        params: (Params<'_>, Params<'_>),
        f: impl FnOnce(&dyn Row) -> anyhow::Result<T> + Send,
    ) -> anyhow::Result<T> {
        let client = self.client().await?;
        client.execute(write, params.0).await?;
        f(&client.query_one(read, params.1).await?)
    }
}
