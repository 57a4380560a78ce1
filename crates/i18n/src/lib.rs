//! Every string a person reads, in every language, through Fluent.
//!
//! The `.ftl` files under `locales/` are compiled in (see `build.rs`) with the `messages`
//! feature, so the shell, the backend and the command line need no files at run time. The UI
//! builds without it and is handed one language's messages at a time by the shell
//! ([`Localizer::install`]), so its WebAssembly does not carry six languages' text. Code refers
//! to messages by literal key — `t("home-title")` in the UI, `tr(lang, "…")` elsewhere, or marked
//! with [`key`] — and the workspace test `every_key_is_translated_and_used` checks both
//! directions against the files. Keys built at run time belong to a [`DYNAMIC_FAMILIES`] prefix.

use std::cell::OnceCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use homeward_domain::Lang;

pub use fluent_bundle::FluentValue as Value;

/// Key prefixes completed at run time from a closed set (a category slug, an error code).
pub const DYNAMIC_FAMILIES: &[&str] = &[
    "category-",
    "error-",
    "check-",
    "application-status-",
    "field-error-",
    "console-access-",
    "console-role-",
    "site-action-",
    "country-",
    "request-reason-",
    "notice-kind-",
    "mission-kind-",
];

/// Marks a literal as a message key where it is not passed straight to a translation call, so the
/// key check finds it: `t(key("material-copy"))` is the same as `t("material-copy")`.
pub const fn key(k: &'static str) -> &'static str {
    k
}

/// `lang`'s messages: every one with the `back-office` feature (the console and the command line
/// turn it on), else the app's alone, so the app's UI does not carry the console's text.
#[cfg(feature = "messages")]
fn source(lang: Lang) -> &'static str {
    if cfg!(feature = "back-office") {
        every_message(lang)
    } else {
        app_messages(lang)
    }
}

/// `lang`'s resource as `build.rs` wrote it, the file name ending in `$suffix`.
#[cfg(feature = "messages")]
macro_rules! resource {
    ($lang:expr, $suffix:literal) => {
        match $lang {
            Lang::ZhCn => include_str!(concat!(env!("OUT_DIR"), "/zh-CN", $suffix, ".ftl")),
            Lang::En => include_str!(concat!(env!("OUT_DIR"), "/en", $suffix, ".ftl")),
            Lang::ZhTw => include_str!(concat!(env!("OUT_DIR"), "/zh-TW", $suffix, ".ftl")),
            Lang::It => include_str!(concat!(env!("OUT_DIR"), "/it", $suffix, ".ftl")),
            Lang::Fr => include_str!(concat!(env!("OUT_DIR"), "/fr", $suffix, ".ftl")),
            Lang::Es => include_str!(concat!(env!("OUT_DIR"), "/es", $suffix, ".ftl")),
        }
    };
}

#[cfg(feature = "messages")]
fn every_message(lang: Lang) -> &'static str {
    resource!(lang, "")
}

/// `lang`'s messages as the app's UI shows them (without the back office's), as `.ftl` text: what
/// the shell hands the UI.
#[cfg(feature = "messages")]
pub fn app_messages(lang: Lang) -> &'static str {
    resource!(lang, "-app")
}

/// The message keys the app carries in `lang` (without the back office's): what the app's code
/// may use.
#[cfg(feature = "messages")]
pub fn app_keys(lang: Lang) -> Vec<String> {
    keys_of(app_messages(lang)).0
}

/// Every message in every language, ready to format. A language's messages are parsed the first
/// time one of them is asked for, so a person reading one language pays for that one alone.
pub struct Localizer {
    bundles: [OnceCell<FluentBundle<FluentResource>>; Lang::ALL.len()],
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").finish_non_exhaustive()
    }
}

impl Default for Localizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Localizer {
    pub fn new() -> Self {
        Localizer {
            bundles: Default::default(),
        }
    }

    fn slot(&self, lang: Lang) -> &OnceCell<FluentBundle<FluentResource>> {
        let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.bundles[at]
    }

    /// `lang`'s messages: with the `messages` feature, parsed from the compiled-in resources on
    /// first use; without it, as [`Localizer::install`] was given them, or none yet.
    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        let slot = self.slot(lang);
        #[cfg(feature = "messages")]
        slot.get_or_init(|| parse(lang, source(lang).to_owned()));
        slot.get()
    }

    /// Takes `lang`'s messages as `.ftl` text, unless it has them already (then `text` is
    /// dropped): how the UI, built without the compiled-in messages, gets each language it shows.
    pub fn install(&self, lang: Lang, text: String) {
        let _ = self.slot(lang).get_or_init(|| parse(lang, text));
    }

    /// Whether `lang`'s messages are at hand (always, with the compiled-in ones).
    pub fn has_language(&self, lang: Lang) -> bool {
        cfg!(feature = "messages") || self.slot(lang).get().is_some()
    }

    /// The message `key` in `lang`; the key itself when it is missing, so a gap is visible but
    /// never fatal.
    pub fn tr(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, None)
    }

    /// The message `key` with named arguments.
    pub fn tr_args(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        self.format(lang, key, Some(&fa))
    }

    /// Whether `key` exists in `lang`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(key))
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(bundle) = self.bundle(lang) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// A bundle of `lang` from `.ftl` text. A syntax error in a `.ftl` file is a build defect, caught
/// by the unit tests below, so this does not fail at run time: broken entries are skipped.
fn parse(lang: Lang, text: String) -> FluentBundle<FluentResource> {
    let res = FluentResource::try_new(text).unwrap_or_else(|(r, _)| r);
    let langid = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![langid]);
    // Isolation marks (U+2068/U+2069) help right-to-left scripts, which Homeward does not use
    // yet, and show up as stray characters in plain-text output.
    bundle.set_use_isolating(false);
    // Duplicate keys are rejected by the tests; keep the first here.
    let _ = bundle.add_resource(res);
    bundle
}

/// The message keys defined in `lang`'s files, in file order, with duplicates kept so a test can
/// find them, and any syntax errors as text.
#[cfg(feature = "messages")]
pub fn defined_keys(lang: Lang) -> (Vec<String>, Vec<String>) {
    keys_of(every_message(lang))
}

#[cfg(feature = "messages")]
fn keys_of(source: &str) -> (Vec<String>, Vec<String>) {
    let (res, errors) = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => (r, vec![]),
        Err((r, e)) => (r, e.iter().map(|e| format!("{e:?}")).collect()),
    };
    let keys = res
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    (keys, errors)
}

/// What each message of `lang` needs from the code that formats it: the variables it reads
/// (`$count`) and its attributes, by message key. Every language must need the same.
#[cfg(feature = "messages")]
pub fn message_shapes(lang: Lang) -> std::collections::BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast;
    fn expression(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(e: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => out.push(format!("${}", id.name)),
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
                for a in &arguments.named {
                    inline(&a.value, out);
                }
            }
            ast::InlineExpression::Placeable { expression: e } => expression(e, out),
            _ => {}
        }
    }
    fn pattern(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression: e } = el {
                expression(e, out);
            }
        }
    }
    let res = FluentResource::try_new(every_message(lang).to_owned()).unwrap_or_else(|(r, _)| r);
    res.entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut needs = vec![];
                if let Some(p) = &m.value {
                    pattern(p, &mut needs);
                }
                for a in &m.attributes {
                    needs.push(format!(".{}", a.id.name));
                    pattern(&a.value, &mut needs);
                }
                needs.sort();
                needs.dedup();
                Some((m.id.name.to_owned(), needs))
            }
            _ => None,
        })
        .collect()
}

#[cfg(all(test, feature = "messages"))]
mod tests {
    use super::*;

    #[test]
    fn every_locale_needs_the_same_variables_and_attributes_as_english() {
        let english = message_shapes(Lang::En);
        for lang in Lang::ALL {
            for (key, needs) in message_shapes(lang) {
                if let Some(en) = english.get(&key) {
                    assert_eq!(&needs, en, "{lang}: {key}");
                }
            }
        }
    }

    #[test]
    fn every_locale_parses_without_errors_or_duplicates() {
        for lang in Lang::ALL {
            let (keys, errors) = defined_keys(lang);
            assert!(errors.is_empty(), "{lang}: {errors:?}");
            let mut seen = std::collections::HashSet::new();
            for k in &keys {
                assert!(seen.insert(k), "{lang}: key {k} is defined twice");
            }
        }
    }

    #[test]
    fn messages_handed_over_are_used_and_not_replaced() {
        let l = Localizer::new();
        assert!(l.has_language(Lang::It));
        l.install(Lang::It, "greeting = Buongiorno, { $name }".into());
        l.install(Lang::It, "greeting = Ciao".into());
        let text = l.tr_args(Lang::It, "greeting", &[("name", "Lin".into())]);
        assert_eq!(text, "Buongiorno, Lin");
        assert_eq!(l.tr(Lang::It, "no-such-key"), "no-such-key");
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let l = Localizer::new();
        let text = l.tr_args(Lang::En, "guide-time-limit-days", &[("days", 5.into())]);
        assert!(text.contains('5') && !text.contains('\u{2068}'), "{text}");
    }
}
