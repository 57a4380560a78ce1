//! The outcome of checking one answer: valid or not, its normalised form, and a reason the UI
//! and the command line put into words (Fluent key `check-<code>`).

use serde::{Deserialize, Serialize};

/// Why an answer is not accepted, or what is worth a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckCode {
    Required,
    TooLong,
    IdCardLength,
    IdCardCharacters,
    IdCardRegion,
    IdCardBirthDate,
    IdCardChecksum,
    PassportFormat,
    HkMacaoPermitFormat,
    TaiwanPermitFormat,
    PhoneFormat,
    PhoneNeedsCountryCode,
    /// A warning only: the number may use a prefix newer than the app's data.
    PhoneUnknownPrefix,
    EmailFormat,
    DateFormat,
    DateInFuture,
    DateInPast,
    DocumentExpired,
    NameCharacters,
    PinyinCharacters,
    ChoiceUnknown,
    /// A required document is not attached yet.
    MaterialMissing,
    /// Characters that change how text reads without showing (direction overrides, zero-width
    /// or blank letters): a name with them could show staff something other than it says.
    InvisibleCharacters,
}

/// `text` with each of its [`is_hidden_control`] characters written out (`⟦U+202E⟧`), so
/// staff reading what someone else typed see the control instead of obeying it.
pub fn show_hidden_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("⟦U+{:04X}⟧", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` changes how text reads without being seen: the bidirectional controls
/// (embeddings, overrides, isolates, marks), zero-width and other format characters, and the
/// blank Hangul fillers that pass for letters. None belongs in an answer.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'      // zero-width space, (non-)joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}'    // embeddings and overrides
        | '\u{2060}'..='\u{2064}'    // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'    // isolates
        | '\u{206A}'..='\u{206F}'    // deprecated format characters
        | '\u{061C}'                  // Arabic letter mark
        | '\u{00AD}'                  // soft hyphen
        | '\u{034F}'                  // combining grapheme joiner
        | '\u{180E}'                  // Mongolian vowel separator
        | '\u{FEFF}'                  // zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}'    // interlinear annotations
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{E0000}'..='\u{E007F}') // tags
}

impl CheckCode {
    pub const ALL: [CheckCode; 23] = [
        CheckCode::Required,
        CheckCode::TooLong,
        CheckCode::IdCardLength,
        CheckCode::IdCardCharacters,
        CheckCode::IdCardRegion,
        CheckCode::IdCardBirthDate,
        CheckCode::IdCardChecksum,
        CheckCode::PassportFormat,
        CheckCode::HkMacaoPermitFormat,
        CheckCode::TaiwanPermitFormat,
        CheckCode::PhoneFormat,
        CheckCode::PhoneNeedsCountryCode,
        CheckCode::PhoneUnknownPrefix,
        CheckCode::EmailFormat,
        CheckCode::DateFormat,
        CheckCode::DateInFuture,
        CheckCode::DateInPast,
        CheckCode::DocumentExpired,
        CheckCode::NameCharacters,
        CheckCode::PinyinCharacters,
        CheckCode::ChoiceUnknown,
        CheckCode::MaterialMissing,
        CheckCode::InvisibleCharacters,
    ];

    /// The kebab-case code, also the suffix of its Fluent key.
    pub fn slug(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// The result of checking one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldCheck {
    pub valid: bool,
    /// The answer as it will be sent: full-width digits folded, letters upper-cased, numbers in
    /// international format. Equal to the input when nothing needed changing.
    pub normalized: String,
    /// Why it is not valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<CheckCode>,
    /// Worth a second look, but not a reason to refuse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<CheckCode>,
}

impl FieldCheck {
    pub fn ok(normalized: impl Into<String>) -> Self {
        FieldCheck {
            valid: true,
            normalized: normalized.into(),
            error: None,
            warning: None,
        }
    }

    pub fn fail(normalized: impl Into<String>, code: CheckCode) -> Self {
        FieldCheck {
            valid: false,
            normalized: normalized.into(),
            error: Some(code),
            warning: None,
        }
    }

    /// Valid when `ok`, otherwise invalid for `code`.
    pub fn judge(ok: bool, normalized: impl Into<String>, code: CheckCode) -> Self {
        if ok {
            FieldCheck::ok(normalized)
        } else {
            FieldCheck::fail(normalized, code)
        }
    }

    pub fn with_warning(mut self, code: CheckCode) -> Self {
        self.warning = Some(code);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_distinct_slug() {
        let slugs: std::collections::BTreeSet<String> =
            CheckCode::ALL.iter().map(|c| c.slug()).collect();
        assert_eq!(slugs.len(), CheckCode::ALL.len());
        assert_eq!(CheckCode::IdCardChecksum.slug(), "id-card-checksum");
    }
}
