//! Help lines and overseas liaison sites: a tap calls or writes to them.

use homeward_domain::catalog::{Contacts, HelpLine, Mission, Source};
use homeward_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{pick, t, t_args};
use crate::ipc;
use crate::screens::notices::{country_name, CountryPicker};
use crate::widgets::{BackLink, ErrorNote};

fn open(url: String) {
    spawn_local(async move {
        let _ = ipc::open_url(&url).await;
    });
}

fn dial(number: &str) -> String {
    format!("tel:{}", number.replace([' ', '-'], ""))
}

#[component]
pub fn ContactsScreen() -> impl IntoView {
    let contacts = RwSignal::new(None::<Result<Contacts, ApiError>>);
    let load =
        move || spawn_local(async move { contacts.set(Some(ipc::call(ipc::Contacts {}).await)) });
    load();
    let chosen = Signal::derive(move || {
        contacts.with(|c| {
            c.as_ref()
                .and_then(|c| c.as_ref().ok())
                .and_then(|c| c.country.clone())
        })
    });
    view! {
        <BackLink/>
        <h1 id="contacts-title">{move || t("contacts-title")}</h1>
        <p class="lead">{move || t("contacts-lead")}</p>
        {move || match contacts.get() {
            None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorNote error=e/> }.into_any(),
            Some(Ok(c)) => view! {
                <section class="section" id="missions">
                    <h2>{move || t("contacts-missions")}</h2>
                    <CountryPicker chosen=chosen on_changed=Callback::new(move |()| load())/>
                    <MissionList missions=c.missions.clone() country=c.country.clone()/>
                </section>
                <ContactList contacts=c/>
            }.into_any(),
        }}
    }
}

/// The embassy and consulates for the person's country, each with where its details come from.
#[component]
fn MissionList(missions: Vec<Mission>, country: Option<String>) -> impl IntoView {
    let empty = missions.is_empty();
    view! {
        {empty.then(|| view! {
            <p class="muted" id="missions-empty">{move || match &country {
                Some(c) => t_args("contacts-missions-none", &[("country", country_name(c).into())]),
                None => t("contacts-missions-choose"),
            }}</p>
        })}
        <ul class="cards contacts">
            {missions.into_iter().map(|m| {
                let (name, city, address, area) = (m.name, m.city, m.address, m.area);
                let kind = m.kind;
                view! {
                    <li class="card mission" data-id=m.id.clone() data-kind=kind.slug()>
                        <h3>{move || pick(&name)}</h3>
                        <p class="eyebrow">{move || format!("{} · {}", t(&format!("mission-kind-{}", kind.slug())), pick(&city))}</p>
                        <dl class="site-facts">
                            <dt>{move || t("contacts-address")}</dt><dd>{move || pick(&address)}</dd>
                            {area.map(|a| view! {
                                <dt>{move || t("contacts-mission-area")}</dt><dd>{move || pick(&a)}</dd>
                            })}
                        </dl>
                        // Where the protection line is the only number published, it is shown once.
                        {(m.protection_phone.as_deref() != Some(m.phone.as_str())).then(|| view! {
                            <ContactActions phone=Some(m.phone.clone()) email=None show_email=false/>
                        })}
                        {m.protection_phone.map(|p| {
                            let url = dial(&p);
                            view! {
                                <p class="protection">
                                    <button class="action urgent" on:click=move |_| open(url.clone())>
                                        {move || t("contacts-mission-protection")} " " <span class="number">{p.clone()}</span>
                                    </button>
                                </p>
                            }
                        })}
                        {m.website.map(|w| {
                            let url = w.clone();
                            view! { <p><button class="link" on:click=move |_| open(url.clone())>{w}</button></p> }
                        })}
                        <SourceNote source=m.source/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Where a contact's details were read, and when.
#[component]
fn SourceNote(source: Source) -> impl IntoView {
    let url = source.url.clone();
    view! {
        <p class="muted source-note">
            {move || t_args("contacts-source", &[("date", source.date.clone().into())])} " "
            <button class="link" on:click=move |_| open(url.clone())>{source.title.clone()}</button>
        </p>
    }
}

#[component]
fn ContactList(contacts: Contacts) -> impl IntoView {
    view! {
        <section class="section">
            <h2>{move || t("contacts-help-lines")}</h2>
            <ul class="cards contacts">
                {contacts.help_lines.into_iter().map(|line| view! { <HelpLineCard line=line described=true/> }).collect_view()}
            </ul>
        </section>
        <section class="section">
            <h2>{move || t("contacts-sites")}</h2>
            <ul class="cards contacts">
                {contacts.sites.into_iter().map(|site| {
                    let s = site.clone();
                    view! {
                        <li class="card site" data-id=site.id.clone()>
                            <h3>{let n = s.name.clone(); move || pick(&n)}</h3>
                            <p class="eyebrow">{let (c, k) = (s.city.clone(), s.country_name.clone()); move || format!("{} · {}", pick(&c), pick(&k))}</p>
                            <dl class="site-facts">
                                <dt>{move || t("contacts-address")}</dt><dd>{let a = s.address.clone(); move || pick(&a)}</dd>
                                <dt>{move || t("contacts-hours")}</dt><dd>{let h = s.hours.clone(); move || pick(&h)}</dd>
                                <dt>{move || t("contacts-languages")}</dt><dd>{let l = s.languages.clone(); move || pick(&l)}</dd>
                            </dl>
                            <ContactActions phone=site.phone.clone() email=site.email.clone() show_email=false/>
                            {site.source.map(|source| view! { <SourceNote source=source/> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One help line: its name, what it is for (when `described`), its hours, and a way to call it.
#[component]
pub fn HelpLineCard(line: HelpLine, described: bool) -> impl IntoView {
    let (name, desc, hours) = (line.name, line.description, line.hours);
    view! {
        <li class="card help-line" data-id=line.id>
            <h3>{move || pick(&name)}</h3>
            {described.then(|| view! { <p>{move || pick(&desc)}</p> })}
            <p class="muted">{move || pick(&hours)}</p>
            <ContactActions phone=line.phone email=line.email show_email=true/>
            {line.source.filter(|_| described).map(|source| view! { <SourceNote source=source/> })}
        </li>
    }
}

/// Call and e-mail buttons; a tap opens the dialer or the mail client.
#[component]
fn ContactActions(phone: Option<String>, email: Option<String>, show_email: bool) -> impl IntoView {
    view! {
        <div class="contact-actions">
            {phone.map(|p| {
                let url = dial(&p);
                view! {
                    <button class="action" on:click=move |_| open(url.clone())>
                        {move || t("contacts-call")} " " <span class="number">{p.clone()}</span>
                    </button>
                }
            })}
            {email.map(|m| {
                let url = format!("mailto:{m}");
                let shown = show_email.then(|| m.clone());
                view! {
                    <button class="action" on:click=move |_| open(url.clone())>
                        {move || t("contacts-write")} " " {shown.clone()}
                    </button>
                }
            })}
        </div>
    }
}
