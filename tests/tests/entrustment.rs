//! Entrustment letters across crates: the person's app signs a letter and prints it; the QR code
//! read back from the printed page is what the backend checks; the letter holds until the person
//! revokes it, and a tampered, expired, not-yet-valid or revoked-device letter fails. Needs the
//! OS keyring session and poppler's `pdftoppm`, which `cargo xtask test` provides.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine as _;
use homeward_domain::identity::{
    public_key_b64, Delegation, DelegationCheck, DelegationRevocation, DelegationToken,
    NewDelegation,
};
use homeward_domain::{ErrorCode, GuideId, Lang};
use homeward_tests::backend::{staff_token, TestBackend};
use homeward_tests::installation::{open_consented, profile};
use homeward_tests::probe::{now_ms, Probe};
use homeward_tests::qr::scan_pdf;
use tempfile::TempDir;

const DAY: i64 = 86_400_000;

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
    let backend = TestBackend::start().await.unwrap();
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
    let backend = TestBackend::start().await.unwrap();
    let device = Probe::new(&backend.url, 9, true).await;
    let now = now_ms();
    let letter = |from: i64, until: i64| {
        Delegation {
            id: uuid::Uuid::now_v7(),
            principal_key: device.public(),
            principal_name: "王小明".into(),
            principal_document: "E12345678".into(),
            agent_name: "王大明".into(),
            agent_id_number: "330324198506150074".into(),
            guides: vec![GuideId("hukou-cancel-settled-abroad".into())],
            valid_from: from,
            valid_until: until,
            issued_at: from,
        }
        .seal(&device.key)
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
    backend
        .add_staff("admin-chen", "a long administrator password", true)
        .await
        .unwrap();
    let auth = staff_token(&backend.url, "admin-chen", "a long administrator password")
        .await
        .unwrap();
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
