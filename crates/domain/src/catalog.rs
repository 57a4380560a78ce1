//! The guide catalogue: the city's itemised service guides, as the app and backend exchange them.
//!
//! Source files under `catalog/` are compiled into a [`CataloguePack`] by `homeward catalog pack`;
//! the app ships one pack and the backend serves the newest.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::LocalizedText;

/// The version of the pack format this build understands (2: every source with its address and
/// date).
pub const PACK_FORMAT: u32 = 2;

/// The version of the signed envelope (a [`SignedPack`]) around a pack, a list of cities or a
/// notices feed.
pub const ENVELOPE_FORMAT: u32 = 1;

/// A stable slug that names a guide across catalogue versions, such as `hukou-cancel-abroad`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GuideId(pub String);

impl GuideId {
    /// Whether `s` is a valid id: lower-case ASCII letters, digits and single hyphens.
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 64
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }
}

impl fmt::Display for GuideId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The area of life a guide belongs to; the home screen groups guides by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    HouseholdRegistration,
    IdentityCard,
    EntryExit,
    DrivingVehicles,
    RealEstate,
    Notarisation,
    SocialInsurance,
    MedicalInsurance,
    HousingFund,
    CivilAffairs,
    Tax,
    OverseasChinese,
    Education,
    LegalServices,
    Consultation,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::HouseholdRegistration,
        Category::IdentityCard,
        Category::EntryExit,
        Category::DrivingVehicles,
        Category::RealEstate,
        Category::Notarisation,
        Category::SocialInsurance,
        Category::MedicalInsurance,
        Category::HousingFund,
        Category::CivilAffairs,
        Category::Tax,
        Category::OverseasChinese,
        Category::Education,
        Category::LegalServices,
        Category::Consultation,
    ];

    /// The kebab-case name, also the suffix of its Fluent key `category-<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            Category::HouseholdRegistration => "household-registration",
            Category::IdentityCard => "identity-card",
            Category::EntryExit => "entry-exit",
            Category::DrivingVehicles => "driving-vehicles",
            Category::RealEstate => "real-estate",
            Category::Notarisation => "notarisation",
            Category::SocialInsurance => "social-insurance",
            Category::MedicalInsurance => "medical-insurance",
            Category::HousingFund => "housing-fund",
            Category::CivilAffairs => "civil-affairs",
            Category::Tax => "tax",
            Category::OverseasChinese => "overseas-chinese",
            Category::Education => "education",
            Category::LegalServices => "legal-services",
            Category::Consultation => "consultation",
        }
    }
}

/// Where a step of a guide can be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// Entirely online, from abroad.
    Online,
    /// With the help of an overseas liaison site.
    LiaisonSite,
    /// At a service counter in China, in person or by an entrusted relative.
    CounterInChina,
}

/// The lowest assurance of identity a guide accepts, after NIST SP 800-63-4's vocabulary.
///
/// Not ordered as an enum: verification in person at a liaison site and by video with an officer
/// are two ways to the same assurance (SP 800-63A-4 treats attended remote proofing as
/// comparable to in-person), so either satisfies a guide that names the other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IdentityLevel {
    #[default]
    SelfAsserted,
    DocumentsReviewed,
    OnsiteAttended,
    RemoteAttended,
}

impl IdentityLevel {
    pub const ALL: [IdentityLevel; 4] = [
        IdentityLevel::SelfAsserted,
        IdentityLevel::DocumentsReviewed,
        IdentityLevel::OnsiteAttended,
        IdentityLevel::RemoteAttended,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            IdentityLevel::SelfAsserted => "self-asserted",
            IdentityLevel::DocumentsReviewed => "documents-reviewed",
            IdentityLevel::OnsiteAttended => "onsite-attended",
            IdentityLevel::RemoteAttended => "remote-attended",
        }
    }

    /// The assurance reached: 0 self-asserted, 1 documents reviewed, 2 attended (either way).
    pub fn rank(self) -> u8 {
        match self {
            IdentityLevel::SelfAsserted => 0,
            IdentityLevel::DocumentsReviewed => 1,
            IdentityLevel::OnsiteAttended | IdentityLevel::RemoteAttended => 2,
        }
    }

    /// Whether a person proven at this level may use a service that asks for `required`.
    pub fn satisfies(self, required: IdentityLevel) -> bool {
        self.rank() >= required.rank()
    }
}

/// Whether a material must be the original, a copy, or either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MaterialForm {
    Original,
    Copy,
    OriginalOrCopy,
}

/// One document the applicant must provide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    /// A known material type such as `passport` or `household-register`; a form's material
    /// question names it.
    pub kind: String,
    pub name: LocalizedText,
    pub form: MaterialForm,
    #[serde(default = "one")]
    pub count: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<LocalizedText>,
    /// Documents accepted instead of this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<LocalizedText>,
    /// Whether only some applicants need it (the notes say who).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conditional: bool,
}

fn one() -> u8 {
    1
}

/// What an entrusted relative must bring to the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entrustment {
    pub relative_brings: Vec<LocalizedText>,
}

/// Which dates a date question accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateRule {
    /// Today or earlier, such as a date of birth.
    Past,
    /// Today or later.
    Future,
    /// The expiry date of a document that must still be valid.
    NotExpired,
}

/// The kind of answer a form field takes; core validates each kind. Written into its [`Field`]
/// (`"type": "date", "rule": "past"`) and read with it (`crate::tagged`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum FieldKind {
    Text,
    LongText,
    /// A name as written in Chinese characters (rare characters beyond the BMP included) or in
    /// the script of the document.
    PersonName,
    /// A name in Hanyu Pinyin, as on a passport.
    Pinyin,
    Date {
        #[serde(skip_serializing_if = "Option::is_none")]
        rule: Option<DateRule>,
    },
    /// A resident identity card number (GB 11643-1999).
    IdCard,
    Passport,
    HkMacaoPermit,
    TaiwanPermit,
    /// An international phone number.
    Phone,
    Email,
    AddressOverseas,
    AddressChina,
    Choice {
        options: Vec<ChoiceOption>,
    },
    YesNo,
    /// A repeatable group of questions, such as one per family member.
    Group {
        fields: Vec<Field>,
        /// 0 when the source does not say.
        min: u8,
        /// [`GROUP_MAX`] when the source does not say.
        max: u8,
        item_label: LocalizedText,
    },
    /// An upload of one of the guide's materials, named by its `kind`.
    Material {
        material: String,
    },
}

/// A group's most items, when its field does not say.
pub const GROUP_MAX: u8 = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub value: String,
    pub label: LocalizedText,
}

/// Shows a question only when an earlier answer has a given value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub field: String,
    pub equals: String,
}

/// One question on an application form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "crate::tagged::FieldWire")]
pub struct Field {
    pub id: String,
    pub label: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<LocalizedText>,
    #[serde(flatten)]
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

impl Field {
    /// Whether this question applies given the answers so far: it has no condition, or the
    /// answer it depends on has the value it names. `prefix` locates the answers of one item of
    /// a group (`family.0.`); it is empty for top-level questions.
    pub fn applies(
        &self,
        answers: &std::collections::BTreeMap<String, String>,
        prefix: &str,
    ) -> bool {
        self.show_if.as_ref().is_none_or(|c| {
            answers
                .get(&format!("{prefix}{}", c.field))
                .map(String::as_str)
                == Some(c.equals.as_str())
        })
    }
}

/// A page of questions; the UI shows one page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormPage {
    pub id: String,
    pub title: LocalizedText,
    pub fields: Vec<Field>,
}

/// The application form of a guide.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSchema {
    pub pages: Vec<FormPage>,
}

impl FormSchema {
    /// The top-level field `id`.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.pages
            .iter()
            .flat_map(|p| p.fields.iter())
            .find(|f| f.id == id)
    }

    /// The document questions: the top-level fields that ask for one of the guide's materials.
    pub fn material_fields(&self) -> impl Iterator<Item = &Field> {
        self.pages
            .iter()
            .flat_map(|p| p.fields.iter())
            .filter(|f| matches!(f.kind, FieldKind::Material { .. }))
    }

    /// The field an answer key names: `field` or, inside a group, `group.<index>.field`.
    pub fn field_for_answer(&self, key: &str) -> Option<&Field> {
        let mut parts = key.split('.');
        let top = self.field(parts.next()?)?;
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Some(top),
            (Some(index), Some(sub), None) => match &top.kind {
                FieldKind::Group { fields, max, .. }
                    if index.parse::<u8>().is_ok_and(|i| i < *max) =>
                {
                    fields.iter().find(|f| f.id == sub)
                }
                _ => None,
            },
            _ => None,
        }
    }
}

/// Words people actually search with, per language: colloquial names, abbreviations, the
/// English or pinyin a person abroad might type.
pub type Keywords = std::collections::BTreeMap<String, Vec<String>>;

/// How a time limit counts days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayKind {
    #[default]
    Working,
    Calendar,
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        *self == DayKind::Working
    }
}

/// One itemised service guide (办事指南).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub id: GuideId,
    pub category: Category,
    /// Bumped each time the guide's content changes.
    pub version: u32,
    /// The date the city last reviewed this guide, `YYYY-MM-DD`.
    pub last_reviewed: String,
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub who_may_apply: LocalizedText,
    pub conditions: Vec<LocalizedText>,
    pub materials: Vec<Material>,
    pub steps: Vec<LocalizedText>,
    pub legal_basis: Vec<LocalizedText>,
    /// The statutory or promised time limit; 0 means on the spot.
    pub time_limit_days: u16,
    /// Whether `time_limit_days` counts working days (the usual case) or calendar days (as some
    /// statutes do).
    #[serde(default, skip_serializing_if = "DayKind::is_working")]
    pub time_limit_kind: DayKind,
    pub fees: LocalizedText,
    pub department: LocalizedText,
    pub channels: Vec<Channel>,
    /// Trips to China the applicant must make in person: 0 or 1 ("run once at most").
    pub trips: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrustment: Option<Entrustment>,
    #[serde(default)]
    pub min_identity_level: IdentityLevel,
    pub form: FormSchema,
    /// Search words beyond the title, per language tag.
    #[serde(default)]
    pub keywords: Keywords,
    /// Where this guide's facts were taken from: each published guide or rule with its address
    /// and date, so a reviewer can read what the guide rests on.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A published guide, rule or notice a guide's facts were taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Its title as published, with its document number where it has one.
    pub title: String,
    /// Where it is published (`https://`, or `http://` for the sites that serve nothing else).
    pub url: String,
    /// The date it was published or last revised, as it states: `YYYY-MM-DD`.
    pub date: String,
}

/// What the home screen and search results show of a guide, in every language, so switching
/// language needs no new request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideSummary {
    pub id: GuideId,
    pub category: Category,
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub trips: u8,
    pub entrustable: bool,
    pub time_limit_days: u16,
    #[serde(default, skip_serializing_if = "DayKind::is_working")]
    pub time_limit_kind: DayKind,
}

impl Guide {
    /// What a document question asks for, by name: the guide's material it names, or else the
    /// question's own label.
    pub fn document_name(&self, field: &str) -> Option<&LocalizedText> {
        let question = self.form.material_fields().find(|f| f.id == field)?;
        let FieldKind::Material { material } = &question.kind else {
            return None;
        };
        Some(
            self.materials
                .iter()
                .find(|m| &m.kind == material)
                .map_or(&question.label, |m| &m.name),
        )
    }

    pub fn summarize(&self) -> GuideSummary {
        GuideSummary {
            id: self.id.clone(),
            category: self.category,
            title: self.title.clone(),
            summary: self.summary.clone(),
            trips: self.trips,
            entrustable: self.entrustment.is_some(),
            time_limit_days: self.time_limit_days,
            time_limit_kind: self.time_limit_kind,
        }
    }
}

/// The home screen's view of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueOverview {
    pub version: u64,
    pub published: String,
    pub notice: LocalizedText,
    pub guides: Vec<GuideSummary>,
}

/// A whole catalogue as published by the city: every guide, versioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CataloguePack {
    /// The pack format; a reader refuses a format it does not know.
    pub format: u32,
    /// Increases with every publication; the app only ever moves forward.
    pub version: u64,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Shown on the home screen: what this catalogue is and who stands behind it.
    pub notice: LocalizedText,
    pub guides: Vec<Guide>,
    /// Overseas liaison sites that help people in person.
    #[serde(default)]
    pub sites: Vec<LiaisonSite>,
    /// Telephone and e-mail help lines.
    #[serde(default)]
    pub help_lines: Vec<HelpLine>,
    /// China's embassies and consulates abroad, by country.
    #[serde(default)]
    pub missions: Vec<Mission>,
}

/// An overseas liaison site (海外联络站) where volunteers help people in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiaisonSite {
    pub id: String,
    pub name: LocalizedText,
    pub city: LocalizedText,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    pub country_name: LocalizedText,
    pub address: LocalizedText,
    pub hours: LocalizedText,
    pub languages: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where the site's details are published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// A help line: the consular protection line, the city's service hotlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpLine {
    pub id: String,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub hours: LocalizedText,
    /// In international format, dialable from abroad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where the number is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// What kind of diplomatic mission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissionKind {
    Embassy,
    ConsulateGeneral,
}

impl MissionKind {
    pub const ALL: [MissionKind; 2] = [MissionKind::Embassy, MissionKind::ConsulateGeneral];

    pub fn slug(self) -> &'static str {
        match self {
            MissionKind::Embassy => "embassy",
            MissionKind::ConsulateGeneral => "consulate-general",
        }
    }
}

/// One of China's embassies or consulates abroad: for consular protection, passports and
/// the proofs of life and notarisations some guides need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mission {
    pub id: String,
    /// ISO 3166-1 alpha-2 code of the country it serves.
    pub country: String,
    pub kind: MissionKind,
    pub name: LocalizedText,
    pub city: LocalizedText,
    pub address: LocalizedText,
    /// The consular district, when the mission publishes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<LocalizedText>,
    /// In international format.
    pub phone: String,
    /// The 24-hour consular protection number, when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protection_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The mission's own page the details were read from, and its date.
    pub source: Source,
}

/// The help lines and liaison sites page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    pub sites: Vec<LiaisonSite>,
    pub help_lines: Vec<HelpLine>,
    /// The embassy and consulates for the person's country of residence.
    #[serde(default)]
    pub missions: Vec<Mission>,
    /// The person's country of residence, if they chose one.
    #[serde(default)]
    pub country: Option<String>,
}

impl CataloguePack {
    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id.0 == id)
    }
}

impl CataloguePack {
    pub fn contacts(&self) -> Contacts {
        Contacts {
            sites: self.sites.clone(),
            help_lines: self.help_lines.clone(),
            missions: self.missions.clone(),
            country: None,
        }
    }

    pub fn overview(&self) -> CatalogueOverview {
        CatalogueOverview {
            version: self.version,
            published: self.published.clone(),
            notice: self.notice.clone(),
            guides: self.guides.iter().map(Guide::summarize).collect(),
        }
    }
}

/// A catalogue pack as published: the pack's JSON bytes, base64-encoded so they are signed and
/// verified exactly as produced, with an Ed25519 signature by the city's content key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedPack {
    pub format: u32,
    /// The first 16 hex digits of the SHA-256 of the signing public key.
    pub key_id: String,
    /// Base64 Ed25519 signature over the decoded `payload` bytes.
    pub signature: String,
    /// Base64 of the pack's JSON.
    pub payload: String,
}

/// One search result, best first. The UI shows the guide from the overview it already holds,
/// so a result carries no text of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: GuideId,
    pub score: f32,
}
