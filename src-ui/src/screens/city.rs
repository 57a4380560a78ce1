//! Which city is home: the first screen of a new installation, and the screen to switch city.
//! Each application goes to its own city's backend only; until a city is chosen nothing is sent
//! anywhere.

use std::collections::BTreeSet;

use homeward_domain::city::{HomeCity, HomeCityView};
use homeward_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, ChosenCity, KnownCities, Screen};
use crate::i18n::{pick, t, t_args};
use crate::ipc;
use crate::screens::contacts::HelpLineCard;
use crate::widgets::{BackLink, ErrorNote};

/// The host part of a backend address, as a person can check it against what the city
/// publishes.
pub fn host_of(address: &str) -> String {
    let rest = address.split_once("://").map_or(address, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}

/// The name of city `id` as the list gives it (the id itself for a city no longer listed).
pub fn city_name(id: &str) -> homeward_domain::LocalizedText {
    let KnownCities(cities) = expect_context::<KnownCities>();
    cities.with_untracked(|list| {
        list.iter().find(|c| c.id == id).map_or_else(
            || {
                homeward_domain::LocalizedText(
                    std::iter::once(("en".into(), id.to_owned())).collect(),
                )
            },
            |c| c.name.clone(),
        )
    })
}

/// The current city's name, if one is chosen.
pub fn current_city_name() -> Option<homeward_domain::LocalizedText> {
    let ChosenCity(chosen) = expect_context::<ChosenCity>();
    chosen.with(|c| c.as_ref().map(|c| c.city.name.clone()))
}

/// The screen to switch the current city: the same list, the current one marked.
#[component]
pub fn SwitchCity() -> impl IntoView {
    let ChosenCity(chosen) = expect_context::<ChosenCity>();
    let KnownCities(cities) = expect_context::<KnownCities>();
    let nav = use_nav();
    let current = chosen.with_untracked(|c| c.as_ref().map(|c| c.city.id.clone()));
    view! {
        <BackLink/>
        <CityPicker cities=cities.get_untracked() current=current.unwrap_or_default()
            on_chosen=Callback::new(move |view| {
                chosen.set(Some(view));
                nav.start_over(Screen::Home);
            })/>
    }
}

#[component]
pub fn CityPicker(
    cities: Vec<HomeCity>,
    #[prop(optional, into)] current: Option<String>,
    on_chosen: Callback<HomeCityView>,
) -> impl IntoView {
    let switching = current.is_some();
    let choosing = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let choose = move |id: String| {
        choosing.set(Some(id.clone()));
        error.set(None);
        spawn_local(async move {
            match ipc::call(ipc::ChooseCity { id }).await {
                Ok(view) => on_chosen.run(view),
                Err(e) => {
                    error.set(Some(e));
                    choosing.set(None);
                }
            }
        });
    };
    // Each line once, however many cities list it (12308 is everyone's).
    let mut seen = BTreeSet::new();
    let lines: Vec<_> = cities
        .iter()
        .flat_map(|c| c.help_lines.iter().cloned())
        .filter(|l| seen.insert(l.id.clone()))
        .collect();
    view! {
        <section id="city-picker" class="city-picker">
            <h1>{move || if switching { t("city-switch-title") } else { t("city-title") }}</h1>
            <p class="lead">{move || if switching { t("city-switch-lead") } else { t("city-lead") }}</p>
            <ul class="cards cities">
                {cities.into_iter().map(|city| {
                    let (name, region) = (city.name.clone(), city.region.clone());
                    let label = city.name.clone();
                    let id = city.id.clone();
                    let is_current = current.as_deref() == Some(id.as_str());
                    let busy = {
                        let id = id.clone();
                        move || choosing.get().is_some_and(|c| c == id)
                    };
                    view! {
                        <li class="card city" class:current=is_current data-id=id.clone()>
                            <h2>{move || pick(&name)}</h2>
                            <p class="eyebrow">{move || pick(&region)}</p>
                            <p class="muted">
                                {move || t("city-server")} " "
                                <code class="city-host">{host_of(&city.backend)}</code>
                            </p>
                            <button class="primary" id=format!("choose-city-{id}")
                                disabled=move || is_current || choosing.get().is_some()
                                aria-current=is_current.then_some("true")
                                on:click={
                                    let id = id.clone();
                                    move |_| choose(id.clone())
                                }>
                                {move || if busy() {
                                    t("city-choosing")
                                } else if is_current {
                                    t("city-current")
                                } else if switching {
                                    t_args("city-switch-to", &[("city", pick(&label).into())])
                                } else {
                                    t_args("city-choose", &[("city", pick(&label).into())])
                                }}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <p class="muted">{move || t("city-once")}</p>
            {(!lines.is_empty()).then(|| view! {
                <section class="section">
                    <h2>{move || t("city-help-title")}</h2>
                    <ul class="cards contacts">
                        {lines.into_iter().map(|line| view! { <HelpLineCard line=line described=false/> }).collect_view()}
                    </ul>
                </section>
            })}
        </section>
    }
}
