//! An application in progress.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::{Field, FieldKind, FormSchema, GuideId};
use crate::lang::LocalizedText;

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
    /// The home city the application is for (its catalogue, its backend).
    #[serde(default)]
    pub city: String,
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
    /// The guide's title, from the draft's city's catalogue (or as it was when the draft was
    /// started, if that catalogue no longer offers it).
    pub title: crate::LocalizedText,
    /// Whether the draft's city still offers the guide. A draft whose guide was withdrawn stays,
    /// with its answers and documents, to print, export or delete; it can no longer be sent.
    pub offered: bool,
}

/// Where a page of the list of drafts ended: the next page starts after this draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftCursor {
    pub updated_at: i64,
    pub id: DraftId,
}

/// One page of the list of applications, most recently changed first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftPage {
    pub drafts: Vec<DraftSummary>,
    /// Where the next page starts; none after the last.
    pub next: Option<DraftCursor>,
}

/// What a draft is called: its guide's title, and its city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftTitle {
    pub id: DraftId,
    pub city: String,
    pub title: crate::LocalizedText,
}

/// The guide a draft answers, from the draft's city, whichever city is current.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideOfDraft {
    pub guide: crate::Guide,
    /// Whether the draft's city still offers it (see [`DraftSummary::offered`]).
    pub offered: bool,
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

/// The item indexes of repeatable group `group` that have any answer, in order.
pub fn group_items(group: &str, answers: &BTreeMap<String, String>) -> Vec<u8> {
    let prefix = format!("{group}.");
    let mut items: Vec<u8> = answers
        .keys()
        .filter_map(|k| k.strip_prefix(&prefix)?.split('.').next()?.parse().ok())
        .collect();
    items.sort_unstable();
    items.dedup();
    items
}

/// What a person sees of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Not answered.
    Missing,
    /// Typed text, as entered.
    Text(String),
    /// The label of the chosen option (or the raw value if the option no longer exists).
    Choice(LocalizedText),
    Yes,
    No,
    /// The names of the attached documents.
    Files(Vec<String>),
}

/// One row of "check your answers" and of the printed application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// The answer key: `field` or `group.<index>.field`.
    pub key: String,
    /// The title of the form page the question is on.
    pub page: LocalizedText,
    /// For a question inside a repeatable group: the group's label and the item's 1-based number.
    pub item: Option<(LocalizedText, usize)>,
    pub label: LocalizedText,
    pub value: Shown,
}

fn shown(
    field: &Field,
    key: &str,
    answers: &BTreeMap<String, String>,
    docs: &[MaterialInfo],
) -> Shown {
    if let FieldKind::Material { .. } = field.kind {
        let names: Vec<String> = docs
            .iter()
            .filter(|d| d.field == key)
            .map(|d| d.file_name.clone())
            .collect();
        return if names.is_empty() {
            Shown::Missing
        } else {
            Shown::Files(names)
        };
    }
    let value = answers.get(key).map(String::as_str).unwrap_or("").trim();
    if value.is_empty() {
        return Shown::Missing;
    }
    match &field.kind {
        FieldKind::Choice { options } => options.iter().find(|o| o.value == value).map_or_else(
            || Shown::Text(value.to_owned()),
            |o| Shown::Choice(o.label.clone()),
        ),
        FieldKind::YesNo if value == "yes" => Shown::Yes,
        FieldKind::YesNo => Shown::No,
        _ => Shown::Text(value.to_owned()),
    }
}

/// Every question that applies to `answers`, in form order, with what the person answered. A
/// repeatable group lists its first `min` items (at least one) and every item that has an answer;
/// questions whose condition fails are left out, as the review leaves them out.
pub fn answer_rows(
    form: &FormSchema,
    answers: &BTreeMap<String, String>,
    docs: &[MaterialInfo],
) -> Vec<AnswerRow> {
    let mut rows = vec![];
    for page in &form.pages {
        for field in page.fields.iter().filter(|f| f.applies(answers, "")) {
            let FieldKind::Group {
                fields,
                min,
                item_label,
                ..
            } = &field.kind
            else {
                rows.push(AnswerRow {
                    key: field.id.clone(),
                    page: page.title.clone(),
                    item: None,
                    label: field.label.clone(),
                    value: shown(field, &field.id, answers, docs),
                });
                continue;
            };
            let mut items = group_items(&field.id, answers);
            items.extend(
                (0..(*min).max(1))
                    .filter(|i| !items.contains(i))
                    .collect::<Vec<_>>(),
            );
            items.sort_unstable();
            for i in items {
                let prefix = format!("{}.{i}.", field.id);
                for sub in fields.iter().filter(|f| f.applies(answers, &prefix)) {
                    let key = format!("{prefix}{}", sub.id);
                    rows.push(AnswerRow {
                        value: shown(sub, &key, answers, docs),
                        key,
                        page: page.title.clone(),
                        item: Some((item_label.clone(), usize::from(i) + 1)),
                        label: sub.label.clone(),
                    });
                }
            }
        }
    }
    rows
}
