//! Bookkeeping: whether the database answers, and values the backend keeps for itself.

use super::sqlite::text;
use super::{PgStorage, SqliteStorage};
use async_trait::async_trait;

#[async_trait]
pub trait Meta: Send + Sync {
    /// Whether the database answers.
    async fn ping(&self) -> anyhow::Result<()>;

    /// The value stored under `key`, storing `value` first if there is none; of two racing
    /// callers, both get the value that won.
    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String>;

    /// The value stored under `key`, if any.
    async fn meta(&self, key: &str) -> anyhow::Result<Option<String>>;

    /// Forgets the value stored under `key`.
    async fn forget_meta(&self, key: &str) -> anyhow::Result<()>;
}

#[async_trait]
impl Meta for SqliteStorage {
    async fn ping(&self) -> anyhow::Result<()> {
        self.first_row("SELECT 1".into(), vec![], |r| r.int(0))
            .await
            .map(drop)
    }

    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        self.write_then_read(
            "INSERT INTO server_meta (key, value) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            "SELECT value FROM server_meta WHERE key = ?1".into(),
            (vec![text(key), value.into()], vec![text(key)]),
            |r| r.text(0),
        )
        .await
    }

    async fn meta(&self, key: &str) -> anyhow::Result<Option<String>> {
        self.first_row(
            "SELECT value FROM server_meta WHERE key = ?1".into(),
            vec![text(key)],
            |r| r.text(0),
        )
        .await
    }

    async fn forget_meta(&self, key: &str) -> anyhow::Result<()> {
        self.exec("DELETE FROM server_meta WHERE key = ?1", vec![text(key)])
            .await
            .map(drop)
    }
}

#[async_trait]
impl Meta for PgStorage {
    async fn ping(&self) -> anyhow::Result<()> {
        self.exec("SELECT 1", &[]).await.map(drop)
    }

    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        self.write_then_read(
            "INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            "SELECT value FROM server_meta WHERE key = $1",
            (&[&key, &value], &[&key]),
            |r| r.text(0),
        )
        .await
    }

    async fn meta(&self, key: &str) -> anyhow::Result<Option<String>> {
        self.first_row(
            "SELECT value FROM server_meta WHERE key = $1",
            &[&key],
            |r| r.text(0),
        )
        .await
    }

    async fn forget_meta(&self, key: &str) -> anyhow::Result<()> {
        self.exec("DELETE FROM server_meta WHERE key = $1", &[&key])
            .await
            .map(drop)
    }
}
