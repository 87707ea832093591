//! The plan: a Theory of Change as data. Links point forward (activity -> output ->
//! outcome -> goal); every item has a stable id, and references are by id. This file holds
//! the plan as a whole (context, goal, waivers) and its ids; the chain's items are
//! `model/chain.rs`, assumptions and evidence `model/assumptions.rs`, measures and readings
//! `model/monitoring.rs`.

use super::comments::Comments;
use super::values::{Date, Extra};

mod assumptions;
mod chain;
mod monitoring;

pub use assumptions::*;
pub use chain::*;
pub use monitoring::*;

/// The reserved id of the plan's one goal, used in outcome links and assumptions.
pub const GOAL_ID: &str = "goal";

/// The schema version this tocplan reads and writes.
pub const SCHEMA: i64 = 1;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub title: String,
    pub context: Context,
    pub goal: Goal,
    pub stakeholders: Vec<Stakeholder>,
    pub outcomes: Vec<Outcome>,
    pub outputs: Vec<Output>,
    pub activities: Vec<Activity>,
    pub measures: Vec<Measure>,
    pub assumptions: Vec<Assumption>,
    pub evidence: Vec<Evidence>,
    pub readings: Vec<Reading>,
    /// Review rules the team has switched off, each with its reason.
    pub waivers: Vec<Waiver>,
    /// Top-level keys and tables this version does not know, kept in file order.
    pub extra: Extra,
    /// Comments on the top-level keys (including the file's opening comment).
    pub comments: Comments,
    /// Comment lines after the last table.
    pub trailing_comments: Vec<String>,
}

/// The integration problem and where and when the work happens (the guide's Exercise 1).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Context {
    pub problem: String,
    pub place: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Domain numbers (1-14): one Facilitator, one Social Connection, one Marker and Means.
    pub key_domains: Vec<u8>,
    /// The rights and responsibilities at stake.
    pub rights: String,
    pub extra: Extra,
    pub comments: Comments,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Goal {
    pub text: String,
    /// What would count as evidence of long-term impact.
    pub impact_evidence: String,
    pub extra: Extra,
    pub comments: Comments,
}

/// A review rule switched off on purpose: the reason stays in the file, and the review
/// still shows what the rule found, marked as waived.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiver {
    /// The rule's id, as the review names it (`social-connections`).
    pub rule: String,
    pub reason: String,
    pub extra: Extra,
    pub comments: Comments,
}

/// The kinds of item that carry an id, for messages and lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Goal,
    Stakeholder,
    Outcome,
    Output,
    Activity,
    Measure,
    Assumption,
    Evidence,
}

impl Kind {
    /// The table name in the file (`[[outcome]]`).
    pub fn table(self) -> &'static str {
        match self {
            Kind::Goal => "goal",
            Kind::Stakeholder => "stakeholder",
            Kind::Outcome => "outcome",
            Kind::Output => "output",
            Kind::Activity => "activity",
            Kind::Measure => "measure",
            Kind::Assumption => "assumption",
            Kind::Evidence => "evidence",
        }
    }

    /// The word a planner reads in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Outcome => "intermediate outcome",
            other => other.table(),
        }
    }
}

impl Plan {
    /// An empty plan with a title, as `tocplan new` writes it.
    pub fn new(title: &str) -> Plan {
        Plan {
            title: title.to_string(),
            ..Plan::default()
        }
    }

    /// Which kind of item an id names, if any (the first, if an id is duplicated).
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        self.ids().find(|(_, i)| *i == id).map(|(k, _)| k)
    }

    /// Every link as (from, to): outcomes, outputs and activities to what they serve.
    pub fn links(&self) -> impl Iterator<Item = (&str, &str)> {
        self.outcomes
            .iter()
            .map(|o| (&o.id, &o.serves))
            .chain(self.outputs.iter().map(|o| (&o.id, &o.serves)))
            .chain(self.activities.iter().map(|a| (&a.id, &a.serves)))
            .flat_map(|(id, serves)| serves.iter().map(move |s| (id.as_str(), s.as_str())))
    }

    /// Every id in the plan with its kind, in file order (the goal first).
    pub fn ids(&self) -> impl Iterator<Item = (Kind, &str)> {
        std::iter::once((Kind::Goal, GOAL_ID))
            .chain(
                self.stakeholders
                    .iter()
                    .map(|x| (Kind::Stakeholder, x.id.as_str())),
            )
            .chain(self.outcomes.iter().map(|x| (Kind::Outcome, x.id.as_str())))
            .chain(self.outputs.iter().map(|x| (Kind::Output, x.id.as_str())))
            .chain(
                self.activities
                    .iter()
                    .map(|x| (Kind::Activity, x.id.as_str())),
            )
            .chain(self.measures.iter().map(|x| (Kind::Measure, x.id.as_str())))
            .chain(
                self.assumptions
                    .iter()
                    .map(|x| (Kind::Assumption, x.id.as_str())),
            )
            .chain(
                self.evidence
                    .iter()
                    .map(|x| (Kind::Evidence, x.id.as_str())),
            )
    }

    /// A new id for an item with this text: its first whole words, short, made unique.
    pub fn new_id(&self, text: &str, fallback: &str) -> String {
        let base = match crate::text::id_from_words(text, 28) {
            s if s.is_empty() => fallback.to_string(),
            s => s,
        };
        let taken = |id: &str| self.ids().any(|(_, i)| i == id);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    /// Number of items with an id (stakeholders, outcomes, outputs, activities, measures,
    /// assumptions, evidence), plus readings.
    pub fn item_count(&self) -> usize {
        self.stakeholders.len()
            + self.outcomes.len()
            + self.outputs.len()
            + self.activities.len()
            + self.measures.len()
            + self.assumptions.len()
            + self.evidence.len()
            + self.readings.len()
            + self.waivers.len()
    }
}
