//! A device-signed request as the backend reads it: the signature headers (key, timestamp,
//! signature, content digest), the tus metadata that binds an upload, and the body. The input is
//! split at newlines into those headers, the rest being the body. Nothing panics; a request whose
//! signature verifies carries the body its digest names.
#![no_main]

use homeward_domain::wire::{self, header, tus, Method};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(6, |b| *b == b'\n');
    let mut next = || String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let (key, timestamp, signature, digest, metadata) = (next(), next(), next(), next(), next());
    let body = data.splitn(6, |b| *b == b'\n').nth(5).unwrap_or_default();
    let binding = tus::metadata_sha256(&metadata).unwrap_or_default();
    let get = |name: &str| match name {
        header::KEY => Some(key.as_str()),
        header::TIMESTAMP => Some(timestamp.as_str()),
        header::SIGNATURE => Some(signature.as_str()),
        header::DIGEST => Some(digest.as_str()),
        _ => None,
    };
    let Ok(presented) = wire::Presented::from_headers(get) else {
        return;
    };
    let Ok(verifying_key) = presented.check_body(body) else {
        return;
    };
    let request = wire::Request {
        method: Method::Post,
        target: wire::path::UPLOADS,
        binding: &binding,
        body,
    };
    let _ = presented.check_signature(&verifying_key, &request, 1_800_000_000);
});
