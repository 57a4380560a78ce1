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
    /// Traditional characters, for readers in Hong Kong, Macao, Taiwan and the older emigration.
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "it")]
    It,
    #[serde(rename = "fr")]
    Fr,
    #[serde(rename = "es")]
    Es,
}

impl Lang {
    /// Every supported language, the default first.
    pub const ALL: [Lang; 6] = [
        Lang::ZhCn,
        Lang::ZhTw,
        Lang::En,
        Lang::It,
        Lang::Fr,
        Lang::Es,
    ];

    /// The BCP 47 tag, as used in `locales/<tag>/` and in catalogue files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
            Lang::It => "it",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as a language switch shows it to those who read it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::En => "English",
            Lang::ZhTw => "繁體中文",
            Lang::It => "Italiano",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// A short name for a narrow switch, in the language itself; [`Lang::endonym`] says it in full.
    pub fn short_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "简",
            Lang::ZhTw => "繁",
            Lang::En => "EN",
            Lang::It => "IT",
            Lang::Fr => "FR",
            Lang::Es => "ES",
        }
    }

    /// The language to read a missing text in before falling back to Simplified Chinese: the
    /// Chinese script for Traditional, English for the European languages (the children born
    /// abroad who read them read English more often than Chinese).
    fn fallback(self) -> Lang {
        match self {
            Lang::It | Lang::Fr | Lang::Es => Lang::En,
            _ => Lang::ZhCn,
        }
    }

    /// The supported language closest to one BCP 47 or POSIX locale tag (`zh-HK`, `it_CH.UTF-8`,
    /// `zh-Hant-TW`, `fr`), or `None` for a language Homeward does not speak (`C`, `de-DE`).
    /// Chinese written in Traditional characters (the `Hant` script, or Taiwan, Hong Kong, Macao)
    /// is `zh-TW`; any other Chinese is `zh-CN`; the region of a European language is ignored.
    pub fn closest(tag: &str) -> Option<Lang> {
        let tag = tag
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let mut parts = tag.split(['-', '_']).filter(|p| !p.is_empty());
        let lang = match parts.next()? {
            "zh" | "cmn" | "yue" => {
                // An explicit script decides; else the region where Traditional is written.
                let rest: Vec<&str> = parts.collect();
                let traditional = if rest.contains(&"hans") {
                    false
                } else {
                    rest.iter()
                        .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
                };
                if traditional {
                    Lang::ZhTw
                } else {
                    Lang::ZhCn
                }
            }
            "en" => Lang::En,
            "it" => Lang::It,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            _ => return None,
        };
        Some(lang)
    }

    /// The first of the person's languages, in their order of preference, that Homeward speaks.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        preferred.into_iter().find_map(Lang::closest)
    }

    /// The languages of an HTTP `Accept-Language` header, most wanted first (by `q`, then by
    /// order); ranges with `q=0` and `*` are left out.
    pub fn accepted(header: &str) -> Vec<&str> {
        let mut ranges: Vec<(u16, usize, &str)> = header
            .split(',')
            .take(32)
            .enumerate()
            .filter_map(|(i, item)| {
                let mut parts = item.split(';');
                let range = parts.next()?.trim();
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1000), parse_q)?;
                (q > 0 && !range.is_empty() && range != "*").then_some((q, i, range))
            })
            .collect();
        ranges.sort_by_key(|&(q, i, _)| (std::cmp::Reverse(q), i));
        ranges.into_iter().map(|(_, _, r)| r).collect()
    }
}

/// The languages of a POSIX locale, most preferred first, read with `var` (the environment):
/// GNU's `LANGUAGE` list, then the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set. None
/// when the locale is `C` or `POSIX` (no language chosen) or unset.
pub fn posix_languages(var: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let var = |name: &str| var(name).filter(|v| !v.is_empty());
    let Some(locale) = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var) else {
        return vec![];
    };
    if matches!(locale.split(['.', '@']).next(), Some("C" | "POSIX")) {
        return vec![];
    }
    let mut tags: Vec<String> = var("LANGUAGE")
        .unwrap_or_default()
        .split(':')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    tags.push(locale);
    tags
}

/// A quality value (`0.8`) in thousandths; `None` when it is not one.
fn parse_q(q: &str) -> Option<u16> {
    let q = q.trim();
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole = match int {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    let frac: u16 = format!("{frac:0<3}").parse().ok()?;
    let q = whole + frac;
    (q <= 1000).then_some(q)
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A tag that names no language Homeward supports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language {0:?}: expected one of zh-CN, zh-TW, en, it, fr, es")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-cn" | "zh-hans" | "zh" => Ok(Lang::ZhCn),
            "zh-tw" | "zh-hant" => Ok(Lang::ZhTw),
            "en" | "en-gb" | "en-us" => Ok(Lang::En),
            "it" => Ok(Lang::It),
            "fr" => Ok(Lang::Fr),
            "es" => Ok(Lang::Es),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

/// One piece of text in several languages, keyed by language tag.
///
/// Catalogue files write it as `{ zh-CN = "…", en = "…" }`. A missing translation falls back to
/// the nearest language (English for Italian, French and Spanish), then to Simplified Chinese,
/// then to whatever language is present, so a person never sees a blank.
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
            .or_else(|| self.0.get(lang.fallback().tag()))
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
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn the_system_language_is_matched_to_the_nearest_one_spoken() {
        for (tag, lang) in [
            ("zh-HK", Some(Lang::ZhTw)),
            ("zh-Hant-TW", Some(Lang::ZhTw)),
            ("zh_MO.UTF-8", Some(Lang::ZhTw)),
            ("zh-Hans-HK", Some(Lang::ZhCn)),
            ("zh_SG", Some(Lang::ZhCn)),
            ("zh", Some(Lang::ZhCn)),
            ("it-CH", Some(Lang::It)),
            ("it_IT.UTF-8", Some(Lang::It)),
            ("fr-CA", Some(Lang::Fr)),
            ("es-419", Some(Lang::Es)),
            ("en-ZA", Some(Lang::En)),
            ("de-DE", None),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("", None),
        ] {
            assert_eq!(Lang::closest(tag), lang, "{tag}");
        }
        assert_eq!(Lang::negotiate(["de-CH", "fr-CH", "en"]), Some(Lang::Fr));
        assert_eq!(Lang::negotiate(["C"]), None);
    }

    #[test]
    fn a_posix_locale_names_its_languages_unless_it_is_c() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            posix_languages(env(&[("LANG", "it_CH.UTF-8"), ("LANGUAGE", "fr:en")])),
            ["fr", "en", "it_CH.UTF-8"]
        );
        assert_eq!(
            posix_languages(env(&[("LC_ALL", "zh_HK.UTF-8"), ("LANG", "de_DE")])),
            ["zh_HK.UTF-8"]
        );
        assert!(posix_languages(env(&[("LANG", "C.UTF-8"), ("LANGUAGE", "it")])).is_empty());
        assert!(posix_languages(env(&[])).is_empty());
    }

    #[test]
    fn accept_language_is_read_by_quality_then_order() {
        assert_eq!(
            Lang::accepted("de-DE, en;q=0.5, it-IT;q=0.9, fr;q=0, *;q=0.1"),
            ["de-DE", "it-IT", "en"]
        );
        assert_eq!(
            Lang::negotiate(Lang::accepted("de-DE, en;q=0.5, it-IT;q=0.9")),
            Some(Lang::It)
        );
        // Malformed qualities leave the range out rather than guess.
        assert_eq!(
            Lang::accepted("es;q=2, fr;q=abc, en;q=0.0001"),
            Vec::<&str>::new()
        );
        assert_eq!(Lang::accepted("zh-TW;q=1.000"), ["zh-TW"]);
        assert!(Lang::accepted("").is_empty());
    }

    #[test]
    fn european_languages_fall_back_to_english_and_traditional_to_simplified() {
        let text = LocalizedText::new(&[(Lang::ZhCn, "驾驶证"), (Lang::En, "Driving licence")]);
        assert_eq!(text.get(Lang::It), "Driving licence");
        assert_eq!(text.get(Lang::ZhTw), "驾驶证");
    }

    #[test]
    fn a_missing_translation_falls_back_to_chinese() {
        let text = LocalizedText::new(&[(Lang::ZhCn, "驾驶证")]);
        assert_eq!(text.get(Lang::En), "驾驶证");
        assert!(!text.has(Lang::En));
    }
}
