//! Outages the backend must ride out: its disk filling up, and its PostgreSQL server stopped
//! dead and started again under load. While they last, the apps are answered "try again later"
//! (never an error they would set an application aside for); once they are over, everything
//! arrives, exactly once, with every document whole.
//!
//! Both need what `cargo xtask test` prepares (`#[ignore]`d in a bare `cargo test`): a small
//! filesystem of their own (`HOMEWARD_TEST_SMALL_FS`), and a PostgreSQL server they may stop and
//! start (`HOMEWARD_TEST_POSTGRES`, and `HOMEWARD_TEST_POSTGRES_CTL`: the `pg_ctl` command line
//! for that server, with its `-D` and `-l`). They also need the keyring session it gives.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use homeward_backend::settings::Limits;
use homeward_core::Homeward;
use homeward_domain::sync::OutboxState;
use homeward_tests::backend::{assert_each_stored_once, fresh_postgres, TestBackend};
use homeward_tests::installation::{enquiry_with_photo, join_all, open_consented, undelivered};
use tempfile::TempDir;

/// Limits for many apps on one machine (they share an address).
fn load_limits() -> Limits {
    Limits {
        registrations_per_address_hour: u32::MAX,
        self_asserted_per_device_hour: u32::MAX,
        ..Limits::default()
    }
}

/// One sync pass of every app, with waiting items made due at once; returns the error codes
/// items were left waiting with. An item set aside fails the test: an outage is no refusal.
async fn pass(cores: &[Homeward]) -> BTreeSet<String> {
    for core in cores {
        for item in core.outbox().unwrap() {
            if !matches!(item.state, OutboxState::Delivered { .. }) {
                core.retry_submission(item.submission_id).unwrap();
            }
        }
    }
    for result in join_all(cores.iter().map(|c| Box::pin(c.sync_outbox())).collect()).await {
        result.expect("a pass never fails as a whole");
    }
    let mut codes = BTreeSet::new();
    for core in cores {
        for item in core.outbox().unwrap() {
            match item.state {
                OutboxState::SetAside { error, message } => {
                    panic!("an outage was taken for a refusal: {error}: {message}")
                }
                OutboxState::Waiting {
                    last_error: Some(code),
                    ..
                } => {
                    codes.insert(code);
                }
                _ => {}
            }
        }
    }
    codes
}

/// Passes until every item is delivered (at most `passes`); the error codes seen on the way.
async fn deliver_all(cores: &[Homeward], passes: usize) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for _ in 0..passes {
        if undelivered(cores) == 0 {
            return seen;
        }
        seen.extend(pass(cores).await);
    }
    panic!(
        "{} items still undelivered; errors seen {seen:?}",
        undelivered(cores)
    );
}

fn small_fs() -> PathBuf {
    std::env::var_os("HOMEWARD_TEST_SMALL_FS")
        .expect("HOMEWARD_TEST_SMALL_FS (a small filesystem of the test's own) is not set: run `cargo xtask test`")
        .into()
}

/// Files that fill the disk, removed when dropped (a failed test leaves the disk usable).
struct Fillers(Vec<PathBuf>);

impl Drop for Fillers {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Writes `path` until the filesystem it is on has no byte left.
fn fill(path: &Path) -> u64 {
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0x5a_u8; 64 << 10];
    let mut written = 0;
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(n) => written += n as u64,
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling the disk: {e}"),
        }
    }
    // What the page cache held back is refused at the flush.
    let _ = file.sync_all();
    written
}

/// The disk under the backend fills up: first below the margin the settings keep free (new
/// documents are refused), then to the last byte (every write is refused, the database's too).
/// The apps wait, told `insufficient-storage`; once there is room again everything arrives,
/// exactly once and whole, and the database is intact.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a small filesystem of its own: run by `cargo xtask test`"]
async fn a_full_disk_refuses_what_it_cannot_keep_and_loses_nothing() {
    const MARGIN: u64 = 4 << 20;
    let fs = small_fs();
    let limits = Limits {
        min_free_disk_bytes: MARGIN,
        ..load_limits()
    };
    let backend = TestBackend::start_in(&fs, limits).await.unwrap();
    let dirs: Vec<TempDir> = (0..3).map(|_| TempDir::new().unwrap()).collect();
    let cores: Vec<Homeward> = dirs[..2]
        .iter()
        .map(|d| open_consented(d.path(), &backend.url))
        .collect();
    let mut sent = 0;
    let mut send = |cores: &[Homeward], count: usize| {
        for _ in 0..count {
            let core = &cores[sent % cores.len()];
            core.submit(enquiry_with_photo(core, sent + 1))
                .expect("frozen");
            sent += 1;
        }
    };

    // While there is room, applications arrive.
    send(&cores, 6);
    let seen = deliver_all(&cores, 20).await;
    assert!(seen.is_empty(), "nothing stood in the way: {seen:?}");

    // Below the margin: documents are refused, and the applications wait for room.
    let filler = fs.join("filler");
    let fillers = Fillers(vec![filler.clone(), fs.join("filler-2")]);
    let filled = fill(&filler);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(filled - MARGIN / 2)
        .unwrap();
    send(&cores, 6);
    let codes = pass(&cores).await;
    assert_eq!(
        codes,
        BTreeSet::from(["insufficient-storage".to_owned()]),
        "told why, and that it may pass later"
    );
    assert_eq!(undelivered(&cores), 6);

    // Full to the last byte: a new app cannot even be registered; it is told the same.
    fill(&fs.join("filler-2"));
    let mut cores = cores;
    cores.push(open_consented(dirs[2].path(), &backend.url));
    send(&cores[2..], 1);
    for _ in 0..3 {
        let codes = pass(&cores).await;
        assert_eq!(
            codes,
            BTreeSet::from(["insufficient-storage".to_owned()]),
            "every write refused the same way"
        );
    }
    assert_eq!(undelivered(&cores), 7);

    // Room again: everything arrives, exactly once, whole.
    drop(fillers);
    deliver_all(&cores, 20).await;
    let db = backend.database().await.unwrap();
    assert_each_stored_once(db.as_ref(), Some(backend.attachments()), 13).await;
    let check: String =
        rusqlite::Connection::open(backend.attachments().with_file_name("backend.db"))
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
    assert_eq!(check, "ok", "the database is intact");
    eprintln!("disk full: {filled} bytes of filler, 13 applications delivered once each");
    backend.stop().await.unwrap();
}

/// `pg_ctl` for the test server, with `args`.
fn pg_ctl(args: &[&str]) {
    let line = std::env::var("HOMEWARD_TEST_POSTGRES_CTL")
        .expect("HOMEWARD_TEST_POSTGRES_CTL is not set: run `cargo xtask test`");
    let mut words = line.split_whitespace();
    let status = std::process::Command::new(words.next().expect("a command"))
        .args(words)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("pg_ctl runs");
    assert!(status.success(), "pg_ctl {args:?} failed");
}

/// Three apps send their applications while the PostgreSQL server under the backend is stopped
/// dead (`immediate`: no checkpoint, a crash recovery at the next start) and started again, four
/// times: while it is down the apps are answered 503 `backend`, and at the end every application
/// is stored exactly once, none is missing and every document is whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a PostgreSQL server it may stop: run by `cargo xtask test`"]
async fn postgres_stopped_dead_and_restarted_mid_intake_loses_nothing() {
    use rand::{Rng as _, SeedableRng as _};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    const RESTARTS: usize = 4;
    const PER_CORE: usize = 20;
    let backend = TestBackend::start_for_load(Some(fresh_postgres().await.unwrap()))
        .await
        .unwrap();
    let dirs: Vec<TempDir> = (0..3).map(|_| TempDir::new().unwrap()).collect();
    let cores: Vec<Homeward> = dirs
        .iter()
        .map(|d| open_consented(d.path(), &backend.url))
        .collect();
    for (i, core) in cores.iter().enumerate() {
        for n in 0..PER_CORE {
            core.submit(enquiry_with_photo(core, i * PER_CORE + n + 1))
                .expect("frozen");
        }
    }

    let done = Arc::new(AtomicBool::new(false));
    let restarter = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut rng = rand::rngs::StdRng::seed_from_u64(20261203);
            for _ in 0..RESTARTS {
                std::thread::sleep(std::time::Duration::from_millis(rng.gen_range(200..800)));
                pg_ctl(&["-w", "-m", "immediate", "stop"]);
                std::thread::sleep(std::time::Duration::from_millis(rng.gen_range(800..1500)));
                // `restart` starts it again with the options it was first started with.
                pg_ctl(&["-w", "restart"]);
            }
            done.store(true, Ordering::Relaxed);
        })
    };
    let mut seen = BTreeSet::new();
    let mut passes = 0;
    while !done.load(Ordering::Relaxed) || undelivered(&cores) > 0 {
        passes += 1;
        assert!(passes < 3000, "{} items undelivered", undelivered(&cores));
        seen.extend(pass(&cores).await);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    restarter.join().expect("the restarts finished");
    assert!(
        seen.contains("backend"),
        "the outages were seen as 503 `backend`: {seen:?}"
    );
    assert!(
        seen.iter()
            .all(|code| code == "backend" || code == "offline"),
        "only 'try again' while the database was away: {seen:?}"
    );
    let db = backend.database().await.unwrap();
    assert_each_stored_once(db.as_ref(), Some(backend.attachments()), 3 * PER_CORE).await;
    eprintln!(
        "PostgreSQL stopped dead {RESTARTS} times: {} applications delivered once each in \
         {passes} passes, errors seen {seen:?}",
        3 * PER_CORE
    );
    backend.stop().await.unwrap();
}
