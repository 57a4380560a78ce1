//! Handing a walk-in's applications over to the person: the receipt a liaison site prints at the
//! end of a session carries a tracking code and a secret (also as a QR code). With them, the
//! person's own app takes the applications over once (their status feed and the office's
//! requests follow it), and anyone holding the receipt can see where the applications stand.
//!
//! The session offers the hand-over, signed with its device key, naming the code and a digest of
//! the secret; the secret itself never reaches the backend before a claim, and is never stored.

use serde::{Deserialize, Serialize};

use crate::catalog::GuideId;
use crate::draft::DraftId;
use crate::sync::{ApplicationStatus, FeedEvent, SignedReceipt};

/// Characters in a tracking code and in a secret: Crockford's base32, which a person reads off
/// paper without confusing 0 and O or 1 and I.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// A tracking code: 8 characters (40 bits), shown as `XXXX-XXXX`.
pub const CODE_CHARS: usize = 8;
/// A secret: 16 characters (80 bits), shown in groups of four.
pub const SECRET_CHARS: usize = 16;
/// The receipt's QR code: `HWR1.` + code + `.` + secret.
pub const RECEIPT_PREFIX: &str = "HWR1.";
/// How long an offered hand-over can be taken up.
pub const HANDOVER_DAYS: i64 = 90;

/// Encodes random bytes as `n` characters of the alphabet (5 bits each).
pub fn encode(bytes: &[u8], n: usize) -> String {
    let mut out = String::with_capacity(n);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for b in bytes {
        acc = (acc << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 && out.len() < n {
            bits -= 5;
            out.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
        }
    }
    out
}

/// What a person typed or a QR code held, as the canonical form of `n` characters: case,
/// spaces and dashes do not matter, and O, I and L read as 0, 1 and 1.
fn canonical(text: &str, n: usize) -> Option<String> {
    let mut out = String::with_capacity(n);
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\u{3000}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    (out.len() == n).then_some(out)
}

/// A tracking code as typed, or `None` if it is not one.
pub fn parse_code(text: &str) -> Option<String> {
    canonical(text, CODE_CHARS)
}

/// A secret as typed, or `None` if it is not one.
pub fn parse_secret(text: &str) -> Option<String> {
    canonical(text, SECRET_CHARS)
}

/// `text` in groups of four, as printed.
pub fn grouped(text: &str) -> String {
    text.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A receipt's code and secret, as printed and as its QR code holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub code: String,
    pub secret: String,
}

impl Ticket {
    /// The QR code's text.
    pub fn qr_text(&self) -> String {
        format!("{RECEIPT_PREFIX}{}.{}", self.code, self.secret)
    }

    /// A receipt read back from its QR code's text.
    pub fn from_qr_text(text: &str) -> Option<Ticket> {
        let rest = text.trim().strip_prefix(RECEIPT_PREFIX)?;
        let (code, secret) = rest.split_once('.')?;
        Some(Ticket {
            code: parse_code(code)?,
            secret: parse_secret(secret)?,
        })
    }
}

/// `POST /v1/handovers`, signed by the session's device: the hand-over on offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverOffer {
    pub code: String,
    /// [`secret_digest`] of the secret printed on the receipt.
    pub secret_sha256: String,
    /// Milliseconds since the epoch; at most [`HANDOVER_DAYS`] ahead.
    pub expires_at: i64,
}

/// `POST /v1/handovers/{code}/claim`, signed by the device taking the applications over; and
/// `POST /v1/handovers/{code}/status`, unsigned, to see where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverSecret {
    pub secret: String,
}

/// `GET /v1/handovers/{code}`, for the device that offered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverState {
    /// Whether another device has taken the applications over.
    pub claimed: bool,
}

/// What a claim hands over: each application whole (its submissions as sent, with their
/// receipts, and its documents), and everything the city said about them so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedOver {
    pub applications: Vec<HandedApplication>,
    pub events: Vec<FeedEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedApplication {
    pub reference: String,
    pub draft_id: DraftId,
    pub guide_id: GuideId,
    /// First one first.
    pub submissions: Vec<HandedSubmission>,
    /// Every document the submissions name, once each.
    pub materials: Vec<HandedMaterial>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedSubmission {
    /// The submission's JSON exactly as it was signed and sent.
    pub body: String,
    pub receipt: SignedReceipt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedMaterial {
    pub sha256: String,
    /// Base64.
    pub bytes: String,
}

/// Where the applications of a receipt stand, for whoever holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverStatus {
    /// Whether an app has taken them over (then it follows them, and this receipt shows no more).
    pub claimed: bool,
    pub applications: Vec<TrackedApplication>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedApplication {
    pub reference: String,
    pub guide_id: GuideId,
    pub status: ApplicationStatus,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

#[cfg(feature = "crypto")]
/// The digest of a secret, as the backend keeps it: SHA-256 over a context and the canonical
/// secret, in lower-case hex.
pub fn secret_digest(secret: &str) -> String {
    use sha2::{Digest as _, Sha256};
    let digest = Sha256::digest([b"homeward handover v1\n".as_slice(), secret.as_bytes()].concat());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_however_they_are_typed_and_nothing_else_does() {
        let code = encode(&[0xff, 0x00, 0x12, 0x34, 0x56], CODE_CHARS);
        assert_eq!(code.len(), CODE_CHARS);
        assert_eq!(
            parse_code(&grouped(&code).to_lowercase()),
            Some(code.clone())
        );
        assert_eq!(parse_code("oo1i llab"), Some("001111AB".to_owned()));
        assert_eq!(parse_code("ABCD-EFG"), None, "too short");
        assert_eq!(parse_code("ABCD-EFGU"), None, "U is not in the alphabet");
        assert_eq!(parse_code("ABCD-EFG漢"), None);
        let ticket = Ticket {
            code: code.clone(),
            secret: encode(&[7; 10], SECRET_CHARS),
        };
        assert_eq!(
            Ticket::from_qr_text(&ticket.qr_text()),
            Some(ticket.clone())
        );
        assert_eq!(
            Ticket::from_qr_text(&format!("HWA1.{}", &ticket.qr_text()[5..])),
            None
        );
    }
}

/// The receipt a walk-in leaves with, as the desk shows and prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkInReceipt {
    /// The tracking code and the secret, in groups of four as printed.
    pub code: String,
    pub secret: String,
    /// The QR code holding both, as an SVG document.
    pub qr_svg: String,
    /// Milliseconds since the epoch.
    pub expires_at: i64,
    pub applications: Vec<ReceiptLine>,
    /// The city's page where anyone with the code and the secret sees where things stand.
    pub track_url: String,
}

/// One application on a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptLine {
    pub guide_id: GuideId,
    /// The service's name in the person's language.
    pub title: String,
    /// The city's reference, once the backend has acknowledged it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}
