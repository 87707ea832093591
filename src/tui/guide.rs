//! The guide panel's advice for what is focused: the pane's question and its backward
//! questions, the barriers table while writing a barrier, the inclusion advice in the
//! stakeholders form, the evaluation advice in the evaluation view, the step a finding
//! belongs to in the review. A pure function of the state: render draws it, tests read it.

use super::app::{App, EditTarget, Form, Layer, Overlay, Pane};
use crate::plan::{About, Field, GOAL_ID, Kind};

mod pages;
use pages::*;

/// What the panel shows: a title and parts, each a heading and its lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Advice {
    pub title: String,
    pub parts: Vec<(String, Vec<String>)>,
}

impl Advice {
    fn new(title: impl Into<String>) -> Advice {
        Advice {
            title: title.into(),
            parts: Vec::new(),
        }
    }

    fn part(mut self, heading: &str, lines: impl IntoIterator<Item = String>) -> Advice {
        let lines: Vec<String> = lines.into_iter().collect();
        if !lines.is_empty() {
            self.parts.push((heading.to_string(), lines));
        }
        self
    }

    /// A fingerprint of the advice: the panel's page is kept only while it is unchanged.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }

    /// Every line, headings included, for a test to read.
    #[cfg(test)]
    pub fn text(&self) -> String {
        let mut out = vec![self.title.clone()];
        for (heading, lines) in &self.parts {
            out.push(heading.clone());
            out.extend(lines.iter().cloned());
        }
        out.join("\n")
    }
}

/// What the advice is about: worked out from the top layer, then worded from the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Topic {
    Column(&'static str),
    Resources,
    Barrier,
    Responsible,
    Assumption {
        link: bool,
    },
    Evidence,
    /// A measure's field, by the evaluation plan's column it fills (`None`: baseline,
    /// target, date).
    Measure(Option<&'static str>),
    Progress,
    Stakeholders,
    Context {
        key_domains: bool,
    },
    Finding(Option<usize>),
    Evaluation,
}

pub fn advice(app: &App) -> Advice {
    let ws = &app.fw().worksheet;
    match topic(app) {
        Topic::Column(id) => column(ws, id),
        Topic::Resources => column(ws, "activities").part(
            "Resources",
            ws.barriers
                .iter()
                .filter(|b| b.id == "resources")
                .map(|b| b.plan_around.clone()),
        ),
        Topic::Barrier => barriers(ws),
        Topic::Responsible => Advice::new("Guide: who is responsible")
            .part(
                "Agree with stakeholders",
                ws.agreements
                    .iter()
                    .filter(|a| a.id == "responsibility" || a.id == "actions")
                    .map(|a| format!("{}: {}", a.name, a.prompt)),
            )
            .part(
                "Shared responsibility",
                principle(ws, "shared-responsibility"),
            ),
        Topic::Assumption { link } => assumption(ws, link),
        Topic::Evidence => step(ws, "evidence", "Guide: evidence (step 2)")
            .part("Evidence and data", advice_on(ws, "assumptions")),
        Topic::Measure(column) => measure(ws, column),
        Topic::Progress => Advice::new("Guide: reading progress")
            .part("Measuring change", advice_on(ws, "measuring-change"))
            .part("Analysis", advice_on(ws, "analysis")),
        Topic::Stakeholders => stakeholders(ws),
        Topic::Context { key_domains } => context(ws, key_domains),
        Topic::Finding(at) => finding(app, at),
        Topic::Evaluation => step(ws, "evaluation", "Guide: the evaluation plan (step 6)")
            .part(
                "Its columns",
                ws.evaluation_columns
                    .iter()
                    .map(|c| format!("{}: {}", c.name, c.description)),
            )
            .part("Planning it", advice_on(ws, "planning"))
            .part("Analysis", advice_on(ws, "analysis")),
    }
}

fn topic(app: &App) -> Topic {
    // What the keys are on: the topmost layer that is about something in the plan (help,
    // a prompt or a question over it leave the advice as it was).
    for layer in app.layers().iter().rev() {
        match layer {
            Layer::Editor(ed) => return edit_topic(app, &ed.target),
            Layer::Choice(c) => return field_topic(app, &c.field),
            Layer::Picker(_) => return Topic::Measure(Some("indicator")),
            Layer::Overlay { overlay, cursor } => match overlay {
                Overlay::Form(form) => return form_topic(app, form, cursor.at()),
                Overlay::Review => return Topic::Finding(Some(cursor.at())),
                Overlay::Evaluation => return Topic::Evaluation,
                Overlay::Help | Overlay::Changes { .. } => {}
            },
            Layer::Prompt(..) | Layer::Question(_) => {}
        }
    }
    pane_topic(app.pane)
}

fn pane_topic(pane: Pane) -> Topic {
    Topic::Column(pane_column(pane))
}

fn pane_column(pane: Pane) -> &'static str {
    match pane {
        super::app::GOAL => "goal",
        super::app::OUTCOMES => "intermediate-outcomes",
        super::app::OUTPUTS => "outputs",
        _ => "activities",
    }
}

fn kind_column(kind: Kind) -> &'static str {
    match kind {
        Kind::Outcome | Kind::Measure => "intermediate-outcomes",
        Kind::Output => "outputs",
        Kind::Activity => "activities",
        _ => "goal",
    }
}

fn edit_topic(app: &App, target: &EditTarget) -> Topic {
    match target {
        EditTarget::Goal => Topic::Column("goal"),
        EditTarget::NewOutcome => Topic::Column("intermediate-outcomes"),
        EditTarget::NewOutput { .. } => Topic::Column("outputs"),
        EditTarget::NewActivity { .. } => Topic::Column("activities"),
        EditTarget::Text { id } => {
            Topic::Column(kind_column(app.plan().kind_of(id).unwrap_or(Kind::Goal)))
        }
        EditTarget::NewAssumption { about } => Topic::Assumption {
            link: matches!(about, About::Link { .. }),
        },
        EditTarget::NewEvidence { .. } => Topic::Evidence,
        EditTarget::NewStakeholder => Topic::Stakeholders,
        EditTarget::NewReading { .. } => Topic::Progress,
        EditTarget::Field(f) => field_topic(app, f),
    }
}

fn field_topic(app: &App, field: &Field) -> Topic {
    let p = app.plan();
    match field {
        Field::Title | Field::Problem | Field::Place | Field::Start | Field::End => {
            Topic::Context { key_domains: false }
        }
        Field::KeyDomains | Field::Rights => Topic::Context { key_domains: true },
        Field::GoalText | Field::ImpactEvidence => Topic::Column("goal"),
        Field::Text(id) => Topic::Column(kind_column(p.kind_of(id).unwrap_or(Kind::Goal))),
        Field::Resources(_) => Topic::Resources,
        Field::Barrier(_) => Topic::Barrier,
        Field::Responsible(_) | Field::Partners(_) => Topic::Responsible,
        // An output is "tangible, usually countable": its count is the pane's own question.
        Field::OutputTarget(_) | Field::OutputUnit(_) => Topic::Column("outputs"),
        Field::AssumptionText(id) => Topic::Assumption {
            link: p
                .assumptions
                .iter()
                .any(|a| a.id == *id && matches!(a.about, About::Link { .. })),
        },
        Field::EvidenceText(_)
        | Field::EvidenceSource(_)
        | Field::EvidenceKind(_)
        | Field::EvidenceStance(_)
        | Field::EvidenceLimitations(_) => Topic::Evidence,
        Field::StakeholderName(_)
        | Field::StakeholderGroup(_)
        | Field::StakeholderRole(_)
        | Field::StakeholderInvolvement(_)
        | Field::StakeholderAgreed(_) => Topic::Stakeholders,
        // "Which indicator have you chosen and why?": the rationale is the choice's advice.
        Field::MeasureIndicator(_) | Field::MeasureRationale(_) => {
            Topic::Measure(Some("indicator"))
        }
        Field::MeasureAnalysis(_) => Topic::Measure(Some("analysis")),
        Field::MeasureMethod(_) => Topic::Measure(Some("method")),
        Field::MeasureSample(_) => Topic::Measure(Some("sample")),
        Field::MeasureFrequency(_) => Topic::Measure(Some("frequency")),
        Field::MeasureCollectedBy(_) => Topic::Measure(Some("who")),
        // Groups, gaps and targets in words are the guide's "measuring change".
        Field::MeasureBaseline(_)
        | Field::MeasureTarget(_)
        | Field::MeasureTargetText(_)
        | Field::MeasureGap(_)
        | Field::MeasureGroups(_)
        | Field::MeasureTargetDate(_) => Topic::Measure(None),
    }
}

fn form_topic(app: &App, form: &Form, at: usize) -> Topic {
    match form {
        Form::Stakeholders => Topic::Stakeholders,
        Form::Context => {
            let rows = super::form::rows(app.plan(), app.fw(), form);
            match rows.get(at).and_then(|r| r.field.as_ref()) {
                Some(f) => field_topic(app, f),
                None => Topic::Context { key_domains: false },
            }
        }
        Form::Item(id) => {
            let rows = super::form::rows(app.plan(), app.fw(), form);
            let kind = app.plan().kind_of(id).unwrap_or(Kind::Goal);
            match rows.get(at) {
                Some(row) if row.link.is_some() => Topic::Assumption { link: true },
                Some(row) => match &row.field {
                    Some(f) => field_topic(app, f),
                    // The measure's progress row.
                    None => Topic::Progress,
                },
                None if id == GOAL_ID => Topic::Column("goal"),
                None => Topic::Column(kind_column(kind)),
            }
        }
    }
}

fn finding(app: &App, at: Option<usize>) -> Advice {
    let ws = &app.fw().worksheet;
    let ordered = super::update::ordered_findings(app.findings());
    let Some(f) = at.and_then(|i| ordered.get(i)) else {
        return Advice::new("Guide: the five key questions")
            .part("", ws.key_questions.iter().map(|q| q.text.clone()));
    };
    let reason = ws.review_reason(f.rule);
    let step = reason
        .and_then(|r| r.step.as_deref())
        .and_then(|id| ws.step(id));
    let mut advice = match step {
        Some(s) => Advice::new(format!("Guide: step {} {}", s.number, s.name))
            .part("What the guide asks", [s.prompt.clone(), s.detail.clone()]),
        None => Advice::new("Guide: why the review asks this"),
    };
    if let Some(r) = reason {
        advice = advice.part(
            "Why",
            [r.reason.clone(), format!("From: {}", r.grounded_in)],
        );
    }
    if f.rule == "key-domains" {
        advice = advice.part(
            "Thinking with the framework",
            ws.key_domain_prompts.iter().map(|p| p.prompt.clone()),
        );
    }
    advice
}
