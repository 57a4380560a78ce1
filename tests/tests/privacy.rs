//! The person's own data: a profile checked field by field, consents that gate sending, an export
//! of everything, and erasure that leaves nothing readable. Needs the keyring session
//! `cargo xtask test` provides.

use homeward_core::{Config, Homeward};
use homeward_domain::privacy::{ConsentKind, Profile};
use homeward_domain::ErrorCode;
use tempfile::TempDir;

fn open(data: &TempDir) -> Homeward {
    Homeward::open(
        &Config::fixed(
            data.path().to_owned(),
            &homeward_tests::backend::unreachable_url(),
        )
        .expect("config"),
    )
    .expect("open")
}

#[test]
fn export_holds_everything_and_erasure_leaves_nothing() {
    let data = TempDir::new().unwrap();
    let core = open(&data);
    let problems = core
        .set_profile(&Profile {
            name_han: "王𠀀明".into(),
            name_pinyin: "wang ming".into(),
            birth_date: "1990-01-01".into(),
            id_number: String::new(),
            passport: "e 1234 5678".into(),
        })
        .unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(core.profile().unwrap().unwrap().passport, "E12345678");

    // Sending needs both consents, each on its own.
    let draft = homeward_tests::installation::enquiry(&core);
    let photo = homeward_core::materials::fixtures::phone_photo(800, 600);
    core.add_material(
        draft,
        homeward_tests::installation::ENQUIRY_ATTACHMENT,
        "certificate.jpg",
        &photo,
    )
    .unwrap();
    let err = core.submit(draft).expect_err("no consent yet");
    assert_eq!(err.code(), ErrorCode::ConsentRequired);
    core.set_consent(ConsentKind::SensitiveData, true).unwrap();
    let err = core.submit(draft).expect_err("one consent is not both");
    assert_eq!(err.code(), ErrorCode::ConsentRequired);
    core.set_consent(ConsentKind::CrossBorder, true).unwrap();
    core.submit(draft).expect("both given");
    let consents = core.set_consent(ConsentKind::CrossBorder, false).unwrap();
    assert!(consents.iter().any(|c| c.kind == ConsentKind::CrossBorder
        && c.granted_at.is_none()
        && c.withdrawn_at.is_some()));

    // A letter of entrustment is the person's data too (it rests on a proof of identity).
    homeward_tests::installation::attested_as_they_are(
        &core,
        &ed25519_dalek::SigningKey::from_bytes(&[21; 32]),
        "prato",
    );
    core.create_delegation(&homeward_domain::identity::NewDelegation {
        agent_name: "王大明".into(),
        agent_id_number: "330324198506150074".into(),
        guides: vec![homeward_domain::GuideId(
            "hukou-cancel-settled-abroad".into(),
        )],
        valid_until: homeward_core::validate::Date::from_unix_days(
            homeward_core::validate::today().to_unix_days() + 7,
        )
        .to_string(),
    })
    .unwrap();

    // The export: one folder, the data as JSON and every document as a file.
    let out = TempDir::new().unwrap();
    let folder = core.export_all(out.path()).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("data.json")).unwrap()).unwrap();
    assert_eq!(json["profile"]["name_han"], "王𠀀明");
    assert_eq!(json["drafts"].as_array().unwrap().len(), 1);
    assert_eq!(json["sent"].as_array().unwrap().len(), 1);
    assert_eq!(json["identity"]["wenzhou"]["level"], "onsite-attended");
    assert_eq!(
        json["identity"]["wenzhou"]["attestations"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(json["letters"][0]["delegation"]["agent_name"], "王大明");
    let file = json["drafts"][0]["documents"][0]["file"].as_str().unwrap();
    assert!(std::fs::metadata(folder.join(file)).unwrap().len() > 1000);

    // Erasure: the database, its keys and the installation id are gone; the next start is new.
    core.erase_all().unwrap();
    drop(core);
    assert!(!data.path().join("homeward.db").exists());
    assert!(!data.path().join("install-id").exists());
    let again = open(&data);
    assert!(again.is_fresh_install());
    assert!(again.drafts().unwrap().is_empty());
    assert!(again.profile().unwrap().is_none());
}
