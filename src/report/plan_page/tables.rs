//! The report's tables: the stakeholders by group, the evaluation plan (a row per measure,
//! with its latest reading and progress), and the review's findings and waivers.

use super::{Names, esc_anchor};
use crate::plan::evaluation::{self, Progress};
use crate::plan::review;
use crate::plan::{Group, Plan, Severity};
use crate::report::html::esc;

fn group_name(g: Group) -> &'static str {
    match g {
        Group::Newcomers => "Newcomers",
        Group::ReceivingCommunity => "Receiving community",
        Group::Institutions => "Institutions",
    }
}

pub(super) fn stakeholders(plan: &Plan, names: &Names, b: &mut String) {
    b.push_str("<section><h2 id=\"stakeholders\">Stakeholders</h2>\n");
    for g in Group::ALL {
        let people: Vec<_> = plan.stakeholders.iter().filter(|s| s.group == g).collect();
        b.push_str(&format!("<h3>{}</h3>\n", group_name(g)));
        if people.is_empty() {
            b.push_str("<p>None named.</p>\n");
            continue;
        }
        b.push_str(&format!(
            "<table><caption class=\"skip\">Stakeholders: {}</caption><thead><tr><th scope=\"col\">Name</th>\
             <th scope=\"col\">Role</th><th scope=\"col\">How they take part</th></tr></thead><tbody>\n",
            group_name(g)
        ));
        for s in people {
            b.push_str(&format!(
                "<tr {}><th scope=\"row\" class=\"t\">{}</th><td class=\"t\">{}</td><td class=\"t\">{}</td></tr>\n",
                names.at(&s.id),
                esc(&s.name),
                esc(&s.role),
                esc(&s.involvement)
            ));
        }
        b.push_str("</tbody></table>\n");
    }
    b.push_str("</section>\n");
}

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
        let latest = r
            .latest
            .as_ref()
            .map_or(String::new(), |(d, v, _)| format!("{v} on {d}"));
        let progress = match r.progress {
            Progress::Unknown => String::new(),
            Progress::Known {
                share, off_track, ..
            } => format!(
                "<span class=\"{}\">{:.0}%{}</span>",
                if off_track { "off" } else { "ok" },
                share * 100.0,
                if off_track { " (off track)" } else { "" }
            ),
        };
        let target = match (r.target, r.target_date) {
            (Some(t), Some(d)) => format!("{t} by {d}"),
            (Some(t), None) => t.to_string(),
            _ => String::new(),
        };
        b.push_str(&format!(
            "<tr {}><th scope=\"row\" class=\"id\" id=\"eval-{}\">{}</th><td>{}</td><td class=\"t\">{}</td><td>{}</td>\
             <td class=\"t\">{}</td><td class=\"t\">{}</td><td class=\"t\">{}</td><td class=\"t\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
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
            r.baseline.map_or(String::new(), |n| n.to_string()),
            target,
            latest,
            progress
        ));
    }
    b.push_str("</tbody></table></div>\n</section>\n");
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
