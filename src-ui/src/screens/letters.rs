//! Entrustment letters (委托书): entrust a relative at home with chosen services until a date,
//! print the signed letter for them to take to the counter, and revoke it at any time.

use homeward_domain::catalog::GuideSummary;
use homeward_domain::identity::{DelegationSummary, NewDelegation, LETTER_IDENTITY_LEVEL};
use homeward_domain::{ApiError, GuideId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{key, lang_signal, pick, t, t_args};
use crate::ipc;
use crate::widgets::{format_china_day, format_time, BackLink, ConfirmAction, ErrorNote, PdfState};

#[component]
pub fn LettersScreen() -> impl IntoView {
    let letters = RwSignal::new(Vec::<DelegationSummary>::new());
    let services = RwSignal::new(Vec::<GuideSummary>::new());
    let error = RwSignal::new(None::<ApiError>);
    let reload = move || {
        spawn_local(async move {
            match ipc::call(ipc::Delegations {}).await {
                Ok(l) => letters.set(l),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    reload();
    // A letter rests on the person's identity having been seen, in person or by video.
    let proven = RwSignal::new(None::<bool>);
    spawn_local(async move {
        if let Ok(s) = ipc::call(ipc::Identity {}).await {
            proven.set(Some(s.level.satisfies(LETTER_IDENTITY_LEVEL)));
        }
    });
    let nav = use_nav();
    spawn_local(async move {
        if let Ok(o) = ipc::call(ipc::CatalogOverview {}).await {
            services.set(o.guides.into_iter().filter(|g| g.entrustable).collect());
        }
    });
    view! {
        <BackLink/>
        <section class="letters">
            <h1 id="letters-title">{move || t("letters-title")}</h1>
            <p class="muted">{move || t("letters-intro")}</p>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <Show when=move || proven.get() == Some(false)>
                <div class="notice" id="letter-identity-needed" role="note">
                    <p>{move || t("letters-identity-needed")}</p>
                    <button class="link" id="letter-prove-identity" on:click=move |_| nav.go(Screen::Identity)>
                        {move || t("guide-identity-how")}
                    </button>
                </div>
            </Show>
            <NewLetter services=services on_made=move || reload()/>
            <Show when=move || !letters.with(Vec::is_empty)>
                <section class="section">
                    <h2>{move || t("letters-yours")}</h2>
                    <ul class="list letter-list">
                        {move || letters.get().into_iter().map(|l| view! {
                            <LetterRow letter=l services=services on_change=move || reload()/>
                        }).collect_view()}
                    </ul>
                </section>
            </Show>
        </section>
    }
}

#[component]
fn NewLetter(
    services: RwSignal<Vec<GuideSummary>>,
    on_made: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let form = RwSignal::new(NewDelegation::default());
    let error = RwSignal::new(None::<ApiError>);
    let made = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        made.set(false);
        let f = form.get_untracked();
        spawn_local(async move {
            match ipc::call(ipc::CreateDelegation { delegation: f }).await {
                Ok(_) => {
                    error.set(None);
                    form.set(NewDelegation::default());
                    made.set(true);
                    on_made();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           get: fn(&NewDelegation) -> String,
                           set: fn(&mut NewDelegation, String)| {
        view! {
            <div class="field">
                <label for=id>{move || t(label)}</label>
                <p class="hint">{move || t(hint)}</p>
                <input id=id type="text" autocomplete="off"
                    prop:value=move || form.with(get)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| set(f, v));
                    }/>
            </div>
        }
    };
    view! {
        <form class="card" id="new-letter" on:submit=submit novalidate>
            <h2>{move || t("letters-new")}</h2>
            {text_field("letter-agent-name", key("letters-agent-name"), key("letters-agent-name-hint"),
                |f| f.agent_name.clone(), |f, v| f.agent_name = v)}
            {text_field("letter-agent-id", key("letters-agent-id"), key("letters-agent-id-hint"),
                |f| f.agent_id_number.clone(), |f, v| f.agent_id_number = v)}
            <fieldset class="checks">
                <legend>{move || t("letters-services")}</legend>
                <div class="service-list">
                {move || services.get().into_iter().map(|g| {
                    let id = g.id.clone();
                    let checked_id = id.clone();
                    let title = g.title.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" data-guide=id.0.clone()
                                prop:checked=move || form.with(|f| f.guides.contains(&checked_id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id: GuideId = id.clone();
                                    form.update(|f| {
                                        f.guides.retain(|g| *g != id);
                                        if on { f.guides.push(id); }
                                    });
                                }/>
                            <span>{move || pick(&title)}</span>
                        </label>
                    }
                }).collect_view()}
                </div>
            </fieldset>
            {text_field("letter-valid-until", key("letters-valid-until"), key("letters-valid-until-hint"),
                |f| f.valid_until.clone(), |f, v| f.valid_until = v)}
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <div class="form-actions">
                <button class="primary" type="submit" id="sign-letter">{move || t("letters-sign")}</button>
                {move || made.get().then(|| view! {
                    <span class="saved" id="letter-made" role="status">{move || t("letters-made")}</span>
                })}
            </div>
        </form>
    }
}

#[component]
fn LetterRow(
    letter: DelegationSummary,
    services: RwSignal<Vec<GuideSummary>>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let d = letter.delegation.clone();
    let id = d.id;
    let revoked = letter.revoked_at;
    let pdf = RwSignal::new(PdfState::Idle);
    let error = RwSignal::new(None::<ApiError>);
    let current = lang_signal();
    let save = move |_| {
        let lang = current.map(|l| l.get_untracked()).unwrap_or_default();
        PdfState::make(pdf, ipc::call(ipc::SaveDelegationPdf { id, lang }));
    };
    let revoke = Callback::new(move |()| {
        spawn_local(async move {
            match ipc::call(ipc::RevokeDelegation { id }).await {
                Ok(_) => on_change(),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let guides = d.guides.clone();
    let titles = move || {
        services.with(|all| {
            guides
                .iter()
                .map(|g| {
                    all.iter()
                        .find(|s| &s.id == g)
                        .map_or_else(|| g.0.clone(), |s| pick(&s.title))
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let until = format_china_day(d.valid_until - 1);
    let state = if revoked.is_some() {
        "revoked"
    } else {
        "active"
    };
    view! {
        <li class="row letter" data-state=state data-id=id.to_string()>
            <span class="row-title">{move || t_args("letters-to", &[("agent", d.agent_name.clone().into())])}</span>
            <span class="row-meta">{titles}</span>
            <span class="row-meta">{
                let until = until.clone();
                move || match revoked {
                    Some(at) => t_args("letters-revoked-at", &[("time", format_time(at).into())]),
                    None => t_args("letters-valid-until-at", &[("time", until.clone().into())]),
                }
            }</span>
            {revoked.is_none().then(|| view! {
                <div class="form-actions">
                    <button class="secondary save-letter" on:click=save>{move || t("letters-save-pdf")}</button>
                    <ConfirmAction label=key("letters-revoke") question=key("letters-revoke-confirm")
                        open_class="revoke-letter" confirm_class="confirm-revoke" on_confirm=revoke/>
                </div>
            })}
            {move || pdf.get().view()}
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        </li>
    }
}
