//! Calls into the Tauri shell (`window.__TAURI__.core.invoke`, exposed by `withGlobalTauri`).

use homeward_domain::catalog::{Contacts, SearchHit};
use homeward_domain::check::FieldCheck;
use homeward_domain::draft::MaterialInfo;
use homeward_domain::identity::{
    Code, DelegationRevoked, DelegationSummary, DocumentKind, IdentityStatus, NewDelegation,
    ProofRequest, ProofingRequestState, SiteInfo,
};
use homeward_domain::privacy::{Consent, ConsentKind, Profile, ProfileProblem};
use homeward_domain::sync::{FeedEvent, OutboxItem};
use homeward_domain::{
    ApiError, BackendStatus, CatalogueOverview, Draft, DraftId, ErrorCode, Guide, Lang,
};
use homeward_domain::{DraftReview, DraftSummary};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// The same call with a raw body and request headers.
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke_raw(
        cmd: &str,
        body: &js_sys::Uint8Array,
        options: JsValue,
    ) -> Result<JsValue, JsValue>;
}

fn decode<R: DeserializeOwned>(cmd: &str, result: Result<JsValue, JsValue>) -> Result<R, ApiError> {
    match result {
        Ok(value) => serde_wasm_bindgen::from_value(value)
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("{cmd}: {e}"))),
        Err(err) => Err(
            serde_wasm_bindgen::from_value(err.clone()).unwrap_or_else(|_| {
                ApiError::new(
                    ErrorCode::Internal,
                    err.as_string().unwrap_or_else(|| cmd.to_owned()),
                )
            }),
        ),
    }
}

async fn call<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&serializer)
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    decode(cmd, tauri_invoke(cmd, args).await)
}

#[derive(Serialize)]
struct NoArgs {}

#[derive(Serialize)]
struct IdArg<'a> {
    id: &'a str,
}

pub async fn language() -> Result<Lang, ApiError> {
    call("language", &NoArgs {}).await
}

pub async fn set_language(lang: Lang) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct A {
        lang: Lang,
    }
    call("set_language", &A { lang }).await
}

pub async fn catalog_overview() -> Result<CatalogueOverview, ApiError> {
    call("catalog_overview", &NoArgs {}).await
}

pub async fn guide(id: &str) -> Result<Guide, ApiError> {
    call("guide", &IdArg { id }).await
}

pub async fn create_draft(guide_id: &str) -> Result<Draft, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        guide_id: &'a str,
    }
    call("create_draft", &A { guide_id }).await
}

pub async fn drafts() -> Result<Vec<Draft>, ApiError> {
    call("drafts", &NoArgs {}).await
}

pub async fn draft(id: DraftId) -> Result<Draft, ApiError> {
    #[derive(Serialize)]
    struct A {
        id: DraftId,
    }
    call("draft", &A { id }).await
}

pub async fn set_answer(
    draft_id: DraftId,
    field: &str,
    value: &str,
) -> Result<FieldCheck, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        draft_id: DraftId,
        field: &'a str,
        value: &'a str,
    }
    call(
        "set_answer",
        &A {
            draft_id,
            field,
            value,
        },
    )
    .await
}

pub async fn refresh_backend() -> Result<BackendStatus, ApiError> {
    call("refresh_backend", &NoArgs {}).await
}

pub async fn search(query: &str, lang: Lang) -> Result<Vec<SearchHit>, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        query: &'a str,
        lang: Lang,
    }
    call("search", &A { query, lang }).await
}

pub async fn contacts() -> Result<Contacts, ApiError> {
    call("contacts", &NoArgs {}).await
}

#[derive(Serialize)]
struct GuideArg<'a> {
    guide_id: &'a str,
}

pub async fn checked_materials(guide_id: &str) -> Result<Vec<u32>, ApiError> {
    call("checked_materials", &GuideArg { guide_id }).await
}

pub async fn set_material_checked(
    guide_id: &str,
    index: u32,
    checked: bool,
) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        guide_id: &'a str,
        index: u32,
        checked: bool,
    }
    call(
        "set_material_checked",
        &A {
            guide_id,
            index,
            checked,
        },
    )
    .await
}

/// Opens a `tel:` or `mailto:` link with the system's dialer or mail client.
pub async fn open_url(url: &str) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        url: &'a str,
    }
    call("plugin:opener|open_url", &A { url }).await
}

#[derive(Serialize)]
struct DraftArg {
    id: DraftId,
}

pub async fn review(id: DraftId) -> Result<DraftReview, ApiError> {
    call("review", &DraftArg { id }).await
}

pub async fn draft_summaries() -> Result<Vec<DraftSummary>, ApiError> {
    call("draft_summaries", &NoArgs {}).await
}

pub async fn delete_draft(id: DraftId) -> Result<(), ApiError> {
    call("delete_draft", &DraftArg { id }).await
}

pub async fn duplicate_draft(id: DraftId) -> Result<Draft, ApiError> {
    call("duplicate_draft", &DraftArg { id }).await
}

/// Sends a chosen file's bytes to be attached to a document question of a draft.
pub async fn add_material(
    draft: DraftId,
    field: &str,
    file_name: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<MaterialInfo, ApiError> {
    let headers = js_sys::Object::new();
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    for (k, v) in [
        ("x-draft-id", draft.to_string()),
        ("x-field", encode(field)),
        ("x-file-name", encode(file_name)),
    ] {
        let _ = js_sys::Reflect::set(&headers, &k.into(), &v.into());
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"headers".into(), &headers);
    decode(
        "add_material",
        tauri_invoke_raw("add_material", bytes, options.into()).await,
    )
}

pub async fn materials(id: DraftId) -> Result<Vec<MaterialInfo>, ApiError> {
    call("materials", &DraftArg { id }).await
}

#[derive(Serialize)]
struct MaterialArg {
    id: DraftId,
    material: uuid::Uuid,
}

pub async fn material_preview(
    id: DraftId,
    material: uuid::Uuid,
) -> Result<Option<String>, ApiError> {
    call("material_preview", &MaterialArg { id, material }).await
}

pub async fn remove_material(id: DraftId, material: uuid::Uuid) -> Result<(), ApiError> {
    call("remove_material", &MaterialArg { id, material }).await
}

/// Saves the application's PDF (Chinese, with `lang` beside it); returns where it went.
pub async fn save_application_pdf(id: DraftId, lang: Lang) -> Result<String, ApiError> {
    #[derive(Serialize)]
    struct A {
        id: DraftId,
        lang: Lang,
    }
    call("save_application_pdf", &A { id, lang }).await
}

/// Opens a file the app saved, by name, in the system's viewer.
pub async fn open_export(name: &str) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        name: &'a str,
    }
    call("open_export", &A { name }).await
}

/// Freezes a complete application into the outbox; it is sent when a connection allows.
pub async fn submit(id: DraftId) -> Result<OutboxItem, ApiError> {
    call("submit", &DraftArg { id }).await
}

pub async fn outbox() -> Result<Vec<OutboxItem>, ApiError> {
    call("outbox", &NoArgs {}).await
}

/// Puts an item that was set aside back in line.
pub async fn retry_submission(id: uuid::Uuid) -> Result<OutboxItem, ApiError> {
    #[derive(Serialize)]
    struct A {
        id: uuid::Uuid,
    }
    call("retry_submission", &A { id }).await
}

/// What the city said about sent applications, oldest first.
pub async fn status_events() -> Result<Vec<FeedEvent>, ApiError> {
    call("status_events", &NoArgs {}).await
}

/// The revision a Send of this draft would be, or none when sending again is not possible.
pub async fn next_revision(id: DraftId) -> Result<Option<u32>, ApiError> {
    call("next_revision", &DraftArg { id }).await
}

/// A draft's answers as they would be sent: valid answers normalised.
pub async fn answers_as_sent(
    id: DraftId,
) -> Result<std::collections::BTreeMap<String, String>, ApiError> {
    call("answers_as_sent", &DraftArg { id }).await
}

pub async fn profile() -> Result<Option<Profile>, ApiError> {
    call("profile", &NoArgs {}).await
}

/// Saves the profile if valid; what needs attention otherwise.
pub async fn set_profile(profile: &Profile) -> Result<Vec<ProfileProblem>, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        profile: &'a Profile,
    }
    call("set_profile", &A { profile }).await
}

pub async fn consents() -> Result<Vec<Consent>, ApiError> {
    call("consents", &NoArgs {}).await
}

pub async fn set_consent(kind: ConsentKind, granted: bool) -> Result<Vec<Consent>, ApiError> {
    #[derive(Serialize)]
    struct A {
        kind: ConsentKind,
        granted: bool,
    }
    call("set_consent", &A { kind, granted }).await
}

/// Exports everything; the folder it went to.
pub async fn export_all() -> Result<String, ApiError> {
    call("export_all", &NoArgs {}).await
}

/// Erases everything on this device; the app closes.
pub async fn erase_all() -> Result<(), ApiError> {
    call("erase_all", &NoArgs {}).await
}

pub async fn identity() -> Result<IdentityStatus, ApiError> {
    call("identity", &NoArgs {}).await
}

/// The code to show a volunteer at a liaison site.
pub async fn proof_request() -> Result<Code, ApiError> {
    call("proof_request", &NoArgs {}).await
}

#[derive(Serialize)]
struct TokenArg<'a> {
    token: &'a str,
}

#[derive(Serialize)]
struct TextArg<'a> {
    text: &'a str,
}

pub async fn add_attestation(token: &str) -> Result<IdentityStatus, ApiError> {
    call("add_attestation", &TokenArg { token }).await
}

pub async fn site() -> Result<Option<SiteInfo>, ApiError> {
    call("site", &NoArgs {}).await
}

pub async fn enable_site_mode(id: &str, name: &str) -> Result<SiteInfo, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        id: &'a str,
        name: &'a str,
    }
    call("enable_site_mode", &A { id, name }).await
}

pub async fn disable_site_mode() -> Result<(), ApiError> {
    call("disable_site_mode", &NoArgs {}).await
}

pub async fn read_proof_request(text: &str) -> Result<ProofRequest, ApiError> {
    call("read_proof_request", &TextArg { text }).await
}

pub async fn attest(text: &str, documents: &[DocumentKind]) -> Result<Code, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        text: &'a str,
        documents: &'a [DocumentKind],
    }
    call("attest", &A { text, documents }).await
}

pub async fn delegations() -> Result<Vec<DelegationSummary>, ApiError> {
    call("delegations", &NoArgs {}).await
}

pub async fn create_delegation(delegation: &NewDelegation) -> Result<DelegationSummary, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        delegation: &'a NewDelegation,
    }
    call("create_delegation", &A { delegation }).await
}

#[derive(Serialize)]
struct UuidArg {
    id: uuid::Uuid,
}

pub async fn revoke_delegation(id: uuid::Uuid) -> Result<DelegationRevoked, ApiError> {
    call("revoke_delegation", &UuidArg { id }).await
}

/// Saves the letter's PDF; where it went.
pub async fn save_delegation_pdf(id: uuid::Uuid, lang: Lang) -> Result<String, ApiError> {
    #[derive(Serialize)]
    struct A {
        id: uuid::Uuid,
        lang: Lang,
    }
    call("save_delegation_pdf", &A { id, lang }).await
}

pub async fn request_video_proofing(contact: &str) -> Result<ProofingRequestState, ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        contact: &'a str,
    }
    call("request_video_proofing", &A { contact }).await
}

pub async fn pending_proofing() -> Result<Option<ProofingRequestState>, ApiError> {
    call("pending_proofing", &NoArgs {}).await
}

/// The text of the QR code in a photo.
pub async fn read_code_image(bytes: &js_sys::Uint8Array) -> Result<String, ApiError> {
    decode(
        "read_code_image",
        tauri_invoke_raw("read_code_image", bytes, js_sys::Object::new().into()).await,
    )
}
