//! Home: the catalogue by category, and the person's applications in progress.

use homeward_domain::catalog::{Category, SearchHit};
use homeward_domain::display::{HomeList, StartStep};
use homeward_domain::{ApiError, CatalogueOverview, DraftCursor, DraftSummary};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, CatalogueVersion, ChosenCity, Screen, StartedList};
use crate::i18n::{lang_signal, pick, t, t_args};
use crate::ipc;
use crate::screens::city::{city_name, current_city_name};
use crate::screens::notices::AlertBanner;
use crate::widgets::{format_time, progress_text, Badges, ErrorNote, StatusTag, TextSizeControl};

#[component]
pub fn HomeScreen() -> impl IntoView {
    let overview = RwSignal::new(None::<Result<CatalogueOverview, ApiError>>);
    let drafts = Drafts {
        shown: RwSignal::new(Vec::new()),
        next: RwSignal::new(None),
        error: RwSignal::new(None),
    };
    // The first time, the first screen's answer brought the list; later it is asked for.
    let StartedList(started) = expect_context::<StartedList>();
    match started.try_update_value(Option::take).flatten() {
        Some(HomeList {
            drafts: page,
            overview: shown,
        }) => {
            drafts.shown.set(page.drafts);
            drafts.next.set(page.next);
            overview.set(Some(Ok(shown)));
        }
        None => spawn_local(async move {
            if let Ok(page) = ipc::call(ipc::DraftPageOf { after: None }).await {
                drafts.shown.set(page.drafts);
                drafts.next.set(page.next);
            }
            overview.set(Some(ipc::call(ipc::CatalogOverview {}).await));
        }),
    }
    // A newer catalogue taken while the screen is open is shown at once.
    let CatalogueVersion(version) = expect_context::<CatalogueVersion>();
    Effect::new(move |seen: Option<Option<u64>>| {
        let now = version.get();
        if seen.is_some_and(|seen| seen != now) {
            spawn_local(async move {
                if let Ok(fresh) = ipc::call(ipc::CatalogOverview {}).await {
                    overview.set(Some(Ok(fresh)));
                }
            });
        }
        now
    });

    let nav = use_nav();
    let query = RwSignal::new(String::new());
    let hits = RwSignal::new(None::<Vec<SearchHit>>);
    // Taken while the screen is built, where the context is; the handler and its task run
    // outside it.
    let current_lang = lang_signal();
    let on_input = move |ev| {
        let q = event_target_value(&ev);
        let search_lang = current_lang.map(|l| l.get_untracked()).unwrap_or_default();
        query.set(q.clone());
        if q.trim().is_empty() {
            hits.set(None);
            return;
        }
        spawn_local(async move {
            let found = ipc::call(ipc::Search {
                query: q.clone(),
                lang: search_lang,
            })
            .await
            .unwrap_or_default();
            // Answers can arrive out of order; only the latest query's answer counts.
            if query.get_untracked() == q {
                hits.set(Some(found));
            }
        });
    };

    view! {
        <AlertBanner/>
        <section class="hero">
            <h1>{move || t("home-title")}</h1>
            <p class="lead">{move || t_args("home-lead", &[
                ("city", current_city_name().map(|c| pick(&c)).unwrap_or_default().into()),
            ])}</p>
            <p class="home-city">
                <button class="link" id="switch-city" on:click=move |_| nav.go(Screen::City)>
                    {move || t_args("home-city-switch", &[
                        ("city", current_city_name().map(|c| pick(&c)).unwrap_or_default().into()),
                    ])}
                </button>
                <TextSizeControl/>
            </p>
            <div class="search" role="search">
                <label for="search" class="visually-hidden">{move || t("search-label")}</label>
                <input id="search" type="search" autocomplete="off" spellcheck="false"
                    placeholder=move || t("search-placeholder") prop:value=move || query.get()
                    on:input=on_input/>
            </div>
        </section>
        {move || match overview.get() {
            None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorNote error=e/> }.into_any(),
            Some(Ok(ov)) => match hits.get() {
                Some(found) => view! { <Results overview=ov hits=found query=query/> }.into_any(),
                None => view! { <Catalogue overview=ov list=drafts/> }.into_any(),
            },
        }}
    }
}

#[component]
fn Results(
    overview: CatalogueOverview,
    hits: Vec<SearchHit>,
    query: RwSignal<String>,
) -> impl IntoView {
    let nav = use_nav();
    let count = hits.len();
    // Each result's guide by its id: one pass over the overview, however many results.
    let mut by_id: std::collections::HashMap<_, _> = overview
        .guides
        .into_iter()
        .map(|g| (g.id.clone(), g))
        .collect();
    let cards = hits
        .into_iter()
        .filter_map(|h| by_id.remove(&h.id))
        .map(|g| guide_card(g, nav))
        .collect_view();
    view! {
        <section class="section results" aria-live="polite">
            <h2 id="results-count">{move || t_args("search-results", &[("count", count.into())])}</h2>
            {(count == 0).then(|| view! {
                <div class="card empty">
                    <p>{move || t("search-none")}</p>
                    <button class="link" on:click=move |_| query.set(String::new())>{move || t("search-clear")}</button>
                    " · "
                    <button class="link" on:click=move |_| nav.go(Screen::Contacts)>{move || t("search-ask")}</button>
                </div>
            })}
            <ul class="cards">{cards}</ul>
        </section>
    }
}

/// How many guides the first screen of the list holds at most: three rows of the widest grid.
const FIRST_SCREEN_GUIDES: usize = 12;

/// How many of the categories (in order) it takes to fill the first screen: at least one.
fn first_screen(groups: &[(Category, Vec<homeward_domain::GuideSummary>)]) -> usize {
    let mut guides = 0;
    groups
        .iter()
        .take_while(|(_, g)| {
            let before = guides;
            guides += g.len();
            before < FIRST_SCREEN_GUIDES
        })
        .count()
}

/// The categories' sections, each with its guides' cards.
fn categories(
    groups: Vec<(Category, Vec<homeward_domain::GuideSummary>)>,
    nav: crate::app::Nav,
) -> impl IntoView {
    groups
        .into_iter()
        .map(|(category, guides)| {
            let key = format!("category-{}", category.slug());
            view! {
                <section class="section category" id=format!("cat-{}", category.slug())
                    data-category=category.slug()>
                    <h2>{move || t(&key)}</h2>
                    <ul class="cards">
                        {guides.into_iter().map(|g| guide_card(g, nav)).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}

fn guide_card(g: homeward_domain::GuideSummary, nav: crate::app::Nav) -> impl IntoView {
    let id = g.id.0.clone();
    let title = g.title.clone();
    let summary = g.summary.clone();
    view! {
        <li>
            <button class="card guide-card" data-guide=id.clone()
                on:click=move |_| nav.go(Screen::Guide(id.clone()))>
                <h3>{move || pick(&title)}</h3>
                <p>{move || pick(&summary)}</p>
                <Badges trips=g.trips entrustable=g.entrustable time_limit_days=g.time_limit_days
                    time_limit_kind=g.time_limit_kind/>
            </button>
        </li>
    }
}

/// The person's applications as far as they are shown: a page at a time, most recent first.
#[derive(Clone, Copy)]
struct Drafts {
    shown: RwSignal<Vec<DraftSummary>>,
    /// Where the next page starts; none once all are shown.
    next: RwSignal<Option<DraftCursor>>,
    error: RwSignal<Option<ApiError>>,
}

impl Drafts {
    /// Shows the next page below those shown. The cursor is taken while the page loads, so a
    /// second press cannot load it twice.
    fn more(self) {
        let Some(after) = self.next.get_untracked() else {
            return;
        };
        self.next.set(None);
        spawn_local(async move {
            match ipc::call(ipc::DraftPageOf {
                after: Some(after.clone()),
            })
            .await
            {
                Ok(page) => {
                    self.shown.update(|d| d.extend(page.drafts));
                    self.next.set(page.next);
                    self.error.set(None);
                }
                Err(e) => {
                    self.next.set(Some(after));
                    self.error.set(Some(e));
                }
            }
        });
    }
}

#[component]
fn Catalogue(overview: CatalogueOverview, list: Drafts) -> impl IntoView {
    let Drafts {
        shown: drafts,
        next,
        error,
    } = list;
    let nav = use_nav();
    let ChosenCity(chosen) = expect_context::<ChosenCity>();
    let current = chosen.with_untracked(|c| c.as_ref().map(|c| c.city.id.clone()));
    // A draft's city is named once the list holds more than one city's drafts.
    let several_cities = Memo::new(move |_| {
        drafts.with(|d| d.iter().any(|s| Some(&s.draft.city) != current.as_ref()))
    });
    let mut groups: Vec<(Category, Vec<homeward_domain::GuideSummary>)> = Category::ALL
        .into_iter()
        .filter_map(|c| {
            let guides: Vec<_> = overview
                .guides
                .iter()
                .filter(|g| g.category == c)
                .cloned()
                .collect();
            (!guides.is_empty()).then_some((c, guides))
        })
        .collect();
    // At the app's start, the first screen is painted with the categories that fill it, and the
    // others follow once it has been (Wenzhou's first two categories: 15 cards of 84). Coming
    // back to the list later, all are there at once, for a chip to jump to.
    let chips: Vec<(Category, usize)> = groups.iter().map(|(c, g)| (*c, g.len())).collect();
    let first_paint = !crate::start_reached(StartStep::FirstPaint);
    let rest = groups.split_off(if first_paint {
        first_screen(&groups)
    } else {
        groups.len()
    });
    let rest_shown = RwSignal::new(!first_paint);
    // Once the first guides are on screen: the frame after next has painted them.
    Effect::new(move |_| {
        request_animation_frame(move || {
            request_animation_frame(move || {
                crate::mark_start(StartStep::FirstPaint);
                // Set once: setting it again would build the rest again under a tap.
                if !rest_shown.get_untracked() {
                    rest_shown.set(true);
                }
            });
        });
    });
    let notice = overview.notice.clone();
    let version = overview.version;
    let published = overview.published.clone();

    view! {
        <Show when=move || !drafts.with(Vec::is_empty)>
            <section class="section" id="my-drafts">
                <h2>{move || t("home-drafts-title")}</h2>
                <ul class="list">
                    {
                        move || drafts.get().into_iter().map(|DraftSummary { draft: d, review, title, offered }| {
                            let id = d.id;
                            let city = several_cities.get().then(|| city_name(&d.city));
                            view! {
                                <li>
                                    <button class="row draft-row" data-draft=id.to_string()
                                        on:click=move |_| nav.go(Screen::Draft(id))>
                                        <span class="row-head">
                                            <span class="row-title">{move || pick(&title)}</span>
                                            {(!offered).then(|| view! {
                                                <span class="tag tag-withdrawn">{move || t("draft-withdrawn-tag")}</span>
                                            })}
                                            <StatusTag status=review.status/>
                                        </span>
                                        {city.map(|c| view! {
                                            <span class="row-city" data-city=d.city.clone()>{move || pick(&c)}</span>
                                        })}
                                        <span class="row-meta">
                                            {let r = review.clone(); move || progress_text(&r)}
                                            " · "
                                            {move || t_args("draft-updated", &[("when", format_time(d.updated_at).into())])}
                                        </span>
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }
                </ul>
                <Show when=move || next.with(Option::is_some)>
                    <button class="link" id="more-drafts" on:click=move |_| list.more()>
                        {move || t("home-drafts-more")}
                    </button>
                </Show>
                {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            </section>
        </Show>
        <nav class="chips" aria-label=move || t("home-categories")>
            {chips.into_iter().map(|(category, n)| {
                let key = format!("category-{}", category.slug());
                let target = format!("cat-{}", category.slug());
                view! {
                    <button class="chip" on:click=move |_| scroll_to(&target)>
                        {move || t(&key)} <span class="chip-count">{n}</span>
                    </button>
                }
            }).collect_view()}
        </nav>
        {categories(groups, nav)}
        // Everything below the first categories comes with the rest of them, so nothing a
        // person (or a test) is about to tap moves down under them once it is there.
        {move || rest_shown.get().then(|| {
            let notice = notice.clone();
            let published = published.clone();
            view! {
                {categories(rest.clone(), nav)}
                <section class="section privacy-link">
                    <button class="link" id="open-identity" on:click=move |_| nav.go(Screen::Identity)>
                        {move || t("identity-link")}
                    </button>
                    <button class="link" id="open-letters" on:click=move |_| nav.go(Screen::Letters)>
                        {move || t("letters-link")}
                    </button>
                    <button class="link" id="open-privacy" on:click=move |_| nav.go(Screen::Privacy)>
                        {move || t("privacy-link")}
                    </button>
                    <button class="link" id="open-site" on:click=move |_| nav.go(Screen::Site)>
                        {move || t("site-link")}
                    </button>
                </section>
                <footer class="catalogue-footer">
                    <p class="notice">{move || pick(&notice)}</p>
                    <p class="muted" id="catalogue-version">
                        {move || t_args("catalogue-version", &[
                            ("version", version.into()),
                            ("date", published.clone().into()),
                        ])}
                    </p>
                </footer>
            }
        })}
    }
}

fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
