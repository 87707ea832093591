//! The causal chain as a graph: activities -> outputs -> outcomes -> goal, one column
//! (subgraph) per pane, arrows pointing toward the goal.

use crate::plan::model::*;

/// The nodes of each column, left to right: (column title, [(id, text)]).
fn columns(p: &Plan) -> Vec<(&'static str, Vec<(&str, &str)>)> {
    vec![
        (
            "4 Activities",
            p.activities
                .iter()
                .map(|a| (a.id.as_str(), a.text.as_str()))
                .collect(),
        ),
        (
            "3 Outputs",
            p.outputs
                .iter()
                .map(|o| (o.id.as_str(), o.text.as_str()))
                .collect(),
        ),
        (
            "2 Intermediate outcomes",
            p.outcomes
                .iter()
                .map(|o| (o.id.as_str(), o.text.as_str()))
                .collect(),
        ),
        ("1 Goal", vec![(GOAL_ID, p.goal.text.as_str())]),
    ]
}

fn edges(p: &Plan) -> Vec<(&str, &str)> {
    p.activities
        .iter()
        .flat_map(|a| a.serves.iter().map(move |s| (a.id.as_str(), s.as_str())))
        .chain(
            p.outputs
                .iter()
                .flat_map(|o| o.serves.iter().map(move |s| (o.id.as_str(), s.as_str()))),
        )
        .chain(
            p.outcomes
                .iter()
                .flat_map(|o| o.serves.iter().map(move |s| (o.id.as_str(), s.as_str()))),
        )
        .collect()
}

/// Node names for Mermaid: n0, n1, ... in column order, so no id can break the syntax.
fn names(p: &Plan) -> Vec<&str> {
    columns(p)
        .into_iter()
        .flat_map(|(_, nodes)| nodes.into_iter().map(|(id, _)| id))
        .collect()
}

/// Text inside a Mermaid `"..."` label: quotes, `#`, angle brackets and backticks as
/// Mermaid's entity codes, line breaks as `<br>`, controls dropped.
fn mermaid_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '&' => out.push_str("#amp;"),
            // A literal `\n` in the text stays two characters.
            '\\' => out.push_str("#92;"),
            '\n' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

pub fn to_mermaid(p: &Plan) -> String {
    let names = names(p);
    let node = |id: &str| names.iter().position(|n| *n == id).map(|i| format!("n{i}"));
    let mut out = String::from("flowchart LR\n");
    for (i, (title, nodes)) in columns(p).into_iter().enumerate() {
        out.push_str(&format!("  subgraph c{i} [\"{}\"]\n", mermaid_text(title)));
        for (id, text) in nodes {
            if let Some(n) = node(id) {
                out.push_str(&format!("    {n}[\"{}\"]\n", mermaid_text(text)));
            }
        }
        out.push_str("  end\n");
    }
    for (from, to) in edges(p) {
        if let (Some(a), Some(b)) = (node(from), node(to)) {
            out.push_str(&format!("  {a} --> {b}\n"));
        }
    }
    out
}

/// A DOT string literal's contents, for a name (ids, where nothing is shown).
fn dot_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The widest line of a DOT label, in columns, as Mermaid wraps its labels.
const LABEL_WIDTH: usize = 30;

/// A DOT label's contents: wrapped at word boundaries near `LABEL_WIDTH` (lines joined
/// by `\n`, centred), and shown exactly as written: Graphviz reads `&amp;`-style entities
/// in every string, so `&` is written as one, and a backslash is doubled, so a literal
/// `\n` or `\N` stays two characters.
fn dot_label(s: &str) -> String {
    let s = s.replace('\t', " ");
    let lines: Vec<String> = s
        .split('\n')
        .flat_map(|l| {
            let wrapped = textwrap::wrap(l, textwrap::Options::new(LABEL_WIDTH).break_words(false));
            if wrapped.is_empty() {
                vec![String::new()]
            } else {
                wrapped.into_iter().map(|w| w.into_owned()).collect()
            }
        })
        .collect();
    lines
        .iter()
        .map(|l| dot_text(l).replace('&', "&amp;"))
        .collect::<Vec<_>>()
        .join("\\n")
}

pub fn to_dot(p: &Plan) -> String {
    let mut out = format!(
        "digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box, style=rounded];\n",
        dot_text(&p.title)
    );
    for (i, (title, nodes)) in columns(p).into_iter().enumerate() {
        out.push_str(&format!(
            "  subgraph cluster_{i} {{\n    label=\"{}\";\n",
            dot_label(title)
        ));
        for (id, text) in nodes {
            out.push_str(&format!(
                "    \"{}\" [label=\"{}\"];\n",
                dot_text(id),
                dot_label(text)
            ));
        }
        out.push_str("  }\n");
    }
    for (from, to) in edges(p) {
        out.push_str(&format!(
            "  \"{}\" -> \"{}\";\n",
            dot_text(from),
            dot_text(to)
        ));
    }
    out.push_str("}\n");
    out
}
