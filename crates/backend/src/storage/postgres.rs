//! [`Storage`] on PostgreSQL through tokio-postgres and a small connection pool.

use std::str::FromStr as _;

use anyhow::Context as _;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

use super::{repeat_or_conflict, ApplicationRow, DeviceRow, Intake, NewApplication, Storage};

const MIGRATIONS: &[&str] = &[
    // 1: bookkeeping.
    "CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 2: devices and submissions.
    "CREATE TABLE devices (
        public_key TEXT PRIMARY KEY,
        registered_at BIGINT NOT NULL,
        revoked_at BIGINT
    );
    CREATE TABLE applications (
        seq BIGSERIAL PRIMARY KEY,
        submission_id UUID NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        device_key TEXT NOT NULL REFERENCES devices(public_key),
        body_sha256 TEXT NOT NULL,
        body BYTEA NOT NULL,
        signature TEXT NOT NULL,
        signed_at BIGINT NOT NULL,
        guide_id TEXT NOT NULL,
        draft_id UUID NOT NULL,
        revision INTEGER NOT NULL,
        received_at BIGINT NOT NULL,
        status TEXT NOT NULL DEFAULT 'received'
    );",
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
        anyhow::ensure!(
            found as usize <= MIGRATIONS.len(),
            "the database was written by a newer homeward-backend (schema {found}); update it"
        );
        for sql in MIGRATIONS.iter().skip(found as usize) {
            tx.batch_execute(sql).await?;
        }
        let version = MIGRATIONS.len() as i32;
        tx.execute("DELETE FROM schema_version", &[]).await?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&version],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn client(&self) -> anyhow::Result<deadpool_postgres::Object> {
        self.pool.get().await.context("connecting to PostgreSQL")
    }
}

fn device_row(r: &tokio_postgres::Row) -> DeviceRow {
    DeviceRow {
        public_key: r.get(0),
        registered_at: r.get(1),
        revoked_at: r.get(2),
    }
}

fn application_row(r: &tokio_postgres::Row) -> ApplicationRow {
    ApplicationRow {
        seq: r.get(0),
        submission_id: r.get(1),
        idempotency_key: r.get(2),
        device_key: r.get(3),
        body_sha256: r.get(4),
        received_at: r.get(5),
    }
}

impl Storage for PgStorage {
    async fn ping(&self) -> anyhow::Result<()> {
        self.client().await?.execute("SELECT 1", &[]).await?;
        Ok(())
    }

    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&key, &value],
            )
            .await?;
        let row = client
            .query_one("SELECT value FROM server_meta WHERE key = $1", &[&key])
            .await?;
        Ok(row.get(0))
    }

    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO devices (public_key, registered_at) VALUES ($1, $2)
                 ON CONFLICT DO NOTHING",
                &[&public_key, &at],
            )
            .await?;
        let row = client
            .query_one(
                "SELECT public_key, registered_at, revoked_at FROM devices WHERE public_key = $1",
                &[&public_key],
            )
            .await?;
        Ok(device_row(&row))
    }

    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT public_key, registered_at, revoked_at FROM devices WHERE public_key = $1",
                &[&public_key],
            )
            .await?;
        Ok(row.as_ref().map(device_row))
    }

    async fn intake(&self, app: NewApplication) -> anyhow::Result<Intake> {
        let client = self.client().await?;
        let revision = app.revision as i32;
        // One statement: the row is inserted, or the unique constraints say why not.
        let inserted = client
            .query_opt(
                "INSERT INTO applications (submission_id, idempotency_key, device_key,
                    body_sha256, body, signature, signed_at, guide_id, draft_id, revision,
                    received_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                 ON CONFLICT DO NOTHING
                 RETURNING seq, submission_id, idempotency_key, device_key, body_sha256,
                    received_at",
                &[
                    &app.submission_id,
                    &app.idempotency_key,
                    &app.device_key,
                    &app.body_sha256,
                    &app.body,
                    &app.signature,
                    &app.signed_at,
                    &app.guide_id,
                    &app.draft_id,
                    &revision,
                    &app.received_at,
                ],
            )
            .await?;
        if let Some(row) = inserted {
            return Ok(Intake::New(application_row(&row)));
        }
        let existing = client
            .query_opt(
                "SELECT seq, submission_id, idempotency_key, device_key, body_sha256, received_at
                 FROM applications WHERE idempotency_key = $1",
                &[&app.idempotency_key],
            )
            .await?;
        Ok(repeat_or_conflict(
            existing.as_ref().map(application_row),
            &app,
        ))
    }

    async fn count_applications(&self) -> anyhow::Result<i64> {
        let row = self
            .client()
            .await?
            .query_one("SELECT count(*) FROM applications", &[])
            .await?;
        Ok(row.get(0))
    }
}
