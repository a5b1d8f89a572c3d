// Copyright 2016-2024 dbus-secret-service Contributors
//
// Licensed under the Apache License, Version 2.0, <LICENSE-APACHE or
// http://apache.org/licenses/LICENSE-2.0> or the MIT license <LICENSE-MIT or
// http://opensource.org/licenses/MIT>, at your option. This file may not be
// copied, modified, or distributed except according to those terms.

pub mod collection;
pub mod item;
pub mod prompt;
pub mod service;

use dbus::blocking::{Connection, Proxy};
use std::time::Duration;

/// How long a call waits for its reply: libdbus's default, which libsecret
/// uses too. A write to a keyring of 10,000 items takes gnome-keyring about
/// a second (it re-encrypts and rewrites the whole file), more on a busy
/// machine; 2 s made such writes fail with `NoReply` while the daemon
/// completed them. Callers that must not wait so long bound the call
/// themselves.
const CALL_TIMEOUT: Duration = Duration::from_secs(25);

pub fn new_proxy<'a, 'b>(connection: &'b Connection, path: &'a str) -> Proxy<'a, &'b Connection> {
    connection.with_proxy(crate::ss::SS_DBUS_DEST, path, CALL_TIMEOUT)
}
