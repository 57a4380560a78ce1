//! Identity document numbers: the resident ID card (GB 11643-1999), the ordinary passport and the
//! travel permits for Hong Kong and Macao and for Taiwan.

use homeward_domain::check::{CheckCode, FieldCheck};

use super::date::Date;
use super::fold_width;

/// First two digits of a resident ID number: the provinces, plus 81/82/83 for the residence
/// permits of Hong Kong, Macao and Taiwan residents.
const PROVINCES: &[&str] = &[
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82", "83",
];

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// Drops spaces and hyphens, folds full-width characters, upper-cases letters.
fn tidy(value: &str) -> String {
    fold_width(value)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The check character of the first 17 digits.
pub fn id_check_char(first17: &[u8]) -> u8 {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK_CHARS[(sum % 11) as usize]
}

pub(super) fn id_card(value: &str, today: Date) -> FieldCheck {
    let id = tidy(value);
    if id.chars().count() != 18 {
        return FieldCheck::fail(id, CheckCode::IdCardLength);
    }
    let bytes = id.as_bytes();
    let shaped = bytes[..17].iter().all(u8::is_ascii_digit)
        && (bytes[17].is_ascii_digit() || bytes[17] == b'X');
    if !shaped {
        return FieldCheck::fail(id, CheckCode::IdCardCharacters);
    }
    if !PROVINCES.contains(&&id[..2]) {
        return FieldCheck::fail(id, CheckCode::IdCardRegion);
    }
    let born = Date::parse(&id[6..14]);
    if born.is_none_or(|d| d.year < 1900 || d > today) {
        return FieldCheck::fail(id, CheckCode::IdCardBirthDate);
    }
    if id_check_char(&bytes[..17]) != bytes[17] {
        return FieldCheck::fail(id, CheckCode::IdCardChecksum);
    }
    FieldCheck::ok(id)
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// `E` + 8 digits, or `E` + a letter (not I or O) + 7 digits: the electronic ordinary passport.
pub(super) fn passport(value: &str) -> FieldCheck {
    let p = tidy(value);
    let b = p.as_bytes();
    let ok = b.len() == 9
        && b[0] == b'E'
        && (all_digits(&p[1..])
            || (b[1].is_ascii_uppercase() && b[1] != b'I' && b[1] != b'O' && all_digits(&p[2..])));
    FieldCheck::judge(ok, p, CheckCode::PassportFormat)
}

/// The Exit-Entry Permit for Hong Kong and Macao: `C` + 8 digits, or `C` + a letter + 7 digits
/// (electronic cards); `W` + 8 digits for the older booklet.
pub(super) fn hk_macao_permit(value: &str) -> FieldCheck {
    let p = tidy(value);
    let b = p.as_bytes();
    let ok = b.len() == 9
        && ((b[0] == b'C'
            && (all_digits(&p[1..]) || (b[1].is_ascii_uppercase() && all_digits(&p[2..]))))
            || (b[0] == b'W' && all_digits(&p[1..])));
    FieldCheck::judge(ok, p, CheckCode::HkMacaoPermitFormat)
}

/// The mainland resident's Travel Permit to and from Taiwan: `L` + 8 digits (electronic card).
pub(super) fn taiwan_permit(value: &str) -> FieldCheck {
    let p = tidy(value);
    let b = p.as_bytes();
    let ok = b.len() == 9 && b[0] == b'L' && all_digits(&p[1..]);
    FieldCheck::judge(ok, p, CheckCode::TaiwanPermitFormat)
}
