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

    /// Takes one back from `key`'s count (something counted that should not have been).
    async fn give_back(&self, scope: &str, key: &str) -> anyhow::Result<()>;

    /// Forgets `key`'s count.
    async fn clear_count(&self, scope: &str, key: &str) -> anyhow::Result<()>;

    /// Forgets every count whose window (`window_ms` long) ended before `now`; how many.
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
        let swept = self.exec(
            "DELETE FROM counters WHERE since < ?1",
            vec![(now - window_ms).into()],
        );
        Ok(u64::try_from(swept.await?)?)
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
        self.exec(
            "DELETE FROM counters WHERE since < $1",
            &[&(now - window_ms)],
        )
        .await
    }
}
