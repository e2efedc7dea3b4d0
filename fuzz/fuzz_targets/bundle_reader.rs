//! Any bytes given as a bundle must get a report or a coded error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use temoin::untrusted::{read_bundle, FUZZ_LIMITS};

fuzz_target!(|data: &[u8]| read_bundle(data, &FUZZ_LIMITS));
