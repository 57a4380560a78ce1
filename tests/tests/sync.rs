//! The outbox against a real backend on loopback: a submission made offline is delivered once
//! the backend comes up, exactly once, with a receipt that verifies; and the backend refuses
//! unsigned, tampered, replayed, unknown-key and conflicting submissions, each with its own code.
//! Needs the OS keyring session that `cargo xtask test` provides.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::SigningKey;
use homeward_domain::sync::{OutboxState, SignedReceipt, Submission};
use homeward_domain::wire::header;
use homeward_domain::{DraftId, ErrorCode, GuideId};
use homeward_tests::backend::{free_port, TestBackend};
use homeward_tests::faults::FaultProxy;
use homeward_tests::installation::{
    attested_in_person, enquiry, hukou_cancellation, open_consented, ENQUIRY, ENQUIRY_ATTACHMENT,
};
use homeward_tests::probe::{code, now_ms, Probe};
use sha2::{Digest as _, Sha256};
use std::sync::atomic::Ordering;

use tempfile::TempDir;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sent_offline_it_arrives_once_the_backend_is_up_exactly_once() {
    let data = TempDir::new().unwrap();
    let port = free_port();
    let core = open_consented(data.path(), &format!("http://127.0.0.1:{port}"));
    // With a photo, which travels by resumable upload.
    let draft = enquiry(&core);
    let photo = homeward_core::materials::fixtures::phone_photo(3000, 2000);
    core.add_material(draft, ENQUIRY_ATTACHMENT, "photo.jpg", &photo)
        .expect("photo attached");

    // Send while the backend is down: frozen locally, waiting, with the reason.
    let item = core.submit(draft).expect("frozen");
    assert!(matches!(
        item.state,
        OutboxState::Waiting { attempts: 0, .. }
    ));
    let report = core.sync_outbox().await.expect("a pass");
    assert_eq!(report.waiting, 1);
    let [item] = &core.outbox().unwrap()[..] else {
        panic!("one item")
    };
    let OutboxState::Waiting {
        attempts,
        last_error,
        ..
    } = &item.state
    else {
        panic!("still waiting: {:?}", item.state)
    };
    assert_eq!((*attempts, last_error.as_deref()), (1, Some("offline")));
    // A second Send of the same application is refused rather than duplicated.
    assert!(core.submit(draft).is_err());

    // The backend comes up; once the item is due again it is delivered.
    let backend = TestBackend::start_on(port).await.unwrap();
    let due = core.outbox_next_due().unwrap().expect("due later");
    let wait = u64::try_from((due - now_ms()).max(0)).expect("not negative");
    tokio::time::sleep(std::time::Duration::from_millis(wait + 50)).await;
    let report = core.sync_outbox().await.unwrap();
    assert_eq!(report.delivered, 1, "{report:?}");
    let item = core.outbox().unwrap().remove(0);
    let OutboxState::Delivered { reference, .. } = &item.state else {
        panic!("delivered: {:?}", item.state)
    };
    assert!(reference.starts_with("HW-"), "{reference}");
    assert_eq!(item.bytes_sent, item.bytes_total);
    assert!(
        item.bytes_total > 100_000,
        "the photo counts: {}",
        item.bytes_total
    );

    // Nothing is sent twice, even if asked to sync again or after a restart.
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 0);
    drop(core);
    let core = open_consented(data.path(), &backend.url);
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 0);
    assert_eq!(backend.stored_submissions().await.unwrap(), 1);
    let receipt = core.receipt(item.submission_id).unwrap().expect("kept");
    assert!(receipt.receipt.contains(reference.as_str()));
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_backend_refuses_every_kind_of_bad_submission_with_its_own_code() {
    let backend = TestBackend::start().await.unwrap();
    let probe = Probe::new(&backend.url, 1, true).await;
    let now = now_ms() / 1000;
    let body = Probe::body(1);

    // Unsigned.
    let (status, json) = probe
        .send(body.clone(), &[(header::IDEMPOTENCY_KEY, "k1".into())])
        .await;
    assert_eq!((status, code(&json)), (401, ErrorCode::Unsigned));

    // Tampered: the body changed after signing.
    let headers = probe.headers(&body, "k1", now);
    let mut tampered = body.clone();
    tampered[20] ^= 1;
    let (status, json) = probe.send(tampered, &headers).await;
    assert_eq!((status, code(&json)), (401, ErrorCode::BadSignature));

    // Tampered: the idempotency key changed after signing.
    let mut swapped = headers.clone();
    swapped[4].1 = "k2".into();
    let (status, json) = probe.send(body.clone(), &swapped).await;
    assert_eq!((status, code(&json)), (401, ErrorCode::BadSignature));

    // Replayed: a validly signed request recorded an hour ago.
    let old = probe.headers(&body, "k1", now - 3600);
    let (status, json) = probe.send(body.clone(), &old).await;
    assert_eq!((status, code(&json)), (401, ErrorCode::Replayed));

    // Unknown key.
    let stranger = Probe::new(&backend.url, 2, false).await;
    let (status, json) = stranger
        .send(body.clone(), &stranger.headers(&body, "k1", now))
        .await;
    assert_eq!((status, code(&json)), (401, ErrorCode::UnknownDevice));

    // Accepted, then a retry gets the very same receipt, then a different body under the same
    // key is a conflict.
    let (status, first) = probe.send(body.clone(), &headers).await;
    assert_eq!(status, 201, "{first}");
    let retry = probe.headers(&body, "k1", now + 1);
    let (status, again) = probe.send(body.clone(), &retry).await;
    assert_eq!((status, &again), (200, &first));
    let other = Probe::body(2);
    let (status, json) = probe
        .send(other.clone(), &probe.headers(&other, "k1", now))
        .await;
    assert_eq!((status, code(&json)), (422, ErrorCode::IdempotencyConflict));

    // The receipt verifies with the backend's published key.
    let signed: SignedReceipt = serde_json::from_value(first).unwrap();
    let key = backend.receipt_key().await.unwrap();
    let receipt = homeward_core::outbox::verify_receipt(
        &signed,
        &key,
        uuid::Uuid::from_u128(1),
        &hex::encode(Sha256::digest(&body)),
    )
    .expect("the receipt verifies");
    assert!(receipt.reference.starts_with("HW-"));

    // A submission for a service the catalogue does not have is refused, naming the field.
    let unknown = {
        let mut s: Submission = serde_json::from_slice(&Probe::body(3)).unwrap();
        s.guide_id = GuideId("no-such-service".into());
        serde_json::to_vec(&s).unwrap()
    };
    let (status, json) = probe
        .send(unknown.clone(), &probe.headers(&unknown, "k3", now))
        .await;
    assert_eq!((status, code(&json)), (400, ErrorCode::InvalidInput));
    assert!(json["message"].as_str().unwrap().starts_with("guide_id"));

    // Malformed requests are 4xx JSON, never 5xx.
    for (path, body) in [
        ("/v1/devices", "not json"),
        ("/v1/devices", r#"{"public_key":"short"}"#),
        ("/v1/submissions", ""),
    ] {
        let resp = reqwest::Client::new()
            .post(format!("{}{path}", backend.url))
            .body(body)
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let json: serde_json::Value = resp.json().await.expect("JSON error");
        assert!((400..500).contains(&status), "{path} {body:?}: {status}");
        code(&json);
    }
    assert_eq!(backend.stored_submissions().await.unwrap(), 1);
    backend.stop().await.unwrap();
}

/// Signed tus requests by hand: create, a chunk, a cut, resume from the acknowledged offset,
/// a wrong checksum, and a file that is not what was announced.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_cut_half_way_resumes_from_the_acknowledged_offset() {
    let backend = TestBackend::start().await.unwrap();
    let probe = Probe::new(&backend.url, 3, true).await;
    let file: Vec<u8> = (0..700_000u32).map(|i| (i % 251) as u8).collect();
    let sha = hex::encode(Sha256::digest(&file));
    let create = || {
        let mut req = probe
            .http
            .post(format!("{}/v1/uploads", backend.url))
            .header("tus-resumable", "1.0.0")
            .header("upload-length", file.len().to_string())
            .header("upload-metadata", format!("sha256 {}", B64.encode(&sha)));
        for (k, v) in probe.sign("POST", "/v1/uploads", &sha, b"") {
            req = req.header(k, v);
        }
        req.send()
    };
    let resp = create().await.unwrap();
    assert_eq!(resp.status(), 201);
    let location = resp.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(resp.headers()["upload-offset"], "0");
    let patch = |offset: usize, chunk: &[u8], checksum: &[u8]| {
        let mut req = probe
            .http
            .patch(format!("{}{location}", backend.url))
            .header("tus-resumable", "1.0.0")
            .header("content-type", "application/offset+octet-stream")
            .header("upload-offset", offset.to_string())
            .header(
                "upload-checksum",
                format!("sha256 {}", B64.encode(Sha256::digest(checksum))),
            )
            .body(chunk.to_vec());
        for (k, v) in probe.sign("PATCH", &location, "", chunk) {
            req = req.header(k, v);
        }
        req.send()
    };
    // The first half arrives.
    let half = &file[..350_000];
    let resp = patch(0, half, half).await.unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(resp.headers()["upload-offset"], "350000");
    // A chunk whose bytes were damaged on the way is refused, nothing kept.
    let rest = &file[350_000..];
    let mut damaged = rest.to_vec();
    damaged[10] ^= 0xff;
    let resp = patch(350_000, &damaged, rest).await.unwrap();
    assert_eq!(resp.status(), 460);
    // The connection drops; the app only knows the upload exists. Creating it again finds it,
    // at the acknowledged offset, and a chunk from the wrong offset is refused.
    let resp = create().await.unwrap();
    assert_eq!(resp.headers()["location"].to_str().unwrap(), location);
    assert_eq!(resp.headers()["upload-offset"], "350000");
    let resp = patch(0, half, half).await.unwrap();
    assert_eq!(resp.status(), 409);
    let resp = patch(350_000, rest, rest).await.unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(resp.headers()["upload-offset"], file.len().to_string());
    // Unsigned requests are refused.
    let resp = probe
        .http
        .head(format!("{}{location}", backend.url))
        .header("tus-resumable", "1.0.0")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let resp = probe
        .http
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/v1/uploads", backend.url),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["tus-extension"], "creation,checksum");
    backend.stop().await.unwrap();
}

/// Two requests racing to write the same part of one upload: whatever the order, a complete
/// upload holds exactly the announced file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_chunks_never_leave_a_complete_upload_with_other_bytes() {
    let backend = TestBackend::start().await.unwrap();
    let probe = Probe::new(&backend.url, 4, true).await;
    let mut completed = 0;
    for round in 0..40u32 {
        let file: Vec<u8> = (0..200_000u32).map(|i| ((i + round) % 251) as u8).collect();
        let mut other = file.clone();
        other[199_999] ^= 0x55;
        let sha = hex::encode(Sha256::digest(&file));
        let mut req = probe
            .http
            .post(format!("{}/v1/uploads", backend.url))
            .header("tus-resumable", "1.0.0")
            .header("upload-length", file.len().to_string())
            .header("upload-metadata", format!("sha256 {}", B64.encode(&sha)));
        for (k, v) in probe.sign("POST", "/v1/uploads", &sha, b"") {
            req = req.header(k, v);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 201);
        let location = resp.headers()["location"].to_str().unwrap().to_owned();
        let patch = |chunk: Vec<u8>| {
            let mut req = probe
                .http
                .patch(format!("{}{location}", backend.url))
                .header("tus-resumable", "1.0.0")
                .header("content-type", "application/offset+octet-stream")
                .header("upload-offset", "0")
                .header(
                    "upload-checksum",
                    format!("sha256 {}", B64.encode(Sha256::digest(&chunk))),
                );
            for (k, v) in probe.sign("PATCH", &location, "", &chunk) {
                req = req.header(k, v);
            }
            req.body(chunk).send()
        };
        let (a, b) = tokio::join!(patch(file.clone()), patch(other));
        let statuses = [a.unwrap().status().as_u16(), b.unwrap().status().as_u16()];
        let id = location.rsplit('/').next().unwrap();
        if statuses.contains(&204) {
            completed += 1;
            let stored = backend.stored_upload(id).unwrap();
            assert_eq!(
                hex::encode(Sha256::digest(&stored)),
                sha,
                "round {round}: {statuses:?}"
            );
        }
    }
    assert!(completed > 0, "the right file got through at least once");
    backend.stop().await.unwrap();
}

/// One refused item is set aside with the backend's reason; the others are delivered all the
/// same, and "Send again" puts it back in line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_item_is_set_aside_and_the_others_still_go() {
    // This backend's catalogue has no enquiry guide, so it refuses that application.
    let mut pack = homeward_core::catalog::bundled().unwrap().into_pack();
    pack.guides.retain(|g| g.id.0 != ENQUIRY);
    let signed = homeward_core::catalog::sign_pack(&pack, &SigningKey::from_bytes(&[7; 32]));
    let backend = TestBackend::start_serving(&signed).await.unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &backend.url);
    // The hukou service needs identity verified in person.
    let site = SigningKey::from_bytes(&[8; 32]);
    backend.register_site("prato", &site).await.unwrap();
    attested_in_person(&core, &site, "prato");
    let question = enquiry(&core);
    let hukou = hukou_cancellation(&core);
    core.submit(question).unwrap();
    core.submit(hukou).unwrap();
    let report = core.sync_outbox().await.unwrap();
    assert_eq!((report.delivered, report.set_aside), (1, 1), "{report:?}");
    let items = core.outbox().unwrap();
    let state_of = |draft: DraftId| {
        items
            .iter()
            .find(|i| i.draft_id == draft)
            .map(|i| i.state.clone())
            .unwrap()
    };
    assert!(matches!(state_of(hukou), OutboxState::Delivered { .. }));
    let OutboxState::SetAside { error, message } = state_of(question) else {
        panic!("set aside: {:?}", state_of(question));
    };
    assert_eq!(error, "invalid-input");
    assert!(
        message.contains("guide_id"),
        "the backend's reason: {message}"
    );
    // Sending again tries once more; the refusal stands, and nothing was lost.
    let id = items
        .iter()
        .find(|i| i.draft_id == question)
        .unwrap()
        .submission_id;
    assert!(matches!(
        core.retry_submission(id).unwrap().state,
        OutboxState::Waiting { .. }
    ));
    assert_eq!(core.sync_outbox().await.unwrap().set_aside, 1);
    assert_eq!(backend.stored_submissions().await.unwrap(), 1);
    backend.stop().await.unwrap();
}

/// The backend lost documents the app had uploaded (its data restored from a backup taken
/// before they came, say): the app uploads them again and the application arrives, where it
/// used to wait for ever behind `material-not-uploaded`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_the_backend_lost_are_uploaded_again() {
    let backend = TestBackend::start().await.unwrap();
    // The documents go through; the submission after them meets a backend that is away.
    let proxy = FaultProxy::refusing(backend.addr(), "POST /v1/submissions", 1)
        .await
        .unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &proxy.url);
    let draft = enquiry(&core);
    let photo = homeward_core::materials::fixtures::phone_photo(3000, 2000);
    core.add_material(draft, ENQUIRY_ATTACHMENT, "photo.jpg", &photo)
        .unwrap();
    core.submit(draft).unwrap();
    let report = core.sync_outbox().await.unwrap();
    assert_eq!((report.delivered, report.waiting), (0, 1), "{report:?}");
    assert_eq!(proxy.counts.unavailable.load(Ordering::Relaxed), 1);

    backend.lose_uploads().unwrap();
    let mut passes = 0;
    while core.sync_outbox().await.unwrap().delivered == 0 {
        passes += 1;
        assert!(
            passes < 4,
            "still not delivered: {:?}",
            core.outbox().unwrap()
        );
        let due = core.outbox_next_due().unwrap().expect("due later");
        let wait = u64::try_from((due - now_ms()).max(0)).expect("not negative");
        tokio::time::sleep(std::time::Duration::from_millis(wait + 50)).await;
    }
    assert_eq!(backend.stored_submissions().await.unwrap(), 1);
    let apps = backend
        .database()
        .await
        .unwrap()
        .applications(homeward_backend::storage::ApplicationFilter {
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(apps.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_receipt_key_is_followed_and_one_nobody_endorsed_is_refused() {
    let mut backend = TestBackend::start().await.unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &backend.url);
    let send = |core: &homeward_core::Homeward| {
        core.submit(enquiry(core)).unwrap();
    };
    send(&core);
    assert_eq!(
        core.sync_outbox().await.unwrap().delivered,
        1,
        "pins the key"
    );
    let first = backend.receipt_key().await.unwrap();
    let keys: homeward_domain::sync::BackendKeys = reqwest::get(format!("{}/v1/keys", backend.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(
        keys.officer_key, keys.receipt_key,
        "identity proofs have a key of their own"
    );

    // The city rotates the receipt key: the app follows the endorsement and takes receipts.
    backend
        .restart_after(|keys| homeward_backend::keys::rotate_receipt_key(keys).map(drop))
        .await
        .unwrap();
    let second = backend.receipt_key().await.unwrap();
    assert_ne!(first, second);
    send(&core);
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);

    // Someone else's key, endorsed by nobody (a backend taken over with its database, say: the
    // backend itself refuses to start with a key that does not descend from the one its
    // database knows): its receipts are not believed, and the item waits rather than counting
    // as delivered.
    let db = backend.database().await.unwrap();
    db.forget_meta("receipt-public-key").await.unwrap();
    drop(db);
    backend
        .restart_after(|keys| {
            let text = std::fs::read_to_string(keys)?;
            let stranger = B64.encode(SigningKey::from_bytes(&[77; 32]).to_bytes());
            let replaced: Vec<String> = text
                .lines()
                .map(|l| {
                    if l.starts_with("receipt = ") {
                        format!("receipt = \"{stranger}\"")
                    } else {
                        l.to_owned()
                    }
                })
                .collect();
            std::fs::write(keys, replaced.join("\n"))?;
            Ok(())
        })
        .await
        .unwrap();
    send(&core);
    let report = core.sync_outbox().await.unwrap();
    assert_eq!((report.delivered, report.waiting), (0, 1), "{report:?}");
    assert_eq!(backend.stored_submissions().await.unwrap(), 3);
    backend.stop().await.unwrap();
}
