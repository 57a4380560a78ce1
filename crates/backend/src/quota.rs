//! Counting in windows, for what one client address or one device may do per hour
//! (registering devices, sending applications that need no proof of identity), in bounded
//! memory. Kept in memory: one backend process; several behind a balancer would count in the
//! database.

use std::collections::HashMap;
use std::sync::Mutex;

/// At most this many keys are counted at once; past it, expired ones are dropped, and while it
/// is still full new keys are refused (closed rather than forgetting who is over the limit).
const MAX_KEYS: usize = 100_000;

#[derive(Debug)]
pub(crate) struct Windowed {
    max: u32,
    window_ms: i64,
    counts: Mutex<HashMap<String, (u32, i64)>>,
}

impl Windowed {
    pub(crate) fn per_hour(max: u32) -> Self {
        Windowed {
            max,
            window_ms: 3600 * 1000,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one for `key` at `now` if it is under the limit; false, counting nothing, if not.
    pub(crate) fn take(&self, key: &str, now: i64) -> bool {
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !counts.contains_key(key) && counts.len() >= MAX_KEYS {
            let window = self.window_ms;
            counts.retain(|_, (_, since)| now - *since <= window);
            if counts.len() >= MAX_KEYS {
                return false;
            }
        }
        let entry = counts.entry(key.to_owned()).or_insert((0, now));
        if now - entry.1 > self.window_ms {
            *entry = (0, now);
        }
        if entry.0 >= self.max {
            return false;
        }
        entry.0 += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_count_per_window_and_no_more() {
        let w = Windowed::per_hour(3);
        assert_eq!((0..5).filter(|_| w.take("a", 0)).count(), 3);
        assert!(w.take("b", 10), "each key counts apart");
        assert!(!w.take("a", 3600 * 1000), "still the same hour");
        assert!(w.take("a", 3600 * 1000 + 1), "a new hour");
    }
}
