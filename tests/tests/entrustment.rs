//! Entrustment letters across crates: the person's app signs a letter and prints it; the QR code
//! read back from the printed page is what the backend checks; the letter holds until the person
//! revokes it, and a tampered, expired, not-yet-valid or revoked-device letter fails. Only a
//! person whose identity was seen in person or by video can sign one: a stranger's letter, a
//! letter whose proof is another person's, an over-long letter and a letter for a service that
//! cannot be entrusted each fail with a state of their own. Needs the OS keyring session and
//! poppler's `pdftoppm`, which `cargo xtask test` provides.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine as _;
use ed25519_dalek::SigningKey;
use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::{
    profile_digest, public_key_b64, Attestation, Delegation, DelegationCheck, DelegationRevocation,
    DelegationToken, DocumentKind, IssuerKind, NewDelegation,
};
use homeward_domain::privacy::Profile;
use homeward_domain::{ErrorCode, GuideId, Lang};
use homeward_tests::backend::{register_site, staff_token, Console, TestBackend};
use homeward_tests::installation::{attested_in_person, open_consented, profile};
use homeward_tests::probe::{now_ms, Probe};
use homeward_tests::qr::scan_pdf;
use tempfile::TempDir;

const DAY: i64 = 86_400_000;
const ADMIN: &str = "admin-chen";
const PASSWORD: &str = "a long administrator password";
const HUKOU: &str = "hukou-cancel-settled-abroad";

/// A backend that trusts the liaison site `prato`, whose key is returned; and an administrator's
/// bearer token.
async fn backend_with_site() -> (TestBackend, SigningKey, String) {
    let backend = TestBackend::start().await.unwrap();
    backend.add_staff(ADMIN, PASSWORD, true).await.unwrap();
    let auth = staff_token(&backend.url, ADMIN, PASSWORD).await.unwrap();
    let prato = SigningKey::from_bytes(&[21; 32]);
    register_site(&backend.url, &auth, "prato", &public_key_b64(&prato))
        .await
        .unwrap();
    (backend, prato, auth)
}

/// `site`'s in-person attestation that the holder of `device` is `person`.
fn proof_of(device: &Probe, person: &Profile, site: &SigningKey) -> String {
    let now = now_ms();
    Attestation {
        id: uuid::Uuid::now_v7(),
        subject_key: device.public(),
        profile_digest: profile_digest(person),
        level: IdentityLevel::OnsiteAttended,
        issuer_kind: IssuerKind::Site,
        issuer_id: "prato".into(),
        signer_key: public_key_b64(site),
        documents: vec![DocumentKind::Passport],
        issued_at: now - 30 * DAY,
        expires_at: now + 300 * DAY,
    }
    .seal(site)
}

/// A letter signed by `device` in `person`'s name, resting on `proof`, for `guides`.
fn letter_of(
    device: &Probe,
    person: &Profile,
    proof: Option<String>,
    guides: &[&str],
    (from, until): (i64, i64),
) -> String {
    Delegation {
        id: uuid::Uuid::now_v7(),
        principal_key: device.public(),
        principal_name: person.name_han.clone(),
        principal_document: person.passport.clone(),
        agent_name: "王大明".into(),
        agent_id_number: "330324198506150074".into(),
        guides: guides.iter().map(|g| GuideId((*g).into())).collect(),
        valid_from: from,
        valid_until: until,
        issued_at: from.min(now_ms()),
        principal: Some(person.clone()),
        proof,
    }
    .seal(&device.key)
}

fn new_letter(valid_until: &str) -> NewDelegation {
    NewDelegation {
        agent_name: "王大明".into(),
        agent_id_number: "330324198506150074".into(),
        guides: vec![GuideId("hukou-cancel-settled-abroad".into())],
        valid_until: valid_until.into(),
    }
}

async fn check(url: &str, token: &str) -> DelegationCheck {
    reqwest::Client::new()
        .post(format!("{url}/v1/delegations/verify"))
        .json(&DelegationToken {
            token: token.into(),
        })
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_printed_letter_verifies_until_the_person_revokes_it() {
    let (backend, prato, _) = backend_with_site().await;
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &backend.url);

    // Refused field by field until it is right.
    let today = homeward_core::validate::today();
    let in_a_month =
        homeward_core::validate::Date::from_unix_days(today.to_unix_days() + 30).to_string();
    let refused = core
        .create_delegation(&new_letter(&in_a_month))
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InvalidInput, "no profile yet");
    core.set_profile(&profile()).unwrap();
    let mut bad = new_letter(&in_a_month);
    bad.agent_id_number = "330324198506150075".into();
    assert!(core
        .create_delegation(&bad)
        .unwrap_err()
        .to_string()
        .contains("agent-id-number"));
    let mut bad = new_letter("2099-01-01");
    bad.guides.clear();
    assert!(core
        .create_delegation(&bad)
        .unwrap_err()
        .to_string()
        .contains("guides"));
    let bad = new_letter("2099-01-01");
    assert!(core
        .create_delegation(&bad)
        .unwrap_err()
        .to_string()
        .contains("valid-until"));

    // Everything right, but the person's identity was never seen: no letter.
    assert_eq!(
        core.create_delegation(&new_letter(&in_a_month))
            .unwrap_err()
            .code(),
        ErrorCode::IdentityLevelTooLow
    );
    assert!(core.delegations().unwrap().is_empty());
    attested_in_person(&core, &prato, "prato");
    let letter = core.create_delegation(&new_letter(&in_a_month)).unwrap();
    assert_eq!(core.delegations().unwrap().len(), 1);
    core.register_for_letters().await.unwrap();

    // The counter scans the printed letter and checks it.
    let pdf = core.delegation_pdf(letter.delegation.id, Lang::En).unwrap();
    let scanned = scan_pdf(&pdf).unwrap();
    assert_eq!(
        scanned, letter.token,
        "the QR code carries the signed letter"
    );
    let DelegationCheck::Valid { delegation } = check(&backend.url, &scanned).await else {
        panic!("valid");
    };
    assert_eq!(delegation.agent_name, "王大明");
    assert_eq!(
        (&delegation.principal, &delegation.proof),
        (&None, &None),
        "the counter is told what the letter shows, not the person's other details"
    );
    assert_eq!(
        core.check_delegation(&scanned).await.unwrap(),
        DelegationCheck::Valid { delegation }
    );

    // Revoked by the person: it fails from then on, at the API and in the app.
    let revoked = core.revoke_delegation(letter.delegation.id).await.unwrap();
    assert_eq!(revoked.id, letter.delegation.id);
    assert!(matches!(
        check(&backend.url, &scanned).await,
        DelegationCheck::Revoked { .. }
    ));
    assert!(core.delegations().unwrap()[0].revoked_at.is_some());

    // Altered after signing: the relative's name changed.
    let (payload, signature) = scanned.rsplit_once('.').unwrap();
    let json = B64URL
        .decode(payload.strip_prefix("HWD1.").unwrap())
        .unwrap();
    let altered = String::from_utf8(json).unwrap().replace("王大明", "李四");
    let forged = format!("HWD1.{}.{signature}", B64URL.encode(altered));
    assert_eq!(
        check(&backend.url, &forged).await,
        DelegationCheck::Tampered
    );
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_early_and_revoked_device_letters_fail() {
    let (backend, prato, auth) = backend_with_site().await;
    let device = Probe::new(&backend.url, 9, true).await;
    let now = now_ms();
    let proof = proof_of(&device, &profile(), &prato);
    let letter = |from: i64, until: i64| {
        letter_of(
            &device,
            &profile(),
            Some(proof.clone()),
            &[HUKOU],
            (from, until),
        )
    };
    assert!(matches!(
        check(&backend.url, &letter(now - 10 * DAY, now - DAY)).await,
        DelegationCheck::Expired { .. }
    ));
    assert!(matches!(
        check(&backend.url, &letter(now + DAY, now + 10 * DAY)).await,
        DelegationCheck::NotYetValid { .. }
    ));
    let good = letter(now - DAY, now + DAY);
    assert!(matches!(
        check(&backend.url, &good).await,
        DelegationCheck::Valid { .. }
    ));
    // A stranger's device cannot revoke it: its revocation is its own.
    let stranger = Probe::new(&backend.url, 10, true).await;
    assert_ne!(stranger.public(), public_key_b64(&device.key));
    let id = Delegation::open(&good).unwrap().id;
    let body = serde_json::to_vec(&DelegationRevocation { id }).unwrap();
    let (status, _) = stranger.post_signed("/v1/delegations/revoke", body).await;
    assert_eq!(status, 200);
    assert!(matches!(
        check(&backend.url, &good).await,
        DelegationCheck::Valid { .. }
    ));

    // The phone is lost: an administrator revokes its key; its letters fail with it.
    let resp = reqwest::Client::new()
        .post(format!("{}/v1/staff/devices/revoke", backend.url))
        .header("authorization", &auth)
        .json(&serde_json::json!({ "public_key": device.public() }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    assert!(matches!(
        check(&backend.url, &good).await,
        DelegationCheck::UnknownSigner { .. }
    ));
    // And the backend refuses the old key's submissions.
    let (status, json) = device.submit(Probe::body(77), "after-loss").await;
    assert_eq!(
        (status, homeward_tests::probe::code(&json)),
        (403, ErrorCode::DeviceRevoked)
    );
    // Not JSON at all: a 400 with the JSON error shape, never a 5xx.
    let resp = reqwest::Client::new()
        .post(format!("{}/v1/delegations/verify", backend.url))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strangers_letter_an_over_long_one_and_one_for_a_service_that_cannot_be_entrusted_fail() {
    let (backend, prato, _) = backend_with_site().await;
    let now = now_ms();
    let month = (now - DAY, now + 30 * DAY);
    let state = |check: DelegationCheck| serde_json::to_value(check).unwrap()["state"].clone();
    let expect = |state_: &str| serde_json::Value::from(state_);

    // A stranger registers a fresh key and signs a letter in the person's name: no proof.
    let stranger = Probe::new(&backend.url, 30, true).await;
    let forged = letter_of(&stranger, &profile(), None, &[HUKOU], month);
    assert_eq!(
        state(check(&backend.url, &forged).await),
        expect("identity-not-proven")
    );
    // The stranger was proven, as themselves; the letter names the person: still no.
    let mut them = profile();
    them.name_han = "李四".into();
    them.passport = "E99999999".into();
    them.id_number = "11010519491231002X".into();
    let own_proof = proof_of(&stranger, &them, &prato);
    let forged = letter_of(
        &stranger,
        &profile(),
        Some(own_proof.clone()),
        &[HUKOU],
        month,
    );
    assert_eq!(
        state(check(&backend.url, &forged).await),
        expect("identity-not-proven")
    );
    // Nor by naming the person with the stranger's own proven details under the person's name.
    let mut mixed = them.clone();
    mixed.name_han = profile().name_han;
    let forged = letter_of(&stranger, &mixed, Some(own_proof.clone()), &[HUKOU], month);
    assert_eq!(
        state(check(&backend.url, &forged).await),
        expect("identity-not-proven")
    );
    // Someone else's genuine proof, copied into the stranger's letter: made for another device.
    let person = Probe::new(&backend.url, 31, true).await;
    let theirs = proof_of(&person, &profile(), &prato);
    let forged = letter_of(&stranger, &profile(), Some(theirs.clone()), &[HUKOU], month);
    assert_eq!(
        state(check(&backend.url, &forged).await),
        expect("identity-not-proven")
    );
    // A proof signed by a site the city never registered.
    let fake_site = SigningKey::from_bytes(&[66; 32]);
    let fake = proof_of(&stranger, &them, &fake_site);
    let forged = letter_of(&stranger, &them, Some(fake), &[HUKOU], month);
    assert_eq!(
        state(check(&backend.url, &forged).await),
        expect("identity-not-proven")
    );
    // The stranger's own letter, in their own name, with their own proof: that one holds.
    let own = letter_of(&stranger, &them, Some(own_proof), &[HUKOU], month);
    assert_eq!(state(check(&backend.url, &own).await), expect("valid"));

    // The person's genuine letter, but for two years.
    let long = letter_of(
        &person,
        &profile(),
        Some(theirs.clone()),
        &[HUKOU],
        (now - DAY, now + 2 * 365 * DAY),
    );
    assert_eq!(state(check(&backend.url, &long).await), expect("too-long"));
    // An absurd date does not break the check (nor the console that shows it).
    let absurd = letter_of(
        &person,
        &profile(),
        Some(theirs.clone()),
        &[HUKOU],
        (i64::MIN, i64::MAX),
    );
    assert_eq!(
        state(check(&backend.url, &absurd).await),
        expect("too-long")
    );
    let console = Console::sign_in(&backend.url, ADMIN, PASSWORD)
        .await
        .unwrap();
    let status = console
        .submit_form(
            "/console/letters",
            "/console/letters",
            &[("token", &absurd)],
        )
        .await
        .unwrap();
    assert_eq!(status, 200, "the console shows it without failing");
    // The person is told that a letter of theirs was checked, by whom in role, never by name.
    let (status, log) = person.get_signed("/v1/access-log").await;
    assert_eq!(status, 200);
    let log: homeward_domain::sync::AccessLog = serde_json::from_value(log).unwrap();
    let checked = log
        .records
        .iter()
        .find(|r| r.action == homeward_domain::sync::AccessAction::CheckedLetter)
        .expect("the check is in the person's access log");
    assert_eq!(
        checked.role,
        homeward_domain::sync::StaffRole::Administrator
    );
    assert_eq!(
        (checked.by.as_deref(), checked.subject.as_deref()),
        (None, None)
    );
    let unsigned = reqwest::get(format!("{}/v1/access-log", backend.url))
        .await
        .unwrap();
    assert_eq!(
        unsigned.status(),
        401,
        "only the device itself reads its log"
    );
    // For a service whose guide does not allow entrustment, or one the city does not offer.
    for guides in [
        &["pension-proof-of-life"][..],
        &[HUKOU, "no-such-service"][..],
    ] {
        let letter = letter_of(&person, &profile(), Some(theirs.clone()), guides, month);
        assert_eq!(
            state(check(&backend.url, &letter).await),
            expect("not-entrustable")
        );
    }
    let good = letter_of(&person, &profile(), Some(theirs), &[HUKOU], month);
    assert_eq!(state(check(&backend.url, &good).await), expect("valid"));
    backend.stop().await.unwrap();
}
