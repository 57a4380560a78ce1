//! The app's brain: everything Homeward does on a person's device that is not drawing pixels.
//!
//! [`Homeward`] is the one entry point the desktop shell (and tests) use. Below it: [`store`], the
//! SQLCipher database; [`secrets`], keys in the OS keyring; [`catalog`], the guide catalogue (from `homeward-catalog`); and
//! [`remote`], the city backend client. This crate knows nothing of Tauri or of the UI: the shell
//! hands each command to a method here and returns what it gets.

mod app;
mod city;
mod conversation;
pub mod desk;
pub mod entrust;
mod error;
pub mod handover;
pub mod identity;
pub mod materials;
mod notices;
pub use notices::NoticesRefreshed;
pub mod outbox;
pub mod pdf;
pub mod privacy;
pub mod remote;
/// The installation's keys in the OS keyring.
pub use homeward_keys as secrets;
pub mod store;
pub mod walkin;

/// A language's messages as the app's UI shows them, as `.ftl` text: the shell hands them to the
/// UI, which carries none of its own.
pub use homeward_i18n::app_messages;

/// The guides and their forms, from the crate that needs no storage: core re-exports them so
/// the app reads one crate.
pub use homeward_catalog as catalog;
pub use homeward_catalog::{review, validate};

pub use app::{set_aside_unreadable, system_language, Config, Homeward, DRAFT_PAGE};
pub use error::{CoreError, Result};
