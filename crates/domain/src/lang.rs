//! The languages Homeward speaks and text that comes in several of them.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the interface and the catalogue are written in.
///
/// Simplified Chinese comes first: it is the language most of the people Homeward serves read best,
/// and the one every guide must have.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every supported language, the default first.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag, as used in `locales/<tag>/` and in catalogue files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as a language switch shows it to those who read it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::ZhCn => "中文",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A tag that names no language Homeward supports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language {0:?}: expected one of zh-CN, en")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-cn" | "zh-hans" | "zh" => Ok(Lang::ZhCn),
            "en" | "en-gb" | "en-us" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

/// One piece of text in several languages, keyed by language tag.
///
/// Catalogue files write it as `{ zh-CN = "…", en = "…" }`. A missing translation falls back to
/// Simplified Chinese, then to whatever language is present, so a person never sees a blank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    pub fn new(pairs: &[(Lang, &str)]) -> Self {
        LocalizedText(
            pairs
                .iter()
                .map(|(l, t)| (l.tag().to_owned(), (*t).to_owned()))
                .collect(),
        )
    }

    /// The text in `lang`, or the best fallback.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.tag())
            .or_else(|| self.0.get(Lang::ZhCn.tag()))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether this text has a non-blank translation in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.0.get(lang.tag()).is_some_and(|t| !t.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_common_spellings_are_accepted() {
        for lang in Lang::ALL {
            assert_eq!(lang.tag().parse::<Lang>(), Ok(lang));
        }
        assert_eq!("zh_CN".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn a_missing_translation_falls_back_to_chinese() {
        let text = LocalizedText::new(&[(Lang::ZhCn, "驾驶证")]);
        assert_eq!(text.get(Lang::En), "驾驶证");
        assert!(!text.has(Lang::En));
    }
}
