//! Reads and checks the catalogue's source files: `catalog/catalog.toml` (version, date, notice)
//! and one `catalog/guides/<id>.toml` per guide.
//!
//! Every problem names its file and the field inside it, so the content team can fix it without
//! reading code. This module is for the content tools and tests; the app reads packs, not sources.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use homeward_domain::catalog::{Field, FieldKind, Guide, GuideId, PACK_FORMAT};
use homeward_domain::catalog::{HelpLine, LiaisonSite, Mission, Source};
use homeward_domain::{CataloguePack, Lang, LocalizedText};
use serde::Deserialize;

/// Material types a guide may ask for. A new type is added here and given a name in each guide
/// that uses it.
pub const MATERIAL_KINDS: &[&str] = &[
    "resident-id-card",
    "household-register",
    "passport",
    "foreign-passport",
    "foreign-residence-permit",
    "hk-macao-permit",
    "taiwan-permit",
    "photo",
    "application-form",
    "driving-licence",
    "foreign-driving-licence",
    "medical-certificate",
    "vehicle-registration-certificate",
    "vehicle-licence",
    "vehicle-insurance",
    "real-estate-certificate",
    "purchase-contract",
    "mortgage-contract",
    "loan-settlement-proof",
    "birth-medical-certificate",
    "birth-certificate",
    "death-certificate",
    "kinship-proof",
    "inheritance-proof",
    "marriage-certificate",
    "divorce-certificate",
    "adoption-documents",
    "academic-certificate",
    "degree-certificate",
    "transcript",
    "school-records",
    "entry-exit-record",
    "pension-certificate",
    "life-certificate",
    "social-security-card",
    "bank-account",
    "housing-fund-account",
    "tax-documents",
    "income-proof",
    "residence-proof",
    "hukou-cancellation-certificate",
    "name-change-proof",
    "police-report",
    "court-judgment",
    "notarial-certificate",
    "overseas-chinese-status-proof",
    "medical-bills",
    "power-of-attorney",
    "agent-id",
    "other",
];

/// One thing wrong with the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.file.display(),
            self.field,
            self.message
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueHead {
    version: u64,
    published: String,
    notice: LocalizedText,
    /// The embassies and consulates file, relative to the catalogue's directory: cities share
    /// one (`../missions.toml`) rather than each keeping a copy.
    #[serde(default)]
    missions: Option<PathBuf>,
}

/// `catalog/contacts.toml`: liaison sites and help lines.
#[derive(Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct ContactsFile {
    #[serde(default)]
    sites: Vec<LiaisonSite>,
    #[serde(default)]
    help_lines: Vec<HelpLine>,
}

/// `catalog/missions.toml`: China's embassies and consulates abroad.
#[derive(Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
struct MissionsFile {
    #[serde(default)]
    missions: Vec<Mission>,
}

/// Loads every source file under `root` into a pack, or lists every problem found.
pub fn load_dir(root: &Path) -> Result<CataloguePack, Vec<Problem>> {
    let mut problems = vec![];
    let head_path = root.join("catalog.toml");
    let head = read_toml::<CatalogueHead>(&head_path).map_err(|p| vec![p])?;
    check_date(&head_path, "published", &head.published, &mut problems);
    let notice = serde_json::to_value(&head.notice).unwrap_or_default();
    walk_texts(&head_path, "notice", &notice, &mut problems);

    let contacts_path = root.join("contacts.toml");
    let contacts = match read_toml::<ContactsFile>(&contacts_path) {
        Ok(c) => {
            check_contacts(&contacts_path, &c, &mut problems);
            c
        }
        Err(p) => {
            problems.push(p);
            ContactsFile {
                sites: vec![],
                help_lines: vec![],
            }
        }
    };

    let missions_path = root.join(
        head.missions
            .as_deref()
            .unwrap_or(Path::new("missions.toml")),
    );
    let missions = if missions_path.exists() {
        match read_toml::<MissionsFile>(&missions_path) {
            Ok(m) => {
                check_missions(&missions_path, &m, &mut problems);
                m
            }
            Err(p) => {
                problems.push(p);
                MissionsFile::default()
            }
        }
    } else {
        MissionsFile::default()
    };

    let guides_dir = root.join("guides");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&guides_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(e) => {
            return Err(vec![problem(
                &guides_dir,
                "-",
                format!("cannot read directory: {e}"),
            )])
        }
    };
    files.sort();

    let mut guides = vec![];
    let mut ids = BTreeSet::new();
    for file in files {
        match read_toml::<Guide>(&file) {
            Ok(guide) => {
                check_guide(&file, &guide, &mut problems);
                if !ids.insert(guide.id.clone()) {
                    problems.push(problem(&file, "id", format!("{} is used twice", guide.id)));
                }
                guides.push(guide);
            }
            Err(p) => problems.push(p),
        }
    }
    if guides.is_empty() {
        problems.push(problem(&guides_dir, "-", "no guides found".into()));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CataloguePack {
        format: PACK_FORMAT,
        version: head.version,
        published: head.published,
        notice: head.notice,
        guides,
        sites: contacts.sites,
        help_lines: contacts.help_lines,
        missions: missions.missions,
    })
}

pub(crate) fn problem(file: &Path, field: &str, message: String) -> Problem {
    Problem {
        file: file.to_owned(),
        field: field.to_owned(),
        message,
    }
}

pub(crate) fn read_toml<T: for<'de> Deserialize<'de>>(file: &Path) -> Result<T, Problem> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| problem(file, "-", format!("cannot read: {e}")))?;
    toml::from_str(&text).map_err(|e| {
        let field = e
            .span()
            .map(|s| {
                let line = text[..s.start].lines().count().max(1);
                format!("line {line}")
            })
            .unwrap_or_else(|| "-".into());
        problem(file, &field, e.message().to_owned())
    })
}

fn check_guide(file: &Path, g: &Guide, problems: &mut Vec<Problem>) {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if !GuideId::is_valid(&g.id.0) {
        problems.push(problem(
            file,
            "id",
            "use lower-case letters, digits and hyphens".into(),
        ));
    }
    if g.id.0 != stem {
        problems.push(problem(
            file,
            "id",
            format!("{} does not match the file name", g.id),
        ));
    }
    check_date(file, "last_reviewed", &g.last_reviewed, problems);
    check_sources(file, g, problems);
    if g.trips > 1 {
        problems.push(problem(file, "trips", "at most one trip (0 or 1)".into()));
    }
    if g.channels.is_empty() {
        problems.push(problem(
            file,
            "channels",
            "name at least one channel".into(),
        ));
    }
    for (i, m) in g.materials.iter().enumerate() {
        if !MATERIAL_KINDS.contains(&m.kind.as_str()) {
            problems.push(problem(
                file,
                &format!("materials[{i}].kind"),
                format!("unknown material type {:?}", m.kind),
            ));
        }
        if m.count == 0 {
            problems.push(problem(
                file,
                &format!("materials[{i}].count"),
                "at least 1".into(),
            ));
        }
    }
    if g.form.pages.is_empty() {
        problems.push(problem(
            file,
            "form.pages",
            "the form needs at least one page".into(),
        ));
    }
    let mut seen: Vec<&Field> = vec![];
    let mut page_ids = BTreeSet::new();
    for (p, page) in g.form.pages.iter().enumerate() {
        if !page_ids.insert(page.id.as_str()) || !GuideId::is_valid(&page.id) {
            problems.push(problem(
                file,
                &format!("form.pages[{p}].id"),
                "a unique kebab-case id".into(),
            ));
        }
        if page.fields.is_empty() {
            problems.push(problem(
                file,
                &format!("form.pages[{p}].fields"),
                "no questions".into(),
            ));
        }
        for (f, field) in page.fields.iter().enumerate() {
            let at = format!("form.pages[{p}].fields[{f}]");
            check_field(file, &at, g, field, &seen, true, problems);
            seen.push(field);
        }
    }
    // Every localised text anywhere in the guide must exist in every language.
    let value = serde_json::to_value(g).unwrap_or_default();
    walk_texts(file, "", &value, problems);
}

/// Every guide rests on at least one published guide or rule, each named with where and when it
/// was published, and none published after the guide was last reviewed.
fn check_sources(file: &Path, g: &Guide, problems: &mut Vec<Problem>) {
    if g.sources.is_empty() {
        problems.push(problem(
            file,
            "sources",
            "name the published guides and rules this guide rests on".into(),
        ));
    }
    for (i, source) in g.sources.iter().enumerate() {
        check_source(
            file,
            &format!("sources[{i}]"),
            source,
            Some(&g.last_reviewed),
            problems,
        );
    }
}

/// One source: its title, the address it is published at, and its date (not after
/// `not_after`, the day the text resting on it was last reviewed, when there is one).
fn check_source(
    file: &Path,
    at: &str,
    source: &Source,
    not_after: Option<&str>,
    problems: &mut Vec<Problem>,
) {
    let at = |what: &str| format!("{at}.{what}");
    if source.title.trim().is_empty() {
        problems.push(problem(file, &at("title"), "the title as published".into()));
    }
    if !is_web_address(&source.url) {
        problems.push(problem(
            file,
            &at("url"),
            format!(
                "{:?} is not the address of a published page (https://…)",
                source.url
            ),
        ));
    }
    let before = problems.len();
    check_date(file, &at("date"), &source.date, problems);
    if let Some(limit) = not_after.filter(|l| problems.len() == before && source.date.as_str() > *l)
    {
        problems.push(problem(
            file,
            &at("date"),
            format!("{} is after the guide's last review ({limit})", source.date),
        ));
    }
}

/// Whether `url` is an absolute `https://` (or `http://`) address with a host and no spaces.
pub(crate) fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// Checks one question against the guide and the questions before it.
fn check_field(
    file: &Path,
    at: &str,
    g: &Guide,
    field: &Field,
    earlier: &[&Field],
    top_level: bool,
    problems: &mut Vec<Problem>,
) {
    let mut report = |what: &str, message: String| {
        problems.push(problem(file, &format!("{at}{what}"), message));
    };
    if !GuideId::is_valid(&field.id) {
        report(".id", "use a kebab-case id".into());
    }
    if earlier.iter().any(|e| e.id == field.id) {
        report(".id", format!("{} repeats", field.id));
    }
    if let Some(cond) = &field.show_if {
        match earlier.iter().find(|e| e.id == cond.field) {
            None => report(
                ".show_if.field",
                format!("{} is not an earlier question", cond.field),
            ),
            Some(source) => {
                let allowed: Option<Vec<&str>> = match &source.kind {
                    FieldKind::Choice { options } => {
                        Some(options.iter().map(|o| o.value.as_str()).collect())
                    }
                    FieldKind::YesNo => Some(vec!["yes", "no"]),
                    _ => None,
                };
                if let Some(allowed) = allowed {
                    if !allowed.contains(&cond.equals.as_str()) {
                        report(
                            ".show_if.equals",
                            format!("{:?} is not one of {allowed:?}", cond.equals),
                        );
                    }
                }
            }
        }
    }
    match &field.kind {
        FieldKind::Choice { options } => {
            let values: BTreeSet<&str> = options.iter().map(|o| o.value.as_str()).collect();
            if options.len() < 2 || values.len() != options.len() {
                report(
                    ".options",
                    "at least two options with distinct values".into(),
                );
            }
        }
        FieldKind::Group {
            fields, min, max, ..
        } => {
            if !top_level {
                report(".type", "a group cannot be inside another group".into());
            }
            if fields.is_empty() || *max == 0 || min > max {
                report(
                    ".fields",
                    "a group needs questions and 0 <= min <= max, max >= 1".into(),
                );
            }
            let mut inner: Vec<&Field> = vec![];
            for (i, sub) in fields.iter().enumerate() {
                check_field(
                    file,
                    &format!("{at}.fields[{i}]"),
                    g,
                    sub,
                    &inner,
                    false,
                    problems,
                );
                inner.push(sub);
            }
        }
        FieldKind::Material { material } if !g.materials.iter().any(|m| &m.kind == material) => {
            report(
                ".material",
                format!("{material:?} is not one of this guide's materials"),
            );
        }
        _ => {}
    }
}

fn walk_texts(file: &Path, at: &str, v: &serde_json::Value, problems: &mut Vec<Problem>) {
    use serde_json::Value;
    match v {
        // Keywords are optional per language and checked elsewhere.
        Value::Object(_) if at == "keywords" => {}
        Value::Object(map) if Lang::ALL.iter().any(|l| map.contains_key(l.tag())) => {
            for lang in Lang::ALL {
                let ok = map
                    .get(lang.tag())
                    .and_then(Value::as_str)
                    .is_some_and(|t| !t.trim().is_empty());
                if !ok {
                    problems.push(problem(
                        file,
                        &format!("{at}.{lang}"),
                        "missing translation".into(),
                    ));
                }
            }
        }
        Value::Object(map) => {
            for (k, child) in map {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                walk_texts(file, &path, child, problems);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk_texts(file, &format!("{at}[{i}]"), child, problems);
            }
        }
        _ => {}
    }
}

/// Whether `p` is a phone number in international format (`+86 577 12345`).
pub(crate) fn is_dialable(p: &str) -> bool {
    p.strip_prefix('+').is_some_and(|rest| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    })
}

fn check_contacts(file: &Path, c: &ContactsFile, problems: &mut Vec<Problem>) {
    let mut ids = BTreeSet::new();
    let phone_ok = is_dialable;
    for (i, site) in c.sites.iter().enumerate() {
        let at = format!("sites[{i}]");
        if !ids.insert(site.id.clone()) || !GuideId::is_valid(&site.id) {
            problems.push(problem(
                file,
                &format!("{at}.id"),
                "a unique kebab-case id".into(),
            ));
        }
        if !homeward_domain::notice::is_country_code(&site.country) {
            problems.push(problem(
                file,
                &format!("{at}.country"),
                "an ISO country code such as IT".into(),
            ));
        }
        if site.phone.is_none() && site.email.is_none() {
            problems.push(problem(
                file,
                &at,
                "give a phone number or an e-mail address".into(),
            ));
        }
        if site.phone.as_deref().is_some_and(|p| !phone_ok(p)) {
            problems.push(problem(
                file,
                &format!("{at}.phone"),
                "international format, +39 …".into(),
            ));
        }
        if let Some(source) = &site.source {
            check_source(file, &format!("{at}.source"), source, None, problems);
        }
    }
    for (i, line) in c.help_lines.iter().enumerate() {
        let at = format!("help_lines[{i}]");
        if !ids.insert(line.id.clone()) || !GuideId::is_valid(&line.id) {
            problems.push(problem(
                file,
                &format!("{at}.id"),
                "a unique kebab-case id".into(),
            ));
        }
        if line.phone.as_deref().is_some_and(|p| !phone_ok(p)) {
            problems.push(problem(
                file,
                &format!("{at}.phone"),
                "international format, +86 …".into(),
            ));
        }
        if let Some(source) = &line.source {
            check_source(file, &format!("{at}.source"), source, None, problems);
        }
    }
    let value = serde_json::to_value(c).unwrap_or_default();
    walk_texts(file, "", &value, problems);
}

fn check_missions(file: &Path, m: &MissionsFile, problems: &mut Vec<Problem>) {
    let mut ids = BTreeSet::new();
    for (i, mission) in m.missions.iter().enumerate() {
        let at = |what: &str| format!("missions[{i}].{what}");
        if !ids.insert(mission.id.clone()) || !GuideId::is_valid(&mission.id) {
            problems.push(problem(file, &at("id"), "a unique kebab-case id".into()));
        }
        if !homeward_domain::notice::is_country_code(&mission.country) {
            problems.push(problem(
                file,
                &at("country"),
                "an ISO country code such as IT".into(),
            ));
        }
        let numbers = [
            ("phone", Some(&mission.phone)),
            ("protection_phone", mission.protection_phone.as_ref()),
        ];
        for (field, number) in numbers {
            if number.is_some_and(|p| !is_dialable(p)) {
                problems.push(problem(
                    file,
                    &at(field),
                    "international format, +39 …".into(),
                ));
            }
        }
        if mission
            .website
            .as_deref()
            .is_some_and(|w| !is_web_address(w))
        {
            problems.push(problem(
                file,
                &at("website"),
                "the https:// address of its site".into(),
            ));
        }
        check_source(file, &at("source"), &mission.source, None, problems);
    }
    let value = serde_json::to_value(m).unwrap_or_default();
    walk_texts(file, "", &value, problems);
}

fn check_date(file: &Path, field: &str, date: &str, problems: &mut Vec<Problem>) {
    if date.contains('T') || parse_time(date).is_none() {
        problems.push(problem(
            file,
            field,
            format!("{date:?} is not a date like 2026-11-23"),
        ));
    }
}

/// Seconds since the Unix epoch (negative before 1970) for `2026-12-08` (midnight UTC) or `2026-12-08T09:30:00Z`
/// (seconds optional), as the content team writes dates and times; `None` for anything else.
pub fn parse_time(text: &str) -> Option<i64> {
    use time::macros::format_description;
    use time::{Date, PrimitiveDateTime, Time};
    let (date, clock) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t.strip_suffix('Z')?)),
        None => (text, None),
    };
    if !date.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let date = Date::parse(date, format_description!("[year]-[month]-[day]")).ok()?;
    let clock = match clock {
        None => Time::MIDNIGHT,
        Some(c) => Time::parse(c, format_description!("[hour]:[minute]:[second]"))
            .or_else(|_| Time::parse(c, format_description!("[hour]:[minute]")))
            .ok()?,
    };
    Some(
        PrimitiveDateTime::new(date, clock)
            .assume_utc()
            .unix_timestamp(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_domain::catalog::MissionKind;
    use homeward_domain::Lang;

    /// `s` as the text in every language.
    fn text(s: &str) -> LocalizedText {
        LocalizedText::new(&Lang::ALL.map(|l| (l, s)))
    }

    fn mission() -> Mission {
        Mission {
            id: "it-rome-embassy".into(),
            country: "IT".into(),
            kind: MissionKind::Embassy,
            name: text("Embassy"),
            city: text("Rome"),
            address: text("Via Bruxelles 56"),
            area: None,
            phone: "+39 06 1234 5678".into(),
            protection_phone: None,
            website: Some("https://it.china-embassy.gov.cn/".into()),
            source: Source {
                title: "联系我们".into(),
                url: "https://it.china-embassy.gov.cn/lxwm/".into(),
                date: "2025-03-01".into(),
            },
        }
    }

    fn fields(missions: Vec<Mission>) -> Vec<String> {
        let mut problems = vec![];
        check_missions(
            Path::new("missions.toml"),
            &MissionsFile { missions },
            &mut problems,
        );
        problems.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_mission_needs_a_dialable_number_and_the_page_it_was_read_from() {
        assert!(fields(vec![mission()]).is_empty());
        let mut bad = mission();
        bad.country = "Italy".into();
        bad.protection_phone = Some("call the embassy".into());
        bad.source.url = String::new();
        bad.source.date = "2025-02-30".into();
        assert_eq!(
            fields(vec![mission(), bad]),
            [
                "missions[1].id",
                "missions[1].country",
                "missions[1].protection_phone",
                "missions[1].source.url",
                "missions[1].source.date",
            ]
        );
    }
}
