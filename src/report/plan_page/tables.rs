//! The report's tables: the evaluation plan (a row per measure, with its latest reading
//! and progress, then why each indicator and how its data is analysed), and the review's
//! findings and waivers.

use super::{Names, esc_anchor};
use crate::plan::evaluation::{self, Progress};
use crate::plan::review;
use crate::plan::{Plan, Severity};
use crate::report::html::{bar, esc};

pub(super) fn evaluation_table(rows: &[evaluation::Row], names: &Names, b: &mut String) {
    b.push_str("<section><h2 id=\"evaluation\">Evaluation plan</h2>\n");
    if rows.is_empty() {
        b.push_str("<p>No measures yet.</p></section>\n");
        return;
    }
    b.push_str(
        "<div class=\"wide\"><table><caption class=\"skip\">The evaluation plan: one row per measure</caption><thead><tr>\
         <th scope=\"col\">Measure</th><th scope=\"col\">Outcome</th><th scope=\"col\">Indicator</th>\
         <th scope=\"col\">Domain</th><th scope=\"col\">Method</th><th scope=\"col\">Sample</th>\
         <th scope=\"col\">Frequency</th><th scope=\"col\">Who</th><th scope=\"col\">Baseline</th>\
         <th scope=\"col\">Target</th><th scope=\"col\">Latest reading</th><th scope=\"col\">Progress</th>\
         </tr></thead><tbody>\n",
    );
    for r in rows {
        let gap = if r.gap { "gap of " } else { "" };
        let latest = r
            .latest
            .as_ref()
            .map_or(String::new(), |(d, v, _)| format!("{gap}{v} on {d}"));
        let mut target = match (r.target, r.target_date) {
            (Some(t), Some(d)) => format!("{gap}{t} by {d}"),
            (Some(t), None) => format!("{gap}{t}"),
            (None, Some(d)) => format!("by {d}"),
            _ => String::new(),
        };
        // The words are listed under the table; here only where no number says it.
        if r.target.is_none() && !r.target_text.trim().is_empty() {
            target.push_str(&format!(
                "{}<span class=\"t\">{}</span>",
                if target.is_empty() { "" } else { "<br>" },
                esc(&r.target_text)
            ));
        }
        b.push_str(&format!(
            "<tr {}><th scope=\"row\" class=\"id\" id=\"eval-{}\">{}</th><td>{}</td><td class=\"t\">{}</td><td>{}</td>\
             <td class=\"t\">{}</td><td class=\"t\">{}</td><td class=\"t\">{}</td><td class=\"t\">{}</td>\
             <td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
            names.at(&r.measure),
            esc_anchor(&r.measure),
            esc(&r.measure),
            names.link(&r.outcome),
            esc(if r.indicator_text.is_empty() {
                &r.indicator
            } else {
                &r.indicator_text
            }),
            esc(&r.domain),
            esc(&r.method),
            esc(&r.sample),
            esc(&r.frequency),
            esc(&r.who),
            r.baseline
                .map_or(String::new(), |n| format!("{gap}{n}")),
            target,
            latest,
            progress(r, names)
        ));
    }
    b.push_str("</tbody></table></div>\n");
    reasons(rows, b);
    b.push_str("</section>\n");
}

/// How far a measure has come, as a bar and in words; off track, why, and the activities
/// that feed it, so the reader sees what would have to change.
fn progress(r: &evaluation::Row, names: &Names) -> String {
    let Progress::Known {
        share, off_track, ..
    } = r.progress
    else {
        return String::new();
    };
    if !off_track {
        return format!("{} <span class=\"ok\">on track</span>", bar(share, false));
    }
    let mut out = format!("{} <span class=\"off\">off track</span>", bar(share, true));
    if let Some(why) = &r.why {
        out.push_str(&format!(": {}", esc(why)));
    }
    if !r.feeding.is_empty() {
        let fed: Vec<String> = r.feeding.iter().map(|a| names.link_any(a)).collect();
        out.push_str(&format!("<br>Fed by: {}", fed.join("; ")));
    }
    out
}

/// Why each indicator was chosen and how its data will be analysed (the guide's Exercise 2
/// and the evaluation template's analysis column), and the groups it is read for: prose
/// too long for the table's columns, one entry per measure.
fn reasons(rows: &[evaluation::Row], b: &mut String) {
    b.push_str("<h3 id=\"why-indicators\">Why each indicator, and how its data is analysed</h3>\n<dl class=\"measures\">\n");
    for r in rows {
        b.push_str(&format!(
            "<dt><a href=\"#eval-{}\" class=\"id\">{}</a>: <span class=\"t\">{}</span></dt>\n",
            esc_anchor(&r.measure),
            esc(&r.measure),
            esc(if r.indicator_text.is_empty() {
                &r.indicator
            } else {
                &r.indicator_text
            })
        ));
        for (label, text, missing) in [
            ("Why this indicator", &r.rationale, "Not stated."),
            ("Analysis", &r.analysis, "Not stated."),
            ("Target in words", &r.target_text, ""),
        ] {
            let shown = if text.trim().is_empty() {
                if missing.is_empty() {
                    continue;
                }
                format!("<span class=\"off\">{missing}</span>")
            } else {
                format!("<span class=\"t\">{}</span>", esc(text))
            };
            b.push_str(&format!("<dd><strong>{label}:</strong> {shown}</dd>\n"));
        }
        if !r.groups.is_empty() {
            let gs: Vec<String> = r
                .groups
                .iter()
                .map(|g| format!("<span class=\"t\">{}</span>", esc(&g.group)))
                .collect();
            b.push_str(&format!(
                "<dd><strong>Read for:</strong> {}{}</dd>\n",
                gs.join("; "),
                if r.gap {
                    " (the target is the gap between them, first minus second)"
                } else {
                    ""
                }
            ));
        }
    }
    b.push_str("</dl>\n");
}

pub(super) fn review_section(plan: &Plan, findings: &[review::Finding], b: &mut String) {
    b.push_str("<section><h2 id=\"review\">Review</h2>\n");
    if findings.is_empty() {
        b.push_str("<p>The review finds nothing: the plan follows every rule.</p>\n");
    }
    for (rule, title) in review::RULES {
        let here: Vec<_> = findings.iter().filter(|f| f.rule == rule).collect();
        if here.is_empty() {
            continue;
        }
        b.push_str(&format!("<h3>{}</h3>\n<ul>\n", esc(title)));
        for f in here {
            let sev = match f.severity {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
                Severity::Advice => "Advice",
            };
            b.push_str(&format!(
                "<li><strong>{sev}:</strong> <span class=\"t\">{}</span>{}</li>\n",
                esc(&f.message),
                f.waived.as_ref().map_or(String::new(), |w| format!(
                    " <em>Waived:</em> <span class=\"t\">{}</span>",
                    esc(w)
                ))
            ));
        }
        b.push_str("</ul>\n");
    }
    if !plan.waivers.is_empty() {
        b.push_str("<h3>Waivers</h3>\n<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Reason</th></tr></thead><tbody>\n");
        for w in &plan.waivers {
            b.push_str(&format!(
                "<tr><th scope=\"row\" class=\"id\">{}</th><td class=\"t\">{}</td></tr>\n",
                esc(&w.rule),
                esc(&w.reason)
            ));
        }
        b.push_str("</tbody></table>\n");
    }
    b.push_str("</section>\n");
}
