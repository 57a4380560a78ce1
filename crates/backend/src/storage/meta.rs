//! Bookkeeping: whether the database answers, and values the backend keeps for itself.

use async_trait::async_trait;
use rusqlite::params;

use super::{sqlite, PgStorage, SqliteStorage};

#[async_trait]
pub trait Meta: Send + Sync {
    /// Whether the database answers.
    async fn ping(&self) -> anyhow::Result<()>;

    /// The value stored under `key`, storing `value` first if there is none; of two racing
    /// callers, both get the value that won.
    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String>;
}

#[async_trait]
impl Meta for SqliteStorage {
    async fn ping(&self) -> anyhow::Result<()> {
        self.with(|c| Ok(c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))?))
            .await
            .map(drop)
    }

    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        let key = key.to_owned();
        self.with(move |c| {
            c.execute(
                "INSERT INTO server_meta (key, value) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                params![key, value],
            )?;
            sqlite::one(
                c,
                "SELECT value FROM server_meta WHERE key = ?1",
                [&key],
                |r| r.text(0),
            )
        })
        .await
    }
}

#[async_trait]
impl Meta for PgStorage {
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
        Ok(row.try_get(0)?)
    }
}
