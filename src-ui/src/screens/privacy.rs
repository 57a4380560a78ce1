//! My details and privacy: the minimal profile, the two consents (each given and withdrawn on
//! its own), an export of everything, and erasure of everything from this device.

use homeward_domain::privacy::{Consent, Profile, ProfileProblem};
use homeward_domain::sync::{AccessAction, AccessRecord};
use homeward_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{key, pick, t, t_args};
use crate::ipc;
use crate::widgets::{consent_text, format_time, BackLink, ConfirmAction, ErrorNote};

/// The profile's fields: id, label key, hint key.
const FIELDS: [(&str, &str, &str); 5] = [
    (
        "name-han",
        key("profile-name-han"),
        key("profile-name-han-hint"),
    ),
    (
        "name-pinyin",
        key("profile-name-pinyin"),
        key("profile-name-pinyin-hint"),
    ),
    (
        "birth-date",
        key("profile-birth-date"),
        key("field-date-placeholder"),
    ),
    (
        "id-number",
        key("profile-id-number"),
        key("profile-id-number-hint"),
    ),
    (
        "passport",
        key("profile-passport"),
        key("profile-passport-hint"),
    ),
];

fn get(p: &Profile, field: &str) -> String {
    match field {
        "name-han" => p.name_han.clone(),
        "name-pinyin" => p.name_pinyin.clone(),
        "birth-date" => p.birth_date.clone(),
        "id-number" => p.id_number.clone(),
        _ => p.passport.clone(),
    }
}

fn set(p: &mut Profile, field: &str, value: String) {
    match field {
        "name-han" => p.name_han = value,
        "name-pinyin" => p.name_pinyin = value,
        "birth-date" => p.birth_date = value,
        "id-number" => p.id_number = value,
        _ => p.passport = value,
    }
}

#[component]
pub fn PrivacyScreen() -> impl IntoView {
    let profile = RwSignal::new(Profile::default());
    let problems = RwSignal::new(Vec::<ProfileProblem>::new());
    let saved = RwSignal::new(false);
    let consents = RwSignal::new(Vec::<Consent>::new());
    let address = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    // The cards are shown once what fills them is read (a few milliseconds): built before, they
    // would grow under a person's tap as the consents and the address came in.
    let loaded = RwSignal::new(false);
    spawn_local(async move {
        match ipc::call(ipc::Profile {}).await {
            Ok(Some(p)) => profile.set(p),
            Ok(None) => {}
            Err(e) => error.set(Some(e)),
        }
        match ipc::call(ipc::Consents {}).await {
            Ok(c) => consents.set(c),
            Err(e) => error.set(Some(e)),
        }
        if let Ok(a) = ipc::call(ipc::BackendAddress {}).await {
            address.set(a);
        }
        loaded.set(true);
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let p = profile.get_untracked();
        spawn_local(async move {
            match ipc::call(ipc::SetProfile { profile: p }).await {
                Ok(found) => {
                    saved.set(found.is_empty());
                    problems.set(found);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <BackLink/>
        <section class="privacy">
            <h1 id="privacy-title">{move || t("privacy-title")}</h1>
            <p class="muted">{move || t("privacy-intro")}</p>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <Show when=move || loaded.get()>
                <form class="card profile" id="profile-form" on:submit=save novalidate>
                    <h2>{move || t("profile-title")}</h2>
                    <p class="muted">{move || t("profile-why")}</p>
                    {FIELDS.into_iter().map(|(field, label, hint)| {
                        let problem = move || {
                            problems.with(|ps| ps.iter().find(|p| p.field == field).map(|p| p.code))
                        };
                        view! {
                            <div class="field" class:has-error=move || problem().is_some()>
                                <label for=format!("profile-{field}")>{move || t(label)}</label>
                                <p class="hint">{move || t(hint)}</p>
                                {move || problem().map(|code| view! {
                                    <p class="field-error" id=format!("profile-{field}-error")>
                                        {t(&format!("check-{}", code.slug()))}
                                    </p>
                                })}
                                <input id=format!("profile-{field}") type="text" autocomplete="off"
                                    prop:value=move || profile.with(|p| get(p, field))
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        profile.update(|p| set(p, field, v));
                                        saved.set(false);
                                    }/>
                            </div>
                        }
                    }).collect_view()}
                    <div class="form-actions">
                        <button class="primary" type="submit" id="save-profile">{move || t("profile-save")}</button>
                        {move || saved.get().then(|| view! {
                            <span class="saved" id="profile-saved" role="status">{move || t("profile-saved")}</span>
                        })}
                    </div>
                </form>

                <section class="card consents">
                    <h2>{move || t("consents-title")}</h2>
                    <p class="muted">{move || t("consents-intro")}</p>
                    {move || consents.get().into_iter().map(|c| view! {
                        <ConsentCard consent=c consents=consents/>
                    }).collect_view()}
                </section>

                <ConnectionCard address=address/>
                <AccessLogCard/>
                <ExportCard/>
                <EraseCard/>
            </Show>
        </section>
    }
}

#[component]
fn ConsentCard(consent: Consent, consents: RwSignal<Vec<Consent>>) -> impl IntoView {
    let kind = consent.kind;
    let (title, body) = consent_text(kind);
    let granted = consent.is_granted();
    let toggle = move |_| {
        spawn_local(async move {
            if let Ok(c) = ipc::call(ipc::SetConsent {
                kind,
                granted: !granted,
            })
            .await
            {
                consents.set(c);
            }
        });
    };
    let state = match (consent.granted_at, consent.withdrawn_at) {
        (Some(at), _) => t_args("consent-given-at", &[("time", format_time(at).into())]),
        (None, Some(at)) => t_args("consent-withdrawn-at", &[("time", format_time(at).into())]),
        (None, None) => t("consent-not-given"),
    };
    view! {
        <div class="consent-card" id=format!("consent-{}", kind.slug())
            data-granted=granted.to_string()>
            <h3>{move || t(title)}</h3>
            <p>{move || t(body)}</p>
            <p class="muted">{state}</p>
            <button class=if granted { "secondary" } else { "primary" } on:click=toggle>
                {move || t(if granted { key("consent-withdraw") } else { key("consent-give") })}
            </button>
        </div>
    }
}

/// What staff at the city did with the person's data, asked for when they want to see it (the
/// city keeps the record; nothing is sent until they ask).
#[component]
fn AccessLogCard() -> impl IntoView {
    let records = RwSignal::new(None::<Vec<AccessRecord>>);
    let more = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let load = move |before: Option<i64>| {
        busy.set(true);
        spawn_local(async move {
            match ipc::call(ipc::AccessLogPage { before }).await {
                Ok(log) => {
                    records.update(|r| {
                        let list = r.get_or_insert_with(Vec::new);
                        if before.is_none() {
                            list.clear();
                        }
                        list.extend(log.records);
                    });
                    more.set(log.more);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let older = move |_| {
        let last = records.with(|r| r.as_ref().and_then(|l| l.last().map(|x| x.seq)));
        if let Some(seq) = last {
            load(Some(seq));
        }
    };
    view! {
        <section class="card" id="access-log-card">
            <h2>{move || t("access-title")}</h2>
            <p class="muted">{move || t("access-body")}</p>
            <button class="secondary" id="show-access-log" on:click=move |_| load(None)
                disabled=move || busy.get()>
                {move || t(if records.with(Option::is_some) { key("access-refresh") } else { key("access-show") })}
            </button>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            {move || records.get().map(|list| if list.is_empty() {
                view! { <p class="muted" id="access-none" role="status">{move || t("access-none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="access-log" id="access-log">
                        {list.into_iter().map(access_entry).collect_view()}
                    </ol>
                }.into_any()
            })}
            {move || more.get().then(|| view! {
                <button class="secondary" id="access-older" on:click=older disabled=move || busy.get()>
                    {move || t("access-older")}
                </button>
            })}
        </section>
    }
}

/// One entry: when, who (a role and a department, never a name) and what.
fn access_entry(r: AccessRecord) -> impl IntoView {
    let action = match r.action {
        AccessAction::OpenedApplication => key("access-action-opened-application"),
        AccessAction::DownloadedDocument => key("access-action-downloaded-document"),
        AccessAction::ReadConversation => key("access-action-read-conversation"),
        AccessAction::ViewedProofingRequest => key("access-action-viewed-proofing-request"),
        AccessAction::CheckedLetter => key("access-action-checked-letter"),
        AccessAction::RevokedDevice => key("access-action-revoked-device"),
        AccessAction::AddedAccount
        | AccessAction::DisabledAccount
        | AccessAction::AddedSite
        | AccessAction::RevokedSigner => key("access-action-other"),
    };
    let slug = r.action.slug();
    let text = move || {
        let role = r.role.slug().into();
        let by = match &r.department {
            Some(d) => t_args(
                "access-by-department",
                &[("role", role), ("department", d.clone().into())],
            ),
            None => t_args("access-by", &[("role", role)]),
        };
        let what = t_args(
            action,
            &[("reference", r.reference.clone().unwrap_or_default().into())],
        );
        t_args(
            "access-entry",
            &[("by", by.into()), ("action", what.into())],
        )
    };
    view! {
        <li data-action=slug>
            <span class="muted when">{format_time(r.at)}</span>
            " "
            <span>{text}</span>
        </li>
    }
}

#[component]
fn ExportCard() -> impl IntoView {
    let state = RwSignal::new(None::<Result<String, ApiError>>);
    let export = move |_| {
        spawn_local(async move {
            state.set(Some(ipc::call(ipc::ExportAll {}).await));
        });
    };
    view! {
        <section class="card">
            <h2>{move || t("export-title")}</h2>
            <p class="muted">{move || t("export-body")}</p>
            <button class="secondary" id="export-all" on:click=export>{move || t("export-button")}</button>
            {move || match state.get() {
                None => ().into_any(),
                Some(Ok(path)) => {
                    let text = t_args("export-done", &[("path", path.clone().into())]);
                    view! {
                        <p class="saved-file" id="export-done" data-path=path>{text}</p>
                    }.into_any()
                }
                Some(Err(e)) => view! { <ErrorNote error=e/> }.into_any(),
            }}
        </section>
    }
}

/// Which city and backend this app talks to (`address`, as the shell tells it), and whether it
/// answers now.
#[component]
fn ConnectionCard(address: RwSignal<Option<String>>) -> impl IntoView {
    use homeward_domain::BackendStatus;
    let status = expect_context::<RwSignal<BackendStatus>>();
    let crate::app::ChosenCity(chosen) = expect_context();
    let checking = RwSignal::new(false);
    let city = move || {
        chosen.get().map(|view| {
            let (name, region) = (pick(&view.city.name), pick(&view.city.region));
            t_args(
                "connection-city",
                &[("city", name.into()), ("region", region.into())],
            )
        })
    };
    let fixed = move || chosen.with(|c| c.as_ref().is_some_and(|v| v.fixed));
    let check = move |_| {
        checking.set(true);
        spawn_local(async move {
            if let Ok(s) = ipc::call(ipc::RefreshBackend {}).await {
                status.set(s);
            }
            checking.set(false);
        });
    };
    let state = move || match status.get() {
        BackendStatus::Online { .. } => "online",
        BackendStatus::Offline => "offline",
        BackendStatus::Unknown => "unknown",
    };
    let said = move || match status.get() {
        BackendStatus::Online { .. } => t("connection-online"),
        BackendStatus::Offline => t("connection-offline"),
        BackendStatus::Unknown => t("connection-unknown"),
    };
    view! {
        <section class="card" id="connection-card">
            <h2>{move || t("connection-title")}</h2>
            <p id="home-city">{city}</p>
            <p class="muted">{move || t("connection-body")}</p>
            <p><code id="backend-address">{move || address.get().unwrap_or_default()}</code></p>
            {move || fixed().then(|| view! { <p class="muted" id="backend-fixed">{move || t("connection-fixed")}</p> })}
            <p id="backend-state" role="status" data-state=state>{said}</p>
            <button class="secondary" id="check-connection" on:click=check disabled=move || checking.get()>
                {move || if checking.get() { t("status-checking") } else { t("connection-check") }}
            </button>
        </section>
    }
}

#[component]
fn EraseCard() -> impl IntoView {
    let erased = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let erase = Callback::new(move |()| {
        spawn_local(async move {
            match ipc::call(ipc::EraseAll {}).await {
                Ok(()) => erased.set(true),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <section class="card danger-zone">
            <h2>{move || t("erase-title")}</h2>
            <p class="muted">{move || t("erase-body")}</p>
            {move || if erased.get() {
                view! { <p class="saved" id="erased" role="status">{move || t("erase-done")}</p> }.into_any()
            } else {
                view! {
                    <ConfirmAction label=key("erase-button") question=key("erase-confirm")
                        open_id="erase-all" confirm_id="confirm-erase" on_confirm=erase/>
                }.into_any()
            }}
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        </section>
    }
}
