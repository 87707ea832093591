//! The plan: a Theory of Change as data. Links point forward (activity -> output ->
//! outcome -> goal); every item has a stable id, and references are by id.

use super::comments::Comments;
use super::values::{Date, Extra, Number};

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

/// The three groups that share responsibility for integration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Newcomers,
    ReceivingCommunity,
    Institutions,
}

impl Group {
    pub const ALL: [Group; 3] = [
        Group::Newcomers,
        Group::ReceivingCommunity,
        Group::Institutions,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Newcomers => "newcomers",
            Group::ReceivingCommunity => "receiving-community",
            Group::Institutions => "institutions",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stakeholder {
    pub id: String,
    pub name: String,
    pub group: Group,
    pub role: String,
    /// How they take part.
    pub involvement: String,
    /// Which of the guide's five agreements (`worksheet.toml`'s `[[agreement]]` ids) they
    /// have agreed to, in the guide's order.
    pub agreed: Vec<String>,
    pub extra: Extra,
    pub comments: Comments,
}

/// A short-term behavioural change that leads to the goal (or to another outcome).
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub text: String,
    /// `goal`, or ids of outcomes this one leads to.
    pub serves: Vec<String>,
    pub extra: Extra,
    pub comments: Comments,
}

/// A tangible, usually countable product or service.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub id: String,
    pub text: String,
    /// Ids of the outcomes it serves.
    pub serves: Vec<String>,
    /// How many are to be delivered ("48" sessions), counted by readings of the output.
    pub target: Option<Number>,
    /// What is counted: "sessions", "participants".
    pub unit: String,
    pub extra: Extra,
    pub comments: Comments,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: String,
    pub text: String,
    /// Ids of the outputs it serves.
    pub serves: Vec<String>,
    /// Funds, staff, equipment, curriculum, materials.
    pub resources: Vec<String>,
    /// The barrier to integration it acts on.
    pub barrier: String,
    /// Ids of the stakeholders responsible for it (one or more; the guide's shared
    /// responsibility). A file with one writes it as a string, as before.
    pub responsible: Vec<String>,
    /// Ids of stakeholders who take part without being responsible.
    pub partners: Vec<String>,
    pub extra: Extra,
    pub comments: Comments,
}

/// How an outcome is measured: an indicator from a bank, with the evaluation plan's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: String,
    pub outcome: String,
    pub indicator: String,
    /// Why this indicator (Exercise 2: "Which indicator have you chosen and why?").
    pub rationale: String,
    /// The groups it is read for ("women in the target group", "all residents of the
    /// ward"): integration is measured for newcomers and the receiving community alike.
    pub groups: Vec<String>,
    pub baseline: Option<Number>,
    pub target: Option<Number>,
    /// A target a number cannot say ("about a third of participants"), beside or instead
    /// of the number; progress is computed only from the number.
    pub target_text: String,
    /// The baseline and target are the gap between the first two groups (first minus
    /// second), so progress is parity: the gap closing.
    pub gap: bool,
    pub target_date: Option<Date>,
    pub method: String,
    pub sample: String,
    pub frequency: String,
    pub collected_by: String,
    /// How the data will be analysed (the evaluation template's analysis column).
    pub analysis: String,
    pub extra: Extra,
    pub comments: Comments,
}

/// What an assumption is about: one item, or the link from one item to what it serves.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum About {
    Item(String),
    Link { from: String, to: String },
}

/// "The barrier to integration in this case is ..."
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    pub id: String,
    pub about: About,
    pub text: String,
    pub extra: Extra,
    pub comments: Comments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    Qualitative,
    Statistical,
    Mixed,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Qualitative => "qualitative",
            EvidenceKind::Statistical => "statistical",
            EvidenceKind::Mixed => "mixed",
        }
    }

    pub fn parse(s: &str) -> Option<EvidenceKind> {
        match s {
            "qualitative" => Some(EvidenceKind::Qualitative),
            "statistical" => Some(EvidenceKind::Statistical),
            "mixed" => Some(EvidenceKind::Mixed),
            _ => None,
        }
    }
}

/// What the evidence says of its assumption (Step 2: "revise the assumption if the
/// evidence says otherwise").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    Supports,
    Contradicts,
    Untested,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Contradicts, Stance::Untested];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Contradicts => "contradicts",
            Stance::Untested => "untested",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub id: String,
    pub assumption: String,
    pub kind: Option<EvidenceKind>,
    pub stance: Option<Stance>,
    pub text: String,
    pub source: String,
    /// What the evidence cannot show (a small sample, one site, self-report).
    pub limitations: String,
    pub extra: Extra,
    pub comments: Comments,
}

/// One monitoring value of a measure (or a count of an output); identified by (measure,
/// group, date).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The id of the measure, or of the output when `output` is set.
    pub measure: String,
    /// A count of an output (`output = "id"` in the file) rather than a measure's value.
    pub output: bool,
    /// The comparison group it was read for, one of the measure's `groups`; empty for all.
    pub group: String,
    pub date: Date,
    pub value: Number,
    pub note: String,
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
