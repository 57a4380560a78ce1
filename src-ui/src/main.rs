//! Homeward's UI: Leptos, rendered in the webview, talking to the shell only through `ipc`.
//!
//! The UI shows and asks; it decides no business rule. Every string goes through [`i18n::t`].

mod app;
mod i18n;
mod ipc;
mod screens;
mod widgets;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
