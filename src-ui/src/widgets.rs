//! Small pieces shared by screens.

use homeward_domain::catalog::DayKind;
use homeward_domain::{ApiError, DraftStatus, ErrorCode};
use leptos::prelude::*;

use crate::i18n::{has, key, lang, t, t_args};

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
