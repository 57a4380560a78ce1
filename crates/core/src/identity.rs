//! The person's identity on this device: the code a volunteer scans, the attestations that come
//! back, the level they prove; and site mode, where a liaison site's laptop signs attestations.
//!
//! Both sides work offline: the person's code carries everything the volunteer checks, and the
//! attestation carries everything the person's app and the backend check. The app cannot know
//! whether a site is still registered (only the backend does), so it checks the signature, the
//! device and the dates, and the backend has the last word on the signer.

use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::{
    profile_digest, public_key_b64, validity_days, Attestation, AttestationSummary, Code,
    DocumentKind, IdentityStatus, IssuerKind, ProofRequest, ProofingRequestBody,
    ProofingRequestState, SignerStanding, SiteInfo,
};
use homeward_domain::privacy::Profile;
use homeward_domain::wire::path;
use homeward_domain::ErrorCode;
use rusqlite::params;

use crate::app::{now_ms, Homeward};
use crate::error::{CoreError, Result};
use crate::store::Store;

const SITE_ID: &str = "site-id";
/// The request for video verification waiting for an officer, as JSON.
const PROOFING_SETTING: &str = "proofing-request";
const SITE_NAME: &str = "site-name";
const DAY_MS: i64 = 86_400_000;

impl Store {
    /// Every attestation held for `city`, with the code the city refused it with, if it did.
    fn attestation_tokens(&self, city: &str) -> Result<Vec<(String, Option<String>)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT token, refused FROM attestations WHERE city = ?1 ORDER BY received_at",
        )?;
        let tokens = stmt
            .query_map([city], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(tokens)
    }

    fn refuse_attestation(&self, id: uuid::Uuid, code: &str) -> Result<()> {
        self.conn().execute(
            "UPDATE attestations SET refused = ?2 WHERE id = ?1",
            params![id.to_string(), code],
        )?;
        Ok(())
    }

    /// Keeps an attestation for `city`: its sites and officers made it, and only its backend
    /// takes it.
    fn add_attestation(&self, city: &str, a: &Attestation, token: &str, now: i64) -> Result<()> {
        self.conn().execute(
            "INSERT INTO attestations (id, token, received_at, city) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO NOTHING",
            params![a.id.to_string(), token, now, city],
        )?;
        Ok(())
    }
}

/// A QR code of `text` as an SVG document: one path of dark modules on a light square with the
/// quiet zone the standard asks for. Hidden from screen readers: whoever shows it names it (and
/// gives its text beside it).
pub fn qr_svg(text: &str) -> Result<String> {
    let (width, dark) = qr_modules(text)?;
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = (i % width + quiet, i / width + quiet);
        path.push_str(&format!("M{x} {y}h1v1h-1z"));
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"{size}\" height=\"{size}\" \
         fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

/// The modules of a QR code of `text`: its width and, row by row, whether each is dark.
pub fn qr_modules(text: &str) -> Result<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| CoreError::InvalidInput {
            field: "code",
            reason: format!("too long for a QR code: {e}"),
        })?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok((width, dark))
}

/// A QR code of `text` as a PNG picture, 4 pixels a module with the quiet zone: for sharing a
/// code as an image, and for tests that photograph one.
pub fn qr_png(text: &str) -> Result<Vec<u8>> {
    let (width, dark) = qr_modules(text)?;
    let scale = 4;
    let side = (width + 8) * scale;
    let side =
        u32::try_from(side).map_err(|_| CoreError::Damaged("the code is too long".into()))?;
    let img = image::GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x as usize / scale, y as usize / scale);
        let inside = (4..width + 4).contains(&mx) && (4..width + 4).contains(&my);
        let is_dark = inside && dark[(my - 4) * width + (mx - 4)];
        image::Luma([if is_dark { 20 } else { 235 }])
    });
    let mut png = std::io::Cursor::new(vec![]);
    img.write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| CoreError::Damaged(format!("the picture could not be written: {e}")))?;
    Ok(png.into_inner())
}

/// The text of the first QR code in a photo or screenshot (any format the image crate reads):
/// a person's identity code, or a volunteer's confirmation, taken with the camera.
pub fn read_qr_image(bytes: &[u8]) -> Result<String> {
    let unreadable = |reason: &str| CoreError::InvalidInput {
        field: "code-image",
        reason: reason.into(),
    };
    let picture = image::load_from_memory(bytes)
        .map_err(|_| unreadable("not a picture this app can read"))?
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        picture.width() as usize,
        picture.height() as usize,
        // Within the picture, so the coordinates fit the `u32` they came from.
        |x, y| {
            let (x, y) = (u32::try_from(x).unwrap_or(0), u32::try_from(y).unwrap_or(0));
            picture.get_pixel(x, y).0[0]
        },
    );
    prepared
        .detect_grids()
        .iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .ok_or_else(|| unreadable("no readable code in the picture; hold the camera closer"))
}

/// An attestation this device holds, with its sealed text and where it stands.
struct Held {
    attestation: Attestation,
    token: String,
    /// Unexpired, made for the profile as it stands, and not refused by the city.
    current: bool,
    refused: Option<ErrorCode>,
}

fn code(text: String) -> Result<Code> {
    let svg = qr_svg(&text)?;
    Ok(Code { text, svg })
}

impl Homeward {
    /// The profile as checked and normalised, if it is complete.
    pub(crate) fn ready_profile(&self) -> Result<Option<Profile>> {
        Ok(self.profile()?.and_then(|p| {
            let (normalised, problems) = crate::privacy::check_profile(&p);
            problems.is_empty().then_some(normalised)
        }))
    }

    /// The current city's id, or none before one is chosen (nothing is kept under it).
    fn current_city_id(&self) -> String {
        self.home().map(|h| h.city.id).unwrap_or_default()
    }

    /// The setting holding the current city's request for video verification.
    fn proofing_key(&self) -> String {
        crate::city::city_key(PROOFING_SETTING, &self.current_city_id())
    }

    /// Every attestation this device holds for the current city (see [`Self::attestations_in`]).
    fn attestations(&self) -> Result<Vec<Held>> {
        self.attestations_in(&self.current_city_id())
    }

    /// Every attestation this device holds for `city`, opened, with whether it counts now and
    /// why the city refused it, if it did.
    fn attestations_in(&self, city: &str) -> Result<Vec<Held>> {
        let digest = self.ready_profile()?.map(|p| profile_digest(&p));
        let me = self.device_public_key_b64();
        let now = now_ms();
        let mut out = vec![];
        for (token, refused) in self.store.attestation_tokens(city)? {
            let Some(a) = Attestation::open(&token) else {
                tracing::warn!("a stored attestation no longer opens; ignoring it");
                continue;
            };
            let refused = refused.and_then(|r| ErrorCode::ALL.into_iter().find(|c| c.slug() == r));
            let current = refused.is_none()
                && digest.as_deref().is_some_and(|person| {
                    Attestation::verify_for(&token, &me, person, now, |_| SignerStanding::Trusted)
                        .is_ok()
                });
            out.push(Held {
                attestation: a,
                token,
                current,
                refused,
            });
        }
        Ok(out)
    }

    /// The city refused a submission for one of its attestations (`code` says why, not which):
    /// none of those it carried is sent again, and the person is asked to verify anew.
    pub(crate) fn refuse_attestations_of(&self, body: &[u8], code: ErrorCode) -> Result<()> {
        let Ok(sent) = serde_json::from_slice::<homeward_domain::sync::Submission>(body) else {
            return Ok(());
        };
        for token in &sent.attestations {
            if let Some(a) = Attestation::open(token) {
                self.store.refuse_attestation(a.id, code.slug())?;
            }
        }
        Ok(())
    }

    /// The current attestation that proves at least `needed` and runs longest, sealed: what a
    /// letter rests on.
    pub(crate) fn best_proof(&self, needed: IdentityLevel) -> Result<Option<String>> {
        Ok(self
            .attestations()?
            .into_iter()
            .filter(|h| h.current && h.attestation.level.satisfies(needed))
            .max_by_key(|h| h.attestation.expires_at)
            .map(|h| h.token))
    }

    /// The sealed attestations for `city` that count now, to send with a submission to it.
    pub fn current_attestations(&self, city: &str) -> Result<Vec<String>> {
        Ok(self
            .attestations_in(city)?
            .into_iter()
            .filter(|h| h.current)
            .map(|h| h.token)
            .collect())
    }

    /// The best level the current city's attestations prove, and each attestation held.
    pub fn identity(&self) -> Result<IdentityStatus> {
        self.identity_in(&self.current_city_id())
    }

    /// The best level the attestations for `city` prove, and each attestation held.
    pub(crate) fn identity_in(&self, city: &str) -> Result<IdentityStatus> {
        let held = self.attestations_in(city)?;
        let level = held
            .iter()
            .filter(|h| h.current)
            .map(|h| h.attestation.level)
            .max_by_key(|l| l.rank())
            .unwrap_or(IdentityLevel::SelfAsserted);
        Ok(IdentityStatus {
            level,
            attestations: held
                .into_iter()
                .map(|h| AttestationSummary {
                    id: h.attestation.id,
                    level: h.attestation.level,
                    issuer_kind: h.attestation.issuer_kind,
                    issuer_id: h.attestation.issuer_id,
                    issued_at: h.attestation.issued_at,
                    expires_at: h.attestation.expires_at,
                    current: h.current,
                    refused: h.refused,
                })
                .collect(),
            profile_ready: self.ready_profile()?.is_some(),
        })
    }

    /// Refuses unless the person's current level with `city` is enough for `required`.
    pub(crate) fn require_level(&self, city: &str, required: IdentityLevel) -> Result<()> {
        if self.identity_in(city)?.level.satisfies(required) {
            Ok(())
        } else {
            Err(CoreError::IdentityLevelTooLow { required })
        }
    }

    /// The code to show a volunteer: this device's key and the profile, with its digest.
    pub fn proof_request(&self) -> Result<Code> {
        let profile = self.ready_profile()?.ok_or(CoreError::InvalidInput {
            field: "profile",
            reason: "complete your details first".into(),
        })?;
        let request = ProofRequest {
            device_key: self.device_public_key_b64(),
            profile_digest: profile_digest(&profile),
            profile,
        };
        code(request.encode())
    }

    /// Takes an attestation a volunteer or officer made for this person, pasted or scanned.
    /// Refused if it is damaged, for another device, out of date or for other details.
    pub fn add_attestation(&self, token: &str) -> Result<IdentityStatus> {
        let token = token.trim();
        let me = self.device_public_key_b64();
        let a = Attestation::verify(token, &me, now_ms(), |_| SignerStanding::Trusted)?;
        let digest = self.ready_profile()?.map(|p| profile_digest(&p));
        if digest.as_deref() != Some(a.profile_digest.as_str()) {
            return Err(CoreError::InvalidInput {
                field: "attestation",
                reason: "it confirms other details than those in your profile".into(),
            });
        }
        self.store
            .add_attestation(&self.current()?.city.id, &a, token, now_ms())?;
        tracing::info!(level = a.level.slug(), "attestation added");
        self.identity()
    }

    /// Asks the city for verification by video: the officer calls the person at `contact`
    /// and, once satisfied, issues an attestation that arrives with the status feed.
    pub async fn request_video_proofing(&self, contact: &str) -> Result<ProofingRequestState> {
        let contact = contact.trim();
        if contact.is_empty() || contact.chars().count() > 200 {
            return Err(CoreError::InvalidInput {
                field: "contact",
                reason: "expected a phone number, WeChat id or e-mail".into(),
            });
        }
        // The request sends the profile to the city: the same consents as an application.
        if !self.may_send()? {
            return Err(CoreError::ConsentRequired);
        }
        let request = self.proof_request()?.text;
        self.prepare_to_send().await?;
        let body = serde_json::to_vec(&ProofingRequestBody {
            request,
            contact: contact.to_owned(),
        })
        .map_err(|e| CoreError::Damaged(e.to_string()))?;
        let state: ProofingRequestState = self
            .remote()?
            .post_signed(&self.keys.device, path::PROOFING_REQUESTS, &body)
            .await?;
        let json = serde_json::to_string(&state).map_err(|e| CoreError::Damaged(e.to_string()))?;
        self.store.set_setting(&self.proofing_key(), &json)?;
        tracing::info!("video verification requested");
        Ok(state)
    }

    /// The last request for video verification to the current city, while it waits for an
    /// officer or after one declined it; gone once an officer verified the person.
    pub fn pending_proofing(&self) -> Result<Option<ProofingRequestState>> {
        self.pending_proofing_in(&self.current_city_id())
    }

    fn pending_proofing_in(&self, city: &str) -> Result<Option<ProofingRequestState>> {
        Ok(self
            .store
            .setting(&crate::city::city_key(PROOFING_SETTING, city))?
            .and_then(|s| serde_json::from_str(&s).ok()))
    }

    /// Whether a request for video verification to `city` waits for an officer's answer.
    pub(crate) fn proofing_pending(&self, city: &str) -> Result<bool> {
        Ok(self.pending_proofing_in(city)?.is_some_and(|p| p.is_open()))
    }

    /// Marks the waiting request to `city` declined if its feed says an officer closed it
    /// without verifying the person; the app then offers to ask again.
    pub(crate) fn take_declined_proofing(&self, city: &str, ids: &[uuid::Uuid]) -> Result<()> {
        let Some(mut state) = self.pending_proofing_in(city)? else {
            return Ok(());
        };
        if state.is_open() && ids.contains(&state.id) {
            state.declined_at = Some(now_ms());
            let json =
                serde_json::to_string(&state).map_err(|e| CoreError::Damaged(e.to_string()))?;
            self.store
                .set_setting(&crate::city::city_key(PROOFING_SETTING, city), &json)?;
            tracing::info!("video verification declined by the officer");
        }
        Ok(())
    }

    /// Keeps the officers' attestations `city`'s feed brought that are this person's and new;
    /// a waiting request for video verification is answered by the first of them.
    pub(crate) fn take_issued_attestations(&self, city: &str, tokens: &[String]) -> Result<()> {
        if tokens.is_empty() {
            return Ok(());
        }
        let me = self.device_public_key_b64();
        let digest = self.ready_profile()?.map(|p| profile_digest(&p));
        let now = now_ms();
        for token in tokens {
            match Attestation::verify(token, &me, now, |_| SignerStanding::Trusted) {
                Ok(a) if digest.as_deref() == Some(a.profile_digest.as_str()) => {
                    self.store.add_attestation(city, &a, token, now)?;
                    self.store
                        .delete_setting(&crate::city::city_key(PROOFING_SETTING, city))?;
                }
                Ok(_) => tracing::warn!("an issued attestation is for other details; ignored"),
                Err(problem) => tracing::warn!(%problem, "an issued attestation does not hold"),
            }
        }
        Ok(())
    }

    /// The liaison site this laptop signs for, if it is in site mode.
    pub fn site(&self) -> Result<Option<SiteInfo>> {
        let (Some(id), Some(name)) = (self.store.setting(SITE_ID)?, self.store.setting(SITE_NAME)?)
        else {
            return Ok(None);
        };
        Ok(self.keyring.site_key()?.map(|key| SiteInfo {
            id,
            name,
            public_key: public_key_b64(&key),
        }))
    }

    /// Puts this installation in site mode for site `id`: makes the site's key in the OS
    /// keyring. Its public key must then be registered with the backend by an administrator.
    pub fn enable_site_mode(&self, id: &str, name: &str) -> Result<SiteInfo> {
        let id = id.trim();
        if !homeward_domain::identity::is_valid_site_id(id) {
            return Err(CoreError::InvalidInput {
                field: "site-id",
                reason: "expected 1 to 40 lower-case letters, digits or hyphens".into(),
            });
        }
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(CoreError::InvalidInput {
                field: "site-name",
                reason: "expected 1 to 100 characters".into(),
            });
        }
        let key = self.keyring.create_site_key()?;
        self.store.set_setting(SITE_ID, id)?;
        self.store.set_setting(SITE_NAME, name)?;
        tracing::info!(site = id, "site mode enabled");
        Ok(SiteInfo {
            id: id.into(),
            name: name.into(),
            public_key: public_key_b64(&key),
        })
    }

    /// Leaves site mode and destroys the site's key.
    pub fn disable_site_mode(&self) -> Result<()> {
        self.volunteer_on_duty()?;
        self.keyring.delete_site_key()?;
        self.forget_desk()?;
        self.store.delete_setting(SITE_ID)?;
        self.store.delete_setting(SITE_NAME)?;
        Ok(())
    }

    /// Reads a person's code for the volunteer to compare with their documents.
    pub fn read_proof_request(&self, text: &str) -> Result<ProofRequest> {
        ProofRequest::decode(text).ok_or(CoreError::InvalidInput {
            field: "proof-request",
            reason: "not a Homeward identity code, or damaged".into(),
        })
    }

    /// In site mode: signs that the volunteer checked, face to face, that the person holding
    /// the device of `request` is who its profile says, with these documents.
    pub fn attest(&self, request: &str, documents: &[DocumentKind]) -> Result<Code> {
        // Signed by a named volunteer, never by an open laptop.
        let volunteer = self.volunteer_on_duty()?.ok_or(CoreError::DeskLocked)?;
        let request = self.read_proof_request(request)?;
        if documents.is_empty() {
            return Err(CoreError::InvalidInput {
                field: "documents",
                reason: "tick the documents you checked".into(),
            });
        }
        let site = self.site()?.ok_or(CoreError::InvalidInput {
            field: "site",
            reason: "this installation is not in site mode".into(),
        })?;
        let key = self.keyring.site_key()?.ok_or(CoreError::KeyMissing)?;
        let now = now_ms();
        let level = IdentityLevel::OnsiteAttended;
        let attestation = Attestation {
            id: uuid::Uuid::now_v7(),
            subject_key: request.device_key,
            profile_digest: request.profile_digest,
            level,
            issuer_kind: IssuerKind::Site,
            issuer_id: site.id,
            signer_key: site.public_key,
            documents: documents.to_vec(),
            issued_at: now,
            expires_at: now + validity_days(level) * DAY_MS,
        };
        let sealed = code(attestation.seal(&key))?;
        self.log(Some(volunteer), homeward_domain::desk::SiteAction::Attested)?;
        tracing::info!("attestation signed");
        Ok(sealed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photographed_code_reads_back_and_a_blank_picture_is_named() {
        let text = format!("HWP1.{}", "eyJkZXZpY2Vfa2V5Ijoi".repeat(20));
        assert_eq!(read_qr_image(&qr_png(&text).unwrap()).unwrap(), text);
        let blank = {
            let mut png = std::io::Cursor::new(vec![]);
            image::GrayImage::from_pixel(200, 200, image::Luma([240]))
                .write_to(&mut png, image::ImageFormat::Png)
                .unwrap();
            png.into_inner()
        };
        let err = read_qr_image(&blank).unwrap_err();
        assert!(err.to_string().starts_with("code-image:"), "{err}");
        let err = read_qr_image(b"not a picture").unwrap_err();
        assert!(err.to_string().starts_with("code-image:"), "{err}");
        let svg = qr_svg("HWA1.x.y").unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("<path d=\"M"),
            "{svg}"
        );
    }
}
