//! The whole Theory of Change as a Markdown document: context, the chain from goal to
//! activities with assumptions and evidence, stakeholders, and the evaluation plan.

use crate::framework::Framework;
use crate::plan::evaluation;
use crate::plan::model::*;
use crate::text::markdown::{self, code, line};
use crate::text::markdown_cell;

/// Plan text in a paragraph or a list item, continuation lines indented by `indent`:
/// the file's wrapped lines stay one paragraph.
fn md(s: &str, indent: &str) -> String {
    markdown::paragraphs(s, indent)
}

/// Ids in a list: "`a`, `b`".
fn codes(ids: &[String]) -> String {
    ids.iter().map(|i| code(i)).collect::<Vec<_>>().join(", ")
}

/// Stakeholders by name, "Anytown Council; Women in the target group".
fn names(p: &Plan, ids: &[String]) -> String {
    ids.iter()
        .map(|r| p.stakeholder(r).map_or(r.clone(), |s| s.name.clone()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn assumptions(p: &Plan, out: &mut String, on: impl Fn(&About) -> bool) {
    for a in p.assumptions.iter().filter(|a| on(&a.about)) {
        let link = match &a.about {
            About::Link { from, to } => format!(" (on {} → {})", code(from), code(to)),
            About::Item(_) => String::new(),
        };
        out.push_str(&format!("- *Assumption*{link}: {}\n", md(&a.text, "  ")));
        for e in p.evidence.iter().filter(|e| e.assumption == a.id) {
            let said: Vec<&str> = [e.kind.map(|k| k.as_str()), e.stance.map(|s| s.as_str())]
                .into_iter()
                .flatten()
                .collect();
            let kind = if said.is_empty() {
                String::new()
            } else {
                format!(" ({})", said.join(", "))
            };
            let source = if e.source.is_empty() {
                String::new()
            } else {
                format!(" — {}", line(&e.source))
            };
            out.push_str(&format!(
                "  - *Evidence*{kind}: {}{source}\n",
                md(&e.text, "    ")
            ));
            if !e.limitations.is_empty() {
                out.push_str(&format!(
                    "    - *Limitations:* {}\n",
                    md(&e.limitations, "      ")
                ));
            }
        }
    }
}

pub fn to_document(p: &Plan, fw: &Framework) -> String {
    let c = &p.context;
    let mut out = format!("# {}\n\n", line(&p.title));
    out.push_str("## Context\n\n");
    for (label, value) in [
        ("Integration problem", c.problem.clone()),
        ("Place", c.place.clone()),
        (
            "Timeframe",
            match (c.start, c.end) {
                (Some(s), Some(e)) => format!("{s} to {e}"),
                _ => String::new(),
            },
        ),
        (
            "Key domains",
            c.key_domains
                .iter()
                .map(|d| {
                    fw.domain(*d)
                        .map_or(d.to_string(), |x| format!("{d} {}", x.name))
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("Rights and responsibilities", c.rights.clone()),
    ] {
        if !value.is_empty() {
            out.push_str(&format!("**{label}.** {}\n\n", md(&value, "")));
        }
    }
    out.push_str(&format!("## Goal\n\n{}\n\n", md(&p.goal.text, "")));
    if !p.goal.impact_evidence.is_empty() {
        out.push_str(&format!(
            "*Evidence of long-term impact:* {}\n\n",
            md(&p.goal.impact_evidence, "")
        ));
    }
    out.push_str("## Intermediate outcomes\n\n");
    for o in &p.outcomes {
        // A heading is one line: a line break in the text must not end it.
        out.push_str(&format!("### {} ({})\n\n", line(&o.text), code(&o.id)));
        out.push_str(&format!("Leads to: {}\n\n", codes(&o.serves)));
        assumptions(p, &mut out, |a| match a {
            About::Item(i) => *i == o.id,
            About::Link { from, .. } => *from == o.id,
        });
        for m in p.measures.iter().filter(|m| m.outcome == o.id) {
            let ind = fw
                .indicator(&m.indicator)
                .map_or(m.indicator.clone(), |i| i.text.clone());
            out.push_str(&format!("- *Measure* {}: {}\n", code(&m.id), line(&ind)));
            if !m.rationale.is_empty() {
                out.push_str(&format!(
                    "  - *Why this indicator:* {}\n",
                    md(&m.rationale, "    ")
                ));
            }
        }
        out.push('\n');
    }
    out.push_str("## Outputs\n\n");
    for o in &p.outputs {
        out.push_str(&format!(
            "- **{}** ({}), for {}\n",
            line(&o.text),
            code(&o.id),
            codes(&o.serves)
        ));
        if let Some(t) = o.target {
            let unit = if o.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", line(&o.unit))
            };
            out.push_str(&format!("  - Target: {t}{unit}\n"));
        }
        let mut sub = String::new();
        assumptions(p, &mut sub, |a| match a {
            About::Item(i) => *i == o.id,
            About::Link { from, .. } => *from == o.id,
        });
        for line in sub.lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str("\n## Activities\n\n");
    for a in &p.activities {
        out.push_str(&format!(
            "- **{}** ({}), for {}\n",
            line(&a.text),
            code(&a.id),
            codes(&a.serves)
        ));
        if !a.resources.is_empty() {
            out.push_str(&format!(
                "  - Resources: {}\n",
                line(&a.resources.join("; "))
            ));
        }
        if !a.barrier.is_empty() {
            out.push_str(&format!("  - Barrier: {}\n", md(&a.barrier, "    ")));
        }
        for (label, ids) in [("Responsible", &a.responsible), ("Partners", &a.partners)] {
            if !ids.is_empty() {
                out.push_str(&format!("  - {label}: {}\n", line(&names(p, ids))));
            }
        }
    }
    out.push_str(
        "\n## Stakeholders\n\n| Name | Group | Role | How they take part | Agreed to |\n|---|---|---|---|---|\n",
    );
    for s in &p.stakeholders {
        let agreed: Vec<String> = s
            .agreed
            .iter()
            .map(|a| {
                let found = fw.worksheet.agreements.iter().find(|x| x.id == *a);
                found.map_or(a.clone(), |x| x.name.clone())
            })
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            markdown_cell(&s.name),
            s.group.as_str().replace('-', " "),
            markdown_cell(&s.role),
            markdown_cell(&s.involvement),
            markdown_cell(&agreed.join("; "))
        ));
    }
    out.push('\n');
    out.push_str("## Evaluation plan\n\n");
    out.push_str(&evaluation::table_markdown(&evaluation::rows(p, fw)));
    let outputs = evaluation::outputs_markdown(&evaluation::output_rows(p));
    if !outputs.is_empty() {
        out.push_str("\n### Outputs delivered\n\n");
        out.push_str(&outputs);
    }
    out
}
