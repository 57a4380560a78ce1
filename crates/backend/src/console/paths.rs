//! The console's pages, named once: the router, links, forms and redirects all use these, and
//! a `{name}` part is filled in with [`homeward_domain::wire::path::fill`].

pub(super) use homeward_domain::wire::path::fill;

/// The applications list, and the path the console's cookies are scoped to.
pub(super) const HOME: &str = "/console";
pub(super) const LOGIN: &str = "/console/login";
pub(super) const LOGOUT: &str = "/console/logout";
/// Sets the language cookie; `{tag}` is a language tag.
pub(super) const LANG: &str = "/console/lang/{tag}";
pub(super) const APPLICATION: &str = "/console/applications/{reference}";
pub(super) const DECISION: &str = "/console/applications/{reference}/decision";
pub(super) const ROUTE: &str = "/console/applications/{reference}/route";
pub(super) const MATERIAL: &str = "/console/applications/{reference}/materials/{sha256}";
/// The conversation on an application: the thread, and the reply form posted to it.
pub(super) const CONVERSATION: &str = "/console/applications/{reference}/conversation";
pub(super) const CONVERSATION_DOCUMENT: &str =
    "/console/applications/{reference}/conversation/documents/{id}";
pub(super) const LETTERS: &str = "/console/letters";
pub(super) const REVOKE_DEVICE: &str = "/console/devices/revoke";
pub(super) const PROOFING: &str = "/console/proofing";
pub(super) const PROOFING_REQUEST: &str = "/console/proofing/{id}";
pub(super) const ATTEST: &str = "/console/proofing/{id}/attest";
pub(super) const DECLINE: &str = "/console/proofing/{id}/decline";
pub(super) const ACCOUNTS: &str = "/console/accounts";
pub(super) const ACCOUNT_DISABLE: &str = "/console/accounts/{username}/disable";
pub(super) const ACCESS_LOG: &str = "/console/access-log";
/// Per liaison site: its key's standing and how many it helped (administrators).
pub(super) const SITES: &str = "/console/sites";
/// Public: where the applications on a walk-in's receipt stand.
pub(super) const TRACK: &str = homeward_domain::wire::path::TRACK;
