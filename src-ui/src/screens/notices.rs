//! Notices: safety alerts, changes to a service and closed liaison sites, for the country the
//! person lives in (chosen here, kept on the device). Shown from what the app keeps, so they
//! read offline; the home screen carries the current safety alerts.

use homeward_domain::notice::{NoticeKind, NoticeView, Notices, RESIDENCE_COUNTRIES};
use homeward_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{pick, t, t_args};
use crate::ipc;
use crate::widgets::{format_time, BackLink, ErrorNote};

/// The notices the app keeps, for every screen; read again when the shell says they changed.
#[derive(Clone, Copy)]
pub struct NoticesCtx(pub RwSignal<Option<Notices>>);

/// Reads the kept notices into the context.
pub fn reload_notices(notices: RwSignal<Option<Notices>>) {
    spawn_local(async move {
        if let Ok(n) = ipc::call(ipc::Notices {}).await {
            notices.set(Some(n));
        }
    });
}

pub fn country_name(code: &str) -> String {
    t(&format!("country-{}", code.to_ascii_lowercase()))
}

#[component]
pub fn NoticesScreen() -> impl IntoView {
    let NoticesCtx(notices) = expect_context::<NoticesCtx>();
    reload_notices(notices);
    let chosen =
        Signal::derive(move || notices.with(|n| n.as_ref().and_then(|n| n.country.clone())));
    view! {
        <BackLink/>
        <h1 id="notices-title">{move || t("notices-title")}</h1>
        <p class="lead">{move || t("notices-lead")}</p>
        <CountryPicker chosen=chosen on_changed=Callback::new(|()| ())/>
        {move || match notices.get() {
            None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
            Some(n) => view! { <NoticeList notices=n/> }.into_any(),
        }}
    }
}

/// The person's country of residence, chosen from the list; kept on the device. The notices
/// follow at once; `on_changed` is told after them.
#[component]
pub fn CountryPicker(chosen: Signal<Option<String>>, on_changed: Callback<()>) -> impl IntoView {
    let NoticesCtx(notices) = expect_context::<NoticesCtx>();
    let error = RwSignal::new(None::<ApiError>);
    let on_country = move |ev| {
        let code = event_target_value(&ev);
        spawn_local(async move {
            let country = (!code.is_empty()).then_some(code);
            match ipc::call(ipc::SetResidenceCountry { country }).await {
                Ok(n) => {
                    error.set(None);
                    notices.set(Some(n));
                    on_changed.run(());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="field country-field">
            <label for="residence-country">{move || t("notices-country-label")}</label>
            <p class="hint" id="residence-country-hint">{move || t("notices-country-hint")}</p>
            <select id="residence-country" aria-describedby="residence-country-hint"
                on:change=on_country>
                <option value="" selected=move || chosen.get().is_none()>
                    {move || t("notices-country-none")}
                </option>
                {RESIDENCE_COUNTRIES.iter().map(|code| {
                    let code = *code;
                    view! {
                        <option value=code selected=move || chosen.get().as_deref() == Some(code)>
                            {move || country_name(code)}
                        </option>
                    }
                }).collect_view()}
            </select>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        </div>
    }
}

#[component]
fn NoticeList(notices: Notices) -> impl IntoView {
    let Notices {
        notices,
        country,
        fetched_at,
        refused,
    } = notices;
    let empty = notices.is_empty();
    view! {
        {refused.then(|| view! {
            <p class="field-warning" id="notices-refused" role="status">{move || t("notices-refused")}</p>
        })}
        <p class="muted" id="notices-checked">{move || match fetched_at {
            Some(at) => t_args("notices-checked", &[("time", format_time(at * 1000).into())]),
            None => t("notices-never-checked"),
        }}</p>
        {empty.then(|| {
            let country = country.clone();
            view! {
                <p class="empty" id="notices-empty">{move || match &country {
                    Some(c) => t_args("notices-none-for", &[("country", country_name(c).into())]),
                    None => t("notices-none"),
                }}</p>
            }
        })}
        <ul class="notices">
            {notices.into_iter().map(|n| view! { <NoticeCard notice=n/> }).collect_view()}
        </ul>
    }
}

#[component]
fn NoticeCard(notice: NoticeView) -> impl IntoView {
    let NoticeView {
        notice,
        signer,
        site_names,
        guide_titles,
    } = notice;
    let kind = notice.kind;
    let (title, body) = (notice.title.clone(), notice.body.clone());
    let until = notice.valid_until;
    let nav = use_nav();
    let countries = notice.countries.clone();
    view! {
        <li class="card notice-card" class:alert=kind == NoticeKind::SafetyAlert
            data-id=notice.id.clone() data-kind=kind.slug()>
            <p class="eyebrow">
                <span class=format!("tag notice-kind {}", kind.slug())>
                    {move || t(&format!("notice-kind-{}", kind.slug()))}
                </span>
                " "
                {move || t_args("notices-from", &[("signer", pick(&signer).into())])}
            </p>
            <h2>{move || pick(&title)}</h2>
            <p class="notice-body">{move || pick(&body)}</p>
            <dl class="site-facts">
                {(!countries.is_empty()).then(|| view! {
                    <dt>{move || t("notices-where")}</dt>
                    <dd>{move || countries.iter().map(|c| country_name(c)).collect::<Vec<_>>().join(" · ")}</dd>
                })}
                {(!site_names.is_empty()).then(|| view! {
                    <dt>{move || t("notices-sites")}</dt>
                    <dd>{move || site_names.iter().map(pick).collect::<Vec<_>>().join(" · ")}</dd>
                })}
                <dt>{move || t("notices-until")}</dt>
                <dd>{move || format_time(until * 1000)}</dd>
            </dl>
            {(!notice.guides.is_empty()).then(|| view! {
                <ul class="notice-guides">
                    {notice.guides.iter().zip(guide_titles).map(|(id, title)| {
                        let id = id.0.clone();
                        view! {
                            <li><button class="link" on:click=move |_| nav.go(Screen::Guide(id.clone()))>
                                {move || pick(&title)}
                            </button></li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {notice.source.map(|s| {
                let url = s.url.clone();
                view! {
                    <p class="muted notice-source">
                        <button class="link" on:click=move |_| {
                            let url = url.clone();
                            spawn_local(async move { let _ = ipc::open_url(&url).await; });
                        }>{s.title.clone()}</button>
                    </p>
                }
            })}
        </li>
    }
}

/// The current safety alerts, at the top of the home screen; a tap opens the notices.
#[component]
pub fn AlertBanner() -> impl IntoView {
    let NoticesCtx(notices) = expect_context::<NoticesCtx>();
    let nav = use_nav();
    let alerts = Memo::new(move |_| {
        notices.with(|n| {
            n.as_ref().map_or_else(Vec::new, |n| {
                n.notices
                    .iter()
                    .filter(|v| v.notice.kind == NoticeKind::SafetyAlert)
                    .map(|v| (v.notice.id.clone(), v.notice.title.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let others = Memo::new(move |_| {
        notices.with(|n| {
            n.as_ref().map_or(0, |n| {
                n.notices
                    .iter()
                    .filter(|v| v.notice.kind != NoticeKind::SafetyAlert)
                    .count()
            })
        })
    });
    view! {
        {move || (!alerts.get().is_empty()).then(|| view! {
            <section class="alert-banner" id="alert-banner" role="region"
                aria-label=move || t("notices-alerts-label")>
                <ul>
                    {alerts.get().into_iter().map(|(id, title)| view! {
                        <li data-id=id>
                            <button class="alert-link" on:click=move |_| nav.go(Screen::Notices)>
                                <strong>{move || t("notice-kind-safety-alert")}</strong>
                                " "
                                {move || pick(&title)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <p class="notices-entry">
            <button class="link" id="open-notices" on:click=move |_| nav.go(Screen::Notices)>
                {move || t_args("notices-open", &[("count", (alerts.get().len() + others.get()).into())])}
            </button>
        </p>
    }
}
