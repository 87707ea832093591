//! Generated plans of any size, for tests and benchmarks of large plans: a goal, then
//! outcomes, outputs and activities in the proportions of a real plan (1 : 2 : 2), each
//! linked to what it serves, with measures on the outcomes.

use super::comments::Comments;
use super::model::*;
use super::values::{Date, Extra, Number};

const WORDS: [&str; 16] = [
    "newcomers",
    "residents",
    "meet",
    "regularly",
    "language",
    "café",
    "volunteers",
    "classes",
    "confidence",
    "neighbours",
    "work",
    "school",
    "health",
    "safety",
    "friends",
    "trust",
];

fn text(i: usize, n: usize) -> String {
    let words: Vec<&str> = (0..n)
        .map(|k| WORDS[(i * 7 + k * 3) % WORDS.len()])
        .collect();
    format!("Item {i}: {}", words.join(" "))
}

/// About `bytes` of prose, in lines of about 70 characters with a blank line between
/// paragraphs of eight lines (or, with `lines` false, as one long line): a large field,
/// for measuring what a big value costs to edit and draw.
pub fn long_text(bytes: usize, lines: bool) -> String {
    let mut out = String::with_capacity(bytes + 80);
    let (mut line, mut row, mut k) = (0, 0, 0);
    while out.len() < bytes {
        let w = WORDS[(k * 5 + row) % WORDS.len()];
        k += 1;
        if line > 0 {
            out.push(' ');
        }
        out.push_str(w);
        line += w.len() + 1;
        if lines && line >= 70 {
            out.push('\n');
            row += 1;
            line = 0;
            if row % 8 == 0 {
                out.push('\n');
            }
        }
    }
    out.trim().to_string()
}

/// Real indicators from several domains, categories and perspectives, so a generated
/// plan passes review as a well-made one would.
const INDICATORS: [&str; 8] = [
    "language-and-communication.practice-outside-classes",
    "social-bridges.ask-neighbours-for-help",
    "work.in-paid-work",
    "education.college-completion",
    "leisure.mixed-leisure",
    "digital-skills.essential-digital-skills",
    "social-links.referrals-taken-up",
    "stability.lasting-friendship",
];

const GROUPS: [Group; 3] = [
    Group::Newcomers,
    Group::ReceivingCommunity,
    Group::Institutions,
];

/// A valid plan with `items` outcomes, outputs and activities together (at least 5),
/// each linked to what it serves, with the stakeholders, assumptions, evidence,
/// measures and readings a finished plan has: it passes review with advice only.
pub fn plan(items: usize) -> Plan {
    let per = (items / 5).max(1);
    // Activities take what is left over, so the total is exactly `items` from 5 up.
    let activities = items.saturating_sub(3 * per).max(2 * per);
    let mut p = Plan::new(&format!("Generated plan of {items} items"));
    p.goal.text = "Everyone in the generated town feels they belong".into();
    p.goal.impact_evidence = "The town's yearly residents' survey".into();
    p.context.problem = "Newcomers and long-standing residents rarely meet".into();
    p.context.place = "A generated town".into();
    p.context.start = Date::new(2026, 1, 1);
    p.context.end = Date::new(2027, 12, 31);
    p.context.key_domains = vec![7, 9];
    let people = (per / 10).max(3);
    for i in 0..people {
        p.stakeholders.push(Stakeholder {
            id: format!("stakeholder-{i}"),
            name: format!("Stakeholder {i}"),
            group: GROUPS[i % GROUPS.len()],
            role: text(i, 6),
            involvement: "Monthly steering group".into(),
            agreed: Vec::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
    }
    for i in 0..per {
        let id = format!("outcome-{i}");
        p.outcomes.push(Outcome {
            id: id.clone(),
            text: text(i, 8),
            serves: vec![GOAL_ID.into()],
            extra: Extra::new(),
            comments: Comments::default(),
        });
        p.assumptions.push(Assumption {
            id: format!("assumption-{i}"),
            about: About::Link {
                from: id.clone(),
                to: GOAL_ID.into(),
            },
            text: text(i + 3, 10),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        p.evidence.push(Evidence {
            id: format!("evidence-{i}"),
            assumption: format!("assumption-{i}"),
            kind: Some(if i % 2 == 0 {
                EvidenceKind::Qualitative
            } else {
                EvidenceKind::Statistical
            }),
            stance: Some(Stance::Supports),
            text: text(i + 5, 12),
            source: "Local evaluation report".into(),
            limitations: String::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        // Two measures each, so even the smallest plan measures more than one domain.
        for m in [2 * i, 2 * i + 1] {
            p.measures.push(Measure {
                id: format!("measure-{m}"),
                outcome: id.clone(),
                indicator: INDICATORS[m % INDICATORS.len()].into(),
                rationale: "The outcome's own behaviour, asked directly".into(),
                groups: Vec::new(),
                baseline: Some(Number::Int(10)),
                target: Some(Number::Int(40)),
                target_text: String::new(),
                gap: false,
                target_date: p.context.end,
                method: "Survey".into(),
                sample: "Everyone who takes part".into(),
                frequency: "Yearly".into(),
                collected_by: "Team".into(),
                analysis: String::new(),
                extra: Extra::new(),
                comments: Comments::default(),
            });
        }
        if let Some(date) = Date::new(2026, 6, 1)
            && i % 2 == 0
        {
            p.readings.push(Reading {
                measure: format!("measure-{}", 2 * i),
                output: false,
                group: String::new(),
                date,
                value: Number::Int(12 + (i % 20) as i64),
                note: String::new(),
                extra: Extra::new(),
                comments: Comments::default(),
            });
        }
    }
    for i in 0..2 * per {
        p.outputs.push(Output {
            id: format!("output-{i}"),
            text: text(i + 1, 10),
            serves: vec![format!("outcome-{}", i / 2)],
            target: None,
            unit: String::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
    }
    for i in 0..activities {
        p.activities.push(Activity {
            id: format!("activity-{i}"),
            text: text(i + 2, 12),
            serves: vec![format!("output-{}", i % (2 * per))],
            resources: vec!["Staff: coordinator".into()],
            barrier: String::new(),
            responsible: vec![format!("stakeholder-{}", i % people)],
            partners: Vec::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
    }
    p
}

#[cfg(test)]
mod tests {
    use crate::framework::Framework;
    use crate::plan::Severity;
    use crate::plan::review::review;

    #[test]
    fn generated_plans_have_the_size_asked_and_pass_review() {
        let fw = Framework::builtin().expect("framework");
        for items in [5, 7, 100, 1_001] {
            let plan = super::plan(items);
            let n = plan.outcomes.len() + plan.outputs.len() + plan.activities.len();
            assert_eq!(n, items);
            let text = crate::plan::to_toml(&plan);
            let loaded = crate::plan::parse_str(&text, std::path::Path::new("g.toml"))
                .expect("a generated plan loads");
            assert!(crate::plan::validate(&loaded.plan, &fw, &loaded.source).is_empty());
            let serious: Vec<_> = review(&loaded.plan, &fw)
                .into_iter()
                .filter(|f| f.severity != Severity::Advice)
                .collect();
            assert!(serious.is_empty(), "{items} items: {serious:?}");
        }
    }
}
