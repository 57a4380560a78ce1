//! Device keys: registered once, revoked for a lost phone.

use super::row::Row;
use super::sqlite::text;
use super::{PgStorage, SqliteStorage};
use async_trait::async_trait;

/// A registered device key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRow {
    pub public_key: String,
    pub registered_at: i64,
    pub revoked_at: Option<i64>,
}

const COLUMNS: &str = "public_key, registered_at, revoked_at";

fn device_row(r: &dyn Row) -> anyhow::Result<DeviceRow> {
    Ok(DeviceRow {
        public_key: r.text(0)?,
        registered_at: r.int(1)?,
        revoked_at: r.opt_int(2)?,
    })
}

#[async_trait]
pub trait Devices: Send + Sync {
    /// Registers `public_key`; registering again changes nothing and returns the first record.
    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow>;

    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>>;

    /// Revokes a device key from `at` on; false if no such device is registered. A second
    /// revocation keeps the first time.
    async fn revoke_device(&self, public_key: &str, at: i64) -> anyhow::Result<bool>;
}

#[async_trait]
impl Devices for SqliteStorage {
    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow> {
        self.write_then_read(
            "INSERT INTO devices (public_key, registered_at) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
            format!("SELECT {COLUMNS} FROM devices WHERE public_key = ?1"),
            (vec![text(public_key), at.into()], vec![text(public_key)]),
            device_row,
        )
        .await
    }

    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>> {
        self.first_row(
            format!("SELECT {COLUMNS} FROM devices WHERE public_key = ?1"),
            vec![text(public_key)],
            device_row,
        )
        .await
    }

    async fn revoke_device(&self, public_key: &str, at: i64) -> anyhow::Result<bool> {
        self.exec(
            "UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE public_key = ?1",
            vec![text(public_key), at.into()],
        )
        .await
        .map(|n| n == 1)
    }
}

#[async_trait]
impl Devices for PgStorage {
    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow> {
        self.write_then_read(
            "INSERT INTO devices (public_key, registered_at) VALUES ($1, $2)
             ON CONFLICT DO NOTHING",
            &format!("SELECT {COLUMNS} FROM devices WHERE public_key = $1"),
            (&[&public_key, &at], &[&public_key]),
            device_row,
        )
        .await
    }

    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>> {
        self.first_row(
            &format!("SELECT {COLUMNS} FROM devices WHERE public_key = $1"),
            &[&public_key],
            device_row,
        )
        .await
    }

    async fn revoke_device(&self, public_key: &str, at: i64) -> anyhow::Result<bool> {
        self.exec(
            "UPDATE devices SET revoked_at = coalesce(revoked_at, $2) WHERE public_key = $1",
            &[&public_key, &at],
        )
        .await
        .map(|n| n == 1)
    }
}
