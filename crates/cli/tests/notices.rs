//! `homeward notices` against a real backend on loopback, and app cores fetching what it
//! published: a safety alert signed by the consular key reaches the person living in Italy
//! once, and not the one in France; a kind the key may not sign, a non-administrator and an
//! unknown notice are refused; a short-lived notice expires; a feed edited in the backend's
//! database is refused and the last good one kept. Needs the keyring session `cargo xtask test`
//! provides (the app cores keep their keys there).

use std::path::{Path, PathBuf};

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;
use homeward_core::{Config, Homeward};
use homeward_domain::notice::NoticeKind;
use homeward_domain::sync::StaffRole;

mod common;
use common::homeward;

const PASSWORD: &str = "twelve chars or more";

fn key(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../catalog/keys/{name}"))
}

/// A notice file in `dir`: `kind`, for `countries`, valid from an hour ago until `until`.
fn notice_file(dir: &Path, id: &str, kind: NoticeKind, countries: &[&str], until: &str) -> String {
    let path = dir.join(format!("{id}.toml"));
    let countries: Vec<String> = countries.iter().map(|c| format!("\"{c}\"")).collect();
    let from = utc(time::OffsetDateTime::now_utc() - time::Duration::hours(1));
    std::fs::write(
        &path,
        format!(
            r#"id = "{id}"
kind = "{}"
countries = [{}]
valid_from = "{from}"
valid_until = "{until}"
[title]
zh-CN = "米兰大罢工：{id}"
en = "General strike in Milan: {id}"
zh-TW = "米蘭大罷工：{id}"
it = "Sciopero generale a Milano: {id}"
fr = "Grève générale à Milan : {id}"
es = "Huelga general en Milán: {id}"
[body]
zh-CN = "公共交通停运，请避开市中心。"
en = "Public transport stops; avoid the city centre."
zh-TW = "公共交通停運，請避開市中心。"
it = "I trasporti pubblici si fermano: eviti il centro città."
fr = "Les transports publics s'arrêtent : évitez le centre-ville."
es = "El transporte público se detiene: evite el centro de la ciudad."
"#,
            kind.slug(),
            countries.join(", "),
        ),
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

/// `t` as a notice file writes an instant.
fn utc(t: time::OffsetDateTime) -> String {
    t.replace_nanosecond(0)
        .expect("a whole second")
        .format(&time::format_description::well_known::Rfc3339)
        .expect("formats")
}

fn in_a_day() -> String {
    utc(time::OffsetDateTime::now_utc() + time::Duration::days(1))
}

fn in_seconds(s: i64) -> String {
    utc(time::OffsetDateTime::now_utc() + time::Duration::seconds(s))
}

fn ids(core: &Homeward) -> Vec<String> {
    core.notices()
        .unwrap()
        .notices
        .into_iter()
        .map(|v| v.notice.id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_safety_alert_reaches_the_people_it_concerns_and_a_tampered_feed_is_refused() {
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
    let db = homeward_backend::storage::open(&DatabaseUrl::Sqlite(db_path.clone()))
        .await
        .unwrap();
    for (name, role) in [
        ("boss", StaffRole::Administrator),
        ("clerk", StaffRole::Officer),
    ] {
        homeward_backend::staff::create_account(db.as_ref(), name, PASSWORD, role, None)
            .await
            .unwrap();
    }
    // The backend answers before anything is asked of it.
    for _ in 0..100 {
        if reqwest::get(format!("{url}/healthz"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        assert!(
            !server.is_finished(),
            "the backend stopped: {:?}",
            server.await
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let login = |name: &str| {
        let (code, token, err) = homeward(
            None,
            &["admin", "--backend", &url, "login", "--username", name],
            &format!("{PASSWORD}\n"),
        );
        assert_eq!(code, 0, "{err}");
        token.trim().to_owned()
    };
    let (boss, clerk) = (login("boss"), login("clerk"));
    let consular = key("sample-consular-key.secret");
    let consular = consular.to_str().unwrap();
    let city = key("sample-content-key.secret");
    let city = city.to_str().unwrap();
    let files = tempfile::tempdir().unwrap();
    let publish = |token: &str, file: &str, key: &str| {
        homeward(
            Some(token),
            &["notices", "--backend", &url, "publish", file, "--key", key],
            "",
        )
    };

    // Two people: one living in Italy, one in France.
    let (italy_dir, france_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let open = |d: &tempfile::TempDir| {
        Homeward::open(&Config::fixed(d.path().to_owned(), &url).unwrap()).unwrap()
    };
    let (italy, france) = (open(&italy_dir), open(&france_dir));
    italy.set_residence_country(Some("IT")).unwrap();
    france.set_residence_country(Some("FR")).unwrap();
    assert!(italy.set_residence_country(Some("Italia")).is_err());
    assert!(italy.refresh_notices().await.unwrap().alerts.is_empty());

    // The consular service publishes a safety alert for Italy.
    let strike = notice_file(
        files.path(),
        "milan-strike",
        NoticeKind::SafetyAlert,
        &["IT"],
        &in_a_day(),
    );
    let (code, out, err) = homeward(None, &["notices", "check", &strike], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 notice checked"), "{out}");
    let (code, out, err) = publish(&boss, &strike, consular);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Published notice milan-strike"), "{out}");

    // It is announced once to the person in Italy, listed for them, and not for France.
    let refreshed = italy.refresh_notices().await.unwrap();
    assert!(refreshed.changed);
    let alerts: Vec<&str> = refreshed
        .alerts
        .iter()
        .map(|a| a.notice.id.as_str())
        .collect();
    assert_eq!(alerts, ["milan-strike"]);
    assert_eq!(
        refreshed.alerts[0].signer.get(homeward_domain::Lang::En),
        "Consular protection and services (Ministry of Foreign Affairs)"
    );
    let (title, _) = italy.alert_notification_text(&refreshed.alerts[0]).unwrap();
    assert!(
        title.contains("General strike in Milan") || title.contains("米兰大罢工"),
        "{title}"
    );
    let again = italy.refresh_notices().await.unwrap();
    assert!(
        !again.changed && again.alerts.is_empty(),
        "announced once only"
    );
    assert_eq!(ids(&italy), ["milan-strike"]);
    assert!(france.refresh_notices().await.unwrap().alerts.is_empty());
    assert!(ids(&france).is_empty());

    // The consular key may not announce a site closure; a reviewer may not publish; a notice
    // not in the feed cannot be withdrawn; a file with problems names them.
    let closure = notice_file(
        files.path(),
        "milan-closed",
        NoticeKind::SiteClosure,
        &["IT"],
        &in_a_day(),
    );
    let (code, _, err) = publish(&boss, &closure, consular);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("site-closure"), "{err}");
    let (code, _, err) = publish(&clerk, &closure, city);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("administrator"), "{err}");
    let (code, _, err) = homeward(
        Some(&boss),
        &[
            "notices",
            "--backend",
            &url,
            "withdraw",
            "no-such-notice",
            "--key",
            city,
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    let broken = files.path().join("broken.toml");
    std::fs::write(&broken, "id = \"Bad Id\"\nkind = \"safety-alert\"\nvalid_from = \"2026-13-01\"\nvalid_until = \"2026-12-01\"\n[title]\nen = \"x\"\n[body]\nen = \"x\"\n").unwrap();
    let (code, _, err) = homeward(None, &["notices", "check", broken.to_str().unwrap()], "");
    assert_eq!(code, 1);
    for field in ["valid_from", "id", "title.zh-CN"] {
        assert!(err.contains(field), "{field} named in {err}");
    }

    // The city publishes a closure for everyone that ends in a few seconds: listed for both,
    // then gone once it ended, with nothing fetched.
    let brief = notice_file(
        files.path(),
        "counter-moved",
        NoticeKind::ServiceChange,
        &[],
        &in_seconds(3),
    );
    let (code, _, err) = publish(&boss, &brief, city);
    assert_eq!(code, 0, "{err}");
    france.refresh_notices().await.unwrap();
    assert_eq!(ids(&france), ["counter-moved"]);
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    assert!(
        ids(&france).is_empty(),
        "an expired notice is no longer listed"
    );

    // The list shows what the backend serves, each feed checked.
    let (code, out, _) = homeward(None, &["notices", "--backend", &url, "list"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("milan-strike") && out.contains("Consular protection"),
        "{out}"
    );

    // Someone with the database's keys moves the alert to France without the signer's key:
    // the feed is refused, and the person in Italy keeps the last good one.
    let tampered = {
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::STANDARD;
        let conn = rusqlite::Connection::open(&db_path).unwrap();
        let rows: Vec<(String, String)> = conn
            .prepare("SELECT key_id, body FROM notice_feeds")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut changed = 0;
        for (key_id, body) in rows {
            let mut signed: homeward_domain::catalog::SignedPack =
                serde_json::from_str(&body).unwrap();
            let payload = String::from_utf8(b64.decode(&signed.payload).unwrap()).unwrap();
            if !payload.contains("milan-strike") {
                continue;
            }
            signed.payload = b64.encode(
                payload
                    .replace("\"IT\"", "\"FR\"")
                    .replace("\"version\":1", "\"version\":9"),
            );
            conn.execute(
                "UPDATE notice_feeds SET body = ?1, version = 9 WHERE key_id = ?2",
                (serde_json::to_string(&signed).unwrap(), key_id),
            )
            .unwrap();
            changed += 1;
        }
        changed
    };
    assert_eq!(tampered, 1);
    assert!(
        france.refresh_notices().await.unwrap().alerts.is_empty(),
        "no alert from a tampered feed"
    );
    assert!(france.notices().unwrap().refused);
    italy.refresh_notices().await.unwrap();
    let kept = italy.notices().unwrap();
    assert!(kept.refused);
    assert_eq!(ids(&italy), ["milan-strike"], "the last good feed is kept");

    // The signer publishes again (above the tampered version), withdrawing the alert: taken.
    let (code, out, err) = homeward(
        Some(&boss),
        &[
            "notices",
            "--backend",
            &url,
            "withdraw",
            "milan-strike",
            "--key",
            consular,
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("does not check out"),
        "the replaced feed is reported: {err}"
    );
    italy.refresh_notices().await.unwrap();
    assert!(!italy.notices().unwrap().refused);
    assert!(ids(&italy).is_empty());

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}
