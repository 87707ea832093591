//! The formats the subcommands print or write, with what each is for (clap shows these
//! words in `--help`).

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One finding per line, then a summary on stderr.
    Text,
    /// One array of findings, for tools (a plan-wide finding has no line or column).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The evaluation plan as a table.
    Csv,
    /// The whole Theory of Change as a document, ending with the evaluation plan.
    Markdown,
    /// The chain as a Mermaid flowchart (renders in GitHub and GitLab).
    Mermaid,
    /// The chain as a Graphviz DOT graph.
    Dot,
    /// The whole plan as one self-contained page (diagram, evidence, evaluation plan,
    /// progress charts, review) to open, print or send.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PortfolioFormat {
    /// For a terminal: within 80 columns.
    Text,
    /// One row per plan, with its measures per domain.
    Csv,
    /// Everything, for tools.
    Json,
    /// A document to put in a report or a wiki.
    Markdown,
    /// One self-contained page: a heat-map of domains, shared indicators side by side.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// For a terminal (coloured there unless NO_COLOR is set).
    Text,
    /// For a pull-request comment.
    Markdown,
    /// For tools.
    Json,
}
