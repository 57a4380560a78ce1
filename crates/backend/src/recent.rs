//! Rows read from the database lately (a device, a signer), kept for a few seconds so that a
//! device sending many requests does not cost a lookup each time.
//!
//! Only rows that were found are kept: a device registered a moment ago on another backend
//! instance is never refused because this one remembers it missing. A revocation made through
//! this instance is seen at once ([`Recent::forget`]); one made through another instance, or by
//! the operators' command line, within [`TTL_MS`]. Intake does not rely on that bound: the
//! statement that stores a submission checks the device and every signer it relies on again, in
//! the same transaction.

use std::collections::HashMap;
use std::sync::Mutex;

/// How long a row read is trusted.
pub(crate) const TTL_MS: i64 = 5_000;

/// At most this many rows are kept; when full, stale ones are dropped, and if none is stale the
/// whole store is emptied (a lookup more, never a wrong answer).
const MAX_ENTRIES: usize = 50_000;

#[derive(Debug)]
pub(crate) struct Recent<V> {
    entries: Mutex<HashMap<String, (V, i64)>>,
}

impl<V> Default for Recent<V> {
    fn default() -> Self {
        Recent {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<V: Clone> Recent<V> {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, (V, i64)>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The row kept for `key`, if it was read less than [`TTL_MS`] before `now`.
    pub(crate) fn get(&self, key: &str, now: i64) -> Option<V> {
        let entries = self.entries();
        let (value, at) = entries.get(key)?;
        (now.saturating_sub(*at) < TTL_MS && now >= *at).then(|| value.clone())
    }

    /// Keeps `value`, read from the database at `now`.
    pub(crate) fn put(&self, key: &str, value: V, now: i64) {
        let mut entries = self.entries();
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(key) {
            entries.retain(|_, (_, at)| now.saturating_sub(*at) < TTL_MS);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(key.to_owned(), (value, now));
    }

    /// The row kept for `key`, or the one `load` reads from the database (kept if found).
    pub(crate) async fn get_or_load(
        &self,
        key: &str,
        now: i64,
        load: impl std::future::Future<Output = anyhow::Result<Option<V>>>,
    ) -> anyhow::Result<Option<V>> {
        if let Some(row) = self.get(key, now) {
            return Ok(Some(row));
        }
        let row = load.await?;
        if let Some(row) = &row {
            self.put(key, row.clone(), now);
        }
        Ok(row)
    }

    /// Drops what is kept for `key`: it changed.
    pub(crate) fn forget(&self, key: &str) {
        self.entries().remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_kept_for_the_ttl_and_forgotten_on_demand() {
        let r = Recent::default();
        r.put("a", 1, 1_000);
        assert_eq!(r.get("a", 1_000 + TTL_MS - 1), Some(1));
        assert_eq!(r.get("a", 1_000 + TTL_MS), None, "stale");
        assert_eq!(
            r.get("a", 999),
            None,
            "a clock that went back trusts nothing"
        );
        assert_eq!(r.get("b", 1_000), None);
        r.forget("a");
        assert_eq!(r.get("a", 1_001), None);
    }

    #[test]
    fn a_full_store_drops_stale_rows_first_and_never_grows_past_its_bound() {
        let r = Recent::default();
        for i in 0..MAX_ENTRIES {
            r.put(&i.to_string(), i, 0);
        }
        r.put("fresh", 0, TTL_MS);
        assert_eq!(r.entries().len(), 1, "every stale row went");
        for i in 0..MAX_ENTRIES {
            r.put(&i.to_string(), i, TTL_MS);
        }
        assert!(r.entries().len() <= MAX_ENTRIES);
        r.put("one more", 0, TTL_MS);
        assert!(r.entries().len() <= MAX_ENTRIES);
        assert_eq!(r.get("one more", TTL_MS), Some(0));
    }
}
