//! claimdiff: compare how different outlets cover the same news story, claim by claim.
//!
//! The crate is a library with a thin binary on top, so that tests and benchmarks drive exactly
//! what users run. Its stages run one way: [`ingest`] (files, pages and links become articles)
//! → [`analysis`] (claims, facts, links, groups, conflicts, diffs; no I/O) → [`report`] (text,
//! Markdown, JSON) → [`workspace`] (the saved document) → [`app`] (the window) and [`cli`].

pub mod analysis;
pub mod app;
pub mod cli;
pub mod cli_parts;
pub mod ingest;
pub mod platform;
pub mod report;
pub mod workspace;
