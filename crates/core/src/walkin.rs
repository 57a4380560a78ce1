//! Walk-in sessions on a liaison site's laptop. A volunteer on duty opens one for the person at
//! the desk: an installation of its own under `walk-ins/<id>/`, with its own database and its
//! own keys in the OS keyring, so nothing of the person touches the site's store. Ending it
//! wipes it (keys first, then every file) once everything it sent is acknowledged; until then it
//! stays sealed: out of sight of the desk and of other sessions, still sending, and wiped the
//! moment the backend has acknowledged all of it. The site keeps only when each session started
//! and where it stands.

use std::path::PathBuf;

use homeward_domain::desk::{SiteAction, WalkInEnd, WalkInState, WalkInSummary};
use homeward_domain::identity::{Assistance, ASSISTANCE_DAYS};
use homeward_domain::sync::OutboxState;
use rusqlite::{params, OptionalExtension as _};
use uuid::Uuid;

use crate::app::{now_ms, Config, Homeward};
use crate::error::{CoreError, Result};

/// The setting, in a session's store, holding the site's statement sent with its applications.
pub(crate) const ASSISTED_SETTING: &str = "assisted-by";

/// The folder, inside the site's data directory, that holds the walk-in sessions.
pub const WALK_INS_DIR: &str = "walk-ins";

fn not_found() -> CoreError {
    CoreError::NotFound { what: "walk-in" }
}

impl Homeward {
    fn walk_in_dir(&self, id: Uuid) -> PathBuf {
        self.data_dir.join(WALK_INS_DIR).join(id.to_string())
    }

    fn open_walk_in_store(&self, id: Uuid) -> Result<Homeward> {
        Homeward::open(&Config {
            data_dir: self.walk_in_dir(id),
            ..self.config.clone()
        })
    }

    fn walk_in_state(&self, id: Uuid) -> Result<Option<String>> {
        Ok(self
            .store
            .conn()
            .query_row(
                "SELECT state FROM walk_ins WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn set_walk_in_state(&self, id: Uuid, state: &str) -> Result<()> {
        let ended = (state == "ended").then(now_ms);
        self.store.conn().execute(
            "UPDATE walk_ins SET state = ?2, ended_at = ?3 WHERE id = ?1",
            params![id.to_string(), state, ended],
        )?;
        Ok(())
    }

    /// The site's signed statement that `session` is walk-in `id` here, opened by volunteer
    /// `by`: what tells the city where the applications sent from it came from.
    fn assistance(&self, id: Uuid, by: Uuid, session: &Homeward) -> Result<String> {
        let site = self.site()?.ok_or(CoreError::InvalidInput {
            field: "site",
            reason: "this installation is not in site mode".into(),
        })?;
        let volunteer = self
            .volunteers()?
            .into_iter()
            .find(|v| v.id == by)
            .ok_or(CoreError::DeskLocked)?;
        let key = self.keyring.site_key()?.ok_or(CoreError::KeyMissing)?;
        let now = now_ms();
        let statement = Assistance {
            id,
            subject_key: session.device_public_key_b64(),
            site_id: site.id,
            volunteer: volunteer.name,
            signer_key: site.public_key,
            issued_at: now,
            expires_at: now + ASSISTANCE_DAYS * 24 * 3600 * 1000,
        };
        Ok(statement.seal(&key))
    }

    /// Opens a session for a new walk-in, as the volunteer on duty: its own store and keys, the
    /// site's home city, language and newest catalogue.
    pub fn start_walk_in(&self) -> Result<(Uuid, Homeward)> {
        let by = self.volunteer_on_duty()?.ok_or(CoreError::DeskLocked)?;
        let id = Uuid::now_v7();
        self.store.conn().execute(
            "INSERT INTO walk_ins (id, started_at, state) VALUES (?1, ?2, 'open')",
            params![id.to_string(), now_ms()],
        )?;
        let session = match self.open_walk_in_store(id) {
            Ok(s) => s,
            Err(e) => {
                // Nothing was kept for the person yet: no session is left half made.
                let _ = self.wipe_walk_in(id);
                return Err(e);
            }
        };
        if let Some(home) = self.home() {
            session.choose_city(&home.city.id)?;
            if let Some((version, body)) = self.store.cached_pack_row(&home.city.id)? {
                session.store.cache_pack(&home.city.id, version, &body)?;
                session.reload_pack()?;
            }
        }
        session.set_language(self.language()?)?;
        session
            .store
            .set_setting(ASSISTED_SETTING, &self.assistance(id, by, &session)?)?;
        self.log(Some(by), SiteAction::WalkInStarted)?;
        tracing::info!("walk-in session opened");
        Ok((id, session))
    }

    /// The sessions not yet wiped: open ones (being served, or interrupted when the laptop
    /// stopped) and sealed ones (waiting for the backend), oldest first.
    pub fn walk_ins(&self) -> Result<Vec<WalkInSummary>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare(
            "SELECT id, started_at, state FROM walk_ins WHERE state != 'ended'
             ORDER BY started_at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = vec![];
        for row in rows {
            let (id, started_at, state) = row?;
            out.push(WalkInSummary {
                id: Uuid::parse_str(&id).map_err(|e| CoreError::Damaged(e.to_string()))?,
                started_at,
                state: if state == "sealed" {
                    WalkInState::Sealed
                } else {
                    WalkInState::Open
                },
            });
        }
        Ok(out)
    }

    /// Takes up an open session again (the laptop stopped while a person was served), as the
    /// volunteer on duty.
    pub fn resume_walk_in(&self, id: Uuid) -> Result<Homeward> {
        self.volunteer_on_duty()?.ok_or(CoreError::DeskLocked)?;
        match self.walk_in_state(id)?.as_deref() {
            Some("open") => self.open_walk_in_store(id),
            _ => Err(not_found()),
        }
    }

    /// Opens a sealed session to send what it holds; nobody sees it.
    pub fn sealed_walk_in(&self, id: Uuid) -> Result<Homeward> {
        match self.walk_in_state(id)?.as_deref() {
            Some("sealed") => self.open_walk_in_store(id),
            _ => Err(not_found()),
        }
    }

    /// Ends a session, as the volunteer on duty: wiped if everything it sent is acknowledged
    /// (drafts never sent go with it), otherwise sealed until it is.
    pub fn end_walk_in(&self, id: Uuid, session: &Homeward) -> Result<WalkInEnd> {
        let by = self.volunteer_on_duty()?.ok_or(CoreError::DeskLocked)?;
        if self.walk_in_state(id)?.as_deref() != Some("open") {
            return Err(not_found());
        }
        if session.awaiting_acknowledgement()? {
            self.set_walk_in_state(id, "sealed")?;
            self.log(Some(by), SiteAction::WalkInSealed)?;
            tracing::info!("walk-in session sealed until the backend acknowledges it");
            return Ok(WalkInEnd::Sealed);
        }
        self.wipe_walk_in(id)?;
        self.log(Some(by), SiteAction::WalkInEnded)?;
        Ok(WalkInEnd::Wiped)
    }

    /// Wipes the session being served once the person has taken its applications over to their
    /// own device (`session.handed_over()` said so): nothing in it waits for anyone. Whether it
    /// did; a locked desk does not stand in the way, as nothing is decided here.
    pub fn end_handed_over_walk_in(&self, id: Uuid, session: &Homeward) -> Result<bool> {
        if self.walk_in_state(id)?.as_deref() != Some("open")
            || session.awaiting_acknowledgement()?
        {
            return Ok(false);
        }
        self.wipe_walk_in(id)?;
        self.log(None, SiteAction::WalkInEnded)?;
        tracing::info!("walk-in session handed over and wiped");
        Ok(true)
    }

    /// Wipes an open session at the person's own request ("erase everything"), whatever it
    /// still holds.
    pub fn erase_walk_in(&self, id: Uuid) -> Result<()> {
        let by = self.volunteer_on_duty()?.ok_or(CoreError::DeskLocked)?;
        if self.walk_in_state(id)?.as_deref() != Some("open") {
            return Err(not_found());
        }
        self.wipe_walk_in(id)?;
        self.log(Some(by), SiteAction::WalkInEnded)?;
        Ok(())
    }

    /// Wipes a sealed session once the backend has acknowledged everything in it; says whether
    /// it did.
    pub fn finish_sealed_walk_in(&self, id: Uuid, session: &Homeward) -> Result<bool> {
        if self.walk_in_state(id)?.as_deref() != Some("sealed")
            || session.awaiting_acknowledgement()?
        {
            return Ok(false);
        }
        self.wipe_walk_in(id)?;
        self.log(None, SiteAction::WalkInEnded)?;
        Ok(true)
    }

    /// The session's keys leave the OS keyring first (what remains can no longer be read), then
    /// its folder goes: the database, its journal, the PDFs saved for the person. A folder that
    /// could not be removed (a file still in use) is removed at the next start.
    fn wipe_walk_in(&self, id: Uuid) -> Result<()> {
        let dir = self.walk_in_dir(id);
        if let Ok(install_id) = std::fs::read_to_string(dir.join(crate::app::INSTALL_ID_FILE)) {
            crate::secrets::Keyring::new(install_id.trim()).delete_all()?;
        }
        self.set_walk_in_state(id, "ended")?;
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!("a wiped walk-in's folder stays until the next start: {e}"),
        }
        tracing::info!("walk-in session wiped");
        Ok(())
    }

    /// Wipes every session, whatever its state (the laptop is being erased).
    pub(crate) fn wipe_every_walk_in(&self) -> Result<()> {
        let root = self.data_dir.join(WALK_INS_DIR);
        let Ok(entries) = std::fs::read_dir(&root) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            if let Ok(id) = Uuid::parse_str(&entry.file_name().to_string_lossy()) {
                self.wipe_walk_in(id)?;
            }
        }
        Ok(())
    }

    /// Removes what is left of wiped sessions (folders that were in use when they ended).
    pub(crate) fn sweep_walk_ins(&self) -> Result<()> {
        let root = self.data_dir.join(WALK_INS_DIR);
        let Ok(entries) = std::fs::read_dir(&root) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let Ok(id) = Uuid::parse_str(&entry.file_name().to_string_lossy()) else {
                continue;
            };
            if matches!(self.walk_in_state(id)?.as_deref(), Some("ended") | None) {
                self.wipe_walk_in(id)?;
            }
        }
        Ok(())
    }

    /// Whether any application in the outbox still waits for the backend to acknowledge it.
    pub fn awaiting_acknowledgement(&self) -> Result<bool> {
        Ok(self.offer_pending()?
            || self.outbox()?.iter().any(|item| {
                matches!(
                    item.state,
                    OutboxState::Waiting { .. } | OutboxState::Sending
                )
            }))
    }
}
