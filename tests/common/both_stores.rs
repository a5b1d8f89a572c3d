//! The environment of the tests that use both local stores: the real OS
//! keyring (required) and the encrypted file store, with its passphrase
//! `PASS` set. Include it with
//! `#[path = "common/both_stores.rs"] mod both_stores;` next to
//! `mod common;`.
#![allow(dead_code)]

use crate::common::{TestEnv, require_keyring};

pub const PASS: &str = "correct horse battery staple";

pub fn env() -> TestEnv {
    require_keyring();
    TestEnv::new().with_env("HUBINT_PASSPHRASE", PASS)
}
