//! Small pieces shared by screens, so that no screen reaches into another.

use homeward_domain::catalog::{DayKind, IdentityLevel};
use homeward_domain::display::TextSize;
use homeward_domain::privacy::ConsentKind;
use homeward_domain::{ApiError, DraftReview, DraftStatus, ErrorCode};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::use_nav;
use crate::i18n::{has, key, lang, t, t_args};
use crate::ipc;

/// "‹ Back", where there is somewhere to go back to.
#[component]
pub fn BackLink() -> impl IntoView {
    let nav = use_nav();
    view! {
        <Show when=move || nav.can_go_back()>
            <button class="back" id="back" on:click=move |_| nav.back()>
                "‹ " {move || t("nav-back")}
            </button>
        </Show>
    }
}

/// "3 of 7 answered", for lists.
pub fn progress_text(review: &DraftReview) -> String {
    t_args(
        "draft-progress",
        &[
            ("done", review.answered.into()),
            ("total", review.applicable.into()),
        ],
    )
}

/// The text of a consent: its title and what it allows.
pub fn consent_text(kind: ConsentKind) -> (&'static str, &'static str) {
    match kind {
        ConsentKind::SensitiveData => (
            key("consent-sensitive-data"),
            key("consent-sensitive-data-body"),
        ),
        ConsentKind::CrossBorder => (
            key("consent-cross-border"),
            key("consent-cross-border-body"),
        ),
    }
}

/// The name of a level of identity proof, for people.
pub fn level_name(level: IdentityLevel) -> String {
    t(match level {
        IdentityLevel::SelfAsserted => key("level-self-asserted"),
        IdentityLevel::DocumentsReviewed => key("level-documents-reviewed"),
        IdentityLevel::OnsiteAttended => key("level-onsite-attended"),
        IdentityLevel::RemoteAttended => key("level-remote-attended"),
    })
}

/// What a service asks for, for people: either attended way is named as such.
pub fn requirement_name(level: IdentityLevel) -> String {
    match level {
        IdentityLevel::OnsiteAttended | IdentityLevel::RemoteAttended => t("level-attended-either"),
        other => level_name(other),
    }
}

/// The "run once at most" badges: trips, entrustment and time limit.
#[component]
pub fn Badges(
    trips: u8,
    entrustable: bool,
    time_limit_days: u16,
    #[prop(optional)] time_limit_kind: DayKind,
) -> impl IntoView {
    view! {
        <ul class="badges">
            {if trips == 0 {
                view! { <li class="badge good">{move || t("badge-no-trip")}</li> }.into_any()
            } else {
                view! { <li class="badge">{move || t("badge-one-trip")}</li> }.into_any()
            }}
            {entrustable.then(|| view! { <li class="badge">{move || t("badge-entrustable")}</li> })}
            <li class="badge plain">
                {move || time_limit_text(time_limit_days, time_limit_kind)}
            </li>
        </ul>
    }
}

/// "On the spot", "5 working days" or "60 days".
pub fn time_limit_text(days: u16, kind: DayKind) -> String {
    match (days, kind) {
        (0, _) => t("guide-time-limit-same-day"),
        (d, DayKind::Working) => t_args("guide-time-limit-days", &[("days", d.into())]),
        (d, DayKind::Calendar) => t_args("guide-time-limit-calendar-days", &[("days", d.into())]),
    }
}

/// An error from a command, in the person's language. Bad input names its field
/// (`field: what is expected`); where the field has a message of its own, that is shown.
#[component]
pub fn ErrorNote(error: ApiError) -> impl IntoView {
    let field = (error.code == ErrorCode::InvalidInput)
        .then(|| {
            error
                .message
                .split_once(':')
                .map(|(f, _)| f.trim().to_owned())
        })
        .flatten()
        .filter(|f| has(&format!("field-error-{f}")));
    let key = match &field {
        Some(f) => format!("field-error-{f}"),
        None => format!("error-{}", error.code.slug()),
    };
    view! { <p class="error-note" role="alert" data-field=field>{move || t(&key)}</p> }
}

/// A moment as the person's locale writes it.
pub fn format_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    date.to_locale_string(lang().tag(), &options).into()
}

/// The calendar day in China (UTC+8) of a moment, as the person's locale writes a date: the
/// day a letter or confirmation runs to at the counters.
pub fn format_china_day(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "long"), ("timeZone", "Asia/Shanghai")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    date.to_locale_date_string(lang().tag(), &options).into()
}

/// A draft's place in the task list: not started, in progress, needs attention, complete.
#[component]
pub fn StatusTag(status: DraftStatus) -> impl IntoView {
    let (class, key) = match status {
        DraftStatus::NotStarted => ("tag not-started", key("status-not-started")),
        DraftStatus::InProgress => ("tag in-progress", key("status-in-progress")),
        DraftStatus::NeedsAttention => ("tag needs-attention", key("status-needs-attention")),
        DraftStatus::Complete => ("tag complete", key("status-complete")),
    };
    view! { <strong class=class data-status=key>{move || t(key)}</strong> }
}

/// Said when every required question is answered and every answer is valid.
#[component]
pub fn ReadyPanel() -> impl IntoView {
    view! {
        <div class="ready-panel" id="ready" role="status">
            <h2>{move || t("draft-ready-title")}</h2>
            <p>{move || t("draft-ready-body")}</p>
        </div>
    }
}

/// A button for something that cannot be undone: it asks first, in place, and does it only on
/// a second, explicit press. Ids name it where it stands alone; classes where it repeats in a
/// list.
#[component]
pub fn ConfirmAction(
    /// Message keys: the button's label, and the question asked before acting.
    label: &'static str,
    question: &'static str,
    #[prop(optional)] open_id: Option<&'static str>,
    #[prop(optional)] confirm_id: Option<&'static str>,
    #[prop(optional)] open_class: &'static str,
    #[prop(optional)] confirm_class: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    move || {
        if confirming.get() {
            view! {
                <div class="confirm" role="alertdialog" aria-label=move || t(question)>
                    <p><strong>{move || t(question)}</strong></p>
                    <div class="form-actions">
                        <button class=format!("danger {confirm_class}") id=confirm_id
                            on:click=move |_| {
                                confirming.set(false);
                                on_confirm.run(());
                            }>{move || t(label)}</button>
                        <button class="secondary" on:click=move |_| confirming.set(false)>
                            {move || t("send-cancel")}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button class=format!("danger {open_class}") id=open_id
                    on:click=move |_| confirming.set(true)>{move || t(label)}</button>
            }
            .into_any()
        }
    }
}

/// The file a person just picked in a file input (on a phone, perhaps a photo just taken), with
/// the input itself, to clear once the file is read.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::File)> {
    use wasm_bindgen::JsCast as _;
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    Some((input, file))
}

/// A PDF being made for the person, then saved, with a way to open it.
#[derive(Clone)]
pub enum PdfState {
    Idle,
    Working,
    Saved(String),
    Failed(ApiError),
}

impl PdfState {
    /// Shows the PDF `save` makes in `state`: working on it, then where it went or why not.
    pub fn make(
        state: RwSignal<PdfState>,
        save: impl std::future::Future<Output = Result<String, ApiError>> + 'static,
    ) {
        state.set(PdfState::Working);
        spawn_local(async move {
            state.set(match save.await {
                Ok(path) => PdfState::Saved(path),
                Err(e) => PdfState::Failed(e),
            });
        });
    }

    pub fn view(self) -> AnyView {
        self.view_for("pdf", key("answers-pdf-saved"), key("answers-pdf-open"))
    }

    /// The same, for one of several files on a screen, saying `saved` (with `$path`) and
    /// offering `open`: its elements' ids start from `what`.
    pub fn view_for(self, what: &str, saved: &'static str, open_label: &'static str) -> AnyView {
        match self {
            PdfState::Idle => ().into_any(),
            PdfState::Working => {
                view! { <p class="muted">{move || t("answers-pdf-working")}</p> }.into_any()
            }
            PdfState::Saved(path) => {
                let name = path
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let shown = path.clone();
                let open = move |_| {
                    let name = name.clone();
                    spawn_local(async move {
                        if let Err(e) = ipc::call(ipc::OpenExport { name }).await {
                            leptos::logging::warn!("cannot open the PDF: {}", e.code.slug());
                        }
                    });
                };
                view! {
                    <div class="saved-file" id=format!("{what}-saved") data-path=path>
                        <p>{move || t_args(saved, &[("path", shown.clone().into())])}</p>
                        <button class="link" id=format!("open-{what}") on:click=open>{move || t(open_label)}</button>
                    </div>
                }
                .into_any()
            }
            PdfState::Failed(e) => view! { <ErrorNote error=e/> }.into_any(),
        }
    }
}

/// The size of the text, chosen from the steps offered and kept on the device.
#[component]
pub fn TextSizeControl() -> impl IntoView {
    let crate::app::TextSizeCtx(size) = expect_context::<crate::app::TextSizeCtx>();
    let on_change = move |ev| {
        let Ok(chosen) = event_target_value(&ev)
            .parse::<u16>()
            .map_err(|_| ())
            .and_then(|p| TextSize::try_from(p).map_err(|_| ()))
        else {
            return;
        };
        size.set(chosen);
        spawn_local(async move {
            let _ = ipc::call(ipc::SetTextSize { size: chosen }).await;
        });
    };
    view! {
        <span class="text-size">
            <label for="text-size">{move || t("text-size-label")}</label>
            <select id="text-size" on:change=on_change>
                {TextSize::STEPS.into_iter().map(|s| view! {
                    <option value=s.percent().to_string() selected=move || size.get() == s>
                        {move || t_args("text-size-option", &[("percent", s.percent().into())])}
                    </option>
                }).collect_view()}
            </select>
        </span>
    }
}
