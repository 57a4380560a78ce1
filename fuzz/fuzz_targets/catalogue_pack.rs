//! A signed catalogue pack as the app reads it from the backend (or any server in between):
//! verified against the content team's key before anything in it is used. Nothing panics, and
//! nothing the fuzzer makes verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let trusted = homeward_catalog::trusted_key().expect("the compiled-in key");
    assert!(homeward_catalog::verify(data, &trusted).is_err());
});
