//! Reading fields as text. Each kind of item reads its own fields (`Measure::field_text`),
//! so code that already holds the item (the app's search over every field) reads a value
//! without looking the item up by id; `Plan::field` finds the item, then asks it.

use super::super::model::*;
use super::super::values::{Date, Number};
use super::Field;

fn number_text(n: Option<Number>) -> String {
    n.map_or(String::new(), |n| n.to_string())
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
            Field::Resources(id)
            | Field::Barrier(id)
            | Field::Responsible(id)
            | Field::Partners(id) => self.activity(id)?.field_text(f)?,
            Field::OutputTarget(id) | Field::OutputUnit(id) => self.output(id)?.field_text(f)?,
            Field::AssumptionText(id) => {
                self.assumptions.iter().find(|a| a.id == *id)?.text.clone()
            }
            Field::EvidenceText(id)
            | Field::EvidenceSource(id)
            | Field::EvidenceKind(id)
            | Field::EvidenceStance(id)
            | Field::EvidenceLimitations(id) => self.evidence_item(id)?.field_text(f)?,
            Field::StakeholderName(id)
            | Field::StakeholderGroup(id)
            | Field::StakeholderRole(id)
            | Field::StakeholderInvolvement(id)
            | Field::StakeholderAgreed(id) => self.stakeholder(id)?.field_text(f)?,
            Field::MeasureIndicator(id)
            | Field::MeasureRationale(id)
            | Field::MeasureGroups(id)
            | Field::MeasureBaseline(id)
            | Field::MeasureTarget(id)
            | Field::MeasureTargetText(id)
            | Field::MeasureGap(id)
            | Field::MeasureTargetDate(id)
            | Field::MeasureMethod(id)
            | Field::MeasureSample(id)
            | Field::MeasureFrequency(id)
            | Field::MeasureCollectedBy(id)
            | Field::MeasureAnalysis(id) => self.measure(id)?.field_text(f)?,
        })
    }

    /// The values a choice field can take, as (value, label); the empty value clears it.
    pub fn choices(&self, f: &Field) -> Vec<(String, String)> {
        let pair = |v: &str, l: &str| (v.to_string(), l.to_string());
        match f {
            Field::StakeholderGroup(_) => Group::ALL
                .iter()
                .map(|g| pair(g.as_str(), &g.as_str().replace('-', " ")))
                .collect(),
            Field::EvidenceKind(_) => vec![
                pair("", "(not said)"),
                // The kind is what the data is; whether it bears the assumption out is
                // its stance (a planner took "mixed" for "partly supports").
                pair("qualitative", "qualitative (accounts, interviews, reports)"),
                pair("statistical", "statistical (figures, surveys, the census)"),
                pair(
                    "mixed",
                    "mixed (both kinds of data; its stance is said apart)",
                ),
            ],
            Field::EvidenceStance(_) => std::iter::once(pair("", "(not said)"))
                .chain(Stance::ALL.iter().map(|s| {
                    let means = match s.as_str() {
                        "supports" => "supports: it bears the assumption out",
                        "contradicts" => "contradicts: it says otherwise (revise the assumption)",
                        _ => "untested: nothing has tested it yet",
                    };
                    pair(s.as_str(), means)
                }))
                .collect(),
            Field::MeasureGap(_) => {
                vec![pair("", "no"), pair("yes", "yes: first group minus second")]
            }
            _ => Vec::new(),
        }
    }

    pub(super) fn output(&self, id: &str) -> Option<&Output> {
        self.outputs.iter().find(|o| o.id == id)
    }

    pub(super) fn evidence_item(&self, id: &str) -> Option<&Evidence> {
        self.evidence.iter().find(|e| e.id == id)
    }
}

impl Activity {
    /// One of its fields as `Plan::field` gives it; `None` for another item's field.
    pub fn field_text(&self, f: &Field) -> Option<String> {
        Some(match f {
            Field::Text(_) => self.text.clone(),
            Field::Resources(_) => self.resources.join("\n"),
            Field::Barrier(_) => self.barrier.clone(),
            Field::Responsible(_) => self.responsible.join("\n"),
            Field::Partners(_) => self.partners.join("\n"),
            _ => return None,
        })
    }
}

impl Output {
    /// One of its fields as `Plan::field` gives it; `None` for another item's field.
    pub fn field_text(&self, f: &Field) -> Option<String> {
        Some(match f {
            Field::Text(_) => self.text.clone(),
            Field::OutputTarget(_) => number_text(self.target),
            Field::OutputUnit(_) => self.unit.clone(),
            _ => return None,
        })
    }
}

impl Evidence {
    /// One of its fields as `Plan::field` gives it; `None` for another item's field.
    pub fn field_text(&self, f: &Field) -> Option<String> {
        Some(match f {
            Field::EvidenceText(_) => self.text.clone(),
            Field::EvidenceSource(_) => self.source.clone(),
            Field::EvidenceKind(_) => self.kind.map_or(String::new(), |k| k.as_str().to_string()),
            Field::EvidenceStance(_) => self
                .stance
                .map_or(String::new(), |k| k.as_str().to_string()),
            Field::EvidenceLimitations(_) => self.limitations.clone(),
            _ => return None,
        })
    }
}

impl Stakeholder {
    /// One of its fields as `Plan::field` gives it; `None` for another item's field.
    pub fn field_text(&self, f: &Field) -> Option<String> {
        Some(match f {
            Field::StakeholderName(_) => self.name.clone(),
            Field::StakeholderGroup(_) => self.group.as_str().to_string(),
            Field::StakeholderRole(_) => self.role.clone(),
            Field::StakeholderInvolvement(_) => self.involvement.clone(),
            Field::StakeholderAgreed(_) => self.agreed.join("\n"),
            _ => return None,
        })
    }
}

impl Measure {
    /// One of its fields as `Plan::field` gives it; `None` for another item's field.
    pub fn field_text(&self, f: &Field) -> Option<String> {
        Some(match f {
            Field::MeasureIndicator(_) => self.indicator.clone(),
            Field::MeasureRationale(_) => self.rationale.clone(),
            Field::MeasureGroups(_) => self.groups.join("\n"),
            Field::MeasureBaseline(_) => number_text(self.baseline),
            Field::MeasureTarget(_) => number_text(self.target),
            Field::MeasureTargetText(_) => self.target_text.clone(),
            Field::MeasureGap(_) => if self.gap { "yes" } else { "" }.to_string(),
            Field::MeasureTargetDate(_) => date_text(self.target_date),
            Field::MeasureMethod(_) => self.method.clone(),
            Field::MeasureSample(_) => self.sample.clone(),
            Field::MeasureFrequency(_) => self.frequency.clone(),
            Field::MeasureCollectedBy(_) => self.collected_by.clone(),
            Field::MeasureAnalysis(_) => self.analysis.clone(),
            _ => return None,
        })
    }
}
