//! Reports for people who are neither at a terminal nor in git: one self-contained HTML
//! page of a plan (its diagram drawn by tocplan as inline SVG), and a portfolio across many
//! plans. Depends only on `plan` and `framework`; no terminal code.

pub mod layout;
