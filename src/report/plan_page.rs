//! `tocplan export --format html`: the whole plan as one self-contained page for boards,
//! funders and partners: the context, the diagram on a page of its own, the chain in
//! words with its assumptions and evidence, the stakeholders by group, the evaluation plan,
//! a chart per measure, and the review's findings and waivers. Every item is in the
//! diagram once and in the text once (`data-id` there, `data-item` here).

use std::collections::HashMap;

use super::html::{esc, page, prose};
use super::{diagram, layout};

mod evidence;
mod progress;
mod stakeholders;
mod tables;

use crate::framework::Framework;
use crate::plan::evaluation;
use crate::plan::review;
use crate::plan::{About, GOAL_ID, Plan};
use evidence::{evidence, verdict_note};
use stakeholders::stakeholders;
use tables::{evaluation_table, review_section};

/// Anchors for the items, so the text can point at what an item serves.
struct Names<'a> {
    plan: &'a Plan,
    anchor: HashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    fn new(plan: &'a Plan) -> Names<'a> {
        let mut anchor = HashMap::new();
        for (k, (_, id)) in plan.ids().enumerate() {
            anchor.entry(id).or_insert(k);
        }
        Names { plan, anchor }
    }

    fn text(&self, id: &str) -> &'a str {
        let p = self.plan;
        if id == GOAL_ID {
            return &p.goal.text;
        }
        p.outcomes
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.text.as_str())
            .or_else(|| {
                p.outputs
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| o.text.as_str())
            })
            .or_else(|| {
                p.stakeholders
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.as_str())
            })
            .unwrap_or("")
    }

    /// An item named by a link to where the text has it.
    fn link(&self, id: &str) -> String {
        let text = self.text(id);
        let shown = if text.is_empty() { id } else { text };
        match self.anchor.get(id) {
            Some(k) => format!("<a href=\"#item-{k}\" class=\"t\">{}</a>", esc(shown)),
            None => format!("<span class=\"t\">{}</span>", esc(shown)),
        }
    }

    fn links(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|i| self.link(i))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// `id="item-N" data-item="ID"`: where an item is in the text.
    fn at(&self, id: &str) -> String {
        let k = self.anchor.get(id).copied().unwrap_or(usize::MAX);
        format!("id=\"item-{k}\" data-item=\"{}\"", esc(id))
    }
}

pub fn to_html(plan: &Plan, fw: &Framework) -> String {
    let names = Names::new(plan);
    let l = layout::layout(plan);
    let findings = review::review(plan, fw);
    let counting = findings.iter().filter(|f| f.counts()).count();
    let mut b = format!("<h1 class=\"t\">{}</h1>\n", esc(&plan.title));
    let c = &plan.context;
    let when = match (c.start, c.end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("from {s}"),
        _ => String::new(),
    };
    b.push_str(&format!(
        "<p class=\"meta\">{}{}{} · review: {}</p>\n",
        if c.place.is_empty() {
            String::new()
        } else {
            format!("<span class=\"t\">{}</span>", esc(&c.place))
        },
        if c.place.is_empty() || when.is_empty() {
            ""
        } else {
            " · "
        },
        when,
        // In the app's words ("2 warnings · 5 advice"), so the board reads what the
        // planner saw.
        if counting == 0 && crate::plan::review::summary(&findings) == "review clear" {
            "nothing to fix".to_string()
        } else {
            crate::plan::review::summary(&findings)
        }
    ));
    b.push_str(
        "<nav aria-label=\"Contents\"><p><a href=\"#context\">Context</a> · <a href=\"#diagram\">Diagram</a> · \
         <a href=\"#chain\">The chain in words</a> · <a href=\"#assumptions\">Assumptions</a> · \
         <a href=\"#stakeholders\">Stakeholders</a> · <a href=\"#evaluation\">Evaluation plan</a> · \
         <a href=\"#progress\">Progress</a> · <a href=\"#review\">Review</a></p></nav>\n",
    );
    context(plan, fw, &mut b);
    b.push_str(
        "<section class=\"diagram-page\" aria-labelledby=\"diagram\">\n<h2 id=\"diagram\">The Theory of Change</h2>\n\
         <figure class=\"diagram\">\n",
    );
    b.push_str(&diagram::svg(&l, &plan.title));
    b.push_str(
        "<figcaption class=\"legend\">Read from the activities on the right to the goal on the left: \
         each arrow runs from an item to what it serves. A numbered circle on an arrow is an assumption \
         about that link, listed under <a href=\"#assumptions\">Assumptions</a>. Hover or select an item \
         to see its chain.</figcaption>\n</figure>\n</section>\n",
    );
    chain(plan, &names, &mut b);
    assumptions(plan, &names, &l, &mut b);
    stakeholders(plan, fw, &names, &mut b);
    let rows = evaluation::rows(plan, fw);
    evaluation_table(&rows, &names, &mut b);
    progress::progress(plan, &rows, &names, &mut b);
    review_section(plan, &findings, &mut b);
    page(&plan.title, &b)
}

fn context(plan: &Plan, fw: &Framework, b: &mut String) {
    let c = &plan.context;
    b.push_str("<section><h2 id=\"context\">Context</h2>\n");
    let domains: Vec<String> = c
        .key_domains
        .iter()
        .map(|d| {
            fw.domain(*d)
                .map_or(d.to_string(), |x| format!("{d} {}", x.name))
        })
        .collect();
    for (label, value) in [
        ("Integration problem", c.problem.as_str()),
        ("Place", c.place.as_str()),
        ("Key domains", &domains.join(", ")),
        ("Rights and responsibilities", c.rights.as_str()),
    ] {
        if !value.trim().is_empty() {
            b.push_str(&format!(
                "<h3>{label}</h3><div class=\"t\">{}</div>\n",
                prose(value)
            ));
        }
    }
    b.push_str("</section>\n");
}

/// Assumptions about one item (not a link), with their evidence.
fn item_assumptions(plan: &Plan, names: &Names, id: &str) -> String {
    let mut out = String::new();
    for a in &plan.assumptions {
        if a.about == About::Item(id.to_string()) {
            out.push_str(&format!(
                "<li {}><strong>Assumption:</strong> <span class=\"t\">{}</span>{}{}</li>",
                names.at(&a.id),
                esc(&a.text),
                verdict_note(plan, &a.id),
                evidence(plan, names, &a.id)
            ));
        }
    }
    if out.is_empty() {
        out
    } else {
        format!("<ul>{out}</ul>")
    }
}

fn chain(plan: &Plan, names: &Names, b: &mut String) {
    b.push_str("<section><h2 id=\"chain\">The chain in words</h2>\n<h3>Goal</h3>\n");
    b.push_str(&format!(
        "<div {}><div class=\"t\">{}</div>",
        names.at(GOAL_ID),
        prose(&plan.goal.text)
    ));
    if !plan.goal.impact_evidence.trim().is_empty() {
        b.push_str(&format!(
            "<p><em>Evidence of long-term impact:</em> <span class=\"t\">{}</span></p>",
            esc(&plan.goal.impact_evidence)
        ));
    }
    b.push_str(&item_assumptions(plan, names, GOAL_ID));
    b.push_str("</div>\n<h3>Intermediate outcomes</h3>\n<ul>\n");
    for o in &plan.outcomes {
        let measures: Vec<String> = plan
            .measures
            .iter()
            .filter(|m| m.outcome == o.id)
            .map(|m| {
                format!(
                    "<a href=\"#eval-{}\" class=\"id\">{}</a>",
                    esc_anchor(&m.id),
                    esc(&m.id)
                )
            })
            .collect();
        b.push_str(&format!(
            "<li {}><span class=\"t\">{}</span> <span class=\"id\">({})</span><br>Leads to: {}{}{}</li>\n",
            names.at(&o.id),
            esc(&o.text),
            esc(&o.id),
            names.links(&o.serves),
            if measures.is_empty() {
                String::new()
            } else {
                format!("<br>Measured by: {}", measures.join(", "))
            },
            item_assumptions(plan, names, &o.id)
        ));
    }
    b.push_str("</ul>\n<h3>Outputs</h3>\n<ul>\n");
    let counted = evaluation::output_rows(plan);
    for o in &plan.outputs {
        let count = counted
            .iter()
            .find(|r| r.output == o.id)
            .map_or(String::new(), |r| {
                format!(
                    "<br>{}: <a href=\"#outputs-delivered\" class=\"t\">{}</a>",
                    if r.latest.is_some() {
                        "Delivered"
                    } else {
                        "Target"
                    },
                    esc(&match (&r.latest, r.target) {
                        (None, Some(t)) if !r.unit.is_empty() => format!("{t} {}", r.unit),
                        (None, Some(t)) => t.to_string(),
                        _ => r.count(),
                    })
                )
            });
        b.push_str(&format!(
            "<li {}><span class=\"t\">{}</span> <span class=\"id\">({})</span><br>For: {}{count}{}</li>\n",
            names.at(&o.id),
            esc(&o.text),
            esc(&o.id),
            names.links(&o.serves),
            item_assumptions(plan, names, &o.id)
        ));
    }
    b.push_str("</ul>\n<h3>Activities</h3>\n<ul>\n");
    for a in &plan.activities {
        let mut more = String::new();
        if !a.resources.is_empty() {
            let rs: Vec<String> = a.resources.iter().map(|r| esc(r)).collect();
            more.push_str(&format!(
                "<br>Resources: <span class=\"t\">{}</span>",
                rs.join("; ")
            ));
        }
        if !a.barrier.trim().is_empty() {
            more.push_str(&format!(
                "<br>Barrier it acts on: <span class=\"t\">{}</span>",
                esc(&a.barrier)
            ));
        }
        if !a.responsible.is_empty() {
            more.push_str(&format!("<br>Responsible: {}", names.links(&a.responsible)));
        }
        if !a.partners.is_empty() {
            more.push_str(&format!("<br>Partners: {}", names.links(&a.partners)));
        }
        b.push_str(&format!(
            "<li {}><span class=\"t\">{}</span> <span class=\"id\">({})</span><br>For: {}{more}{}</li>\n",
            names.at(&a.id),
            esc(&a.text),
            esc(&a.id),
            names.links(&a.serves),
            item_assumptions(plan, names, &a.id)
        ));
    }
    b.push_str("</ul>\n</section>\n");
}

/// An id made safe as part of an anchor name (ids are slugs, but a hand-edited file's
/// need not be).
fn esc_anchor(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn assumptions(plan: &Plan, names: &Names, l: &layout::Layout, b: &mut String) {
    b.push_str("<section><h2 id=\"assumptions\">Assumptions on the links</h2>\n");
    if l.marked.is_empty() {
        b.push_str("<p>None: the assumptions, if any, are about single items, listed with them above.</p>\n");
    } else {
        b.push_str("<p>Numbered as the marks on the diagram's arrows.</p>\n<ol>\n");
    }
    for (id, from, to) in &l.marked {
        let Some(a) = plan.assumptions.iter().find(|a| a.id == *id) else {
            continue;
        };
        b.push_str(&format!(
            "<li {}>On {} → {}: <span class=\"t\">{}</span>{}{}</li>\n",
            names.at(id),
            names.link_any(from),
            names.link_any(to),
            esc(&a.text),
            verdict_note(plan, id),
            evidence(plan, names, id)
        ));
    }
    if !l.marked.is_empty() {
        b.push_str("</ol>\n");
    }
    b.push_str("</section>\n");
}

impl Names<'_> {
    /// An item of any kind by its id, shown as the id where it has no short text.
    fn link_any(&self, id: &str) -> String {
        let activity = self.plan.activities.iter().find(|a| a.id == id);
        match activity {
            Some(a) => match self.anchor.get(id) {
                Some(k) => format!("<a href=\"#item-{k}\" class=\"t\">{}</a>", esc(&a.text)),
                None => esc(id),
            },
            None => self.link(id),
        }
    }
}
