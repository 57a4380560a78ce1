//! The contract between the UI and the shell, stated once: every command the UI invokes (its
//! name, its arguments, its answer) and every event the shell pushes (its name, its payload).
//!
//! Each command is a struct holding that command's arguments, named after the command
//! (`set_answer` is [`SetAnswer`]) and implementing [`Command`]. The UI sends one through a
//! single generic call and gets `Command::Answer` back; the shell answers each of these structs
//! and returns that same type, so a change on one side that the other does not follow fails to
//! compile. Write them qualified, `ipc::Guide { id }`, so a request reads apart from the
//! [`crate::Guide`] it answers with.
//!
//! Not for: how a command does its work (that is `homeward-core`), or the HTTP between the app
//! and the city's backend (that is [`crate::wire`]).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::SearchHit;
use crate::check::FieldCheck;
use crate::draft::MaterialInfo;
use crate::identity::{
    Code, DelegationRevoked, DelegationSummary, DocumentKind, IdentityStatus, NewDelegation,
    ProofingRequestState, SiteInfo,
};
use crate::privacy::{Consent, ConsentKind, ProfileProblem};
use crate::sync::{FeedEvent, OutboxItem};
use crate::{ApiError, CatalogueOverview, DraftId, DraftReview, Lang};

/// A command the UI invokes with JSON arguments: the implementing struct is the arguments.
pub trait Command: Serialize + DeserializeOwned {
    /// The name the shell knows it by.
    const NAME: &'static str;
    /// What the shell answers when the command succeeds.
    type Answer: Serialize + DeserializeOwned;
}

/// A command whose body is bytes (a file, a photo), not JSON; its other arguments travel as
/// request headers, named by the implementing struct.
pub trait RawCommand {
    const NAME: &'static str;
    type Answer: Serialize + DeserializeOwned;
}

/// What a command answers: its declared answer, or an error to show by its code.
pub type Reply<C> = Result<<C as Command>::Answer, ApiError>;

/// Something the shell tells the UI without being asked.
pub trait Event {
    /// The name it is emitted under.
    const NAME: &'static str;
    type Payload: Serialize + DeserializeOwned;
}

/// Declares the commands: for each, the struct of its arguments and its [`Command`] impl; then
/// [`COMMANDS`], every name, raw commands included.
macro_rules! commands {
    (
        raw {
            $($raw:ident: $Raw:ident -> $raw_answer:ty;)*
        }
        $(
            $(#[$doc:meta])*
            $name:ident: $Args:ident { $($field:ident: $ty:ty),* $(,)? } -> $answer:ty;
        )*
    ) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Serialize, Deserialize)]
            pub struct $Args {
                $(pub $field: $ty,)*
            }

            impl Command for $Args {
                const NAME: &'static str = stringify!($name);
                type Answer = $answer;
            }
        )*
        $(
            impl RawCommand for $Raw {
                const NAME: &'static str = stringify!($raw);
                type Answer = $raw_answer;
            }
        )*

        /// The name of every command, JSON and raw: the shell has a handler for each.
        pub const COMMANDS: &[&str] = &[$(stringify!($name),)* $(stringify!($raw),)*];
    };
}

commands! {
    raw {
        add_material: AddMaterial -> MaterialInfo;
        read_code_image: ReadCodeImage -> String;
        add_message_attachment: AddMessageAttachment -> crate::conversation::AttachmentInfo;
    }

    /// What the first screen shows, in one answer: the language (until the person chooses, the
    /// first of the system's languages, `navigator.languages`, that Homeward speaks) and its
    /// messages, the text size, the home cities, the desk, and the home screen's list.
    first_screen: FirstScreen { system: Vec<String> } -> crate::display::FirstScreen;
    /// `lang`'s messages as `.ftl` text: the UI carries none of its own and asks for each
    /// language before it shows it.
    messages: Messages { lang: Lang } -> String;
    set_language: SetLanguage { lang: Lang } -> ();
    /// Marks a step of the app's start the UI reached (the first time only; later ones are
    /// ignored).
    mark_start: MarkStart { step: crate::display::StartStep } -> ();
    /// The steps of this run's start reached so far, in the order reached.
    start_marks: StartMarks {} -> Vec<crate::display::StartMark>;
    /// Keeps the size of the text the person chose (100 % until they choose).
    set_text_size: SetTextSize { size: crate::display::TextSize } -> ();
    catalog_overview: CatalogOverview {} -> CatalogueOverview;
    guide: Guide { id: String } -> crate::Guide;
    create_draft: CreateDraft { guide_id: String } -> crate::Draft;
    /// The drafts answering one guide, most recently changed first.
    drafts: Drafts { guide_id: String } -> Vec<crate::Draft>;
    draft: Draft { id: DraftId } -> crate::Draft;
    /// The guide a draft answers, from its own city's catalogue (or as it was, if withdrawn).
    draft_guide: DraftGuide { id: DraftId } -> crate::draft::GuideOfDraft;
    /// Saves one answer as typed; answers how it checks and the draft's fresh review, so a
    /// keystroke costs one call.
    set_answer: SetAnswer { draft_id: DraftId, field: String, value: String } -> AnswerSaved;
    /// The draft checked as a whole.
    review: Review { id: DraftId } -> DraftReview;
    /// A page of the list of applications with their reviews: the first, or the one after
    /// `after`.
    draft_page: DraftPageOf { after: Option<crate::DraftCursor> } -> crate::DraftPage;
    /// Every draft's title and city.
    draft_titles: DraftTitles {} -> Vec<crate::draft::DraftTitle>;
    delete_draft: DeleteDraft { id: DraftId } -> ();
    duplicate_draft: DuplicateDraft { id: DraftId } -> crate::Draft;
    materials: Materials { id: DraftId } -> Vec<MaterialInfo>;
    /// A preview of an attached photo as a `data:` URL; none for a PDF.
    material_preview: MaterialPreview { id: DraftId, material: Uuid } -> Option<String>;
    remove_material: RemoveMaterial { id: DraftId, material: Uuid } -> ();
    /// What the app knows of its backend now; changes arrive as [`BackendStatusChanged`].
    backend_status: BackendStatus {} -> crate::BackendStatus;
    /// Checks the backend now (the person asked to try again).
    refresh_backend: RefreshBackend {} -> crate::BackendStatus;
    /// The address of the city's backend this app talks to, once a home city is chosen.
    backend_address: BackendAddress {} -> Option<String>;
    /// Makes a listed city the current home city: its catalogue shown, new drafts for it.
    choose_city: ChooseCity { id: String } -> crate::city::HomeCityView;
    search: Search { query: String, lang: Lang } -> Vec<SearchHit>;
    /// The notices that concern the person now, from what is kept (offline too).
    notices: Notices {} -> crate::notice::Notices;
    /// Sets (or with none, forgets) the person's country of residence, kept on the device;
    /// answers the notices for it.
    set_residence_country: SetResidenceCountry { country: Option<String> } -> crate::notice::Notices;
    contacts: Contacts {} -> crate::catalog::Contacts;
    checked_materials: CheckedMaterials { guide_id: String } -> Vec<u32>;
    set_material_checked: SetMaterialChecked { guide_id: String, index: u32, checked: bool } -> ();
    /// Saves the application's PDF (Chinese, with `lang` beside it); answers its path.
    save_application_pdf: SaveApplicationPdf { id: DraftId, lang: Lang } -> String;
    /// Opens a file the app saved, by its name in the export folder, in the system's viewer.
    open_export: OpenExport { name: String } -> ();
    /// Freezes a complete application into the outbox; it is sent when a connection allows.
    submit: Submit { id: DraftId } -> OutboxItem;
    outbox: Outbox {} -> Vec<OutboxItem>;
    /// Puts an item that was set aside back in line.
    retry_submission: RetrySubmission { id: Uuid } -> OutboxItem;
    /// What the person is writing to the office about the application of a draft.
    message_draft: MessageDraft { draft_id: DraftId } -> crate::conversation::MessageDraft;
    /// Saves the message's text as typed.
    set_message_text: SetMessageText { draft_id: DraftId, text: String } -> ();
    remove_message_attachment: RemoveMessageAttachment { draft_id: DraftId, id: Uuid } -> ();
    /// Freezes the message into the outbox; it is sent when a connection allows.
    send_message: SendMessage { draft_id: DraftId } -> OutboxItem;
    /// Saves a document the office sent into the export folder; answers its path.
    save_document: SaveDocument { draft_id: DraftId, id: String } -> String;
    /// What the city said about sent applications, oldest first.
    status_events: StatusEvents {} -> Vec<FeedEvent>;
    /// The revision a Send of this draft would be; none when sending again is not possible.
    next_revision: NextRevision { id: DraftId } -> Option<u32>;
    /// A draft's answers as they would be sent: valid answers normalised.
    answers_as_sent: AnswersAsSent { id: DraftId } -> BTreeMap<String, String>;
    profile: Profile {} -> Option<crate::privacy::Profile>;
    /// Saves the profile when every field is valid; otherwise what needs attention.
    set_profile: SetProfile { profile: crate::privacy::Profile } -> Vec<ProfileProblem>;
    consents: Consents {} -> Vec<Consent>;
    set_consent: SetConsent { kind: ConsentKind, granted: bool } -> Vec<Consent>;
    /// Writes everything the app keeps about the person into the export folder; answers where.
    export_all: ExportAll {} -> String;
    /// Erases everything on this device; the app then closes.
    erase_all: EraseAll {} -> ();
    /// After `keys-missing`: sets the data that can no longer be read aside (kept, locked, in
    /// case the keys come back) and starts the app again on a fresh installation.
    start_again: StartAgain {} -> ();
    /// What staff at the city did with the person's data, newest first: the page older than
    /// `before`, or the newest.
    access_log: AccessLogPage { before: Option<i64> } -> crate::sync::AccessLog;
    identity: Identity {} -> IdentityStatus;
    /// The code a volunteer scans: the device key and the profile.
    proof_request: ProofRequest {} -> Code;
    add_attestation: AddAttestation { token: String } -> IdentityStatus;
    site: Site {} -> Option<SiteInfo>;
    enable_site_mode: EnableSiteMode { id: String, name: String } -> SiteInfo;
    disable_site_mode: DisableSiteMode {} -> ();
    read_proof_request: ReadProofRequest { text: String } -> crate::identity::ProofRequest;
    /// In site mode: signs an attestation for the person whose code was read.
    attest: Attest { text: String, documents: Vec<DocumentKind> } -> Code;
    /// In site mode: the desk (volunteers, who has it open); none otherwise.
    desk: Desk {} -> Option<crate::desk::DeskState>;
    /// Registers a volunteer: the first needs no PIN and opens the desk as them; after that the
    /// volunteer on duty confirms with their own PIN (`my_pin`).
    add_volunteer: AddVolunteer { name: String, pin: String, pin_again: String, my_pin: String } -> crate::desk::DeskState;
    /// Removes a volunteer; the volunteer on duty confirms with their own PIN.
    remove_volunteer: RemoveVolunteer { id: Uuid, my_pin: String } -> crate::desk::DeskState;
    unlock_desk: UnlockDesk { volunteer: Uuid, pin: String } -> crate::desk::DeskState;
    /// Locks the desk: on demand, or `idle` when the screen saw nobody for the idle time.
    lock_desk: LockDesk { idle: bool } -> crate::desk::DeskState;
    /// The screen was touched: the desk's idle clock starts again.
    keep_desk_open: KeepDeskOpen {} -> crate::desk::DeskState;
    site_log: SiteLog {} -> crate::desk::SiteLog;
    /// In site mode: the walk-in sessions not yet wiped (times only).
    walk_ins: WalkIns {} -> Vec<crate::desk::WalkInSummary>;
    /// Opens a session for a new walk-in: from then on the person's commands go to it.
    start_walk_in: StartWalkIn {} -> Uuid;
    /// Takes up a session the laptop was serving when it stopped.
    resume_walk_in: ResumeWalkIn { id: Uuid } -> ();
    /// Ends the walk-in being served: wiped, or sealed until the backend acknowledges it.
    end_walk_in: EndWalkIn {} -> crate::desk::WalkInEnd;
    /// The receipt the walk-in leaves with (made the first time it is asked for); none while
    /// the session has sent nothing.
    receipt_of_walk_in: ReceiptOfWalkIn {} -> Option<crate::handover::WalkInReceipt>;
    /// Takes the applications on a receipt over to this device (`code` may also be the text of
    /// the receipt's QR code); the drafts they are kept as.
    take_over: TakeOver { code: String, secret: String } -> Vec<DraftId>;
    /// Where the applications on a receipt stand, without taking them over.
    receipt_status: ReceiptStatus { code: String, secret: String } -> crate::handover::HandoverStatus;
    /// Signs with the site's key, for the walk-in's own device key, that the volunteer checked
    /// these documents face to face.
    attest_walk_in: AttestWalkIn { documents: Vec<DocumentKind> } -> IdentityStatus;
    /// Asks the city for verification by video; the officer calls the person at `contact`.
    request_video_proofing: RequestVideoProofing { contact: String } -> ProofingRequestState;
    pending_proofing: PendingProofing {} -> Option<ProofingRequestState>;
    delegations: Delegations {} -> Vec<DelegationSummary>;
    /// Signs an entrustment letter.
    create_delegation: CreateDelegation { delegation: NewDelegation } -> DelegationSummary;
    revoke_delegation: RevokeDelegation { id: Uuid } -> DelegationRevoked;
    /// Saves the letter's PDF; answers its path.
    save_delegation_pdf: SaveDelegationPdf { id: Uuid, lang: Lang } -> String;

}

/// A file attached to a document question of a draft: the body is the file's bytes; the draft,
/// the question and the file's name are headers, the last two percent-encoded.
pub struct AddMaterial;

impl AddMaterial {
    pub const DRAFT_ID: &'static str = "x-draft-id";
    pub const FIELD: &'static str = "x-field";
    pub const FILE_NAME: &'static str = "x-file-name";
}

/// The text of the QR code in a photo (the body), taken with the camera.
pub struct ReadCodeImage;

/// A file attached to the message being written about a draft's application: the body is the
/// file's bytes; the draft and the file's name (percent-encoded) are headers.
pub struct AddMessageAttachment;

impl AddMessageAttachment {
    pub const DRAFT_ID: &'static str = "x-draft-id";
    pub const FILE_NAME: &'static str = "x-file-name";
}

/// What saving an answer tells the UI: how that answer checks, and the draft as a whole now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSaved {
    pub check: FieldCheck,
    pub review: DraftReview,
}

/// Declares the events: a marker type per event and its [`Event`] impl; then [`EVENTS`].
macro_rules! events {
    ($($(#[$doc:meta])* $name:literal: $Event:ident -> $payload:ty;)*) => {
        $(
            $(#[$doc])*
            pub struct $Event;

            impl Event for $Event {
                const NAME: &'static str = $name;
                type Payload = $payload;
            }
        )*

        /// The name of every event.
        pub const EVENTS: &[&str] = &[$($name),*];
    };
}

events! {
    /// An item of the outbox changed: its state, or the bytes the backend acknowledged. Also
    /// sent for an item just added.
    "outbox-item": OutboxItemChanged -> OutboxItem;
    /// The status feed told something new about sent applications, oldest first.
    "feed-events": FeedEventsArrived -> Vec<FeedEvent>;
    /// Whether the backend can be reached changed.
    "backend-status": BackendStatusChanged -> crate::BackendStatus;
    /// The walk-in being served took their applications over to their own phone; the session
    /// (the payload) is wiped and the desk is back.
    "walk-in-handed-over": WalkInHandedOver -> Uuid;
    /// A newer catalogue from the backend is in use; the payload is its version.
    "catalogue-updated": CatalogueUpdated -> u64;
    /// The notices feeds changed (a notice published, withdrawn, or a feed refused).
    "notices-updated": NoticesUpdated -> ();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distinct_names(names: &[&str]) -> bool {
        let set: std::collections::BTreeSet<_> = names.iter().collect();
        set.len() == names.len()
    }

    #[test]
    fn every_command_and_event_has_a_name_of_its_own() {
        assert!(distinct_names(COMMANDS), "{COMMANDS:?}");
        assert!(distinct_names(EVENTS), "{EVENTS:?}");
        assert!(COMMANDS.contains(&SetAnswer::NAME));
        assert!(COMMANDS.contains(&AddMaterial::NAME));
    }

    #[test]
    fn arguments_travel_as_json_objects_named_as_in_rust() {
        let json = serde_json::to_value(Guide { id: "g".into() }).expect("serialise");
        assert_eq!(json, serde_json::json!({ "id": "g" }));
        let none = serde_json::to_value(Outbox {}).expect("serialise");
        assert_eq!(none, serde_json::json!({}));
    }
}
