//! Integration tests of the core against the real OS keyring (a Secret Service session, which
//! `cargo xtask test` provides) and real SQLCipher files.

use homeward_core::{Config, CoreError, Homeward};
use homeward_domain::{BackendStatus, Lang};
use tempfile::TempDir;

fn config(dir: &TempDir) -> Config {
    // Nothing listens on port 9 (discard) on loopback: the backend is unreachable.
    Config {
        data_dir: dir.path().to_owned(),
        backend_url: "http://127.0.0.1:9".into(),
    }
}

#[test]
fn a_fresh_install_creates_its_keys_once_and_reopens_with_them() {
    let dir = TempDir::new().expect("tempdir");
    let first = Homeward::open(&config(&dir)).expect("first open");
    assert!(first.is_fresh_install());
    let device = first.device_public_key();
    first.set_language(Lang::En).expect("write");
    drop(first);

    let second = Homeward::open(&config(&dir)).expect("second open");
    assert!(!second.is_fresh_install(), "keys must be created only once");
    assert_eq!(second.device_public_key(), device);
    assert_eq!(second.language().expect("read"), Lang::En);
}

#[test]
fn no_key_is_ever_written_into_the_data_directory() {
    let dir = TempDir::new().expect("tempdir");
    let app = Homeward::open(&config(&dir)).expect("open");
    let draft = app.create_draft("pension-proof-of-life").expect("draft");
    app.set_answer(draft.id, "country", "Italia").expect("save");
    drop(app);
    // The keys are in the keyring: a second installation id finds none of this one's.
    let mut names = vec![];
    for entry in std::fs::read_dir(dir.path()).expect("list") {
        let entry = entry.expect("entry");
        names.push(entry.file_name().to_string_lossy().into_owned());
        let bytes = std::fs::read(entry.path()).expect("read");
        assert!(
            !bytes.windows(6).any(|w| w == b"Italia"),
            "plaintext answer on disk"
        );
    }
    names.sort();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("homeward.db") || n == "install-id"),
        "{names:?}"
    );
}

#[test]
fn a_database_whose_key_is_gone_is_reported_not_replaced() {
    let dir = TempDir::new().expect("tempdir");
    drop(Homeward::open(&config(&dir)).expect("open"));
    // A new install id means new keyring entries: the existing database's key is not among them.
    std::fs::write(dir.path().join("install-id"), uuid_like()).expect("rewrite id");
    let err = Homeward::open(&config(&dir)).expect_err("must not open");
    assert!(matches!(err, CoreError::KeyMissing), "{err:?}");
    assert!(
        dir.path().join("homeward.db").exists(),
        "the database is left alone"
    );
}

fn uuid_like() -> String {
    "7d1f3c2a-0000-4000-8000-000000000001".into()
}

#[test]
fn an_answer_to_a_question_the_form_does_not_have_is_refused() {
    let dir = TempDir::new().expect("tempdir");
    let app = Homeward::open(&config(&dir)).expect("open");
    let draft = app.create_draft("pension-proof-of-life").expect("draft");
    let err = app
        .set_answer(draft.id, "no-such-field", "x")
        .expect_err("refused");
    assert_eq!(err.code(), homeward_domain::ErrorCode::InvalidInput);
    let err = app.create_draft("no-such-guide").expect_err("refused");
    assert_eq!(err.code(), homeward_domain::ErrorCode::NotFound);
}

#[tokio::test]
async fn an_unreachable_backend_is_reported_as_offline_and_the_bundled_catalogue_stays() {
    let dir = TempDir::new().expect("tempdir");
    let app = Homeward::open(&config(&dir)).expect("open");
    assert_eq!(app.backend_status(), BackendStatus::Unknown);
    assert_eq!(app.refresh().await, BackendStatus::Offline);
    assert!(app.overview().guides.len() >= 3);
}
