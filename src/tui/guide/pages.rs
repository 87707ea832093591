//! The guide panel's pages, one per topic, made from the worksheet's words: a column's
//! questions, a step, an assumption, a measure, the stakeholders, the context, the
//! barriers. Which page shows for what is focused is decided in `guide.rs`.

use super::Advice;
use crate::framework::Worksheet;

pub(super) fn column(ws: &Worksheet, id: &str) -> Advice {
    let Some(c) = ws.column(id) else {
        return Advice::new("Guide");
    };
    let backward = ws.backward(id).map(|q| q.question.clone());
    let prompts = c
        .prompts
        .iter()
        .filter(|p| **p != c.question)
        .cloned()
        .collect::<Vec<_>>();
    Advice::new(format!("Guide: {} {}", c.number, c.name))
        .part(&c.question, [c.definition.clone()])
        .part("Working backwards, ask", backward)
        .part("Then", prompts)
}

pub(super) fn step(ws: &Worksheet, id: &str, title: &str) -> Advice {
    Advice::new(title).part(
        "What the guide asks",
        ws.step(id)
            .into_iter()
            .flat_map(|s| [s.prompt.clone(), s.detail.clone()]),
    )
}

pub(super) fn advice_on(ws: &Worksheet, topic: &str) -> Vec<String> {
    ws.advice_on(topic).map(|a| a.text.clone()).collect()
}

pub(super) fn principle(ws: &Worksheet, id: &str) -> Vec<String> {
    ws.principles
        .iter()
        .filter(|p| p.id == id)
        .flat_map(|p| {
            [
                p.meaning.clone(),
                format!("A plan shows: {}", p.plan_should_show),
            ]
        })
        .collect()
}

/// An activity's barrier is a barrier to integration (the assumption's framing): that
/// advice comes first. The guide's table of barriers is of barriers to planning this way
/// (to using the framework), so it comes after, titled as what it is.
pub(super) fn barriers(ws: &Worksheet) -> Advice {
    let mut advice = Advice::new("Guide: an activity's barrier to integration");
    advice.parts.extend(step(ws, "assumptions", "").parts);
    advice.part(
        "Barriers to planning this way (the guide's table), and a way round each",
        ws.barriers
            .iter()
            .map(|b| format!("{}: {} Plan: {}", b.name, b.challenge, b.plan_around)),
    )
}

pub(super) fn assumption(ws: &Worksheet, link: bool) -> Advice {
    let advice = if link {
        Advice::new("Guide: an assumption on a link").part(
            "What the guide asks",
            ws.key_questions
                .iter()
                .filter(|q| q.number == 4)
                .map(|q| q.text.clone())
                .chain([
                    "Say why this output should bring about this outcome, for these people, here."
                        .to_string(),
                ]),
        )
    } else {
        step(ws, "assumptions", "Guide: an assumption (step 1)")
    };
    advice.part("Assumptions and their data", advice_on(ws, "assumptions"))
}

pub(super) fn measure(ws: &Worksheet, column: Option<&str>) -> Advice {
    let (title, topic) = match column {
        Some("indicator") => ("Guide: choosing an indicator (step 4)", "choosing-measures"),
        Some("method") => ("Guide: how data is collected", "data-collection"),
        Some("sample") => ("Guide: samples", "sampling"),
        Some("frequency") => ("Guide: how often", "planning"),
        Some("analysis") => ("Guide: how the data will be analysed", "analysis"),
        Some(_) => ("Guide: who collects the data", "data-collection"),
        None => ("Guide: baseline and target (step 4)", "measuring-change"),
    };
    let col = column.and_then(|id| ws.evaluation_columns.iter().find(|c| c.id == id));
    let mut advice = match (col, column) {
        (Some(c), Some(id)) if id != "indicator" => {
            Advice::new(title).part(&c.name, [c.description.clone()])
        }
        _ => step(ws, "targets", title),
    };
    if column == Some("indicator") {
        advice = advice.part(
            "Working backwards, ask",
            ws.backward("intermediate-outcomes")
                .filter(|q| q.number == 5)
                .map(|q| q.question.clone()),
        );
    }
    advice.part("Advice", advice_on(ws, topic))
}

pub(super) fn stakeholders(ws: &Worksheet) -> Advice {
    Advice::new("Guide: working with stakeholders (step 3)")
        .part(
            "Including everyone",
            ws.stakeholder_advice.iter().map(|a| a.text.clone()),
        )
        .part(
            "Five things to agree",
            ws.agreements
                .iter()
                .map(|a| format!("{}. {}: {}", a.number, a.name, a.prompt)),
        )
        .part(
            "Three groups share responsibility",
            ws.stakeholder_groups
                .iter()
                .map(|g| format!("{}: {}", g.name, g.description)),
        )
}

pub(super) fn context(ws: &Worksheet, key_domains: bool) -> Advice {
    let prompts = ws.key_domain_prompts.iter().map(|p| p.prompt.clone());
    let backward = ws.backward("context").map(|q| q.question.clone());
    let advice = Advice::new("Guide: the plan's context (Exercise 1)");
    let advice = if key_domains {
        advice
            .part("Thinking with the framework", prompts)
            .part("Working backwards, ask", backward)
    } else {
        advice
            .part("Working backwards, ask", backward)
            .part("Thinking with the framework", prompts)
    };
    advice.part("Context specific", principle(ws, "context-specific"))
}
