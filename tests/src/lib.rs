//! Helpers for Homeward's cross-crate and end-to-end tests: the repository's paths, a backend on
//! a loopback port, and the real desktop app driven through WebDriver.

pub mod app;
pub mod backend;
pub mod cities;
pub mod faults;
pub mod installation;
pub mod probe;
pub mod qr;
pub mod signing_proxy;

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}
