//! Drafts and their answers. Each answer is its own row, so an autosave writes one small row
//! rather than the whole application.

use std::collections::BTreeMap;

use homeward_domain::draft::MaterialInfo;
use homeward_domain::{Draft, DraftCursor, DraftId, GuideId};
use rusqlite::{params, OptionalExtension as _};
use uuid::Uuid;

use super::Store;
use crate::error::{CoreError, Result};

/// What a new draft is made from.
#[derive(Debug, Clone, Copy)]
pub struct NewDraft<'a> {
    /// The home city the application is for.
    pub city: &'a str,
    pub guide: &'a GuideId,
    pub pack_version: u64,
    /// The form's JSON as it was when the draft started, to flag questions that change.
    pub form_snapshot: Option<&'a str>,
    /// The whole guide's JSON as it was, so a draft outlives a catalogue that withdraws it.
    pub guide_snapshot: Option<&'a str>,
}

impl Store {
    /// A draft of `guide` with nothing recorded about how the guide looked (tests, benchmarks).
    pub fn create_draft(&self, guide: &GuideId, pack_version: u64, now: i64) -> Result<Draft> {
        self.create_draft_from(
            &NewDraft {
                city: "",
                guide,
                pack_version,
                form_snapshot: None,
                guide_snapshot: None,
            },
            now,
        )
    }

    /// A new draft, keeping what `new` recorded of the guide as it was.
    pub fn create_draft_from(&self, new: &NewDraft<'_>, now: i64) -> Result<Draft> {
        let id = DraftId(Uuid::now_v7());
        self.conn().execute(
            "INSERT INTO drafts (id, city, guide_id, pack_version, created_at, updated_at,
                 form_snapshot, guide_snapshot)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)",
            params![
                id.0.to_string(),
                new.city,
                new.guide.0,
                new.pack_version,
                now,
                new.form_snapshot,
                new.guide_snapshot
            ],
        )?;
        Ok(Draft {
            id,
            city: new.city.to_owned(),
            guide_id: new.guide.clone(),
            pack_version: new.pack_version,
            answers: BTreeMap::new(),
            created_at: now,
            updated_at: now,
        })
    }

    pub fn draft(&self, id: DraftId) -> Result<Draft> {
        let conn = self.conn();
        let head = conn
            .query_row(
                "SELECT guide_id, pack_version, created_at, updated_at, city FROM drafts
                 WHERE id = ?1",
                [id.0.to_string()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, u64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?
            .ok_or(CoreError::NotFound { what: "draft" })?;
        let mut stmt =
            conn.prepare_cached("SELECT field_id, value FROM draft_answers WHERE draft_id = ?1")?;
        let answers = stmt
            .query_map([id.0.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<BTreeMap<String, String>>>()?;
        Ok(Draft {
            id,
            city: head.4,
            guide_id: GuideId(head.0),
            pack_version: head.1,
            answers,
            created_at: head.2,
            updated_at: head.3,
        })
    }

    /// All drafts, most recently changed first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        self.drafts_where(
            "SELECT id FROM drafts ORDER BY updated_at DESC, id DESC",
            [],
        )
    }

    /// The drafts answering `guide`, most recently changed first.
    pub fn drafts_of_guide(&self, guide: &str) -> Result<Vec<Draft>> {
        self.drafts_where(
            "SELECT id FROM drafts WHERE guide_id = ?1 ORDER BY updated_at DESC, id DESC",
            [guide],
        )
    }

    /// At most `limit` drafts, most recently changed first, starting after `after` (where the
    /// page before ended) or at the top. Read through `drafts_by_update`, so a page costs the
    /// same however many drafts there are.
    pub fn drafts_page(&self, after: Option<&DraftCursor>, limit: usize) -> Result<Vec<Draft>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        match after {
            None => self.drafts_where(
                "SELECT id FROM drafts ORDER BY updated_at DESC, id DESC LIMIT ?1",
                params![limit],
            ),
            Some(c) => self.drafts_where(
                "SELECT id FROM drafts WHERE (updated_at, id) < (?1, ?2)
                 ORDER BY updated_at DESC, id DESC LIMIT ?3",
                params![c.updated_at, c.id.0.to_string(), limit],
            ),
        }
    }

    /// The drafts whose ids `sql` selects, in its order.
    fn drafts_where(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Draft>> {
        let ids: Vec<String> = {
            let conn = self.conn();
            let mut stmt = conn.prepare_cached(sql)?;
            let ids = stmt
                .query_map(args, |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids
        };
        ids.iter()
            .filter_map(|s| Uuid::parse_str(s).ok())
            .map(|u| self.draft(DraftId(u)))
            .collect()
    }

    /// Saves one answer; an empty value removes it. Returns when the write is durable.
    pub fn set_answer(&self, id: DraftId, field: &str, value: &str, now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let changed = tx.execute(
            "UPDATE drafts SET updated_at = ?2 WHERE id = ?1",
            params![id.0.to_string(), now],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound { what: "draft" });
        }
        if value.is_empty() {
            tx.execute(
                "DELETE FROM draft_answers WHERE draft_id = ?1 AND field_id = ?2",
                params![id.0.to_string(), field],
            )?;
        } else {
            tx.execute(
                "INSERT INTO draft_answers (draft_id, field_id, value, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (draft_id, field_id)
                 DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![id.0.to_string(), field, value, now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes a draft and its answers. Local only: a draft has never left the device.
    pub fn delete_draft(&self, id: DraftId) -> Result<()> {
        let changed = self
            .conn()
            .execute("DELETE FROM drafts WHERE id = ?1", [id.0.to_string()])?;
        if changed == 0 {
            return Err(CoreError::NotFound { what: "draft" });
        }
        Ok(())
    }

    /// A new draft with the same guide, catalogue version and answers.
    pub fn duplicate_draft(&self, id: DraftId, now: i64) -> Result<Draft> {
        let copy = DraftId(Uuid::now_v7());
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let copied = tx.execute(
            "INSERT INTO drafts (id, city, guide_id, pack_version, created_at, updated_at,
                 form_snapshot, guide_snapshot)
             SELECT ?1, city, guide_id, pack_version, ?3, ?3, form_snapshot, guide_snapshot
             FROM drafts WHERE id = ?2",
            params![copy.0.to_string(), id.0.to_string(), now],
        )?;
        if copied == 0 {
            return Err(CoreError::NotFound { what: "draft" });
        }
        tx.execute(
            "INSERT INTO draft_answers (draft_id, field_id, value, updated_at)
             SELECT ?1, field_id, value, ?3 FROM draft_answers WHERE draft_id = ?2",
            params![copy.0.to_string(), id.0.to_string(), now],
        )?;
        let materials: Vec<String> = {
            let mut stmt = tx.prepare("SELECT id FROM draft_materials WHERE draft_id = ?1")?;
            let ids = stmt
                .query_map([id.0.to_string()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids
        };
        for material in materials {
            tx.execute(
                "INSERT INTO draft_materials (id, draft_id, field_id, kind, file_name, mime, bytes,
                     original_size, sha256, width, height, added_at)
                 SELECT ?1, ?2, field_id, kind, file_name, mime, bytes, original_size, sha256,
                        width, height, added_at
                 FROM draft_materials WHERE id = ?3",
                params![Uuid::now_v7().to_string(), copy.0.to_string(), material],
            )?;
        }
        tx.commit()?;
        drop(conn);
        self.draft(copy)
    }

    /// Attaches a prepared document to a draft.
    pub fn add_material(&self, draft: DraftId, info: &MaterialInfo, bytes: &[u8]) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let changed = tx.execute(
            "UPDATE drafts SET updated_at = ?2 WHERE id = ?1",
            params![draft.0.to_string(), info.added_at],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound { what: "draft" });
        }
        let (w, h) = info
            .dimensions
            .map_or((None, None), |(w, h)| (Some(w), Some(h)));
        tx.execute(
            "INSERT INTO draft_materials (id, draft_id, field_id, kind, file_name, mime, bytes,
                 original_size, sha256, width, height, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                info.id.to_string(),
                draft.0.to_string(),
                info.field,
                info.kind,
                info.file_name,
                info.mime,
                bytes,
                info.original_size,
                info.sha256,
                w,
                h,
                info.added_at
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The documents attached to a draft, oldest first, without their bytes.
    pub fn materials(&self, draft: DraftId) -> Result<Vec<MaterialInfo>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, field_id, kind, file_name, mime, length(bytes), original_size, sha256,
                    width, height, added_at
             FROM draft_materials WHERE draft_id = ?1 ORDER BY added_at, id",
        )?;
        let rows = stmt
            .query_map([draft.0.to_string()], |r| {
                let id: String = r.get(0)?;
                let w: Option<u32> = r.get(8)?;
                let h: Option<u32> = r.get(9)?;
                Ok(MaterialInfo {
                    id: Uuid::parse_str(&id).unwrap_or_default(),
                    field: r.get(1)?,
                    kind: r.get(2)?,
                    file_name: r.get(3)?,
                    mime: r.get(4)?,
                    size: r.get(5)?,
                    original_size: r.get(6)?,
                    sha256: r.get(7)?,
                    dimensions: w.zip(h),
                    added_at: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The stored bytes and type of one document of a draft.
    pub fn material_bytes(&self, draft: DraftId, id: Uuid) -> Result<(Vec<u8>, String)> {
        self.conn()
            .query_row(
                "SELECT bytes, mime FROM draft_materials WHERE draft_id = ?1 AND id = ?2",
                [draft.0.to_string(), id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(CoreError::NotFound { what: "document" })
    }

    pub fn remove_material(&self, draft: DraftId, id: Uuid) -> Result<()> {
        let changed = self.conn().execute(
            "DELETE FROM draft_materials WHERE draft_id = ?1 AND id = ?2",
            [draft.0.to_string(), id.to_string()],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound { what: "document" });
        }
        Ok(())
    }

    /// The guide as it was when the draft started, as JSON, if it was recorded.
    pub fn guide_snapshot(&self, id: DraftId) -> Result<Option<String>> {
        self.snapshot(id, "guide_snapshot")
    }

    /// The drafts (id, city, guide) that have no record of their guide yet: those started
    /// before drafts kept one.
    pub fn drafts_without_guide_snapshot(&self) -> Result<Vec<(DraftId, String, String)>> {
        self.draft_heads("SELECT id, city, guide_id FROM drafts WHERE guide_snapshot IS NULL")
    }

    /// Every draft's id, city and guide, without its answers.
    pub fn every_draft_head(&self) -> Result<Vec<(DraftId, String, String)>> {
        self.draft_heads("SELECT id, city, guide_id FROM drafts")
    }

    fn draft_heads(&self, sql: &str) -> Result<Vec<(DraftId, String, String)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, city, guide)| {
                Uuid::parse_str(&id).ok().map(|u| (DraftId(u), city, guide))
            })
            .collect())
    }

    /// Records the guide a draft was started on, if none is recorded yet.
    pub fn keep_guide_snapshot(&self, id: DraftId, guide: &str) -> Result<()> {
        self.conn().execute(
            "UPDATE drafts SET guide_snapshot = ?2 WHERE id = ?1 AND guide_snapshot IS NULL",
            params![id.0.to_string(), guide],
        )?;
        Ok(())
    }

    /// The form a draft was started on, as JSON, if it was recorded.
    pub fn form_snapshot(&self, id: DraftId) -> Result<Option<String>> {
        self.snapshot(id, "form_snapshot")
    }

    /// A draft's snapshot `column` (a fixed column name), if one was recorded.
    fn snapshot(&self, id: DraftId, column: &'static str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {column} FROM drafts WHERE id = ?1"),
                [id.0.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }
}
