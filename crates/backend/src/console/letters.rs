//! The letter check a counter does: paste (or scan into) the text under an entrustment letter's
//! QR code, and see whether it holds, and what it entrusts to whom.

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use homeward_domain::identity::{parse_public_key, Delegation, DelegationCheck};
use homeward_domain::sync::AccessAction;
use homeward_domain::Lang;
use homeward_i18n::key;
use maud::{html, Markup};
use serde::Deserialize;

use super::layout::{self, csrf_field};
use super::paths;
use super::{answer, guide_title, lang_of, posted_by, session, tr, when, Typed};
use crate::routes::CatalogBody;
use crate::staff::{self, Staff};
use crate::AppState;

pub(super) async fn letters(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = session(&state, &headers).await?;
        Ok(letter_page(&state.catalog, lang, &me, "", None))
    }
    .await;
    answer(lang, result)
}

#[derive(Debug, Deserialize)]
pub(super) struct LetterForm {
    #[serde(default)]
    csrf: String,
    token: String,
}

pub(super) async fn check_letter(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    posted: Result<Form<LetterForm>, FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let (me, posted) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        // A letter that opens at all names the device that signed it: its owner is told.
        if let Some(letter) = Delegation::open(&posted.token) {
            let key = letter.principal_key.trim();
            let key = parse_public_key(key).is_some().then_some(key);
            let about = staff::About {
                device_key: key,
                reference: None,
                subject: Some(letter.id.to_string()),
            };
            staff::record_access(&state, &me, AccessAction::CheckedLetter, about).await?;
        }
        let check = crate::identity::check_delegation(&state, &posted.token).await?;
        let token = posted.token.trim();
        Ok(letter_page(&state.catalog, lang, &me, token, Some(&check)))
    }
    .await;
    answer(lang, result)
}

/// The page: the form with `token` as typed, and what the check of it found, if it was made.
fn letter_page(
    catalog: &CatalogBody,
    lang: Lang,
    me: &Staff,
    token: &str,
    result: Option<&DelegationCheck>,
) -> Markup {
    let body = html! {
        p class="muted" { a href=(paths::HOME) { (tr(lang, "console-back")) } }
        h1 { (tr(lang, "console-letters")) }
        p class="muted" { (tr(lang, "console-letters-intro")) }
        form class="card" method="post" action=(paths::LETTERS) {
            (csrf_field(me))
            label for="token" { (tr(lang, "console-letter-token")) }
            textarea id="token" name="token" required { (token) }
            p { button type="submit" id="check-letter" { (tr(lang, "console-letter-check")) } }
        }
        @if let Some(check) = result {
            (outcome(catalog, lang, check))
        }
    };
    layout::page(lang, &tr(lang, "console-letters"), Some(me), &body)
}

/// What the check found; for a letter that opens, what it says, so the counter can compare.
fn outcome(catalog: &CatalogBody, lang: Lang, check: &DelegationCheck) -> Markup {
    let (state, text, delegation) = match check {
        DelegationCheck::Valid { delegation } => {
            ("valid", key("console-letter-valid"), Some(delegation))
        }
        DelegationCheck::Revoked { delegation, .. } => {
            ("revoked", key("console-letter-revoked"), Some(delegation))
        }
        DelegationCheck::Expired { delegation } => {
            ("expired", key("console-letter-expired"), Some(delegation))
        }
        DelegationCheck::NotYetValid { delegation } => (
            "not-yet-valid",
            key("console-letter-not-yet-valid"),
            Some(delegation),
        ),
        DelegationCheck::UnknownSigner { delegation } => (
            "unknown-signer",
            key("console-letter-unknown-signer"),
            Some(delegation),
        ),
        DelegationCheck::IdentityNotProven { delegation } => (
            "identity-not-proven",
            key("console-letter-identity-not-proven"),
            Some(delegation),
        ),
        DelegationCheck::TooLong { delegation } => {
            ("too-long", key("console-letter-too-long"), Some(delegation))
        }
        DelegationCheck::NotEntrustable { delegation } => (
            "not-entrustable",
            key("console-letter-not-entrustable"),
            Some(delegation),
        ),
        DelegationCheck::Tampered => ("tampered", key("console-letter-tampered"), None),
    };
    let (class, mark) = if state == "valid" {
        ("ok", "✓")
    } else {
        ("bad", "✗")
    };
    html! {
        section class="card" id="letter-result" data-state=(state) {
            p class=(class) { (mark) " " (tr(lang, text)) }
            @if let Some(d) = delegation {
                table {
                    tbody {
                        @for (label, value) in letter_rows(catalog, lang, d) {
                            tr { th { (label) } td { (Typed(&value)) } }
                        }
                    }
                }
            }
        }
    }
}

/// What a letter says, as (label, value): who entrusts whom, with what, for how long.
fn letter_rows(catalog: &CatalogBody, lang: Lang, d: &Delegation) -> [(String, String); 4] {
    [
        (
            tr(lang, "console-letter-principal"),
            format!("{} · {}", d.principal_name, d.principal_document),
        ),
        (
            tr(lang, "console-letter-agent"),
            format!("{} · {}", d.agent_name, d.agent_id_number),
        ),
        (
            tr(lang, "console-letter-services"),
            d.guides
                .iter()
                .map(|g| guide_title(catalog, lang, &g.0))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            tr(lang, "console-letter-validity"),
            format!(
                "{} – {}",
                when(d.valid_from),
                when(d.valid_until.saturating_sub(1))
            ),
        ),
    ]
}
