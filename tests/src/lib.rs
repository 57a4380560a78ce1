//! Helpers for Homeward's cross-crate and end-to-end tests: the repository's paths, a backend on
//! a loopback port, and the real desktop app driven through WebDriver.

pub mod app;
pub mod axe;
pub mod backend;
pub mod balancer;
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

/// A one-page PDF, as an office's scanner would make one: a result sent back to
/// an applicant.
pub const RESULT_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";
