//! The evaluation plan as CSV (for spreadsheets) and Markdown (for a pull request or a
//! report). Text is escaped for each: CSV quoting, and no cell starts a formula; Markdown
//! pipes, line breaks and HTML are neutralised.

use super::{Progress, Row};
use crate::plan::values::Number;
use crate::text::markdown_cell as md;

const HEADER: [&str; 18] = [
    "Outcome",
    "Measure",
    "Indicator",
    "Why this indicator",
    "Domain",
    "Data collection method",
    "Sample",
    "Frequency",
    "Who",
    "Analysis",
    "Groups compared",
    "Baseline",
    "Target",
    "Target in words",
    "Target date",
    "Latest reading",
    "Progress",
    "Activities feeding it",
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
        Progress::Known {
            share, off_track, ..
        } => {
            let why = r.why.as_ref().map_or(String::new(), |w| format!(": {w}"));
            format!(
                "{:.0}%{}{why}",
                share * 100.0,
                if off_track { " (off track)" } else { "" }
            )
        }
    }
}

/// "Women in the target group: 18 on 2026-04-10; Local residents: 41 on 2026-04-10".
pub(super) fn groups(r: &Row) -> String {
    let each = r.groups.iter().map(|g| match g.latest {
        Some((d, v)) => format!("{}: {v} on {d}", g.group),
        None => format!("{}: no reading yet", g.group),
    });
    let mut parts: Vec<String> = each.collect();
    if r.gap {
        parts.push("target is the gap (first minus second)".into());
    }
    parts.join("; ")
}

fn cells(r: &Row) -> [String; 18] {
    [
        format!("{}: {}", r.outcome, r.outcome_text),
        r.measure.clone(),
        if r.indicator_text.is_empty() {
            r.indicator.clone()
        } else {
            format!("{} ({})", r.indicator_text, r.indicator)
        },
        r.rationale.clone(),
        r.domain.clone(),
        r.method.clone(),
        r.sample.clone(),
        r.frequency.clone(),
        r.who.clone(),
        r.analysis.clone(),
        groups(r),
        num(r.baseline),
        num(r.target),
        r.target_text.clone(),
        r.target_date.map_or(String::new(), |d| d.to_string()),
        latest(r),
        progress(r),
        r.feeding.join(", "),
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

/// Outputs counted against their targets, for the evaluation plan's documents.
pub fn outputs_markdown(rows: &[super::OutputRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("| Output | Target | Latest count | Delivered |\n|---|---|---|---|\n");
    for r in rows {
        let target = match (r.target, r.unit.as_str()) {
            (Some(t), "") => t.to_string(),
            (Some(t), u) => format!("{t} {u}"),
            (None, _) => String::new(),
        };
        let latest = r
            .latest
            .as_ref()
            .map_or(String::new(), |(d, v, _)| format!("{v} on {d}"));
        let share = r
            .share()
            .map_or(String::new(), |s| format!("{:.0}%", s * 100.0));
        out.push_str(&format!(
            "| {}: {} | {} | {} | {} |\n",
            md(&r.output),
            md(&r.text),
            md(&target),
            latest,
            share
        ));
    }
    out
}
