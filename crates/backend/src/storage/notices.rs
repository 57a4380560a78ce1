//! The notices feeds: each signer's latest signed feed, kept as it was signed.

use async_trait::async_trait;

use super::row::Row;
use super::sqlite::text;
use super::{PgStorage, SqliteStorage};

/// One signer's feed as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFeedRow {
    pub key_id: String,
    pub version: i64,
    /// The signed envelope, as JSON.
    pub body: String,
    pub updated_at: i64,
}

#[async_trait]
pub trait NoticeFeeds: Send + Sync {
    /// Every stored feed, by key id.
    async fn notice_feeds(&self) -> anyhow::Result<Vec<NoticeFeedRow>>;

    /// Stores `feed` in place of its signer's if it is newer, and as a new signer's only while
    /// fewer than `max_signers` others are kept; whether it was stored. Decided by one
    /// statement, so two racing publications cannot both win or step back.
    async fn put_notice_feed(&self, feed: NoticeFeedRow, max_signers: i64) -> anyhow::Result<bool>;
}

fn feed_row(r: &dyn Row) -> anyhow::Result<NoticeFeedRow> {
    Ok(NoticeFeedRow {
        key_id: r.text(0)?,
        version: r.int(1)?,
        body: r.text(2)?,
        updated_at: r.int(3)?,
    })
}

#[async_trait]
impl NoticeFeeds for SqliteStorage {
    async fn notice_feeds(&self) -> anyhow::Result<Vec<NoticeFeedRow>> {
        self.all_rows(
            "SELECT key_id, version, body, updated_at FROM notice_feeds ORDER BY key_id".into(),
            vec![],
            feed_row,
        )
        .await
    }

    async fn put_notice_feed(&self, feed: NoticeFeedRow, max_signers: i64) -> anyhow::Result<bool> {
        let stored = self
            .exec(
                "INSERT INTO notice_feeds (key_id, version, body, updated_at)
                 SELECT ?1, ?2, ?3, ?4
                 WHERE (SELECT count(*) FROM notice_feeds WHERE key_id <> ?1) < ?5
                 ON CONFLICT (key_id) DO UPDATE SET
                     version = excluded.version, body = excluded.body,
                     updated_at = excluded.updated_at
                 WHERE notice_feeds.version < excluded.version",
                vec![
                    text(&feed.key_id),
                    feed.version.into(),
                    feed.body.into(),
                    feed.updated_at.into(),
                    max_signers.into(),
                ],
            )
            .await?;
        Ok(stored == 1)
    }
}

#[async_trait]
impl NoticeFeeds for PgStorage {
    async fn notice_feeds(&self) -> anyhow::Result<Vec<NoticeFeedRow>> {
        self.all_rows(
            "SELECT key_id, version, body, updated_at FROM notice_feeds ORDER BY key_id",
            &[],
            feed_row,
        )
        .await
    }

    async fn put_notice_feed(&self, feed: NoticeFeedRow, max_signers: i64) -> anyhow::Result<bool> {
        let stored = self
            .exec(
                "INSERT INTO notice_feeds (key_id, version, body, updated_at)
                 SELECT $1::text, $2::bigint, $3::text, $4::bigint
                 WHERE (SELECT count(*) FROM notice_feeds WHERE key_id <> $1) < $5
                 ON CONFLICT (key_id) DO UPDATE SET
                     version = excluded.version, body = excluded.body,
                     updated_at = excluded.updated_at
                 WHERE notice_feeds.version < excluded.version",
                &[
                    &feed.key_id,
                    &feed.version,
                    &feed.body,
                    &feed.updated_at,
                    &max_signers,
                ],
            )
            .await?;
        Ok(stored == 1)
    }
}
