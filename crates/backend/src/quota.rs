//! Limits per hour on what one client address or one device may do (registering devices,
//! sending applications that need no proof of identity, looking up receipts, writing to the
//! office), counted in the database ([`crate::storage::Counters`]) so that every backend
//! process on it counts together.

use crate::storage::Storage;

/// The longest window any count runs in: a count older than this has expired whatever it
/// counts, and is swept.
pub(crate) const LONGEST_WINDOW_MS: i64 = 3600 * 1000;

#[derive(Debug)]
pub(crate) struct Windowed {
    /// What is counted, so counts of different things never mix.
    scope: &'static str,
    max: u32,
    window_ms: i64,
}

impl Windowed {
    pub(crate) fn per_hour(scope: &'static str, max: u32) -> Self {
        Windowed {
            scope,
            max,
            window_ms: 3600 * 1000,
        }
    }

    /// Counts `item` for `key` at `now` if `key` is under the limit, or if `item` was counted
    /// already (a retry); false, counting nothing, if not.
    pub(crate) async fn take_item(
        &self,
        db: &dyn Storage,
        key: &str,
        item: &str,
        now: i64,
    ) -> anyhow::Result<bool> {
        db.take_item(self.scope, key, item, self.max, self.window_ms, now)
            .await
    }

    /// Counts one for `key` at `now` if it is under the limit; false, counting nothing, if not.
    pub(crate) async fn take(&self, db: &dyn Storage, key: &str, now: i64) -> anyhow::Result<bool> {
        db.take(self.scope, key, self.max, self.window_ms, now)
            .await
    }
}
