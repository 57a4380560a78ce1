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
use homeward_tests::backend::{fresh_postgres, TestBackend};
use homeward_tests::faults::FaultProxy;
use homeward_tests::installation::{open_consented, proof_of_life};
use tempfile::TempDir;

const CLIENTS: usize = 3;
const APPLICATIONS: usize = 200;

/// A complete proof-of-life application with a life certificate photo that differs per `n`.
fn application(core: &Homeward, n: usize) -> homeward_domain::DraftId {
    let draft = proof_of_life(core, "certificate");
    // Every photo differs (so none is deduplicated), and some take several upload chunks.
    let n = u32::try_from(n).expect("a small number");
    let (w, h) = if n.is_multiple_of(20) {
        (1600 + n, 1200)
    } else {
        (320 + n, 240)
    };
    let photo = homeward_core::materials::fixtures::phone_photo(w, h);
    core.add_material(
        draft,
        "life-certificate",
        &format!("certificate-{n}.jpg"),
        &photo,
    )
    .expect("photo");
    draft
}

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
        let draft = application(core, n);
        core.submit(draft).expect("frozen");
    }

    let made = started.elapsed();
    // The three apps sync side by side until every item is delivered. Between passes, waiting
    // items are made due at once (rather than waiting out their backoff).
    let mut passes = 0;
    loop {
        let pending: usize = cores
            .iter()
            .map(|c| {
                c.outbox()
                    .unwrap()
                    .iter()
                    .filter(|i| !matches!(i.state, OutboxState::Delivered { .. }))
                    .count()
            })
            .sum();
        if pending == 0 {
            break;
        }
        passes += 1;
        assert!(
            passes < 400,
            "{pending} items still undelivered after {passes} passes"
        );
        for core in &cores {
            for item in core.outbox().unwrap() {
                match &item.state {
                    OutboxState::Delivered { .. } => {}
                    OutboxState::SetAside { error, message } => {
                        panic!("a fault was taken for a refusal: {error}: {message}")
                    }
                    _ => {
                        core.retry_submission(item.submission_id).unwrap();
                    }
                }
            }
        }
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

/// Runs the futures side by side on this task.
async fn join_all<F: std::future::Future + Unpin>(mut futures: Vec<F>) -> Vec<F::Output> {
    use std::task::Poll;
    let mut results: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut done = true;
        for (i, f) in futures.iter_mut().enumerate() {
            if results[i].is_none() {
                match std::pin::Pin::new(f).poll(cx) {
                    Poll::Ready(v) => results[i] = Some(v),
                    Poll::Pending => done = false,
                }
            }
        }
        if done {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    results.into_iter().map(|r| r.expect("finished")).collect()
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
