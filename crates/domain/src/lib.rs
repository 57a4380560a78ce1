//! Types that the app's core, its UI and the city backend share.
//!
//! This crate does no I/O and must keep building for `wasm32-unknown-unknown`, because the UI uses
//! it. Business rules that need storage, the network or a clock live in `homeward-core` or
//! `homeward-backend`, not here.

pub mod api;
pub mod catalog;
pub mod check;
pub mod city;
pub mod conversation;
pub mod desk;
pub mod display;
pub mod draft;
pub mod handover;
pub mod identity;
pub mod ipc;
pub mod lang;
pub mod notice;
pub mod privacy;
pub mod staff;
pub mod sync;
mod tagged;
pub mod wire;

pub use api::{ApiError, BackendStatus, ErrorCode, Health};
pub use catalog::{CatalogueOverview, CataloguePack, Guide, GuideId, GuideSummary};
pub use draft::{Draft, DraftCursor, DraftId, DraftPage, DraftReview, DraftStatus, DraftSummary};
pub use lang::{Lang, LocalizedText};
