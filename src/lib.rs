//! claimdiff: compare how different outlets cover the same news story, claim by claim.
//!
//! The crate is a library (analysis, workspace, app) with a thin binary on top, so that tests
//! and benchmarks drive exactly what users run.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod fetch;
pub mod platform;
pub mod workspace;
