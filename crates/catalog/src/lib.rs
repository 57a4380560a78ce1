//! The guides and their forms, as the app, the backend's tools and the content team's command
//! line all read them: the signed catalogue pack ([`verify`], [`bundled`]), search over it
//! ([`search`]), the source files under `catalog/` ([`source`]), the checks of one answer
//! ([`validate`]) and the review of a whole draft ([`review`]).
//!
//! Nothing here stores, asks a keyring or goes on the network, so `homeward catalog ...` and
//! `homeward check-field` link none of SQLCipher, OpenSSL, the keyring or the PDF stack; the
//! app's core builds on it.

pub mod cities;
pub mod notices;
mod pack;
pub mod review;
pub mod search;
pub mod source;
mod traditional;
pub mod validate;

pub use cities::{bundled_cities, sign_cities, verify_cities};
pub use pack::*;
