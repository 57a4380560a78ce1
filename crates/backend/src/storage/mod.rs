//! The backend's database: one interface, [`Storage`], with two implementations that pass the
//! same test suite: SQLite (embedded, the default) and PostgreSQL (production).
//!
//! Every write that decides something (a submission taken once, a device registered once) is
//! decided by the database's own constraints inside one statement or transaction, so two
//! requests racing each other cannot both win.

mod postgres;
mod sqlite;

use std::future::Future;

use uuid::Uuid;

use crate::settings::DatabaseUrl;

pub use postgres::PgStorage;
pub use sqlite::SqliteStorage;

/// A registered device key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRow {
    pub public_key: String,
    pub registered_at: i64,
    pub revoked_at: Option<i64>,
}

/// A submission to store, with what proves where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApplication {
    pub submission_id: Uuid,
    pub idempotency_key: String,
    pub device_key: String,
    /// Hex SHA-256 of `body`.
    pub body_sha256: String,
    /// The submission JSON exactly as received and signed.
    pub body: Vec<u8>,
    /// The device's signature and the time it signed, kept so staff can verify it again.
    pub signature: String,
    pub signed_at: i64,
    pub guide_id: String,
    pub draft_id: Uuid,
    pub revision: u32,
    pub received_at: i64,
}

/// A stored submission, as intake answers about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRow {
    /// Assigned by the database in arrival order; the reference is made from it.
    pub seq: i64,
    pub submission_id: Uuid,
    pub idempotency_key: String,
    pub device_key: String,
    pub body_sha256: String,
    pub received_at: i64,
}

/// What became of a submission offered for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intake {
    /// Stored now, for the first time.
    New(ApplicationRow),
    /// Stored before with the same body from the same device: the first answer stands.
    Repeat(ApplicationRow),
    /// The idempotency key or the submission id was used before for something else.
    Conflict,
}

/// What the backend keeps. Implementations map their own errors into `anyhow`; callers treat
/// every error as the database being unavailable.
pub trait Storage: Send + Sync {
    /// Whether the database answers.
    fn ping(&self) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// The value stored under `key`, storing `value` first if there is none; of two racing
    /// callers, both get the value that won.
    fn meta_or_insert(
        &self,
        key: &str,
        value: String,
    ) -> impl Future<Output = anyhow::Result<String>> + Send;

    /// Registers `public_key`; registering again changes nothing and returns the first record.
    fn register_device(
        &self,
        public_key: &str,
        at: i64,
    ) -> impl Future<Output = anyhow::Result<DeviceRow>> + Send;

    fn device(
        &self,
        public_key: &str,
    ) -> impl Future<Output = anyhow::Result<Option<DeviceRow>>> + Send;

    /// Stores a submission once: see [`Intake`].
    fn intake(&self, app: NewApplication) -> impl Future<Output = anyhow::Result<Intake>> + Send;

    /// How many submissions are stored.
    fn count_applications(&self) -> impl Future<Output = anyhow::Result<i64>> + Send;
}

/// The database the settings name.
#[derive(Debug, Clone)]
pub enum Database {
    Sqlite(SqliteStorage),
    Postgres(PgStorage),
}

impl Database {
    pub async fn open(url: &DatabaseUrl) -> anyhow::Result<Self> {
        Ok(match url {
            DatabaseUrl::Sqlite(path) => Database::Sqlite(SqliteStorage::open(path).await?),
            DatabaseUrl::Postgres(url) => Database::Postgres(PgStorage::connect(url).await?),
        })
    }
}

/// Forwards each method to the implementation the settings chose.
macro_rules! dispatch {
    ($self:ident, $s:ident => $call:expr) => {
        match $self {
            Database::Sqlite($s) => $call.await,
            Database::Postgres($s) => $call.await,
        }
    };
}

impl Storage for Database {
    async fn ping(&self) -> anyhow::Result<()> {
        dispatch!(self, s => s.ping())
    }

    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        dispatch!(self, s => s.meta_or_insert(key, value))
    }

    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow> {
        dispatch!(self, s => s.register_device(public_key, at))
    }

    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>> {
        dispatch!(self, s => s.device(public_key))
    }

    async fn intake(&self, app: NewApplication) -> anyhow::Result<Intake> {
        dispatch!(self, s => s.intake(app))
    }

    async fn count_applications(&self) -> anyhow::Result<i64> {
        dispatch!(self, s => s.count_applications())
    }
}

/// Decides a repeat against the row already stored under the same idempotency key.
pub(crate) fn repeat_or_conflict(existing: Option<ApplicationRow>, app: &NewApplication) -> Intake {
    match existing {
        Some(row)
            if row.body_sha256 == app.body_sha256
                && row.device_key == app.device_key
                && row.submission_id == app.submission_id =>
        {
            Intake::Repeat(row)
        }
        _ => Intake::Conflict,
    }
}
