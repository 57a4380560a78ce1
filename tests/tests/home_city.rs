//! The home city against a real backend served over HTTPS on loopback with a certificate of a
//! test authority: an installation picks its city from a signed list, reaches its backend over
//! TLS, and checks receipts against the key the list pinned, from the very first. Needs the OS
//! keyring session that `cargo xtask test` provides.

use homeward_core::{Config, Homeward};
use homeward_domain::privacy::ConsentKind;
use homeward_domain::sync::OutboxState;
use homeward_domain::BackendStatus;
use homeward_tests::backend::TestBackend;
use homeward_tests::cities::wenzhou_at;
use homeward_tests::installation::enquiry;
use tempfile::TempDir;

fn open(dir: &TempDir, city: homeward_domain::city::HomeCity, root: Option<&str>) -> Homeward {
    let core = Homeward::open(&Config {
        cities: vec![city],
        extra_root_pem: root.map(|pem| pem.as_bytes().to_vec()),
        ..Config::new(dir.path()).expect("config")
    })
    .expect("open");
    for kind in ConsentKind::ALL {
        core.set_consent(kind, true).expect("consent");
    }
    core
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chosen_city_is_reached_over_https_and_its_receipts_checked_from_the_first() {
    let (backend, ca) = TestBackend::start_https().await.unwrap();
    assert!(
        backend.url.starts_with("https://127.0.0.1:"),
        "{}",
        backend.url
    );
    let key = backend.receipt_key().await.unwrap();
    let data = TempDir::new().unwrap();
    let core = open(&data, wenzhou_at(&backend.url, &key), Some(&ca));
    // Before a city is chosen, nothing goes anywhere: an application is always some city's,
    // so none can be started, and no backend is asked anything.
    assert!(matches!(
        core.create_draft("pension-proof-of-life"),
        Err(homeward_core::CoreError::NoHomeCity)
    ));
    assert_eq!(core.refresh().await, BackendStatus::Offline);
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 0);
    assert_eq!(backend.stored_submissions().await.unwrap(), 0);

    core.choose_city("wenzhou").expect("chosen");
    assert!(matches!(core.refresh().await, BackendStatus::Online { .. }));
    let item = core.submit(enquiry(&core)).expect("frozen");
    assert!(matches!(item.state, OutboxState::Waiting { .. }));
    let report = core.sync_outbox().await.unwrap();
    assert_eq!(report.delivered, 1, "{report:?}");
    assert_eq!(backend.stored_submissions().await.unwrap(), 1);
    drop(core);

    // Without the test authority the same backend's certificate is not trusted: offline, and
    // nothing is sent to whoever holds that address.
    let stranger = TempDir::new().unwrap();
    let core = open(&stranger, wenzhou_at(&backend.url, &key), None);
    core.choose_city("wenzhou").expect("chosen");
    assert_eq!(core.refresh().await, BackendStatus::Offline);
    core.submit(enquiry(&core)).expect("frozen");
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 0);
    assert_eq!(backend.stored_submissions().await.unwrap(), 1);
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backend_whose_receipt_key_is_not_the_pinned_one_is_never_believed() {
    let (backend, ca) = TestBackend::start_https().await.unwrap();
    // The list pins another key than the one this backend signs with (a backend taken over, or
    // an address that now points elsewhere): its receipts are refused from the very first.
    let other = ed25519_dalek::SigningKey::from_bytes(&[42; 32]).verifying_key();
    let data = TempDir::new().unwrap();
    let core = open(&data, wenzhou_at(&backend.url, &other), Some(&ca));
    core.choose_city("wenzhou").expect("chosen");
    core.submit(enquiry(&core)).expect("frozen");
    let report = core.sync_outbox().await.unwrap();
    assert_eq!((report.delivered, report.waiting), (0, 1), "{report:?}");
    assert!(core
        .receipt(core.outbox().unwrap()[0].submission_id)
        .unwrap()
        .is_none());
    backend.stop().await.unwrap();
}
