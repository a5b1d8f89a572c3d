//! `docker-credential-hubint version`

use std::io::Write;

use anyhow::Result;

use super::HELPER_NAME;

/// `NAME (PACKAGE) VERSION`, the upstream format.
pub fn run(out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{HELPER_NAME} (hubint) v{}", env!("CARGO_PKG_VERSION"))?;
    out.flush()?;
    Ok(())
}
