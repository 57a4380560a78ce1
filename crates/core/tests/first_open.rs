//! Many threads opening encrypted stores at the same instant, as the first SQLite use of a
//! process: SQLCipher finishes its set-up after SQLite says it is initialised, and a key set on
//! another thread in that moment was refused.

use std::sync::{Arc, Barrier};

#[test]
fn stores_opened_at_once_as_the_first_use_of_sqlite_all_open() {
    let threads = 8;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let dir = tempfile::TempDir::new().expect("tempdir");
                barrier.wait();
                homeward_core::store::Store::open(&dir.path().join("homeward.db"), &[7; 32])
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread").expect("the store opens");
    }
}
