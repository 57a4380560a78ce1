//! Check your answers: every answer on one page, each with a link to change it, and the
//! application's status; printable (the system print dialog also saves a PDF).

use homeward_domain::draft::{answer_rows, GuideOfDraft, MaterialInfo, Shown};
use homeward_domain::privacy::ConsentKind;
use homeward_domain::{ApiError, Draft, DraftId, DraftReview, DraftStatus, Guide};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{key, lang_signal, pick, t, t_args};
use crate::ipc;
use crate::screens::city::city_name;
use crate::widgets::{
    consent_text, progress_text, BackLink, ErrorNote, PdfState, ReadyPanel, StatusTag,
};

struct Loaded {
    draft: Draft,
    guide: Guide,
    /// Whether the draft's city still offers the guide: a withdrawn one is not sent.
    offered: bool,
    review: DraftReview,
    docs: Vec<MaterialInfo>,
    /// The revision a Send would be; `None` once sent and not asked for more.
    next_revision: Option<u32>,
}

#[component]
pub fn AnswersScreen(id: DraftId) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<std::sync::Arc<Loaded>, ApiError>>);
    spawn_local(async move {
        let result = async {
            let mut draft = ipc::call(ipc::Draft { id }).await?;
            // Shown as it will be sent: full-width digits folded, numbers in full.
            draft.answers = ipc::call(ipc::AnswersAsSent { id }).await?;
            let GuideOfDraft { guide, offered } = ipc::call(ipc::DraftGuide { id }).await?;
            let review = ipc::call(ipc::Review { id }).await?;
            let docs = ipc::call(ipc::Materials { id }).await?;
            let next_revision = ipc::call(ipc::NextRevision { id }).await?;
            Ok(std::sync::Arc::new(Loaded {
                draft,
                guide,
                offered,
                review,
                docs,
                next_revision,
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

/// What a person reads of an answer, in the current language.
pub fn shown_text(value: &Shown) -> String {
    match value {
        Shown::Missing => t("answers-none"),
        Shown::Text(s) => s.clone(),
        Shown::Choice(label) => pick(label),
        Shown::Yes => t("field-yes"),
        Shown::No => t("field-no"),
        Shown::Files(names) => names.join("、"),
    }
}

#[component]
fn Answers(loaded: std::sync::Arc<Loaded>) -> impl IntoView {
    let nav = use_nav();
    let l = loaded;
    let id = l.draft.id;
    let status = l.review.status;
    let change = move |key: String| nav.replace(Screen::DraftQuestion(id, key));
    let rows: Vec<(String, String, String)> = answer_rows(&l.guide.form, &l.draft.answers, &l.docs)
        .into_iter()
        .map(|row| {
            let label = match &row.item {
                Some((group, n)) => format!("{} {n} · {}", pick(group), pick(&row.label)),
                None => pick(&row.label),
            };
            (row.key, label, shown_text(&row.value))
        })
        .collect();
    let problems: Vec<String> = l.review.problems.iter().map(|p| p.field.clone()).collect();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // The PDF: made on the device, saved to the downloads folder, then offered to open.
    let pdf = RwSignal::new(PdfState::Idle);
    let current = lang_signal();
    let make_pdf = move |_| {
        let lang = current.map(|l| l.get_untracked()).unwrap_or_default();
        PdfState::make(pdf, ipc::call(ipc::SaveApplicationPdf { id, lang }));
    };
    let title = l.guide.title.clone();
    let department = l.guide.department.clone();
    let next_revision = l.next_revision.filter(|_| l.offered);
    let offered = l.offered;
    let city = city_name(&l.draft.city);
    let review = l.review.clone();
    view! {
        <BackLink/>
        <article class="answers" data-draft=id.to_string()>
            <header class="guide-head">
                <p class="eyebrow">{
                    let city = city.clone();
                    move || t_args("answers-eyebrow", &[("city", pick(&city).into())])
                }</p>
                <h1 id="answers-title">{move || pick(&title)}</h1>
                {(!offered).then(|| view! {
                    <p class="field-warning" id="draft-withdrawn">{move || t("draft-withdrawn")}</p>
                })}
                <div class="draft-meta">
                    <StatusTag status=status/>
                    <span class="muted">{move || progress_text(&review)}</span>
                </div>
            </header>
            {(status == DraftStatus::Complete).then(|| view! {
                <ReadyPanel/>
                {next_revision.map(|revision| view! {
                    <SendPanel id=id revision=revision department=department.clone()
                        city=city.clone()/>
                })}
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
                <button class="primary" id="make-pdf" on:click=make_pdf
                    disabled=move || pdf.with(|p| matches!(p, PdfState::Working))>
                    {move || t("answers-pdf")}
                </button>
                <button class="secondary" id="print-answers" on:click=print>{move || t("answers-print")}</button>
            </div>
            <div class="no-print" aria-live="polite">{move || pdf.get().view()}</div>
        </article>
    }
}

/// Sending, with what will be sent and to whom said first; nothing leaves the device before the
/// person confirms.
#[component]
fn SendPanel(
    id: DraftId,
    revision: u32,
    department: homeward_domain::LocalizedText,
    city: homeward_domain::LocalizedText,
) -> impl IntoView {
    let nav = use_nav();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    // The consents sending needs that are not given yet, each asked for on its own.
    let missing = RwSignal::new(Vec::<ConsentKind>::new());
    let ticked = RwSignal::new(Vec::<ConsentKind>::new());
    let open = move |_| {
        spawn_local(async move {
            if let Ok(consents) = ipc::call(ipc::Consents {}).await {
                missing.set(
                    consents
                        .iter()
                        .filter(|c| !c.is_granted())
                        .map(|c| c.kind)
                        .collect(),
                );
            }
            confirming.set(true);
        });
    };
    let ready = move || missing.with(|m| m.iter().all(|k| ticked.with(|t| t.contains(k))));
    let send = move |_| {
        spawn_local(async move {
            for kind in missing.get_untracked() {
                if let Err(e) = ipc::call(ipc::SetConsent {
                    kind,
                    granted: true,
                })
                .await
                {
                    error.set(Some(e));
                    return;
                }
            }
            match ipc::call(ipc::Submit { id }).await {
                Ok(_) => nav.replace(Screen::Outbox),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="send-panel no-print">
            {move || if confirming.get() {
                let department = department.clone();
                let city = city.clone();
                view! {
                    <div class="consent" id="send-consent" role="group" aria-labelledby="send-consent-title">
                        <h2 id="send-consent-title">{move || t("send-consent-title")}</h2>
                        <p>{move || t_args("send-consent-body", &[
                            ("department", pick(&department).into()),
                            ("city", pick(&city).into()),
                        ])}</p>
                        <p class="muted">{move || t("send-consent-offline")}</p>
                        {move || missing.get().into_iter().map(|kind| {
                            let (title, body) = consent_text(kind);
                            view! {
                                <label class="consent-tick" id=format!("tick-{}", kind.slug())>
                                    <input type="checkbox" on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        ticked.update(|t| {
                                            t.retain(|k| *k != kind);
                                            if on {
                                                t.push(kind);
                                            }
                                        });
                                    }/>
                                    <span><strong>{move || t(title)}</strong>" "{move || t(body)}</span>
                                </label>
                            }
                        }).collect_view()}
                        <div class="form-actions">
                            <button class="primary" id="confirm-send" on:click=send
                                disabled=move || !ready()>{move || t("send-confirm")}</button>
                            <button class="secondary" on:click=move |_| confirming.set(false)>{move || t("send-cancel")}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button class="primary" id="send-application" on:click=open>
                        {move || t(if revision == 0 { key("send-application") } else { key("send-revision") })}
                    </button>
                }.into_any()
            }}
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        </div>
    }
}
