//! The commands the UI invokes, as `homeward_domain::ipc` declares them. Each is one call into
//! `homeward-core`.
//!
//! A command's argument struct implements [`Answer`] (answered on the main thread, so such
//! commands run one after another in the order the UI sent them) or [`AnswerLater`] (answered
//! off it: the network, PDFs, photos). [`handlers!`] makes each into the Tauri command of the
//! same name and lists them all, once. Not for: deciding anything; that is core's.

use homeward_domain::ipc::{self, Command, RawCommand, Reply};
use homeward_domain::{ApiError, ErrorCode};
use tauri::{AppHandle, State};

use crate::Shell;

/// A command answered at once, on the main thread.
trait Answer: Command {
    fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self>;
}

/// A command that waits on the network or on slow work, answered off the main thread.
trait AnswerLater: Command {
    async fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self>;
}

/// What a command with a raw body answers.
type RawReply<C> = Result<<C as RawCommand>::Answer, ApiError>;

/// Whether two names are the same, at compile time.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Makes the Tauri command for each `name: Args` pair, checks at compile time that the name is
/// the one `ipc::Args` declares, and writes [`handler`] and [`HANDLED`] from the same list. Raw
/// commands are written by hand (they read the request itself) and only listed here.
macro_rules! handlers {
    // One command answered by [`Answer`], its name checked against the one `ipc` declares.
    (@answer #[$command:meta] $name:ident: $Args:ident) => {
        #[$command]
        fn $name(app: AppHandle, shell: State<'_, Shell>, args: ipc::$Args) -> Reply<ipc::$Args> {
            Answer::answer(args, &shell, &app)
        }
        const _: () = assert!(
            same(stringify!($name), <ipc::$Args as Command>::NAME),
            concat!(stringify!($name), " is not the name ipc declares for its arguments"),
        );
    };
    (
        at_once { $($now:ident: $Now:ident,)* }
        beside { $($beside:ident: $Beside:ident,)* }
        later { $($later:ident: $Later:ident,)* }
        raw { $($raw:ident: $Raw:ident,)* }
    ) => {
        $(handlers!(@answer #[tauri::command(rename_all = "snake_case")] $now: $Now);)*
        // Answered on the async runtime's threads, not the main thread, which is starting the
        // web view while the first screen asks these. Only reads whose order against the main
        // thread's writes cannot matter: the list of applications stays there, behind the
        // answers typed before it.
        $(handlers!(@answer #[tauri::command(async, rename_all = "snake_case")] $beside: $Beside);)*
        $(
            #[tauri::command(rename_all = "snake_case")]
            async fn $later(
                app: AppHandle,
                shell: State<'_, Shell>,
                args: ipc::$Later,
            ) -> Reply<ipc::$Later> {
                AnswerLater::answer(args, &shell, &app).await
            }
            const _: () = assert!(
                same(stringify!($later), <ipc::$Later as Command>::NAME),
                concat!(stringify!($later), " is not the name ipc declares for its arguments"),
            );
        )*
        $(
            const _: () = assert!(
                same(stringify!($raw), <ipc::$Raw as RawCommand>::NAME),
                concat!(stringify!($raw), " is not the name ipc declares for it"),
            );
        )*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($now,)* $($beside,)* $($later,)* $($raw,)*]
        }

        /// The name of every command [`handler`] answers.
        #[cfg_attr(not(test), allow(dead_code))]
        pub const HANDLED: &[&str] = &[
            $(stringify!($now),)* $(stringify!($beside),)* $(stringify!($later),)*
            $(stringify!($raw),)*
        ];
    };
}

handlers! {
    at_once {
        mark_start: MarkStart,
        start_marks: StartMarks,
        set_language: SetLanguage,
        set_text_size: SetTextSize,
        guide: Guide,
        create_draft: CreateDraft,
        drafts: Drafts,
        draft: Draft,
        draft_guide: DraftGuide,
        set_answer: SetAnswer,
        review: Review,
        draft_page: DraftPageOf,
        draft_titles: DraftTitles,
        delete_draft: DeleteDraft,
        duplicate_draft: DuplicateDraft,
        materials: Materials,
        remove_material: RemoveMaterial,
        notices: Notices,
        backend_status: BackendStatus,
        backend_address: BackendAddress,
        choose_city: ChooseCity,
        search: Search,
        contacts: Contacts,
        checked_materials: CheckedMaterials,
        set_material_checked: SetMaterialChecked,
        open_export: OpenExport,
        submit: Submit,
        outbox: Outbox,
        retry_submission: RetrySubmission,
        message_draft: MessageDraft,
        set_message_text: SetMessageText,
        remove_message_attachment: RemoveMessageAttachment,
        send_message: SendMessage,
        status_events: StatusEvents,
        next_revision: NextRevision,
        answers_as_sent: AnswersAsSent,
        profile: Profile,
        set_profile: SetProfile,
        consents: Consents,
        set_consent: SetConsent,
        erase_all: EraseAll,
        start_again: StartAgain,
        identity: Identity,
        proof_request: ProofRequest,
        add_attestation: AddAttestation,
        site: Site,
        enable_site_mode: EnableSiteMode,
        disable_site_mode: DisableSiteMode,
        read_proof_request: ReadProofRequest,
        attest: Attest,
        desk: Desk,
        remove_volunteer: RemoveVolunteer,
        lock_desk: LockDesk,
        keep_desk_open: KeepDeskOpen,
        site_log: SiteLog,
        walk_ins: WalkIns,
        attest_walk_in: AttestWalkIn,
        receipt_of_walk_in: ReceiptOfWalkIn,
        pending_proofing: PendingProofing,
        delegations: Delegations,
    }
    beside {
        first_screen: FirstScreen,
        messages: Messages,
        catalog_overview: CatalogOverview,
    }
    later {
        refresh_backend: RefreshBackend,
        set_residence_country: SetResidenceCountry,
        material_preview: MaterialPreview,
        save_application_pdf: SaveApplicationPdf,
        export_all: ExportAll,
        request_video_proofing: RequestVideoProofing,
        create_delegation: CreateDelegation,
        revoke_delegation: RevokeDelegation,
        save_delegation_pdf: SaveDelegationPdf,
        access_log: AccessLogPage,
        add_volunteer: AddVolunteer,
        unlock_desk: UnlockDesk,
        start_walk_in: StartWalkIn,
        resume_walk_in: ResumeWalkIn,
        end_walk_in: EndWalkIn,
        take_over: TakeOver,
        receipt_status: ReceiptStatus,
        save_document: SaveDocument,
    }
    raw {
        add_material: AddMaterial,
        read_code_image: ReadCodeImage,
        add_message_attachment: AddMessageAttachment,
    }
}

/// The commands that are one call into core with their arguments, as `Args => call`: the call
/// reads the installation as `core` (the person's: on a site's laptop, the walk-in's while one
/// is served) or `site` (the installation itself), and the arguments as `args`.
macro_rules! answered_by {
    ($which:ident |$core:ident, $args:ident| $($(#[$doc:meta])* $Args:ident => $call:expr,)*) => {
        $(
            $(#[$doc])*
            impl Answer for ipc::$Args {
                #[allow(unused_variables)]
                fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
                    let ($core, $args) = (shell.$which()?, self);
                    Ok($call)
                }
            }
        )*
    };
}

answered_by! { core |core, args|
    ReceiptOfWalkIn => core.walk_in_receipt()?,
    SetLanguage => core.set_language(args.lang)?,
    SetTextSize => core.set_text_size(args.size)?,
    CatalogOverview => core.overview(),
    Guide => core.guide(&args.id)?,
    CreateDraft => core.create_draft(&args.guide_id)?,
    Drafts => core.drafts_of_guide(&args.guide_id)?,
    Draft => core.draft(args.id)?,
    DraftGuide => core.guide_of_draft(args.id)?,
    /// On the main thread like every [`Answer`]: two saves of one field are never reordered.
    SetAnswer => core.save_answer(args.draft_id, &args.field, &args.value)?,
    Review => core.review(args.id)?,
    DraftPageOf => core.draft_page(args.after.as_ref())?,
    DraftTitles => core.draft_titles()?,
    DeleteDraft => core.delete_draft(args.id)?,
    DuplicateDraft => core.duplicate_draft(args.id)?,
    Materials => core.materials(args.id)?,
    RemoveMaterial => core.remove_material(args.id, args.material)?,
    BackendStatus => core.backend_status(),
    BackendAddress => core.backend_address(),
    Notices => core.notices()?,
    Search => core.search(&args.query, args.lang),
    Contacts => core.contacts()?,
    CheckedMaterials => core.checked_materials(&args.guide_id)?,
    SetMaterialChecked => core.set_material_checked(&args.guide_id, args.index, args.checked)?,
    Outbox => core.outbox()?,
    AnswersAsSent => core.answers_as_sent(args.id)?,
    StatusEvents => core.status_events()?,
    NextRevision => core.next_revision(args.id)?,
    RetrySubmission => core.retry_submission(args.id)?,
    MessageDraft => core.message_draft(args.draft_id)?,
    /// On the main thread like every [`Answer`]: two saves of the text are never reordered.
    SetMessageText => core.set_message_text(args.draft_id, &args.text)?,
    RemoveMessageAttachment => core.remove_message_attachment(args.draft_id, args.id)?,
    SendMessage => core.send_message(args.draft_id)?,
    Profile => core.profile()?,
    SetProfile => core.set_profile(&args.profile)?,
    Consents => core.consents()?,
    SetConsent => core.set_consent(args.kind, args.granted)?,
    Identity => core.identity()?,
    ProofRequest => core.proof_request()?,
    AddAttestation => core.add_attestation(&args.token)?,
    PendingProofing => core.pending_proofing()?,
    Delegations => core.delegations()?,
}

// The site's own: its key, its desk and volunteers, and what its volunteers sign.
answered_by! { site |site, args|
    Site => site.site()?,
    EnableSiteMode => site.enable_site_mode(&args.id, &args.name)?,
    ReadProofRequest => site.read_proof_request(&args.text)?,
    Attest => site.attest(&args.text, &args.documents)?,
    Desk => site.desk()?,
    LockDesk => site.lock_desk(args.idle)?,
    KeepDeskOpen => site.keep_desk_open()?,
    WalkIns => site.walk_ins()?,
}

// What only volunteers may do, closed while a walk-in is served.
answered_by! { desk_admin |site, args|
    DisableSiteMode => site.disable_site_mode()?,
    RemoveVolunteer => site.remove_volunteer(args.id, &args.my_pin)?,
    SiteLog => site.site_log()?,
}

/// Answered even when the installation could not be opened: the start is marked all the same.
impl Answer for ipc::MarkStart {
    fn answer(self, _: &Shell, _: &AppHandle) -> Reply<Self> {
        crate::started::mark(self.step);
        Ok(())
    }
}

/// The first screen, in one answer. If the installation cannot be opened or read, the system's
/// language and why, so that the person reads the error in words they know. Answered off the
/// main thread, before anything is typed on the page that asks it: the list of applications
/// cannot miss an answer still waiting there.
impl Answer for ipc::FirstScreen {
    fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        use homeward_domain::display::{FirstScreen, HomeList};
        let system = system_languages(self.system);
        let read = || -> Result<FirstScreen, ApiError> {
            let core = shell.core()?;
            let lang = core.use_system_languages(&system)?;
            let cities = core.home_cities();
            // A site's laptop opens on its desk, not on anyone's data.
            let desk = shell.site()?.desk()?;
            let home = match (&desk, &cities.chosen) {
                (None, Some(_)) => Some(HomeList {
                    drafts: core.draft_page(None)?,
                    overview: core.overview(),
                }),
                _ => None,
            };
            Ok(FirstScreen {
                lang,
                messages: homeward_core::app_messages(lang).to_owned(),
                problem: None,
                text_size: core.text_size()?,
                cities,
                walk_in: desk.as_ref().and(shell.walk_in()).map(|w| w.id),
                desk,
                home,
            })
        };
        Ok(read().unwrap_or_else(|problem| {
            let lang = homeward_core::system_language(&system).unwrap_or_default();
            FirstScreen {
                lang,
                messages: homeward_core::app_messages(lang).to_owned(),
                problem: Some(problem),
                text_size: Default::default(),
                cities: Default::default(),
                desk: None,
                walk_in: None,
                home: None,
            }
        }))
    }
}

impl Answer for ipc::Messages {
    fn answer(self, _: &Shell, _: &AppHandle) -> Reply<Self> {
        Ok(homeward_core::app_messages(self.lang).to_owned())
    }
}

impl Answer for ipc::StartMarks {
    fn answer(self, _: &Shell, _: &AppHandle) -> Reply<Self> {
        Ok(crate::started::marks())
    }
}

/// A walk-in's own installation is made (a database, keys in the key store) off the UI
/// thread; from then on the person's commands go to it.
impl AnswerLater for ipc::StartWalkIn {
    async fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        if shell.walk_in().is_some() {
            return Err(crate::walk_in_active());
        }
        let site = shell.site()?;
        let (id, session) = off_the_ui_thread(move || site.start_walk_in()).await?;
        shell.set_walk_in(Some(crate::serve_walk_in(app, id, session)));
        Ok(id)
    }
}

impl AnswerLater for ipc::ResumeWalkIn {
    async fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        if shell.walk_in().is_some() {
            return Err(crate::walk_in_active());
        }
        let site = shell.site()?;
        let id = self.id;
        let session = off_the_ui_thread(move || site.resume_walk_in(id)).await?;
        shell.set_walk_in(Some(crate::serve_walk_in(app, id, session)));
        Ok(())
    }
}

impl AnswerLater for ipc::EndWalkIn {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let walk_in = shell
            .walk_in()
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no walk-in is being served"))?;
        let site = shell.site()?;
        let (id, session) = (walk_in.id, std::sync::Arc::clone(&walk_in.core));
        let end = off_the_ui_thread(move || site.end_walk_in(id, &session)).await?;
        crate::walk_in_ended(shell, end)?;
        Ok(end)
    }
}

/// The volunteer checked the walk-in's documents face to face: the site signs for the
/// session's own device key, and the session takes the confirmation at once.
impl Answer for ipc::AttestWalkIn {
    fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let walk_in = shell
            .walk_in()
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no walk-in is being served"))?;
        let request = walk_in.core.proof_request()?;
        let signed = shell.site()?.attest(&request.text, &self.documents)?;
        Ok(walk_in.core.add_attestation(&signed.text)?)
    }
}

/// Runs `work` on the blocking pool, so the window keeps answering meanwhile (a 12-megapixel
/// photo takes most of a second to prepare, a preview a moment to decode).
async fn off_the_ui_thread<T: Send + 'static>(
    work: impl FnOnce() -> homeward_core::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    Ok(tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))??)
}

fn missing(what: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, format!("{what} is missing"))
}

/// A file a raw command carries: its bytes as the body, the draft and the file's name
/// (percent-encoded) as headers.
struct RawFile {
    draft: homeward_domain::DraftId,
    name: String,
    bytes: Vec<u8>,
    headers: tauri::http::HeaderMap,
}

impl RawFile {
    fn read(
        request: &tauri::ipc::Request<'_>,
        draft_header: &str,
        name_header: &str,
    ) -> Result<Self, ApiError> {
        let headers = request.headers().clone();
        let draft = header_text(&headers, draft_header)
            .and_then(|v| v.parse::<uuid::Uuid>().ok())
            .map(homeward_domain::DraftId)
            .ok_or_else(|| missing(draft_header))?;
        let name = header_text(&headers, name_header).unwrap_or_default();
        let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
            return Err(missing("the file's bytes"));
        };
        Ok(RawFile {
            draft,
            name,
            bytes: bytes.clone(),
            headers,
        })
    }

    fn header(&self, name: &str) -> Option<String> {
        header_text(&self.headers, name)
    }
}

fn header_text(headers: &tauri::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(percent_decode)
}

/// Takes the file's bytes as the raw request body (no JSON encoding of megabytes), and prepares
/// them off the UI thread: the window goes on answering while a photo is made smaller. Each
/// document is its own row, so two prepared side by side cannot overwrite each other.
#[tauri::command(rename_all = "snake_case")]
async fn add_material(
    shell: State<'_, Shell>,
    request: tauri::ipc::Request<'_>,
) -> RawReply<ipc::AddMaterial> {
    use ipc::AddMaterial as A;
    let file = RawFile::read(&request, A::DRAFT_ID, A::FILE_NAME)?;
    let field = file.header(A::FIELD).ok_or_else(|| missing(A::FIELD))?;
    let core = shell.core()?;
    off_the_ui_thread(move || core.add_material(file.draft, &field, &file.name, &file.bytes)).await
}

/// A document for a message to the office: the bytes as the raw body, prepared off the UI
/// thread like a draft's.
#[tauri::command(rename_all = "snake_case")]
async fn add_message_attachment(
    shell: State<'_, Shell>,
    request: tauri::ipc::Request<'_>,
) -> RawReply<ipc::AddMessageAttachment> {
    use ipc::AddMessageAttachment as A;
    let file = RawFile::read(&request, A::DRAFT_ID, A::FILE_NAME)?;
    let core = shell.core()?;
    off_the_ui_thread(move || core.add_message_attachment(file.draft, &file.name, &file.bytes))
        .await
}

/// A document from the office: kept, or fetched now; saved into the export folder.
impl AnswerLater for ipc::SaveDocument {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        let dir = shell.export_dir();
        let path = core.save_document(self.draft_id, &self.id, &dir).await?;
        Ok(path.display().to_string())
    }
}

impl AnswerLater for ipc::MaterialPreview {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        use base64::Engine as _;
        let core = shell.core()?;
        let jpeg = off_the_ui_thread(move || core.material_preview(self.id, self.material)).await?;
        Ok(jpeg.map(|b| {
            format!(
                "data:image/jpeg;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(b)
            )
        }))
    }
}

/// A PIN is hashed (Argon2id, a deliberate fraction of a second) off the UI thread.
impl AnswerLater for ipc::AddVolunteer {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let core = shell.desk_admin()?;
        off_the_ui_thread(move || {
            core.add_volunteer(&self.name, &self.pin, &self.pin_again, &self.my_pin)
        })
        .await
    }
}

impl AnswerLater for ipc::UnlockDesk {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let core = shell.site()?;
        off_the_ui_thread(move || core.unlock_desk(self.volunteer, &self.pin)).await
    }
}

/// The UI hears of the result as an event too, as of every other check.
impl AnswerLater for ipc::RefreshBackend {
    async fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        Ok(crate::check_backend(app, &core).await)
    }
}

/// The notices for the new country at once, and its safety alerts announced at the next check
/// of the backend, made now.
impl AnswerLater for ipc::SetResidenceCountry {
    async fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        let notices = core.set_residence_country(self.country.as_deref())?;
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            crate::check_backend(&app, &core).await;
        });
        Ok(notices)
    }
}

/// Once a city is chosen, its backend is checked at once rather than at the next round.
impl Answer for ipc::ChooseCity {
    fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        let chosen = core.choose_city(&self.id)?;
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            crate::check_backend(&app, &core).await;
        });
        Ok(chosen)
    }
}

/// Runs `work` off the UI thread (fonts read, a PDF laid out, a folder written) and gives the
/// path it made as text.
async fn blocking_path(
    work: impl FnOnce() -> homeward_core::Result<std::path::PathBuf> + Send + 'static,
) -> Result<String, ApiError> {
    Ok(off_the_ui_thread(work).await?.display().to_string())
}

impl AnswerLater for ipc::SaveApplicationPdf {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        let dir = shell.export_dir();
        blocking_path(move || core.save_application_pdf(self.id, self.lang, &dir)).await
    }
}

/// Opens a file the app saved, by its name in the export folder (and nothing outside it), with
/// the system's viewer.
impl Answer for ipc::OpenExport {
    fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        use tauri_plugin_opener::OpenerExt as _;
        let name = self.name;
        let plain = !name.is_empty() && !name.contains(['/', '\\']) && name != "." && name != "..";
        if !plain {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "name: expected the name of a saved file",
            ));
        }
        let path = shell.export_dir().join(name);
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| ApiError::new(ErrorCode::NotFound, e.to_string()))
    }
}

impl AnswerLater for ipc::ExportAll {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        let dir = shell.export_dir();
        blocking_path(move || core.export_all(&dir)).await
    }
}

/// Erases everything on this device, then closes the app (the next start is a fresh install).
impl Answer for ipc::EraseAll {
    fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        // A walk-in erasing everything erases their session, not the site's laptop; the app
        // starts again on the desk.
        if let Some(walk_in) = shell.walk_in() {
            shell.site()?.erase_walk_in(walk_in.id)?;
            crate::walk_in_ended(shell, homeward_domain::desk::WalkInEnd::Wiped)?;
            let app = app.clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(1500));
                app.restart();
            });
            return Ok(());
        }
        // A site's laptop is decommissioned in two explicit steps: leaving site mode on the desk
        // (a volunteer, the desk open), which destroys the site's key, then this.
        let core = shell.core()?;
        if core.site()?.is_some() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "site-mode: this laptop is a liaison site's; leave site mode on the desk first",
            ));
        }
        core.erase_all()?;
        // A moment for the UI to say so before the window closes.
        let app = app.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(1500));
            app.exit(0);
        });
        Ok(())
    }
}

/// Freezes the application for sending. The first time something is sent, the app asks to
/// notify the person when the city answers (Android 13 and later ask; elsewhere it is granted),
/// off the main thread, and only if the system has not been told either way.
impl Answer for ipc::Submit {
    fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        let item = shell.core()?.submit(self.id)?;
        let app = app.clone();
        tauri::async_runtime::spawn_blocking(move || {
            use tauri::plugin::PermissionState;
            use tauri_plugin_notification::NotificationExt as _;
            let notification = app.notification();
            if matches!(
                notification.permission_state(),
                Ok(PermissionState::Prompt | PermissionState::PromptWithRationale)
            ) {
                if let Err(e) = notification.request_permission() {
                    tracing::info!("notification permission not asked: {e}");
                }
            }
        });
        Ok(item)
    }
}

/// Sets aside data whose keys are gone from the keyring (never deleting it), then starts the
/// app again, which makes a fresh installation.
impl Answer for ipc::StartAgain {
    fn answer(self, shell: &Shell, app: &AppHandle) -> Reply<Self> {
        homeward_core::set_aside_unreadable(&shell.data_dir)?;
        let app = app.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(500));
            app.restart();
        });
        Ok(())
    }
}

/// Takes the photo's bytes as the raw request body; decoding a 12-megapixel photo takes a
/// moment, so off the UI thread.
#[tauri::command(rename_all = "snake_case")]
async fn read_code_image(request: tauri::ipc::Request<'_>) -> RawReply<ipc::ReadCodeImage> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "code-image: the picture's bytes are missing",
        ));
    };
    let bytes = bytes.clone();
    off_the_ui_thread(move || homeward_core::identity::read_qr_image(&bytes)).await
}

impl AnswerLater for ipc::TakeOver {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let ticket = homeward_core::handover::read_ticket(&self.code, &self.secret)?;
        Ok(shell.core()?.take_over(&ticket).await?)
    }
}

impl AnswerLater for ipc::ReceiptStatus {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let ticket = homeward_core::handover::read_ticket(&self.code, &self.secret)?;
        Ok(shell.core()?.receipt_status(&ticket).await?)
    }
}

impl AnswerLater for ipc::RequestVideoProofing {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        Ok(shell.core()?.request_video_proofing(&self.contact).await?)
    }
}

/// Signs the letter; registers the device with the backend when it can, so a counter can check
/// the letter.
impl AnswerLater for ipc::CreateDelegation {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        let made = core.create_delegation(&self.delegation)?;
        if let Err(e) = core.register_for_letters().await {
            tracing::info!(
                error = e.code().slug(),
                "device not registered yet; will be when online"
            );
        }
        Ok(made)
    }
}

impl AnswerLater for ipc::RevokeDelegation {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        Ok(shell.core()?.revoke_delegation(self.id).await?)
    }
}

impl AnswerLater for ipc::AccessLogPage {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        Ok(shell.core()?.access_log(self.before).await?)
    }
}

impl AnswerLater for ipc::SaveDelegationPdf {
    async fn answer(self, shell: &Shell, _: &AppHandle) -> Reply<Self> {
        let core = shell.core()?;
        let dir = shell.export_dir();
        blocking_path(move || core.save_delegation_pdf(self.id, self.lang, &dir)).await
    }
}

/// Decodes `%XX` escapes (as `encodeURIComponent` writes them); invalid escapes are kept.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| {
            char::from(b)
                .to_digit(16)
                .and_then(|d| u8::try_from(d).ok())
        };
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(h * 16 + l);
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

/// The system's languages, most preferred first. On Linux and the BSDs, the POSIX locale itself:
/// WebKitGTK reports `en-US` for a locale it cannot load or for `C`, which would hide both the
/// person's language and that none was set. Elsewhere, what the web view reports.
fn system_languages(reported: Vec<String>) -> Vec<String> {
    if cfg!(all(
        unix,
        not(any(
            target_os = "macos",
            target_os = "ios",
            target_os = "android"
        ))
    )) {
        homeward_domain::lang::posix_languages(|v| std::env::var(v).ok())
    } else {
        reported
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn every_declared_command_has_a_handler_and_every_handler_a_declaration() {
        let declared: BTreeSet<&str> = homeward_domain::ipc::COMMANDS.iter().copied().collect();
        let handled: BTreeSet<&str> = super::HANDLED.iter().copied().collect();
        assert_eq!(
            handled.len(),
            super::HANDLED.len(),
            "a handler listed twice"
        );
        let unhandled: Vec<_> = declared.difference(&handled).collect();
        let undeclared: Vec<_> = handled.difference(&declared).collect();
        assert!(
            unhandled.is_empty(),
            "declared, with no handler: {unhandled:?}"
        );
        assert!(
            undeclared.is_empty(),
            "handled, not declared: {undeclared:?}"
        );
    }

    #[test]
    fn percent_escapes_are_decoded_and_bad_ones_kept() {
        assert_eq!(super::percent_decode("a%20b%E6%84%8F"), "a b意");
        assert_eq!(super::percent_decode("100%"), "100%");
    }
}
