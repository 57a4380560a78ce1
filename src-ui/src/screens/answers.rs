//! Check your answers: every answer on one page, each with a link to change it, and the
//! application's status; printable (the system print dialog also saves a PDF).

use std::collections::BTreeMap;

use homeward_domain::catalog::{Field, FieldKind};
use homeward_domain::draft::MaterialInfo;
use homeward_domain::{ApiError, Draft, DraftId, DraftReview, DraftStatus, Guide};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{pick, t};
use crate::ipc;
use crate::screens::draft::progress_text;
use crate::screens::guide::BackLink;
use crate::widgets::{ErrorNote, ReadyPanel, StatusTag};

struct Loaded {
    draft: Draft,
    guide: Guide,
    review: DraftReview,
    docs: Vec<MaterialInfo>,
}

#[component]
pub fn AnswersScreen(id: DraftId) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<std::sync::Arc<Loaded>, ApiError>>);
    spawn_local(async move {
        let result = async {
            let draft = ipc::draft(id).await?;
            let guide = ipc::guide(&draft.guide_id.0).await?;
            let review = ipc::review(id).await?;
            let docs = ipc::materials(id).await?;
            Ok(std::sync::Arc::new(Loaded {
                draft,
                guide,
                review,
                docs,
            }))
        }
        .await;
        loaded.set(Some(result));
    });
    move || match loaded.get() {
        None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <BackLink/><ErrorNote error=e/> }.into_any(),
        Some(Ok(l)) => view! { <Answers loaded=l/> }.into_any(),
    }
}

/// What a person sees of an answer: the option's label rather than its value, the names of the
/// attached documents, "not answered" for a gap.
fn shown(
    field: &Field,
    key: &str,
    answers: &BTreeMap<String, String>,
    docs: &[MaterialInfo],
) -> String {
    if let FieldKind::Material { .. } = field.kind {
        let names: Vec<&str> = docs
            .iter()
            .filter(|d| d.field == key)
            .map(|d| d.file_name.as_str())
            .collect();
        return if names.is_empty() {
            t("answers-none")
        } else {
            names.join("、")
        };
    }
    let value = answers.get(key).map(String::as_str).unwrap_or("").trim();
    if value.is_empty() {
        return t("answers-none");
    }
    match &field.kind {
        FieldKind::Choice { options } => options
            .iter()
            .find(|o| o.value == value)
            .map_or_else(|| value.to_owned(), |o| pick(&o.label)),
        FieldKind::YesNo => t(if value == "yes" {
            "field-yes"
        } else {
            "field-no"
        }),
        _ => value.to_owned(),
    }
}

#[component]
fn Answers(loaded: std::sync::Arc<Loaded>) -> impl IntoView {
    let nav = use_nav();
    let l = loaded;
    let id = l.draft.id;
    let status = l.review.status;
    let change = move |key: String| nav.replace(Screen::DraftQuestion(id, key));
    // Rows: every question that applies (hidden ones are left out), in form order.
    let mut rows: Vec<(String, String, String)> = vec![];
    for page in &l.guide.form.pages {
        for field in &page.fields {
            if !field.applies(&l.draft.answers, "") {
                continue;
            }
            match &field.kind {
                FieldKind::Group { fields, min, .. } => {
                    for i in 0..(*min).max(1) {
                        for sub in fields {
                            let key = format!("{}.{i}.{}", field.id, sub.id);
                            let label =
                                format!("{} {} · {}", pick(&field.label), i + 1, pick(&sub.label));
                            rows.push((
                                key.clone(),
                                label,
                                shown(sub, &key, &l.draft.answers, &l.docs),
                            ));
                        }
                    }
                }
                _ => rows.push((
                    field.id.clone(),
                    pick(&field.label),
                    shown(field, &field.id, &l.draft.answers, &l.docs),
                )),
            }
        }
    }
    let problems: Vec<String> = l.review.problems.iter().map(|p| p.field.clone()).collect();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let title = l.guide.title.clone();
    let review = l.review.clone();
    view! {
        <BackLink/>
        <article class="answers" data-draft=id.to_string()>
            <header class="guide-head">
                <p class="eyebrow">{move || t("answers-eyebrow")}</p>
                <h1 id="answers-title">{move || pick(&title)}</h1>
                <div class="draft-meta">
                    <StatusTag status=status/>
                    <span class="muted">{move || progress_text(&review)}</span>
                </div>
            </header>
            {(status == DraftStatus::Complete).then(|| view! {
                <ReadyPanel/>
            })}
            <dl class="summary-list">
                {rows.into_iter().map(|(key, label, value)| {
                    let needs_attention = problems.contains(&key);
                    let change_key = key.clone();
                    view! {
                        <div class="summary-row" class:attention=needs_attention data-field=key.clone()>
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                            <dd class="change">
                                <button class="link" on:click=move |_| change(change_key.clone())>
                                    {move || t("answers-change")}
                                </button>
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
            <div class="form-actions no-print">
                <button class="secondary" id="print-answers" on:click=print>{move || t("answers-print")}</button>
            </div>
        </article>
    }
}
