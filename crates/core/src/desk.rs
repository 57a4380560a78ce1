//! Volunteer mode: the desk of a liaison site's laptop. The site registers its volunteers (a
//! name and a PIN or passphrase each, kept as an Argon2id hash); one of them opens the desk with
//! their PIN, and it locks again on demand or when nobody has touched the laptop for the idle
//! time. What is done at the desk is logged with the time and the volunteer, never with anything
//! about the person served.
//!
//! The lock lives here, not in the UI: every desk command checks it, and an idle desk is found
//! locked even if the screen never said so.

use std::sync::Mutex;
use std::time::Duration;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::Argon2;
use homeward_domain::desk::{
    DeskState, SiteAction, SiteLog, SiteLogEntry, Volunteer, PIN_MAX_CHARS, PIN_MIN_CHARS,
    VOLUNTEER_NAME_MAX_CHARS,
};
use rusqlite::{params, OptionalExtension as _};
use uuid::Uuid;

use crate::app::{now_ms, Homeward};
use crate::error::{CoreError, Result};

/// How long the desk stays open without anyone touching the laptop.
pub const IDLE_LOCK: Duration = Duration::from_secs(5 * 60);
/// Wrong PINs in a row for one volunteer before their name is refused for [`PIN_WAIT`].
const PIN_TRIES: u32 = 5;
const PIN_WAIT: Duration = Duration::from_secs(15 * 60);
/// How many log entries the desk shows.
const LOG_SHOWN: usize = 100;

/// Who has the desk open, since when it was last touched, and the wrong PINs so far.
#[derive(Debug, Default)]
pub(crate) struct DeskLock {
    on_duty: Option<(Uuid, i64)>,
}

/// The mutable part of the desk, held by [`Homeward`].
#[derive(Debug)]
pub(crate) struct Desk {
    lock: Mutex<DeskLock>,
    idle: Duration,
}

impl Desk {
    pub(crate) fn new(idle: Duration) -> Self {
        Desk {
            lock: Mutex::new(DeskLock::default()),
            idle,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DeskLock> {
        self.lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn idle_ms(&self) -> i64 {
        i64::try_from(self.idle.as_millis()).unwrap_or(i64::MAX)
    }
}

fn invalid(field: &'static str, reason: impl Into<String>) -> CoreError {
    CoreError::InvalidInput {
        field,
        reason: reason.into(),
    }
}

fn hash_pin(pin: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Damaged(format!("hashing a PIN: {e}")))
}

fn pin_matches(pin: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

fn check_pin(pin: &str, again: &str) -> Result<()> {
    let n = pin.chars().count();
    if !(PIN_MIN_CHARS..=PIN_MAX_CHARS).contains(&n) {
        return Err(invalid(
            "new-pin",
            format!("expected {PIN_MIN_CHARS} to {PIN_MAX_CHARS} characters"),
        ));
    }
    if pin.chars().all(|c| pin.starts_with(c)) {
        return Err(invalid(
            "new-pin",
            "expected more than one character repeated",
        ));
    }
    if pin != again {
        return Err(invalid("new-pin-again", "the two PINs differ"));
    }
    Ok(())
}

impl Homeward {
    /// The desk, if this laptop is in site mode.
    pub fn desk(&self) -> Result<Option<DeskState>> {
        let Some(site) = self.site()? else {
            return Ok(None);
        };
        let volunteers = self.volunteers()?;
        let on_duty = self.on_duty_now()?;
        Ok(Some(DeskState {
            site,
            on_duty: on_duty.and_then(|id| volunteers.iter().find(|v| v.id == id).cloned()),
            volunteers,
            idle_lock_seconds: u32::try_from(self.desk.idle.as_secs()).unwrap_or(u32::MAX),
        }))
    }

    fn desk_state(&self) -> Result<DeskState> {
        self.desk()?
            .ok_or_else(|| invalid("site", "this installation is not in site mode"))
    }

    pub(crate) fn volunteers(&self) -> Result<Vec<Volunteer>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare(
            "SELECT id, name FROM volunteers WHERE removed_at IS NULL ORDER BY added_at, id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = vec![];
        for row in rows {
            let (id, name) = row?;
            let id = Uuid::parse_str(&id).map_err(|e| CoreError::Damaged(e.to_string()))?;
            out.push(Volunteer { id, name });
        }
        Ok(out)
    }

    /// The volunteer with the desk open, if the idle time has not run out; an idle desk is
    /// locked (and logged) here.
    fn on_duty_now(&self) -> Result<Option<Uuid>> {
        let now = now_ms();
        let expired = {
            let mut lock = self.desk.lock();
            match lock.on_duty {
                Some((id, last)) if now.saturating_sub(last) > self.desk.idle_ms() => {
                    lock.on_duty = None;
                    Some(id)
                }
                Some((id, _)) => return Ok(Some(id)),
                None => return Ok(None),
            }
        };
        if let Some(id) = expired {
            self.log(Some(id), SiteAction::IdleLocked)?;
        }
        Ok(None)
    }

    /// The volunteer on duty, touching the desk's idle clock; `desk-locked` when nobody is. A
    /// site with no volunteer yet is open, so its first one can be registered.
    pub(crate) fn volunteer_on_duty(&self) -> Result<Option<Uuid>> {
        let desk = self.desk_state()?;
        if desk.needs_first_volunteer() {
            return Ok(None);
        }
        let id = desk.on_duty.map(|v| v.id).ok_or(CoreError::DeskLocked)?;
        self.desk.lock().on_duty = Some((id, now_ms()));
        Ok(Some(id))
    }

    /// While a walk-in is served: the desk must be open, and each of the person's steps counts
    /// as a touch. Cheap (no key store), for every command of the session.
    pub fn touch_desk(&self) -> Result<()> {
        let now = now_ms();
        let mut lock = self.desk.lock();
        match lock.on_duty {
            Some((id, last)) if now.saturating_sub(last) <= self.desk.idle_ms() => {
                lock.on_duty = Some((id, now));
                Ok(())
            }
            _ => Err(CoreError::DeskLocked),
        }
    }

    /// Says the volunteer on duty is still at the laptop (the screen was touched).
    pub fn keep_desk_open(&self) -> Result<DeskState> {
        self.volunteer_on_duty()?;
        self.desk_state()
    }

    pub(crate) fn log(&self, volunteer: Option<Uuid>, action: SiteAction) -> Result<()> {
        self.store.conn().execute(
            "INSERT INTO site_log (at, volunteer_id, action) VALUES (?1, ?2, ?3)",
            params![now_ms(), volunteer.map(|v| v.to_string()), action.slug()],
        )?;
        Ok(())
    }

    /// Registers a volunteer. The first one needs nobody's PIN and opens the desk as them;
    /// after that, only the volunteer on duty may add another, typing their own PIN again
    /// (`my_pin`): a desk left open for a moment does not let a passer-by make themselves one.
    pub fn add_volunteer(
        &self,
        name: &str,
        pin: &str,
        pin_again: &str,
        my_pin: &str,
    ) -> Result<DeskState> {
        let by = self.volunteer_on_duty()?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > VOLUNTEER_NAME_MAX_CHARS {
            return Err(invalid(
                "volunteer-name",
                format!("expected 1 to {VOLUNTEER_NAME_MAX_CHARS} characters"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(invalid("volunteer-name", "expected no control characters"));
        }
        if self
            .volunteers()?
            .iter()
            .any(|v| v.name.to_lowercase() == name.to_lowercase())
        {
            return Err(invalid(
                "volunteer-name",
                "a volunteer of that name is registered",
            ));
        }
        check_pin(pin, pin_again)?;
        if let Some(by) = by {
            self.check_volunteer_pin(by, my_pin, "my-pin")?;
        }
        let id = Uuid::new_v4();
        let hash = hash_pin(pin)?;
        self.store.conn().execute(
            "INSERT INTO volunteers (id, name, pin_hash, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![id.to_string(), name, hash, now_ms()],
        )?;
        self.log(by.or(Some(id)), SiteAction::VolunteerAdded)?;
        if by.is_none() {
            self.desk.lock().on_duty = Some((id, now_ms()));
            self.log(Some(id), SiteAction::Unlocked)?;
        }
        tracing::info!("volunteer registered");
        self.desk_state()
    }

    /// Removes a volunteer, as the volunteer on duty typing their own PIN again; removing
    /// oneself locks the desk. The last one cannot be removed (the desk would stand open).
    pub fn remove_volunteer(&self, id: Uuid, my_pin: &str) -> Result<DeskState> {
        let by = self.volunteer_on_duty()?.ok_or(CoreError::DeskLocked)?;
        let volunteers = self.volunteers()?;
        if !volunteers.iter().any(|v| v.id == id) {
            return Err(CoreError::NotFound { what: "volunteer" });
        }
        if volunteers.len() == 1 {
            return Err(invalid("volunteer", "the last volunteer cannot be removed"));
        }
        self.check_volunteer_pin(by, my_pin, "my-pin")?;
        let by = Some(by);
        self.store.conn().execute(
            "UPDATE volunteers SET removed_at = ?2 WHERE id = ?1",
            params![id.to_string(), now_ms()],
        )?;
        self.log(by, SiteAction::VolunteerRemoved)?;
        if by == Some(id) {
            self.desk.lock().on_duty = None;
            self.log(by, SiteAction::Locked)?;
        }
        self.desk_state()
    }

    /// Opens the desk for `volunteer` with their PIN. Five wrong PINs in a row refuse that
    /// name for fifteen minutes (others can still sign in).
    pub fn unlock_desk(&self, volunteer: Uuid, pin: &str) -> Result<DeskState> {
        self.check_volunteer_pin(volunteer, pin, "pin")?;
        self.desk.lock().on_duty = Some((volunteer, now_ms()));
        self.log(Some(volunteer), SiteAction::Unlocked)?;
        self.desk_state()
    }

    /// Whether `pin` is `volunteer`'s (a wrong one is refused naming `field`). Five wrong PINs in
    /// a row refuse the name for [`PIN_WAIT`]; the count is kept in the store, so restarting the
    /// app does not start it again.
    fn check_volunteer_pin(&self, volunteer: Uuid, pin: &str, field: &'static str) -> Result<()> {
        // Nothing typed is a step forgotten, not a guess: refused, not counted.
        if pin.is_empty() {
            return Err(invalid(field, "type the PIN"));
        }
        let now = now_ms();
        let found: Option<(String, u32, i64)> = self
            .store
            .conn()
            .query_row(
                "SELECT pin_hash, wrong_pins, refused_until FROM volunteers
                 WHERE id = ?1 AND removed_at IS NULL",
                [volunteer.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((hash, wrong, refused_until)) = found else {
            return Err(CoreError::NotFound { what: "volunteer" });
        };
        if refused_until > now {
            return Err(CoreError::TooManyAttempts);
        }
        if pin.chars().count() > PIN_MAX_CHARS || !pin_matches(pin, &hash) {
            let wait = i64::try_from(PIN_WAIT.as_millis()).unwrap_or(i64::MAX);
            let (wrong, until) = if wrong + 1 >= PIN_TRIES {
                (0, now + wait)
            } else {
                (wrong + 1, 0)
            };
            self.store.conn().execute(
                "UPDATE volunteers SET wrong_pins = ?2, refused_until = ?3 WHERE id = ?1",
                params![volunteer.to_string(), wrong, until],
            )?;
            if until > 0 {
                // The name is refused for a while: the desk does not stay open in it either.
                let mut lock = self.desk.lock();
                if lock.on_duty.is_some_and(|(id, _)| id == volunteer) {
                    lock.on_duty = None;
                }
            }
            self.log(Some(volunteer), SiteAction::PinRefused)?;
            return Err(invalid(field, "not this volunteer's PIN"));
        }
        self.store.conn().execute(
            "UPDATE volunteers SET wrong_pins = 0, refused_until = 0 WHERE id = ?1",
            [volunteer.to_string()],
        )?;
        Ok(())
    }

    /// Locks the desk now: on demand, or because the screen saw nobody for the idle time.
    pub fn lock_desk(&self, idle: bool) -> Result<DeskState> {
        let was = self.desk.lock().on_duty.take();
        if let Some((id, _)) = was {
            let action = if idle {
                SiteAction::IdleLocked
            } else {
                SiteAction::Locked
            };
            self.log(Some(id), action)?;
        }
        self.desk_state()
    }

    /// The site's log, for the volunteer on duty: counts of each action, the newest entries.
    pub fn site_log(&self) -> Result<SiteLog> {
        self.volunteer_on_duty()?;
        let conn = self.store.conn();
        let mut counts = vec![];
        {
            let mut stmt = conn.prepare("SELECT action, COUNT(*) FROM site_log GROUP BY action")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
            for row in rows {
                let (slug, n) = row?;
                if let Some(action) = SiteAction::from_slug(&slug) {
                    counts.push((action, n));
                }
            }
        }
        counts.sort_by_key(|(a, _)| SiteAction::ALL.iter().position(|x| x == a));
        let mut stmt = conn.prepare(
            "SELECT l.at, v.name, l.action FROM site_log l
             LEFT JOIN volunteers v ON v.id = l.volunteer_id
             ORDER BY l.seq DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([LOG_SHOWN], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut newest = vec![];
        for row in rows {
            let (at, volunteer, slug) = row?;
            if let Some(action) = SiteAction::from_slug(&slug) {
                newest.push(SiteLogEntry {
                    at,
                    volunteer,
                    action,
                });
            }
        }
        Ok(SiteLog { counts, newest })
    }

    /// Forgets the site's volunteers and log (leaving site mode).
    pub(crate) fn forget_desk(&self) -> Result<()> {
        self.desk.lock().on_duty = None;
        self.store
            .conn()
            .execute_batch("DELETE FROM site_log; DELETE FROM volunteers;")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_long_enough_varied_and_typed_twice_alike() {
        assert!(check_pin("28461937", "28461937").is_ok());
        assert!(check_pin("correct horse", "correct horse").is_ok());
        for (pin, again, field) in [
            ("1234", "1234", "new-pin"),
            ("000000", "000000", "new-pin"),
            ("28461937", "28461938", "new-pin-again"),
        ] {
            match check_pin(pin, again) {
                Err(CoreError::InvalidInput { field: f, .. }) => assert_eq!(f, field, "{pin}"),
                other => panic!("{pin}: {other:?}"),
            }
        }
        let long = "7".repeat(PIN_MAX_CHARS) + "8";
        assert!(check_pin(&long, &long).is_err());
    }

    #[test]
    fn a_pin_is_kept_only_as_a_hash_that_checks_it() {
        let hash = hash_pin("28461937").expect("hash");
        assert!(!hash.contains("28461937"));
        assert!(hash.starts_with("$argon2id$"));
        assert!(pin_matches("28461937", &hash));
        assert!(!pin_matches("28461938", &hash));
    }
}
