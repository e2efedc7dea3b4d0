//! Any text given as a journal must be verified and shown, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use temoin_core::untrusted::read_journal;

fuzz_target!(|data: &[u8]| {
    let _ = read_journal(data);
});
