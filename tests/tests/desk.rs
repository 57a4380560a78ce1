//! Volunteer mode's desk on a liaison site's laptop: volunteers registered with PINs, the desk
//! opened by one of them, locked on demand, when idle and at every start, wrong PINs refused and
//! then throttled per name, and a log of times, volunteers and actions. Needs the OS keyring
//! session that `cargo xtask test` provides.

use std::time::Duration;

use homeward_core::{Config, Homeward};
use homeward_domain::desk::SiteAction;
use homeward_domain::ErrorCode;
use homeward_tests::backend::unreachable_url;
use homeward_tests::installation::open_consented;
use tempfile::TempDir;

const LUCIA_PIN: &str = "28461937";
const MARCO_PIN: &str = "tre gatti neri";

fn open_site(dir: &std::path::Path, idle: Duration) -> Homeward {
    let config = Config {
        idle_lock: idle,
        ..Config::fixed(dir.to_owned(), &unreachable_url()).expect("config")
    };
    Homeward::open(&config).expect("open")
}

fn code<T: std::fmt::Debug>(r: homeward_core::Result<T>) -> ErrorCode {
    r.expect_err("refused").code()
}

/// The message a field's error carries, as the UI reads it: `<field>: …`.
fn field<T: std::fmt::Debug>(r: homeward_core::Result<T>) -> String {
    let e = r.expect_err("refused");
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    e.to_string()
        .split(':')
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_site_desk_opens_for_its_volunteers_only_and_logs_who_did_what() {
    let (site_dir, person_dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let site = open_site(site_dir.path(), Duration::from_secs(300));
    assert_eq!(site.desk().unwrap(), None, "not a site yet");
    site.enable_site_mode("prato", "Prato liaison site")
        .unwrap();

    // A new site has no volunteer: nothing is signed until one is registered.
    let desk = site.desk().unwrap().expect("a desk");
    assert!(desk.needs_first_volunteer());
    let person = open_consented(person_dir.path(), &unreachable_url());
    person
        .set_profile(&homeward_tests::installation::profile())
        .unwrap();
    let request = person.proof_request().unwrap().text;
    let passport = [homeward_domain::identity::DocumentKind::Passport];
    assert_eq!(
        code(site.attest(&request, &passport)),
        ErrorCode::DeskLocked
    );

    // Bad names and PINs are refused, each naming its field.
    assert_eq!(
        field(site.add_volunteer(" ", LUCIA_PIN, LUCIA_PIN, "")),
        "volunteer-name"
    );
    assert_eq!(
        field(site.add_volunteer("Lucia", "1234", "1234", "")),
        "new-pin"
    );
    assert_eq!(
        field(site.add_volunteer("Lucia", "111111", "111111", "")),
        "new-pin"
    );
    assert_eq!(
        field(site.add_volunteer("Lucia", LUCIA_PIN, "28461938", "")),
        "new-pin-again"
    );

    // The first volunteer opens the desk as themselves, and may then add another.
    let desk = site
        .add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN, "")
        .unwrap();
    let lucia = desk.on_duty.clone().expect("Lucia on duty");
    assert_eq!(lucia.name, "Lucia Bianchi");
    // Adding another asks the volunteer on duty for their own PIN again.
    assert_eq!(
        field(site.add_volunteer("Marco Rossi", MARCO_PIN, MARCO_PIN, "")),
        "my-pin"
    );
    assert_eq!(
        field(site.add_volunteer("Marco Rossi", MARCO_PIN, MARCO_PIN, MARCO_PIN)),
        "my-pin"
    );
    let desk = site
        .add_volunteer("Marco Rossi", MARCO_PIN, MARCO_PIN, LUCIA_PIN)
        .unwrap();
    let marco = desk
        .volunteers
        .iter()
        .find(|v| v.name == "Marco Rossi")
        .unwrap()
        .clone();
    assert_eq!(
        field(site.add_volunteer("marco rossi", MARCO_PIN, MARCO_PIN, LUCIA_PIN)),
        "volunteer-name"
    );
    site.attest(&request, &passport).expect("signed by Lucia");

    // Locked: nothing is signed, nobody added, the log not shown, the site not left.
    let desk = site.lock_desk(false).unwrap();
    assert_eq!(desk.on_duty, None);
    assert_eq!(
        code(site.attest(&request, &passport)),
        ErrorCode::DeskLocked
    );
    assert_eq!(
        code(site.add_volunteer("Anna", "anna-2468", "anna-2468", "")),
        ErrorCode::DeskLocked
    );
    assert_eq!(code(site.site_log()), ErrorCode::DeskLocked);
    assert_eq!(code(site.disable_site_mode()), ErrorCode::DeskLocked);
    assert_eq!(code(site.keep_desk_open()), ErrorCode::DeskLocked);

    // A wrong PIN is refused; five in a row refuse that name for a while, even with the right
    // PIN, while another volunteer can still open the desk.
    assert_eq!(field(site.unlock_desk(lucia.id, MARCO_PIN)), "pin");
    for _ in 0..4 {
        assert_eq!(field(site.unlock_desk(lucia.id, "00000000")), "pin");
    }
    assert_eq!(
        code(site.unlock_desk(lucia.id, LUCIA_PIN)),
        ErrorCode::TooManyAttempts
    );
    // Restarting the app does not start the count again.
    drop(site);
    let site = open_site(site_dir.path(), Duration::from_secs(300));
    assert_eq!(
        code(site.unlock_desk(lucia.id, LUCIA_PIN)),
        ErrorCode::TooManyAttempts
    );
    let desk = site.unlock_desk(marco.id, MARCO_PIN).unwrap();
    assert_eq!(desk.on_duty.as_ref().map(|v| v.id), Some(marco.id));
    site.attest(&request, &passport).expect("signed by Marco");

    // Removing asks for the own PIN of the volunteer on duty; the last volunteer cannot be
    // removed.
    assert_eq!(field(site.remove_volunteer(lucia.id, LUCIA_PIN)), "my-pin");
    let desk = site.remove_volunteer(lucia.id, MARCO_PIN).unwrap();
    assert_eq!(desk.volunteers.len(), 1);
    assert_eq!(
        field(site.remove_volunteer(marco.id, MARCO_PIN)),
        "volunteer"
    );

    // The log: who did what and when, in counts and entries, and nothing about the person.
    let log = site.site_log().unwrap();
    let count = |a: SiteAction| log.counts.iter().find(|(x, _)| *x == a).map_or(0, |c| c.1);
    assert_eq!(count(SiteAction::Attested), 2);
    assert_eq!(
        count(SiteAction::PinRefused),
        7,
        "five to open the desk, two to confirm (one not typed is no guess)"
    );
    assert_eq!(count(SiteAction::VolunteerAdded), 2);
    assert_eq!(count(SiteAction::VolunteerRemoved), 1);
    let newest = &log.newest[0];
    assert_eq!(newest.action, SiteAction::VolunteerRemoved);
    assert_eq!(newest.volunteer.as_deref(), Some("Marco Rossi"));
    assert!(log.newest.iter().any(
        |e| e.action == SiteAction::Attested && e.volunteer.as_deref() == Some("Lucia Bianchi")
    ));
    let shown = serde_json::to_string(&log).unwrap();
    for personal in ["王小明", "E12345678", LUCIA_PIN, MARCO_PIN] {
        assert!(!shown.contains(personal), "{personal} in the site log");
    }

    // Every start finds the desk locked.
    drop(site);
    let site = open_site(site_dir.path(), Duration::from_secs(300));
    assert_eq!(site.desk().unwrap().unwrap().on_duty, None);
    site.unlock_desk(marco.id, MARCO_PIN).unwrap();

    // Leaving site mode forgets the volunteers with the key.
    site.disable_site_mode().unwrap();
    assert_eq!(site.desk().unwrap(), None);
    site.enable_site_mode("prato", "Prato liaison site")
        .unwrap();
    assert!(site.desk().unwrap().unwrap().needs_first_volunteer());
}

#[test]
fn a_desk_nobody_touches_locks_itself() {
    let dir = TempDir::new().unwrap();
    let site = open_site(dir.path(), Duration::from_secs(3));
    site.enable_site_mode("prato", "Prato liaison site")
        .unwrap();
    site.add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN, "")
        .unwrap();
    // Touched within the idle time, it stays open longer than the idle time in all.
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(1200));
        site.keep_desk_open().expect("still open");
    }
    std::thread::sleep(Duration::from_millis(3500));
    assert_eq!(
        site.desk().unwrap().unwrap().on_duty,
        None,
        "locked when idle"
    );
    assert_eq!(code(site.keep_desk_open()), ErrorCode::DeskLocked);
    let lucia = site.desk().unwrap().unwrap().volunteers[0].id;
    site.unlock_desk(lucia, LUCIA_PIN).unwrap();
    let log = site.site_log().unwrap();
    assert!(log
        .newest
        .iter()
        .any(|e| e.action == SiteAction::IdleLocked
            && e.volunteer.as_deref() == Some("Lucia Bianchi")));
}

/// Every file under `dir`, read whole.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = vec![];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.push((path, bytes));
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The keyring entries an installation's id names that are still there.
fn keys_left(install_id: &str) -> Vec<&'static str> {
    homeward_core::secrets::Keyring::new(install_id)
        .stored_entries()
        .expect("the keyring")
}

/// Two walk-ins served one after the other on one site laptop, each in a session of its own:
/// attested in person with the site's key, an application sent, and the session ended. The
/// first ends before the backend has its application: sealed, out of the desk's sight, then
/// wiped once it is acknowledged. The second sees nothing of the first. Afterwards nothing of
/// either person is left in the site's folder or the keyring, and the site still has its key and
/// volunteers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walk_ins_are_served_in_sessions_of_their_own_that_leave_nothing_behind() {
    use homeward_domain::desk::{WalkInEnd, WalkInState};
    use homeward_domain::identity::DocumentKind;
    use homeward_tests::backend::{register_site, staff_token, TestBackend};
    use homeward_tests::installation::{hukou_cancellation, profile, HUKOU_ANSWERS};

    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("admin-chen", "a long enough passphrase", true)
        .await
        .unwrap();
    let auth = staff_token(&backend.url, "admin-chen", "a long enough passphrase")
        .await
        .unwrap();
    let dir = TempDir::new().unwrap();
    let site = Homeward::open(&Config {
        idle_lock: Duration::from_secs(300),
        ..Config::fixed(dir.path().to_owned(), &backend.url).expect("config")
    })
    .unwrap();
    let info = site
        .enable_site_mode("prato", "Prato liaison site")
        .unwrap();
    register_site(&backend.url, &auth, "prato", &info.public_key)
        .await
        .unwrap();
    assert_eq!(
        code(site.start_walk_in()),
        ErrorCode::DeskLocked,
        "no volunteer yet"
    );
    site.add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN, "")
        .unwrap();

    let serve = |session: &Homeward| {
        for kind in homeward_domain::privacy::ConsentKind::ALL {
            session.set_consent(kind, true).unwrap();
        }
        session.set_profile(&profile()).unwrap();
        // In person, at the desk: the site signs for the session's own device key.
        let request = session.proof_request().unwrap().text;
        let attestation = site.attest(&request, &[DocumentKind::Passport]).unwrap();
        session.add_attestation(&attestation.text).unwrap();
        let draft = hukou_cancellation(session);
        session.submit(draft).unwrap();
    };

    // The first walk-in: ended before the application reached the backend, so sealed.
    let (first_id, first) = site.start_walk_in().unwrap();
    let first_install = std::fs::read_to_string(
        dir.path()
            .join("walk-ins")
            .join(first_id.to_string())
            .join("install-id"),
    )
    .unwrap();
    assert_eq!(
        keys_left(first_install.trim()).len(),
        2,
        "the session's own keys"
    );
    serve(&first);
    assert_eq!(
        site.end_walk_in(first_id, &first).unwrap(),
        WalkInEnd::Sealed
    );
    assert_eq!(site.walk_ins().unwrap()[0].state, WalkInState::Sealed);
    assert!(matches!(
        site.resume_walk_in(first_id),
        Err(homeward_core::CoreError::NotFound { .. })
    ));

    // The second walk-in sees nothing of the first.
    let (second_id, second) = site.start_walk_in().unwrap();
    assert_eq!(second.profile().unwrap(), None);
    assert!(second.draft_page(None).unwrap().drafts.is_empty());
    assert!(second.outbox().unwrap().is_empty());
    assert_eq!(second.identity().unwrap().attestations.len(), 0);

    // The sealed session sends, and once acknowledged is wiped.
    let report = first.sync_outbox().await.unwrap();
    assert_eq!(report.delivered, 1, "{report:?}");
    assert!(site.finish_sealed_walk_in(first_id, &first).unwrap());
    drop(first);
    assert!(!dir
        .path()
        .join("walk-ins")
        .join(first_id.to_string())
        .exists());
    assert!(
        keys_left(first_install.trim()).is_empty(),
        "its keys are gone"
    );

    // The second is served, sent and acknowledged, then ended: wiped at once.
    serve(&second);
    assert_eq!(second.sync_outbox().await.unwrap().delivered, 1);
    assert_eq!(
        site.end_walk_in(second_id, &second).unwrap(),
        WalkInEnd::Wiped
    );
    drop(second);
    assert!(site.walk_ins().unwrap().is_empty());
    assert_eq!(backend.stored_submissions().await.unwrap(), 2);
    // The city sees where help came from: the site, the volunteer, two walk-ins helped.
    let db = backend.database().await.unwrap();
    let counts = db.site_counts().await.unwrap();
    assert_eq!(
        counts
            .iter()
            .map(|c| (c.site_id.as_str(), c.helped, c.sent))
            .collect::<Vec<_>>(),
        [("prato", 2, 2)]
    );
    let apps = db
        .applications(homeward_backend::storage::ApplicationFilter {
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(apps
        .iter()
        .all(|a| a.volunteer.as_deref() == Some("Lucia Bianchi")));

    // Nothing of either person is left in the site's folder, in any file.
    let person = profile();
    let mut needles: Vec<&str> = HUKOU_ANSWERS.iter().map(|(_, v)| *v).collect();
    needles.extend([
        person.passport.as_str(),
        person.id_number.as_str(),
        "王小明",
    ]);
    for (path, bytes) in files_under(dir.path()) {
        for needle in &needles {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "{needle} in {}",
                path.display()
            );
        }
    }
    // The site itself is untouched: its key, its volunteer, its log.
    assert_eq!(
        site.site().unwrap().map(|s| s.public_key),
        Some(info.public_key)
    );
    let log = site.site_log().unwrap();
    let count = |a: SiteAction| log.counts.iter().find(|(x, _)| *x == a).map_or(0, |c| c.1);
    assert_eq!(count(SiteAction::WalkInStarted), 2);
    assert_eq!(count(SiteAction::WalkInSealed), 1);
    assert_eq!(count(SiteAction::WalkInEnded), 2);
    backend.stop().await.unwrap();
}

/// The laptop stops in the middle of serving a walk-in: at the next start the session is kept,
/// every answer in it, out of reach until a volunteer opens the desk, then taken up again and,
/// with nothing sent, wiped when it ends.
#[test]
fn a_walk_in_interrupted_by_a_stop_is_taken_up_again_with_every_answer() {
    use homeward_domain::desk::{WalkInEnd, WalkInState};

    let dir = TempDir::new().unwrap();
    let site = open_site(dir.path(), Duration::from_secs(300));
    site.enable_site_mode("prato", "Prato liaison site")
        .unwrap();
    let lucia = site
        .add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN, "")
        .unwrap()
        .volunteers[0]
        .id;
    let (id, session) = site.start_walk_in().unwrap();
    let draft = session.create_draft("pension-proof-of-life").unwrap();
    session.set_answer(draft.id, "full-name", "王𠀀明").unwrap();
    drop(session);
    drop(site);

    let site = open_site(dir.path(), Duration::from_secs(300));
    assert_eq!(code(site.resume_walk_in(id)), ErrorCode::DeskLocked);
    site.unlock_desk(lucia, LUCIA_PIN).unwrap();
    let listed = site.walk_ins().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id, listed[0].state), (id, WalkInState::Open));
    let session = site.resume_walk_in(id).unwrap();
    assert_eq!(
        session
            .draft(draft.id)
            .unwrap()
            .answers
            .get("full-name")
            .map(String::as_str),
        Some("王𠀀明")
    );
    assert_eq!(site.end_walk_in(id, &session).unwrap(), WalkInEnd::Wiped);
    drop(session);
    assert!(site.walk_ins().unwrap().is_empty());
    assert!(!dir.path().join("walk-ins").join(id.to_string()).exists());
    assert!(matches!(
        site.resume_walk_in(id),
        Err(homeward_core::CoreError::NotFound { .. })
    ));
}

/// Erasing a site's laptop (decommissioning it) takes its walk-in sessions with it, keys first.
#[test]
fn erasing_a_site_laptop_wipes_its_walk_ins_too() {
    let dir = TempDir::new().unwrap();
    let site = open_site(dir.path(), Duration::from_secs(300));
    site.enable_site_mode("prato", "Prato liaison site")
        .unwrap();
    site.add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN, "")
        .unwrap();
    let (id, session) = site.start_walk_in().unwrap();
    session
        .set_profile(&homeward_tests::installation::profile())
        .unwrap();
    let folder = dir.path().join("walk-ins").join(id.to_string());
    let install = std::fs::read_to_string(folder.join("install-id")).unwrap();
    drop(session);
    site.erase_all().unwrap();
    assert!(!folder.exists());
    assert!(keys_left(install.trim()).is_empty());
}

fn person_name() -> &'static str {
    "王小明"
}

/// The person leaves the site with a receipt and takes the applications home: the session hands
/// them over (once) to the person's own phone, which receives the office's request for more
/// material and answers it; the laptop keeps nothing, and the receipt shows the status to
/// whoever holds it until the phone has taken the applications over.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_walk_in_takes_the_receipt_home_and_answers_the_office_from_their_phone() {
    use homeward_core::handover::read_ticket;
    use homeward_domain::desk::WalkInEnd;
    use homeward_domain::identity::DocumentKind;
    use homeward_domain::sync::{ApplicationStatus, OutboxState};
    use homeward_tests::backend::{register_site, staff_token, TestBackend};
    use homeward_tests::installation::{
        enquiry_with_photo, hukou_cancellation, open_consented, profile,
    };

    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("admin-chen", "a long enough passphrase", true)
        .await
        .unwrap();
    let auth = staff_token(&backend.url, "admin-chen", "a long enough passphrase")
        .await
        .unwrap();
    let dir = TempDir::new().unwrap();
    let site = Homeward::open(&Config {
        idle_lock: Duration::from_secs(300),
        ..Config::fixed(dir.path().to_owned(), &backend.url).expect("config")
    })
    .unwrap();
    let info = site
        .enable_site_mode("prato", "Prato liaison site")
        .unwrap();
    register_site(&backend.url, &auth, "prato", &info.public_key)
        .await
        .unwrap();
    site.add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN, "")
        .unwrap();

    // At the desk: attested in person, two applications (one with a photo), sent.
    let (id, session) = site.start_walk_in().unwrap();
    for kind in homeward_domain::privacy::ConsentKind::ALL {
        session.set_consent(kind, true).unwrap();
    }
    session.set_profile(&profile()).unwrap();
    let request = session.proof_request().unwrap().text;
    let attestation = site.attest(&request, &[DocumentKind::Passport]).unwrap();
    session.add_attestation(&attestation.text).unwrap();
    let hukou = hukou_cancellation(&session);
    let question = enquiry_with_photo(&session, 1);
    session.submit(hukou).unwrap();
    session.submit(question).unwrap();
    assert_eq!(session.sync_outbox().await.unwrap().delivered, 2);

    // The receipt: made once, the same when asked again; the hand-over is not offered yet, so
    // ending the session seals it rather than wipe what the person has not got yet.
    let receipt = session.walk_in_receipt().unwrap().expect("a receipt");
    assert_eq!(session.walk_in_receipt().unwrap(), Some(receipt.clone()));
    assert_eq!(receipt.applications.len(), 2);
    assert!(receipt.applications.iter().all(|a| a.reference.is_some()));
    assert!(receipt.qr_svg.starts_with("<svg"));
    let ticket = read_ticket(&receipt.code.to_lowercase(), &receipt.secret).unwrap();
    assert_eq!(site.end_walk_in(id, &session).unwrap(), WalkInEnd::Sealed);
    session.sync_outbox().await.unwrap();
    assert!(
        site.finish_sealed_walk_in(id, &session).unwrap(),
        "offered, then wiped"
    );
    drop(session);

    // Whoever holds the receipt sees where things stand; a wrong secret sees nothing.
    let phone_dir = TempDir::new().unwrap();
    let phone = open_consented(phone_dir.path(), &backend.url);
    let status = phone.receipt_status(&ticket).await.unwrap();
    assert!(!status.claimed);
    assert_eq!(status.applications.len(), 2);
    let wrong = homeward_domain::handover::Ticket {
        secret: "0000000000000000".into(),
        ..ticket.clone()
    };
    assert!(phone
        .receipt_status(&wrong)
        .await
        .unwrap_err()
        .to_string()
        .starts_with("receipt:"));

    // Also in a browser, on the city's page printed on the receipt: references and statuses,
    // never a name or an answer.
    assert_eq!(receipt.track_url, format!("{}/track", backend.url));
    let http = reqwest::Client::new();
    let look = |secret: &str| {
        http.post(format!("{}?lang=en", receipt.track_url))
            .form(&[("code", receipt.code.as_str()), ("secret", secret)])
            .send()
    };
    let page = look(&receipt.secret.to_lowercase()).await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert_eq!(
        html.matches("<tr data-status=\"received\">").count(),
        2,
        "{html}"
    );
    for needle in [person_name(), "330302199001011235"] {
        assert!(!html.contains(needle), "{needle} on the page");
    }
    let page = look("0000-0000-0000-0000").await.unwrap();
    assert_eq!(page.status(), 404);
    assert!(page.text().await.unwrap().contains("id=\"track-error\""));

    // The phone takes them over: answers, the photo, the receipts; twice is once.
    let drafts = phone.take_over(&ticket).await.unwrap();
    assert_eq!(drafts, [hukou, question]);
    assert_eq!(phone.take_over(&ticket).await.unwrap(), drafts);
    assert_eq!(phone.materials(question).unwrap().len(), 1);
    let sent = phone.outbox().unwrap();
    assert_eq!(sent.len(), 2);
    assert!(sent
        .iter()
        .all(|i| matches!(i.state, OutboxState::Delivered { .. })));
    assert!(phone.receipt_status(&ticket).await.unwrap().claimed);
    // Another device with the same receipt is refused.
    let other_dir = TempDir::new().unwrap();
    let other = open_consented(other_dir.path(), &backend.url);
    assert!(other
        .take_over(&ticket)
        .await
        .unwrap_err()
        .to_string()
        .starts_with("receipt:"));

    // The office asks for more material on the hukou application; the phone hears of it and
    // answers, with no proof of identity of its own: it was proven at the site.
    let hukou_sent = sent.iter().find(|i| i.draft_id == hukou).unwrap();
    let reference = match &hukou_sent.state {
        OutboxState::Delivered { reference, .. } => reference.clone(),
        other => panic!("{other:?}"),
    };
    let http = reqwest::Client::new();
    let opened: homeward_domain::staff::ApplicationDetail = http
        .get(format!("{}/v1/staff/applications/{reference}", backend.url))
        .header("authorization", &auth)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The city sees where help came from, and the device signatures still hold.
    assert_eq!(opened.summary.site_id.as_deref(), Some("prato"));
    assert!(opened.submissions.iter().all(|s| s.signature_verified));
    let resp = http
        .post(format!(
            "{}/v1/staff/applications/{reference}/decision",
            backend.url
        ))
        .header("authorization", &auth)
        .json(&serde_json::json!({
            "status": "more-material-needed",
            "message": "请补充定居证明",
            "version": opened.summary.version,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    phone.poll_status().await.unwrap();
    assert_eq!(
        phone.application_status(hukou).unwrap(),
        Some(ApplicationStatus::MoreMaterialNeeded)
    );
    phone
        .set_answer(hukou, "settled-country", "Repubblica Italiana")
        .unwrap();
    phone.submit(hukou).unwrap();
    assert_eq!(phone.sync_outbox().await.unwrap().delivered, 1);
    assert_eq!(backend.stored_submissions().await.unwrap(), 3);

    // Nothing of the person is left on the laptop, nor in its keyring.
    let person = profile();
    for (path, bytes) in files_under(dir.path()) {
        for needle in [
            person.passport.as_str(),
            person.id_number.as_str(),
            "王小明",
        ] {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "{needle} in {}",
                path.display()
            );
        }
    }
    assert!(site.walk_ins().unwrap().is_empty());
    backend.stop().await.unwrap();
}
