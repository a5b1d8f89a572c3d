//! hubint's development tasks, as a library so that `tests/generated.rs`
//! runs the same check as `cargo xtask generate --check`.

mod completions;
pub mod generate_all;
mod man;
