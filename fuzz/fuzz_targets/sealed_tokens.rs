//! What a volunteer's or a counter's scanner reads, and what the backend is sent: sealed identity
//! attestations, sealed entrustment letters and proof-request codes. Each either opens to what
//! was signed or is refused; nothing panics, and what opens opens the same way twice.
#![no_main]

use homeward_domain::identity::{Attestation, Delegation, ProofRequest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(a) = Attestation::open(&text) {
        assert_eq!(Attestation::open(&text), Some(a));
    }
    if let Some(d) = Delegation::open(&text) {
        assert_eq!(Delegation::open(&text), Some(d));
    }
    let _ = ProofRequest::decode(&text);
});
