use homeward_domain::GuideId;
use std::fs;

use tempfile::TempDir;

use super::*;

const KEY: [u8; 32] = [7; 32];

fn open(dir: &TempDir) -> Store {
    Store::open(&dir.path().join("homeward.db"), &KEY).expect("open store")
}

#[test]
fn the_database_cannot_be_read_without_its_key() {
    let dir = TempDir::new().expect("tempdir");
    let store = open(&dir);
    store
        .set_setting("secret-marker", "家住温州鹿城区")
        .expect("write");
    drop(store);

    let wrong = Store::open(&dir.path().join("homeward.db"), &[8; 32]);
    assert!(matches!(wrong, Err(CoreError::Storage(_))), "{wrong:?}");

    let plain = Connection::open(dir.path().join("homeward.db")).expect("file opens");
    let read = plain.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    let message = read.expect_err("plain SQLite must not read it").to_string();
    assert!(message.contains("not a database"), "{message}");

    for entry in fs::read_dir(dir.path()).expect("list") {
        let bytes = fs::read(entry.expect("entry").path()).expect("read");
        let needle = "家住温州".as_bytes();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "plaintext found on disk"
        );
    }

    let again = open(&dir);
    assert_eq!(
        again.setting("secret-marker").expect("read").as_deref(),
        Some("家住温州鹿城区")
    );
}

#[test]
fn a_database_from_a_newer_build_is_refused() {
    let dir = TempDir::new().expect("tempdir");
    drop(open(&dir));
    {
        let conn = Connection::open(dir.path().join("homeward.db")).expect("open");
        conn.pragma_update(None, "key", format!("x'{}'", hex::encode(KEY)))
            .expect("key");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump");
    }
    let err = Store::open(&dir.path().join("homeward.db"), &KEY).expect_err("refused");
    assert!(matches!(err, CoreError::SchemaTooNew { .. }), "{err:?}");
    assert!(err.to_string().contains("newer Homeward"));
}

#[test]
fn answers_survive_reopening_and_an_empty_answer_is_removed() {
    let dir = TempDir::new().expect("tempdir");
    let store = open(&dir);
    let guide = GuideId("driving-licence-renewal".into());
    let draft = store.create_draft(&guide, 3, 1_000).expect("create");
    store
        .set_answer(draft.id, "full-name", "王𠀀明", 1_001)
        .expect("save");
    store
        .set_answer(draft.id, "phone", "+39 333 123 4567", 1_002)
        .expect("save");
    store
        .set_answer(draft.id, "phone", "", 1_003)
        .expect("clear");
    drop(store);

    let store = open(&dir);
    let back = store.draft(draft.id).expect("load");
    assert_eq!(
        back.answers.get("full-name").map(String::as_str),
        Some("王𠀀明")
    );
    assert!(!back.answers.contains_key("phone"));
    assert_eq!((back.pack_version, back.updated_at), (3, 1_003));
    assert_eq!(store.drafts().expect("list").len(), 1);
}

#[test]
fn saving_into_a_missing_draft_is_an_error_not_a_silent_drop() {
    let dir = TempDir::new().expect("tempdir");
    let store = open(&dir);
    let id = homeward_domain::DraftId(uuid::Uuid::now_v7());
    let err = store.set_answer(id, "x", "y", 1).expect_err("missing");
    assert!(matches!(err, CoreError::NotFound { what: "draft" }));
}

#[test]
fn a_duplicate_has_the_same_answers_and_deleting_one_leaves_the_other() {
    let dir = TempDir::new().expect("tempdir");
    let store = open(&dir);
    let original = store
        .create_draft(&GuideId("g".into()), 1, 10)
        .expect("create");
    store
        .set_answer(original.id, "name", "王小明", 11)
        .expect("save");
    let copy = store.duplicate_draft(original.id, 12).expect("duplicate");
    assert_ne!(copy.id, original.id);
    assert_eq!(
        copy.answers,
        store.draft(original.id).expect("load").answers
    );
    store.delete_draft(original.id).expect("delete");
    assert!(matches!(
        store.draft(original.id),
        Err(CoreError::NotFound { .. })
    ));
    assert_eq!(store.draft(copy.id).expect("copy stays").answers.len(), 1);
    assert!(matches!(
        store.delete_draft(original.id),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn a_city_is_heard_only_about_applications_sent_to_it() {
    use homeward_domain::sync::{ApplicationStatus, EventKind, FeedEvent};
    let dir = TempDir::new().expect("tempdir");
    let store = open(&dir);
    let guide = GuideId("g".into());
    let draft = store
        .create_draft_from(
            &NewDraft {
                city: "wenzhou",
                guide: &guide,
                pack_version: 1,
                form_snapshot: None,
                guide_snapshot: None,
            },
            1,
        )
        .expect("draft");
    store
        .enqueue(
            &super::outbox::Frozen {
                id: uuid::Uuid::now_v7(),
                draft: draft.id,
                guide: &guide,
                body: b"{}",
                materials: &[],
            },
            0,
            2,
        )
        .expect("sent");
    let news = |cursor| FeedEvent {
        cursor,
        draft_id: draft.id,
        reference: "HW-1".into(),
        event: EventKind::Status {
            status: ApplicationStatus::Approved,
            message: String::new(),
            request: None,
        },
        at: 3,
        by: None,
    };
    let told = store
        .add_status_events("fuzhou", "feed-cursor@fuzhou", &[news(1)], 1)
        .expect("kept");
    assert!(
        told.is_empty(),
        "Fuzhou cannot speak for a Wenzhou application"
    );
    let told = store
        .add_status_events("wenzhou", "feed-cursor@wenzhou", &[news(1)], 1)
        .expect("kept");
    assert_eq!(told.len(), 1);
    assert_eq!(store.status_events().expect("events").len(), 1);
    assert_eq!(
        store
            .setting("feed-cursor@fuzhou")
            .expect("cursor")
            .as_deref(),
        Some("1"),
        "the feed read is still read"
    );
}
