//! The commands the UI invokes. Each is one call into `homeward-core`.

use homeward_domain::catalog::{Contacts, SearchHit as Hit};
use homeward_domain::check::FieldCheck;
use homeward_domain::{ApiError, BackendStatus, CatalogueOverview, Draft, DraftId, Guide, Lang};
use homeward_domain::{DraftReview, DraftSummary};
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
        backend_status,
        refresh_backend,
        search,
        contacts,
        checked_materials,
        set_material_checked,
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
