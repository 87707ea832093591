//! Exports of a whole plan for people who do not use tocplan: a Markdown document, a
//! Mermaid flowchart (renders in GitHub and GitLab), a Graphviz DOT graph. Plan text is
//! escaped for each format, so no title or outcome can break the document or the graph.

mod document;
mod graph;

pub use document::to_document;
pub use graph::{to_dot, to_mermaid};

#[cfg(test)]
pub(crate) mod tests;
