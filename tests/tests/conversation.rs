//! The conversation on an application, end to end between a real app core and a real backend:
//! the person asks a question with a photo, it goes through the outbox once; staff read it in
//! the console (the reading is in the access log) and answer with a PDF; the app hears the
//! answer on the feed, fetches and checks the document, and saves it. At the wire: a retried
//! message gets the first receipt, a reused id is refused, another device finds nothing.
//! Needs the keyring session `cargo xtask test` gives.

use ed25519_dalek::SigningKey;
use homeward_core::remote::Remote;
use homeward_domain::conversation::{PersonMessage, Speaker};
use homeward_domain::sync::{AccessAction, EventKind, OutboxState, SignedReceipt, Submission};
use homeward_domain::wire::path;
use homeward_domain::{DraftId, ErrorCode, GuideId};
use homeward_tests::backend::{Console, TestBackend};
use homeward_tests::installation::{enquiry, open_consented, ENQUIRY};
use homeward_tests::RESULT_PDF;
use tempfile::TempDir;

const PASSWORD: &str = "correct horse battery";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_with_a_photo_is_answered_with_a_document_the_app_saves() {
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("officer-li", PASSWORD, false)
        .await
        .unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &backend.url);
    let draft = enquiry(&core);

    // Not before the application has reached the city.
    core.set_message_text(draft, "还需要什么材料？").unwrap();
    let e = core.send_message(draft).expect_err("not sent yet");
    assert!(e.to_string().contains("message-application"), "{e}");

    core.submit(draft).unwrap();
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);

    // What the person is writing is kept as typed, with its photo, until Send.
    let photo = homeward_core::materials::fixtures::phone_photo(1600, 1200);
    let attached = core
        .add_message_attachment(draft, "IMG_2041.HEIC.jpg", &photo)
        .unwrap();
    assert_eq!(attached.mime, "image/jpeg");
    let written = core.message_draft(draft).unwrap();
    assert_eq!(written.text, "还需要什么材料？");
    assert_eq!(written.attachments.len(), 1);
    let e = core
        .set_message_text(draft, &"长".repeat(4001))
        .expect_err("too long");
    assert!(e.to_string().contains("message-text"), "{e}");

    let item = core.send_message(draft).unwrap();
    let id = item.submission_id;
    assert!(item.message.is_some(), "the outbox holds it as a message");
    assert!(
        core.message_draft(draft).unwrap() == Default::default(),
        "Send cleared what was being written"
    );
    let report = core.sync_outbox().await.unwrap();
    assert_eq!(report.delivered, 1, "{report:?}");
    let delivered = core
        .outbox()
        .unwrap()
        .into_iter()
        .find(|i| i.submission_id == id)
        .unwrap();
    let OutboxState::Delivered { reference, .. } = delivered.state else {
        panic!("delivered: {delivered:?}")
    };
    assert_eq!(
        core.next_revision(draft).unwrap(),
        None,
        "a message is not a revision"
    );
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 0, "sent once");

    // Staff read the thread: the words and the photo, the reading in the access log.
    let console = Console::sign_in(&backend.url, "officer-li", PASSWORD)
        .await
        .unwrap();
    let application = console
        .page(&format!("/console/applications/{reference}"))
        .await
        .unwrap();
    assert!(application.contains("id=\"open-conversation\""));
    assert!(
        application.contains("data-waiting=\"true\""),
        "the person wrote last"
    );
    assert!(
        !application.contains("还需要什么材料"),
        "the words are read on the conversation's own page"
    );
    let thread = console
        .page(&format!("/console/applications/{reference}/conversation"))
        .await
        .unwrap();
    assert!(thread.contains("还需要什么材料？"), "{thread}");
    assert!(thread.contains("IMG_2041.HEIC.jpg"));
    let photo_link = homeward_tests::backend::quoted_after(&thread, "data-document=\"").unwrap();
    let log = core.access_log(None).await.unwrap();
    assert!(
        log.records
            .iter()
            .any(|r| r.action == AccessAction::ReadConversation
                && r.reference.as_deref() == Some(reference.as_str())),
        "{log:?}"
    );

    // The office answers with the result; a file that is not a PDF or a photo is refused.
    let status = console
        .reply(
            &reference,
            "",
            Some(("page.html", b"<script>alert(1)</script>")),
        )
        .await
        .unwrap();
    assert_eq!(status, 400);
    let status = console.reply(&reference, "  ", None).await.unwrap();
    assert_eq!(status, 400, "an empty reply says nothing");
    let status = console
        .reply(
            &reference,
            "已办结，证明见附件。",
            Some(("../../结果 2026.pdf", RESULT_PDF)),
        )
        .await
        .unwrap();
    assert_eq!(status, 303);

    // The app hears it, fetches the document, checks it, keeps it and saves it.
    let news = core.poll_status().await.unwrap();
    let answer = news
        .iter()
        .find_map(|e| match &e.event {
            EventKind::Message {
                from,
                text,
                documents,
            } => Some((*from, text.clone(), documents.clone())),
            _ => None,
        })
        .expect("the office's answer on the feed");
    assert_eq!(answer.0, Speaker::Office);
    assert_eq!(answer.1, "已办结，证明见附件。");
    let [document] = &answer.2[..] else {
        panic!("one document: {answer:?}")
    };
    assert_eq!(document.file_name, "结果 2026.pdf", "no path survives");
    assert_eq!(document.mime, "application/pdf");
    assert!(
        news.iter().all(|e| !matches!(
            e.event,
            EventKind::Message {
                from: Speaker::Person,
                ..
            }
        )),
        "the feed does not send the person's own words back"
    );
    let (title, body) = core
        .notification_text(&news[news.len() - 1])
        .unwrap()
        .unwrap();
    assert!(!title.is_empty());
    assert!(
        !body.contains("已办结"),
        "a notification on a locked screen does not show the words: {body}"
    );
    let out = TempDir::new().unwrap();
    let saved = core
        .save_document(draft, &document.id, out.path())
        .await
        .unwrap();
    assert_eq!(std::fs::read(&saved).unwrap(), RESULT_PDF);
    assert!(saved.starts_with(out.path()));
    assert!(saved
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with(&reference));

    // The person's export holds it too.
    let folder = core.export_all(out.path()).unwrap();
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("data.json")).unwrap()).unwrap();
    let kept = &data["from_the_office"][0];
    assert_eq!(kept["file_name"], "结果 2026.pdf");
    let file = kept["file"].as_str().unwrap();
    assert_eq!(std::fs::read(folder.join(file)).unwrap(), RESULT_PDF);

    // Kept: it saves again with the backend gone.
    backend.stop().await.unwrap();
    let again = TempDir::new().unwrap();
    let saved = core
        .save_document(draft, &document.id, again.path())
        .await
        .unwrap();
    assert_eq!(std::fs::read(saved).unwrap(), RESULT_PDF);
    assert!(!photo_link.is_empty());
}

/// A device of its own, registered, that has sent one application to a service anyone may ask
/// for; the draft it was made from.
async fn device_with_application(remote: &Remote, key: &SigningKey) -> DraftId {
    use base64::Engine as _;
    let public = base64::engine::general_purpose::STANDARD.encode(key.verifying_key().as_bytes());
    remote.register_device(&public).await.unwrap();
    let draft = DraftId(uuid::Uuid::now_v7());
    let submission = Submission {
        submission_id: uuid::Uuid::now_v7(),
        draft_id: draft,
        guide_id: GuideId(ENQUIRY.into()),
        pack_version: 1,
        revision: 0,
        answers: Default::default(),
        materials: vec![],
        sent_at: 0,
        attestations: vec![],
        applicant: None,
        assisted: None,
    };
    let body = serde_json::to_vec(&submission).unwrap();
    let id = submission.submission_id.to_string();
    remote
        .submit(key, path::SUBMISSIONS, &id, &body)
        .await
        .unwrap();
    draft
}

fn refused_with(result: homeward_core::Result<SignedReceipt>) -> ErrorCode {
    match result {
        Err(homeward_core::CoreError::Refused(e)) => e.code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_is_taken_once_and_only_for_the_devices_own_application() {
    let backend = TestBackend::start().await.unwrap();
    let remote = Remote::new(&backend.url, None).unwrap();
    let key = SigningKey::from_bytes(&rand::random());
    let draft = device_with_application(&remote, &key).await;
    let message = PersonMessage {
        message_id: uuid::Uuid::now_v7(),
        draft_id: draft,
        text: "Can my sister collect it?".into(),
        attachments: vec![],
        sent_at: 1,
    };
    let body = serde_json::to_vec(&message).unwrap();
    let id = message.message_id.to_string();
    let first = remote
        .submit(&key, path::MESSAGES, &id, &body)
        .await
        .unwrap();
    let again = remote
        .submit(&key, path::MESSAGES, &id, &body)
        .await
        .unwrap();
    assert_eq!(first, again, "a retry gets the very same receipt");

    // The same id with other words, an id that is not the key, an unknown application, a
    // document never uploaded, nothing said: each refused for what it is.
    let other = PersonMessage {
        text: "Something else".into(),
        ..message.clone()
    };
    let code = refused_with(
        remote
            .submit(
                &key,
                path::MESSAGES,
                &id,
                &serde_json::to_vec(&other).unwrap(),
            )
            .await,
    );
    assert_eq!(code, ErrorCode::IdempotencyConflict);
    let fresh = |m: PersonMessage| {
        let body = serde_json::to_vec(&m).unwrap();
        let id = m.message_id.to_string();
        (id, body)
    };
    let (_, body) = fresh(PersonMessage {
        message_id: uuid::Uuid::now_v7(),
        ..message.clone()
    });
    let code = refused_with(
        remote
            .submit(&key, path::MESSAGES, "not-the-id", &body)
            .await,
    );
    assert_eq!(code, ErrorCode::InvalidInput);
    let (id2, body) = fresh(PersonMessage {
        message_id: uuid::Uuid::now_v7(),
        draft_id: DraftId(uuid::Uuid::now_v7()),
        ..message.clone()
    });
    let code = refused_with(remote.submit(&key, path::MESSAGES, &id2, &body).await);
    assert_eq!(code, ErrorCode::NotFound);
    let (id3, body) = fresh(PersonMessage {
        message_id: uuid::Uuid::now_v7(),
        attachments: vec![homeward_domain::conversation::Attachment {
            file_name: "scan.pdf".into(),
            mime: "application/pdf".into(),
            size: 10,
            sha256: "ab".repeat(32),
        }],
        ..message.clone()
    });
    let code = refused_with(remote.submit(&key, path::MESSAGES, &id3, &body).await);
    assert_eq!(code, ErrorCode::MaterialNotUploaded);
    let (id4, body) = fresh(PersonMessage {
        message_id: uuid::Uuid::now_v7(),
        text: " ".into(),
        ..message.clone()
    });
    let code = refused_with(remote.submit(&key, path::MESSAGES, &id4, &body).await);
    assert_eq!(code, ErrorCode::InvalidInput);

    // Another device cannot write on this application, nor read its documents.
    let stranger = SigningKey::from_bytes(&rand::random());
    device_with_application(&remote, &stranger).await;
    let (id5, body) = fresh(PersonMessage {
        message_id: uuid::Uuid::now_v7(),
        ..message.clone()
    });
    let code = refused_with(remote.submit(&stranger, path::MESSAGES, &id5, &body).await);
    assert_eq!(code, ErrorCode::NotFound);
    backend
        .add_staff("officer-li", PASSWORD, false)
        .await
        .unwrap();
    let console = Console::sign_in(&backend.url, "officer-li", PASSWORD)
        .await
        .unwrap();
    let reference = console.latest_reference().await.unwrap();
    // The stranger's application is the latest; the first device's is the other one.
    let list = console.page("/console").await.unwrap();
    let first_reference = list
        .match_indices("data-reference=\"")
        .map(|(at, m)| {
            let rest = &list[at + m.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .find(|r| *r != reference)
        .unwrap();
    let status = console
        .reply(
            &first_reference,
            "Yes, with your letter.",
            Some(("slip.pdf", RESULT_PDF)),
        )
        .await
        .unwrap();
    assert_eq!(status, 303);
    let feed = remote.feed(&key, 0).await.unwrap();
    let document = feed
        .events
        .iter()
        .find_map(|e| match &e.event {
            EventKind::Message { documents, .. } => documents.first().cloned(),
            _ => None,
        })
        .expect("the office's document on the feed");
    let target = path::DOCUMENT.replace("{id}", &document.id);
    assert_eq!(
        remote.get_bytes_signed(&key, &target).await.unwrap(),
        RESULT_PDF
    );
    match remote.get_bytes_signed(&stranger, &target).await {
        Err(homeward_core::CoreError::Refused(e)) => assert_eq!(e.code, ErrorCode::NotFound),
        other => panic!("another device reads nothing: {other:?}"),
    }
    backend.stop().await.unwrap();
}
