//! Notices: safety alerts for people abroad, changes to a service, a liaison site closed for a
//! day. The city publishes them as a signed feed, like its catalogue; a second signer the app
//! trusts (the consular service) may publish safety alerts and nothing else.
//!
//! The backend only stores and serves the feeds; an app takes a feed only once its signature
//! checks against a key it already trusts for every kind of notice in it.

use serde::{Deserialize, Serialize};

use crate::catalog::{GuideId, Source};
use crate::LocalizedText;

/// What a signed notices feed's payload says it is, so a signature over anything else (a pack,
/// a list of cities) is never taken for notices.
pub const NOTICE_FEED_KIND: &str = "homeward-notices";

/// The most notices one feed may hold: a city's feed is a bulletin board, not an archive.
pub const MAX_NOTICES: usize = 200;

/// The most feeds (signers) the backend keeps.
pub const MAX_FEEDS: usize = 8;

/// The largest signed feed the backend takes or an app reads, in bytes.
pub const MAX_FEED_BYTES: usize = 512 * 1024;

/// What a notice is about, which decides who may sign it and whether it interrupts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// A risk to people's safety where they live: raised as a system notification.
    SafetyAlert,
    /// A change to how an item is handled: a new rule, a counter moving, new materials.
    ServiceChange,
    /// A liaison site or service station closed or moved for a time.
    SiteClosure,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 3] = [
        NoticeKind::SafetyAlert,
        NoticeKind::ServiceChange,
        NoticeKind::SiteClosure,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            NoticeKind::SafetyAlert => "safety-alert",
            NoticeKind::ServiceChange => "service-change",
            NoticeKind::SiteClosure => "site-closure",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// One notice, in every language the app speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Stable within its feed (`milan-closed-2026-12-08`): a notice published again under the
    /// same id replaces the old one and is not announced twice.
    pub id: String,
    pub kind: NoticeKind,
    /// The countries it concerns (ISO 3166-1 alpha-2); empty for everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// The liaison sites it concerns, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
    /// The guides it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guides: Vec<GuideId>,
    /// Shown from this instant (Unix seconds) ...
    pub valid_from: i64,
    /// ... until this one, and never after.
    pub valid_until: i64,
    pub title: LocalizedText,
    pub body: LocalizedText,
    /// Where the notice is published in full, when it is (a consulate's page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

impl Notice {
    /// Whether the notice is to be shown at `now` (Unix seconds).
    pub fn is_current(&self, now: i64) -> bool {
        self.valid_from <= now && now < self.valid_until
    }

    /// Whether the notice concerns a person living in `country` (none chosen: only the notices
    /// that concern everyone).
    pub fn concerns(&self, country: Option<&str>) -> bool {
        self.countries.is_empty()
            || country.is_some_and(|c| self.countries.iter().any(|n| n.eq_ignore_ascii_case(c)))
    }
}

/// A signer's feed: every notice it currently publishes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeFeed {
    /// Always [`NOTICE_FEED_KIND`].
    pub kind: String,
    /// Raised with every publication; a feed is never replaced by an older one.
    pub version: u64,
    /// When it was signed (Unix seconds).
    pub published: i64,
    pub notices: Vec<Notice>,
}

/// What the backend serves at `/v1/notices`: each signer's latest feed, as signed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NoticeFeeds {
    pub feeds: Vec<crate::catalog::SignedPack>,
}

/// A signer the app trusts for some kinds of notice only, named in the signed list of cities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeSigner {
    /// A short stable name (`consular-protection`).
    pub id: String,
    pub name: LocalizedText,
    /// The signer's Ed25519 public key, hex.
    pub key: String,
    /// The kinds of notice it may publish.
    pub kinds: Vec<NoticeKind>,
}

/// A notice as the app shows it: with who signed it and the names of what it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeView {
    pub notice: Notice,
    /// Who signed it: the home city's name, or the trusted signer's.
    pub signer: LocalizedText,
    /// The sites it names, as the catalogue names them.
    pub site_names: Vec<LocalizedText>,
    /// The guides it names, by title.
    pub guide_titles: Vec<LocalizedText>,
}

/// The notices for the person, newest first, with what the app knows of their freshness.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Notices {
    pub notices: Vec<NoticeView>,
    /// The person's country of residence, if they chose one.
    pub country: Option<String>,
    /// When the feeds were last fetched from the backend (Unix seconds).
    pub fetched_at: Option<i64>,
    /// A feed from the backend was refused (bad signature, older than the one kept, a kind its
    /// signer may not publish); the last good copy is shown.
    pub refused: bool,
}

/// The countries a person may say they live in, in the order the app offers them (Europe,
/// Africa, the Middle East, the Americas, Asia and the Pacific): where the cities' people
/// live in numbers, and every country with a liaison site. Each has its name in `locales/`
/// (`country-it`).
pub const RESIDENCE_COUNTRIES: &[&str] = &[
    "IT", "FR", "ES", "DE", "NL", "BE", "PT", "AT", "CH", "GB", "IE", "GR", "HU", "CZ", "PL", "RO",
    "RS", "SE", "ZA", "NG", "AO", "KE", "GH", "AE", "SA", "US", "CA", "MX", "BR", "AR", "PA", "PE",
    "CL", "JP", "KR", "SG", "MY", "TH", "PH", "ID", "VN", "KH", "AU", "NZ",
];

/// Whether `code` is an ISO 3166-1 alpha-2 code in form (two capital letters).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(countries: &[&str]) -> Notice {
        Notice {
            id: "n".into(),
            kind: NoticeKind::SafetyAlert,
            countries: countries.iter().map(|c| (*c).to_owned()).collect(),
            sites: vec![],
            guides: vec![],
            valid_from: 100,
            valid_until: 200,
            title: LocalizedText::default(),
            body: LocalizedText::default(),
            source: None,
        }
    }

    #[test]
    fn a_notice_is_current_from_its_start_until_just_before_its_end() {
        let n = notice(&[]);
        assert!(!n.is_current(99));
        assert!(n.is_current(100));
        assert!(n.is_current(199));
        assert!(!n.is_current(200));
    }

    #[test]
    fn a_notice_for_some_countries_reaches_only_people_living_there() {
        let italy = notice(&["IT"]);
        assert!(italy.concerns(Some("IT")));
        assert!(!italy.concerns(Some("FR")));
        assert!(!italy.concerns(None));
        let everyone = notice(&[]);
        assert!(everyone.concerns(None) && everyone.concerns(Some("FR")));
    }

    #[test]
    fn kinds_round_trip_through_their_slugs() {
        for kind in NoticeKind::ALL {
            assert_eq!(NoticeKind::from_slug(kind.slug()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.slug()));
        }
        assert_eq!(NoticeKind::from_slug("rumour"), None);
    }
}
