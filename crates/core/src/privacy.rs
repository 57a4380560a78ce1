//! The person's own data: a minimal profile, separate consents that can be withdrawn, an export
//! of everything the app keeps about them, and erasure of all of it from this device.

use std::path::{Path, PathBuf};

use homeward_domain::catalog::{DateRule, FieldKind};
use homeward_domain::check::CheckCode;
use homeward_domain::privacy::{Consent, ConsentKind, Profile, ProfileProblem};
use homeward_domain::sync::AccessLog;
use rusqlite::{params, OptionalExtension as _};
use serde::Serialize;

use crate::app::{now_ms, write_whole, Homeward, DB_FILE, INSTALL_ID_FILE};
use crate::error::{CoreError, Result};
use crate::store::Store;
use crate::validate;

/// Checks a profile: names in characters and pinyin, a birth date in the past, and at least one
/// of a resident ID number and a passport number, each valid. Returns it normalised.
pub fn check_profile(p: &Profile) -> (Profile, Vec<ProfileProblem>) {
    let today = validate::today();
    let mut problems = vec![];
    let mut out = p.clone();
    let mut field = |name: &'static str, kind: FieldKind, value: &mut String, required: bool| {
        let v = value.trim();
        if v.is_empty() {
            if required {
                problems.push(ProfileProblem {
                    field: name.to_owned(),
                    code: CheckCode::Required,
                });
            }
            value.clear();
            return;
        }
        let check = validate::check(&kind, v, today);
        match check.error {
            None => *value = check.normalized,
            Some(code) => problems.push(ProfileProblem {
                field: name.to_owned(),
                code,
            }),
        }
    };
    field("name-han", FieldKind::PersonName, &mut out.name_han, true);
    field("name-pinyin", FieldKind::Pinyin, &mut out.name_pinyin, true);
    field(
        "birth-date",
        FieldKind::Date {
            rule: Some(DateRule::Past),
        },
        &mut out.birth_date,
        true,
    );
    let neither = p.id_number.trim().is_empty() && p.passport.trim().is_empty();
    field("id-number", FieldKind::IdCard, &mut out.id_number, neither);
    field("passport", FieldKind::Passport, &mut out.passport, false);
    (out, problems)
}

impl Store {
    pub fn profile(&self) -> Result<Option<Profile>> {
        let body: Option<String> = self
            .conn()
            .query_row("SELECT body FROM profile WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        body.map(|b| serde_json::from_str(&b).map_err(|e| CoreError::Damaged(e.to_string())))
            .transpose()
    }

    pub fn set_profile(&self, p: &Profile, now: i64) -> Result<()> {
        let body = serde_json::to_string(p).map_err(|e| CoreError::Damaged(e.to_string()))?;
        self.conn().execute(
            "INSERT INTO profile (id, body, updated_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![body, now],
        )?;
        Ok(())
    }

    pub fn consents(&self) -> Result<Vec<Consent>> {
        let conn = self.conn();
        ConsentKind::ALL
            .into_iter()
            .map(|kind| {
                let row: Option<(Option<i64>, Option<i64>)> = conn
                    .query_row(
                        "SELECT granted_at, withdrawn_at FROM consents WHERE kind = ?1",
                        [kind.slug()],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let (granted_at, withdrawn_at) = row.unwrap_or_default();
                Ok(Consent {
                    kind,
                    granted_at,
                    withdrawn_at,
                })
            })
            .collect()
    }

    pub fn set_consent(&self, kind: ConsentKind, granted: bool, now: i64) -> Result<()> {
        let sql = if granted {
            "INSERT INTO consents (kind, granted_at) VALUES (?1, ?2)
             ON CONFLICT (kind) DO UPDATE SET granted_at = excluded.granted_at"
        } else {
            "INSERT INTO consents (kind, granted_at, withdrawn_at) VALUES (?1, NULL, ?2)
             ON CONFLICT (kind) DO UPDATE SET granted_at = NULL, withdrawn_at = excluded.withdrawn_at"
        };
        self.conn().execute(sql, params![kind.slug(), now])?;
        Ok(())
    }
}

/// Everything the app keeps about the person, as the export writes it.
#[derive(Debug, Serialize)]
struct Export {
    exported_at: i64,
    app: &'static str,
    profile: Option<Profile>,
    consents: Vec<Consent>,
    language: String,
    /// The country the person said they live in, to pick their notices.
    residence_country: Option<String>,
    drafts: Vec<ExportedDraft>,
    sent: Vec<homeward_domain::sync::OutboxItem>,
    receipts: Vec<homeward_domain::sync::SignedReceipt>,
    city_events: Vec<homeward_domain::sync::FeedEvent>,
    device_public_key: String,
    /// Who confirmed the person's identity to each home city, how and until when.
    identity: std::collections::BTreeMap<String, homeward_domain::identity::IdentityStatus>,
    /// The letters of entrustment the person signed, each with its sealed text.
    letters: Vec<homeward_domain::identity::DelegationSummary>,
    /// The documents the office sent with its messages, each as its own file.
    from_the_office: Vec<ExportedFile<ReceivedDocument>>,
}

#[derive(Debug, Serialize)]
struct ExportedDraft {
    draft: homeward_domain::Draft,
    documents: Vec<ExportedDocument>,
    /// A message to the office being written about the application, with its attachments'
    /// files.
    #[serde(skip_serializing_if = "Option::is_none")]
    writing: Option<ExportedWriting>,
}

#[derive(Debug, Serialize)]
struct ExportedWriting {
    text: String,
    attachments: Vec<ExportedFile<homeward_domain::conversation::AttachmentInfo>>,
}

/// Something described, and where its file is, relative to the export folder.
#[derive(Debug, Serialize)]
struct ExportedFile<T> {
    #[serde(flatten)]
    info: T,
    file: String,
}

/// A document the office sent, as the device keeps it.
#[derive(Debug, Serialize)]
struct ReceivedDocument {
    city: String,
    file_name: Option<String>,
    draft_id: homeward_domain::DraftId,
    id: String,
    sha256: String,
}

#[derive(Debug, Serialize)]
struct ExportedDocument {
    #[serde(flatten)]
    info: homeward_domain::draft::MaterialInfo,
    /// Where the file is, relative to the export folder.
    file: String,
}

/// A name safe for a file: the last component, with separators and control characters gone.
fn safe_name(name: &str) -> String {
    let base: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    match base.trim().trim_matches('.') {
        "" => "document".into(),
        b => b.to_owned(),
    }
}

impl Homeward {
    pub fn profile(&self) -> Result<Option<Profile>> {
        self.store.profile()
    }

    /// Saves the profile if every field is valid (normalised), and says what needs attention
    /// otherwise, keeping the stored profile as it was.
    pub fn set_profile(&self, p: &Profile) -> Result<Vec<ProfileProblem>> {
        let (normalized, problems) = check_profile(p);
        if problems.is_empty() {
            self.store.set_profile(&normalized, now_ms())?;
        }
        Ok(problems)
    }

    pub fn consents(&self) -> Result<Vec<Consent>> {
        self.store.consents()
    }

    /// Gives or withdraws a consent. Withdrawing stops new sending at once; what was sent
    /// before stays with the city, as the law allows.
    pub fn set_consent(&self, kind: ConsentKind, granted: bool) -> Result<Vec<Consent>> {
        self.store.set_consent(kind, granted, now_ms())?;
        self.consents()
    }

    /// What staff at the city did with this person's data, newest first: each opening of an
    /// application, document download, view of their request for verification and check of
    /// their letters, by role and department. The page older than `before`, or the newest. A
    /// device the city never heard of has nothing to tell, and nothing is sent for it.
    pub async fn access_log(&self, before: Option<i64>) -> Result<AccessLog> {
        if !self.is_registered()? {
            return Ok(AccessLog::default());
        }
        self.remote()?.access_log(&self.keys.device, before).await
    }

    /// Whether every consent sending needs is given.
    pub fn may_send(&self) -> Result<bool> {
        Ok(self.consents()?.iter().all(Consent::is_granted))
    }

    /// Writes everything the app keeps about the person into a new folder in `dir`:
    /// `data.json` and every document as its own file. Returns the folder.
    pub fn export_all(&self, dir: &Path) -> Result<PathBuf> {
        let now = now_ms();
        let stamp = {
            let d = validate::today();
            format!(
                "{:04}{:02}{:02}-{}",
                d.year,
                d.month,
                d.day,
                now % 1_000_000
            )
        };
        let folder = dir.join(format!("homeward-export-{stamp}"));
        std::fs::create_dir_all(folder.join("documents"))?;
        let mut drafts = vec![];
        for draft in self.store.drafts()? {
            let mut documents = vec![];
            for info in self.store.materials(draft.id)? {
                let (bytes, _) = self.store.material_bytes(draft.id, info.id)?;
                let file = format!(
                    "documents/{}-{}",
                    &info.id.simple().to_string()[..8],
                    safe_name(&info.file_name)
                );
                write_whole(&folder.join(&file), &bytes)?;
                documents.push(ExportedDocument { info, file });
            }
            let written = self.store.message_draft(draft.id)?;
            let writing = if written == Default::default() {
                None
            } else {
                let bytes: std::collections::BTreeMap<String, Vec<u8>> = self
                    .store
                    .message_attachment_bytes(draft.id)?
                    .into_iter()
                    .collect();
                let mut attachments = vec![];
                for info in written.attachments {
                    let file = format!(
                        "documents/{}-{}",
                        &info.id.simple().to_string()[..8],
                        safe_name(&info.file_name)
                    );
                    if let Some(b) = bytes.get(&info.sha256) {
                        write_whole(&folder.join(&file), b)?;
                    }
                    attachments.push(ExportedFile { info, file });
                }
                Some(ExportedWriting {
                    text: written.text,
                    attachments,
                })
            };
            drafts.push(ExportedDraft {
                draft,
                documents,
                writing,
            });
        }
        let mut named = std::collections::BTreeMap::new();
        for e in self.store.status_events()? {
            if let homeward_domain::sync::EventKind::Message { documents, .. } = e.event {
                named.extend(documents.into_iter().map(|d| (d.id, d.file_name)));
            }
        }
        let mut from_the_office = vec![];
        for (city, id, draft_id, sha256, bytes) in self.store.received_documents()? {
            let name = named.get(&id).map_or("document", String::as_str);
            let file = format!(
                "documents/office-{}-{}",
                &id[..id.len().min(8)],
                safe_name(name)
            );
            write_whole(&folder.join(&file), &bytes)?;
            from_the_office.push(ExportedFile {
                info: ReceivedDocument {
                    city,
                    file_name: named.get(&id).cloned(),
                    draft_id,
                    id,
                    sha256,
                },
                file,
            });
        }
        let outbox = self.store.outbox()?;
        let export = Export {
            exported_at: now,
            app: "Homeward",
            profile: self.store.profile()?,
            consents: self.store.consents()?,
            language: self.language()?.tag().to_owned(),
            residence_country: self.residence_country()?,
            drafts,
            receipts: outbox.iter().filter_map(|r| r.receipt.clone()).collect(),
            sent: outbox.into_iter().map(|r| r.item).collect(),
            city_events: self.store.status_events()?,
            device_public_key: self.device_public_key_b64(),
            identity: self
                .config
                .cities
                .iter()
                .map(|c| Ok((c.id.clone(), self.identity_in(&c.id)?)))
                .collect::<Result<_>>()?,
            letters: self.delegations()?,
            from_the_office,
        };
        let json =
            serde_json::to_vec_pretty(&export).map_err(|e| CoreError::Damaged(e.to_string()))?;
        write_whole(&folder.join("data.json"), &json)?;
        Ok(folder)
    }

    /// Erases everything this installation keeps on the device: the encrypted database (drafts,
    /// documents, profile, consents, the outbox and receipts), its keys in the OS keyring, and
    /// its id. The app must close afterwards; the next start is a fresh installation.
    pub fn erase_all(&self) -> Result<()> {
        // A site laptop being decommissioned: its walk-in sessions go too, keys first.
        self.wipe_every_walk_in()?;
        // The keys first: without them the database cannot be read even if a file survived.
        self.keyring.delete_all()?;
        for name in [
            DB_FILE.to_owned(),
            format!("{DB_FILE}-wal"),
            format!("{DB_FILE}-shm"),
            INSTALL_ID_FILE.to_owned(),
        ] {
            match std::fs::remove_file(self.data_dir.join(name)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        tracing::info!("installation erased");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(id: &str, passport: &str) -> Profile {
        Profile {
            name_han: "王𠀀明".into(),
            name_pinyin: "wang ming".into(),
            birth_date: "1990-01-01".into(),
            id_number: id.into(),
            passport: passport.into(),
        }
    }

    #[test]
    fn a_profile_needs_names_a_past_birth_date_and_an_identity_document() {
        let (ok, problems) = check_profile(&profile("１１０１０５１９４９１２３１００２x", ""));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(ok.id_number, "11010519491231002X", "normalised");
        let (_, problems) = check_profile(&profile("", "E12345678"));
        assert!(
            problems.is_empty(),
            "a passport alone is enough: {problems:?}"
        );
        let (_, problems) = check_profile(&profile("", ""));
        assert_eq!(
            problems,
            [ProfileProblem {
                field: "id-number".into(),
                code: CheckCode::Required
            }]
        );
        let mut future = profile("", "E12345678");
        future.birth_date = "2999-01-01".into();
        let (_, problems) = check_profile(&future);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "birth-date");
    }

    #[test]
    fn file_names_from_outside_cannot_leave_the_export_folder() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\\\x\\\\photo.jpg"), "photo.jpg");
        assert_eq!(safe_name(".."), "document");
        assert_eq!(safe_name(""), "document");
    }
}
