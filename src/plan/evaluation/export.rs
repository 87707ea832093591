//! The evaluation plan as CSV (for spreadsheets) and Markdown (for a pull request or a
//! report). Text is escaped for each: CSV quoting, and no cell starts a formula; Markdown
//! pipes, line breaks and HTML are neutralised.

use super::{Progress, Row};
use crate::plan::values::Number;
use crate::text::markdown_cell as md;

const HEADER: [&str; 13] = [
    "Outcome",
    "Measure",
    "Indicator",
    "Domain",
    "Data collection method",
    "Sample",
    "Frequency",
    "Who",
    "Baseline",
    "Target",
    "Target date",
    "Latest reading",
    "Progress",
];

fn num(n: Option<Number>) -> String {
    n.map_or(String::new(), |n| n.to_string())
}

fn latest(r: &Row) -> String {
    r.latest
        .as_ref()
        .map_or(String::new(), |(d, v, _)| format!("{v} on {d}"))
}

fn progress(r: &Row) -> String {
    match r.progress {
        Progress::Unknown => String::new(),
        Progress::Known { share, off_track } => {
            format!(
                "{:.0}%{}",
                share * 100.0,
                if off_track { " (off track)" } else { "" }
            )
        }
    }
}

fn cells(r: &Row) -> [String; 13] {
    [
        format!("{}: {}", r.outcome, r.outcome_text),
        r.measure.clone(),
        if r.indicator_text.is_empty() {
            r.indicator.clone()
        } else {
            format!("{} ({})", r.indicator_text, r.indicator)
        },
        r.domain.clone(),
        r.method.clone(),
        r.sample.clone(),
        r.frequency.clone(),
        r.who.clone(),
        num(r.baseline),
        num(r.target),
        r.target_date.map_or(String::new(), |d| d.to_string()),
        latest(r),
        progress(r),
    ]
}

/// A cell a spreadsheet would run as a formula gets a `'` first, so it is shown, never
/// executed: one starting with `=`, `+`, `-`, `@` (or their full-width forms, which some
/// spreadsheets read as the same), a tab or a carriage return, also after leading spaces.
/// Numbers are left be. Each `;`-separated piece is looked at on its own too: where `;` is
/// the list separator (much of Europe), a spreadsheet opens `a;=cmd` as two cells.
pub(crate) fn defuse(cell: String) -> String {
    if !cell.split(';').any(runs_as_formula) {
        return cell;
    }
    let pieces: Vec<String> = cell
        .split(';')
        .map(|p| {
            if runs_as_formula(p) {
                format!("'{p}")
            } else {
                p.to_string()
            }
        })
        .collect();
    pieces.join(";")
}

fn runs_as_formula(piece: &str) -> bool {
    const STARTS: [char; 8] = [
        '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ];
    let risky =
        piece.starts_with(['\t', '\r']) || piece.trim_start_matches(' ').starts_with(STARTS);
    risky && piece.trim().parse::<f64>().is_err()
}

pub fn to_csv(rows: &[Row]) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(cells(r).map(defuse))
            .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

pub fn to_markdown(title: &str, rows: &[Row]) -> String {
    format!(
        "# Evaluation plan: {}\n\n{}",
        md(title),
        table_markdown(rows)
    )
}

/// The evaluation plan's table alone, for documents that give it their own heading.
pub fn table_markdown(rows: &[Row]) -> String {
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", HEADER.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(HEADER.len())));
    for r in rows {
        let row: Vec<String> = cells(r).iter().map(|c| md(c)).collect();
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    if rows.is_empty() {
        out.push_str("\nNo measures yet.\n");
    }
    out
}
