//! An application in progress.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::GuideId;

/// Names a draft; a UUIDv7, so ids sort by creation time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DraftId(pub Uuid);

impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One application being prepared, as the UI sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: DraftId,
    pub guide_id: GuideId,
    /// The catalogue version the draft was started on.
    pub pack_version: u64,
    /// Answers by field id, exactly as the person typed them.
    pub answers: BTreeMap<String, String>,
    /// Milliseconds since the Unix epoch.
    pub created_at: i64,
    pub updated_at: i64,
}

/// Where an application stands, in the task-list pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DraftStatus {
    NotStarted,
    InProgress,
    /// At least one answer is not valid.
    NeedsAttention,
    /// Every required question is answered and every answer is valid.
    Complete,
}

/// One answer that needs the person's attention, or a required question not yet answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerProblem {
    /// The answer key: a field id, or `group.<index>.field` inside a group.
    pub field: String,
    /// The id of the form page the question is on.
    pub page: String,
    pub code: crate::check::CheckCode,
}

/// A draft checked as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftReview {
    pub status: DraftStatus,
    /// Questions answered validly, of those that apply.
    pub answered: usize,
    pub applicable: usize,
    /// Invalid answers first, then required questions left unanswered, in form order.
    pub problems: Vec<AnswerProblem>,
    /// Questions the catalogue changed (or added) since the draft was started: worth a look.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
    /// Questions the catalogue no longer asks; their answers are kept, not sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// A draft and its review, for the list of applications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub draft: Draft,
    pub review: DraftReview,
}

/// A document attached to a draft, as the UI lists it. The bytes stay in the encrypted store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialInfo {
    pub id: Uuid,
    /// The form question it answers (a `material` field id).
    pub field: String,
    /// The guide's material type.
    pub kind: String,
    /// The name the file had on the person's device.
    pub file_name: String,
    pub mime: String,
    /// Stored size, after compression.
    pub size: u64,
    /// Size of the file as chosen.
    pub original_size: u64,
    /// Hex SHA-256 of the stored bytes.
    pub sha256: String,
    /// Pixel size of a photo as stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<(u32, u32)>,
    pub added_at: i64,
}
