//! An application in progress: every answer is saved the moment it is typed.

use std::collections::BTreeMap;

use homeward_domain::catalog::{Field, FieldKind};
use homeward_domain::{ApiError, Draft, DraftId, Guide};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{pick, t};
use crate::ipc;
use crate::screens::guide::BackLink;
use crate::widgets::ErrorNote;

/// The save indicator's state, announced to screen readers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Save {
    Idle,
    Saving,
    Saved,
    Failed,
}

#[component]
pub fn DraftScreen(id: DraftId) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<(Draft, Guide), ApiError>>);
    spawn_local(async move {
        let result = async {
            let draft = ipc::draft(id).await?;
            let guide = ipc::guide(&draft.guide_id.0).await?;
            Ok((draft, guide))
        }
        .await;
        loaded.set(Some(result));
    });
    move || match loaded.get() {
        None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <BackLink/><ErrorNote error=e/> }.into_any(),
        Some(Ok((draft, guide))) => view! { <DraftForm draft=draft guide=guide/> }.into_any(),
    }
}

#[component]
fn DraftForm(draft: Draft, guide: Guide) -> impl IntoView {
    let save = RwSignal::new(Save::Idle);
    let error = RwSignal::new(None::<ApiError>);
    let answers = RwSignal::new(draft.answers.clone());
    let pending = RwSignal::new(0u32);
    let id = draft.id;

    let on_change = move |field: String, value: String| {
        answers.update(|a: &mut BTreeMap<String, String>| {
            a.insert(field.clone(), value.clone());
        });
        pending.update(|n| *n += 1);
        save.set(Save::Saving);
        spawn_local(async move {
            let result = ipc::set_answer(id, &field, &value).await;
            pending.update(|n| *n -= 1);
            match result {
                Ok(()) if pending.get_untracked() == 0 => save.set(Save::Saved),
                Ok(()) => {}
                Err(e) => {
                    save.set(Save::Failed);
                    error.set(Some(e));
                }
            }
        });
    };

    let title = guide.title.clone();
    view! {
        <BackLink/>
        <article class="draft" data-draft=id.to_string()>
            <header class="guide-head">
                <p class="eyebrow">{move || t("draft-eyebrow")}</p>
                <h1 id="draft-title">{move || pick(&title)}</h1>
                <p class="save-state" id="save-state" aria-live="polite"
                    data-state=move || format!("{:?}", save.get()).to_lowercase()>
                    {move || match save.get() {
                        Save::Idle => t("draft-autosave-hint"),
                        Save::Saving => t("draft-saving"),
                        Save::Saved => t("draft-saved"),
                        Save::Failed => t("draft-save-failed"),
                    }}
                </p>
                {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            </header>
            {guide.form.pages.iter().map(|page| {
                let page_title = page.title.clone();
                view! {
                    <fieldset class="form-page" data-page=page.id.clone()>
                        <legend>{move || pick(&page_title)}</legend>
                        {page.fields.iter().cloned().map(|f| question(f, answers, on_change)).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
        </article>
    }
}

/// One question, shown only while its condition holds. Document uploads are not questions here:
/// they are attached on the materials page.
fn question<F>(f: Field, answers: RwSignal<BTreeMap<String, String>>, on_change: F) -> AnyView
where
    F: Fn(String, String) + Copy + Send + Sync + 'static,
{
    let initial = |id: &str| answers.with_untracked(|a| a.get(id).cloned().unwrap_or_default());
    let visible = {
        let cond = f.show_if.clone();
        move || {
            cond.as_ref()
                .is_none_or(|c| answers.with(|a| a.get(&c.field) == Some(&c.equals)))
        }
    };
    let body = match f.kind.clone() {
        FieldKind::Material { .. } => return ().into_any(),
        FieldKind::Group {
            fields,
            min,
            item_label,
            ..
        } => {
            let items = usize::from(min.max(1));
            let label = f.label.clone();
            view! {
                <div class="group">
                    <p class="group-label">{move || pick(&label)}</p>
                    {(0..items).map(|i| {
                        let item_label = item_label.clone();
                        let group_id = f.id.clone();
                        view! {
                            <div class="group-item">
                                <p class="group-item-label">{move || format!("{} {}", pick(&item_label), i + 1)}</p>
                                {fields.iter().cloned().map(|mut sub| {
                                    sub.id = format!("{group_id}.{i}.{}", sub.id);
                                    let value = initial(&sub.id);
                                    view! { <FieldInput field=sub initial=value on_change=on_change/> }
                                }).collect_view()}
                            </div>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        _ => {
            let value = initial(&f.id);
            view! { <FieldInput field=f initial=value on_change=on_change/> }.into_any()
        }
    };
    // Hidden rather than removed, so a question that comes back keeps its place and its answer.
    view! { <div class="question" hidden=move || !visible()>{body}</div> }.into_any()
}

#[component]
fn FieldInput<F>(field: Field, initial: String, on_change: F) -> impl IntoView
where
    F: Fn(String, String) + Copy + Send + Sync + 'static,
{
    let dom_id = field.id.replace('.', "-");
    let input_id = format!("field-{dom_id}");
    let hint_id = format!("hint-{dom_id}");
    let fid = field.id.clone();
    let emit = move |value: String| on_change(fid.clone(), value);
    let label = field.label.clone();
    let hint = field.hint.clone();
    let required = field.required;
    let described = hint.as_ref().map(|_| hint_id.clone());

    let control = match field.kind.clone() {
        FieldKind::LongText | FieldKind::AddressOverseas | FieldKind::AddressChina => view! {
            <textarea id=input_id.clone() name=field.id.clone() rows="3"
                aria-describedby=described.clone()
                on:input=move |ev| emit(event_target_value(&ev))>{initial.clone()}</textarea>
        }
        .into_any(),
        FieldKind::Choice { options } => view! {
            <select id=input_id.clone() name=field.id.clone() aria-describedby=described.clone()
                on:change=move |ev| emit(event_target_value(&ev))>
                <option value="" selected=initial.is_empty()>{move || t("field-choose")}</option>
                {options.into_iter().map(|o| {
                    let selected = o.value == initial;
                    let label = o.label.clone();
                    view! { <option value=o.value.clone() selected=selected>{move || pick(&label)}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::YesNo => view! {
            <select id=input_id.clone() name=field.id.clone() aria-describedby=described.clone()
                on:change=move |ev| emit(event_target_value(&ev))>
                <option value="" selected=initial.is_empty()>{move || t("field-choose")}</option>
                <option value="yes" selected=initial == "yes">{move || t("field-yes")}</option>
                <option value="no" selected=initial == "no">{move || t("field-no")}</option>
            </select>
        }
        .into_any(),
        kind => {
            let (ty, mode, auto) = match kind {
                FieldKind::Date { .. } => ("date", "text", "off"),
                FieldKind::Phone => ("tel", "tel", "tel"),
                FieldKind::Email => ("email", "email", "email"),
                FieldKind::PersonName => ("text", "text", "name"),
                FieldKind::IdCard => ("text", "text", "off"),
                _ => ("text", "text", "off"),
            };
            view! {
                <input id=input_id.clone() name=field.id.clone() type=ty inputmode=mode
                    autocomplete=auto value=initial.clone() aria-describedby=described.clone()
                    on:input=move |ev| emit(event_target_value(&ev))/>
            }
            .into_any()
        }
    };

    view! {
        <div class="field">
            <label for=input_id.clone()>
                {move || pick(&label)}
                {(!required).then(|| view! { <span class="optional">{move || t("field-optional")}</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || pick(&h)}</p> })}
            {control}
        </div>
    }
}
