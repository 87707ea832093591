//! tocplan: plan, review and monitor a Theory of Change for integration work on the Home
//! Office Indicators of Integration framework 2019.
//!
//! Layers, each depending only on those above it: `framework` (data) -> `plan` (model,
//! file format, validation) -> `tui` (the app) -> `cli` (the command line); `text`, `files`
//! and `json` serve them all; `report` (HTML pages, the portfolio) sits beside `tui`, on
//! `plan` and `framework` only.

pub mod cli;
pub mod files;
pub mod framework;
pub mod git;
pub mod json;
pub mod plan;
pub mod report;
pub mod text;
pub mod tui;
