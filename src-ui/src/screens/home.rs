//! Home: the catalogue by category, and the person's applications in progress.

use homeward_domain::catalog::Category;
use homeward_domain::{ApiError, CatalogueOverview, Draft};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{pick, t, t_args};
use crate::ipc;
use crate::widgets::{format_time, Badges, ErrorNote};

#[component]
pub fn HomeScreen() -> impl IntoView {
    let overview = RwSignal::new(None::<Result<CatalogueOverview, ApiError>>);
    let drafts = RwSignal::new(Vec::<Draft>::new());
    spawn_local(async move {
        overview.set(Some(ipc::catalog_overview().await));
        if let Ok(list) = ipc::drafts().await {
            drafts.set(list);
        }
    });

    view! {
        <section class="hero">
            <h1>{move || t("home-title")}</h1>
            <p class="lead">{move || t("home-lead")}</p>
        </section>
        {move || match overview.get() {
            None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorNote error=e/> }.into_any(),
            Some(Ok(ov)) => view! { <Catalogue overview=ov drafts=drafts/> }.into_any(),
        }}
    }
}

#[component]
fn Catalogue(overview: CatalogueOverview, drafts: RwSignal<Vec<Draft>>) -> impl IntoView {
    let nav = use_nav();
    let titles: std::collections::HashMap<String, homeward_domain::LocalizedText> = overview
        .guides
        .iter()
        .map(|g| (g.id.0.clone(), g.title.clone()))
        .collect();
    let groups: Vec<(Category, Vec<homeward_domain::GuideSummary>)> = Category::ALL
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
    let notice = overview.notice.clone();
    let version = overview.version;
    let published = overview.published.clone();

    view! {
        <Show when=move || !drafts.with(Vec::is_empty)>
            <section class="section" id="my-drafts">
                <h2>{move || t("home-drafts-title")}</h2>
                <ul class="list">
                    {
                        let titles = titles.clone();
                        move || drafts.get().into_iter().map(|d| {
                            let title = titles.get(&d.guide_id.0).cloned().unwrap_or_default();
                            let id = d.id;
                            let answered = d.answers.len();
                            view! {
                                <li>
                                    <button class="row draft-row" data-draft=id.to_string()
                                        on:click=move |_| nav.go(Screen::Draft(id))>
                                        <span class="row-title">{move || pick(&title)}</span>
                                        <span class="row-meta">
                                            {move || t_args("draft-answered", &[("count", answered.into())])}
                                            " · "
                                            {move || t_args("draft-updated", &[("when", format_time(d.updated_at).into())])}
                                        </span>
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }
                </ul>
            </section>
        </Show>
        {groups.into_iter().map(|(category, guides)| {
            let key = format!("category-{}", category.slug());
            view! {
                <section class="section category" data-category=category.slug()>
                    <h2>{move || t(&key)}</h2>
                    <ul class="cards">
                        {guides.into_iter().map(|g| {
                            let id = g.id.0.clone();
                            let title = g.title.clone();
                            let summary = g.summary.clone();
                            view! {
                                <li>
                                    <button class="card guide-card" data-guide=id.clone()
                                        on:click=move |_| nav.go(Screen::Guide(id.clone()))>
                                        <h3>{move || pick(&title)}</h3>
                                        <p>{move || pick(&summary)}</p>
                                        <Badges trips=g.trips entrustable=g.entrustable
                                            time_limit_days=g.time_limit_days/>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
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
}
