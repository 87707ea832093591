//! The report's progress: outputs delivered against their targets ("13 of 72 sessions",
//! with a bar), each comparison group's latest value with the gap between them and how
//! far it has closed, and a chart per measure.

use super::Names;
use crate::plan::evaluation::{self, OutputRow, Progress, Row};
use crate::plan::{Number, Plan};
use crate::report::chart;
use crate::report::html::{bar, esc};

pub(super) fn progress(plan: &Plan, rows: &[Row], names: &Names, b: &mut String) {
    b.push_str("<section><h2 id=\"progress\">Progress</h2>\n");
    outputs(&evaluation::output_rows(plan), names, b);
    groups(rows, b);
    if rows.is_empty() {
        b.push_str("<p>No measures yet.</p>\n");
    } else {
        b.push_str("<h3 id=\"charts\">Each measure over time</h3>\n");
        b.push_str(chart::LEGEND);
    }
    for r in rows {
        b.push_str(&format!(
            "<figure class=\"chart\">{}<figcaption class=\"legend\"><span class=\"id\">{}</span>: \
             <span class=\"t\">{}</span></figcaption></figure>\n",
            chart::svg(plan, r),
            esc(&r.measure),
            esc(indicator(r))
        ));
    }
    b.push_str("</section>\n");
}

fn indicator(r: &Row) -> &str {
    if r.indicator_text.is_empty() {
        &r.indicator
    } else {
        &r.indicator_text
    }
}

/// "72 sessions".
fn with_unit(n: Number, unit: &str) -> String {
    if unit.is_empty() {
        n.to_string()
    } else {
        format!("{n} {unit}")
    }
}

/// Outputs with a target or a count: what has been delivered of what was planned.
fn outputs(rows: &[OutputRow], names: &Names, b: &mut String) {
    if rows.is_empty() {
        return;
    }
    b.push_str(
        "<h3 id=\"outputs-delivered\">Outputs delivered</h3>\n<table><caption class=\"skip\">Outputs \
         counted against their targets</caption><thead><tr><th scope=\"col\">Output</th>\
         <th scope=\"col\">Target</th><th scope=\"col\">Delivered</th><th scope=\"col\">Of the target</th>\
         </tr></thead><tbody>\n",
    );
    for r in rows {
        let delivered = match &r.latest {
            Some((d, _, note)) => format!(
                "{} by {d}{}",
                esc(&r.count()),
                if note.trim().is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"legend t\">({})</span>", esc(note))
                }
            ),
            None if r.target.is_some() => "none counted yet".into(),
            None => String::new(),
        };
        b.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"t\">{}</td><td class=\"t\">{delivered}</td><td class=\"bar-cell\">{}</td></tr>\n",
            names.link(&r.output),
            r.target.map_or(String::new(), |t| esc(&with_unit(t, &r.unit))),
            r.share().map_or(String::new(), |s| bar(s, false)),
        ));
    }
    b.push_str("</tbody></table>\n");
}

/// Measures read for comparison groups: each group's latest value, and for a gap target
/// the gap between the first two, its target, and how far it has closed.
fn groups(rows: &[Row], b: &mut String) {
    let grouped: Vec<&Row> = rows.iter().filter(|r| !r.groups.is_empty()).collect();
    if grouped.is_empty() {
        return;
    }
    b.push_str(
        "<h3 id=\"groups\">Comparison groups</h3>\n<p>Integration is measured for newcomers and \
         the receiving community alike: these measures are read for each group, and where the \
         target is a gap, progress is the gap closing.</p>\n",
    );
    for r in grouped {
        b.push_str(&format!(
            "<table><caption><span class=\"id\">{}</span>: <span class=\"t\">{}</span></caption>\
             <thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Latest</th></tr></thead><tbody>\n",
            esc(&r.measure),
            esc(indicator(r))
        ));
        for g in &r.groups {
            b.push_str(&format!(
                "<tr><th scope=\"row\" class=\"t\">{}</th><td>{}</td></tr>\n",
                esc(&g.group),
                g.latest
                    .map_or("no reading yet".to_string(), |(d, v)| format!("{v} on {d}"))
            ));
        }
        if r.gap {
            b.push_str(&gap_row(r));
        }
        b.push_str("</tbody></table>\n");
    }
}

/// The gap's row: its latest value, from where to where it should move, and how far.
fn gap_row(r: &Row) -> String {
    let names: Vec<&str> = r.groups.iter().take(2).map(|g| g.group.as_str()).collect();
    let now = match &r.latest {
        Some((d, v, _)) => format!("{v} on {d}"),
        None => "not known until both groups are read".into(),
    };
    let mut plan = Vec::new();
    if let Some(b) = r.baseline {
        plan.push(format!("from {b} at the baseline"));
    }
    if let Some(t) = r.target {
        plan.push(match r.target_date {
            Some(d) => format!("to {t} by {d}"),
            None => format!("to {t}"),
        });
    }
    let closing = match r.progress {
        Progress::Known {
            share, off_track, ..
        } => format!(
            "<br>Closed {} of the way{}",
            bar(share, off_track),
            if off_track {
                " <span class=\"off\">(off track)</span>"
            } else {
                ", on track"
            }
        ),
        Progress::Unknown => String::new(),
    };
    format!(
        "<tr><th scope=\"row\">Gap (<span class=\"t\">{}</span> minus <span class=\"t\">{}</span>)</th>\
         <td>{now}{}{closing}</td></tr>\n",
        esc(names.first().copied().unwrap_or("")),
        esc(names.get(1).copied().unwrap_or("")),
        if plan.is_empty() {
            String::new()
        } else {
            format!("; planned {}", plan.join(" "))
        } + &if r.target_text.trim().is_empty() {
            String::new()
        } else {
            format!(" (<span class=\"t\">{}</span>)", esc(&r.target_text))
        }
    )
}
