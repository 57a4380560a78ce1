//! An application in progress: every answer is saved the moment it is typed; answers are checked
//! by core and explained next to the question, with a summary at the top linking to each problem.

use std::collections::BTreeMap;

use homeward_domain::catalog::{Field, FieldKind, FormSchema};
use homeward_domain::check::{CheckCode, FieldCheck};
use homeward_domain::draft::{GuideOfDraft, MaterialInfo};
use homeward_domain::{ApiError, Draft, DraftId, DraftReview, DraftStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{pick, t, t_args};
use crate::ipc;
use crate::screens::city::city_name;
use crate::widgets::{picked_file, BackLink, ErrorNote, ReadyPanel, StatusTag};

/// The save indicator's state, announced to screen readers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Save {
    Idle,
    Saving,
    Saved,
    Failed,
}

impl Save {
    /// Its name in the page (`data-state`).
    fn slug(self) -> &'static str {
        match self {
            Save::Idle => "idle",
            Save::Saving => "saving",
            Save::Saved => "saved",
            Save::Failed => "failed",
        }
    }
}

/// What the form's questions share: answers, their checks, and which errors to show.
#[derive(Clone, Copy)]
struct FormState {
    answers: RwSignal<BTreeMap<String, String>>,
    checks: RwSignal<BTreeMap<String, FieldCheck>>,
    /// Set by "check my answers": from then on every error shows, missing answers too, and
    /// stays current as the person types. Before that nothing interrupts them (messages that
    /// appear on leaving a field move the page under the next tap).
    review: RwSignal<Option<DraftReview>>,
    on_change: Callback<(String, String)>,
    draft: DraftId,
    /// Documents attached to the draft.
    docs: RwSignal<Vec<MaterialInfo>>,
    /// Re-reviews the draft after a document is added or removed.
    refresh: Callback<()>,
    /// Questions the catalogue changed since the draft was started.
    changed: RwSignal<Vec<String>>,
}

impl FormState {
    fn error(&self, key: &str) -> Option<CheckCode> {
        let reviewed = self.review.with(|r| {
            r.as_ref()
                .and_then(|r| r.problems.iter().find(|p| p.field == key).map(|p| p.code))
        });
        if self.review.with(Option::is_none) {
            return None;
        }
        match self.checks.with(|c| c.get(key).cloned()) {
            Some(c) if !c.valid => c.error,
            Some(_)
                if self
                    .answers
                    .with(|a| a.get(key).is_some_and(|v| !v.trim().is_empty())) =>
            {
                None
            }
            _ => reviewed,
        }
    }

    /// Whether the question behind `key` changed in a catalogue update since the draft started.
    fn changed(&self, key: &str) -> bool {
        let top = key.split('.').next().unwrap_or(key);
        self.changed.with(|c| c.iter().any(|id| id == top))
    }

    fn warning(&self, key: &str) -> Option<CheckCode> {
        self.checks.with(|c| c.get(key).and_then(|c| c.warning))
    }
}

/// A draft; `focus` names a question to open it at (from a "change" link).
#[component]
pub fn DraftScreen(id: DraftId, #[prop(optional, into)] focus: Option<String>) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<(Draft, GuideOfDraft), ApiError>>);
    spawn_local(async move {
        let result = async {
            let draft = ipc::call(ipc::Draft { id }).await?;
            let guide = ipc::call(ipc::DraftGuide { id }).await?;
            Ok((draft, guide))
        }
        .await;
        loaded.set(Some(result));
    });
    move || match loaded.get() {
        None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <BackLink/><ErrorNote error=e/> }.into_any(),
        Some(Ok((draft, guide))) => {
            view! { <DraftForm draft=draft guide=guide focus_on=focus.clone()/> }.into_any()
        }
    }
}

/// The label a person knows a question by, with the item number inside a group.
fn question_label(form: &FormSchema, key: &str) -> String {
    let mut parts = key.split('.');
    let top = parts.next().and_then(|id| form.field(id));
    let sub = form.field_for_answer(key);
    match (top, parts.next(), sub) {
        (Some(group), Some(index), Some(sub)) => {
            let n = index.parse::<usize>().map_or(1, |i| i + 1);
            format!("{} {n} · {}", pick(&group.label), pick(&sub.label))
        }
        (_, _, Some(f)) => pick(&f.label),
        _ => key.to_owned(),
    }
}

fn dom_id(key: &str) -> String {
    format!("field-{}", key.replace('.', "-"))
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast as _;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

#[component]
fn DraftForm(draft: Draft, guide: GuideOfDraft, focus_on: Option<String>) -> impl IntoView {
    let GuideOfDraft { guide, offered } = guide;
    let city = city_name(&draft.city);
    let nav = use_nav();
    let save = RwSignal::new(Save::Idle);
    let error = RwSignal::new(None::<ApiError>);
    let id = draft.id;
    let checks = RwSignal::new(BTreeMap::new());
    let answers = RwSignal::new(draft.answers.clone());
    let review = RwSignal::new(None::<DraftReview>);
    let status = RwSignal::new(None::<DraftStatus>);
    let confirm_delete = RwSignal::new(false);
    let changed = RwSignal::new(Vec::<String>::new());
    let removed = RwSignal::new(0usize);
    let catalogue_changed = move || !changed.with(Vec::is_empty) || removed.get() != 0;
    spawn_local(async move {
        if let Ok(r) = ipc::call(ipc::Review { id }).await {
            status.set(Some(r.status));
            removed.set(r.removed.len());
            changed.set(r.changed);
        }
    });
    // The status always, the summary once the person has asked for it: kept current.
    let reviewed = move |r: DraftReview| {
        status.try_set(Some(r.status));
        if review.try_with_untracked(Option::is_some) == Some(true) {
            review.try_set(Some(r));
        }
    };

    // One call per change, which saves the answer and reviews the draft; saves are made in the
    // order typed (see `ipc::set_answer_in_order`).
    let on_change = Callback::new(move |(field, value): (String, String)| {
        answers.update(|a| {
            a.insert(field.clone(), value.clone());
        });
        save.set(Save::Saving);
        let args = ipc::SetAnswer {
            draft_id: id,
            field: field.clone(),
            value,
        };
        ipc::set_answer_in_order(args, move |result, last| match result {
            Ok(saved) => {
                checks.try_update(|c| {
                    c.insert(field, saved.check);
                });
                reviewed(saved.review);
                if last {
                    save.try_set(Save::Saved);
                }
            }
            Err(e) => {
                save.try_set(Save::Failed);
                error.try_set(Some(e));
            }
        });
    });
    let docs = RwSignal::new(Vec::<MaterialInfo>::new());
    spawn_local(async move {
        if let Ok(list) = ipc::call(ipc::Materials { id }).await {
            docs.set(list);
        }
    });
    let refresh = Callback::new(move |()| {
        spawn_local(async move {
            if let Ok(r) = ipc::call(ipc::Review { id }).await {
                reviewed(r);
            }
        });
    });
    let state = FormState {
        answers,
        checks,
        review,
        on_change,
        draft: id,
        docs,
        refresh,
        changed,
    };
    // A "change" link on the answers page opens one question: show every message, then focus.
    if let Some(key) = focus_on {
        spawn_local(async move {
            if let Ok(r) = ipc::call(ipc::Review { id }).await {
                review.set(Some(r));
            }
            gloo_timers::future::sleep(std::time::Duration::from_millis(50)).await;
            focus(&dom_id(&key));
        });
    }

    let check_all = move |_| {
        spawn_local(async move {
            match ipc::call(ipc::Review { id }).await {
                Ok(r) if r.problems.is_empty() => {
                    status.set(Some(r.status));
                    nav.go(Screen::Answers(id));
                }
                Ok(r) => {
                    status.set(Some(r.status));
                    review.set(Some(r));
                    // Once the summary is in the page, move focus (and the view) to it.
                    gloo_timers::future::sleep(std::time::Duration::from_millis(30)).await;
                    focus("error-summary");
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let duplicate = move |_| {
        spawn_local(async move {
            match ipc::call(ipc::DuplicateDraft { id }).await {
                Ok(copy) => nav.replace(Screen::Draft(copy.id)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let delete = move |_| {
        spawn_local(async move {
            match ipc::call(ipc::DeleteDraft { id }).await {
                Ok(()) => nav.back(),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let title = guide.title.clone();
    let form = guide.form.clone();
    let summary_form = form.clone();
    view! {
        <BackLink/>
        <article class="draft" data-draft=id.to_string()>
            <header class="guide-head">
                <p class="eyebrow">{move || t_args("draft-eyebrow", &[("city", pick(&city).into())])}</p>
                <h1 id="draft-title">{move || pick(&title)}</h1>
                {(!offered).then(|| view! {
                    <p class="field-warning" id="draft-withdrawn">{move || t("draft-withdrawn")}</p>
                })}
                <div class="draft-meta">
                    {move || status.get().map(|s| view! { <StatusTag status=s/> })}
                    <p class="save-state" id="save-state" aria-live="polite"
                        data-state=move || save.get().slug()>
                        {move || match save.get() {
                            Save::Idle => t("draft-autosave-hint"),
                            Save::Saving => t("draft-saving"),
                            Save::Saved => t("draft-saved"),
                            Save::Failed => t("draft-save-failed"),
                        }}
                    </p>
                </div>
                {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
                <Show when=catalogue_changed>
                    <p class="field-warning" id="catalogue-changed">
                        {move || t_args("draft-catalogue-changed", &[
                            ("changed", changed.with(Vec::len).into()),
                            ("removed", removed.get().into()),
                        ])}
                    </p>
                </Show>
            </header>

            {move || review.get().filter(|r| !r.problems.is_empty()).map(|r| {
                let form = summary_form.clone();
                view! {
                    <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
                        <h2>{move || t("summary-title")}</h2>
                        <ul>
                            {r.problems.into_iter().map(|p| {
                                let target = dom_id(&p.field);
                                let label = question_label(&form, &p.field);
                                let code = p.code;
                                view! {
                                    <li>
                                        <a href=format!("#{target}") data-field=p.field.clone()
                                            on:click=move |ev| { ev.prevent_default(); focus(&target); }>
                                            {move || t_args("summary-item", &[
                                                ("label", label.clone().into()),
                                                ("problem", t(&format!("check-{}", code.slug())).into()),
                                            ])}
                                        </a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })}
            {move || review.get().filter(|r| r.problems.is_empty()).map(|_| view! {
                <ReadyPanel/>
            })}

            {form.pages.iter().map(|page| {
                let page_title = page.title.clone();
                view! {
                    <fieldset class="form-page" data-page=page.id.clone()>
                        <legend>{move || pick(&page_title)}</legend>
                        {page.fields.iter().cloned().map(|f| question(f, state)).collect_view()}
                    </fieldset>
                }
            }).collect_view()}

            <div class="form-actions">
                <button class="primary" id="check-answers" on:click=check_all>{move || t("draft-check")}</button>
                <button class="secondary" id="review-answers" on:click=move |_| nav.go(Screen::Answers(id))>
                    {move || t("draft-review-all")}
                </button>
                <button class="secondary" id="duplicate-draft" on:click=duplicate>{move || t("draft-duplicate")}</button>
                <button class="danger-link" id="delete-draft" on:click=move |_| confirm_delete.set(true)>
                    {move || t("draft-delete")}
                </button>
            </div>
            <Show when=move || confirm_delete.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-title">
                    <h2 id="confirm-delete-title">{move || t("draft-delete-confirm-title")}</h2>
                    <p>{move || t("draft-delete-confirm-body")}</p>
                    <button class="danger" id="confirm-delete" on:click=delete>{move || t("draft-delete-confirm")}</button>
                    <button class="secondary" on:click=move |_| confirm_delete.set(false)>{move || t("draft-delete-keep")}</button>
                </div>
            </Show>
        </article>
    }
}

/// One question, shown only while its condition holds.
fn question(f: Field, state: FormState) -> AnyView {
    let answers = state.answers;
    let visible = {
        let question = f.clone();
        move || answers.with(|a| question.applies(a, ""))
    };
    let body = match f.kind.clone() {
        FieldKind::Material { .. } => {
            view! { <MaterialField field=f.clone() state=state/> }.into_any()
        }
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
                                    view! { <FieldInput field=sub state=state/> }
                                }).collect_view()}
                            </div>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        _ => view! { <FieldInput field=f state=state/> }.into_any(),
    };
    // Hidden rather than removed, so a question that comes back keeps its place and its answer.
    view! { <div class="question" hidden=move || !visible()>{body}</div> }.into_any()
}

#[component]
fn FieldInput(field: Field, state: FormState) -> impl IntoView {
    let key = field.id.clone();
    let input_id = dom_id(&key);
    let hint_id = format!("hint-{input_id}");
    let error_id = format!("error-{input_id}");
    let initial = state
        .answers
        .with_untracked(|a| a.get(&key).cloned().unwrap_or_default());
    let emit = {
        let key = key.clone();
        move |value: String| state.on_change.run((key.clone(), value))
    };
    let error = {
        let key = key.clone();
        Signal::derive(move || state.error(&key))
    };
    let warning = {
        let key = key.clone();
        Signal::derive(move || state.warning(&key))
    };
    let label = field.label.clone();
    let hint = field.hint.clone();
    let required = field.required;
    let described = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = vec![];
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() || warning.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let invalid = move || error.get().is_some().to_string();

    let control = match field.kind.clone() {
        FieldKind::LongText | FieldKind::AddressOverseas | FieldKind::AddressChina => view! {
            <textarea id=input_id.clone() name=key.clone() rows="3" aria-describedby=described.clone()
                aria-invalid=invalid on:input=move |ev| emit(event_target_value(&ev))
                >{initial.clone()}</textarea>
        }
        .into_any(),
        FieldKind::Choice { options } => view! {
            <select id=input_id.clone() name=key.clone() aria-describedby=described.clone()
                aria-invalid=invalid on:change=move |ev| emit(event_target_value(&ev))>
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
            <select id=input_id.clone() name=key.clone() aria-describedby=described.clone()
                aria-invalid=invalid on:change=move |ev| emit(event_target_value(&ev))>
                <option value="" selected=initial.is_empty()>{move || t("field-choose")}</option>
                <option value="yes" selected=initial == "yes">{move || t("field-yes")}</option>
                <option value="no" selected=initial == "no">{move || t("field-no")}</option>
            </select>
        }
        .into_any(),
        kind => {
            // Dates are typed as text (year-month-day): the platform date pickers follow the
            // system locale, not the person's chosen language, and hide how to type a date.
            let (mode, auto, spell) = match kind {
                FieldKind::Phone => ("tel", "tel", "false"),
                FieldKind::Email => ("email", "email", "false"),
                FieldKind::PersonName => ("text", "name", "false"),
                FieldKind::IdCard | FieldKind::Passport | FieldKind::HkMacaoPermit
                | FieldKind::TaiwanPermit => ("text", "off", "false"),
                FieldKind::Date { .. } => ("numeric", "off", "false"),
                _ => ("text", "off", "true"),
            };
            let placeholder = matches!(kind, FieldKind::Date { .. }).then(|| t("field-date-placeholder"));
            view! {
                <input id=input_id.clone() name=key.clone() type="text" inputmode=mode
                    autocomplete=auto spellcheck=spell value=initial.clone() placeholder=placeholder
                    aria-describedby=described.clone() aria-invalid=invalid
                    on:input=move |ev| emit(event_target_value(&ev))/>
            }
            .into_any()
        }
    };

    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=input_id.clone()>
                {move || pick(&label)}
                {(!required).then(|| view! { <span class="optional">{move || t("field-optional")}</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || pick(&h)}</p> })}
            {
                let key = key.clone();
                move || state.changed(&key).then(|| view! {
                    <p class="field-warning question-changed">{t("draft-question-changed")}</p>
                })
            }
            // A message appearing as the person leaves the field is read out, without taking
            // the focus from where they went.
            <div class="field-message" aria-live="polite">{
                let error_id = error_id.clone();
                move || match (error.get(), warning.get()) {
                    (Some(code), _) => Some(view! {
                        <p class="field-error" id=error_id.clone() data-code=code.slug()>
                            {t(&format!("check-{}", code.slug()))}
                        </p>
                    }.into_any()),
                    (None, Some(code)) => Some(view! {
                        <p class="field-warning" id=error_id.clone() data-code=code.slug()>
                            {t(&format!("check-{}", code.slug()))}
                        </p>
                    }.into_any()),
                    _ => None,
                }
            }</div>
            {control}
        </div>
    }
}

/// A document question: what is attached (with a preview), and a button to add a photo or a PDF.
/// On a phone the system picker offers the camera as well as the photo library.
#[component]
fn MaterialField(field: Field, state: FormState) -> impl IntoView {
    let key = field.id.clone();
    let input_id = dom_id(&key);
    let error_id = format!("error-{input_id}");
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let error = {
        let key = key.clone();
        Signal::derive(move || state.error(&key))
    };
    let label = field.label.clone();
    let hint = field.hint.clone();
    let on_file = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let Some((input, file)) = picked_file(&ev) else {
                return;
            };
            let key = key.clone();
            busy.set(true);
            failed.set(false);
            spawn_local(async move {
                let name = file.name();
                let result = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        let bytes = js_sys::Uint8Array::new(&buffer);
                        ipc::add_material(state.draft, &key, &name, &bytes)
                            .await
                            .ok()
                    }
                    Err(_) => None,
                };
                match result {
                    Some(info) => {
                        state.docs.update(|d| d.push(info));
                        state.refresh.run(());
                    }
                    None => failed.set(true),
                }
                input.set_value("");
                busy.set(false);
            });
        }
    };
    let attached = {
        let key = key.clone();
        move || {
            state.docs.with(|d| {
                d.iter()
                    .filter(|m| m.field == key)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        }
    };
    view! {
        <div class="field material-field" class:has-error=move || error.get().is_some() data-field=key.clone()>
            <p class="label" id=format!("{input_id}-label")>{move || pick(&label)}</p>
            {hint.map(|h| view! { <p class="hint">{move || pick(&h)}</p> })}
            <div class="field-message" aria-live="polite">{
                let error_id = error_id.clone();
                move || error.get().map(|code| view! {
                    <p class="field-error" id=error_id.clone() data-code=code.slug()>
                        {t(&format!("check-{}", code.slug()))}
                    </p>
                })
            }</div>
            <ul class="documents">
                {move || attached().into_iter().map(|m| view! { <Document info=m state=state/> }).collect_view()}
            </ul>
            <label class="file-button camera-button" class:busy=move || busy.get()>
                // Phones only (see the stylesheet): straight to the camera, the back one.
                <input type="file" id=format!("{input_id}-camera") accept="image/*" capture="environment"
                    aria-labelledby=format!("{input_id}-camera-action {input_id}-label")
                    on:change=on_file.clone() disabled=move || busy.get()/>
                <span id=format!("{input_id}-camera-action")>
                    {move || if busy.get() { t("material-adding") } else { t("material-camera") }}
                </span>
            </label>
            <label class="file-button" class:busy=move || busy.get()>
                // Named by what it does and for which material: "Add a photo or PDF, Proof of stay".
                <input type="file" id=input_id.clone() accept="image/*,application/pdf"
                    aria-labelledby=format!("{input_id}-action {input_id}-label")
                    on:change=on_file disabled=move || busy.get()/>
                <span id=format!("{input_id}-action")>
                    {move || if busy.get() { t("material-adding") } else { t("material-add") }}
                </span>
            </label>
            <p class="visually-hidden" role="status">
                {move || busy.get().then(|| t("material-adding"))}
            </p>
            // A photo takes a moment to be made smaller: a bar that moves says the app is at work.
            <Show when=move || busy.get()>
                <progress class="preparing" aria-label=move || t("material-adding")></progress>
            </Show>
            <Show when=move || failed.get()>
                <p class="field-error" role="alert">{move || t("material-add-failed")}</p>
            </Show>
        </div>
    }
}

/// One attached document: a preview of a photo, or the name of a PDF, and a way to remove it.
#[component]
fn Document(info: MaterialInfo, state: FormState) -> impl IntoView {
    let preview = RwSignal::new(None::<String>);
    let id = info.id;
    if info.mime.starts_with("image/") {
        spawn_local(async move {
            if let Ok(url) = ipc::call(ipc::MaterialPreview {
                id: state.draft,
                material: id,
            })
            .await
            {
                preview.set(url);
            }
        });
    }
    let remove = move |_| {
        spawn_local(async move {
            let removed = ipc::call(ipc::RemoveMaterial {
                id: state.draft,
                material: id,
            })
            .await;
            if removed.is_ok() {
                state.docs.update(|d| d.retain(|m| m.id != id));
                state.refresh.run(());
            }
        });
    };
    let size = format!("{:.0} KB", info.size as f64 / 1024.0);
    let name = info.file_name.clone();
    view! {
        <li class="document" data-material=id.to_string()>
            {move || match preview.get() {
                Some(url) => view! { <img src=url alt=name.clone() class="thumb"/> }.into_any(),
                None => view! { <span class="thumb pdf" aria-hidden="true">"PDF"</span> }.into_any(),
            }}
            <span class="doc-meta">
                <span class="doc-name">{info.file_name.clone()}</span>
                <span class="muted">{size}</span>
            </span>
            <button class="danger-link" on:click=remove>{move || t("material-remove")}</button>
        </li>
    }
}
