//! Counts in windows (devices registered per address, sign-in attempts per name, ...), kept in
//! the database so that every backend process on it counts together: a client cannot get past
//! a limit by reaching another instance. Each count is taken or refused in one statement, so
//! two requests racing each other cannot both take the last one.

use async_trait::async_trait;

use super::sqlite::text;
use super::{PgStorage, SqliteStorage};

#[async_trait]
pub trait Counters: Send + Sync {
    /// Counts one for `key` in `scope` at `now` if it is under `max` in its window (`window_ms`
    /// from its first count); false, counting nothing, if not.
    async fn take(
        &self,
        scope: &str,
        key: &str,
        max: u32,
        window_ms: i64,
        now: i64,
    ) -> anyhow::Result<bool>;

    /// Counts `item` for `key` in `scope` at `now` if fewer than `max` items were counted in the
    /// `window_ms` before; true also if this very item was counted already (a retry of it is
    /// not new). Requests that fail after counting, or a process killed mid-request, leave the
    /// item counted once, never twice.
    async fn take_item(
        &self,
        scope: &str,
        key: &str,
        item: &str,
        max: u32,
        window_ms: i64,
        now: i64,
    ) -> anyhow::Result<bool>;

    /// Takes one back from `key`'s count (something counted that should not have been).
    async fn give_back(&self, scope: &str, key: &str) -> anyhow::Result<()>;

    /// Forgets `key`'s count.
    async fn clear_count(&self, scope: &str, key: &str) -> anyhow::Result<()>;

    /// Forgets every count and counted item whose window (`window_ms` long) ended before `now`;
    /// how many.
    async fn sweep_counts(&self, window_ms: i64, now: i64) -> anyhow::Result<u64>;
}

/// Starts a window or counts one more in it, unless the window is full: then no row comes back.
/// `$3` is the limit, `$4` the window's length, `$5` now; the same text runs on both databases
/// with their own placeholders.
fn take_sql(mark: char) -> String {
    format!(
        "INSERT INTO counters (scope, key, count, since) VALUES ({m}1, {m}2, 1, {m}5)
         ON CONFLICT (scope, key) DO UPDATE SET
             count = CASE WHEN counters.since < {m}5 - {m}4 THEN 1 ELSE counters.count + 1 END,
             since = CASE WHEN counters.since < {m}5 - {m}4 THEN {m}5 ELSE counters.since END
         WHERE counters.since < {m}5 - {m}4 OR counters.count < {m}3
         RETURNING count",
        m = mark
    )
}

const ITEM_KNOWN: &str = "SELECT 1 FROM counted_items WHERE scope = ?1 AND key = ?2 AND item = ?3";
/// Counts the item if fewer than `?6` were counted since `?5 - ?4`. Two callers racing with
/// different items may both pass at the limit: these limits stop floods, not the last one.
const ITEM_TAKE: &str = "INSERT INTO counted_items (scope, key, item, at)
    SELECT CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?5 AS BIGINT)
    WHERE (SELECT count(*) FROM counted_items
           WHERE scope = ?1 AND key = ?2 AND at > CAST(?5 AS BIGINT) - CAST(?4 AS BIGINT))
          < CAST(?6 AS BIGINT)
    ON CONFLICT (scope, key, item) DO NOTHING";

#[async_trait]
impl Counters for SqliteStorage {
    async fn take(
        &self,
        scope: &str,
        key: &str,
        max: u32,
        window_ms: i64,
        now: i64,
    ) -> anyhow::Result<bool> {
        if max == 0 {
            return Ok(false);
        }
        let taken = self.first_row(
            take_sql('?'),
            vec![
                text(scope),
                text(key),
                i64::from(max).into(),
                window_ms.into(),
                now.into(),
            ],
            |r| r.int(0),
        );
        Ok(taken.await?.is_some())
    }

    async fn take_item(
        &self,
        scope: &str,
        key: &str,
        item: &str,
        max: u32,
        window_ms: i64,
        now: i64,
    ) -> anyhow::Result<bool> {
        let (scope, key, item) = (scope.to_owned(), key.to_owned(), item.to_owned());
        self.with(move |c| {
            if c.query_row(ITEM_KNOWN, rusqlite::params![scope, key, item], |_| Ok(()))
                .is_ok()
            {
                return Ok(true);
            }
            let taken = c.execute(
                ITEM_TAKE,
                rusqlite::params![scope, key, item, window_ms, now, i64::from(max)],
            )?;
            Ok(taken == 1)
        })
        .await
    }

    async fn give_back(&self, scope: &str, key: &str) -> anyhow::Result<()> {
        self.exec(
            "UPDATE counters SET count = count - 1 WHERE scope = ?1 AND key = ?2 AND count > 0",
            vec![text(scope), text(key)],
        )
        .await
        .map(drop)
    }

    async fn clear_count(&self, scope: &str, key: &str) -> anyhow::Result<()> {
        self.exec(
            "DELETE FROM counters WHERE scope = ?1 AND key = ?2",
            vec![text(scope), text(key)],
        )
        .await
        .map(drop)
    }

    async fn sweep_counts(&self, window_ms: i64, now: i64) -> anyhow::Result<u64> {
        let before = now - window_ms;
        let counts = self.exec("DELETE FROM counters WHERE since < ?1", vec![before.into()]);
        let counts = counts.await?;
        let items = self.exec(
            "DELETE FROM counted_items WHERE at < ?1",
            vec![before.into()],
        );
        Ok(u64::try_from(counts + items.await?)?)
    }
}

#[async_trait]
impl Counters for PgStorage {
    async fn take(
        &self,
        scope: &str,
        key: &str,
        max: u32,
        window_ms: i64,
        now: i64,
    ) -> anyhow::Result<bool> {
        if max == 0 {
            return Ok(false);
        }
        let max = i64::from(max);
        let sql = take_sql('$');
        let taken = self
            .first_row(&sql, &[&scope, &key, &max, &window_ms, &now], |r| r.int(0))
            .await?;
        Ok(taken.is_some())
    }

    async fn take_item(
        &self,
        scope: &str,
        key: &str,
        item: &str,
        max: u32,
        window_ms: i64,
        now: i64,
    ) -> anyhow::Result<bool> {
        let known = self
            .first_row(&ITEM_KNOWN.replace('?', "$"), &[&scope, &key, &item], |r| {
                r.int(0)
            })
            .await?;
        if known.is_some() {
            return Ok(true);
        }
        let max = i64::from(max);
        let taken = self
            .exec(
                &ITEM_TAKE.replace('?', "$"),
                &[&scope, &key, &item, &window_ms, &now, &max],
            )
            .await?;
        Ok(taken == 1)
    }

    async fn give_back(&self, scope: &str, key: &str) -> anyhow::Result<()> {
        self.exec(
            "UPDATE counters SET count = count - 1 WHERE scope = $1 AND key = $2 AND count > 0",
            &[&scope, &key],
        )
        .await
        .map(drop)
    }

    async fn clear_count(&self, scope: &str, key: &str) -> anyhow::Result<()> {
        self.exec(
            "DELETE FROM counters WHERE scope = $1 AND key = $2",
            &[&scope, &key],
        )
        .await
        .map(drop)
    }

    async fn sweep_counts(&self, window_ms: i64, now: i64) -> anyhow::Result<u64> {
        let before = now - window_ms;
        let counts = self
            .exec("DELETE FROM counters WHERE since < $1", &[&before])
            .await?;
        let items = self
            .exec("DELETE FROM counted_items WHERE at < $1", &[&before])
            .await?;
        Ok(counts + items)
    }
}
