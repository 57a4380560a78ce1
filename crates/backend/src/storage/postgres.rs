//! The PostgreSQL side of [`super::Storage`]: tokio-postgres through a small connection pool.
//! The statements themselves live with their aggregate, beside SQLite's.

use std::str::FromStr as _;
use std::time::Duration;

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
    include_str!("../../migrations/postgres/0007_walk_ins.sql"),
    include_str!("../../migrations/postgres/0008_notice_feeds.sql"),
    include_str!("../../migrations/postgres/0009_event_requests.sql"),
    include_str!("../../migrations/postgres/0010_conversations.sql"),
    include_str!("../../migrations/postgres/0011_indexes_for_scale.sql"),
    include_str!("../../migrations/postgres/0012_intake_function.sql"),
    include_str!("../../migrations/postgres/0013_shared_by_every_backend.sql"),
    include_str!("../../migrations/postgres/0014_intake_many.sql"),
];

/// How long connecting, or waiting for a connection, may take.
const TIMEOUT: Duration = Duration::from_secs(5);
/// How long one statement may run on the server.
const STATEMENT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the backend waits for the database to answer one statement, however the link
/// behaves: a little beyond the server's own limit.
pub(super) const ANSWER_TIMEOUT: Duration = Duration::from_secs(12);

/// `work` (a connection taken from the pool and a statement run on it), or
/// [`super::DatabaseTimeout`] if the database has not answered in [`ANSWER_TIMEOUT`].
pub(super) async fn bounded<T>(
    work: impl std::future::Future<Output = anyhow::Result<T>>,
) -> anyhow::Result<T> {
    tokio::time::timeout(ANSWER_TIMEOUT, work)
        .await
        .map_err(|_| anyhow::Error::new(super::DatabaseTimeout(ANSWER_TIMEOUT)))?
}

/// Whether every host of `config` is on this machine: a Unix socket or a loopback address.
fn is_local(config: &tokio_postgres::Config) -> bool {
    use tokio_postgres::config::Host;
    !config.get_hosts().is_empty()
        && config.get_hosts().iter().all(|h| match h {
            Host::Tcp(name) => {
                name == "localhost"
                    || name
                        .trim_start_matches('[')
                        .trim_end_matches(']')
                        .parse::<std::net::IpAddr>()
                        .is_ok_and(|a| a.is_loopback())
            }
            #[cfg(unix)]
            Host::Unix(_) => true,
        })
}

/// TLS for a server elsewhere: rustls with the public web roots.
fn tls() -> anyhow::Result<tokio_postgres_rustls::MakeRustlsConnect> {
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .context("setting up TLS for PostgreSQL")?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// An arbitrary constant naming the lock that serialises migrations between backends starting
/// at once.
const MIGRATION_LOCK: i64 = 0x486f_6d65_7761_7264;

#[derive(Clone)]
pub struct PgStorage {
    pool: Pool,
    /// Where intake leaves submissions to be stored, many in one call when many arrive at
    /// once; `None` in the copy that stores them (see [`super::applications`]).
    pub(super) intake: Option<super::intake_pg::IntakeQueue>,
}

impl std::fmt::Debug for PgStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStorage").finish_non_exhaustive()
    }
}

impl PgStorage {
    /// Connects to `url` (`postgres://user@host:port/db`) and brings the schema up to date.
    ///
    /// A server on this machine (loopback or a Unix socket) is reached as the URL says; any
    /// other only over TLS, its certificate checked against the public roots. Every wait is
    /// bounded: connecting, waiting for a pooled connection, a statement (on the server), and a
    /// link that stops answering (the kernel gives up on unacknowledged data), so a database
    /// that is gone is an error within seconds, never a request hanging.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let mut config = tokio_postgres::Config::from_str(url)
            .context("the PostgreSQL URL is not valid (postgres://USER@HOST:PORT/DB)")?;
        config
            .connect_timeout(TIMEOUT)
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30))
            .tcp_user_timeout(TIMEOUT * 2)
            .options(format!(
                "-c statement_timeout={}",
                STATEMENT_TIMEOUT.as_millis()
            ));
        let manager_config = ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        };
        let manager = if is_local(&config) {
            Manager::from_config(config, NoTls, manager_config)
        } else {
            config.ssl_mode(tokio_postgres::config::SslMode::Require);
            Manager::from_config(config, tls()?, manager_config)
        };
        let pool = Pool::builder(manager)
            .max_size(16)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(TIMEOUT))
            .create_timeout(Some(TIMEOUT))
            .recycle_timeout(Some(TIMEOUT))
            .build()
            .context("building the PostgreSQL pool")?;
        let mut storage = PgStorage { pool, intake: None };
        storage.migrate().await?;
        storage.intake = Some(super::intake_pg::IntakeQueue::start(storage.clone()));
        Ok(storage)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        let mut client = self.pool.get().await.context("connecting to PostgreSQL")?;
        let tx = client.transaction().await?;
        // Neither waiting for another backend's migration nor a migration itself (an index
        // made over a million rows) is one request's statement: no time limit here.
        tx.batch_execute("SET LOCAL statement_timeout = 0").await?;
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
/// SQL. Each statement is prepared once per connection and kept, so running it again is one
/// round trip.
impl PgStorage {
    /// The first row `sql` selects, if any, read by `f`.
    pub(super) async fn first_row<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        f: impl FnOnce(&dyn Row) -> anyhow::Result<T> + Send,
    ) -> anyhow::Result<Option<T>> {
        let row = bounded(async {
            let client = self.client().await?;
            let statement = client.prepare_cached(sql).await?;
            Ok(client.query_opt(&statement, params).await?)
        })
        .await?;
        row.map(|r| f(&r)).transpose()
    }

    /// Every row `sql` selects, each read by `f`.
    pub(super) async fn all_rows<T>(
        &self,
        sql: &str,
        params: Params<'_>,
        f: impl Fn(&dyn Row) -> anyhow::Result<T> + Send,
    ) -> anyhow::Result<Vec<T>> {
        let rows = bounded(async {
            let client = self.client().await?;
            let statement = client.prepare_cached(sql).await?;
            Ok(client.query(&statement, params).await?)
        })
        .await?;
        rows.iter().map(|r| f(r)).collect()
    }

    /// Runs `sql`; how many rows it changed.
    pub(super) async fn exec(&self, sql: &str, params: Params<'_>) -> anyhow::Result<u64> {
        bounded(async {
            let client = self.client().await?;
            let statement = client.prepare_cached(sql).await?;
            Ok(client.execute(&statement, params).await?)
        })
        .await
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
        let row = bounded(async {
            let client = self.client().await?;
            let write = client.prepare_cached(write).await?;
            let read = client.prepare_cached(read).await?;
            client.execute(&write, params.0).await?;
            Ok(client.query_one(&read, params.1).await?)
        })
        .await?;
        f(&row)
    }
}
