//! The back office against a real backend: an application sent by a real app core is listed,
//! opened (its signature verified again, the opening recorded for the applicant), sent back for
//! more material, revised by the person, and approved; through the JSON API and through the
//! console's pages with their CSRF protection. Needs the keyring session `cargo xtask test` gives.

use homeward_domain::staff::{ApplicationDetail, ApplicationSummary, StaffToken};
use homeward_domain::sync::{
    ApplicationStatus, EventKind, MaterialRequest, RequestReason, StaffRole,
};
use homeward_domain::{ApiError, ErrorCode};
use homeward_tests::backend::TestBackend;
use homeward_tests::installation::{
    attested_in_person, enquiry, open_consented, proof_of_life, ENQUIRY_ATTACHMENT,
};
use tempfile::TempDir;

const PASSWORD: &str = "correct horse battery";

async fn error_code(resp: reqwest::Response) -> (u16, ErrorCode) {
    let status = resp.status().as_u16();
    let e: ApiError = resp.json().await.expect("the JSON error shape");
    (status, e.code)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_ask_for_more_material_the_person_revises_and_staff_approve() {
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("officer-li", PASSWORD, false)
        .await
        .unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &backend.url);
    // The pension service needs the person's documents reviewed: here, at a liaison site.
    let site = ed25519_dalek::SigningKey::from_bytes(&[8; 32]);
    backend.register_site("prato", &site).await.unwrap();
    attested_in_person(&core, &site, "prato");
    let draft = proof_of_life(&core, "face");
    // A document attached for a question the person then made moot stays on the device.
    core.set_answer(draft, "method", "certificate").unwrap();
    let photo = homeward_core::materials::fixtures::phone_photo(800, 600);
    core.add_material(draft, "life-certificate", "certificate.jpg", &photo)
        .unwrap();
    core.set_answer(draft, "method", "face").unwrap();
    core.submit(draft).unwrap();
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);
    let http = reqwest::Client::new();
    let api = |path: &str| format!("{}/v1/staff{path}", backend.url);

    // Signing in: a wrong password and an unknown name say the same thing.
    for (user, pass) in [("officer-li", "wrong password!"), ("nobody", PASSWORD)] {
        let resp = http
            .post(api("/sessions"))
            .json(&serde_json::json!({"username": user, "password": pass}))
            .send()
            .await
            .unwrap();
        assert_eq!(error_code(resp).await, (401, ErrorCode::NotSignedIn));
    }
    let resp = http.get(api("/applications")).send().await.unwrap();
    assert_eq!(error_code(resp).await, (401, ErrorCode::NotSignedIn));
    let token: StaffToken = http
        .post(api("/sessions"))
        .json(&serde_json::json!({"username": "officer-li", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let auth = format!("Bearer {}", token.token);

    // Listed, opened, the signature verified again.
    let list: Vec<ApplicationSummary> = http
        .get(api("/applications?status=received"))
        .header("authorization", &auth)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let [app] = &list[..] else {
        panic!("one application: {list:?}")
    };
    let reference = app.reference.clone();
    let detail: ApplicationDetail = http
        .get(api(&format!("/applications/{reference}")))
        .header("authorization", &auth)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(detail.submissions[0].signature_verified);
    assert!(
        detail.submissions[0].submission.materials.is_empty(),
        "only what the applicable questions ask for is sent"
    );
    assert_eq!(
        detail.submissions[0].submission.answers["id-number"], "330302199001011235",
        "sent normalised"
    );
    let resp = http
        .get(api("/applications?status=nonsense"))
        .header("authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await, (400, ErrorCode::InvalidInput));

    // More material needed: a message is required, and only allowed moves are taken.
    // Each decision names the version it was made on.
    let decide = |status: &str, message: &str, version: i64| {
        http.post(api(&format!("/applications/{reference}/decision")))
            .header("authorization", &auth)
            .json(&serde_json::json!({"status": status, "message": message, "version": version}))
            .send()
    };
    let read = detail.summary.version;
    let resp = decide("more-material-needed", " ", read).await.unwrap();
    assert_eq!(error_code(resp).await, (400, ErrorCode::InvalidInput));
    // A structured request names the guide's own document questions, each once, with a reason
    // from the fixed list, and only when asking for more material.
    let request = |fields: &[&str], reason: &str, status: &str| {
        http.post(api(&format!("/applications/{reference}/decision")))
            .header("authorization", &auth)
            .json(&serde_json::json!({
                "status": status,
                "message": "",
                "request": {"fields": fields, "reason": reason},
                "version": read,
            }))
            .send()
    };
    for (fields, reason, status) in [
        (&["full-name"][..], "unreadable", "more-material-needed"),
        (
            &["no-such-question"][..],
            "unreadable",
            "more-material-needed",
        ),
        (
            &["life-certificate", "life-certificate"][..],
            "unreadable",
            "more-material-needed",
        ),
        (&[][..], "unreadable", "more-material-needed"),
        (
            &["life-certificate"][..],
            "because-i-say-so",
            "more-material-needed",
        ),
        (&["life-certificate"][..], "unreadable", "in-review"),
    ] {
        let resp = request(fields, reason, status).await.unwrap();
        assert_eq!(resp.status(), 400, "{fields:?} {reason} {status}");
    }
    let resp = http
        .post(api(&format!("/applications/{reference}/decision")))
        .header("authorization", &auth)
        .json(&serde_json::json!({
            "status": "more-material-needed",
            "message": "请补充近期的生存证明照片",
            "request": {"fields": ["life-certificate"], "reason": "unreadable"},
            "version": read,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let asked: ApplicationSummary = resp.json().await.unwrap();
    assert_eq!(asked.version, read + 1);
    // A second officer decides on the page they read before: refused, nothing recorded, so
    // the person never hears both "more material" and "rejected".
    let resp = decide("rejected", "材料不全", read).await.unwrap();
    assert_eq!(error_code(resp).await, (409, ErrorCode::Conflict));
    let resp = decide("completed", "", asked.version).await.unwrap();
    assert_eq!(error_code(resp).await, (403, ErrorCode::NotAllowed));

    // The person's app hears of it, with the access recorded, and sends a revision.
    let new = core.poll_status().await.unwrap();
    assert!(new.iter().any(|e| matches!(
        &e.event,
        EventKind::Access {
            role: StaffRole::Officer,
            ..
        }
    )));
    assert!(
        new.iter().all(|e| e.by.is_none()),
        "the person is never told a login name"
    );
    assert!(new.iter().any(|e| matches!(&e.event,
        EventKind::Status {
            status: ApplicationStatus::MoreMaterialNeeded,
            message,
            request: Some(MaterialRequest { fields, reason: RequestReason::Unreadable }),
        } if message.contains("生存证明") && fields == &["life-certificate"])));
    assert!(
        !new.iter().any(|e| matches!(
            &e.event,
            EventKind::Status {
                status: ApplicationStatus::Rejected,
                ..
            }
        )),
        "the stale decision never reached the person"
    );
    assert_eq!(
        core.application_status(draft).unwrap(),
        Some(ApplicationStatus::MoreMaterialNeeded)
    );
    assert!(
        core.poll_status().await.unwrap().is_empty(),
        "nothing twice"
    );
    core.set_answer(draft, "country", "Italia (Prato)").unwrap();
    let revision = core.submit(draft).expect("a revision is allowed now");
    assert_eq!(revision.revision, 1);
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);
    assert!(core.submit(draft).is_err(), "no third one unasked");

    // Approved, on the version the revision made; the app hears that too.
    let resp = decide("approved", "已通过", asked.version).await.unwrap();
    assert_eq!(
        error_code(resp).await,
        (409, ErrorCode::Conflict),
        "the revision moved it on"
    );
    let resp = decide("approved", "已通过", asked.version + 1)
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{:?}", resp.text().await);
    core.poll_status().await.unwrap();
    assert_eq!(
        core.application_status(draft).unwrap(),
        Some(ApplicationStatus::Approved)
    );
    assert_eq!(backend.stored_submissions().await.unwrap(), 2);
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_signs_in_lists_opens_and_decides_with_csrf_protection() {
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("officer-wang", PASSWORD, true)
        .await
        .unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &backend.url);
    core.submit(enquiry(&core)).unwrap();
    core.sync_outbox().await.unwrap();

    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let url = |p: &str| format!("{}{p}", backend.url);

    // Guessing is slowed down: after five wrong passwords the name is refused for a while,
    // even with the right one.
    backend
        .add_staff("officer-zhao", PASSWORD, false)
        .await
        .unwrap();
    for _ in 0..5 {
        let resp = http
            .post(url("/console/login"))
            .form(&[
                ("username", "officer-zhao"),
                ("password", "wrong wrong wrong"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 401);
    }
    let resp = http
        .post(url("/console/login"))
        .form(&[("username", "officer-zhao"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);

    // A sign-in posted from another site's page (login CSRF) is refused, even with the right
    // password, and sets no cookie; from the console's own page it is taken (below).
    for (origin, fetch_site) in [
        ("https://evil.example", "cross-site"),
        ("https://evil.example", ""),
        ("null", ""),
    ] {
        let mut req = http
            .post(url("/console/login"))
            .header("origin", origin)
            .form(&[("username", "officer-wang"), ("password", PASSWORD)]);
        if !fetch_site.is_empty() {
            req = req.header("sec-fetch-site", fetch_site);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 403, "{origin} {fetch_site}");
        assert!(resp.headers().get("set-cookie").is_none());
    }
    let resp = http
        .post(url("/console/login"))
        .header("origin", backend.url.clone())
        .header("sec-fetch-site", "same-origin")
        .form(&[("username", "officer-wang"), ("password", "nope nope nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401, "same origin: checked as usual");

    // Signed out: sent to the sign-in page.
    let resp = http.get(url("/console")).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(resp.headers()["location"], "/console/login");
    let resp = http
        .post(url("/console/login"))
        .form(&[("username", "officer-wang"), ("password", "nope nope nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let resp = http
        .post(url("/console/login"))
        .form(&[("username", "officer-wang"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let cookie = cookie.split(';').next().unwrap().to_owned();

    let page = |path: &str| {
        http.get(url(path))
            .header("cookie", &cookie)
            .header("accept-language", "zh-CN")
            .send()
    };
    let list = page("/console").await.unwrap().text().await.unwrap();
    let reference = list
        .split("data-reference=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the application is listed")
        .to_owned();
    assert!(list.contains("政务服务咨询"), "guide titles in Chinese");
    let detail = page(&format!("/console/applications/{reference}"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        detail.contains("data-verified=\"true\""),
        "signature verified"
    );
    assert!(detail.contains("王𠀀明"));
    let csrf = detail
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a CSRF token")
        .to_owned();

    let version = homeward_tests::backend::quoted_after(&detail, "name=\"version\" value=\"")
        .expect("the forms carry the version they were shown");

    // A decision without the form's token is refused; with it, taken.
    let decide = |token: &str| {
        http.post(url(&format!("/console/applications/{reference}/decision")))
            .header("cookie", &cookie)
            .form(&[
                ("csrf", token),
                ("status", "in-review"),
                ("message", ""),
                ("version", &version),
            ])
            .send()
    };
    assert_eq!(decide("forged").await.unwrap().status(), 403);
    assert_eq!(decide(&csrf).await.unwrap().status(), 303);
    // Routing from the page as it was before that decision: someone decided first, and the
    // console says so.
    let route = |version: String| {
        http.post(url(&format!("/console/applications/{reference}/route")))
            .header("cookie", &cookie)
            .form(&[
                ("csrf", csrf.as_str()),
                ("department", "鹿城区社保中心"),
                ("version", &version),
            ])
            .send()
    };
    let resp = route(version.clone()).await.unwrap();
    assert_eq!(resp.status(), 409);
    let text = resp.text().await.unwrap();
    assert!(text.contains("其他工作人员已对该申请作出处理"), "{text}");
    let next = (version.parse::<i64>().unwrap() + 1).to_string();
    assert_eq!(route(next).await.unwrap().status(), 303);
    let detail = page(&format!("/console/applications/{reference}"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(detail.contains("data-status=\"in-review\""));
    assert!(detail.contains("鹿城区社保中心"));

    // The applicant can read every opening of the application.
    core.poll_status().await.unwrap();
    let openings = core
        .status_events()
        .unwrap()
        .into_iter()
        .filter(|e| {
            matches!(
                &e.event,
                EventKind::Access {
                    role: StaffRole::Administrator,
                    ..
                }
            )
        })
        .count();
    assert_eq!(openings, 2, "the detail page was opened twice");
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_account_is_signed_out_everywhere_at_once_and_signs_in_no_more() {
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("admin-chen", PASSWORD, true)
        .await
        .unwrap();
    backend
        .add_staff("officer-leaving", PASSWORD, false)
        .await
        .unwrap();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let api = |path: &str| format!("{}/v1/staff{path}", backend.url);
    let token = |username: &'static str| {
        let http = http.clone();
        let url = api("/sessions");
        async move {
            let resp = http
                .post(url)
                .json(&serde_json::json!({"username": username, "password": PASSWORD}))
                .send()
                .await
                .unwrap();
            (
                resp.status().as_u16(),
                resp.json::<serde_json::Value>().await.unwrap(),
            )
        }
    };
    let (_, admin) = token("admin-chen").await;
    let admin = format!("Bearer {}", admin["token"].as_str().unwrap());
    let (_, leaving) = token("officer-leaving").await;
    let leaving = format!("Bearer {}", leaving["token"].as_str().unwrap());
    let console =
        homeward_tests::backend::Console::sign_in(&backend.url, "officer-leaving", PASSWORD)
            .await
            .unwrap();
    let list = |auth: String| {
        http.get(api("/applications"))
            .header("authorization", auth)
            .send()
    };
    assert_eq!(list(leaving.clone()).await.unwrap().status(), 200);
    assert!(console.page("/console").await.is_ok());

    // Only an administrator disables, and not their own account.
    let disable = |auth: String, who: &str| {
        http.post(api(&format!("/accounts/{who}/disable")))
            .header("authorization", auth)
            .send()
    };
    let resp = disable(leaving.clone(), "admin-chen").await.unwrap();
    assert_eq!(error_code(resp).await, (403, ErrorCode::NotAllowed));
    let resp = disable(admin.clone(), "admin-chen").await.unwrap();
    assert_eq!(error_code(resp).await, (403, ErrorCode::NotAllowed));
    let resp = disable(admin.clone(), "nobody").await.unwrap();
    assert_eq!(error_code(resp).await, (404, ErrorCode::NotFound));
    assert_eq!(
        disable(admin.clone(), "officer-leaving")
            .await
            .unwrap()
            .status(),
        204
    );

    // Every session ended: the API token, the console cookie; and no new sign-in.
    let resp = list(leaving).await.unwrap();
    assert_eq!(error_code(resp).await, (401, ErrorCode::NotSignedIn));
    assert!(
        console.page("/console").await.is_err(),
        "the console sends the old cookie to the sign-in page"
    );
    let (status, json) = token("officer-leaving").await;
    assert_eq!(status, 401, "told as a wrong password is: {json}");
    assert_eq!(list(admin).await.unwrap().status(), 200, "others go on");
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invisible_direction_controls_are_refused_in_names_and_shown_for_what_they_are_to_staff() {
    use homeward_domain::check::CheckCode;
    // The app refuses them where a person types a name, with a message of their own.
    let data = TempDir::new().unwrap();
    let backend = TestBackend::start().await.unwrap();
    let core = open_consented(data.path(), &backend.url);
    let mut spoofed = homeward_tests::installation::profile();
    spoofed.name_han = "王\u{202E}明小".into();
    let problems = core.set_profile(&spoofed).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.field == "name-han" && p.code == CheckCode::InvisibleCharacters),
        "{problems:?}"
    );
    let mut zero_width = homeward_tests::installation::profile();
    zero_width.name_han = "王\u{200B}小明".into();
    assert!(!core.set_profile(&zero_width).unwrap().is_empty());

    // A client that skips the app's checks still cannot make staff read something else: the
    // console shows each control as a visible mark, inside an isolate.
    let device = homeward_tests::probe::Probe::new(&backend.url, 5, true).await;
    let mut submission: homeward_domain::sync::Submission =
        serde_json::from_slice(&homeward_tests::probe::Probe::body(1)).unwrap();
    submission
        .answers
        .insert("full-name".into(), "王\u{202E}明小\u{2066}".into());
    let (status, json) = device
        .submit(serde_json::to_vec(&submission).unwrap(), "k1")
        .await;
    assert_eq!(status, 201, "{json}");
    backend
        .add_staff("officer-li", PASSWORD, false)
        .await
        .unwrap();
    let console = homeward_tests::backend::Console::sign_in(&backend.url, "officer-li", PASSWORD)
        .await
        .unwrap();
    let reference = console.latest_reference().await.unwrap();
    let page = console
        .page(&format!("/console/applications/{reference}"))
        .await
        .unwrap();
    assert!(!page.contains('\u{202E}') && !page.contains('\u{2066}'));
    assert!(page.contains("<bdi>王⟦U+202E⟧明小⟦U+2066⟧</bdi>"), "{page}");
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_officers_and_administrators_verify_identities_and_see_the_details_for_it() {
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff_as("reviewer-zhou", PASSWORD, StaffRole::Reviewer, None)
        .await
        .unwrap();
    backend
        .add_staff_as("officer-qian", PASSWORD, StaffRole::Officer, None)
        .await
        .unwrap();
    let reviewer =
        homeward_tests::backend::Console::sign_in(&backend.url, "reviewer-zhou", PASSWORD)
            .await
            .unwrap();
    let officer = homeward_tests::backend::Console::sign_in(&backend.url, "officer-qian", PASSWORD)
        .await
        .unwrap();
    // A reviewer reads applications, but not the requests for video verification with their
    // full ID numbers, and is not offered them.
    let home = reviewer.page("/console").await.unwrap();
    assert!(!home.contains("id=\"open-proofing\""));
    let err = reviewer.page("/console/proofing").await.unwrap_err();
    assert!(err.to_string().contains("403"), "{err}");
    let home = officer.page("/console").await.unwrap();
    assert!(home.contains("id=\"open-proofing\""));
    assert!(officer.page("/console/proofing").await.is_ok());

    // Roles given through the staff API: an administrator names one; a reviewer by default.
    backend
        .add_staff("admin-chen", PASSWORD, true)
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let token: StaffToken = http
        .post(format!("{}/v1/staff/sessions", backend.url))
        .json(&serde_json::json!({"username": "admin-chen", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for (name, role) in [("new-officer", Some("officer")), ("new-reviewer", None)] {
        let resp = http
            .post(format!("{}/v1/staff/accounts", backend.url))
            .header("authorization", format!("Bearer {}", token.token))
            .json(&serde_json::json!({"username": name, "password": PASSWORD, "role": role}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 201);
    }
    let db = backend.database().await.unwrap();
    assert_eq!(
        db.staff("new-officer").await.unwrap().unwrap().role,
        StaffRole::Officer
    );
    assert_eq!(
        db.staff("new-reviewer").await.unwrap().unwrap().role,
        StaffRole::Reviewer
    );
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reviewer_reads_only_their_department_and_the_person_sees_every_access() {
    use homeward_domain::sync::{AccessAction, AccessLog};
    const DEPARTMENT: &str = "鹿城区社保中心";
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("admin-chen", PASSWORD, true)
        .await
        .unwrap();
    backend
        .add_staff_as(
            "reviewer-zhou",
            PASSWORD,
            StaffRole::Reviewer,
            Some(DEPARTMENT),
        )
        .await
        .unwrap();
    let data = TempDir::new().unwrap();
    let core = open_consented(data.path(), &backend.url);
    let draft = enquiry(&core);
    let photo = homeward_core::materials::fixtures::phone_photo(800, 600);
    core.add_material(draft, ENQUIRY_ATTACHMENT, "certificate.jpg", &photo)
        .unwrap();
    core.submit(draft).unwrap();
    assert_eq!(core.sync_outbox().await.unwrap().delivered, 1);

    let admin = homeward_tests::backend::Console::sign_in(&backend.url, "admin-chen", PASSWORD)
        .await
        .unwrap();
    let reviewer =
        homeward_tests::backend::Console::sign_in(&backend.url, "reviewer-zhou", PASSWORD)
            .await
            .unwrap();
    let http = reqwest::Client::new();
    let reviewer_token =
        homeward_tests::backend::staff_token(&backend.url, "reviewer-zhou", PASSWORD)
            .await
            .unwrap();
    let api_list = |auth: String| {
        let url = format!("{}/v1/staff/applications", backend.url);
        let http = http.clone();
        async move {
            http.get(url)
                .header("authorization", auth)
                .send()
                .await
                .unwrap()
                .json::<Vec<ApplicationSummary>>()
                .await
                .unwrap()
        }
    };

    // Before routing, nothing is the reviewer's department's: not listed, and not found when
    // asked for by its reference, in the console and through the API.
    let list = admin.page("/console?status=received").await.unwrap();
    let reference = homeward_tests::backend::quoted_after(&list, "data-reference=\"").unwrap();
    let home = reviewer.page("/console").await.unwrap();
    assert!(home.contains(DEPARTMENT), "the list says whose it shows");
    assert!(home.contains("id=\"none\""), "{home}");
    assert!(api_list(reviewer_token.clone()).await.is_empty());
    let page = format!("/console/applications/{reference}");
    let err = reviewer.page(&page).await.unwrap_err();
    assert!(err.to_string().contains("404"), "{err}");
    // Nor its conversation.
    let err = reviewer
        .page(&format!("{page}/conversation"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("404"), "{err}");
    let resp = http
        .get(format!("{}/v1/staff/applications/{reference}", backend.url))
        .header("authorization", reviewer_token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await, (404, ErrorCode::NotFound));

    // Routed there by the administrator, it is theirs: listed, opened, its document read.
    let status = admin
        .submit_form(
            &page,
            &format!("{page}/route"),
            &[("department", DEPARTMENT)],
        )
        .await
        .unwrap();
    assert_eq!(status, 303);
    let listed = api_list(reviewer_token.clone()).await;
    assert_eq!(
        listed
            .iter()
            .map(|a| a.reference.as_str())
            .collect::<Vec<_>>(),
        [reference.as_str()]
    );
    let detail = reviewer.page(&page).await.unwrap();
    let materials = format!("{page}/materials/");
    let sha256 = homeward_tests::backend::quoted_after(&detail, &format!("<a href=\"{materials}"))
        .unwrap_or_else(|| panic!("a link to the document: {detail}"));
    let document = format!("{materials}{sha256}");
    let resp = http
        .get(format!("{}{document}", backend.url))
        .header("cookie", reviewer.cookie())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);

    // The person reads who did what with their data: roles and departments, never a name.
    let log: AccessLog = core.access_log(None).await.unwrap();
    let seen: Vec<(AccessAction, StaffRole, Option<&str>)> = log
        .records
        .iter()
        .map(|r| (r.action, r.role, r.department.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                AccessAction::DownloadedDocument,
                StaffRole::Reviewer,
                Some(DEPARTMENT)
            ),
            (
                AccessAction::OpenedApplication,
                StaffRole::Reviewer,
                Some(DEPARTMENT)
            ),
            (
                AccessAction::OpenedApplication,
                StaffRole::Administrator,
                None
            ),
        ],
        "newest first"
    );
    assert!(log.records.iter().all(|r| r.by.is_none()
        && r.subject.is_none()
        && r.reference.as_deref() == Some(reference.as_str())));
    assert!(!log.more);
    let older = core.access_log(Some(log.records[0].seq)).await.unwrap();
    assert_eq!(older.records, log.records[1..], "a page before an entry");
    // An officer's view of the person's request for verification by video, with their full
    // details, is theirs to read too.
    core.set_profile(&homeward_tests::installation::profile())
        .unwrap();
    core.request_video_proofing("+39 333 123 4567")
        .await
        .unwrap();
    let request = admin.oldest_video_request().await.unwrap();
    admin.page(&request).await.unwrap();
    let newest = core.access_log(None).await.unwrap().records.remove(0);
    assert_eq!(
        (newest.action, newest.role, newest.reference),
        (
            AccessAction::ViewedProofingRequest,
            StaffRole::Administrator,
            None
        )
    );
    // Another person's device, registered with an application of its own.
    let other_data = TempDir::new().unwrap();
    let other = open_consented(other_data.path(), &backend.url);
    let other_draft = enquiry(&other);
    other.submit(other_draft).unwrap();
    assert_eq!(other.sync_outbox().await.unwrap().delivered, 1);
    // It reads nothing of the first person's.
    assert_eq!(other.access_log(None).await.unwrap().records, vec![]);
    // A device that never sent anything asks nothing, and has nothing to read.
    let fresh_data = TempDir::new().unwrap();
    let fresh = open_consented(
        fresh_data.path(),
        &homeward_tests::backend::unreachable_url(),
    );
    assert_eq!(fresh.access_log(None).await.unwrap(), AccessLog::default());

    // Administrators manage accounts in the console, and every change is in the access log
    // with who made it; a reviewer may do neither.
    let status = admin
        .submit_form(
            "/console/accounts",
            "/console/accounts",
            &[
                ("username", "reviewer-temp"),
                ("password", PASSWORD),
                ("role", "reviewer"),
                ("department", DEPARTMENT),
            ],
        )
        .await
        .unwrap();
    assert_eq!(status, 303);
    let temp = homeward_tests::backend::Console::sign_in(&backend.url, "reviewer-temp", PASSWORD)
        .await
        .unwrap();
    assert!(temp.page("/console").await.is_ok());
    let disable = "/console/accounts/reviewer-temp/disable";
    let status = admin
        .submit_form("/console/accounts", disable, &[])
        .await
        .unwrap();
    assert_eq!(status, 400, "not without the confirmation");
    let status = admin
        .submit_form("/console/accounts", disable, &[("confirm", "yes")])
        .await
        .unwrap();
    assert_eq!(status, 303);
    assert!(temp.page("/console").await.is_err(), "signed out at once");
    let accounts = admin.page("/console/accounts").await.unwrap();
    assert!(accounts.contains("data-username=\"reviewer-temp\" data-disabled=\"true\""));
    let audit = admin.page("/console/access-log").await.unwrap();
    for action in ["added-account", "disabled-account", "downloaded-document"] {
        assert!(
            audit.contains(&format!("data-action=\"{action}\"")),
            "{action}"
        );
    }
    assert!(audit.contains("reviewer-zhou") && audit.contains("admin-chen"));
    for page in ["/console/accounts", "/console/access-log"] {
        let err = reviewer.page(page).await.unwrap_err();
        assert!(err.to_string().contains("403"), "{page}: {err}");
    }
    let resp = http
        .get(format!("{}/v1/staff/access-log", backend.url))
        .header("authorization", reviewer_token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await, (403, ErrorCode::NotAllowed));
    let admin_token = homeward_tests::backend::staff_token(&backend.url, "admin-chen", PASSWORD)
        .await
        .unwrap();
    let all: AccessLog = http
        .get(format!("{}/v1/staff/access-log", backend.url))
        .header("authorization", admin_token.clone())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let disabled = &all.records[0];
    assert_eq!(disabled.action, AccessAction::DisabledAccount);
    assert_eq!(
        (disabled.by.as_deref(), disabled.subject.as_deref()),
        (Some("admin-chen"), Some("reviewer-temp"))
    );
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_pages_forbid_scripts_framing_caching_and_referrers_and_cookies_are_secure_over_https(
) {
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("admin-chen", PASSWORD, true)
        .await
        .unwrap();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = http
        .get(format!("{}/console/login", backend.url))
        .send()
        .await
        .unwrap();
    let h = login.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    for part in [
        "default-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "style-src 'sha256-",
    ] {
        assert!(csp.contains(part), "{part} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline") && !csp.contains("script-src"));
    assert_eq!(h["cache-control"], "no-store");
    // The sign-in form must send its Origin (which `no-referrer` would make `null`); every
    // other page sends no referrer at all.
    assert_eq!(h["referrer-policy"], "same-origin");
    let other = http
        .get(format!("{}/console/letters", backend.url))
        .send()
        .await
        .unwrap();
    assert_eq!(other.headers()["referrer-policy"], "no-referrer");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    // Signed in behind a proxy that speaks HTTPS: the session cookie is Secure; over plain
    // loopback HTTP (development) it cannot be.
    for (proto, secure) in [(Some("https"), true), (None, false)] {
        let mut req = http
            .post(format!("{}/console/login", backend.url))
            .form(&[("username", "admin-chen"), ("password", PASSWORD)]);
        if let Some(p) = proto {
            req = req.header("x-forwarded-proto", p);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 303);
        let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        assert_eq!(cookie.contains("; Secure"), secure, "{cookie}");
    }
    backend.stop().await.unwrap();
}

/// A console form: its action, its fields, and which of reviewer, officer, administrator may
/// use it.
type Form = (String, Vec<(&'static str, String)>, [bool; 3]);

/// Every form of the console and every call of the staff API, for each role, without a session,
/// and with a forged CSRF token: a forged token or no session is refused on every form before
/// anything happens, and each role reaches exactly what it may.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csrf_and_roles_hold_on_every_console_form_and_staff_call() {
    use homeward_tests::backend::{quoted_after, staff_token, Console};
    use homeward_tests::probe::Probe;
    let backend = TestBackend::start().await.unwrap();
    let roles = [
        ("reviewer-zhou", StaffRole::Reviewer),
        ("officer-qian", StaffRole::Officer),
        ("admin-chen", StaffRole::Administrator),
    ];
    for (name, role) in roles {
        backend
            .add_staff_as(name, PASSWORD, role, None)
            .await
            .unwrap();
    }
    // An application to act on.
    let probe = Probe::new(&backend.url, 12, true).await;
    assert_eq!(probe.submit(Probe::body(1), "matrix-1").await.0, 201);
    let admin = Console::sign_in(&backend.url, "admin-chen", PASSWORD)
        .await
        .unwrap();
    let reference = admin.latest_reference().await.unwrap();
    let request = uuid::Uuid::from_u128(7).to_string();
    // Each form: its action, its fields, and which roles may use it.
    let anyone = [true, true, true];
    let officers = [false, true, true];
    let admins = [false, false, true];
    let forms: Vec<Form> = vec![
        (
            format!("/console/applications/{reference}/decision"),
            vec![("status", "in-review".into()), ("version", "0".into())],
            anyone,
        ),
        (
            format!("/console/applications/{reference}/route"),
            vec![("department", "民政局".into()), ("version", "0".into())],
            anyone,
        ),
        (
            "/console/letters".into(),
            vec![("token", "x".into())],
            anyone,
        ),
        (
            format!("/console/proofing/{request}/attest"),
            vec![
                ("level", "remote-attended".into()),
                ("passport", "1".into()),
                ("confirm", "1".into()),
            ],
            officers,
        ),
        (
            format!("/console/proofing/{request}/decline"),
            vec![],
            officers,
        ),
        (
            "/console/devices/revoke".into(),
            vec![
                (
                    "public_key",
                    Probe::new(&backend.url, 99, false).await.public(),
                ),
                ("reference", reference.clone()),
                ("confirm", "1".into()),
            ],
            admins,
        ),
        (
            "/console/accounts".into(),
            vec![
                ("username", "made-in-matrix".into()),
                ("password", PASSWORD.into()),
                ("role", "reviewer".into()),
            ],
            admins,
        ),
        (
            "/console/accounts/nobody-here/disable".into(),
            vec![("confirm", "yes".into())],
            admins,
        ),
    ];
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let post = |action: &str, cookie: Option<&str>, csrf: &str, fields: &[(&str, String)]| {
        let mut form: Vec<(&str, String)> = vec![("csrf", csrf.to_owned())];
        form.extend(fields.iter().cloned());
        let mut req = http.post(format!("{}{action}", backend.url)).form(&form);
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        async move {
            let resp = req.send().await.unwrap();
            let location = resp
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            (resp.status().as_u16(), location)
        }
    };
    for (action, fields, may) in &forms {
        // No session: the sign-in page, nothing done.
        let (status, location) = post(action, None, "anything", fields).await;
        assert_eq!(
            (status, location.as_str()),
            (303, "/console/login"),
            "{action}"
        );
        for (i, (name, _)) in roles.iter().enumerate() {
            let console = Console::sign_in(&backend.url, name, PASSWORD)
                .await
                .unwrap();
            let home = console.page("/console").await.unwrap();
            let csrf = quoted_after(&home, "name=\"csrf\" value=\"").unwrap();
            let (forged, _) = post(action, Some(console.cookie()), "forged", fields).await;
            assert_eq!(forged, 403, "{action} as {name} with a forged token");
            let (status, _) = post(action, Some(console.cookie()), &csrf, fields).await;
            if may[i] {
                assert!(
                    ![401, 403].contains(&status),
                    "{action} as {name}: {status}"
                );
            } else {
                assert_eq!(status, 403, "{action} as {name}");
            }
        }
    }
    assert!(
        backend
            .database()
            .await
            .unwrap()
            .staff("made-in-matrix")
            .await
            .unwrap()
            .is_some(),
        "the administrator's account was made, and only once the token matched"
    );

    // The staff API: no token is 401; each role reaches what it may.
    let api = |method: reqwest::Method, path: String, body: Option<serde_json::Value>| {
        let http = http.clone();
        let url = format!("{}{path}", backend.url);
        move |token: Option<String>| {
            let mut req = http.request(method.clone(), url.clone());
            if let Some(t) = token {
                req = req.header("authorization", t);
            }
            if let Some(b) = body.clone() {
                req = req.json(&b);
            }
            async move { req.send().await.unwrap().status().as_u16() }
        }
    };
    use reqwest::Method;
    let calls: Vec<(String, _, [bool; 3])> = vec![
        (
            "list".into(),
            api(Method::GET, "/v1/staff/applications".into(), None),
            anyone,
        ),
        (
            "show".into(),
            api(
                Method::GET,
                format!("/v1/staff/applications/{reference}"),
                None,
            ),
            anyone,
        ),
        (
            "decide".into(),
            api(
                Method::POST,
                format!("/v1/staff/applications/{reference}/decision"),
                Some(serde_json::json!({"status": "in-review", "message": "", "version": 0})),
            ),
            anyone,
        ),
        (
            "signers".into(),
            api(Method::GET, "/v1/staff/signers".into(), None),
            anyone,
        ),
        (
            "add site".into(),
            api(
                Method::POST,
                "/v1/staff/signers".into(),
                Some(serde_json::json!({"id": "x", "name": "x", "public_key": "x"})),
            ),
            admins,
        ),
        (
            "revoke signer".into(),
            api(
                Method::POST,
                "/v1/staff/signers/site/none/revoke".into(),
                None,
            ),
            admins,
        ),
        (
            "revoke device".into(),
            api(
                Method::POST,
                "/v1/staff/devices/revoke".into(),
                Some(serde_json::json!({"public_key": "x"})),
            ),
            admins,
        ),
        (
            "add account".into(),
            api(
                Method::POST,
                "/v1/staff/accounts".into(),
                Some(serde_json::json!({"username": "x!", "password": "short"})),
            ),
            admins,
        ),
        (
            "disable account".into(),
            api(
                Method::POST,
                "/v1/staff/accounts/nobody-here/disable".into(),
                None,
            ),
            admins,
        ),
        (
            "access log".into(),
            api(Method::GET, "/v1/staff/access-log".into(), None),
            admins,
        ),
    ];
    let mut tokens = vec![];
    for (name, _) in roles {
        tokens.push(staff_token(&backend.url, name, PASSWORD).await.unwrap());
    }
    for (what, call, may) in &calls {
        assert_eq!(call(None).await, 401, "{what} without a token");
        for (i, token) in tokens.iter().enumerate() {
            let status = call(Some(token.clone())).await;
            if may[i] {
                assert!(
                    ![401, 403].contains(&status),
                    "{what} as {}: {status}",
                    roles[i].0
                );
            } else {
                assert_eq!(status, 403, "{what} as {}", roles[i].0);
            }
        }
    }
    backend.stop().await.unwrap();
}
