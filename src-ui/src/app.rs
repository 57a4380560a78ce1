//! The app root: language, navigation, the backend banner and the current screen. It listens
//! for what the shell pushes about the backend and the catalogue, for every screen.

use homeward_domain::city::{HomeCity, HomeCityView};
use homeward_domain::display::TextSize;
use homeward_domain::{BackendStatus, DraftId, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast as _, JsValue};

use crate::i18n::{install, load, t, CurrentLang, LangSwitch};
use crate::ipc::{self, BackendStatusChanged, CatalogueUpdated, NoticesUpdated, WalkInHandedOver};
use crate::screens::city::{CityPicker, SwitchCity};
use crate::screens::desk::{
    is_locked, use_desk, DeskCtx, DeskLock, IdleWatch, LastEnd, LockButton, WalkInBar,
    WalkInConsents, WalkInCtx, WalkInReceiptScreen,
};
use crate::screens::{
    answers::AnswersScreen,
    contacts::ContactsScreen,
    draft::DraftScreen,
    guide::GuideScreen,
    home::HomeScreen,
    identity::IdentityScreen,
    identity::SiteScreen,
    letters::LettersScreen,
    notices::{reload_notices, NoticesCtx, NoticesScreen},
    outbox::OutboxScreen,
    privacy::PrivacyScreen,
};

/// Where the person is. Kept as a history stack so "back" always goes where they came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Guide(String),
    Draft(DraftId),
    /// A draft opened at one question, with every message shown: a "change" link.
    DraftQuestion(DraftId, String),
    /// Check your answers, for a draft.
    Answers(DraftId),
    Contacts,
    /// Applications sent, and where each stands.
    Outbox,
    /// My details, consents, export and erasure.
    Privacy,
    /// The identity level proven, and the code to prove it in person.
    Identity,
    /// Site mode: a liaison site's volunteer attests walk-ins.
    Site,
    /// Entrustment letters for a relative at home.
    Letters,
    /// Safety alerts and notices for where the person lives.
    Notices,
    /// The home cities, to switch to another.
    City,
    /// A walk-in at a site's desk: the consents read to them, in their language.
    WalkInConsents,
    WalkInReceipt,
}

/// The catalogue version the backend last gave, once the shell took a newer one while the app
/// was open; screens that list the catalogue read it again when it changes.
#[derive(Clone, Copy)]
pub struct CatalogueVersion(pub RwSignal<Option<u64>>);

/// Navigation, provided to every screen. The stack of screens is mirrored in the webview's
/// history, one entry per screen with its address in the fragment (`#/guide/<id>`): the system's
/// back gesture or button (Android's among them) goes back a screen instead of closing the app,
/// forward works, and an address can open a guide directly.
#[derive(Clone, Copy)]
pub struct Nav(RwSignal<Vec<Screen>>);

impl Screen {
    /// Its address, as the fragment of the page's URL.
    fn fragment(&self) -> String {
        match self {
            Screen::Home => "#/".into(),
            Screen::Guide(id) => format!("#/guide/{}", encode_part(id)),
            Screen::Draft(id) => format!("#/draft/{id}"),
            Screen::DraftQuestion(id, key) => format!("#/draft/{id}/{}", encode_part(key)),
            Screen::Answers(id) => format!("#/answers/{id}"),
            Screen::Contacts => "#/contacts".into(),
            Screen::Outbox => "#/outbox".into(),
            Screen::Privacy => "#/privacy".into(),
            Screen::Identity => "#/identity".into(),
            Screen::Site => "#/site".into(),
            Screen::Letters => "#/letters".into(),
            Screen::Notices => "#/notices".into(),
            Screen::City => "#/city".into(),
            Screen::WalkInConsents => "#/walk-in/consents".into(),
            Screen::WalkInReceipt => "#/walk-in/receipt".into(),
        }
    }

    /// The screen an address names; `None` for anything else.
    fn from_fragment(fragment: &str) -> Option<Screen> {
        let path = fragment.strip_prefix("#/")?;
        let parts: Vec<String> = path
            .split('/')
            .map(|p| js_sys::decode_uri_component(p).map_or_else(|_| p.to_owned(), String::from))
            .collect();
        let draft = |s: &str| s.parse::<uuid::Uuid>().ok().map(DraftId);
        Some(
            match parts.iter().map(String::as_str).collect::<Vec<_>>()[..] {
                [""] => Screen::Home,
                ["guide", id] if !id.is_empty() => Screen::Guide(id.to_owned()),
                ["draft", id] => Screen::Draft(draft(id)?),
                ["draft", id, key] => Screen::DraftQuestion(draft(id)?, key.to_owned()),
                ["answers", id] => Screen::Answers(draft(id)?),
                ["contacts"] => Screen::Contacts,
                ["outbox"] => Screen::Outbox,
                ["privacy"] => Screen::Privacy,
                ["identity"] => Screen::Identity,
                ["site"] => Screen::Site,
                ["letters"] => Screen::Letters,
                ["notices"] => Screen::Notices,
                ["city"] => Screen::City,
                ["walk-in", "consents"] => Screen::WalkInConsents,
                ["walk-in", "receipt"] => Screen::WalkInReceipt,
                _ => return None,
            },
        )
    }
}

fn encode_part(part: &str) -> String {
    String::from(js_sys::encode_uri_component(part))
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// Writes (or replaces) the history entry for the screen at `depth` (1 for the first).
fn record(screen: &Screen, depth: usize, replace: bool) {
    let Some(history) = history() else { return };
    let state = JsValue::from_str(&depth.to_string());
    let url = screen.fragment();
    let _ = if replace {
        history.replace_state_with_url(&state, "", Some(&url))
    } else {
        history.push_state_with_url(&state, "", Some(&url))
    };
}

impl Nav {
    /// The stack at start: home, and the screen the address names if it names one.
    fn starting() -> Nav {
        let linked = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|hash| Screen::from_fragment(&hash))
            .filter(|s| *s != Screen::Home);
        let nav = Nav(RwSignal::new(vec![Screen::Home]));
        record(&Screen::Home, 1, true);
        if let Some(screen) = linked {
            nav.go(screen);
        }
        nav
    }

    /// Follows the history when the person goes back or forward with the system's controls.
    fn follow_history(self) {
        let on_pop = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::PopStateEvent)>::new(
            move |ev: web_sys::PopStateEvent| {
                let depth = ev
                    .state()
                    .as_string()
                    .and_then(|d| d.parse::<usize>().ok())
                    .filter(|d| *d >= 1)
                    .unwrap_or(1);
                let screen = web_sys::window()
                    .and_then(|w| w.location().hash().ok())
                    .and_then(|hash| Screen::from_fragment(&hash))
                    .unwrap_or(Screen::Home);
                self.0.update(|stack| {
                    stack.truncate(depth.saturating_sub(1));
                    if stack.is_empty() && screen != Screen::Home {
                        stack.push(Screen::Home);
                    }
                    stack.push(screen);
                });
                arrive();
            },
        );
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        }
        // The listener lives as long as the page.
        on_pop.forget();
    }

    pub fn current(&self) -> Screen {
        self.0.with(|s| s.last().cloned().unwrap_or(Screen::Home))
    }

    pub fn go(&self, screen: Screen) {
        let depth = self.0.with(Vec::len) + 1;
        record(&screen, depth, false);
        self.0.update(|s| s.push(screen));
        arrive();
    }

    /// Starts again from home, then `screen` (a walk-in's session begun or ended: nothing of
    /// the screens before is gone back to).
    pub fn start_over(&self, screen: Screen) {
        record(&Screen::Home, 1, true);
        self.0.set(vec![Screen::Home]);
        if screen != Screen::Home {
            self.go(screen);
        }
        arrive();
    }

    /// Shows `screen` in place of the current one (back then skips the current one).
    pub fn replace(&self, screen: Screen) {
        let depth = self.0.with(Vec::len).max(1);
        record(&screen, depth, true);
        self.0.update(|s| {
            s.pop();
            s.push(screen);
        });
        arrive();
    }

    /// Goes back a screen, through the history (so it and the stack stay one).
    pub fn back(&self) {
        if !self.can_go_back() {
            return;
        }
        match history() {
            Some(history) if history.back().is_ok() => {}
            _ => {
                self.0.update(|s| {
                    s.pop();
                });
                arrive();
            }
        }
    }

    pub fn can_go_back(&self) -> bool {
        self.0.with(|s| s.len() > 1)
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// A new screen: shown from its top, and once its heading is in the page, the focus moves to it,
/// so a screen reader reads where the person is and the next Tab starts from there. A screen that
/// put the focus somewhere itself (a PIN field, a question opened from "change") keeps it.
fn arrive() {
    use std::sync::atomic::{AtomicU32, Ordering};
    static ARRIVALS: AtomicU32 = AtomicU32::new(0);
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    let arrival = ARRIVALS.fetch_add(1, Ordering::Relaxed) + 1;
    spawn_local(async move {
        // Screens load what they show: wait for the heading, a few seconds at most.
        for _ in 0..60 {
            gloo_timers::future::TimeoutFuture::new(50).await;
            if ARRIVALS.load(Ordering::Relaxed) != arrival {
                return;
            }
            if focus_heading() {
                return;
            }
        }
    });
}

/// Focuses the current screen's first heading unless something on the screen has the focus;
/// false while there is no heading yet.
fn focus_heading() -> bool {
    use wasm_bindgen::JsCast as _;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return true;
    };
    let Some(heading) = document
        .query_selector("#main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let main = document.get_element_by_id("main");
    let taken = document
        .active_element()
        .is_some_and(|a| a.is_connected() && main.is_some_and(|m| m.contains(Some(&a))));
    if !taken {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        // Without scrolling: the screen is at its top already, and a person who began to
        // scroll or tap must not have the page move under them.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
    true
}

/// The languages the system's person reads, most preferred first, as the web view reports them.
fn system_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return vec![];
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

fn set_document_lang(lang: Lang) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.tag());
    }
}

/// The home screen's list as the first screen's answer brought it, taken by the home screen the
/// first time it is shown instead of asking again.
#[derive(Clone, Copy)]
pub struct StartedList(pub StoredValue<Option<homeward_domain::display::HomeList>>);

/// The size of the text the person chose, applied to the whole window.
#[derive(Clone, Copy)]
pub struct TextSizeCtx(pub RwSignal<TextSize>);

/// Scales every size the stylesheet gives in `rem` (the root's font size follows the system's,
/// times this).
fn apply_text_size(size: TextSize) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute(
            "style",
            &format!("--text-scale: {}", f64::from(size.percent()) / 100.0),
        );
        let _ = el.set_attribute("data-text-size", &size.percent().to_string());
        // From half as large again, the layout makes room: see `data-large-text` in the stylesheet.
        let _ = if size.percent() >= 150 {
            el.set_attribute("data-large-text", "")
        } else {
            el.remove_attribute("data-large-text")
        };
    }
}

/// The current home city once chosen, for the screens that show it.
#[derive(Clone, Copy)]
pub struct ChosenCity(pub RwSignal<Option<HomeCityView>>);

/// The home cities on offer, to name a draft's city.
#[derive(Clone, Copy)]
pub struct KnownCities(pub RwSignal<Vec<HomeCity>>);

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::default());
    let ready = RwSignal::new(false);
    // The first language's messages are here (see `i18n::load`).
    let speaking = RwSignal::new(false);
    let fatal = RwSignal::new(None::<homeward_domain::ApiError>);
    let status = RwSignal::new(BackendStatus::Unknown);
    provide_context(CurrentLang(lang));
    let nav = Nav::starting();
    nav.follow_history();
    provide_context(nav);
    provide_context(status);
    let catalogue = RwSignal::new(None::<u64>);
    provide_context(CatalogueVersion(catalogue));
    let cities = RwSignal::new(Vec::<HomeCity>::new());
    let chosen = RwSignal::new(None::<HomeCityView>);
    provide_context(ChosenCity(chosen));
    provide_context(KnownCities(cities));
    let desk = RwSignal::new(None::<homeward_domain::desk::DeskState>);
    provide_context(DeskCtx(desk));
    let walk_in = RwSignal::new(None::<uuid::Uuid>);
    provide_context(WalkInCtx(walk_in));
    let last_end = RwSignal::new(None);
    provide_context(LastEnd(last_end));
    let notices = RwSignal::new(None::<homeward_domain::notice::Notices>);
    provide_context(NoticesCtx(notices));
    let text_size = RwSignal::new(TextSize::default());
    provide_context(TextSizeCtx(text_size));
    let started_list = StoredValue::new(None::<homeward_domain::display::HomeList>);
    provide_context(StartedList(started_list));
    Effect::new(move |_| apply_text_size(text_size.get()));
    // Only a change of the lock redraws the window, not every word from the desk.
    let locked = Memo::new(move |_| desk.with(is_locked));
    // While a volunteer has a site's desk open: its idle time, watched.
    let on_duty = Memo::new(move |_| {
        desk.with(|d| {
            d.as_ref()
                .filter(|d| d.on_duty.is_some())
                .map(|d| d.idle_lock_seconds)
        })
    });

    Effect::new(move |_| set_document_lang(lang.get()));

    // The shell checks the backend and says when that changes; what it found before the
    // listener was in place is asked for once.
    let heard = StoredValue::new(false);
    let listening = ipc::listen::<BackendStatusChanged>(move |s| {
        heard.set_value(true);
        status.set(s);
    });
    let catalogue_listening = ipc::listen::<CatalogueUpdated>(move |v| catalogue.set(Some(v)));
    let notices_listening = ipc::listen::<NoticesUpdated>(move |()| reload_notices(notices));
    // The person took their applications to their own phone: the session is gone, the desk back.
    let handed_over_listening = ipc::listen::<WalkInHandedOver>(move |id| {
        if walk_in.get_untracked() == Some(id) {
            walk_in.set(None);
            last_end.set(Some(homeward_domain::desk::WalkInEnd::HandedOver));
            nav.start_over(Screen::Site);
        }
    });
    spawn_local(async move {
        // The first screen is one question: the language and its messages, the text size, the
        // home cities, the desk and the home screen's list.
        let first = ipc::call(ipc::FirstScreen {
            system: system_languages(),
        })
        .await;
        match first {
            Ok(first) => {
                // Nothing is shown before there are words to show it in.
                install(first.lang, first.messages);
                lang.set(first.lang);
                text_size.set(first.text_size);
                if let Some(problem) = first.problem {
                    fatal.set(Some(problem));
                }
                cities.set(first.cities.cities);
                chosen.set(first.cities.chosen);
                // Kept only for a home screen shown now: one shown later asks afresh.
                if nav.current() == Screen::Home {
                    started_list.set_value(first.home);
                }
                // A site's laptop opens on its desk, not on anyone's data.
                if let Some(state) = first.desk {
                    desk.set(Some(state));
                    nav.go(Screen::Site);
                    walk_in.set(first.walk_in);
                }
            }
            // The shell did not answer at all: said in the default language, whose messages
            // are asked for on their own.
            Err(e) => {
                let unloaded = load(Lang::default()).await.err();
                fatal.set(Some(unloaded.unwrap_or(e)));
            }
        }
        speaking.set(true);
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        ready.set(true);
        listening.await;
        catalogue_listening.await;
        notices_listening.await;
        if chosen.with_untracked(Option::is_some) {
            reload_notices(notices);
        }
        handed_over_listening.await;
        if let Ok(s) = ipc::call(ipc::BackendStatus {}).await {
            if !heard.get_value() {
                status.set(s);
            }
        }
    });

    view! {
        <div class="app" class:ready=move || ready.get()>
            {move || speaking.get().then(|| view! {
                <Header/>
                {move || chosen.with(Option::is_some).then(|| view! { <BackendBanner/> })}
                {move || (walk_in.get().is_some() && !locked.get()).then(|| view! { <WalkInBar/> })}
                <main id="main" class="content">
                    {move || match fatal.get() {
                        Some(e) => view! { <Fatal error=e/> }.into_any(),
                        // Nothing is sent anywhere before the person says which city is home.
                        None if ready.get() && chosen.with(Option::is_none) => view! {
                            <CityPicker cities=cities.get_untracked()
                                on_chosen=Callback::new(move |view| chosen.set(Some(view)))/>
                        }.into_any(),
                        None if ready.get() && locked.get() => view! { <DeskLock/> }.into_any(),
                        None if ready.get() => view! { <Current/> }.into_any(),
                        None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
                    }}
                </main>
                {move || on_duty.get().map(|idle| view! { <IdleWatch idle_seconds=idle/> })}
            })}
        </div>
    }
}

#[component]
fn Current() -> impl IntoView {
    let nav = use_nav();
    move || match nav.current() {
        Screen::Home => view! { <HomeScreen/> }.into_any(),
        Screen::Guide(id) => view! { <GuideScreen id=id/> }.into_any(),
        Screen::Draft(id) => view! { <DraftScreen id=id/> }.into_any(),
        Screen::DraftQuestion(id, key) => view! { <DraftScreen id=id focus=key/> }.into_any(),
        Screen::Answers(id) => view! { <AnswersScreen id=id/> }.into_any(),
        Screen::Contacts => view! { <ContactsScreen/> }.into_any(),
        Screen::Outbox => view! { <OutboxScreen/> }.into_any(),
        Screen::Privacy => view! { <PrivacyScreen/> }.into_any(),
        Screen::Identity => view! { <IdentityScreen/> }.into_any(),
        Screen::Site => view! { <SiteScreen/> }.into_any(),
        Screen::Letters => view! { <LettersScreen/> }.into_any(),
        Screen::Notices => view! { <NoticesScreen/> }.into_any(),
        Screen::City => view! { <SwitchCity/> }.into_any(),
        Screen::WalkInConsents => view! { <WalkInConsents/> }.into_any(),
        Screen::WalkInReceipt => view! { <WalkInReceiptScreen/> }.into_any(),
    }
}

#[component]
fn Header() -> impl IntoView {
    let CurrentLang(lang) = expect_context::<CurrentLang>();
    let ChosenCity(chosen) = expect_context::<ChosenCity>();
    let desk = use_desk();
    let on_duty =
        Memo::new(move |_| desk.with(|d| d.as_ref().is_some_and(|d| d.on_duty.is_some())));
    let nav = use_nav();
    let switch = LangSwitch::new(lang);
    let choose = move |l: Lang| {
        switch.to(l, move || {
            spawn_local(async move {
                let _ = ipc::call(ipc::SetLanguage { lang: l }).await;
            });
        });
    };
    view! {
        <header class="topbar">
            <button class="brand" on:click=move |_| nav.0.set(vec![Screen::Home])
                // The name begins with what the button shows (WCAG 2.5.3, label in name).
                aria-label=move || format!("{} – {}", t("app-name"), t("nav-home"))>
                // The mark is drawn by the stylesheet: a picture, not a word of the name.
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">{move || t("app-name")}</span>
            </button>
            // Before a home city is chosen there is nothing sent, and the picker lists the help
            // lines itself.
            <Show when=move || on_duty.get()>
                <LockButton/>
            </Show>
            // Behind a site's locked desk there is nothing to open.
            <Show when=move || chosen.with(Option::is_some) && !desk.with(is_locked)>
                <button class="help-link" id="open-outbox" on:click=move |_| nav.go(Screen::Outbox)>
                    {move || t("nav-outbox")}
                </button>
                <button class="help-link" id="open-contacts" on:click=move |_| nav.go(Screen::Contacts)>
                    {move || t("nav-help")}
                </button>
            </Show>
            <div class="lang-switch" role="group" aria-label=move || t("language-switch-label")>
                {Lang::ALL.into_iter().map(|l| view! {
                    <button id=format!("lang-{}", l.tag()) lang=l.tag()
                        class:active=move || lang.get() == l
                        aria-pressed=move || (lang.get() == l).to_string()
                        aria-label=switch_name(l) title=l.endonym()
                        on:click=move |_| choose(l)>{l.short_name()}</button>
                }).collect_view()}
            </div>
        </header>
    }
}

/// A language button's accessible name: the language's own name, after the short name the
/// button shows where the full name does not contain it ("EN – English", "简体中文"), so that a
/// person who says what they see to a voice control reaches it (WCAG 2.5.3).
fn switch_name(l: Lang) -> String {
    if l.endonym().contains(l.short_name()) {
        l.endonym().to_owned()
    } else {
        format!("{} – {}", l.short_name(), l.endonym())
    }
}

#[component]
fn BackendBanner() -> impl IntoView {
    let status = expect_context::<RwSignal<BackendStatus>>();
    let checking = RwSignal::new(false);
    let retry = move |_| {
        checking.set(true);
        spawn_local(async move {
            if let Ok(s) = ipc::call(ipc::RefreshBackend {}).await {
                status.set(s);
            }
            checking.set(false);
        });
    };
    move || match status.get() {
        BackendStatus::Offline => view! {
            <div id="backend-status" class="banner offline" role="status" data-state="offline">
                <span class="dot" aria-hidden="true"></span>
                <span class="banner-text">{move || t("status-offline")}</span>
                <button class="link" on:click=retry disabled=move || checking.get()>
                    {move || if checking.get() { t("status-checking") } else { t("status-retry") }}
                </button>
            </div>
        }
        .into_any(),
        BackendStatus::Online {
            update_refused: true,
            ..
        } => view! {
            <div id="backend-status" class="banner offline" role="status" data-state="online"
                data-update-refused="true">
                <span class="dot" aria-hidden="true"></span>
                <span class="banner-text">{move || t("status-update-refused")}</span>
            </div>
        }
        .into_any(),
        BackendStatus::Online { .. } => view! {
            <div id="backend-status" class="banner online" role="status" data-state="online">
                <span class="dot" aria-hidden="true"></span>
                <span class="banner-text">{move || t("status-online")}</span>
            </div>
        }
        .into_any(),
        BackendStatus::Unknown => view! {
            <div id="backend-status" class="banner unknown" role="status" data-state="unknown">
                <span class="banner-text">{move || t("status-checking")}</span>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn Fatal(error: homeward_domain::ApiError) -> impl IntoView {
    use homeward_domain::ErrorCode;
    let key = format!("error-{}", error.code.slug());
    let code = error.code;
    let starting = RwSignal::new(false);
    let failed = RwSignal::new(None::<homeward_domain::ApiError>);
    let start_again = move |_| {
        starting.set(true);
        spawn_local(async move {
            if let Err(e) = ipc::call(ipc::StartAgain {}).await {
                failed.set(Some(e));
                starting.set(false);
            }
        });
    };
    view! {
        <section class="card fatal" role="alert">
            <h1>{move || t("fatal-title")}</h1>
            <p>{move || t(&key)}</p>
            {match code {
                // Restarting does not bring keys back: the person chooses what to do.
                ErrorCode::KeysMissing => view! {
                    <button class="primary" id="start-again" on:click=start_again disabled=move || starting.get()>
                        {move || t("fatal-start-again")}
                    </button>
                    {move || failed.get().map(|e| {
                        let key = format!("error-{}", e.code.slug());
                        view! { <p class="error" role="alert">{move || t(&key)}</p> }
                    })}
                }
                .into_any(),
                ErrorCode::NoKeyStore => ().into_any(),
                _ => view! { <p class="muted">{move || t("fatal-hint")}</p> }.into_any(),
            }}
        </section>
    }
}
