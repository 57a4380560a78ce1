//! A guide: everything a person needs to know before applying, and the way to start.

use homeward_domain::catalog::{Channel, MaterialForm};
use homeward_domain::{ApiError, Draft, Guide, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{key, lang, pick, t, t_args};
use crate::ipc;
use crate::widgets::{format_time, requirement_name, time_limit_text, BackLink, Badges, ErrorNote};

#[component]
pub fn GuideScreen(id: String) -> impl IntoView {
    let guide = RwSignal::new(None::<Result<Guide, ApiError>>);
    let drafts = RwSignal::new(Vec::<Draft>::new());
    {
        let id = id.clone();
        spawn_local(async move {
            // Drafts first, so the page appears whole.
            let loaded = ipc::call(ipc::Guide { id: id.clone() }).await;
            if let Ok(found) = ipc::call(ipc::Drafts { guide_id: id }).await {
                drafts.set(found);
            }
            guide.set(Some(loaded));
        });
    }
    move || match guide.get() {
        None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <BackLink/><ErrorNote error=e/> }.into_any(),
        Some(Ok(g)) => view! { <GuideView guide=g drafts=drafts/> }.into_any(),
    }
}

/// A titled list of localised items; nothing when empty.
fn text_list(
    title_key: &'static str,
    items: Vec<homeward_domain::LocalizedText>,
    ordered: bool,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let rows = move || {
            items
                .iter()
                .map(|i| view! { <li>{pick(i)}</li> })
                .collect_view()
        };
        view! {
            <section class="section">
                <h2>{move || t(title_key)}</h2>
                {if ordered {
                    view! { <ol class="steps">{rows}</ol> }.into_any()
                } else {
                    view! { <ul class="bullets">{rows}</ul> }.into_any()
                }}
            </section>
        }
    })
}

#[component]
fn GuideView(guide: Guide, drafts: RwSignal<Vec<Draft>>) -> impl IntoView {
    let nav = use_nav();
    let error = RwSignal::new(None::<ApiError>);
    let starting = RwSignal::new(false);
    let guide_id = guide.id.0.clone();
    let start = move |_| {
        let guide_id = guide_id.clone();
        starting.set(true);
        spawn_local(async move {
            match ipc::call(ipc::CreateDraft { guide_id }).await {
                Ok(d) => nav.go(Screen::Draft(d.id)),
                Err(e) => error.set(Some(e)),
            }
            starting.set(false);
        });
    };
    let g = guide.clone();
    let required_level = g.min_identity_level;
    let identity = RwSignal::new(None::<homeward_domain::identity::IdentityStatus>);
    spawn_local(async move {
        if let Ok(s) = ipc::call(ipc::Identity {}).await {
            identity.set(Some(s));
        }
    });
    let channels = g.channels.clone();
    let materials = g.materials.clone();
    let entrust = g.entrustment.clone();

    view! {
        <BackLink/>
        <article class="guide" data-guide=g.id.0.clone()>
            <header class="guide-head">
                <p class="eyebrow">{
                    let key = format!("category-{}", g.category.slug());
                    move || t(&key)
                }</p>
                <h1 id="guide-title">{let t = g.title.clone(); move || pick(&t)}</h1>
                <p class="lead">{let s = g.summary.clone(); move || pick(&s)}</p>
                // A translation says it is one: the Chinese text is what the office applies.
                {move || (lang() != Lang::ZhCn).then(|| view! {
                    <p class="translation-note" id="translation-note">{t("guide-translation-note")}</p>
                })}
                <Badges trips=g.trips entrustable=g.entrustment.is_some()
                    time_limit_days=g.time_limit_days time_limit_kind=g.time_limit_kind/>
            </header>

            <div class="actions">
                <button class="primary" id="start-draft" on:click=start
                    disabled=move || starting.get()>{move || t("guide-start")}</button>
                {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            </div>

            <Show when=move || !drafts.with(Vec::is_empty)>
                <section class="section">
                    <h2>{move || t("guide-your-drafts")}</h2>
                    <ul class="list">
                        {move || drafts.get().into_iter().map(|d| {
                            let id = d.id;
                            view! { <li><button class="row" on:click=move |_| nav.go(Screen::Draft(id))>
                                <span class="row-title">{move || t_args("draft-updated", &[("when", format_time(d.updated_at).into())])}</span>
                                <span class="row-meta">{move || t_args("draft-answered", &[("count", d.answers.len().into())])}</span>
                            </button></li> }
                        }).collect_view()}
                    </ul>
                </section>
            </Show>

            <dl class="facts">
                <div><dt>{move || t("guide-time-limit")}</dt><dd>{
                    let (days, kind) = (g.time_limit_days, g.time_limit_kind);
                    move || time_limit_text(days, kind)
                }</dd></div>
                <div><dt>{move || t("guide-fees")}</dt><dd>{let f = g.fees.clone(); move || pick(&f)}</dd></div>
                <div><dt>{move || t("guide-department")}</dt><dd>{let d = g.department.clone(); move || pick(&d)}</dd></div>
                <div id="guide-identity" data-level=g.min_identity_level.slug()>
                    <dt>{move || t("guide-identity")}</dt>
                    <dd>
                        {move || requirement_name(required_level)}
                        {move || identity.get().map(|s| if s.level.satisfies(required_level) {
                            view! { <span class="have-level">" ✓ "{move || t("guide-identity-have")}</span> }.into_any()
                        } else {
                            view! {
                                " "
                                <button class="link" id="reach-level" on:click=move |_| nav.go(Screen::Identity)>
                                    {move || t("guide-identity-how")}
                                </button>
                            }.into_any()
                        })}
                    </dd>
                </div>
                <div><dt>{move || t("guide-channels")}</dt><dd>{move || channels.iter().map(|c| channel_name(*c)).collect::<Vec<_>>().join(" · ")}</dd></div>
            </dl>

            <section class="section">
                <h2>{move || t("guide-who")}</h2>
                <p>{let w = g.who_may_apply.clone(); move || pick(&w)}</p>
            </section>
            {text_list(key("guide-conditions"), g.conditions.clone(), false)}

            <MaterialChecklist guide_id=g.id.0.clone() materials=materials/>

            {text_list(key("guide-steps"), g.steps.clone(), true)}

            {entrust.map(|e| view! {
                <section class="section entrust">
                    <h2>{move || t("guide-entrust")}</h2>
                    <p>{move || t("guide-entrust-lead")}</p>
                    <ul class="bullets">{move || e.relative_brings.iter().map(|i| view! { <li>{pick(i)}</li> }).collect_view()}</ul>
                </section>
            })}

            {text_list(key("guide-legal-basis"), g.legal_basis.clone(), false)}

            <p class="muted">{
                let (v, d) = (g.version, g.last_reviewed.clone());
                move || t_args("guide-reviewed", &[("version", v.into()), ("date", d.clone().into())])
            }</p>
        </article>
    }
}

fn channel_name(c: Channel) -> String {
    t(match c {
        Channel::Online => key("channel-online"),
        Channel::LiaisonSite => key("channel-liaison-site"),
        Channel::CounterInChina => key("channel-counter-in-china"),
    })
}

/// What to prepare, as a checklist the person ticks; ticks are kept on the device.
#[component]
fn MaterialChecklist(
    guide_id: String,
    materials: Vec<homeward_domain::catalog::Material>,
) -> impl IntoView {
    let checked = RwSignal::new(Vec::<u32>::new());
    {
        let guide_id = guide_id.clone();
        spawn_local(async move {
            if let Ok(list) = ipc::call(ipc::CheckedMaterials { guide_id }).await {
                checked.set(list);
            }
        });
    }
    let total = materials.len();
    view! {
        <section class="section">
            <h2>{move || t("guide-materials")}</h2>
            <p class="muted" id="materials-progress">{move || t_args("materials-progress", &[
                ("done", checked.with(Vec::len).into()),
                ("total", total.into()),
            ])}</p>
            <ul class="materials">
                {materials.into_iter().enumerate().map(|(i, m)| {
                    let i = u32::try_from(i).unwrap_or(u32::MAX);
                    let guide_id = guide_id.clone();
                    let form_key = match m.form {
                        MaterialForm::Original => key("material-original"),
                        MaterialForm::Copy => key("material-copy"),
                        MaterialForm::OriginalOrCopy => key("material-original-or-copy"),
                    };
                    let input_id = format!("material-{i}");
                    let toggle = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        checked.update(|c| {
                            c.retain(|x| *x != i);
                            if on { c.push(i); }
                        });
                        let guide_id = guide_id.clone();
                        spawn_local(async move {
                            let _ = ipc::call(ipc::SetMaterialChecked {
                                guide_id,
                                index: i,
                                checked: on,
                            })
                            .await;
                        });
                    };
                    let (name, count, notes, alternatives, conditional) =
                        (m.name.clone(), m.count, m.notes.clone(), m.alternatives.clone(), m.conditional);
                    view! {
                        <li class:done=move || checked.with(|c| c.contains(&i))>
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=move || checked.with(|c| c.contains(&i)) on:change=toggle/>
                            <label for=input_id>
                                <span class="material-name">{move || pick(&name)}</span>
                                <span class="material-meta">
                                    {move || t(form_key)} " · " {move || t_args("material-count", &[("count", count.into())])}
                                    {conditional.then(|| view! { " · " {move || t("material-conditional")} })}
                                </span>
                                {notes.map(|n| view! { <span class="material-note">{move || pick(&n)}</span> })}
                                {(!alternatives.is_empty()).then(|| { let alts = alternatives.clone(); view! {
                                    <span class="material-note">{move || t("material-alternatives")} " "
                                        {move || alts.iter().map(pick).collect::<Vec<_>>().join("；")}</span>
                                }})}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
