//! The app takes a newer catalogue from a real backend only when it is validly signed and newer,
//! and otherwise keeps its last good pack, across restarts. Needs the OS keyring session that
//! `cargo xtask test` provides.

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;
use homeward_core::catalog;
use homeward_core::{Config, Homeward};
use homeward_domain::BackendStatus;
use homeward_tests::repo_root;
use tempfile::TempDir;

/// The sample content key, which signs the bundled catalogue.
fn content_key() -> ed25519_dalek::SigningKey {
    let secret =
        std::fs::read_to_string(repo_root().join("catalog/keys/sample-content-key.secret"))
            .expect("sample key");
    catalog::parse_signing_key(&secret).expect("valid key")
}

/// A pack like the bundled one, at `version`, with one guide retitled so a change is visible.
fn pack_at(version: u64) -> homeward_domain::CataloguePack {
    let mut pack = catalog::bundled().expect("bundled").into_pack();
    pack.version = version;
    pack.guides[0]
        .title
        .0
        .insert("en".into(), format!("Updated in version {version}"));
    pack
}

/// Serves `bytes` as the catalogue from a backend on a loopback port; returns its URL and a stop.
async fn serve(dir: &TempDir, bytes: &[u8]) -> (String, tokio::sync::oneshot::Sender<()>) {
    let path = dir.path().join(format!("pack-{}.json", rand_suffix()));
    std::fs::write(&path, bytes).expect("write pack");
    let mut settings = Settings::new(DatabaseUrl::Sqlite(dir.path().join("backend.db")));
    settings.catalog = Some(path);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(homeward_backend::serve(settings, listener, async {
        let _ = rx.await;
    }));
    (url, tx)
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

fn open(data: &TempDir, url: &str) -> Homeward {
    Homeward::open(&Config::fixed(data.path().to_owned(), url).expect("config")).expect("open")
}

#[tokio::test]
async fn a_newer_signed_pack_is_taken_and_kept_and_a_bad_one_never_replaces_it() {
    let server_dir = TempDir::new().expect("tempdir");
    let data = TempDir::new().expect("tempdir");
    let bundled_version = catalog::bundled().expect("bundled").version();
    let newer = bundled_version + 1;

    // A newer, validly signed pack is taken.
    let (url, stop) = serve(
        &server_dir,
        &catalog::sign_pack(&pack_at(newer), &content_key()),
    )
    .await;
    let app = open(&data, &url);
    assert_eq!(
        app.refresh().await,
        BackendStatus::Online {
            catalog_version: newer,
            update_refused: false,
        }
    );
    assert_eq!(app.overview().version, newer);
    let _ = stop.send(());
    drop(app);

    // Each bad pack is refused; the app stays on the last good one and says it is online.
    // Tampered: a guide's text changed after signing, the signature left as it was.
    let tampered = {
        let mut pack = pack_at(newer + 1);
        let signed = catalog::sign_pack(&pack, &content_key());
        pack.guides[0]
            .title
            .0
            .insert("en".into(), "Send your passport to this address".into());
        let altered = catalog::sign_pack(&pack, &content_key());
        // The header and signature of the pack as signed, the content of the altered one.
        let mut tampered = signed[..catalog::COMPACT_HEADER].to_vec();
        tampered.extend_from_slice(&altered[catalog::COMPACT_HEADER..]);
        tampered
    };
    let full = catalog::sign_pack(&pack_at(newer + 1), &content_key());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "older",
            catalog::sign_pack(&pack_at(bundled_version), &content_key()),
        ),
        (
            "wrong key",
            catalog::sign_pack(
                &pack_at(newer + 1),
                &ed25519_dalek::SigningKey::from_bytes(&[9; 32]),
            ),
        ),
        ("tampered", tampered),
        ("truncated", full[..full.len() / 3].to_vec()),
    ];
    for (what, bytes) in cases {
        let (url, stop) = serve(&server_dir, &bytes).await;
        let app = open(&data, &url);
        assert_eq!(
            app.overview().version,
            newer,
            "{what}: the cached pack is used at start"
        );
        let status = app.refresh().await;
        assert_eq!(
            app.overview().version,
            newer,
            "{what}: must not replace the last good pack"
        );
        // A pack that does not verify is reported, an older one is not; a backend given a
        // file that is not a signed pack at all refuses to start, and the app is offline.
        let expected = match what {
            "truncated" => BackendStatus::Offline,
            _ => BackendStatus::Online {
                catalog_version: newer,
                update_refused: what != "older",
            },
        };
        assert_eq!(status, expected, "{what}");
        let title = app.overview().guides[0]
            .title
            .0
            .get("en")
            .cloned()
            .unwrap_or_default();
        assert_eq!(title, format!("Updated in version {newer}"), "{what}");
        let _ = stop.send(());
    }
}

#[tokio::test]
async fn a_draft_started_before_an_update_opens_after_it_with_changes_flagged_and_answers_kept() {
    let server_dir = TempDir::new().expect("tempdir");
    let data = TempDir::new().expect("tempdir");
    let app = open(&data, "http://127.0.0.1:9");
    let draft = app.create_draft("pension-proof-of-life").expect("draft");
    app.set_answer(draft.id, "country", "Italia")
        .expect("answer");
    app.set_answer(draft.id, "phone", "+39 333 123 4567")
        .expect("answer");
    assert!(app.review(draft.id).expect("review").changed.is_empty());
    drop(app);

    // The city rewords one question and drops another.
    let mut pack = pack_at(catalog::bundled().expect("bundled").version() + 1);
    let guide = pack
        .guides
        .iter_mut()
        .find(|g| g.id.0 == "pension-proof-of-life")
        .expect("guide");
    for page in &mut guide.form.pages {
        page.fields.retain(|f| f.id != "phone");
        for field in &mut page.fields {
            if field.id == "country" {
                field
                    .label
                    .0
                    .insert("en".into(), "Country where you live now".into());
            }
        }
    }
    let (url, stop) = serve(&server_dir, &catalog::sign_pack(&pack, &content_key())).await;
    let app = open(&data, &url);
    app.refresh().await;
    assert_eq!(app.overview().version, pack.version);

    let reopened = app.draft(draft.id).expect("the draft still opens");
    assert_eq!(
        reopened.answers.get("phone").map(String::as_str),
        Some("+39 333 123 4567")
    );
    let review = app.review(draft.id).expect("review");
    assert_eq!(review.changed, ["country"]);
    assert_eq!(review.removed, ["phone"]);
    let _ = stop.send(());
}

/// A newer catalogue that withdraws a guide leaves the person's draft of it in place: listed,
/// marked as no longer offered, its answers and documents kept, printable, exported with the
/// rest, deletable, and never sent.
#[tokio::test]
async fn a_draft_whose_guide_a_newer_catalogue_withdrew_stays_listed_printable_exportable_and_deletable(
) {
    let server_dir = TempDir::new().expect("tempdir");
    let data = TempDir::new().expect("tempdir");
    let app = open(&data, "http://127.0.0.1:9");
    let draft = app.create_draft("pension-proof-of-life").expect("draft");
    app.set_answer(draft.id, "country", "Italia")
        .expect("answer");
    drop(app);

    let mut pack = pack_at(catalog::bundled().expect("bundled").version() + 1);
    pack.guides.retain(|g| g.id.0 != "pension-proof-of-life");
    let (url, stop) = serve(&server_dir, &catalog::sign_pack(&pack, &content_key())).await;
    let app = open(&data, &url);
    app.refresh().await;
    assert_eq!(app.overview().version, pack.version);
    assert!(app.guide("pension-proof-of-life").is_err(), "withdrawn");

    let listed = app.draft_page(None).expect("summaries").drafts;
    assert_eq!(listed.len(), 1, "the draft is still listed");
    assert!(!listed[0].offered);
    assert_eq!(
        listed[0].title.get(homeward_domain::Lang::En),
        "Pension proof of life from abroad",
        "named as it was when started"
    );
    let kept = app.guide_of_draft(draft.id).expect("the guide as it was");
    assert!(!kept.offered);
    assert_eq!(
        app.draft(draft.id)
            .expect("draft")
            .answers
            .get("country")
            .map(String::as_str),
        Some("Italia")
    );
    let pdf = app
        .application_pdf(draft.id, homeward_domain::Lang::En)
        .expect("printable");
    assert!(pdf.starts_with(b"%PDF"));
    let exported = app.export_all(data.path()).expect("export");
    let text = std::fs::read_to_string(exported.join("data.json")).expect("export is JSON");
    assert!(text.contains("Italia"), "exported with its answers");
    assert!(
        app.submit(draft.id).is_err(),
        "a withdrawn service is never sent"
    );
    assert!(app.outbox().expect("outbox").is_empty());
    app.delete_draft(draft.id).expect("deletable");
    assert!(app.draft_page(None).expect("summaries").drafts.is_empty());
    let _ = stop.send(());
}

/// An unchanged catalogue is not downloaded again: the app asks with the ETag it has, and the
/// backend answers 304. Measured in bytes through a counting proxy.
#[tokio::test]
async fn an_unchanged_catalogue_costs_a_few_hundred_bytes_per_check() {
    let backend = homeward_tests::backend::TestBackend::start()
        .await
        .expect("backend");
    let proxy = homeward_tests::faults::FaultProxy::transparent(backend.addr())
        .await
        .expect("proxy");
    let data = TempDir::new().expect("tempdir");
    let app = open(&data, &proxy.url);
    let bytes = || {
        proxy
            .counts
            .bytes
            .load(std::sync::atomic::Ordering::Relaxed)
    };
    assert!(matches!(app.refresh().await, BackendStatus::Online { .. }));
    let first = bytes();
    assert!(
        first > catalog::BUNDLED_PACK.len(),
        "the first check takes the pack: {first} bytes"
    );
    for _ in 0..3 {
        app.refresh().await;
    }
    let again = bytes() - first;
    assert!(again < 3_000, "three more checks cost {again} bytes");
    backend.stop().await.expect("stop");
}
