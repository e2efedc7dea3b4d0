//! Any bytes given as a bundle must get a report or a coded error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use temoin_core::untrusted::{read_bundle, FUZZ_LIMITS};

fuzz_target!(|data: &[u8]| {
    let _ = read_bundle(data, &FUZZ_LIMITS);
});
