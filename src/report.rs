//! Reports for people who are neither at a terminal nor in git: one self-contained HTML
//! page of a plan (its diagram drawn by tocplan as inline SVG), and a portfolio across many
//! plans. Depends only on `plan` and `framework`; no terminal code.

mod chart;
mod diagram;
pub mod html;
pub mod layout;
mod plan_page;
pub mod portfolio;

pub use plan_page::to_html;
