//! Entrustment letters revoked by the device that signed them (only the letter's number and
//! the device are kept).

use async_trait::async_trait;
use uuid::Uuid;

use super::sqlite::text;
use super::{PgStorage, SqliteStorage};

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
        let (id, device) = (id.to_string(), text(device_key));
        self.write_then_read(
            "INSERT INTO delegation_revocations (id, device_key, revoked_at)
             VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            "SELECT revoked_at FROM delegation_revocations WHERE id = ?1 AND device_key = ?2"
                .into(),
            (
                vec![text(&id), device.clone(), at.into()],
                vec![text(&id), device],
            ),
            |r| r.int(0),
        )
        .await
    }

    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>> {
        self.first_row(
            "SELECT revoked_at FROM delegation_revocations WHERE id = ?1 AND device_key = ?2"
                .into(),
            vec![text(&id.to_string()), text(device_key)],
            |r| r.int(0),
        )
        .await
    }
}

#[async_trait]
impl Delegations for PgStorage {
    async fn revoke_delegation(&self, id: Uuid, device_key: &str, at: i64) -> anyhow::Result<i64> {
        self.write_then_read(
            "INSERT INTO delegation_revocations (id, device_key, revoked_at)
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            "SELECT revoked_at FROM delegation_revocations WHERE id = $1 AND device_key = $2",
            (&[&id, &device_key, &at], &[&id, &device_key]),
            |r| r.int(0),
        )
        .await
    }

    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>> {
        self.first_row(
            "SELECT revoked_at FROM delegation_revocations WHERE id = $1 AND device_key = $2",
            &[&id, &device_key],
            |r| r.int(0),
        )
        .await
    }
}
