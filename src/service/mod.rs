//! The domain service: the one door to storage.

pub mod model;
