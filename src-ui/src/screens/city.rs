//! The first screen of a new installation: which city is home. The app sends to that city's
//! backend only; until a city is chosen nothing is sent anywhere.

use std::collections::BTreeSet;

use homeward_domain::city::{HomeCity, HomeCityView};
use homeward_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{pick, t, t_args};
use crate::ipc;
use crate::screens::contacts::HelpLineCard;
use crate::widgets::ErrorNote;

/// The host part of a backend address, as a person can check it against what the city
/// publishes.
pub fn host_of(address: &str) -> String {
    let rest = address.split_once("://").map_or(address, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}

#[component]
pub fn CityPicker(cities: Vec<HomeCity>, on_chosen: Callback<HomeCityView>) -> impl IntoView {
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
            <h1>{move || t("city-title")}</h1>
            <p class="lead">{move || t("city-lead")}</p>
            <ul class="cards cities">
                {cities.into_iter().map(|city| {
                    let (name, region) = (city.name.clone(), city.region.clone());
                    let label = city.name.clone();
                    let id = city.id.clone();
                    let busy = {
                        let id = id.clone();
                        move || choosing.get().is_some_and(|c| c == id)
                    };
                    view! {
                        <li class="card city" data-id=id.clone()>
                            <h2>{move || pick(&name)}</h2>
                            <p class="eyebrow">{move || pick(&region)}</p>
                            <p class="muted">
                                {move || t("city-server")} " "
                                <code class="city-host">{host_of(&city.backend)}</code>
                            </p>
                            <button class="primary" id=format!("choose-city-{id}")
                                disabled=move || choosing.get().is_some()
                                on:click={
                                    let id = id.clone();
                                    move |_| choose(id.clone())
                                }>
                                {move || if busy() {
                                    t("city-choosing")
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
