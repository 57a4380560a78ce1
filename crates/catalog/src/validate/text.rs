//! Names, phone numbers and e-mail addresses.

use homeward_domain::check::{CheckCode, FieldCheck};

use super::{fold_width, is_han};

/// A name in Chinese characters (rare ones beyond the Basic Multilingual Plane included) or in
/// Latin letters, with the separators names use: a space, the middle dot of transcribed names
/// (·), a hyphen, an apostrophe.
pub(super) fn person_name(value: &str) -> FieldCheck {
    let name = fold_width(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name = name.replace(['•', '‧', '・'], "·");
    let ok = !name.is_empty()
        && name.chars().count() <= 60
        && name.chars().any(|c| is_han(c) || c.is_alphabetic())
        && name
            .chars()
            .all(|c| is_han(c) || c.is_alphabetic() || matches!(c, ' ' | '·' | '-' | '\'' | '.'));
    FieldCheck::judge(ok, name, CheckCode::NameCharacters)
}

/// A name in Hanyu Pinyin as on a passport: Latin letters (ü written as ü, u or v), spaces and
/// apostrophes; upper-cased, as passports print it.
pub(super) fn pinyin(value: &str) -> FieldCheck {
    let p = fold_width(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    let ok = !p.is_empty()
        && p.chars().count() <= 60
        && p.chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '\'' | 'Ü' | '-'));
    FieldCheck::judge(ok, p, CheckCode::PinyinCharacters)
}

/// An international phone number. A number the metadata does not know (a new prefix) is
/// accepted with a warning: the data ages faster than numbering plans change.
pub(super) fn phone(value: &str) -> FieldCheck {
    let raw = fold_width(value);
    let mut trimmed = raw.trim().to_owned();
    if let Some(rest) = trimmed.strip_prefix("00") {
        trimmed = format!("+{rest}");
    }
    if !trimmed.starts_with('+') {
        let digits = trimmed.chars().filter(char::is_ascii_digit).count();
        let code = if digits >= 6 {
            CheckCode::PhoneNeedsCountryCode
        } else {
            CheckCode::PhoneFormat
        };
        return FieldCheck::fail(trimmed, code);
    }
    match phonenumber::parse(None, &trimmed) {
        Ok(number) => {
            let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
            if phonenumber::is_valid(&number) {
                FieldCheck::ok(e164)
            } else {
                FieldCheck::ok(e164).with_warning(CheckCode::PhoneUnknownPrefix)
            }
        }
        Err(_) => FieldCheck::fail(trimmed, CheckCode::PhoneFormat),
    }
}

/// An e-mail address: one `@`, a local part, and a domain of dot-separated labels. Mail servers
/// have the last word; this only catches what cannot be an address.
pub(super) fn email(value: &str) -> FieldCheck {
    let e = fold_width(value).trim().to_owned();
    let ok = (|| {
        let (local, domain) = e.split_once('@')?;
        let labels: Vec<&str> = domain.split('.').collect();
        let good_label = |l: &&str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c == '@' || c.is_control())
            && labels.len() >= 2
            && labels.iter().all(good_label)
            && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
        ok.then_some(())
    })()
    .is_some();
    if ok {
        let (local, domain) = e.split_once('@').unwrap_or_default();
        FieldCheck::ok(format!("{local}@{}", domain.to_lowercase()))
    } else {
        FieldCheck::fail(e, CheckCode::EmailFormat)
    }
}
