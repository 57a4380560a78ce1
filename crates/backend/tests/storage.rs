//! One test suite, run against both storage implementations: SQLite in a temporary file, and
//! PostgreSQL in a fresh database on the server `cargo xtask test` starts (the PostgreSQL cases are
//! `#[ignore]`d so a bare `cargo test` without a server still passes; the test command runs them).

use std::collections::BTreeSet;
use std::sync::Arc;

use homeward_backend::storage::{
    ApplicationFilter, Assisted, Intake, ListCursor, Messages, NewDocument, NewMessage,
    NewSubmission, NoticeFeedRow, PgStorage, ProofingRow, SignerRef, SignerRow, SqliteStorage,
    Storage, Taken, UploadRow,
};
use homeward_domain::conversation::{Document, Speaker};
use homeward_domain::sync::{ApplicationStatus, EventKind, StaffRole};
use uuid::Uuid;

fn application(n: u32, key: &str, device: &str) -> NewSubmission {
    NewSubmission {
        submission_id: Uuid::from_u128(u128::from(n) + 1),
        idempotency_key: key.to_owned(),
        device_key: device.to_owned(),
        body_sha256: format!("{n:064x}"),
        body: format!("{{\"n\":{n}}}").into_bytes(),
        signature: "sig".into(),
        signed_at: 1_700_000_000,
        guide_id: "pension-proof-of-life".into(),
        draft_id: Uuid::from_u128(u128::from(n) + 1000),
        revision: 0,
        received_at: 1_700_000_000_000 + i64::from(n),
        assisted: None,
        signers: vec![],
    }
}

async fn meta_keeps_the_first_value(s: impl Storage) {
    assert_eq!(
        s.meta_or_insert("k", "first".into()).await.unwrap(),
        "first"
    );
    assert_eq!(
        s.meta_or_insert("k", "second".into()).await.unwrap(),
        "first"
    );
    assert_eq!(s.meta("k").await.unwrap().as_deref(), Some("first"));
    s.forget_meta("k").await.unwrap();
    assert_eq!(s.meta("k").await.unwrap(), None);
}

async fn a_device_registers_once(s: impl Storage) {
    assert_eq!(s.device("key-a").await.unwrap(), None);
    let first = s.register_device("key-a", 10).await.unwrap();
    let again = s.register_device("key-a", 20).await.unwrap();
    assert_eq!(first, again, "registering again changes nothing");
    assert_eq!(first.registered_at, 10);
    assert_eq!(s.device("key-a").await.unwrap(), Some(first));
}

async fn a_submission_is_stored_once_and_a_repeat_gets_the_first_row(s: impl Storage) {
    s.register_device("dev", 1).await.unwrap();
    let Intake::New(first) = s.intake(application(1, "k1", "dev")).await.unwrap() else {
        panic!("first intake stores");
    };
    let Intake::Repeat(again) = s.intake(application(1, "k1", "dev")).await.unwrap() else {
        panic!("a repeat is recognised");
    };
    assert_eq!(first, again);
    assert_eq!(s.count_submissions().await.unwrap(), 1);
}

async fn applications_sent_from_walk_ins_are_counted_per_site(s: impl Storage) {
    for device in ["d1", "d2", "d3"] {
        s.register_device(device, 1).await.unwrap();
    }
    let session = |n: u128| Uuid::from_u128(n);
    let at = |site: &str, volunteer: &str, walk_in| {
        Some(Assisted {
            site_id: site.into(),
            volunteer: volunteer.into(),
            walk_in,
        })
    };
    // One walk-in at Prato sent two applications, another one; Milan helped one; d3 alone.
    let sent = [
        (1, "d1", at("prato", "Lin", session(1))),
        (2, "d1", at("prato", "Lin", session(1))),
        (3, "d2", at("prato", "Chen", session(2))),
        (4, "d3", None),
        (5, "d3", at("milano", "Hu", session(3))),
    ];
    for (n, device, assisted) in sent {
        let app = NewSubmission {
            assisted,
            ..application(n, &format!("k{n}"), device)
        };
        assert!(matches!(s.intake(app).await.unwrap(), Intake::New(_)));
    }
    let counts = s.site_counts().await.unwrap();
    let got: Vec<_> = counts
        .iter()
        .map(|c| (c.site_id.as_str(), c.helped, c.sent))
        .collect();
    assert_eq!(got, [("milano", 1, 1), ("prato", 2, 3)]);
    let apps = s
        .applications(ApplicationFilter {
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    let of = |draft: u128| {
        apps.iter()
            .find(|a| a.draft_id == Uuid::from_u128(draft + 1000))
            .map(|a| (a.site_id.as_deref(), a.volunteer.as_deref()))
            .unwrap()
    };
    assert_eq!(of(3), (Some("prato"), Some("Chen")));
    assert_eq!(of(4), (None, None));
}

async fn a_reused_key_or_id_with_another_body_is_a_conflict(s: impl Storage) {
    s.register_device("dev", 1).await.unwrap();
    s.register_device("other", 1).await.unwrap();
    assert!(matches!(
        s.intake(application(1, "k1", "dev")).await.unwrap(),
        Intake::New(_)
    ));
    // Same key, different body.
    let mut changed = application(1, "k1", "dev");
    changed.body_sha256 = "f".repeat(64);
    assert_eq!(s.intake(changed).await.unwrap(), Intake::Conflict);
    // Same key and body from another device.
    assert_eq!(
        s.intake(application(1, "k1", "other")).await.unwrap(),
        Intake::Conflict
    );
    // Same submission id under a new key.
    assert_eq!(
        s.intake(application(1, "k2", "dev")).await.unwrap(),
        Intake::Conflict
    );
    assert_eq!(s.count_submissions().await.unwrap(), 1);
}

async fn a_submission_from_an_unregistered_device_is_not_stored(s: impl Storage) {
    assert_eq!(
        s.intake(application(1, "k1", "nobody")).await.unwrap(),
        Intake::DeviceRevoked
    );
    assert_eq!(s.count_submissions().await.unwrap(), 0);
}

/// Intake looks again, as it stores, at the device and at every signer the submission was
/// taken on: one revoked (or given another key) since the request was checked stores nothing.
async fn intake_checks_again_that_the_device_and_its_signers_stand(s: impl Storage) {
    for (id, key) in [("prato", "prato-key"), ("milano", "milano-key")] {
        s.add_signer(SignerRow {
            kind: "site".into(),
            id: id.into(),
            name: id.into(),
            public_key: key.into(),
            registered_at: 1,
            revoked_at: None,
        })
        .await
        .unwrap();
    }
    let relying_on = |n: u32, device: &str, signers: &[(&str, &str)]| NewSubmission {
        signers: signers
            .iter()
            .map(|(id, key)| SignerRef {
                kind: "site".into(),
                id: (*id).into(),
                public_key: (*key).into(),
            })
            .collect(),
        ..application(n, &format!("k{n}"), device)
    };
    s.register_device("dev", 1).await.unwrap();
    s.register_device("lost", 1).await.unwrap();
    s.revoke_device("lost", 2).await.unwrap();
    s.revoke_signer("site", "milano", 2).await.unwrap();
    let stale = [
        (relying_on(1, "lost", &[]), Intake::DeviceRevoked),
        (
            relying_on(
                2,
                "dev",
                &[("prato", "prato-key"), ("milano", "milano-key")],
            ),
            Intake::SignerRevoked,
        ),
        (
            relying_on(3, "dev", &[("prato", "a-key-prato-never-had")]),
            Intake::SignerRevoked,
        ),
        (
            relying_on(4, "dev", &[("nowhere", "prato-key")]),
            Intake::SignerRevoked,
        ),
    ];
    for (submission, expected) in stale {
        assert_eq!(s.intake(submission).await.unwrap(), expected);
    }
    assert_eq!(s.count_submissions().await.unwrap(), 0);
    let standing = relying_on(5, "dev", &[("prato", "prato-key")]);
    assert!(matches!(s.intake(standing).await.unwrap(), Intake::New(_)));
}

async fn racing_repeats_store_one_row_and_sequence_numbers_are_unique(s: impl Storage + 'static) {
    s.register_device("dev", 1).await.unwrap();
    let s = Arc::new(s);
    let mut tasks = vec![];
    for n in 0..40u32 {
        // Each submission offered four times at once.
        for _ in 0..4 {
            let s = Arc::clone(&s);
            tasks.push(tokio::spawn(async move {
                s.intake(application(n, &format!("k{n}"), "dev")).await
            }));
        }
    }
    let mut new = BTreeSet::new();
    let mut repeats = 0;
    for t in tasks {
        match t.await.unwrap().unwrap() {
            Intake::New(row) => assert!(
                new.insert(row.application_seq),
                "sequence numbers are unique"
            ),
            Intake::Repeat(_) => repeats += 1,
            other => panic!("a repeat is not {other:?}"),
        }
    }
    assert_eq!(new.len(), 40, "each submission stored exactly once");
    assert_eq!(repeats, 120);
    assert_eq!(s.count_submissions().await.unwrap(), 40);
}

fn status(status: ApplicationStatus, message: &str) -> EventKind {
    EventKind::Status {
        status,
        message: message.into(),
        request: None,
    }
}

async fn a_revision_is_taken_only_when_more_material_was_asked_for(s: impl Storage) {
    s.register_device("dev", 1).await.unwrap();
    let Intake::New(first) = s.intake(application(1, "k1", "dev")).await.unwrap() else {
        panic!("stored");
    };
    let revision = |key: &str, n: u32| {
        let mut r = application(1, key, "dev");
        r.submission_id = Uuid::from_u128(900 + u128::from(n));
        r.revision = n;
        r.body_sha256 = format!("{:064x}", 900 + n);
        r
    };
    // Nobody asked for more: refused, nothing stored.
    assert_eq!(s.intake(revision("r1", 1)).await.unwrap(), Intake::Conflict);
    // A second first submission of the same draft: refused.
    let mut again = application(1, "k-other", "dev");
    again.submission_id = Uuid::from_u128(777);
    assert_eq!(s.intake(again).await.unwrap(), Intake::Conflict);

    let seq = first.application_seq;
    // The request for more material is kept as it was made, beside the officer's words.
    let asked = EventKind::Status {
        status: ApplicationStatus::MoreMaterialNeeded,
        message: "照片不清晰".into(),
        request: Some(homeward_domain::sync::MaterialRequest {
            fields: vec!["life-certificate".into()],
            reason: homeward_domain::sync::RequestReason::Unreadable,
        }),
    };
    let recorded = s
        .record(seq, asked.clone(), "staff-a", 5, None)
        .await
        .unwrap()
        .expect("recorded");
    assert_eq!(recorded.event, asked);
    let read_back = s.events(seq).await.unwrap();
    assert_eq!(read_back.last().map(|e| &e.event), Some(&asked));
    // Asked for more, but the revision names another service: refused, nothing stored.
    let mut swapped = revision("r-swapped", 1);
    swapped.guide_id = "a-service-with-no-identity-check".into();
    assert_eq!(s.intake(swapped).await.unwrap(), Intake::OtherService);
    let Intake::New(second) = s.intake(revision("r1", 1)).await.unwrap() else {
        panic!("the revision is stored");
    };
    assert_eq!(second.application_seq, seq, "the same application");
    assert_eq!(second.reference(), first.reference(), "the same reference");
    let app = s.application(seq).await.unwrap().expect("exists");
    assert_eq!(app.status, ApplicationStatus::Received);
    let subs = s.submissions(seq).await.unwrap();
    assert_eq!(subs.iter().map(|x| x.revision).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(s.count_submissions().await.unwrap(), 2);
}

async fn events_reach_only_their_device_in_cursor_order(s: impl Storage) {
    s.register_device("dev", 1).await.unwrap();
    s.register_device("other", 1).await.unwrap();
    let Intake::New(mine) = s.intake(application(1, "k1", "dev")).await.unwrap() else {
        panic!()
    };
    let Intake::New(theirs) = s.intake(application(2, "k2", "other")).await.unwrap() else {
        panic!()
    };
    let seq = mine.application_seq;
    s.record(
        seq,
        EventKind::Access {
            role: StaffRole::Reviewer,
            department: Some("公安局".into()),
        },
        "officer-li",
        10,
        None,
    )
    .await
    .unwrap();
    s.record(
        seq,
        EventKind::Routed {
            department: "公安局".into(),
        },
        "officer-li",
        11,
        None,
    )
    .await
    .unwrap();
    s.record(
        seq,
        status(ApplicationStatus::Approved, "已批准"),
        "officer-li",
        12,
        None,
    )
    .await
    .unwrap();
    s.record(
        theirs.application_seq,
        status(ApplicationStatus::Rejected, "x"),
        "a",
        13,
        None,
    )
    .await
    .unwrap();

    let feed = s.feed("dev", 0, 100).await.unwrap();
    let kinds: Vec<&EventKind> = feed.iter().map(|e| &e.event).collect();
    assert_eq!(
        kinds.len(),
        4,
        "received, access, routed, approved: {kinds:?}"
    );
    assert!(matches!(
        kinds[0],
        EventKind::Status {
            status: ApplicationStatus::Received,
            ..
        }
    ));
    assert_eq!(
        kinds[1],
        &EventKind::Access {
            role: StaffRole::Reviewer,
            department: Some("公安局".into()),
        }
    );
    assert_eq!(kinds[3], &status(ApplicationStatus::Approved, "已批准"));
    assert!(feed.windows(2).all(|w| w[0].cursor < w[1].cursor));
    assert!(feed.iter().all(|e| e.application_seq == seq));
    // Paging by cursor.
    let rest = s.feed("dev", feed[1].cursor, 100).await.unwrap();
    assert_eq!(rest.len(), 2);
    assert_eq!(s.feed("dev", feed[3].cursor, 100).await.unwrap(), vec![]);
    assert_eq!(s.feed("dev", 0, 2).await.unwrap().len(), 2, "limit");

    let app = s.application(seq).await.unwrap().unwrap();
    assert_eq!(app.status, ApplicationStatus::Approved);
    assert_eq!(app.department.as_deref(), Some("公安局"));
    assert_eq!(s.events(seq).await.unwrap(), feed);
    let approved = s
        .applications(ApplicationFilter {
            status: Some(ApplicationStatus::Approved),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(approved.iter().map(|a| a.seq).collect::<Vec<_>>(), [seq]);
    let in_department = |d: &str| {
        s.applications(ApplicationFilter {
            department: Some(d.into()),
            limit: 50,
            ..Default::default()
        })
    };
    let routed = in_department("公安局").await.unwrap();
    assert_eq!(routed.iter().map(|a| a.seq).collect::<Vec<_>>(), [seq]);
    assert_eq!(in_department("民政局").await.unwrap(), vec![]);
    let all = s
        .applications(ApplicationFilter {
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

/// The staff's list a page at a time, through every combination of filters: the pages join
/// into the whole list, newest change first, ties broken by the higher sequence number, with
/// nothing twice and nothing missed.
async fn the_list_pages_by_cursor_through_every_filter(s: impl Storage) {
    s.register_device("dev", 1).await.unwrap();
    for n in 0..23u32 {
        let mut app = application(n, &format!("k{n}"), "dev");
        // Several at the same instant, and two services.
        app.received_at = 1_000 + i64::from(n / 3);
        if n % 2 == 0 {
            app.guide_id = "hukou-move-in-family".into();
        }
        assert!(matches!(s.intake(app).await.unwrap(), Intake::New(_)));
    }
    for seq in [2, 5, 6, 11] {
        let v = s.application(seq).await.unwrap().unwrap().version;
        let e = EventKind::Status {
            status: ApplicationStatus::InReview,
            message: String::new(),
            request: None,
        };
        s.record(seq, e, "zhou", 1_000 + seq, Some(v))
            .await
            .unwrap()
            .unwrap();
    }
    let statuses = [None, Some(ApplicationStatus::InReview)];
    let guides = [None, Some("hukou-move-in-family".to_owned())];
    for status in statuses {
        for guide in guides.clone() {
            let filter = ApplicationFilter {
                status,
                guide: guide.clone(),
                limit: 1_000,
                ..Default::default()
            };
            let whole = s.applications(filter.clone()).await.unwrap();
            assert!(!whole.is_empty(), "{status:?} {guide:?}");
            assert!(whole
                .windows(2)
                .all(|w| (w[0].updated_at, w[0].seq) > (w[1].updated_at, w[1].seq)));
            let mut paged = vec![];
            let mut after = None;
            loop {
                let page = s
                    .applications(ApplicationFilter {
                        after,
                        limit: 4,
                        ..filter.clone()
                    })
                    .await
                    .unwrap();
                let Some(last) = page.last() else { break };
                after = Some(ListCursor::after(last));
                paged.extend(page);
            }
            assert_eq!(paged, whole, "{status:?} {guide:?}");
        }
    }
}

/// A count in its window: taken up to its limit and no further, even by racing callers, started
/// again when the window has passed, given back, cleared, and swept once expired.
async fn counts_are_taken_up_to_their_limit_in_their_window(s: impl Storage + 'static) {
    let s = Arc::new(s);
    let mut racing = vec![];
    for _ in 0..20 {
        let s = Arc::clone(&s);
        racing.push(tokio::spawn(async move {
            s.take("per-address", "203.0.113.7", 5, 1_000, 10).await
        }));
    }
    let mut taken = 0;
    for r in racing {
        taken += usize::from(r.await.unwrap().unwrap());
    }
    assert_eq!(taken, 5, "exactly the limit, however they race");
    assert!(!s
        .take("per-address", "203.0.113.7", 5, 1_000, 1_010)
        .await
        .unwrap());
    assert!(
        s.take("per-address", "203.0.113.8", 5, 1_000, 1_010)
            .await
            .unwrap(),
        "another key"
    );
    assert!(
        s.take("per-device", "203.0.113.7", 5, 1_000, 1_010)
            .await
            .unwrap(),
        "another scope"
    );
    assert!(
        s.take("per-address", "203.0.113.7", 5, 1_000, 1_011)
            .await
            .unwrap(),
        "a new window"
    );
    for _ in 0..4 {
        assert!(s
            .take("per-address", "203.0.113.7", 5, 1_000, 1_012)
            .await
            .unwrap());
    }
    assert!(!s
        .take("per-address", "203.0.113.7", 5, 1_000, 1_013)
        .await
        .unwrap());
    s.give_back("per-address", "203.0.113.7").await.unwrap();
    assert!(
        s.take("per-address", "203.0.113.7", 5, 1_000, 1_014)
            .await
            .unwrap(),
        "given back"
    );
    s.clear_count("per-address", "203.0.113.7").await.unwrap();
    for _ in 0..5 {
        assert!(
            s.take("per-address", "203.0.113.7", 5, 1_000, 1_015)
                .await
                .unwrap(),
            "cleared"
        );
    }
    assert!(!s.take("nothing-allowed", "k", 0, 1_000, 0).await.unwrap());
    // Only windows that ended go: 203.0.113.8 and per-device began at 1,010, the rest at 1,011
    // and 1,015.
    assert_eq!(s.sweep_counts(1_000, 2_012).await.unwrap(), 2);
    assert!(
        !s.take("per-address", "203.0.113.7", 5, 1_000, 2_012)
            .await
            .unwrap(),
        "kept"
    );
}

/// Items counted once each: a retry of one already counted passes even at the limit and is not
/// counted again; a new one past the limit is refused; the window moves on.
async fn an_item_is_counted_once_however_often_it_is_retried(s: impl Storage) {
    for item in ["a", "b", "a", "b", "a"] {
        assert!(s
            .take_item("quota", "dev", item, 2, 1_000, 10)
            .await
            .unwrap());
    }
    assert!(
        !s.take_item("quota", "dev", "c", 2, 1_000, 20)
            .await
            .unwrap(),
        "the limit"
    );
    assert!(
        s.take_item("quota", "dev", "a", 2, 1_000, 30)
            .await
            .unwrap(),
        "a retry"
    );
    assert!(
        s.take_item("quota", "other", "c", 2, 1_000, 30)
            .await
            .unwrap(),
        "another key"
    );
    assert!(
        s.take_item("quota", "dev", "c", 2, 1_000, 1_011)
            .await
            .unwrap(),
        "a new window"
    );
    assert!(!s.take_item("none", "dev", "x", 0, 1_000, 0).await.unwrap());
    assert_eq!(
        s.sweep_counts(1_000, 1_015).await.unwrap(),
        2,
        "a and b went"
    );
    assert!(
        s.take_item("quota", "dev", "c", 2, 1_000, 1_016)
            .await
            .unwrap(),
        "c stays"
    );
}

/// A document kept in the database: written a chunk at a time, a chunk written again from
/// where the last one began (its acknowledgement was lost), cut part-way, read whole, removed.
async fn a_document_kept_in_the_database_reads_back_as_written(s: impl Storage) {
    assert_eq!(s.read_blob("ab").await.unwrap(), None);
    s.write_blob_at("ab", 0, b"hello ".to_vec()).await.unwrap();
    s.write_blob_at("ab", 6, b"worlds".to_vec()).await.unwrap();
    s.write_blob_at("ab", 6, b"world".to_vec()).await.unwrap();
    assert_eq!(s.read_blob("ab").await.unwrap().unwrap(), b"hello world");
    // Written again from the middle of the first chunk: what followed is cut.
    s.write_blob_at("ab", 4, b"!".to_vec()).await.unwrap();
    assert_eq!(s.read_blob("ab").await.unwrap().unwrap(), b"hell!");
    s.write_blob_at("cd", 0, vec![]).await.unwrap();
    assert_eq!(
        s.read_blob("cd").await.unwrap().unwrap(),
        b"",
        "an empty document is one"
    );
    s.remove_blob("ab").await.unwrap();
    s.remove_blob("ab").await.unwrap();
    assert_eq!(s.read_blob("ab").await.unwrap(), None);
    assert!(
        s.read_blob("cd").await.unwrap().is_some(),
        "the other stays"
    );
}

async fn the_access_log_pages_newest_first_by_device(s: impl Storage) {
    use homeward_backend::storage::NewAccess;
    use homeward_domain::sync::{AccessAction, AccessRecord};
    let entry = |at: i64, action, device: Option<&str>| NewAccess {
        record: AccessRecord {
            seq: 0,
            at,
            action,
            role: StaffRole::Reviewer,
            department: Some("公安局".into()),
            reference: device.map(|_| "HW-2026-0000001".into()),
            by: Some("zhou".into()),
            subject: Some(format!("s{at}")),
        },
        device_key: device.map(str::to_owned),
    };
    s.log_access(entry(1, AccessAction::OpenedApplication, Some("a")))
        .await
        .unwrap();
    s.log_access(entry(2, AccessAction::AddedAccount, None))
        .await
        .unwrap();
    s.log_access(entry(3, AccessAction::DownloadedDocument, Some("a")))
        .await
        .unwrap();
    s.log_access(entry(4, AccessAction::CheckedLetter, Some("b")))
        .await
        .unwrap();
    let all = s.access_log(None, None, 10).await.unwrap();
    assert_eq!(all.iter().map(|r| r.at).collect::<Vec<_>>(), [4, 3, 2, 1]);
    assert!(all.windows(2).all(|w| w[0].seq > w[1].seq));
    let first = &all[3];
    assert_eq!(
        (first.action, first.role, first.department.as_deref()),
        (
            AccessAction::OpenedApplication,
            StaffRole::Reviewer,
            Some("公安局")
        )
    );
    assert_eq!(
        (
            first.by.as_deref(),
            first.subject.as_deref(),
            first.reference.as_deref()
        ),
        (Some("zhou"), Some("s1"), Some("HW-2026-0000001"))
    );
    let a = s.access_log(Some("a"), None, 10).await.unwrap();
    assert_eq!(a.iter().map(|r| r.at).collect::<Vec<_>>(), [3, 1]);
    let page = s.access_log(Some("a"), None, 1).await.unwrap();
    assert_eq!(page.iter().map(|r| r.at).collect::<Vec<_>>(), [3]);
    let older = s
        .access_log(Some("a"), Some(page[0].seq), 10)
        .await
        .unwrap();
    assert_eq!(older.iter().map(|r| r.at).collect::<Vec<_>>(), [1]);
    assert_eq!(s.access_log(Some("c"), None, 10).await.unwrap(), vec![]);
}

async fn unfinished_uploads_are_counted_and_only_they_are_forgotten(s: impl Storage) {
    for (id, created_at, finished) in [("aa", 0, false), ("bb", 50, false), ("cc", 0, true)] {
        s.create_upload(UploadRow {
            id: id.into(),
            device_key: "dev".into(),
            sha256: id.repeat(32),
            length: 10,
            offset: 0,
            created_at,
        })
        .await
        .unwrap();
        if finished {
            assert!(s.advance_upload(id, 0, 10).await.unwrap());
        }
    }
    assert_eq!(s.upload_usage("dev").await.unwrap(), (2, 30));
    assert_eq!(s.upload_usage("other").await.unwrap(), (0, 0));
    assert_eq!(s.stale_uploads(10, 100).await.unwrap(), ["aa"]);
    assert_eq!(
        s.stale_uploads(100, 1).await.unwrap(),
        ["aa"],
        "oldest first"
    );
    assert!(
        !s.forget_unfinished_upload("cc").await.unwrap(),
        "a finished one stays"
    );
    assert!(s.forget_unfinished_upload("aa").await.unwrap());
    assert!(!s.forget_unfinished_upload("aa").await.unwrap());
    assert_eq!(s.upload_usage("dev").await.unwrap(), (1, 20));
}

async fn staff_sessions_open_expire_and_close(s: impl Storage) {
    assert!(s
        .add_staff("li", "hash", StaffRole::Administrator, Some("公安局"))
        .await
        .unwrap());
    assert!(
        !s.add_staff("li", "other", StaffRole::Reviewer, None)
            .await
            .unwrap(),
        "names are unique"
    );
    let li = s.staff("li").await.unwrap().expect("stored");
    assert!(li.admin);
    assert_eq!(li.role, StaffRole::Administrator);
    assert_eq!(li.password_hash, "hash");
    s.open_session("t1", li.id, "csrf", 100).await.unwrap();
    let open = s.session("t1", 50).await.unwrap().expect("open");
    assert_eq!(
        (open.staff.username.as_str(), open.csrf.as_str()),
        ("li", "csrf")
    );
    assert_eq!(s.session("t1", 100).await.unwrap(), None, "expired");
    assert_eq!(s.session("nope", 50).await.unwrap(), None);
    s.close_session("t1").await.unwrap();
    assert_eq!(s.session("t1", 50).await.unwrap(), None, "closed");

    // Disabled: every session of the account ends, others' go on.
    assert!(s
        .add_staff("wang", "hash", StaffRole::Officer, None)
        .await
        .unwrap());
    assert_eq!(
        s.staff("wang").await.unwrap().unwrap().role,
        StaffRole::Officer
    );
    let wang = s.staff("wang").await.unwrap().expect("stored");
    s.open_session("t2", li.id, "csrf", 100).await.unwrap();
    s.open_session("t3", li.id, "csrf", 100).await.unwrap();
    s.open_session("t4", wang.id, "csrf", 100).await.unwrap();
    assert!(s.disable_staff("li", 60).await.unwrap());
    assert!(!s.disable_staff("nobody", 60).await.unwrap());
    assert_eq!(s.session("t2", 70).await.unwrap(), None);
    assert_eq!(s.session("t3", 70).await.unwrap(), None);
    assert!(s.session("t4", 70).await.unwrap().is_some());
    let li = s.staff("li").await.unwrap().expect("kept, for the record");
    assert_eq!(li.disabled_at, Some(60));
    assert!(s.disable_staff("li", 80).await.unwrap());
    assert_eq!(
        s.staff("li").await.unwrap().unwrap().disabled_at,
        Some(60),
        "the first time stands"
    );
}

async fn a_decision_on_a_version_someone_moved_on_records_nothing(s: impl Storage) {
    s.register_device("dev", 1).await.unwrap();
    let Intake::New(first) = s.intake(application(1, "k1", "dev")).await.unwrap() else {
        panic!("stored");
    };
    let seq = first.application_seq;
    let read = s.application(seq).await.unwrap().unwrap().version;
    // Two officers read the same version; the first decides, the second is told it is stale.
    let first_decision = s
        .record(
            seq,
            status(ApplicationStatus::InReview, ""),
            "a",
            2,
            Some(read),
        )
        .await
        .unwrap();
    assert!(first_decision.is_some());
    let second = s
        .record(
            seq,
            status(ApplicationStatus::Rejected, "x"),
            "b",
            3,
            Some(read),
        )
        .await
        .unwrap();
    assert_eq!(second, None);
    let now = s.application(seq).await.unwrap().unwrap();
    assert_eq!(now.status, ApplicationStatus::InReview);
    assert_eq!(now.version, read + 1);
    assert_eq!(s.events(seq).await.unwrap().len(), 2, "received, in review");
    // An opening changes nothing and needs no version.
    let opening = EventKind::Access {
        role: StaffRole::Reviewer,
        department: None,
    };
    assert!(s
        .record(seq, opening, "b", 4, Some(read))
        .await
        .unwrap()
        .is_some());
    assert_eq!(s.application(seq).await.unwrap().unwrap().version, read + 1);
}

async fn an_upload_is_found_again_and_moves_only_from_where_it_stands(s: impl Storage) {
    let candidate = |id: &str| UploadRow {
        id: id.into(),
        device_key: "dev".into(),
        sha256: "ab".repeat(32),
        length: 100,
        offset: 0,
        created_at: 1,
    };
    let first = s.create_upload(candidate("u1")).await.unwrap();
    let again = s.create_upload(candidate("u2")).await.unwrap();
    assert_eq!(
        again.id, "u1",
        "the same file from the same device is one upload"
    );
    assert!(s.advance_upload("u1", 0, 40).await.unwrap());
    assert!(
        !s.advance_upload("u1", 0, 60).await.unwrap(),
        "not from a stale offset"
    );
    assert!(
        !s.advance_upload("u1", 40, 101).await.unwrap(),
        "not past the length"
    );
    assert!(s.advance_upload("u1", 40, 100).await.unwrap());
    let done = s.upload("u1").await.unwrap().unwrap();
    assert!(done.is_complete());
    assert_eq!(s.upload_of("dev", &first.sha256).await.unwrap(), Some(done));
    assert_eq!(s.upload_of("other", &first.sha256).await.unwrap(), None);
}

async fn signers_devices_and_delegations_are_revoked_once(s: impl Storage) {
    let site = SignerRow {
        kind: "site".into(),
        id: "prato".into(),
        name: "Prato".into(),
        public_key: "site-key".into(),
        registered_at: 10,
        revoked_at: None,
    };
    assert!(s.add_signer(site.clone()).await.unwrap());
    let mut other = site.clone();
    other.public_key = "another-key".into();
    assert!(!s.add_signer(other).await.unwrap(), "the id is taken");
    assert_eq!(s.signer("site", "prato").await.unwrap(), Some(site.clone()));
    assert_eq!(s.signer("officer", "prato").await.unwrap(), None);
    assert!(s.revoke_signer("site", "prato", 20).await.unwrap());
    assert!(s.revoke_signer("site", "prato", 30).await.unwrap());
    assert!(!s.revoke_signer("site", "milan", 30).await.unwrap());
    let revoked = s.signer("site", "prato").await.unwrap().unwrap();
    assert_eq!(revoked.revoked_at, Some(20), "the first revocation stands");
    assert_eq!(s.signers().await.unwrap(), vec![revoked]);

    s.register_device("old-phone", 1).await.unwrap();
    assert!(s.revoke_device("old-phone", 40).await.unwrap());
    assert!(s.revoke_device("old-phone", 50).await.unwrap());
    assert!(!s.revoke_device("never-registered", 50).await.unwrap());
    assert_eq!(
        s.device("old-phone").await.unwrap().unwrap().revoked_at,
        Some(40)
    );

    let letter = Uuid::from_u128(7);
    assert_eq!(s.delegation_revoked(letter, "dev").await.unwrap(), None);
    assert_eq!(
        s.revoke_delegation(letter, "stranger", 50).await.unwrap(),
        50
    );
    assert_eq!(
        s.delegation_revoked(letter, "dev").await.unwrap(),
        None,
        "only its signer's revocation counts"
    );
    assert_eq!(s.revoke_delegation(letter, "dev", 60).await.unwrap(), 60);
    assert_eq!(s.revoke_delegation(letter, "dev", 70).await.unwrap(), 60);
    assert_eq!(s.delegation_revoked(letter, "dev").await.unwrap(), Some(60));
}

async fn a_device_has_one_open_proofing_request_and_its_attestation_is_kept(s: impl Storage) {
    let request = |n: u128, device: &str| ProofingRow {
        id: Uuid::from_u128(n),
        device_key: device.into(),
        profile: "{}".into(),
        contact: "+39 333 000 0000".into(),
        requested_at: i64::try_from(n).expect("a small number"),
        closed_at: None,
        closed_by: None,
        token: None,
    };
    let first = s.add_proofing_request(request(1, "dev")).await.unwrap();
    let again = s.add_proofing_request(request(2, "dev")).await.unwrap();
    assert_eq!(again, first, "one open request per device");
    s.add_proofing_request(request(3, "other")).await.unwrap();
    assert_eq!(s.proofing_requests(true, 0, 50).await.unwrap().len(), 2);
    assert_eq!(
        s.proofing_requests(true, 1, 50).await.unwrap().len(),
        1,
        "paged"
    );
    assert_eq!(
        s.proofing_requests(true, 0, 1).await.unwrap().len(),
        1,
        "paged"
    );
    assert_eq!(
        s.issued_attestations("dev").await.unwrap(),
        Vec::<String>::new()
    );

    assert!(s
        .close_proofing(first.id, Some("HWA1.x.y"), "officer-li", 10)
        .await
        .unwrap());
    assert!(!s
        .close_proofing(first.id, Some("HWA1.z.w"), "officer-li", 11)
        .await
        .unwrap());
    let done = s.proofing_request(first.id).await.unwrap().unwrap();
    assert_eq!(
        (
            done.closed_at,
            done.closed_by.as_deref(),
            done.token.as_deref()
        ),
        (Some(10), Some("officer-li"), Some("HWA1.x.y"))
    );
    assert_eq!(
        (done.profile.as_str(), done.contact.as_str()),
        ("{}", ""),
        "the details are forgotten once attested"
    );
    assert_eq!(s.issued_attestations("dev").await.unwrap(), ["HWA1.x.y"]);
    assert_eq!(s.proofing_requests(true, 0, 50).await.unwrap().len(), 1);
    assert_eq!(s.proofing_requests(false, 0, 50).await.unwrap().len(), 2);
    // Verified once, the device may ask again; a request closed without a match is declined.
    let later = s.add_proofing_request(request(4, "dev")).await.unwrap();
    assert_eq!(later.id, Uuid::from_u128(4));
    assert_eq!(
        s.declined_proofing("dev").await.unwrap(),
        Vec::<Uuid>::new()
    );
    assert!(s
        .close_proofing(later.id, None, "officer-li", 20)
        .await
        .unwrap());
    assert_eq!(s.declined_proofing("dev").await.unwrap(), [later.id]);
    assert_eq!(s.issued_attestations("dev").await.unwrap(), ["HWA1.x.y"]);
    assert_eq!(s.proofing_request(Uuid::from_u128(99)).await.unwrap(), None);
}

async fn a_notices_feed_only_moves_forward_and_signers_are_bounded(s: impl Storage) {
    let feed = |key: &str, version: i64| NoticeFeedRow {
        key_id: key.into(),
        version,
        body: format!("{{\"{key}\":{version}}}"),
        updated_at: 1_700_000_000 + version,
    };
    assert!(s.notice_feeds().await.unwrap().is_empty());
    assert!(s.put_notice_feed(feed("city", 2), 2).await.unwrap());
    assert!(
        !s.put_notice_feed(feed("city", 2), 2).await.unwrap(),
        "the same version again"
    );
    assert!(
        !s.put_notice_feed(feed("city", 1), 2).await.unwrap(),
        "an older version"
    );
    assert!(s.put_notice_feed(feed("city", 3), 2).await.unwrap());
    assert!(s.put_notice_feed(feed("consul", 1), 2).await.unwrap());
    assert!(
        !s.put_notice_feed(feed("third", 1), 2).await.unwrap(),
        "one signer too many"
    );
    assert!(
        s.put_notice_feed(feed("consul", 5), 2).await.unwrap(),
        "a kept signer moves on"
    );
    assert_eq!(
        s.notice_feeds().await.unwrap(),
        [feed("city", 3), feed("consul", 5)]
    );
}

fn message(id: u128, device: &str, draft: Uuid, text: &str) -> NewMessage {
    NewMessage {
        message_id: Uuid::from_u128(id),
        device_key: device.to_owned(),
        draft_id: draft,
        body_sha256: format!("{:064x}", text.len()),
        body: text.as_bytes().to_vec(),
        signature: "sig".into(),
        signed_at: 1_700_000_000,
        received_at: 1_700_000_100_000,
        text: text.to_owned(),
        documents: vec![NewDocument {
            document: Document {
                id: format!("{id:032x}"),
                file_name: "photo.jpg".into(),
                mime: "image/jpeg".into(),
                size: 3,
                sha256: "ab".repeat(32),
            },
            blob_id: "0a0b".into(),
        }],
    }
}

async fn a_message_is_taken_once_and_the_feed_tells_only_the_offices(s: impl Storage + 'static) {
    s.register_device("dev", 1).await.unwrap();
    s.register_device("other", 1).await.unwrap();
    let Intake::New(app) = s.intake(application(1, "k1", "dev")).await.unwrap() else {
        panic!()
    };
    let draft = Uuid::from_u128(1001);
    let s = Arc::new(s);
    // Two deliveries of the same message racing each other: one row, one event.
    let racing = |s: Arc<_>| async move {
        Messages::take_message(&*s, message(7, "dev", draft, "还需要什么？"))
            .await
            .unwrap()
    };
    let (a, b) = tokio::join!(
        tokio::spawn(racing(Arc::clone(&s))),
        tokio::spawn(racing(Arc::clone(&s)))
    );
    let taken = [a.unwrap(), b.unwrap()];
    assert_eq!(
        taken.iter().filter(|t| matches!(t, Taken::New(_))).count(),
        1,
        "{taken:?}"
    );
    assert!(taken.iter().any(|t| matches!(t, Taken::Repeat(_))));
    let Taken::Repeat(row) = s
        .take_message(message(7, "dev", draft, "还需要什么？"))
        .await
        .unwrap()
    else {
        panic!("a repeat")
    };
    assert_eq!(row.reference(), app.reference());
    assert_eq!(
        s.take_message(message(7, "dev", draft, "something else"))
            .await
            .unwrap(),
        Taken::Conflict
    );
    assert_eq!(
        s.take_message(message(7, "other", draft, "还需要什么？"))
            .await
            .unwrap(),
        Taken::Conflict,
        "another device cannot claim the id"
    );
    assert_eq!(
        s.take_message(message(8, "other", draft, "hello"))
            .await
            .unwrap(),
        Taken::NoApplication,
        "nor write on an application not its own"
    );
    assert!(s.message(Uuid::from_u128(7)).await.unwrap().is_some());

    let answered = s
        .office_message(
            app.application_seq,
            "已办结".into(),
            vec![NewDocument {
                document: Document {
                    id: "feed01".into(),
                    file_name: "结果.pdf".into(),
                    mime: "application/pdf".into(),
                    size: 10,
                    sha256: "cd".repeat(32),
                },
                blob_id: "feed01".into(),
            }],
            "officer-li",
            1_700_000_200_000,
        )
        .await
        .unwrap();
    assert_eq!(answered.actor, "officer-li");

    let thread: Vec<Speaker> = s
        .events(app.application_seq)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.event {
            EventKind::Message { from, .. } => Some(from),
            _ => None,
        })
        .collect();
    assert_eq!(
        thread,
        [Speaker::Person, Speaker::Office],
        "one each, in order"
    );
    let feed = s.feed("dev", 0, 100).await.unwrap();
    let said: Vec<Speaker> = feed
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::Message { from, .. } => Some(*from),
            _ => None,
        })
        .collect();
    assert_eq!(
        said,
        [Speaker::Office],
        "the device has its own words already"
    );

    let found = s
        .document_for_device("dev", "feed01")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.document.file_name, "结果.pdf");
    assert_eq!(found.blob_id, "feed01");
    assert!(s
        .document_for_device("other", "feed01")
        .await
        .unwrap()
        .is_none());
    assert!(s
        .document_of(app.application_seq, &format!("{:032x}", 7))
        .await
        .unwrap()
        .is_some());
    assert!(s
        .document_of(app.application_seq + 1, "feed01")
        .await
        .unwrap()
        .is_none());
}

async fn sqlite() -> (SqliteStorage, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStorage::open(&dir.path().join("backend.db"))
        .await
        .unwrap();
    (s, dir)
}

#[path = "storage/schema.rs"]
mod schema;
#[path = "support/postgres.rs"]
mod support;

/// A new, empty database on the test server, so cases never see each other's rows.
async fn postgres() -> PgStorage {
    postgres_with_url().await.0
}

/// [`postgres`], and the URL of its database.
async fn postgres_with_url() -> (PgStorage, String) {
    let url = support::fresh_database_url().await;
    (PgStorage::connect(&url).await.unwrap(), url)
}

macro_rules! suite {
    ($($case:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let (s, _dir) = super::sqlite().await;
                    super::$case(s).await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                #[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
                async fn $case() {
                    super::$case(super::postgres().await).await;
                }
            )*
        }
    };
}

suite!(
    meta_keeps_the_first_value,
    a_device_registers_once,
    a_submission_is_stored_once_and_a_repeat_gets_the_first_row,
    a_reused_key_or_id_with_another_body_is_a_conflict,
    applications_sent_from_walk_ins_are_counted_per_site,
    a_submission_from_an_unregistered_device_is_not_stored,
    intake_checks_again_that_the_device_and_its_signers_stand,
    racing_repeats_store_one_row_and_sequence_numbers_are_unique,
    a_revision_is_taken_only_when_more_material_was_asked_for,
    events_reach_only_their_device_in_cursor_order,
    the_list_pages_by_cursor_through_every_filter,
    counts_are_taken_up_to_their_limit_in_their_window,
    a_document_kept_in_the_database_reads_back_as_written,
    an_item_is_counted_once_however_often_it_is_retried,
    staff_sessions_open_expire_and_close,
    the_access_log_pages_newest_first_by_device,
    unfinished_uploads_are_counted_and_only_they_are_forgotten,
    a_decision_on_a_version_someone_moved_on_records_nothing,
    an_upload_is_found_again_and_moves_only_from_where_it_stands,
    signers_devices_and_delegations_are_revoked_once,
    a_device_has_one_open_proofing_request_and_its_attestation_is_kept,
    a_notices_feed_only_moves_forward_and_signers_are_bounded,
    a_message_is_taken_once_and_the_feed_tells_only_the_offices,
);
