//! Every field a planner edits as text, read and written one way, so the app's forms (and
//! anything else) can edit a plan without knowing its structure. Values are checked here:
//! a bad date, an unknown domain or group is refused with what to write instead.

use super::comments::Comments;
use super::model::*;
use super::values::{Date, Extra};
use crate::framework::Framework;

/// A field of the plan, by the item it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Problem,
    Place,
    Start,
    End,
    KeyDomains,
    Rights,
    GoalText,
    ImpactEvidence,
    /// The text of an outcome, output or activity.
    Text(String),
    Resources(String),
    Barrier(String),
    Responsible(String),
    AssumptionText(String),
    EvidenceText(String),
    EvidenceSource(String),
    EvidenceKind(String),
    StakeholderName(String),
    StakeholderGroup(String),
    StakeholderRole(String),
    StakeholderInvolvement(String),
}

/// How a field is written, which decides how it is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line of text.
    Line,
    /// Text that may run over several lines.
    Prose,
    /// A list, one entry per line.
    List,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Domain numbers or names, separated by commas.
    Domains,
    /// One of a fixed set of values (see `Plan::choices`).
    Choice,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("`{0}` is not in this plan any more")]
    Missing(String),
    #[error("{0}")]
    BadDate(String),
    #[error("the end ({end}) would come before the start ({start}); change one of them")]
    DateOrder { start: Date, end: Date },
    #[error("`{0}` is not a domain; write numbers 1-14 or names, e.g. 9, social bridges, work")]
    BadDomain(String),
    #[error(
        "`{0}` is not a stakeholder group; choose newcomers, receiving-community or institutions"
    )]
    BadGroup(String),
    #[error("`{0}` is not a kind of evidence; choose qualitative or statistical")]
    BadEvidenceKind(String),
    #[error("`{0}` is not a stakeholder in this plan; add them first (S)")]
    BadStakeholder(String),
    #[error("{0} cannot be empty")]
    Empty(&'static str),
}

impl Field {
    /// The label a planner reads beside the value.
    pub fn label(&self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Problem => "Integration problem",
            Field::Place => "Place",
            Field::Start => "Start",
            Field::End => "End",
            Field::KeyDomains => "Key domains",
            Field::Rights => "Rights and responsibilities",
            Field::GoalText | Field::Text(_) => "Text",
            Field::ImpactEvidence => "Evidence of long-term impact",
            Field::Resources(_) => "Resources",
            Field::Barrier(_) => "Barrier",
            Field::Responsible(_) => "Responsible",
            Field::AssumptionText(_) => "Assumption",
            Field::EvidenceText(_) => "Evidence",
            Field::EvidenceSource(_) => "Source",
            Field::EvidenceKind(_) => "Kind",
            Field::StakeholderName(_) => "Name",
            Field::StakeholderGroup(_) => "Group",
            Field::StakeholderRole(_) => "Role",
            Field::StakeholderInvolvement(_) => "How they take part",
        }
    }

    pub fn shape(&self) -> Shape {
        match self {
            Field::Problem | Field::Rights | Field::ImpactEvidence => Shape::Prose,
            Field::EvidenceText(_) => Shape::Prose,
            Field::Resources(_) => Shape::List,
            Field::Start | Field::End => Shape::Date,
            Field::KeyDomains => Shape::Domains,
            Field::Responsible(_) | Field::StakeholderGroup(_) | Field::EvidenceKind(_) => {
                Shape::Choice
            }
            _ => Shape::Line,
        }
    }

    /// The id of the item the field belongs to; `None` for the plan's own fields.
    pub fn owner(&self) -> Option<&str> {
        match self {
            Field::Title
            | Field::Problem
            | Field::Place
            | Field::Start
            | Field::End
            | Field::KeyDomains
            | Field::Rights => None,
            Field::GoalText | Field::ImpactEvidence => Some(GOAL_ID),
            Field::Text(id)
            | Field::Resources(id)
            | Field::Barrier(id)
            | Field::Responsible(id)
            | Field::AssumptionText(id)
            | Field::EvidenceText(id)
            | Field::EvidenceSource(id)
            | Field::EvidenceKind(id)
            | Field::StakeholderName(id)
            | Field::StakeholderGroup(id)
            | Field::StakeholderRole(id)
            | Field::StakeholderInvolvement(id) => Some(id),
        }
    }

    /// Fields that must keep some text.
    fn required(&self) -> bool {
        matches!(
            self,
            Field::Title
                | Field::GoalText
                | Field::Text(_)
                | Field::AssumptionText(_)
                | Field::EvidenceText(_)
                | Field::StakeholderName(_)
        )
    }
}

fn date_text(d: Option<Date>) -> String {
    d.map_or(String::new(), |d| d.to_string())
}

impl Plan {
    /// A field's value as text to edit (lists one entry per line); `None` when its item
    /// is gone.
    pub fn field(&self, f: &Field) -> Option<String> {
        let c = &self.context;
        Some(match f {
            Field::Title => self.title.clone(),
            Field::Problem => c.problem.clone(),
            Field::Place => c.place.clone(),
            Field::Start => date_text(c.start),
            Field::End => date_text(c.end),
            Field::KeyDomains => c
                .key_domains
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Field::Rights => c.rights.clone(),
            Field::GoalText => self.goal.text.clone(),
            Field::ImpactEvidence => self.goal.impact_evidence.clone(),
            Field::Text(id) => self.item_text(id)?,
            Field::Resources(id) => self.activity(id)?.resources.join("\n"),
            Field::Barrier(id) => self.activity(id)?.barrier.clone(),
            Field::Responsible(id) => self.activity(id)?.responsible.clone().unwrap_or_default(),
            Field::AssumptionText(id) => {
                self.assumptions.iter().find(|a| a.id == *id)?.text.clone()
            }
            Field::EvidenceText(id) => self.evidence_item(id)?.text.clone(),
            Field::EvidenceSource(id) => self.evidence_item(id)?.source.clone(),
            Field::EvidenceKind(id) => self
                .evidence_item(id)?
                .kind
                .map_or(String::new(), |k| k.as_str().to_string()),
            Field::StakeholderName(id) => self.stakeholder(id)?.name.clone(),
            Field::StakeholderGroup(id) => self.stakeholder(id)?.group.as_str().to_string(),
            Field::StakeholderRole(id) => self.stakeholder(id)?.role.clone(),
            Field::StakeholderInvolvement(id) => self.stakeholder(id)?.involvement.clone(),
        })
    }

    /// The values a choice field can take, as (value, label); the empty value clears it.
    pub fn choices(&self, f: &Field) -> Vec<(String, String)> {
        let pair = |v: &str, l: &str| (v.to_string(), l.to_string());
        match f {
            Field::Responsible(_) => std::iter::once(pair("", "(nobody named yet)"))
                .chain(
                    self.stakeholders
                        .iter()
                        .map(|s| (s.id.clone(), format!("{} ({})", s.name, s.group.as_str()))),
                )
                .collect(),
            Field::StakeholderGroup(_) => Group::ALL
                .iter()
                .map(|g| pair(g.as_str(), &g.as_str().replace('-', " ")))
                .collect(),
            Field::EvidenceKind(_) => vec![
                pair("", "(not said)"),
                pair("qualitative", "qualitative"),
                pair("statistical", "statistical"),
            ],
            _ => Vec::new(),
        }
    }

    /// Sets a field from text, checking it; on error the plan is unchanged.
    pub fn set_field(&mut self, f: &Field, text: &str, fw: &Framework) -> Result<(), FieldError> {
        let text = match f.shape() {
            Shape::Prose | Shape::List => text.trim().to_string(),
            _ => text.split_whitespace().collect::<Vec<_>>().join(" "),
        };
        if text.is_empty() && f.required() {
            return Err(FieldError::Empty(f.label()));
        }
        let missing = |id: &String| FieldError::Missing(id.clone());
        match f {
            Field::Title => self.title = text,
            Field::Problem => self.context.problem = text,
            Field::Place => self.context.place = text,
            Field::Start | Field::End => {
                let date = match text.as_str() {
                    "" => None,
                    t => Some(t.parse::<Date>().map_err(FieldError::BadDate)?),
                };
                let (start, end) = match f {
                    Field::Start => (date, self.context.end),
                    _ => (self.context.start, date),
                };
                if let (Some(start), Some(end)) = (start, end)
                    && end < start
                {
                    return Err(FieldError::DateOrder { start, end });
                }
                self.context.start = start;
                self.context.end = end;
            }
            Field::KeyDomains => self.context.key_domains = parse_domains(&text, fw)?,
            Field::Rights => self.context.rights = text,
            Field::GoalText => self.goal.text = text,
            Field::ImpactEvidence => self.goal.impact_evidence = text,
            Field::Text(id) => {
                let slot = self.item_text_mut(id).ok_or_else(|| missing(id))?;
                *slot = text;
            }
            Field::Resources(id) => {
                let a = self.activity_mut(id).ok_or_else(|| missing(id))?;
                a.resources = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            Field::Barrier(id) => self.activity_mut(id).ok_or_else(|| missing(id))?.barrier = text,
            Field::Responsible(id) => {
                if !text.is_empty() && self.stakeholder(&text).is_none() {
                    return Err(FieldError::BadStakeholder(text));
                }
                let a = self.activity_mut(id).ok_or_else(|| missing(id))?;
                a.responsible = (!text.is_empty()).then_some(text);
            }
            Field::AssumptionText(id) => {
                let a = self.assumptions.iter_mut().find(|a| a.id == *id);
                a.ok_or_else(|| missing(id))?.text = text;
            }
            Field::EvidenceText(id) => {
                self.evidence_mut(id).ok_or_else(|| missing(id))?.text = text
            }
            Field::EvidenceSource(id) => {
                self.evidence_mut(id).ok_or_else(|| missing(id))?.source = text;
            }
            Field::EvidenceKind(id) => {
                let kind = match text.as_str() {
                    "" => None,
                    t => Some(EvidenceKind::parse(t).ok_or(FieldError::BadEvidenceKind(text))?),
                };
                self.evidence_mut(id).ok_or_else(|| missing(id))?.kind = kind;
            }
            Field::StakeholderName(id) => {
                self.stakeholder_mut(id).ok_or_else(|| missing(id))?.name = text
            }
            Field::StakeholderGroup(id) => {
                let g = Group::parse(&text).ok_or(FieldError::BadGroup(text))?;
                self.stakeholder_mut(id).ok_or_else(|| missing(id))?.group = g;
            }
            Field::StakeholderRole(id) => {
                self.stakeholder_mut(id).ok_or_else(|| missing(id))?.role = text
            }
            Field::StakeholderInvolvement(id) => {
                self.stakeholder_mut(id)
                    .ok_or_else(|| missing(id))?
                    .involvement = text;
            }
        }
        Ok(())
    }

    /// A new stakeholder; the id comes from the name.
    pub fn add_stakeholder(&mut self, name: &str, group: Group) -> String {
        let id = self.new_id(name, "stakeholder");
        self.stakeholders.push(Stakeholder {
            id: id.clone(),
            name: name.trim().to_string(),
            group,
            role: String::new(),
            involvement: String::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        id
    }

    /// A new assumption about an item or a link.
    pub fn add_assumption(&mut self, about: About, text: &str) -> String {
        let on = match &about {
            About::Item(i) => i.clone(),
            About::Link { from, .. } => from.clone(),
        };
        let id = self.new_id(&format!("assumption {on}"), "assumption");
        self.assumptions.push(Assumption {
            id: id.clone(),
            about,
            text: text.trim().to_string(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        id
    }

    /// New evidence for an assumption; `None` if the assumption is gone.
    pub fn add_evidence(&mut self, assumption: &str, text: &str) -> Option<String> {
        self.assumptions.iter().find(|a| a.id == assumption)?;
        let id = self.new_id(&format!("evidence {assumption}"), "evidence");
        self.evidence.push(Evidence {
            id: id.clone(),
            assumption: assumption.to_string(),
            kind: None,
            text: text.trim().to_string(),
            source: String::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        Some(id)
    }

    fn item_text_mut(&mut self, id: &str) -> Option<&mut String> {
        if id == GOAL_ID {
            return Some(&mut self.goal.text);
        }
        let outcome = self.outcomes.iter_mut().find(|o| o.id == id);
        let output = self.outputs.iter_mut().find(|o| o.id == id);
        let activity = self.activities.iter_mut().find(|a| a.id == id);
        outcome
            .map(|o| &mut o.text)
            .or(output.map(|o| &mut o.text))
            .or(activity.map(|a| &mut a.text))
    }

    fn activity_mut(&mut self, id: &str) -> Option<&mut Activity> {
        self.activities.iter_mut().find(|a| a.id == id)
    }

    fn stakeholder_mut(&mut self, id: &str) -> Option<&mut Stakeholder> {
        self.stakeholders.iter_mut().find(|s| s.id == id)
    }

    fn evidence_item(&self, id: &str) -> Option<&Evidence> {
        self.evidence.iter().find(|e| e.id == id)
    }

    fn evidence_mut(&mut self, id: &str) -> Option<&mut Evidence> {
        self.evidence.iter_mut().find(|e| e.id == id)
    }
}

/// "9, 7, social bridges" -> [9, 7, 7] minus repeats -> [9, 7].
fn parse_domains(text: &str, fw: &Framework) -> Result<Vec<u8>, FieldError> {
    let mut out: Vec<u8> = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let d = fw
            .find_domain(part)
            .ok_or_else(|| FieldError::BadDomain(part.to_string()))?;
        if !out.contains(&d.number) {
            out.push(d.number);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
