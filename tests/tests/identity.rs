//! Identity proofs across crates: a person's installation and a liaison site's installation, each
//! with its own data directory and keys, prove the person's identity with no backend at all; the
//! backend then takes the person's submission at the proven level, and refuses every kind of bad
//! attestation with its own code. Needs the OS keyring session that `cargo xtask test` provides.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine as _;
use ed25519_dalek::SigningKey;
use homeward_core::{Config, Homeward};
use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::{
    profile_digest, public_key_b64, Attestation, DocumentKind, IssuerKind,
};
use homeward_domain::sync::OutboxState;
use homeward_domain::ErrorCode;
use homeward_tests::backend::{
    quoted_after, register_site, revoke_signer, staff_token, unreachable_url, Console, TestBackend,
};
use homeward_tests::installation::{
    attested_in_person, hukou_cancellation, open_consented, profile,
};
use homeward_tests::probe::{code, now_ms, Probe};
use tempfile::TempDir;

const ADMIN: &str = "admin-chen";
const PASSWORD: &str = "a long enough passphrase";
const HUKOU: &str = "hukou-cancel-settled-abroad";
const DAY: i64 = 86_400_000;

fn open(dir: &std::path::Path, url: &str) -> Homeward {
    Homeward::open(&Config::fixed(dir.to_owned(), url).expect("config")).expect("open")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proven_in_person_offline_the_person_sends_at_that_level_until_the_site_is_revoked() {
    let (person_dir, site_dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let backend = TestBackend::start().await.unwrap();
    backend.add_staff(ADMIN, PASSWORD, true).await.unwrap();
    let auth = staff_token(&backend.url, ADMIN, PASSWORD).await.unwrap();

    // The site's laptop goes into site mode; an administrator registers its key.
    let site = open(site_dir.path(), &unreachable_url());
    let info = site
        .enable_site_mode("prato", "Prato liaison site")
        .unwrap();
    assert_eq!(site.site().unwrap(), Some(info.clone()));
    site.add_volunteer("Lucia Bianchi", "28461937", "28461937", "")
        .unwrap();
    register_site(&backend.url, &auth, "prato", &info.public_key)
        .await
        .unwrap();

    // The person's app, offline, with their details, cannot send a service that needs more.
    let person = open_consented(person_dir.path(), &unreachable_url());
    person.set_profile(&profile()).unwrap();
    assert_eq!(
        person.identity().unwrap().level,
        IdentityLevel::SelfAsserted
    );
    let draft = hukou_cancellation(&person);
    let refused = person.submit(draft).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::IdentityLevelTooLow);

    // Face to face, with both devices offline: the person's code, the volunteer's attestation.
    let request = person.proof_request().unwrap();
    assert!(request.svg.starts_with("<svg"), "a QR code to scan");
    let read = site.read_proof_request(&request.text).unwrap();
    assert_eq!(
        read.profile,
        profile(),
        "the volunteer sees what to compare"
    );
    assert_eq!(
        site.attest(&request.text, &[]).unwrap_err().code(),
        ErrorCode::InvalidInput,
        "a volunteer says which documents they checked"
    );
    let attestation = site
        .attest(&request.text, &[DocumentKind::Passport])
        .unwrap();
    let status = person.add_attestation(&attestation.text).unwrap();
    assert_eq!(status.level, IdentityLevel::OnsiteAttended);
    assert_eq!(status.attestations[0].issuer_id, "prato");

    // Another device cannot use it; nor can the person once their details change.
    let stranger_dir = TempDir::new().unwrap();
    let stranger = open_consented(stranger_dir.path(), &unreachable_url());
    stranger.set_profile(&profile()).unwrap();
    assert_eq!(
        stranger
            .add_attestation(&attestation.text)
            .unwrap_err()
            .code(),
        ErrorCode::AttestationOtherDevice
    );

    // Online again: the application goes at the proven level.
    drop(person);
    let person = open(person_dir.path(), &backend.url);
    person.submit(draft).unwrap();
    let report = person.sync_outbox().await.unwrap();
    assert_eq!(report.delivered, 1, "{report:?}");

    // The site's key is revoked: what it attested is refused from then on.
    revoke_signer(&backend.url, &auth, "site", "prato")
        .await
        .unwrap();
    let second = hukou_cancellation(&person);
    person.submit(second).unwrap();
    let report = person.sync_outbox().await.unwrap();
    assert_eq!(report.set_aside, 1, "{report:?}");
    let item = person
        .outbox()
        .unwrap()
        .into_iter()
        .find(|i| i.draft_id == second)
        .unwrap();
    let OutboxState::SetAside { error, .. } = item.state else {
        panic!("set aside: {:?}", item.state)
    };
    assert_eq!(error, ErrorCode::RevokedSigner.slug());
    assert_eq!(backend.stored_submissions().await.unwrap(), 1);
    // The refused confirmation counts no more: the person is asked to verify again, and a
    // service that needs only their word still goes (it carries no identity proof).
    let status = person.identity().unwrap();
    assert_eq!(status.level, IdentityLevel::SelfAsserted);
    assert_eq!(
        status.attestations[0].refused,
        Some(ErrorCode::RevokedSigner)
    );
    person
        .submit(homeward_tests::installation::enquiry(&person))
        .unwrap();
    assert_eq!(person.sync_outbox().await.unwrap().delivered, 1);
    backend.stop().await.unwrap();
}

/// An attestation for `device` by `signer`, claiming to be site `site`, valid around now.
fn attestation(device: &Probe, signer: &SigningKey, site: &str) -> Attestation {
    let now = now_ms();
    Attestation {
        id: uuid::Uuid::now_v7(),
        subject_key: device.public(),
        profile_digest: profile_digest(&profile()),
        level: IdentityLevel::OnsiteAttended,
        issuer_kind: IssuerKind::Site,
        issuer_id: site.into(),
        signer_key: public_key_b64(signer),
        documents: vec![DocumentKind::Passport],
        issued_at: now - DAY,
        expires_at: now + DAY,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_attestation_is_refused_with_its_own_code() {
    let backend = TestBackend::start().await.unwrap();
    backend.add_staff(ADMIN, PASSWORD, true).await.unwrap();
    let auth = staff_token(&backend.url, ADMIN, PASSWORD).await.unwrap();
    let prato = SigningKey::from_bytes(&[21; 32]);
    let milan = SigningKey::from_bytes(&[22; 32]);
    register_site(&backend.url, &auth, "prato", &public_key_b64(&prato))
        .await
        .unwrap();
    register_site(&backend.url, &auth, "milan", &public_key_b64(&milan))
        .await
        .unwrap();
    let device = Probe::new(&backend.url, 1, true).await;
    let mut n = 0;
    let mut send = |attestations: Vec<String>| {
        n += 1;
        let body = Probe::body_for(n, HUKOU, attestations);
        let device = &device;
        async move {
            let (status, json) = device.submit(body, &format!("k{n}")).await;
            if status == 201 {
                None
            } else {
                assert_eq!(status, 403, "{json}");
                Some(code(&json))
            }
        }
    };

    // No attestation: too low for a service that needs verification in person.
    assert_eq!(send(vec![]).await, Some(ErrorCode::IdentityLevelTooLow));
    // Forged: signed by a key no administrator registered, in Prato's name.
    let forger = SigningKey::from_bytes(&[23; 32]);
    let forged = attestation(&device, &forger, "prato").seal(&forger);
    assert_eq!(send(vec![forged]).await, Some(ErrorCode::UnknownSigner));
    // Tampered: a valid attestation whose payload was changed after signing.
    let valid = attestation(&device, &prato, "prato").seal(&prato);
    let (payload, signature) = valid.rsplit_once('.').unwrap();
    let payload = payload.strip_prefix("HWA1.").unwrap();
    let json = String::from_utf8(B64URL.decode(payload).unwrap()).unwrap();
    let raised = json.replace("\"onsite-attended\"", "\"remote-attended\"");
    assert_ne!(raised, json);
    let tampered = format!("HWA1.{}.{signature}", B64URL.encode(raised));
    assert_eq!(
        send(vec![tampered]).await,
        Some(ErrorCode::AttestationTampered)
    );
    // For another device.
    let other = Probe::new(&backend.url, 2, true).await;
    let theirs = attestation(&other, &prato, "prato").seal(&prato);
    assert_eq!(
        send(vec![theirs]).await,
        Some(ErrorCode::AttestationOtherDevice)
    );
    // Expired.
    let mut old = attestation(&device, &prato, "prato");
    old.issued_at -= 4 * 365 * DAY;
    old.expires_at = now_ms() - DAY;
    assert_eq!(
        send(vec![old.seal(&prato)]).await,
        Some(ErrorCode::AttestationExpired)
    );
    // The valid one is taken; so is Milan's.
    assert_eq!(send(vec![valid.clone()]).await, None);
    let milans = attestation(&device, &milan, "milan").seal(&milan);
    assert_eq!(send(vec![milans.clone()]).await, None);
    // Milan's key is revoked: refused, even beside a valid one.
    revoke_signer(&backend.url, &auth, "site", "milan")
        .await
        .unwrap();
    assert_eq!(
        send(vec![valid, milans]).await,
        Some(ErrorCode::RevokedSigner)
    );
    assert_eq!(backend.stored_submissions().await.unwrap(), 2);
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verified_by_video_the_attestation_comes_with_the_feed_and_the_service_is_taken() {
    let data = TempDir::new().unwrap();
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("officer-li", PASSWORD, false)
        .await
        .unwrap();
    let person = open_consented(data.path(), &backend.url);
    person.set_profile(&profile()).unwrap();
    assert_eq!(
        person.request_video_proofing(" ").await.unwrap_err().code(),
        ErrorCode::InvalidInput,
        "the officer needs a way to call"
    );
    let asked = person
        .request_video_proofing("+39 333 123 4567")
        .await
        .unwrap();
    assert_eq!(person.pending_proofing().unwrap(), Some(asked.clone()));
    let again = person
        .request_video_proofing("+39 333 123 4567")
        .await
        .unwrap();
    assert_eq!(again.id, asked.id, "one open request per device");

    // The first call does not get through: the officer closes the request, and the app hears.
    let console = Console::sign_in(&backend.url, "officer-li", PASSWORD)
        .await
        .unwrap();
    console.decline_oldest_video_request().await.unwrap();
    person.poll_status().await.unwrap();
    let declined = person.pending_proofing().unwrap().unwrap();
    assert!(!declined.is_open() && declined.declined_at.is_some());
    assert_eq!(
        person.identity().unwrap().level,
        IdentityLevel::SelfAsserted
    );
    let asked = person
        .request_video_proofing("+39 333 123 4567")
        .await
        .unwrap();
    assert_ne!(asked.id, declined.id, "a new request");

    // The officer calls again, compares and attests in the console.
    let page = console.page("/console/proofing").await.unwrap();
    assert!(
        page.contains("王小明") && page.contains("+39 333 123 4567"),
        "{page}"
    );
    console.attest_oldest_video_request().await.unwrap();
    assert!(console
        .page("/console/proofing")
        .await
        .unwrap()
        .contains("no-proofing"));

    // The app hears of it with its next look at the feed.
    person.poll_status().await.unwrap();
    let status = person.identity().unwrap();
    assert_eq!(status.level, IdentityLevel::RemoteAttended);
    assert_eq!(status.attestations[0].issuer_kind, IssuerKind::Officer);
    assert_eq!(person.pending_proofing().unwrap(), None);

    // Verified by video counts as verified in person: the hukou service is taken.
    let draft = hukou_cancellation(&person);
    person.submit(draft).unwrap();
    assert_eq!(person.sync_outbox().await.unwrap().delivered, 1);
    let reference = console.latest_reference().await.unwrap();
    let shown = console
        .page(&format!("/console/applications/{reference}"))
        .await
        .unwrap();
    let identity = shown
        .split("id=\"identity-0\"")
        .nth(1)
        .and_then(|s| s.split("</div>").next())
        .expect("the identity proofs are shown");
    assert!(
        identity.contains("data-verified=\"true\"") && identity.contains("officer-li"),
        "{identity}"
    );
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_phone_is_revoked_in_the_console_and_the_new_one_is_proven_again() {
    let (old_dir, new_dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let backend = TestBackend::start().await.unwrap();
    backend.add_staff(ADMIN, PASSWORD, true).await.unwrap();
    let site = SigningKey::from_bytes(&[31; 32]);
    backend.register_site("milan", &site).await.unwrap();
    let old = open_consented(old_dir.path(), &backend.url);
    attested_in_person(&old, &site, "milan");
    old.submit(hukou_cancellation(&old)).unwrap();
    assert_eq!(old.sync_outbox().await.unwrap().delivered, 1);

    // The phone is lost; the person calls, and an administrator revokes its key.
    let console = Console::sign_in(&backend.url, ADMIN, PASSWORD)
        .await
        .unwrap();
    let reference = console.latest_reference().await.unwrap();
    let page = format!("/console/applications/{reference}");
    let refused = console
        .submit_form(
            &page,
            "/console/devices/revoke",
            &[("reference", &reference)],
        )
        .await
        .unwrap();
    assert_eq!(
        refused, 400,
        "the public key and the confirmation are needed"
    );
    let html = console.page(&page).await.unwrap();
    let key = quoted_after(&html, "name=\"public_key\" value=\"").unwrap();
    let status = console
        .submit_form(
            &page,
            "/console/devices/revoke",
            &[
                ("public_key", &key),
                ("reference", &reference),
                ("confirm", "1"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(status, 303);

    // Whoever holds the old phone can send nothing more.
    old.submit(hukou_cancellation(&old)).unwrap();
    let report = old.sync_outbox().await.unwrap();
    assert_eq!(report.set_aside, 1, "{report:?}");

    // The new phone is proven again, and sends.
    let new = open_consented(new_dir.path(), &backend.url);
    attested_in_person(&new, &site, "milan");
    new.submit(hukou_cancellation(&new)).unwrap();
    assert_eq!(new.sync_outbox().await.unwrap().delivered, 1);
    assert_eq!(backend.stored_submissions().await.unwrap(), 2);
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_of_small_order_is_refused_and_so_are_the_signatures_it_would_let_anyone_make() {
    use base64::engine::general_purpose::STANDARD as B64;
    use homeward_domain::wire::header;
    let backend = TestBackend::start().await.unwrap();
    backend.add_staff(ADMIN, PASSWORD, true).await.unwrap();
    let auth = staff_token(&backend.url, ADMIN, PASSWORD).await.unwrap();
    // The neutral point: every message "verifies" under it with R = the neutral point, s = 0.
    let mut neutral = [0u8; 32];
    neutral[0] = 1;
    let weak = B64.encode(neutral);
    let http = reqwest::Client::new();
    let resp = http
        .post(format!("{}/v1/devices", backend.url))
        .json(&serde_json::json!({ "public_key": weak }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let json: serde_json::Value = resp.json().await.unwrap();
    assert!(
        json["message"].as_str().unwrap().starts_with("public_key:"),
        "{json}"
    );
    // Nor can a liaison site be registered under it.
    assert!(register_site(&backend.url, &auth, "prato", &weak)
        .await
        .is_err());
    // A submission "signed" under it with the trivial signature is not taken.
    let probe = Probe::new(&backend.url, 9, false).await;
    let body = Probe::body(1);
    let mut headers = probe.headers(&body, "k1", now_ms() / 1000);
    let mut trivial = [0u8; 64];
    trivial[0] = 1;
    for (name, value) in &mut headers {
        if *name == header::KEY {
            value.clone_from(&weak);
        } else if *name == header::SIGNATURE {
            *value = B64.encode(trivial);
        }
    }
    let (status, json) = probe.send(body, &headers).await;
    assert_eq!(status, 401, "{json}");
    assert_eq!(backend.stored_submissions().await.unwrap(), 0);
    backend.stop().await.unwrap();
}

/// A submission body for `HUKOU` numbered `n`, with `attestations` and `applicant` as given.
fn body_with(
    n: u128,
    guide: &str,
    revision: u32,
    attestations: Vec<String>,
    applicant: Option<homeward_domain::privacy::Profile>,
) -> Vec<u8> {
    let mut s: homeward_domain::sync::Submission =
        serde_json::from_slice(&Probe::body_for(n, guide, vec![])).unwrap();
    s.submission_id = uuid::Uuid::from_u128(n + u128::from(revision) * 10_000);
    s.revision = revision;
    s.attestations = attestations;
    s.applicant = applicant;
    serde_json::to_vec(&s).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proof_of_one_person_does_not_carry_another_persons_application_nor_a_swapped_revision() {
    let backend = TestBackend::start().await.unwrap();
    backend.add_staff(ADMIN, PASSWORD, true).await.unwrap();
    let auth = staff_token(&backend.url, ADMIN, PASSWORD).await.unwrap();
    let prato = SigningKey::from_bytes(&[21; 32]);
    register_site(&backend.url, &auth, "prato", &public_key_b64(&prato))
        .await
        .unwrap();
    let device = Probe::new(&backend.url, 1, true).await;
    // Proven in person as the person of `profile()`.
    let proof = attestation(&device, &prato, "prato").seal(&prato);
    let mut someone_else = profile();
    someone_else.name_han = "李四".into();
    someone_else.id_number = "11010519491231002X".into();

    // The same proof on an application for someone else: refused with its own code.
    let (status, json) = device
        .submit(
            body_with(1, HUKOU, 0, vec![proof.clone()], Some(someone_else)),
            "k1",
        )
        .await;
    assert_eq!(
        (status, code(&json)),
        (403, ErrorCode::AttestationOtherPerson)
    );
    // A proof that names no applicant at all: the field is named.
    let (status, json) = device
        .submit(body_with(2, HUKOU, 0, vec![proof.clone()], None), "k2")
        .await;
    assert_eq!(status, 400, "{json}");
    assert!(json["message"].as_str().unwrap().starts_with("applicant:"));
    // For the proven person, taken.
    let (status, json) = device
        .submit(
            body_with(3, HUKOU, 0, vec![proof.clone()], Some(profile())),
            "k3",
        )
        .await;
    assert_eq!(status, 201, "{json}");
    let receipt: homeward_domain::sync::Receipt =
        serde_json::from_str(json["receipt"].as_str().unwrap()).unwrap();

    // Staff ask for more material; the revision swaps in a service that takes anyone's word,
    // to skip the identity check: refused, and the application is unchanged.
    let resp = reqwest::Client::new()
        .post(format!(
            "{}/v1/staff/applications/{}/decision",
            backend.url, receipt.reference
        ))
        .header("authorization", &auth)
        .json(&serde_json::json!({"status": "more-material-needed", "message": "请补充材料", "version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let (status, json) = device
        .submit(
            body_with(3, homeward_tests::installation::ENQUIRY, 1, vec![], None),
            "k3-r1",
        )
        .await;
    assert_eq!(
        (status, code(&json)),
        (422, ErrorCode::RevisionOtherService)
    );
    // Nor can the revision drop the proof while keeping the service.
    let (status, json) = device
        .submit(body_with(3, HUKOU, 1, vec![], None), "k3-r1b")
        .await;
    assert_eq!((status, code(&json)), (403, ErrorCode::IdentityLevelTooLow));
    let (status, json) = device
        .submit(
            body_with(3, HUKOU, 1, vec![proof], Some(profile())),
            "k3-r1c",
        )
        .await;
    assert_eq!(status, 201, "{json}");
    assert_eq!(backend.stored_submissions().await.unwrap(), 2);
    backend.stop().await.unwrap();
}
