//! Generated plans of any size, for tests and benchmarks of large plans: a goal, then
//! outcomes, outputs and activities in the proportions of a real plan (1 : 2 : 2), each
//! linked to what it serves, with measures on the outcomes.

use super::comments::Comments;
use super::model::*;
use super::values::{Extra, Number};

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

/// A valid plan with about `items` outcomes, outputs and activities together.
pub fn plan(items: usize) -> Plan {
    let per = (items / 5).max(1);
    let mut p = Plan::new(&format!("Generated plan of {items} items"));
    p.goal.text = "Everyone in the generated town feels they belong".into();
    let item = |id: String, text: String, serves: Vec<String>| (id, text, serves);
    for i in 0..per {
        let (id, text, serves) = item(format!("outcome-{i}"), text(i, 8), vec![GOAL_ID.into()]);
        p.outcomes.push(Outcome {
            id,
            text,
            serves,
            extra: Extra::new(),
            comments: Comments::default(),
        });
        p.measures.push(Measure {
            id: format!("measure-{i}"),
            outcome: format!("outcome-{i}"),
            indicator: "social-bridges.ask-neighbours-for-help".into(),
            baseline: Some(Number::Int(10)),
            target: Some(Number::Int(40)),
            target_date: None,
            method: "Survey".into(),
            sample: String::new(),
            frequency: "Yearly".into(),
            collected_by: "Team".into(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
    }
    for i in 0..2 * per {
        let (id, text, serves) = item(
            format!("output-{i}"),
            text(i + 1, 10),
            vec![format!("outcome-{}", i / 2)],
        );
        p.outputs.push(Output {
            id,
            text,
            serves,
            extra: Extra::new(),
            comments: Comments::default(),
        });
    }
    for i in 0..2 * per {
        p.activities.push(Activity {
            id: format!("activity-{i}"),
            text: text(i + 2, 12),
            serves: vec![format!("output-{i}")],
            resources: vec!["Staff: coordinator".into()],
            barrier: String::new(),
            responsible: None,
            extra: Extra::new(),
            comments: Comments::default(),
        });
    }
    p
}
