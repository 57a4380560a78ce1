//! Homeward's UI: Leptos, rendered in the webview, talking to the shell only through `ipc`.
//!
//! The UI shows and asks; it decides no business rule. Every string goes through [`i18n::t`].

mod app;
mod i18n;
mod ipc;
mod screens;
mod widgets;

fn main() {
    mark_start(homeward_domain::display::StartStep::UiStarted);
    leptos::mount::mount_to_body(app::App);
}

thread_local! {
    /// The steps of the start already told to the shell.
    static START_MARKS: std::cell::RefCell<Vec<homeward_domain::display::StartStep>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether the start has reached `step` (and told the shell so).
pub(crate) fn start_reached(step: homeward_domain::display::StartStep) -> bool {
    START_MARKS.with_borrow(|sent| sent.contains(&step))
}

/// Tells the shell a step of the start was reached (see `ipc::MarkStart`), once: a screen shown
/// again later costs no call.
pub(crate) fn mark_start(step: homeward_domain::display::StartStep) {
    let first = START_MARKS.with_borrow_mut(|sent| {
        let first = !sent.contains(&step);
        if first {
            sent.push(step);
        }
        first
    });
    if !first {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let _ = ipc::call(ipc::MarkStart { step }).await;
    });
}
