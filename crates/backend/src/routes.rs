//! HTTP routes.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use homeward_domain::Health;
use sha2::{Digest as _, Sha256};

use crate::error::AppError;
use crate::AppState;

/// The signed pack compiled in, the same file the app bundles.
const BUNDLED_PACK: &[u8] = include_bytes!("../../../catalog/pack.signed");

/// The catalogue as served: its bytes, parsed once at start to refuse a broken file, and its ETag.
#[derive(Debug)]
pub(crate) struct CatalogBody {
    /// Shared, so a response hands out a reference rather than copying the 2 MB pack.
    bytes: Bytes,
    etag: String,
    /// The guides, for the console's titles and question labels.
    guides: std::collections::HashMap<String, homeward_domain::Guide>,
}

impl CatalogBody {
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let bytes = match path {
            Some(p) => std::fs::read(p).with_context(|| format!("reading {}", p.display()))?,
            None => BUNDLED_PACK.to_vec(),
        };
        // The backend serves the pack as the content team signed it; the apps check the
        // signature. Here it only refuses a file that is not a signed pack at all.
        let (key_id, pack) = homeward_catalog::read_unverified(&bytes)
            .context("the catalogue file is not a signed pack")?;
        tracing::info!(%key_id, bytes = bytes.len(), "catalogue loaded");
        let etag = format!("\"{}\"", hex::encode(Sha256::digest(&bytes)));
        let guides = pack
            .guides
            .into_iter()
            .map(|g| (g.id.0.clone(), g))
            .collect();
        Ok(CatalogBody {
            bytes: Bytes::from(bytes),
            etag,
            guides,
        })
    }

    pub fn guide(&self, id: &str) -> Option<&homeward_domain::Guide> {
        self.guides.get(id)
    }

    pub fn guide_title(&self, id: &str, lang: homeward_domain::Lang) -> Option<String> {
        self.guide(id).map(|g| g.title.get(lang).to_owned())
    }
}

pub(crate) fn router(state: Arc<AppState>) -> Router {
    use crate::{access, identity, intake, staff_api, uploads};
    use axum::routing::head;
    use homeward_domain::wire::{path, tus};
    Router::new()
        .route(path::HEALTH, get(healthz))
        .route(path::CATALOG, get(catalog))
        .route(path::OPENAPI, get(openapi))
        .route(path::KEYS, get(intake::keys))
        .route(path::DEVICES, post(intake::register_device))
        .route(path::SUBMISSIONS, post(intake::submit))
        .route(path::FEED, get(intake::feed))
        .route(path::MESSAGES, post(crate::conversation::post_message))
        .route(path::DOCUMENT, get(crate::conversation::document))
        .route(path::HANDOVERS, post(crate::handover::offer))
        .route(path::HANDOVER, get(crate::handover::state_of))
        .route(path::HANDOVER_CLAIM, post(crate::handover::claim))
        .route(path::HANDOVER_STATUS, post(crate::handover::status))
        .route(path::ACCESS_LOG, get(access::for_device))
        .route(
            path::UPLOADS,
            post(uploads::create).options(uploads::options),
        )
        .route(
            path::UPLOAD,
            head(uploads::head)
                .patch(uploads::patch)
                .layer(axum::extract::DefaultBodyLimit::max(tus::MAX_CHUNK)),
        )
        .route(path::STAFF_SESSIONS, post(staff_api::sign_in))
        .route(path::STAFF_ACCOUNTS, post(staff_api::add_account))
        .route(
            path::STAFF_ACCOUNT_DISABLE,
            post(staff_api::disable_account),
        )
        .route(path::STAFF_APPLICATIONS, get(staff_api::list))
        .route(path::STAFF_APPLICATION, get(staff_api::show))
        .route(path::STAFF_DECISION, post(staff_api::decide))
        .route(path::STAFF_ROUTE, post(staff_api::route))
        .route(
            path::STAFF_SIGNERS,
            get(identity::list_signers).post(identity::add_site),
        )
        .route(path::STAFF_SIGNER_REVOKE, post(identity::revoke_signer))
        .route(path::STAFF_DEVICE_REVOKE, post(identity::revoke_device))
        .route(path::STAFF_ACCESS_LOG, get(access::for_admin))
        .route(path::NOTICES, get(crate::notices::feeds))
        .route(
            path::STAFF_NOTICES,
            post(crate::notices::publish).layer(axum::extract::DefaultBodyLimit::max(
                homeward_domain::notice::MAX_FEED_BYTES,
            )),
        )
        .route(path::DELEGATIONS_VERIFY, post(identity::verify_delegation))
        .route(path::PROOFING_REQUESTS, post(identity::request_proofing))
        .route(path::DELEGATIONS_REVOKE, post(identity::revoke_delegation))
        .merge(crate::console::router())
        .fallback(|| async { AppError::NotFound("route") })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        .with_state(state)
}

/// The API's description, kept in the repository beside the code it describes.
const OPENAPI: &str = include_str!("../api/openapi.json");

async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response()
}

async fn healthz(State(state): State<Arc<AppState>>) -> Result<Json<Health>, AppError> {
    state.db.ping().await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

async fn catalog(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let body = &state.catalog;
    let mut response = with_etag(&headers, &body.etag, body.bytes.clone());
    if response.status() == StatusCode::OK && homeward_catalog::is_compact(&body.bytes) {
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(PACK_CONTENT_TYPE),
        );
    }
    response
}

/// The media type of a compact signed pack: already compressed, so not compressed again.
pub(crate) const PACK_CONTENT_TYPE: &str = "application/vnd.homeward.pack";

/// A JSON body with its ETag, or `304 Not Modified` when the client already holds it.
pub(crate) fn with_etag(headers: &HeaderMap, etag: &str, body: Bytes) -> Response {
    let value = HeaderValue::from_str(etag).unwrap_or(HeaderValue::from_static("\"\""));
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, value)]).into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, value),
        ],
        body,
    )
        .into_response()
}
