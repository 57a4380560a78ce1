//! Sync under faults: three app installations send 200 applications, each with a photographed
//! document, through a proxy that drops, delays, resets mid-body, cuts responses and answers
//! 503. Every application arrives exactly once with its document whole, every receipt
//! verifies, nothing is lost; against SQLite and against PostgreSQL.
//!
//! Needs the keyring session `cargo xtask test` gives; the PostgreSQL run also needs its server
//! (`#[ignore]`d in a bare `cargo test`, run by the test command).

use std::collections::BTreeSet;

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::storage::ApplicationFilter;
use homeward_core::Homeward;
use homeward_domain::sync::OutboxState;
use homeward_tests::backend::{assert_each_stored_once, fresh_postgres, TestBackend};
use homeward_tests::faults::FaultProxy;
use homeward_tests::installation::{
    enquiry_with_photo, join_all, open_consented, undelivered, why_undelivered,
};
use tempfile::TempDir;

const CLIENTS: usize = 3;
const APPLICATIONS: usize = 200;

async fn run(database: Option<DatabaseUrl>) {
    let started = std::time::Instant::now();
    let backend = TestBackend::start_for_load(database).await.unwrap();
    let proxy = FaultProxy::start(backend.addr(), 20261123, 0.35)
        .await
        .unwrap();
    let dirs: Vec<TempDir> = (0..CLIENTS).map(|_| TempDir::new().unwrap()).collect();
    let cores: Vec<Homeward> = dirs
        .iter()
        .map(|d| open_consented(d.path(), &proxy.url))
        .collect();
    for n in 0..APPLICATIONS {
        let core = &cores[n % CLIENTS];
        let draft = enquiry_with_photo(core, n);
        core.submit(draft).expect("frozen");
    }

    let made = started.elapsed();
    // The three apps sync side by side until every item is delivered. Between passes, waiting
    // items are made due at once (rather than waiting out their backoff).
    let mut passes = 0;
    loop {
        let pending = undelivered(&cores);
        if pending == 0 {
            break;
        }
        passes += 1;
        assert!(
            passes < 400,
            "{pending} items still undelivered after {passes} passes: {:?}",
            why_undelivered(&cores)
        );
        make_due(&cores, "fault");
        let results = join_all(cores.iter().map(|c| Box::pin(c.sync_outbox())).collect()).await;
        for r in results {
            r.expect("a pass never fails as a whole");
        }
    }

    eprintln!(
        "through the proxy: {} bytes, connections {:?}",
        proxy
            .counts
            .bytes
            .load(std::sync::atomic::Ordering::Relaxed),
        proxy.counts.all()
    );
    // Every kind of fault happened.
    for (kind, count) in proxy.counts.all() {
        assert!(count > 0, "no {kind} connections: {:?}", proxy.counts.all());
    }

    // Exactly once: 200 submissions, 200 applications, one per draft.
    assert_eq!(
        backend.stored_submissions().await.unwrap(),
        i64::try_from(APPLICATIONS).expect("a small number")
    );
    let db = backend.database().await.unwrap();
    let apps = db
        .applications(ApplicationFilter {
            limit: 500,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(apps.len(), APPLICATIONS);
    let drafts: BTreeSet<_> = apps
        .iter()
        .map(|a| (a.device_key.clone(), a.draft_id))
        .collect();
    assert_eq!(drafts.len(), APPLICATIONS, "one application per draft");

    // Every receipt verifies against the backend's key, and every document arrived whole.
    let key = backend.receipt_key().await.unwrap();
    let mut receipts = 0;
    for core in &cores {
        for item in core.outbox().unwrap() {
            let signed = core
                .receipt(item.submission_id)
                .unwrap()
                .expect("a receipt");
            let receipt: homeward_domain::sync::Receipt =
                serde_json::from_str(&signed.receipt).unwrap();
            homeward_core::outbox::verify_receipt(
                &signed,
                &key,
                item.submission_id,
                &receipt.body_sha256,
            )
            .expect("the receipt verifies");
            receipts += 1;
        }
    }
    assert_eq!(receipts, APPLICATIONS);
    for app in &apps {
        for s in db.submissions(app.seq).await.unwrap() {
            let submission: homeward_domain::sync::Submission =
                serde_json::from_slice(&s.body).unwrap();
            assert_eq!(submission.materials.len(), 1);
            let upload = db
                .upload_of(&app.device_key, &submission.materials[0].sha256)
                .await
                .unwrap()
                .expect("uploaded");
            assert!(upload.is_complete());
        }
    }
    eprintln!(
        "{APPLICATIONS} applications made in {made:.1?}, delivered in {passes} passes ({:.1?}) \
         through faults {:?}",
        started.elapsed() - made,
        proxy.counts.all()
    );
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_applications_arrive_exactly_once_through_faults_on_sqlite() {
    run(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
async fn two_hundred_applications_arrive_exactly_once_through_faults_on_postgres() {
    run(Some(fresh_postgres().await.unwrap())).await;
}

/// Makes every item not yet delivered due at once (rather than waiting out its backoff); an item
/// set aside means `what` (a fault, a kill) was taken for a refusal.
fn make_due(cores: &[Homeward], what: &str) {
    for core in cores {
        for item in core.outbox().unwrap() {
            match &item.state {
                OutboxState::Delivered { .. } => {}
                OutboxState::SetAside { error, message } => {
                    panic!("a {what} was taken for a refusal: {error}: {message}")
                }
                _ => {
                    core.retry_submission(item.submission_id).unwrap();
                }
            }
        }
    }
}

/// The backend as a process of its own on `port`, with its data in `dir`.
fn backend_process(dir: &std::path::Path, port: u16) -> std::process::Child {
    let bin = homeward_tests::backend::backend_binary().expect("the backend binary");
    std::process::Command::new(bin)
        .arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .arg("--database")
        .arg(format!("sqlite://{}", dir.join("backend.db").display()))
        .arg("--attachments")
        .arg(dir.join("attachments"))
        .arg("--keys")
        .arg(dir.join("backend.keys.toml"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the backend starts")
}

/// The backend as a process of its own on `port`, with the settings file `config`.
fn configured_backend_process(config: &std::path::Path, port: u16) -> std::process::Child {
    let bin = homeward_tests::backend::backend_binary().expect("the backend binary");
    let log = std::fs::File::create(backend_log(config, port)).expect("a log file");
    std::process::Command::new(bin)
        .arg("--config")
        .arg(config)
        .arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .spawn()
        .expect("the backend starts")
}

/// Where the backend started with `config` on `port` writes its log.
fn backend_log(config: &std::path::Path, port: u16) -> std::path::PathBuf {
    config.with_file_name(format!("backend-{port}.log"))
}

/// Waits until something accepts connections on `port` (at most 20 s).
fn wait_listening(port: u16) {
    for _ in 0..400 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the backend did not come back on port {port}");
}

/// Waits until `backend` answers its health check on `port` (at most 20 s): a process that has
/// bound its port may still be making its tables and keys, or fail to and exit.
fn wait_serving(port: u16, backend: &mut std::process::Child, log: &std::path::Path) {
    use std::io::{Read as _, Write as _};
    let healthy = || -> std::io::Result<bool> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(std::time::Duration::from_secs(2)))?;
        write!(
            stream,
            "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            homeward_domain::wire::path::HEALTH
        )?;
        let mut status = [0u8; 12];
        stream.read_exact(&mut status)?;
        Ok(status.ends_with(b" 200"))
    };
    for _ in 0..400 {
        if let Some(status) = backend.try_wait().expect("the backend's state") {
            panic!(
                "the backend on port {port} exited as it started ({status}): {}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        if healthy().unwrap_or(false) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the backend did not come back on port {port}");
}

/// Three apps send their applications while the backend process is killed with SIGKILL at
/// random moments, a hundred times, and started again on the same data: every application the
/// apps were told was received is stored exactly once, none is missing, and every document's
/// bytes have the SHA-256 announced.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backend_killed_a_hundred_times_mid_intake_loses_nothing_and_stores_nothing_twice() {
    use rand::{Rng as _, SeedableRng as _};
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;
    const KILLS: usize = 100;
    const PER_CORE: usize = 30;
    let data = TempDir::new().unwrap();
    let port = homeward_tests::backend::free_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut child = backend_process(data.path(), port);
    wait_listening(port);
    let dirs: Vec<TempDir> = (0..CLIENTS).map(|_| TempDir::new().unwrap()).collect();
    let cores: Vec<Homeward> = dirs
        .iter()
        .map(|d| open_consented(d.path(), &url))
        .collect();
    for (i, core) in cores.iter().enumerate() {
        for n in 0..PER_CORE {
            let draft = enquiry_with_photo(core, i * PER_CORE + n + 1);
            core.submit(draft).expect("frozen");
        }
    }

    // The killer: SIGKILL at a random moment, start again on the same data, a hundred times.
    let kills = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let killer = {
        let (kills, done, dir) = (kills.clone(), done.clone(), data.path().to_owned());
        std::thread::spawn(move || {
            let mut rng = rand::rngs::StdRng::seed_from_u64(20261203);
            while kills.load(Ordering::Relaxed) < KILLS {
                std::thread::sleep(std::time::Duration::from_millis(rng.gen_range(5..120)));
                child.kill().expect("SIGKILL");
                child.wait().expect("reaped");
                kills.fetch_add(1, Ordering::Relaxed);
                child = backend_process(&dir, port);
                // Listening, not yet serving: a kill may land while it opens its data.
                wait_listening(port);
            }
            done.store(true, Ordering::Relaxed);
            child
        })
    };
    let mut passes = 0;
    while !done.load(Ordering::Relaxed) || undelivered(&cores) > 0 {
        passes += 1;
        assert!(passes < 5000, "{} items undelivered", undelivered(&cores));
        make_due(&cores, "kill");
        let results = join_all(cores.iter().map(|c| Box::pin(c.sync_outbox())).collect()).await;
        for r in results {
            r.expect("a pass never fails as a whole");
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let mut child = killer.join().expect("the killer finished");
    eprintln!(
        "{} applications delivered through {} kills in {passes} passes",
        CLIENTS * PER_CORE,
        kills.load(Ordering::Relaxed)
    );

    // Exactly once, none missing, every document whole.
    let db = homeward_backend::storage::open(&DatabaseUrl::Sqlite(data.path().join("backend.db")))
        .await
        .unwrap();
    assert_each_stored_once(
        db.as_ref(),
        Some(&data.path().join("attachments")),
        CLIENTS * PER_CORE,
    )
    .await;
    child.kill().unwrap();
    child.wait().unwrap();
}

/// A city past one machine: two backend processes on one PostgreSQL database, documents kept in
/// it, behind a round-robin balancer; three apps send their applications with photos through
/// the fault proxy in front of it, and one backend is killed (SIGKILL) mid-load and stays dead.
/// Every application arrives exactly once with its document whole, whichever process took
/// which request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
async fn two_backends_behind_a_balancer_one_killed_mid_load_store_everything_once() {
    use homeward_tests::balancer::Balancer;
    const PER_CORE: usize = 20;
    let Ok(DatabaseUrl::Postgres(database)) = fresh_postgres().await else {
        panic!("a PostgreSQL database for the test");
    };
    let shared = TempDir::new().unwrap();
    let config = shared.path().join("backend.toml");
    std::fs::write(
        &config,
        format!(
            "database = {database:?}\nkeys = {:?}\ndocuments_in_database = true\n",
            shared.path().join("backend.keys.toml")
        ),
    )
    .unwrap();
    let ports = [
        homeward_tests::backend::free_port(),
        homeward_tests::backend::free_port(),
    ];
    // Both start at once on the new database, as a service manager starts replicas: one makes
    // the tables and the keys, the other takes them.
    let mut first = Running(configured_backend_process(&config, ports[0]));
    let mut second = Running(configured_backend_process(&config, ports[1]));
    wait_serving(ports[0], &mut first.0, &backend_log(&config, ports[0]));
    wait_serving(ports[1], &mut second.0, &backend_log(&config, ports[1]));
    let balancer = Balancer::start(
        ports
            .iter()
            .map(|p| std::net::SocketAddr::from(([127, 0, 0, 1], *p)))
            .collect(),
    )
    .await
    .unwrap();
    let proxy = FaultProxy::start(balancer.addr, 20261206, 0.2)
        .await
        .unwrap();
    let dirs: Vec<TempDir> = (0..CLIENTS).map(|_| TempDir::new().unwrap()).collect();
    let cores: Vec<Homeward> = dirs
        .iter()
        .map(|d| open_consented(d.path(), &proxy.url))
        .collect();
    for (i, core) in cores.iter().enumerate() {
        for n in 0..PER_CORE {
            let draft = enquiry_with_photo(core, i * PER_CORE + n + 1);
            core.submit(draft).expect("frozen");
        }
    }
    let mut passes = 0;
    let mut killed = false;
    while undelivered(&cores) > 0 {
        passes += 1;
        assert!(
            passes < 400,
            "{} items undelivered: {:?}",
            undelivered(&cores),
            why_undelivered(&cores)
        );
        make_due(&cores, "fault");
        let sending = join_all(cores.iter().map(|c| Box::pin(c.sync_outbox())).collect());
        if killed {
            for r in sending.await {
                r.expect("a pass never fails as a whole");
            }
        } else {
            // Mid-load: the first pass is under way when the first backend dies.
            let kill = async {
                tokio::time::sleep(std::time::Duration::from_millis(400)).await;
                first.stop();
            };
            let (results, ()) = tokio::join!(sending, kill);
            for r in results {
                r.expect("a pass never fails as a whole");
            }
            killed = true;
        }
    }
    eprintln!(
        "{} applications through two backends, one killed, in {passes} passes; faults {:?}",
        CLIENTS * PER_CORE,
        proxy.counts.all()
    );
    let db = homeward_backend::storage::open(&DatabaseUrl::Postgres(database))
        .await
        .unwrap();
    assert_each_stored_once(db.as_ref(), None, CLIENTS * PER_CORE).await;
    assert!(
        second.0.try_wait().expect("asked").is_none(),
        "the backend left standing ran to the end"
    );
}

/// A backend process, killed (SIGKILL) and reaped when stopped or dropped, so a failing test
/// leaves none behind.
struct Running(std::process::Child);

impl Running {
    fn stop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}
