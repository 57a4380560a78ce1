//! The current language and translated strings, reactive: a view that calls [`t`] inside a
//! closure re-renders when the language changes.

use homeward_domain::{Lang, LocalizedText};
pub use homeward_i18n::key;
use homeward_i18n::{Localizer, Value};
use leptos::prelude::*;

thread_local! {
    static L10N: Localizer = Localizer::new();
}

/// Makes sure `lang`'s messages are here, asking the shell for them the first time: the UI
/// carries no text of its own. Await it before showing a language.
pub async fn load(lang: Lang) -> Result<(), homeward_domain::ApiError> {
    if L10N.with(|l| l.has_language(lang)) {
        return Ok(());
    }
    let text = crate::ipc::call(crate::ipc::Messages { lang }).await?;
    install(lang, text);
    Ok(())
}

/// Keeps `lang`'s messages, as the shell handed them with the first screen.
pub fn install(lang: Lang, text: String) {
    L10N.with(|l| l.install(lang, text));
}

/// A language a signal shows, switched only once its messages are here. A choice made while an
/// earlier one still waits for its messages wins: the slower answer does not undo it.
#[derive(Clone, Copy)]
pub struct LangSwitch {
    shown: RwSignal<Lang>,
    wanted: StoredValue<Lang>,
}

impl LangSwitch {
    pub fn new(shown: RwSignal<Lang>) -> Self {
        LangSwitch {
            shown,
            wanted: StoredValue::new(shown.get_untracked()),
        }
    }

    /// Shows `lang` once its messages are here, then runs `then` (the choice saved, say). If
    /// they cannot be had, the text stays in the language it is in.
    pub fn to(self, lang: Lang, then: impl FnOnce() + 'static) {
        self.wanted.set_value(lang);
        leptos::task::spawn_local(async move {
            if load(lang).await.is_ok() && self.wanted.get_value() == lang {
                self.shown.set(lang);
                then();
            }
        });
    }
}

/// The language signal, provided by the app root.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub RwSignal<Lang>);

pub fn lang() -> Lang {
    use_context::<CurrentLang>()
        .map(|c| c.0.get())
        .unwrap_or_default()
}

/// The language signal itself, for event handlers and tasks that run outside the component
/// that asked for it.
pub fn lang_signal() -> Option<RwSignal<Lang>> {
    use_context::<CurrentLang>().map(|c| c.0)
}

/// The message `key` in the current language.
pub fn t(key: &str) -> String {
    let lang = lang();
    L10N.with(|l| l.tr(lang, key))
}

/// The message `key` in `lang`, whatever the screen's language (text read to someone else).
pub fn t_in(lang: Lang, key: &str) -> String {
    L10N.with(|l| l.tr(lang, key))
}

/// The message `key` with arguments.
pub fn t_args(key: &str, args: &[(&str, Value<'_>)]) -> String {
    let lang = lang();
    L10N.with(|l| l.tr_args(lang, key, args))
}

/// Whether `key` has a message in the current language (or the fallback).
pub fn has(key: &str) -> bool {
    let lang = lang();
    L10N.with(|l| l.has(lang, key))
}

/// Catalogue text in the current language.
pub fn pick(text: &LocalizedText) -> String {
    text.get(lang()).to_owned()
}
