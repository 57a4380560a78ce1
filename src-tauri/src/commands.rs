//! The commands the UI invokes. Each is one call into `homeward-core`.

use homeward_domain::catalog::{Contacts, SearchHit as Hit};
use homeward_domain::check::FieldCheck;
use homeward_domain::draft::MaterialInfo;
use homeward_domain::identity::{
    Code, DelegationRevoked, DelegationSummary, DocumentKind, IdentityStatus, NewDelegation,
    ProofRequest, ProofingRequestState, SiteInfo,
};
use homeward_domain::privacy::{Consent, ConsentKind, Profile, ProfileProblem};
use homeward_domain::sync::{FeedEvent, OutboxItem};
use homeward_domain::{ApiError, BackendStatus, CatalogueOverview, Draft, DraftId, Guide, Lang};
use homeward_domain::{DraftReview, DraftSummary, ErrorCode};
use tauri::State;

use crate::Shell;

type Res<T> = Result<T, ApiError>;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        language,
        set_language,
        catalog_overview,
        guide,
        create_draft,
        drafts,
        draft,
        set_answer,
        review,
        draft_summaries,
        delete_draft,
        duplicate_draft,
        add_material,
        materials,
        material_preview,
        remove_material,
        backend_status,
        refresh_backend,
        search,
        contacts,
        checked_materials,
        set_material_checked,
        save_application_pdf,
        open_export,
        submit,
        outbox,
        retry_submission,
        status_events,
        next_revision,
        answers_as_sent,
        profile,
        set_profile,
        consents,
        set_consent,
        export_all,
        erase_all,
        identity,
        proof_request,
        add_attestation,
        site,
        enable_site_mode,
        disable_site_mode,
        read_proof_request,
        attest,
        read_code_image,
        request_video_proofing,
        pending_proofing,
        delegations,
        create_delegation,
        revoke_delegation,
        save_delegation_pdf,
    ]
}

#[tauri::command(rename_all = "snake_case")]
fn language(shell: State<'_, Shell>) -> Res<Lang> {
    Ok(shell.core()?.language()?)
}

#[tauri::command(rename_all = "snake_case")]
fn set_language(shell: State<'_, Shell>, lang: Lang) -> Res<()> {
    Ok(shell.core()?.set_language(lang)?)
}

#[tauri::command(rename_all = "snake_case")]
fn catalog_overview(shell: State<'_, Shell>) -> Res<CatalogueOverview> {
    Ok(shell.core()?.overview())
}

#[tauri::command(rename_all = "snake_case")]
fn guide(shell: State<'_, Shell>, id: String) -> Res<Guide> {
    Ok(shell.core()?.guide(&id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn create_draft(shell: State<'_, Shell>, guide_id: String) -> Res<Draft> {
    Ok(shell.core()?.create_draft(&guide_id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn drafts(shell: State<'_, Shell>) -> Res<Vec<Draft>> {
    Ok(shell.core()?.drafts()?)
}

#[tauri::command(rename_all = "snake_case")]
fn draft(shell: State<'_, Shell>, id: DraftId) -> Res<Draft> {
    Ok(shell.core()?.draft(id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn set_answer(
    shell: State<'_, Shell>,
    draft_id: DraftId,
    field: String,
    value: String,
) -> Res<FieldCheck> {
    Ok(shell.core()?.set_answer(draft_id, &field, &value)?)
}

#[tauri::command(rename_all = "snake_case")]
fn backend_status(shell: State<'_, Shell>) -> Res<BackendStatus> {
    Ok(shell.core()?.backend_status())
}

#[tauri::command(rename_all = "snake_case")]
async fn refresh_backend(shell: State<'_, Shell>) -> Res<BackendStatus> {
    let core = shell.core.clone()?;
    Ok(core.refresh().await)
}

#[tauri::command(rename_all = "snake_case")]
fn search(shell: State<'_, Shell>, query: String, lang: Lang) -> Res<Vec<Hit>> {
    Ok(shell.core()?.search(&query, lang))
}

#[tauri::command(rename_all = "snake_case")]
fn contacts(shell: State<'_, Shell>) -> Res<Contacts> {
    Ok(shell.core()?.contacts())
}

#[tauri::command(rename_all = "snake_case")]
fn checked_materials(shell: State<'_, Shell>, guide_id: String) -> Res<Vec<u32>> {
    Ok(shell.core()?.checked_materials(&guide_id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn set_material_checked(
    shell: State<'_, Shell>,
    guide_id: String,
    index: u32,
    checked: bool,
) -> Res<()> {
    Ok(shell
        .core()?
        .set_material_checked(&guide_id, index, checked)?)
}

#[tauri::command(rename_all = "snake_case")]
fn review(shell: State<'_, Shell>, id: DraftId) -> Res<DraftReview> {
    Ok(shell.core()?.review(id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn draft_summaries(shell: State<'_, Shell>) -> Res<Vec<DraftSummary>> {
    Ok(shell.core()?.draft_summaries()?)
}

#[tauri::command(rename_all = "snake_case")]
fn delete_draft(shell: State<'_, Shell>, id: DraftId) -> Res<()> {
    Ok(shell.core()?.delete_draft(id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn duplicate_draft(shell: State<'_, Shell>, id: DraftId) -> Res<Draft> {
    Ok(shell.core()?.duplicate_draft(id)?)
}

/// Takes the file's bytes as the raw request body (no JSON encoding of megabytes); the draft,
/// question and file name come as headers, the name percent-encoded.
#[tauri::command(rename_all = "snake_case")]
fn add_material(shell: State<'_, Shell>, request: tauri::ipc::Request<'_>) -> Res<MaterialInfo> {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(percent_decode)
    };
    let bad = |what: &str| ApiError::new(ErrorCode::InvalidInput, format!("{what} is missing"));
    let draft = header("x-draft-id")
        .and_then(|v| v.parse::<uuid::Uuid>().ok())
        .map(DraftId)
        .ok_or_else(|| bad("x-draft-id"))?;
    let field = header("x-field").ok_or_else(|| bad("x-field"))?;
    let name = header("x-file-name").unwrap_or_default();
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(bad("the file's bytes"));
    };
    Ok(shell.core()?.add_material(draft, &field, &name, bytes)?)
}

#[tauri::command(rename_all = "snake_case")]
fn materials(shell: State<'_, Shell>, id: DraftId) -> Res<Vec<MaterialInfo>> {
    Ok(shell.core()?.materials(id)?)
}

/// A preview as a `data:` URL, or `None` for a PDF.
#[tauri::command(rename_all = "snake_case")]
fn material_preview(
    shell: State<'_, Shell>,
    id: DraftId,
    material: uuid::Uuid,
) -> Res<Option<String>> {
    use base64::Engine as _;
    let jpeg = shell.core()?.material_preview(id, material)?;
    Ok(jpeg.map(|b| {
        format!(
            "data:image/jpeg;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(b)
        )
    }))
}

#[tauri::command(rename_all = "snake_case")]
fn remove_material(shell: State<'_, Shell>, id: DraftId, material: uuid::Uuid) -> Res<()> {
    Ok(shell.core()?.remove_material(id, material)?)
}

#[tauri::command(rename_all = "snake_case")]
fn submit(shell: State<'_, Shell>, id: DraftId) -> Res<OutboxItem> {
    Ok(shell.core()?.submit(id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn outbox(shell: State<'_, Shell>) -> Res<Vec<OutboxItem>> {
    Ok(shell.core()?.outbox()?)
}

/// A draft's answers as they would be sent (valid answers normalised), for check-your-answers.
#[tauri::command(rename_all = "snake_case")]
fn answers_as_sent(
    shell: State<'_, Shell>,
    id: DraftId,
) -> Res<std::collections::BTreeMap<String, String>> {
    Ok(shell.core()?.answers_as_sent(id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn status_events(shell: State<'_, Shell>) -> Res<Vec<FeedEvent>> {
    Ok(shell.core()?.status_events()?)
}

/// The revision a Send would be now, or none if sending again is not possible.
#[tauri::command(rename_all = "snake_case")]
fn next_revision(shell: State<'_, Shell>, id: DraftId) -> Res<Option<u32>> {
    Ok(shell.core()?.next_revision(id)?)
}

#[tauri::command(rename_all = "snake_case")]
fn retry_submission(shell: State<'_, Shell>, id: uuid::Uuid) -> Res<OutboxItem> {
    Ok(shell.core()?.retry_submission(id)?)
}

/// Saves the application's PDF in the export folder; returns the file's path.
#[tauri::command(rename_all = "snake_case")]
async fn save_application_pdf(shell: State<'_, Shell>, id: DraftId, lang: Lang) -> Res<String> {
    let core = shell.core.clone()?;
    let dir = shell.export_dir.clone();
    // Fonts are read and the PDF laid out off the UI thread.
    let path =
        tauri::async_runtime::spawn_blocking(move || core.save_application_pdf(id, lang, &dir))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
    Ok(path.display().to_string())
}

/// Opens a file the app saved, by its name in the export folder (and nothing outside it), with
/// the system's viewer.
#[tauri::command(rename_all = "snake_case")]
fn open_export(app: tauri::AppHandle, shell: State<'_, Shell>, name: String) -> Res<()> {
    use tauri_plugin_opener::OpenerExt as _;
    let plain = !name.is_empty() && !name.contains(['/', '\\']) && name != "." && name != "..";
    if !plain {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "name: expected the name of a saved file",
        ));
    }
    let path = shell.export_dir.join(name);
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| ApiError::new(ErrorCode::NotFound, e.to_string()))
}

#[tauri::command(rename_all = "snake_case")]
fn profile(shell: State<'_, Shell>) -> Res<Option<Profile>> {
    Ok(shell.core()?.profile()?)
}

/// Saves the profile when every field is valid; otherwise what needs attention.
#[tauri::command(rename_all = "snake_case")]
fn set_profile(shell: State<'_, Shell>, profile: Profile) -> Res<Vec<ProfileProblem>> {
    Ok(shell.core()?.set_profile(&profile)?)
}

#[tauri::command(rename_all = "snake_case")]
fn consents(shell: State<'_, Shell>) -> Res<Vec<Consent>> {
    Ok(shell.core()?.consents()?)
}

#[tauri::command(rename_all = "snake_case")]
fn set_consent(shell: State<'_, Shell>, kind: ConsentKind, granted: bool) -> Res<Vec<Consent>> {
    Ok(shell.core()?.set_consent(kind, granted)?)
}

/// Writes everything the app keeps about the person into the export folder; returns where.
#[tauri::command(rename_all = "snake_case")]
async fn export_all(shell: State<'_, Shell>) -> Res<String> {
    let core = shell.core.clone()?;
    let dir = shell.export_dir.clone();
    let folder = tauri::async_runtime::spawn_blocking(move || core.export_all(&dir))
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
    Ok(folder.display().to_string())
}

/// Erases everything on this device, then closes the app (the next start is a fresh install).
#[tauri::command(rename_all = "snake_case")]
fn erase_all(app: tauri::AppHandle, shell: State<'_, Shell>) -> Res<()> {
    shell.core()?.erase_all()?;
    // A moment for the UI to say so before the window closes.
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        app.exit(0);
    });
    Ok(())
}

#[tauri::command(rename_all = "snake_case")]
fn identity(shell: State<'_, Shell>) -> Res<IdentityStatus> {
    Ok(shell.core()?.identity()?)
}

/// The code a volunteer scans: the device key and the profile.
#[tauri::command(rename_all = "snake_case")]
fn proof_request(shell: State<'_, Shell>) -> Res<Code> {
    Ok(shell.core()?.proof_request()?)
}

#[tauri::command(rename_all = "snake_case")]
fn add_attestation(shell: State<'_, Shell>, token: String) -> Res<IdentityStatus> {
    Ok(shell.core()?.add_attestation(&token)?)
}

#[tauri::command(rename_all = "snake_case")]
fn site(shell: State<'_, Shell>) -> Res<Option<SiteInfo>> {
    Ok(shell.core()?.site()?)
}

#[tauri::command(rename_all = "snake_case")]
fn enable_site_mode(shell: State<'_, Shell>, id: String, name: String) -> Res<SiteInfo> {
    Ok(shell.core()?.enable_site_mode(&id, &name)?)
}

#[tauri::command(rename_all = "snake_case")]
fn disable_site_mode(shell: State<'_, Shell>) -> Res<()> {
    Ok(shell.core()?.disable_site_mode()?)
}

#[tauri::command(rename_all = "snake_case")]
fn read_proof_request(shell: State<'_, Shell>, text: String) -> Res<ProofRequest> {
    Ok(shell.core()?.read_proof_request(&text)?)
}

/// The text of the QR code in a photo (the raw request body), taken with the camera.
#[tauri::command(rename_all = "snake_case")]
async fn read_code_image(request: tauri::ipc::Request<'_>) -> Res<String> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "code-image: the picture's bytes are missing",
        ));
    };
    let bytes = bytes.clone();
    // Decoding a 12-megapixel photo takes a moment: off the UI thread.
    let text = tauri::async_runtime::spawn_blocking(move || {
        homeward_core::identity::read_qr_image(&bytes)
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
    Ok(text)
}

/// In site mode: signs an attestation for the person whose code was read.
#[tauri::command(rename_all = "snake_case")]
fn attest(shell: State<'_, Shell>, text: String, documents: Vec<DocumentKind>) -> Res<Code> {
    Ok(shell.core()?.attest(&text, &documents)?)
}

/// Asks the city for verification by video; the officer calls the person at `contact`.
#[tauri::command(rename_all = "snake_case")]
async fn request_video_proofing(
    shell: State<'_, Shell>,
    contact: String,
) -> Res<ProofingRequestState> {
    Ok(shell.core()?.request_video_proofing(&contact).await?)
}

#[tauri::command(rename_all = "snake_case")]
fn pending_proofing(shell: State<'_, Shell>) -> Res<Option<ProofingRequestState>> {
    Ok(shell.core()?.pending_proofing()?)
}

#[tauri::command(rename_all = "snake_case")]
fn delegations(shell: State<'_, Shell>) -> Res<Vec<DelegationSummary>> {
    Ok(shell.core()?.delegations()?)
}

/// Signs an entrustment letter; registers the device with the backend when it can, so a
/// counter can check the letter.
#[tauri::command(rename_all = "snake_case")]
async fn create_delegation(
    shell: State<'_, Shell>,
    delegation: NewDelegation,
) -> Res<DelegationSummary> {
    let core = shell.core()?;
    let made = core.create_delegation(&delegation)?;
    if let Err(e) = core.register_for_letters().await {
        tracing::info!(
            error = e.code().slug(),
            "device not registered yet; will be when online"
        );
    }
    Ok(made)
}

#[tauri::command(rename_all = "snake_case")]
async fn revoke_delegation(shell: State<'_, Shell>, id: uuid::Uuid) -> Res<DelegationRevoked> {
    Ok(shell.core()?.revoke_delegation(id).await?)
}

/// Writes the letter's PDF into the export folder; returns its path.
#[tauri::command(rename_all = "snake_case")]
async fn save_delegation_pdf(shell: State<'_, Shell>, id: uuid::Uuid, lang: Lang) -> Res<String> {
    let core = shell.core.clone()?;
    let dir = shell.export_dir.clone();
    let path =
        tauri::async_runtime::spawn_blocking(move || core.save_delegation_pdf(id, lang, &dir))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??;
    Ok(path.display().to_string())
}

/// Decodes `%XX` escapes (as `encodeURIComponent` writes them); invalid escapes are kept.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
