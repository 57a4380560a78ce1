//! Home cities: the cities whose people the app serves, each with the backend that takes their
//! applications and the keys that backend is known by. The app ships the list signed
//! (`catalog/cities.toml`, signed into `catalog/cities.signed.json` by `homeward catalog
//! cities`); the person picks one at first start.

use serde::{Deserialize, Serialize};

use crate::catalog::HelpLine;
use crate::LocalizedText;

/// What a signed city list's payload says it is, so a signature over anything else (a catalogue
/// pack) is never taken for a list of cities.
pub const CITY_LIST_KIND: &str = "homeward-cities";

/// The signed list of home cities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityList {
    /// Always [`CITY_LIST_KIND`].
    pub kind: String,
    /// Raised with every change; a list is never replaced by an older one.
    pub version: u64,
    pub cities: Vec<HomeCity>,
    /// Signers other than the cities the app trusts for some kinds of notice: the consular
    /// service for safety alerts.
    #[serde(default)]
    pub notice_signers: Vec<crate::notice::NoticeSigner>,
}

/// One home city and its backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeCity {
    /// A short stable name (`wenzhou`): lower-case letters, digits and `-`.
    pub id: String,
    pub name: LocalizedText,
    /// Which province or region, to tell cities apart.
    pub region: LocalizedText,
    /// The backend's address: `https://`, never plain HTTP.
    pub backend: String,
    /// The backend's receipt key (base64 Ed25519): receipts are checked against it from the very
    /// first one, never learnt from the backend itself.
    pub receipt_key: String,
    /// The key that signs the city's catalogue (hex Ed25519).
    pub content_key: String,
    /// Lines to call before anything else works: shown beside the city when it is picked.
    #[serde(default)]
    pub help_lines: Vec<HelpLine>,
}

/// The home city as the app shows it: which one, its backend, and whether the address is fixed
/// for development rather than taken from the signed list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeCityView {
    pub city: HomeCity,
    /// The address was given on the command line or in the environment (development and tests).
    pub fixed: bool,
}

/// The cities on offer and the one chosen, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeCities {
    pub cities: Vec<HomeCity>,
    pub chosen: Option<HomeCityView>,
}

impl HomeCity {
    /// Whether `id` is a well-formed city id.
    pub fn is_valid_id(id: &str) -> bool {
        (1..=40).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }
}
