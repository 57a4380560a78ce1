//! The person's own details and the consents they gave, each withdrawable.

use serde::{Deserialize, Serialize};

/// The minimal profile: what identifies the person to the city, nothing more.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The name in Chinese characters (rare characters beyond the BMP included).
    pub name_han: String,
    /// The name in Hanyu Pinyin, as on a passport.
    pub name_pinyin: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// The resident identity card number, if the person has one.
    #[serde(default)]
    pub id_number: String,
    /// The passport number, if the person has one.
    #[serde(default)]
    pub passport: String,
}

/// A consent the law asks for separately (PIPL arts. 28-29 and 38-39; GDPR art. 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentKind {
    /// Processing sensitive personal data: identity numbers, photos of documents.
    SensitiveData,
    /// Sending personal data from the country the person lives in to the city in China.
    CrossBorder,
}

impl ConsentKind {
    pub const ALL: [ConsentKind; 2] = [ConsentKind::SensitiveData, ConsentKind::CrossBorder];

    pub fn slug(self) -> &'static str {
        match self {
            ConsentKind::SensitiveData => "sensitive-data",
            ConsentKind::CrossBorder => "cross-border",
        }
    }
}

/// Where one consent stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub kind: ConsentKind,
    /// When it was given (milliseconds since the epoch); `None` if never given or withdrawn.
    pub granted_at: Option<i64>,
    /// When it was last withdrawn, if it was.
    pub withdrawn_at: Option<i64>,
}

impl Consent {
    pub fn is_granted(&self) -> bool {
        self.granted_at.is_some()
    }
}

/// A profile field that needs attention, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileProblem {
    /// `name-han`, `name-pinyin`, `birth-date`, `id-number` or `passport`.
    pub field: String,
    pub code: crate::check::CheckCode,
}
