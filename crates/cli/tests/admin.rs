//! `homeward admin` against a real backend on loopback, with an application a real app core
//! sent: sign in, list, open (signature verified), decide, and refusals with exit code 1.
//! Needs the keyring session `cargo xtask test` provides (the app core keeps its keys there).

mod common;
use common::homeward;

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;
use homeward_core::{Config, Homeward};

const PASSWORD: &str = "twelve chars or more";

/// Runs `homeward admin ...` with `stdin`; exit code and standard output.
fn admin(url: &str, token: Option<&str>, args: &[&str], stdin: &str) -> (i32, String) {
    let args: Vec<&str> = ["admin", "--backend", url]
        .iter()
        .chain(args)
        .copied()
        .collect();
    let (code, stdout, _) = homeward(token, &args, stdin);
    (code, stdout)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_work_an_application_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("backend.db");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(homeward_backend::serve(
        Settings::new(DatabaseUrl::Sqlite(db_path.clone())),
        listener,
        async {
            let _ = stopped.await;
        },
    ));
    let db = homeward_backend::storage::open(&DatabaseUrl::Sqlite(db_path))
        .await
        .unwrap();
    homeward_backend::staff::create_account(
        db.as_ref(),
        "clerk",
        PASSWORD,
        homeward_domain::sync::StaffRole::Reviewer,
        None,
    )
    .await
    .unwrap();

    // An application sent by the app.
    let data = tempfile::tempdir().unwrap();
    let core =
        Homeward::open(&Config::fixed(data.path().to_owned(), &url).expect("config")).unwrap();
    for kind in homeward_domain::privacy::ConsentKind::ALL {
        core.set_consent(kind, true).unwrap();
    }
    // A question to the 12345 line: a service anyone may ask for.
    let draft = core.create_draft("government-service-enquiry").unwrap();
    for (field, value) in [
        ("kind", "enquiry"),
        ("topic", "社保"),
        ("details", "养老金什么时候到账？"),
        ("full-name", "王芳"),
        ("phone", "+39 333 123 4567"),
        ("reply-by", "phone"),
    ] {
        core.set_answer(draft.id, field, value).unwrap();
    }
    core.submit(draft.id).unwrap();
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);

    let (code, _) = admin(
        &url,
        None,
        &["login", "--username", "clerk"],
        "wrong password\n",
    );
    assert_eq!(code, 1, "a wrong password is a refusal");
    let (code, token) = admin(
        &url,
        None,
        &["login", "--username", "clerk"],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(code, 0);
    let token = token.trim().to_owned();
    let t = Some(token.as_str());

    let (code, json) = admin(&url, t, &["list", "--json", "--status", "received"], "");
    assert_eq!(code, 0);
    let list: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    let reference = list[0]["reference"]
        .as_str()
        .expect("a reference")
        .to_owned();
    let version = list[0]["version"].as_i64().expect("a version");
    let (code, shown) = admin(&url, t, &["show", &reference], "");
    assert_eq!(code, 0);
    assert!(shown.contains("device signature verified"), "{shown}");
    assert!(shown.contains("王芳"), "{shown}");

    let (code, _) = admin(
        &url,
        t,
        &[
            "decide",
            &reference,
            "more-material-needed",
            "--message",
            "请补充照片",
            "--version",
            &version.to_string(),
        ],
        "",
    );
    assert_eq!(code, 0);
    let next = (version + 1).to_string();
    let (code, _) = admin(
        &url,
        t,
        &["decide", &reference, "completed", "--version", &next],
        "",
    );
    assert_eq!(code, 1, "not allowed from more-material-needed");
    let (code, _) = admin(
        &url,
        t,
        &[
            "decide",
            &reference,
            "rejected",
            "--version",
            &version.to_string(),
        ],
        "",
    );
    assert_eq!(code, 1, "decided on a version someone else moved on");
    let (code, _) = admin(
        &url,
        t,
        &["add-staff", "--username", "another"],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(code, 1, "only an administrator adds staff");
    let (code, _) = admin(&url, None, &["list"], "");
    assert_eq!(code, 1, "signed out");

    // The app hears of the decision and of the openings.
    let events = core.poll_status().await.unwrap();
    assert!(events.iter().any(|e| matches!(
        &e.event,
        homeward_domain::sync::EventKind::Access { .. }
    ) && e.by.is_none()));

    // Keys: a clerk may list them but not register or revoke one; an administrator may.
    let site_key = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=";
    let (code, _) = admin(&url, t, &["add-site", "prato", "Prato", site_key], "");
    assert_eq!(code, 1, "only an administrator registers a site");
    homeward_backend::staff::create_account(
        db.as_ref(),
        "boss",
        PASSWORD,
        homeward_domain::sync::StaffRole::Administrator,
        None,
    )
    .await
    .unwrap();
    let (_, boss) = admin(
        &url,
        None,
        &["login", "--username", "boss"],
        &format!("{PASSWORD}\n"),
    );
    let b = Some(boss.trim());
    let (code, added) = admin(&url, b, &["add-site", "prato", "Prato", site_key], "");
    assert_eq!(code, 0);
    assert!(
        added.contains("prato") && added.contains("trusted"),
        "{added}"
    );
    let (code, _) = admin(&url, b, &["add-site", "Prato!", "Prato", site_key], "");
    assert_eq!(code, 1, "a bad site id is refused");
    let (code, _) = admin(&url, b, &["revoke-site", "prato"], "");
    assert_eq!(code, 0);
    let (code, listed) = admin(&url, t, &["sites"], "");
    assert_eq!(code, 0);
    assert!(
        listed.contains("prato") && listed.contains("revoked"),
        "{listed}"
    );
    let device = core.device_public_key_b64();
    let (code, _) = admin(&url, b, &["revoke-device", &device], "");
    assert_eq!(code, 0);
    let (code, _) = admin(&url, b, &["revoke-device", site_key], "");
    assert_eq!(code, 1, "no such device");
    // The revoked device can no longer sign: its next poll is refused.
    let refused = core.poll_status().await.unwrap_err();
    assert_eq!(refused.code(), homeward_domain::ErrorCode::DeviceRevoked);

    // The access log: who did what, newest first; an administrator's alone to read.
    let (code, _) = admin(&url, t, &["access-log"], "");
    assert_eq!(code, 1, "a clerk may not read the access log");
    let (code, log) = admin(&url, b, &["access-log"], "");
    assert_eq!(code, 0);
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].contains("boss (administrator)") && lines[0].contains("Revoked a device's key"),
        "{log}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("clerk (reviewer)") && l.contains(&reference)),
        "{log}"
    );
    let (code, json) = admin(&url, b, &["access-log", "--json"], "");
    assert_eq!(code, 0);
    let log: homeward_domain::sync::AccessLog = serde_json::from_str(&json).unwrap();
    let oldest = log.records.last().unwrap().seq;
    let (code, older) = admin(
        &url,
        b,
        &["access-log", "--before", &oldest.to_string()],
        "",
    );
    assert_eq!((code, older.as_str()), (0, ""), "nothing before the first");

    let _ = stop.send(());
    server.await.unwrap().unwrap();
}
