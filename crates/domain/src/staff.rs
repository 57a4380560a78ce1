//! The back office's API, as the console and `homeward admin` use it.

use serde::{Deserialize, Serialize};

use crate::sync::{ApplicationStatus, FeedEvent, MaterialRef, Submission};

/// `POST /v1/staff/sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLogin {
    pub username: String,
    pub password: String,
}

/// A bearer token for the staff API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffToken {
    pub token: String,
    pub expires_at: i64,
}

/// `POST /v1/staff/accounts` (administrators only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStaff {
    pub username: String,
    pub password: String,
    /// Short for `role: administrator`.
    #[serde(default)]
    pub admin: bool,
    /// What the account may do; a reviewer if neither this nor `admin` says otherwise.
    #[serde(default)]
    pub role: Option<crate::sync::StaffRole>,
    #[serde(default)]
    pub department: Option<String>,
}

impl NewStaff {
    /// The role the account gets.
    pub fn role(&self) -> crate::sync::StaffRole {
        use crate::sync::StaffRole;
        match self.role {
            Some(role) => role,
            None if self.admin => StaffRole::Administrator,
            None => StaffRole::Reviewer,
        }
    }
}

/// One application in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    pub reference: String,
    pub guide_id: String,
    pub status: ApplicationStatus,
    #[serde(default)]
    pub department: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Moves on with every decision, routing and revision; a decision names the version it
    /// was made on.
    #[serde(default)]
    pub version: i64,
    /// The liaison site and the volunteer, for an application sent from a walk-in's session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer: Option<String>,
}

/// One submission of an application, with its signature checked again on opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub revision: u32,
    pub received_at: i64,
    /// The device's signature over this body verified just now.
    pub signature_verified: bool,
    pub submission: Submission,
    /// Each attestation the submission carried, checked again just now.
    #[serde(default)]
    pub identity: Vec<IdentityProof>,
}

/// One attestation as staff see it: what it says, if it opens, and why it fails now, if it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityProof {
    #[serde(default)]
    pub attestation: Option<crate::identity::Attestation>,
    #[serde(default)]
    pub problem: Option<crate::ErrorCode>,
}

/// An application opened by staff (the opening is recorded for the applicant to see).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub summary: ApplicationSummary,
    pub device_key: String,
    pub submissions: Vec<SubmissionView>,
    pub events: Vec<FeedEvent>,
}

impl ApplicationDetail {
    /// The documents of the latest submission.
    pub fn materials(&self) -> &[MaterialRef] {
        self.submissions
            .last()
            .map_or(&[], |s| s.submission.materials.as_slice())
    }
}

/// `POST /v1/staff/applications/{reference}/decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub status: ApplicationStatus,
    /// The officer's own words, shown to the person as such.
    #[serde(default)]
    pub message: String,
    /// With `more-material-needed`: the guide's materials asked for, and why.
    #[serde(default)]
    pub request: Option<crate::sync::MaterialRequest>,
    /// The application's version the decision was made on: if someone changed it since, the
    /// decision is refused with `conflict`.
    pub version: i64,
}

/// `POST /v1/staff/applications/{reference}/route`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routing {
    pub department: String,
    /// The application's version the routing was decided on (see [`Decision::version`]).
    pub version: i64,
}

/// A key trusted to sign attestations, as `GET /v1/staff/signers` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub kind: crate::identity::IssuerKind,
    pub id: String,
    pub name: String,
    /// Base64 Ed25519 public key.
    pub public_key: String,
    pub registered_at: i64,
    #[serde(default)]
    pub revoked_at: Option<i64>,
}

/// `POST /v1/staff/signers` (administrators only): registers a liaison site's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSite {
    /// Lower-case letters, digits and hyphens: `prato`, `paris-13`.
    pub id: String,
    pub name: String,
    pub public_key: String,
}

/// `POST /v1/staff/devices/revoke` (administrators only): a lost or stolen device's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceRevocation {
    pub public_key: String,
}
