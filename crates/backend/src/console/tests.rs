//! The console's pages as the real handlers serve them over HTTP, filled with values a person or
//! a member of staff could have typed that would be markup if they went in raw.

use std::collections::BTreeMap;
use std::sync::Arc;

use ed25519_dalek::SigningKey;
use homeward_domain::catalog::{GuideId, IdentityLevel};
use homeward_domain::draft::DraftId;
use homeward_domain::identity::{
    profile_digest, public_key_b64, Attestation, Delegation, DocumentKind, IssuerKind,
};
use homeward_domain::privacy::Profile;
use homeward_domain::sync::{MaterialRef, StaffRole, Submission};
use sha2::{Digest as _, Sha256};
use tempfile::TempDir;
use uuid::Uuid;

use crate::settings::DatabaseUrl;
use crate::storage::{Assisted, Intake, NewSubmission, ProofingRow, SignerRow};
use crate::AppState;

/// Markup in every field: a username, a department, a message, an answer, a guide id…
const HOSTILE: &str = "<script>\"'&</script>";
/// The same text as it must come out: shown as typed, never run.
const ESCAPED: &str = "&lt;script&gt;&quot;'&amp;&lt;/script&gt;";
const PASSWORD: &str = "correct horse battery";
const DAY: i64 = 86_400_000;

/// A backend on a loopback port 0 with its own database, and a browser signed in to its
/// console as `username`, an administrator.
struct Console {
    http: reqwest::Client,
    base: String,
    cookie: String,
    state: Arc<AppState>,
    _dir: TempDir,
}

impl Console {
    async fn start(username: &str) -> Console {
        let dir = TempDir::new().expect("tempdir");
        let settings = crate::Settings::new(DatabaseUrl::Sqlite(dir.path().join("backend.db")));
        let state = Arc::new(AppState::open(&settings).await.expect("backend state"));
        // Straight into the database: names typed through the console or `homeward admin` are
        // checked, but a page must not rely on that.
        let hash = crate::staff::hash_password(PASSWORD).expect("hash");
        state
            .db
            .add_staff(username, &hash, StaffRole::Administrator, Some(HOSTILE))
            .await
            .expect("staff");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let app = crate::routes::router(state.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let resp = http
            .post(format!("{base}/console/login"))
            .form(&[("username", username), ("password", PASSWORD)])
            .send()
            .await
            .expect("sign in");
        assert_eq!(resp.status(), 303, "signed in");
        let cookie = resp.headers()["set-cookie"].to_str().expect("ascii");
        let cookie = cookie.split(';').next().expect("cookie").to_owned();
        Console {
            http,
            base,
            cookie,
            state,
            _dir: dir,
        }
    }

    /// A page's status and HTML.
    async fn get(&self, path: &str) -> (u16, String) {
        self.get_query(path, &[]).await
    }

    /// A page with a query's status and HTML.
    async fn get_query(&self, path: &str, query: &[(&str, &str)]) -> (u16, String) {
        let url = format!("{}{path}", self.base);
        self.send(self.http.get(url).query(query)).await
    }

    /// Posts `fields` with the CSRF token `page` carries; the status and HTML of the answer.
    async fn post(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let (_, html) = self.get(page).await;
        let csrf = html
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a CSRF token");
        let version = html
            .split("name=\"version\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default();
        let form = [&[("csrf", csrf), ("version", version)], fields].concat();
        let url = format!("{}{action}", self.base);
        self.send(self.http.post(url).form(&form)).await
    }

    /// Sends `request` with the session cookie; the status and text of the answer.
    async fn send(&self, request: reqwest::RequestBuilder) -> (u16, String) {
        let resp = request
            .header("cookie", &self.cookie)
            .send()
            .await
            .expect("request");
        (resp.status().as_u16(), resp.text().await.expect("text"))
    }

    /// An application for guide `value`, from device `value`, whose answers, document and
    /// identity proof all say `value`; its reference.
    async fn application(&self, value: &str) -> String {
        let site = SigningKey::from_bytes(&[7; 32]);
        let now = crate::now_ms();
        let applicant = Profile {
            name_han: value.into(),
            name_pinyin: value.into(),
            birth_date: value.into(),
            id_number: value.into(),
            passport: value.into(),
        };
        let proof = Attestation {
            id: Uuid::now_v7(),
            subject_key: value.into(),
            profile_digest: profile_digest(&applicant),
            level: IdentityLevel::OnsiteAttended,
            issuer_kind: IssuerKind::Site,
            issuer_id: value.into(),
            signer_key: public_key_b64(&site),
            documents: vec![DocumentKind::Passport],
            issued_at: now,
            expires_at: now + DAY,
        };
        let submission = Submission {
            submission_id: Uuid::now_v7(),
            draft_id: DraftId(Uuid::now_v7()),
            guide_id: GuideId(value.into()),
            pack_version: 1,
            revision: 0,
            answers: BTreeMap::from([(value.to_owned(), value.to_owned())]),
            materials: vec![MaterialRef {
                field: value.into(),
                kind: value.into(),
                file_name: value.into(),
                mime: "image/jpeg".into(),
                size: 2048,
                sha256: value.into(),
            }],
            sent_at: now,
            attestations: vec![proof.seal(&site)],
            applicant: Some(applicant),
            assisted: None,
        };
        let body = serde_json::to_vec(&submission).expect("json");
        let db = &self.state.db;
        db.register_device(value, now).await.expect("device");
        db.add_signer(SignerRow {
            kind: IssuerKind::Site.slug().into(),
            id: value.into(),
            name: value.into(),
            public_key: public_key_b64(&site),
            registered_at: now,
            revoked_at: None,
        })
        .await
        .expect("site");
        let intake = db
            .intake(NewSubmission {
                submission_id: submission.submission_id,
                idempotency_key: submission.submission_id.to_string(),
                device_key: value.into(),
                body_sha256: hex::encode(Sha256::digest(&body)),
                body,
                signature: value.into(),
                signed_at: now,
                guide_id: value.into(),
                draft_id: submission.draft_id.0,
                revision: 0,
                received_at: now,
                // Sent from a walk-in's session at a site registered as `value`.
                assisted: Some(Assisted {
                    site_id: value.into(),
                    volunteer: value.into(),
                    walk_in: Uuid::now_v7(),
                }),
                signers: vec![],
            })
            .await
            .expect("intake");
        let Intake::New(row) = intake else {
            panic!("stored: {intake:?}")
        };
        row.reference()
    }

    /// A request for verification by video with every detail `value`; its page.
    async fn video_request(&self, value: &str) -> String {
        let profile = Profile {
            name_han: value.into(),
            name_pinyin: value.into(),
            birth_date: value.into(),
            id_number: value.into(),
            passport: value.into(),
        };
        let row = ProofingRow {
            id: Uuid::now_v7(),
            device_key: value.into(),
            profile: serde_json::to_string(&profile).expect("json"),
            contact: value.into(),
            requested_at: crate::now_ms(),
            closed_at: None,
            closed_by: None,
            token: None,
        };
        let row = self
            .state
            .db
            .add_proofing_request(row)
            .await
            .expect("stored");
        format!("/console/proofing/{}", row.id)
    }

    /// An entrustment letter whose names, numbers and services are all `value`.
    fn letter(value: &str) -> String {
        let device = SigningKey::from_bytes(&[9; 32]);
        let now = crate::now_ms();
        Delegation {
            id: Uuid::now_v7(),
            principal_key: public_key_b64(&device),
            principal_name: value.into(),
            principal_document: value.into(),
            agent_name: value.into(),
            agent_id_number: value.into(),
            guides: vec![GuideId(value.into())],
            valid_from: now,
            valid_until: now + DAY,
            issued_at: now,
            principal: None,
            proof: Some(value.into()),
        }
        .seal(&device)
    }

    /// Every kind of console page, each as it shows `value` wherever a page shows what someone
    /// typed: (what it is, status, HTML).
    async fn tour(&self, value: &str) -> Vec<(&'static str, u16, String)> {
        let mut pages = vec![];
        let reference = self.application(value).await;
        let app = format!("/console/applications/{reference}");
        let routed = self
            .post(&app, &format!("{app}/route"), &[("department", value)])
            .await;
        assert_eq!(routed.0, 303, "routed");
        let decision = [("status", "more-material-needed"), ("message", value)];
        let decided = self.post(&app, &format!("{app}/decision"), &decision).await;
        assert_eq!(decided.0, 303, "decided");
        let (status, html) = self.get_query("/console", &[("guide", value)]).await;
        pages.push(("list", status, html));
        let (status, html) = self.get(&app).await;
        pages.push(("application", status, html));
        let (status, html) = self.get("/console?status=approved").await;
        pages.push(("empty list", status, html));

        let declined = self.video_request(value).await;
        let (status, html) = self.get("/console/proofing").await;
        pages.push(("video requests", status, html));
        let (status, html) = self.get(&declined).await;
        pages.push(("video request", status, html));
        let closed = self
            .post(&declined, &format!("{declined}/decline"), &[])
            .await;
        assert_eq!(closed.0, 303, "declined");
        let (status, html) = self.get(&declined).await;
        pages.push(("video request declined", status, html));
        let attested = self.video_request(value).await;
        let attest = [
            ("level", "remote-attended"),
            ("passport", "1"),
            ("confirm", "1"),
        ];
        let closed = self
            .post(&attested, &format!("{attested}/attest"), &attest)
            .await;
        assert_eq!(closed.0, 303, "attested");
        let (status, html) = self.get(&attested).await;
        pages.push(("video request attested", status, html));

        for (name, token) in [
            ("letter", Self::letter(value)),
            ("damaged letter", value.into()),
        ] {
            let (status, html) = self
                .post("/console/letters", "/console/letters", &[("token", &token)])
                .await;
            pages.push((name, status, html));
        }
        for (name, path) in [
            ("accounts", "/console/accounts"),
            ("access log", "/console/access-log"),
            ("sites", "/console/sites"),
        ] {
            let (status, html) = self.get(path).await;
            pages.push((name, status, html));
        }
        let (status, html) = self.get("/console/applications/HW-2026-9999999").await;
        pages.push(("failure", status, html));
        pages
    }
}

#[tokio::test]
async fn what_people_and_staff_typed_is_shown_escaped_on_every_page() {
    let console = Console::start(HOSTILE).await;
    let pages = console.tour(HOSTILE).await;
    for (name, status, html) in &pages {
        let expected = if *name == "failure" { 404 } else { 200 };
        assert_eq!(*status, expected, "{name}: {html}");
        assert!(
            !html.contains("<script") && !html.contains("</script") && !html.contains(HOSTILE),
            "{name} shows markup raw: {html}"
        );
        assert!(
            html.contains(&format!("<span>{ESCAPED}</span>")) || *name == "failure",
            "{name} shows who is signed in: {html}"
        );
    }
    let page = |name: &str| &pages.iter().find(|p| p.0 == name).expect(name).2;
    // Where each kind of value shows, it shows as typed.
    for (name, shown) in [
        ("list", format!("name=\"guide\" value=\"{ESCAPED}\"")),
        ("list", format!("<td>{ESCAPED}</td><td><span class=\"tag")),
        ("application", format!("<tr data-field=\"{ESCAPED}\"><th>")),
        (
            "application",
            format!("<th><bdi>{ESCAPED}</bdi></th><td><bdi>{ESCAPED}</bdi></td>"),
        ),
        (
            "application",
            format!("<q class=\"officer-words\">{ESCAPED}</q></li>"),
        ),
        ("application", format!("alt=\"{ESCAPED}\"")),
        (
            "application",
            format!("name=\"public_key\" value=\"{ESCAPED}\""),
        ),
        (
            "video requests",
            format!("<td><bdi>{ESCAPED}</bdi></td><td><bdi>{ESCAPED}</bdi></td>"),
        ),
        (
            "video request",
            format!("</strong> <bdi>{ESCAPED}</bdi></p>"),
        ),
        (
            "letter",
            format!("<td><bdi>{ESCAPED} · {ESCAPED}</bdi></td>"),
        ),
        ("letter", "data-state=\"unknown-signer\"".into()),
        ("damaged letter", format!("required>{ESCAPED}</textarea>")),
        ("damaged letter", "data-state=\"tampered\"".into()),
        (
            "sites",
            "<td class=\"helped\">1</td><td class=\"sent\">1</td>".into(),
        ),
        (
            "sites",
            format!("<td><bdi>{ESCAPED}</bdi> <span class=\"muted\">"),
        ),
    ] {
        assert!(page(name).contains(&shown), "{name} lacks {shown}");
    }
    // The identity proof names its site; the timeline the message, the department and who
    // opened the application; a closed video request the officer who closed it.
    for (name, from, to, times) in [
        ("application", "id=\"identity-0\"", "</div>", 1),
        ("application", "id=\"assisted\"", "</p>", 2),
        ("application", "id=\"timeline\"", "</ul>", 3),
        ("video request", "<main>", "</main>", 6),
        ("video request declined", "id=\"proofing-done\"", "</p>", 1),
        ("video request attested", "id=\"proofing-done\"", "</p>", 1),
    ] {
        let part = page(name)
            .split(from)
            .nth(1)
            .and_then(|s| s.split(to).next())
            .unwrap_or_else(|| panic!("{name} has {from}"));
        let count = part.matches(ESCAPED).count();
        assert!(count >= times, "{name}, {from}: {part}");
    }
    assert!(page("empty list").contains("id=\"none\""));
}

/// Attacks that would run, or change a page, if what people type went into the page raw.
const CORPUS: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "' onmouseover='alert(1)' x='",
    "javascript:alert(1)",
    "</textarea><script>alert(document.cookie)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<!--",
    "<style>*{display:none}</style>",
    "\u{202E}<b>gnp.exe</b>",
];

/// As maud writes text and attribute values (always in double quotes).
fn escaped(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[tokio::test]
async fn a_corpus_of_attacks_comes_out_as_text_on_every_page() {
    for &attack in CORPUS {
        let console = Console::start(attack).await;
        let pages = console.tour(attack).await;
        for (name, status, html) in &pages {
            assert!(*status == 200 || *name == "failure", "{name}: {status}");
            // Every attribute is double-quoted and every `<`, `>`, `"` and `&` typed is
            // escaped: nothing typed can open a tag, close an attribute or start a comment.
            if attack.contains(['<', '>', '"']) {
                assert!(!html.contains(attack), "{attack} raw on {name}");
            }
            for scheme in ["href=\"javascript:", "src=\"javascript:"] {
                assert!(!html.contains(scheme), "{scheme} on {name} for {attack}");
            }
        }
        let shown = escaped(attack);
        for name in ["application", "video request", "accounts", "access log"] {
            let html = &pages.iter().find(|p| p.0 == name).expect(name).2;
            let shown_here = html.contains(&shown)
                || html.contains(&homeward_domain::check::show_hidden_controls(&shown));
            assert!(shown_here, "{name} shows {attack} as text");
        }
    }
}

#[test]
fn the_console_speaks_the_first_language_the_browser_accepts_until_one_is_chosen() {
    use axum::http::{header, HeaderMap, HeaderValue};
    use homeward_domain::Lang;
    let lang = |accept: Option<&str>, cookie: Option<&str>| {
        let mut headers = HeaderMap::new();
        if let Some(a) = accept {
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(a).unwrap());
        }
        if let Some(c) = cookie {
            headers.insert(header::COOKIE, HeaderValue::from_str(c).unwrap());
        }
        super::lang_of(&headers)
    };
    assert_eq!(lang(Some("de-DE, it;q=0.9, en;q=0.5"), None), Lang::It);
    assert_eq!(lang(Some("en;q=0.5, fr-BE;q=0.8"), None), Lang::Fr);
    assert_eq!(lang(Some("zh-HK,zh;q=0.9"), None), Lang::ZhTw);
    assert_eq!(lang(Some("es-419"), None), Lang::Es);
    assert_eq!(lang(Some("de-DE"), None), Lang::ZhCn);
    assert_eq!(lang(None, None), Lang::ZhCn);
    // The switch wins over the browser.
    assert_eq!(lang(Some("it"), Some("a=b; hw_lang=zh-TW")), Lang::ZhTw);
}
