//! Deleting an item and what goes with it: it leaves every `serves` list, its measures
//! (with their readings) and the assumptions about it or its links (with their evidence)
//! go too; `dependants` says what that would be first, so the app can ask.

use super::super::model::*;
use super::EditError;

/// An item that would lose its only link, or be removed with the item, if it were deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependant {
    pub kind: Kind,
    pub id: String,
    /// True when the item is removed along with it (measures, assumptions, evidence,
    /// readings); false when it stays but serves nothing (orphaned).
    pub removed: bool,
}

impl Plan {
    /// What deleting `id` would orphan or remove, so the app can ask first.
    pub fn dependants(&self, id: &str) -> Vec<Dependant> {
        let mut out = Vec::new();
        let only = |serves: &[String]| serves.len() == 1 && serves[0] == id;
        let orphaned = |kind, items: Vec<(&str, &[String])>, out: &mut Vec<Dependant>| {
            for (i, s) in items {
                if only(s) {
                    out.push(Dependant {
                        kind,
                        id: i.to_string(),
                        removed: false,
                    });
                }
            }
        };
        orphaned(
            Kind::Outcome,
            self.outcomes
                .iter()
                .map(|o| (o.id.as_str(), o.serves.as_slice()))
                .collect(),
            &mut out,
        );
        orphaned(
            Kind::Output,
            self.outputs
                .iter()
                .map(|o| (o.id.as_str(), o.serves.as_slice()))
                .collect(),
            &mut out,
        );
        orphaned(
            Kind::Activity,
            self.activities
                .iter()
                .map(|a| (a.id.as_str(), a.serves.as_slice()))
                .collect(),
            &mut out,
        );
        for m in self.measures.iter().filter(|m| m.outcome == id) {
            out.push(Dependant {
                kind: Kind::Measure,
                id: m.id.clone(),
                removed: true,
            });
        }
        for a in self
            .assumptions
            .iter()
            .filter(|a| about_involves(&a.about, id))
        {
            out.push(Dependant {
                kind: Kind::Assumption,
                id: a.id.clone(),
                removed: true,
            });
        }
        out
    }

    /// Deletes an item: it leaves every `serves` list, and its measures (with their
    /// readings) and the assumptions about it or its links (with their evidence) go too.
    pub fn delete(&mut self, id: &str) -> Result<Kind, EditError> {
        let kind = self
            .kind_of(id)
            .ok_or_else(|| EditError::Missing(id.into()))?;
        match kind {
            Kind::Goal => return Err(EditError::GoalIsPermanent),
            Kind::Outcome => self.outcomes.retain(|o| o.id != id),
            Kind::Output => self.outputs.retain(|o| o.id != id),
            Kind::Activity => self.activities.retain(|a| a.id != id),
            Kind::Stakeholder => {
                self.stakeholders.retain(|s| s.id != id);
                for a in &mut self.activities {
                    a.responsible.retain(|r| r != id);
                    a.partners.retain(|r| r != id);
                }
            }
            Kind::Measure => self.measures.retain(|m| m.id != id),
            Kind::Assumption => self.assumptions.retain(|a| a.id != id),
            Kind::Evidence => self.evidence.retain(|e| e.id != id),
        }
        for o in &mut self.outcomes {
            o.serves.retain(|s| s != id);
        }
        for o in &mut self.outputs {
            o.serves.retain(|s| s != id);
        }
        for a in &mut self.activities {
            a.serves.retain(|s| s != id);
        }
        let gone: Vec<String> = self
            .measures
            .iter()
            .filter(|m| m.outcome == id)
            .map(|m| m.id.clone())
            .collect();
        self.measures.retain(|m| m.outcome != id);
        self.readings
            .retain(|r| r.measure != id && !gone.contains(&r.measure));
        self.remove_assumptions(|a| about_involves(&a.about, id));
        self.evidence.retain(|e| e.assumption != id);
        Ok(kind)
    }

    pub(super) fn remove_assumptions(&mut self, doomed: impl Fn(&Assumption) -> bool) {
        let gone: Vec<String> = self
            .assumptions
            .iter()
            .filter(|a| doomed(a))
            .map(|a| a.id.clone())
            .collect();
        self.assumptions.retain(|a| !gone.contains(&a.id));
        self.evidence.retain(|e| !gone.contains(&e.assumption));
    }
}

fn about_involves(about: &About, id: &str) -> bool {
    match about {
        About::Item(i) => i == id,
        About::Link { from, to } => from == id || to == id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Comments, Extra};

    fn with_goal() -> Plan {
        let mut p = Plan::new("t");
        p.goal.text = "Everyone talks".into();
        p
    }

    #[test]
    fn delete_names_and_handles_dependants() {
        let mut p = with_goal();
        let a = p.add_outcome("A").expect("a");
        let b = p.add_outcome("B").expect("b");
        let shared = p.add_output(&a, "Shared").expect("shared");
        p.link(&shared, &b).expect("link");
        let only_a = p.add_output(&a, "Only A").expect("only");
        p.measures.push(Measure {
            id: "m".into(),
            outcome: a.clone(),
            indicator: "work.in-paid-work".into(),
            rationale: String::new(),
            groups: Vec::new(),
            baseline: None,
            target: None,
            target_text: String::new(),
            gap: false,
            target_date: None,
            method: String::new(),
            sample: String::new(),
            frequency: String::new(),
            collected_by: String::new(),
            analysis: String::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        p.assumptions.push(Assumption {
            id: "why".into(),
            about: About::Link {
                from: shared.clone(),
                to: a.clone(),
            },
            text: "t".into(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        let deps = p.dependants(&a);
        let ids: Vec<(&str, bool)> = deps.iter().map(|d| (d.id.as_str(), d.removed)).collect();
        assert_eq!(
            ids,
            vec![(only_a.as_str(), false), ("m", true), ("why", true)]
        );
        assert_eq!(p.delete(&a), Ok(Kind::Outcome));
        assert_eq!(
            p.outputs
                .iter()
                .map(|o| o.serves.clone())
                .collect::<Vec<_>>(),
            vec![vec![b.clone()], vec![]]
        );
        assert!(p.measures.is_empty() && p.assumptions.is_empty());
        assert_eq!(p.delete("goal"), Err(EditError::GoalIsPermanent));
        assert_eq!(p.delete("nope"), Err(EditError::Missing("nope".into())));
    }
}
