//! A conversation on an application: the person and the office write to each other, with
//! documents both ways.
//!
//! The person's message is frozen in the outbox and delivered like a submission: signed by the
//! device, once, its message id the idempotency key, its attachments uploaded first. The
//! office's messages, and the documents it sends (a scan of the certificate, an appointment
//! slip), come back on the feed as [`crate::sync::EventKind::Message`]; their bytes are fetched
//! by the device that sent the application, signed, from `GET /v1/documents/{id}`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::draft::DraftId;

/// The longest message, in characters: a letter, not a book.
pub const MAX_MESSAGE_CHARS: usize = 4000;
/// The most documents one message carries.
pub const MAX_ATTACHMENTS: usize = 5;
/// The largest document the office sends, in bytes.
pub const MAX_OFFICE_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// What a conversation carries, either way: documents anyone can open anywhere.
pub const DOCUMENT_TYPES: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];

/// Who wrote a message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Speaker {
    /// Staff at the city.
    #[default]
    Office,
    /// The applicant, from their device.
    Person,
}

impl Speaker {
    pub fn slug(self) -> &'static str {
        match self {
            Speaker::Office => "office",
            Speaker::Person => "person",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        [Speaker::Office, Speaker::Person]
            .into_iter()
            .find(|s| s.slug() == slug)
    }
}

/// A document in a conversation, as both sides name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The backend's name for it (hex), as `GET /v1/documents/{id}` takes it.
    pub id: String,
    pub file_name: String,
    pub mime: String,
    pub size: u64,
    /// Hex SHA-256 of the bytes: the device checks what it fetched against it.
    pub sha256: String,
}

/// A document the person attaches to a message; its bytes travel first, as a resumable upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub file_name: String,
    pub mime: String,
    pub size: u64,
    /// Hex SHA-256 of the bytes, as uploaded.
    pub sha256: String,
}

/// `POST /v1/messages`: the person writes to the office about one of their applications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonMessage {
    /// Stable across retries; also the idempotency key.
    pub message_id: Uuid,
    /// The application's draft: with the signing device, it names the application.
    pub draft_id: DraftId,
    pub text: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// When the person pressed Send (milliseconds since the epoch).
    pub sent_at: i64,
}

impl PersonMessage {
    /// What is wrong with the message, naming the field, if anything: the checks the app makes
    /// before freezing it and the backend makes again on taking it.
    pub fn problem(&self) -> Option<String> {
        let text = self.text.trim();
        if text.is_empty() && self.attachments.is_empty() {
            return Some("text: write a message or attach a document".into());
        }
        if self.text.chars().count() > MAX_MESSAGE_CHARS {
            return Some(format!("text: at most {MAX_MESSAGE_CHARS} characters"));
        }
        if self.attachments.len() > MAX_ATTACHMENTS {
            return Some(format!(
                "attachments: at most {MAX_ATTACHMENTS} documents a message"
            ));
        }
        for a in &self.attachments {
            let hex = a.sha256.len() == 64 && a.sha256.bytes().all(|b| b.is_ascii_hexdigit());
            if !hex {
                return Some("attachments: sha256 must be 64 hex digits".into());
            }
            if a.file_name.trim().is_empty() || a.file_name.chars().count() > 200 {
                return Some("attachments: file_name must be 1 to 200 characters".into());
            }
            if !DOCUMENT_TYPES.contains(&a.mime.as_str()) {
                return Some(
                    "attachments: mime must be application/pdf, image/jpeg or image/png".into(),
                );
            }
        }
        None
    }
}

/// A document attached to a message the person is still writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    pub id: Uuid,
    pub file_name: String,
    pub mime: String,
    pub size: u64,
    pub sha256: String,
    pub added_at: i64,
}

/// What the person is writing to the office about an application, kept as typed until Send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageDraft {
    pub text: String,
    pub attachments: Vec<AttachmentInfo>,
}

/// A file name safe to write in a folder and to show: no path, no control characters, not
/// hidden, at most 100 characters; `fallback` when nothing is left.
pub fn plain_file_name(name: &str, fallback: &str) -> String {
    let cleaned: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            if matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        fallback.to_owned()
    } else {
        cleaned.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str, attachments: Vec<Attachment>) -> PersonMessage {
        PersonMessage {
            message_id: Uuid::nil(),
            draft_id: DraftId(Uuid::nil()),
            text: text.into(),
            attachments,
            sent_at: 0,
        }
    }

    fn attachment(sha256: &str) -> Attachment {
        Attachment {
            file_name: "photo.jpg".into(),
            mime: "image/jpeg".into(),
            size: 10,
            sha256: sha256.into(),
        }
    }

    #[test]
    fn a_message_says_something_within_its_limits() {
        assert_eq!(message("你好", vec![]).problem(), None);
        assert_eq!(
            message("", vec![attachment(&"a".repeat(64))]).problem(),
            None
        );
        assert!(message("  ", vec![])
            .problem()
            .unwrap()
            .starts_with("text:"));
        let long = "字".repeat(MAX_MESSAGE_CHARS + 1);
        assert!(message(&long, vec![])
            .problem()
            .unwrap()
            .starts_with("text:"));
        let bad = message("x", vec![attachment("not hex")]).problem().unwrap();
        assert!(bad.starts_with("attachments:"), "{bad}");
        let many = vec![attachment(&"b".repeat(64)); MAX_ATTACHMENTS + 1];
        assert!(message("x", many)
            .problem()
            .unwrap()
            .starts_with("attachments:"));
    }

    #[test]
    fn a_file_name_keeps_no_path_and_no_hidden_dot() {
        assert_eq!(plain_file_name("../../etc/passwd", "f"), "passwd");
        assert_eq!(plain_file_name("C:\\x\\证书.pdf", "f"), "证书.pdf");
        assert_eq!(plain_file_name(".bashrc", "f"), "bashrc");
        assert_eq!(plain_file_name("a\u{0}b?.pdf", "f"), "ab-.pdf");
        assert_eq!(plain_file_name("..", "document"), "document");
        assert_eq!(plain_file_name("", "document"), "document");
    }
}
