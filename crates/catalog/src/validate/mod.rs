//! Checks one answer against the kind of question it answers.
//!
//! Every check normalises first (full-width characters folded, spaces dropped where they carry no
//! meaning, letters upper-cased where the document uses capitals) so a person is never refused
//! for how their keyboard typed a correct value. What this module does not do: decide whether a
//! question must be answered at all (see [`crate::review`]), or store anything.

mod date;
mod documents;
mod text;

use homeward_domain::catalog::FieldKind;
use homeward_domain::check::{CheckCode, FieldCheck};

pub use date::{today, Date};

/// The longest answer any question takes.
pub const MAX_CHARS: usize = 4_000;

/// Full-width ASCII (as Chinese input methods type it) folded to half width; the ideographic
/// space to a space.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Whether `c` is a Chinese character: the unified ideographs with their extensions beyond the
/// Basic Multilingual Plane (rare name characters), the compatibility ideographs, and 〇.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF | 0x3007)
}

/// Checks a non-empty answer to a question of `kind`, as of `today`.
pub fn check(kind: &FieldKind, value: &str, today: Date) -> FieldCheck {
    if value.chars().count() > MAX_CHARS {
        return FieldCheck::fail(value, CheckCode::TooLong);
    }
    if value.chars().any(homeward_domain::check::is_hidden_control) {
        return FieldCheck::fail(value, CheckCode::InvisibleCharacters);
    }
    match kind {
        FieldKind::IdCard => documents::id_card(value, today),
        FieldKind::Passport => documents::passport(value),
        FieldKind::HkMacaoPermit => documents::hk_macao_permit(value),
        FieldKind::TaiwanPermit => documents::taiwan_permit(value),
        FieldKind::Phone => text::phone(value),
        FieldKind::Email => text::email(value),
        FieldKind::Date { rule } => date::check(value, *rule, today),
        FieldKind::PersonName => text::person_name(value),
        FieldKind::Pinyin => text::pinyin(value),
        FieldKind::Choice { options } => {
            if options.iter().any(|o| o.value == value) {
                FieldCheck::ok(value)
            } else {
                FieldCheck::fail(value, CheckCode::ChoiceUnknown)
            }
        }
        FieldKind::YesNo => match value {
            "yes" | "no" => FieldCheck::ok(value),
            _ => FieldCheck::fail(value, CheckCode::ChoiceUnknown),
        },
        FieldKind::Text
        | FieldKind::LongText
        | FieldKind::AddressOverseas
        | FieldKind::AddressChina
        | FieldKind::Group { .. }
        | FieldKind::Material { .. } => FieldCheck::ok(value.trim()),
    }
}

/// The field kinds `homeward check-field` takes, by name.
pub fn kind_by_name(name: &str) -> Option<FieldKind> {
    use homeward_domain::catalog::DateRule;
    Some(match name {
        "id-card" => FieldKind::IdCard,
        "passport" => FieldKind::Passport,
        "hk-macao-permit" => FieldKind::HkMacaoPermit,
        "taiwan-permit" => FieldKind::TaiwanPermit,
        "phone" => FieldKind::Phone,
        "email" => FieldKind::Email,
        "date" => FieldKind::Date { rule: None },
        "birth-date" | "past-date" => FieldKind::Date {
            rule: Some(DateRule::Past),
        },
        "expiry-date" => FieldKind::Date {
            rule: Some(DateRule::NotExpired),
        },
        "person-name" => FieldKind::PersonName,
        "pinyin" => FieldKind::Pinyin,
        _ => return None,
    })
}

/// The names [`kind_by_name`] knows.
pub const KIND_NAMES: &[&str] = &[
    "id-card",
    "passport",
    "hk-macao-permit",
    "taiwan-permit",
    "phone",
    "email",
    "date",
    "birth-date",
    "expiry-date",
    "person-name",
    "pinyin",
];

#[cfg(test)]
mod tests;
