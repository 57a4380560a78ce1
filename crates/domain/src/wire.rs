//! The contract between the app and the city backend, stated once: every path, method and
//! header name, the tus constants, and the one message a device signs.
//!
//! The app's client builds each request from a [`Request`] and signs exactly that; the
//! backend's extractors read the same description back from the request it received. A path
//! or a header named anywhere else is a second copy that can drift, so there is none.

/// The routes of the backend's API. A `{name}` part stands for one segment; [`fill`] puts the
/// values in.
pub mod path {
    /// `GET`: whether the backend and its database answer.
    pub const HEALTH: &str = "/healthz";
    /// `GET`: the signed catalogue pack, with an ETag.
    pub const CATALOG: &str = "/v1/catalog";
    /// `GET`: the API's OpenAPI description.
    pub const OPENAPI: &str = "/openapi.json";
    /// `GET`: the backend's public keys.
    pub const KEYS: &str = "/v1/keys";
    /// `POST`: makes a device key known.
    pub const DEVICES: &str = "/v1/devices";
    /// `POST`, signed: an application or a revision of one.
    pub const SUBMISSIONS: &str = "/v1/submissions";
    /// `GET`, signed: what happened to the device's applications (`?after=CURSOR`).
    pub const FEED: &str = "/v1/feed";
    /// `POST`, signed: the person writes to the office about an application.
    pub const MESSAGES: &str = "/v1/messages";
    /// `GET`, signed: a document of the conversation on one of the device's applications.
    pub const DOCUMENT: &str = "/v1/documents/{id}";
    /// `POST`, signed: starts a tus upload; `OPTIONS`: what the server supports.
    pub const UPLOADS: &str = "/v1/uploads";
    /// `HEAD` and `PATCH`, signed: one upload, where the creation's `Location` points.
    pub const UPLOAD: &str = "/v1/uploads/{id}";
    /// `POST`, signed: the person asks to be verified by video.
    pub const PROOFING_REQUESTS: &str = "/v1/proofing-requests";
    /// `POST`: anyone holding an entrustment letter checks it.
    pub const DELEGATIONS_VERIFY: &str = "/v1/delegations/verify";
    /// `POST`, signed: the device that signed a letter revokes it.
    pub const DELEGATIONS_REVOKE: &str = "/v1/delegations/revoke";
    /// `GET`, signed: what staff did with the device's data, newest first (`?before=SEQ`).
    pub const ACCESS_LOG: &str = "/v1/access-log";
    /// `POST`, signed: a walk-in's session offers its applications to whoever holds its receipt.
    pub const HANDOVERS: &str = "/v1/handovers";
    /// `GET`, signed by the device that offered it: whether the hand-over was taken up.
    pub const HANDOVER: &str = "/v1/handovers/{code}";
    /// `POST`, signed: a device takes a receipt's applications over, with the receipt's secret.
    pub const HANDOVER_CLAIM: &str = "/v1/handovers/{code}/claim";
    /// `POST`: where a receipt's applications stand, for whoever holds its secret.
    pub const HANDOVER_STATUS: &str = "/v1/handovers/{code}/status";
    /// The same for a person in a browser: a page with a form (HTML, not part of the API).
    pub const TRACK: &str = "/track";
    /// `GET`: every signer's latest signed notices feed, with an ETag.
    pub const NOTICES: &str = "/v1/notices";

    /// `POST`: staff sign in for a bearer token.
    pub const STAFF_SESSIONS: &str = "/v1/staff/sessions";
    /// `POST`: an administrator adds a staff account.
    pub const STAFF_ACCOUNTS: &str = "/v1/staff/accounts";
    /// `POST`: an administrator disables a staff account; its sessions end.
    pub const STAFF_ACCOUNT_DISABLE: &str = "/v1/staff/accounts/{username}/disable";
    /// `GET`: applications, filtered.
    pub const STAFF_APPLICATIONS: &str = "/v1/staff/applications";
    /// `GET`: one application, opened (the opening is recorded).
    pub const STAFF_APPLICATION: &str = "/v1/staff/applications/{reference}";
    /// `POST`: a decision on one application.
    pub const STAFF_DECISION: &str = "/v1/staff/applications/{reference}/decision";
    /// `POST`: one application sent to another department.
    pub const STAFF_ROUTE: &str = "/v1/staff/applications/{reference}/route";
    /// `GET`: keys trusted to attest identities; `POST`: registers a liaison site.
    pub const STAFF_SIGNERS: &str = "/v1/staff/signers";
    /// `POST`: revokes a site or an officer.
    pub const STAFF_SIGNER_REVOKE: &str = "/v1/staff/signers/{kind}/{id}/revoke";
    /// `POST`: revokes a lost device's key.
    pub const STAFF_DEVICE_REVOKE: &str = "/v1/staff/devices/revoke";
    /// `GET`: an administrator reads the whole access log, newest first (`?before=SEQ`).
    pub const STAFF_ACCESS_LOG: &str = "/v1/staff/access-log";
    /// `POST`: an administrator publishes a signer's notices feed in place of its last.
    pub const STAFF_NOTICES: &str = "/v1/staff/notices";

    /// Every route of the API, for checks that the description and the router agree.
    pub const ALL: [&str; 32] = [
        HEALTH,
        CATALOG,
        OPENAPI,
        KEYS,
        DEVICES,
        SUBMISSIONS,
        FEED,
        MESSAGES,
        DOCUMENT,
        UPLOADS,
        UPLOAD,
        PROOFING_REQUESTS,
        DELEGATIONS_VERIFY,
        DELEGATIONS_REVOKE,
        ACCESS_LOG,
        HANDOVERS,
        HANDOVER,
        HANDOVER_CLAIM,
        HANDOVER_STATUS,
        NOTICES,
        STAFF_SESSIONS,
        STAFF_ACCOUNTS,
        STAFF_ACCOUNT_DISABLE,
        STAFF_APPLICATIONS,
        STAFF_APPLICATION,
        STAFF_DECISION,
        STAFF_ROUTE,
        STAFF_SIGNERS,
        STAFF_SIGNER_REVOKE,
        STAFF_DEVICE_REVOKE,
        STAFF_ACCESS_LOG,
        STAFF_NOTICES,
    ];

    /// `template` with each `{name}` part replaced, in order, by one of `values`, each
    /// percent-encoded so that it stays one segment whatever it holds.
    pub fn fill(template: &str, values: &[&str]) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut values = values.iter();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            if let Some(value) = values.next() {
                encode_segment(value, &mut out);
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn encode_segment(value: &str, out: &mut String) {
        for b in value.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
}

/// The methods the API uses, as they are signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Post,
    Patch,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Patch => "PATCH",
        }
    }

    /// The method a request was made with, if the API signs such requests.
    pub fn parse(s: &str) -> Option<Method> {
        [Method::Get, Method::Head, Method::Post, Method::Patch]
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s))
    }
}

/// Request headers of the API beyond HTTP's own.
pub mod header {
    /// The device's Ed25519 public key, base64.
    pub const KEY: &str = "homeward-key";
    /// Seconds since the Unix epoch when this attempt was signed.
    pub const TIMESTAMP: &str = "homeward-timestamp";
    /// Base64 Ed25519 signature over [`super::Request::message`].
    pub const SIGNATURE: &str = "homeward-signature";
    /// `sha-256=:BASE64:`, as RFC 9530 writes it.
    pub const DIGEST: &str = "content-digest";
    /// One per submission, kept across every retry of it.
    pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

    pub const ALL: [&str; 5] = [KEY, TIMESTAMP, SIGNATURE, DIGEST, IDEMPOTENCY_KEY];
}

/// tus 1.0: resumable uploads with the creation and checksum extensions.
pub mod tus {
    /// The protocol version both sides speak.
    pub const VERSION: &str = "1.0.0";
    /// The extensions the backend implements.
    pub const EXTENSIONS: &str = "creation,checksum";
    /// The checksum algorithms the backend accepts for a chunk.
    pub const CHECKSUM_ALGORITHMS: &str = "sha1,sha256";
    /// The content type of a chunk.
    pub const CHUNK_CONTENT_TYPE: &str = "application/offset+octet-stream";
    /// The largest document accepted.
    pub const MAX_SIZE: u64 = 20 * 1024 * 1024;
    /// The largest chunk one PATCH may carry.
    pub const MAX_CHUNK: usize = 4 * 1024 * 1024;
    /// The status of a chunk whose checksum does not match (460 Checksum Mismatch).
    pub const CHECKSUM_MISMATCH: u16 = 460;

    /// tus's own headers.
    pub mod header {
        pub const RESUMABLE: &str = "tus-resumable";
        pub const VERSION: &str = "tus-version";
        pub const EXTENSION: &str = "tus-extension";
        pub const CHECKSUM_ALGORITHM: &str = "tus-checksum-algorithm";
        pub const MAX_SIZE: &str = "tus-max-size";
        pub const UPLOAD_LENGTH: &str = "upload-length";
        pub const UPLOAD_OFFSET: &str = "upload-offset";
        pub const UPLOAD_METADATA: &str = "upload-metadata";
        pub const UPLOAD_CHECKSUM: &str = "upload-checksum";

        pub const ALL: [&str; 9] = [
            RESUMABLE,
            VERSION,
            EXTENSION,
            CHECKSUM_ALGORITHM,
            MAX_SIZE,
            UPLOAD_LENGTH,
            UPLOAD_OFFSET,
            UPLOAD_METADATA,
            UPLOAD_CHECKSUM,
        ];
    }

    /// The metadata key under which an upload names its file's hex SHA-256.
    pub const SHA256_METADATA: &str = "sha256";

    /// The hex SHA-256 (lower case) that an `Upload-Metadata` value names under
    /// [`SHA256_METADATA`]; tus writes metadata values in base64. `None` when it names none, or
    /// something that is not a SHA-256.
    #[cfg(feature = "crypto")]
    pub fn metadata_sha256(metadata: &str) -> Option<String> {
        use base64::Engine as _;
        let value = metadata
            .split(',')
            .filter_map(|pair| pair.trim().split_once(' '))
            .find(|(key, _)| *key == SHA256_METADATA)?
            .1;
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(value.trim())
            .ok()?;
        let hex = String::from_utf8(decoded).ok()?;
        (hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| hex.to_ascii_lowercase())
    }
}

/// How far a signature's timestamp may be from the backend's clock. An attempt older than this
/// is refused as a replay; the outbox signs every attempt when it makes it.
pub const SIGNATURE_WINDOW_SECS: i64 = 300;

/// One request as a device signs it and the backend checks it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub method: Method,
    /// The path and query, exactly as sent.
    pub target: &'a str,
    /// What the attempt is bound to besides its body: a submission's idempotency key, the
    /// digest of the file an upload is created for; empty when nothing.
    pub binding: &'a str,
    pub body: &'a [u8],
}

impl Request<'_> {
    /// The bytes a device signs for one attempt: a fixed context, then one line per item.
    pub fn message(&self, timestamp: i64, content_digest: &str) -> Vec<u8> {
        format!(
            "homeward-request-v1\n{}\n{}\n{}\n{timestamp}\n{content_digest}",
            self.method.as_str(),
            self.target,
            self.binding,
        )
        .into_bytes()
    }
}

/// The `Content-Digest` value for a body whose SHA-256, base64-encoded, is `sha256_b64`.
pub fn content_digest(sha256_b64: &str) -> String {
    format!("sha-256=:{sha256_b64}:")
}

#[cfg(feature = "crypto")]
pub use signing::{sign, Presented, SignatureProblem};

#[cfg(feature = "crypto")]
mod signing {
    use base64::engine::general_purpose::STANDARD as B64;
    use base64::Engine as _;
    use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
    use sha2::{Digest as _, Sha256};
    use subtle::ConstantTimeEq as _;

    use super::{content_digest, header, Request, SIGNATURE_WINDOW_SECS};
    use crate::identity::parse_public_key;
    use crate::ErrorCode;

    fn digest_of(body: &[u8]) -> String {
        content_digest(&B64.encode(Sha256::digest(body)))
    }

    /// The headers that sign `req` with `key` at `timestamp` (seconds): the key, the time,
    /// the signature and the body's digest, and the binding as `Idempotency-Key` when there
    /// is one.
    pub fn sign(
        key: &SigningKey,
        req: &Request<'_>,
        timestamp: i64,
    ) -> Vec<(&'static str, String)> {
        let digest = digest_of(req.body);
        let signature = key.sign(&req.message(timestamp, &digest));
        let mut headers = vec![
            (header::KEY, B64.encode(key.verifying_key().as_bytes())),
            (header::TIMESTAMP, timestamp.to_string()),
            (header::SIGNATURE, B64.encode(signature.to_bytes())),
            (header::DIGEST, digest),
        ];
        if !req.binding.is_empty() {
            headers.push((header::IDEMPOTENCY_KEY, req.binding.to_owned()));
        }
        headers
    }

    /// Why a device's signature was not accepted; each has its own error code.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
    pub enum SignatureProblem {
        #[error("the request carries no device signature")]
        Unsigned,
        #[error("the body does not match its content digest")]
        DigestMismatch,
        #[error("the device key is not an Ed25519 public key")]
        MalformedKey,
        #[error("the timestamp is not a number")]
        MalformedTimestamp,
        #[error("the signature is malformed")]
        MalformedSignature,
        #[error("the signature does not verify")]
        DoesNotVerify,
        #[error("the signature is older than the replay window")]
        OutsideWindow,
    }

    impl SignatureProblem {
        pub fn code(self) -> ErrorCode {
            match self {
                SignatureProblem::Unsigned => ErrorCode::Unsigned,
                SignatureProblem::OutsideWindow => ErrorCode::Replayed,
                _ => ErrorCode::BadSignature,
            }
        }
    }

    /// The signature headers a request presents, all of them non-empty.
    #[derive(Debug, Clone, Copy)]
    pub struct Presented<'h> {
        /// The device key as sent, trimmed.
        pub key: &'h str,
        pub timestamp: &'h str,
        pub signature: &'h str,
        pub digest: &'h str,
    }

    impl<'h> Presented<'h> {
        /// Reads the headers through `get` (a lookup by lower-case name).
        pub fn from_headers(
            get: impl Fn(&'static str) -> Option<&'h str>,
        ) -> Result<Self, SignatureProblem> {
            let get = |name| get(name).filter(|v| !v.is_empty());
            Ok(Presented {
                key: get(header::KEY).ok_or(SignatureProblem::Unsigned)?.trim(),
                timestamp: get(header::TIMESTAMP).ok_or(SignatureProblem::Unsigned)?,
                signature: get(header::SIGNATURE).ok_or(SignatureProblem::Unsigned)?,
                digest: get(header::DIGEST).ok_or(SignatureProblem::Unsigned)?,
            })
        }

        /// The first checks, before anyone asks whose key it is: the body is the one the
        /// digest names, and the key is a key.
        pub fn check_body(&self, body: &[u8]) -> Result<VerifyingKey, SignatureProblem> {
            let expected = digest_of(body);
            if !bool::from(self.digest.as_bytes().ct_eq(expected.as_bytes())) {
                return Err(SignatureProblem::DigestMismatch);
            }
            parse_public_key(self.key).ok_or(SignatureProblem::MalformedKey)
        }

        /// Then: `key` signed this very request, within the window around `now` (seconds).
        /// Returns when it was signed.
        pub fn check_signature(
            &self,
            key: &VerifyingKey,
            req: &Request<'_>,
            now: i64,
        ) -> Result<i64, SignatureProblem> {
            let timestamp: i64 = self
                .timestamp
                .parse()
                .map_err(|_| SignatureProblem::MalformedTimestamp)?;
            let signature = decode_signature(self.signature)?;
            key.verify_strict(&req.message(timestamp, self.digest), &signature)
                .map_err(|_| SignatureProblem::DoesNotVerify)?;
            if (now - timestamp).abs() > SIGNATURE_WINDOW_SECS {
                return Err(SignatureProblem::OutsideWindow);
            }
            Ok(timestamp)
        }
    }

    fn decode_signature(b64: &str) -> Result<Signature, SignatureProblem> {
        B64.decode(b64)
            .ok()
            .and_then(|b| Signature::from_slice(&b).ok())
            .ok_or(SignatureProblem::MalformedSignature)
    }

    /// Whether a signature kept with a stored request still verifies: the device key, the
    /// signature and the time it was made, over `req` as it was received. Staff check every
    /// stored submission again this way when they open it.
    pub fn stored_signature_holds(
        device_key: &str,
        signature: &str,
        req: &Request<'_>,
        timestamp: i64,
    ) -> bool {
        let Some(key) = parse_public_key(device_key) else {
            return false;
        };
        decode_signature(signature).is_ok_and(|s| {
            key.verify_strict(&req.message(timestamp, &digest_of(req.body)), &s)
                .is_ok()
        })
    }

    #[cfg(test)]
    mod tests {
        use super::super::Method;
        use super::*;

        fn headers<'a>(
            list: &'a [(&'static str, String)],
        ) -> impl Fn(&'static str) -> Option<&'a str> {
            move |name| {
                list.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.as_str())
            }
        }

        #[test]
        fn a_signed_request_verifies_and_any_change_to_it_does_not() {
            let key = SigningKey::from_bytes(&[7; 32]);
            let req = Request {
                method: Method::Post,
                target: super::super::path::SUBMISSIONS,
                binding: "k-1",
                body: b"{}",
            };
            let sent = sign(&key, &req, 1_700_000_000);
            let presented = Presented::from_headers(headers(&sent)).expect("all present");
            let device = presented.check_body(b"{}").expect("the body matches");
            assert_eq!(
                presented.check_signature(&device, &req, 1_700_000_100),
                Ok(1_700_000_000)
            );
            assert!(stored_signature_holds(
                presented.key,
                presented.signature,
                &req,
                1_700_000_000
            ));
            assert_eq!(
                presented.check_body(b"{ }"),
                Err(SignatureProblem::DigestMismatch)
            );
            for other in [
                Request {
                    method: Method::Patch,
                    ..req
                },
                Request {
                    target: super::super::path::FEED,
                    ..req
                },
                Request {
                    binding: "k-2",
                    ..req
                },
            ] {
                assert_eq!(
                    presented.check_signature(&device, &other, 1_700_000_000),
                    Err(SignatureProblem::DoesNotVerify)
                );
            }
            assert_eq!(
                presented
                    .check_signature(&device, &req, 1_700_000_000 + SIGNATURE_WINDOW_SECS + 1)
                    .map_err(SignatureProblem::code),
                Err(ErrorCode::Replayed)
            );
            assert_eq!(
                Presented::from_headers(headers(&sent[..3])).map(|_| ()),
                Err(SignatureProblem::Unsigned)
            );
        }
    }
}

#[cfg(feature = "crypto")]
pub use signing::stored_signature_holds;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signing_message_names_every_part_on_its_own_line() {
        let m = Request {
            method: Method::Post,
            target: path::SUBMISSIONS,
            binding: "k-1",
            body: b"",
        }
        .message(1_700_000_000, "sha-256=:AA==:");
        assert_eq!(
            String::from_utf8(m).expect("utf-8"),
            "homeward-request-v1\nPOST\n/v1/submissions\nk-1\n1700000000\nsha-256=:AA==:"
        );
    }

    #[test]
    fn a_filled_path_keeps_each_value_in_its_own_segment() {
        assert_eq!(
            path::fill(path::STAFF_DECISION, &["HW-2026-0000042"]),
            "/v1/staff/applications/HW-2026-0000042/decision"
        );
        assert_eq!(
            path::fill(path::STAFF_SIGNER_REVOKE, &["site", "../x y"]),
            "/v1/staff/signers/site/..%2Fx%20y/revoke"
        );
    }
}
