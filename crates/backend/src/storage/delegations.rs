//! Entrustment letters revoked by the device that signed them (only the letter's number and
//! the device are kept).

use async_trait::async_trait;
use rusqlite::params;
use uuid::Uuid;

use super::{sqlite, PgStorage, SqliteStorage};

#[async_trait]
pub trait Delegations: Send + Sync {
    /// Records that `device_key` revoked its delegation `id`; returns when (the first
    /// revocation's time, if it was revoked before). Keyed by both, so a revocation sent by
    /// another device neither counts nor stands in the way.
    async fn revoke_delegation(&self, id: Uuid, device_key: &str, at: i64) -> anyhow::Result<i64>;

    /// When `device_key` revoked its delegation `id`, if it did.
    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>>;
}

#[async_trait]
impl Delegations for SqliteStorage {
    async fn revoke_delegation(&self, id: Uuid, device_key: &str, at: i64) -> anyhow::Result<i64> {
        let key = device_key.to_owned();
        self.with(move |c| {
            c.execute(
                "INSERT INTO delegation_revocations (id, device_key, revoked_at)
                 VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![id.to_string(), key, at],
            )?;
            sqlite::one(
                c,
                "SELECT revoked_at FROM delegation_revocations WHERE id = ?1 AND device_key = ?2",
                params![id.to_string(), key],
                |r| r.int(0),
            )
        })
        .await
    }

    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>> {
        let key = device_key.to_owned();
        self.with(move |c| {
            sqlite::first(
                c,
                "SELECT revoked_at FROM delegation_revocations WHERE id = ?1 AND device_key = ?2",
                params![id.to_string(), key],
                |r| r.int(0),
            )
        })
        .await
    }
}

#[async_trait]
impl Delegations for PgStorage {
    async fn revoke_delegation(&self, id: Uuid, device_key: &str, at: i64) -> anyhow::Result<i64> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO delegation_revocations (id, device_key, revoked_at)
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&id, &device_key, &at],
            )
            .await?;
        let row = client
            .query_one(
                "SELECT revoked_at FROM delegation_revocations WHERE id = $1 AND device_key = $2",
                &[&id, &device_key],
            )
            .await?;
        Ok(row.try_get(0)?)
    }

    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT revoked_at FROM delegation_revocations WHERE id = $1 AND device_key = $2",
                &[&id, &device_key],
            )
            .await?;
        row.map(|r| r.try_get(0)).transpose().map_err(Into::into)
    }
}
