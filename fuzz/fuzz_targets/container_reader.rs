//! Any bytes given as a bundle's ZIP container must be read strictly (the structure from the
//! raw bytes, then every member within its declared size), never panic, never allocate beyond
//! what the limits allow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use temoin_core::untrusted::{read_container, FUZZ_LIMITS};

fuzz_target!(|data: &[u8]| read_container(data, &FUZZ_LIMITS));
