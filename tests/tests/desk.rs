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
        field(site.add_volunteer(" ", LUCIA_PIN, LUCIA_PIN)),
        "volunteer-name"
    );
    assert_eq!(
        field(site.add_volunteer("Lucia", "1234", "1234")),
        "new-pin"
    );
    assert_eq!(
        field(site.add_volunteer("Lucia", "111111", "111111")),
        "new-pin"
    );
    assert_eq!(
        field(site.add_volunteer("Lucia", LUCIA_PIN, "28461938")),
        "new-pin-again"
    );

    // The first volunteer opens the desk as themselves, and may then add another.
    let desk = site
        .add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN)
        .unwrap();
    let lucia = desk.on_duty.clone().expect("Lucia on duty");
    assert_eq!(lucia.name, "Lucia Bianchi");
    let desk = site
        .add_volunteer("Marco Rossi", MARCO_PIN, MARCO_PIN)
        .unwrap();
    let marco = desk
        .volunteers
        .iter()
        .find(|v| v.name == "Marco Rossi")
        .unwrap()
        .clone();
    assert_eq!(
        field(site.add_volunteer("marco rossi", MARCO_PIN, MARCO_PIN)),
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
        code(site.add_volunteer("Anna", "anna-2468", "anna-2468")),
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
    let desk = site.unlock_desk(marco.id, MARCO_PIN).unwrap();
    assert_eq!(desk.on_duty.as_ref().map(|v| v.id), Some(marco.id));
    site.attest(&request, &passport).expect("signed by Marco");

    // The last volunteer cannot be removed; removing oneself locks the desk.
    let desk = site.remove_volunteer(lucia.id).unwrap();
    assert_eq!(desk.volunteers.len(), 1);
    assert_eq!(field(site.remove_volunteer(marco.id)), "volunteer");

    // The log: who did what and when, in counts and entries, and nothing about the person.
    let log = site.site_log().unwrap();
    let count = |a: SiteAction| log.counts.iter().find(|(x, _)| *x == a).map_or(0, |c| c.1);
    assert_eq!(count(SiteAction::Attested), 2);
    assert_eq!(count(SiteAction::PinRefused), 5);
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
    site.add_volunteer("Lucia Bianchi", LUCIA_PIN, LUCIA_PIN)
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
