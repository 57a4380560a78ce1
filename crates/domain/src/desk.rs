//! Volunteer mode: a liaison site's laptop, opened by the site's volunteers with their PINs,
//! locked when idle, and a log of what was done there that holds times and counts only.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::identity::SiteInfo;

/// The shortest PIN or passphrase a volunteer may choose.
pub const PIN_MIN_CHARS: usize = 6;
/// The longest, so a pasted book is not hashed.
pub const PIN_MAX_CHARS: usize = 64;
/// The longest volunteer name.
pub const VOLUNTEER_NAME_MAX_CHARS: usize = 60;

/// A volunteer the site registered. Their PIN is kept only as an Argon2id hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Volunteer {
    pub id: Uuid,
    pub name: String,
}

/// The desk of a laptop in site mode, as its screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskState {
    pub site: SiteInfo,
    pub volunteers: Vec<Volunteer>,
    /// Who opened the desk; none while it is locked.
    pub on_duty: Option<Volunteer>,
    /// After this long without anyone touching the laptop, the desk locks itself.
    pub idle_lock_seconds: u32,
}

impl DeskState {
    /// Whether a volunteer must first be registered: a new site has none, and its desk is
    /// open to whoever set it up until one is.
    pub fn needs_first_volunteer(&self) -> bool {
        self.volunteers.is_empty()
    }
}

/// What happened at the desk. Never anything about the person served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SiteAction {
    VolunteerAdded,
    VolunteerRemoved,
    Unlocked,
    Locked,
    /// Nobody touched the laptop for the idle time.
    IdleLocked,
    /// A wrong PIN was entered for this volunteer.
    PinRefused,
    /// An identity confirmation was signed with the site's key.
    Attested,
    /// A walk-in session was opened for a person at the desk.
    WalkInStarted,
    /// A walk-in session ended with everything in it acknowledged, and was wiped.
    WalkInEnded,
    /// A walk-in session ended with applications not yet acknowledged: sealed until they are.
    WalkInSealed,
}

impl SiteAction {
    pub const ALL: [SiteAction; 10] = [
        SiteAction::VolunteerAdded,
        SiteAction::VolunteerRemoved,
        SiteAction::Unlocked,
        SiteAction::Locked,
        SiteAction::IdleLocked,
        SiteAction::PinRefused,
        SiteAction::Attested,
        SiteAction::WalkInStarted,
        SiteAction::WalkInEnded,
        SiteAction::WalkInSealed,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            SiteAction::VolunteerAdded => "volunteer-added",
            SiteAction::VolunteerRemoved => "volunteer-removed",
            SiteAction::Unlocked => "unlocked",
            SiteAction::Locked => "locked",
            SiteAction::IdleLocked => "idle-locked",
            SiteAction::PinRefused => "pin-refused",
            SiteAction::Attested => "attested",
            SiteAction::WalkInStarted => "walk-in-started",
            SiteAction::WalkInEnded => "walk-in-ended",
            SiteAction::WalkInSealed => "walk-in-sealed",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

/// One line of the site's log: when, which volunteer, what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteLogEntry {
    /// Milliseconds since the Unix epoch.
    pub at: i64,
    /// The volunteer's name; none for what happened with nobody on duty.
    pub volunteer: Option<String>,
    pub action: SiteAction,
}

/// How many times each action happened, and the newest entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteLog {
    pub counts: Vec<(SiteAction, u32)>,
    pub newest: Vec<SiteLogEntry>,
}

/// Where a walk-in session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WalkInState {
    /// Being served, or interrupted (the laptop stopped) and waiting to be taken up again.
    Open,
    /// Ended with applications the backend has not yet acknowledged: out of sight, sending,
    /// and wiped once they are acknowledged.
    Sealed,
}

/// A walk-in session as the desk lists it: nothing about the person, only times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkInSummary {
    pub id: Uuid,
    pub started_at: i64,
    pub state: WalkInState,
}

/// How ending a walk-in session went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WalkInEnd {
    /// Everything was acknowledged (or nothing sent): its data and keys are gone.
    Wiped,
    /// Some applications wait for the backend: sealed, and wiped once they are acknowledged.
    Sealed,
    /// The person took the applications over to their own phone with the receipt: wiped.
    HandedOver,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_slug() {
        for a in SiteAction::ALL {
            assert_eq!(SiteAction::from_slug(a.slug()), Some(a));
        }
        assert_eq!(SiteAction::from_slug("walk-in-name"), None);
    }
}
