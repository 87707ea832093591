//! Deleting an item and what goes with it: it leaves every `serves` list, its measures
//! (with their readings) and the assumptions about it or its links (with their evidence)
//! go too, and a stakeholder leaves the activities' lists; `dependants` says all of
//! that first, so the app can ask.

use super::super::model::*;
use super::EditError;

/// What happens to something when an item (or a link) is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// It stays but serves nothing.
    Orphaned,
    /// It is removed along with the item (measures, assumptions, evidence).
    Removed,
    /// The readings (or counts) of `id`, this many, are removed.
    Readings(usize),
    /// `id` (an activity) stays but loses the item from the list named here.
    Unlisted(&'static str),
}

/// Something a delete would orphan, remove or change besides the item itself, so the
/// question can say everything that goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependant {
    pub kind: Kind,
    pub id: String,
    pub fate: Fate,
}

impl Dependant {
    fn new(kind: Kind, id: &str, fate: Fate) -> Dependant {
        Dependant {
            kind,
            id: id.to_string(),
            fate,
        }
    }

    /// True when the thing goes with the item (an item or readings), not only changes.
    pub fn removed(&self) -> bool {
        matches!(self.fate, Fate::Removed | Fate::Readings(_))
    }
}

impl Plan {
    /// What deleting `id` would orphan, remove or change, so the app can ask first: what
    /// `delete` does, said before it is done (the two are tested against each other).
    pub fn dependants(&self, id: &str) -> Vec<Dependant> {
        let mut out = Vec::new();
        let only = |serves: &[String]| serves.len() == 1 && serves[0] == id;
        let serving = self
            .outcomes
            .iter()
            .map(|o| (Kind::Outcome, o.id.as_str(), o.serves.as_slice()))
            .chain(
                self.outputs
                    .iter()
                    .map(|o| (Kind::Output, o.id.as_str(), o.serves.as_slice())),
            )
            .chain(
                self.activities
                    .iter()
                    .map(|a| (Kind::Activity, a.id.as_str(), a.serves.as_slice())),
            );
        for (kind, i, serves) in serving {
            if only(serves) {
                out.push(Dependant::new(kind, i, Fate::Orphaned));
            }
        }
        for a in &self.activities {
            if a.responsible.iter().any(|r| r == id) {
                out.push(Dependant::new(
                    Kind::Activity,
                    &a.id,
                    Fate::Unlisted("responsible"),
                ));
            }
            if a.partners.iter().any(|r| r == id) {
                out.push(Dependant::new(
                    Kind::Activity,
                    &a.id,
                    Fate::Unlisted("partners"),
                ));
            }
        }
        // The item's own readings (a measure's, an output's counts), then its measures'.
        self.readings_of(id, &mut out);
        for m in self.measures.iter().filter(|m| m.outcome == id) {
            out.push(Dependant::new(Kind::Measure, &m.id, Fate::Removed));
            self.readings_of(&m.id, &mut out);
        }
        self.evidence_of(id, &mut out);
        let doomed = self
            .assumptions
            .iter()
            .filter(|a| about_involves(&a.about, id));
        self.assumptions_going(doomed, &mut out);
        out
    }

    /// What removing the link `from` -> `to` takes with it: the assumptions about the link
    /// and their evidence.
    pub fn link_dependants(&self, from: &str, to: &str) -> Vec<Dependant> {
        let link = About::Link {
            from: from.into(),
            to: to.into(),
        };
        let mut out = Vec::new();
        self.assumptions_going(
            self.assumptions.iter().filter(|a| a.about == link),
            &mut out,
        );
        out
    }

    fn assumptions_going<'a>(
        &self,
        doomed: impl Iterator<Item = &'a Assumption>,
        out: &mut Vec<Dependant>,
    ) {
        for a in doomed {
            out.push(Dependant::new(Kind::Assumption, &a.id, Fate::Removed));
            self.evidence_of(&a.id, out);
        }
    }

    fn evidence_of(&self, assumption: &str, out: &mut Vec<Dependant>) {
        for e in self.evidence.iter().filter(|e| e.assumption == assumption) {
            out.push(Dependant::new(Kind::Evidence, &e.id, Fate::Removed));
        }
    }

    fn readings_of(&self, id: &str, out: &mut Vec<Dependant>) {
        let n = self.readings.iter().filter(|r| r.measure == id).count();
        if n > 0 {
            let kind = self.kind_of(id).unwrap_or(Kind::Measure);
            out.push(Dependant::new(kind, id, Fate::Readings(n)));
        }
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
        p.measures.push(Measure::new("m", &a, "work.in-paid-work"));
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
        let ids: Vec<(&str, Fate)> = deps.iter().map(|d| (d.id.as_str(), d.fate)).collect();
        assert_eq!(
            ids,
            vec![
                (only_a.as_str(), Fate::Orphaned),
                ("m", Fate::Removed),
                ("why", Fate::Removed)
            ]
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

    /// What the question says goes is exactly what `delete` (or `unlink`) takes, for every
    /// item and link of a plan with readings, evidence and shared responsibility.
    #[test]
    fn dependants_say_everything_a_delete_takes() {
        let plan = crate::plan::synthetic::plan(40);
        assert!(!plan.readings.is_empty() && !plan.evidence.is_empty());
        let ids: Vec<String> = plan
            .ids()
            .filter(|(k, _)| *k != Kind::Goal)
            .map(|(_, i)| i.to_string())
            .collect();
        let mut checked_references = false;
        for id in ids {
            let deps = plan.dependants(&id);
            let mut after = plan.clone();
            after.delete(&id).expect("delete");
            expect_taken(&plan, &after, &deps, &id);
            for d in deps.iter().filter(|d| matches!(d.fate, Fate::Unlisted(_))) {
                checked_references = true;
                let a = after.activity(&d.id).expect("activity stays");
                assert!(!a.responsible.contains(&id) && !a.partners.contains(&id));
            }
        }
        assert!(
            checked_references,
            "the plan has stakeholders in activities' lists"
        );
        for o in &plan.outputs {
            for to in &o.serves {
                let deps = plan.link_dependants(&o.id, to);
                let mut after = plan.clone();
                after.unlink(&o.id, to).expect("unlink");
                expect_taken(&plan, &after, &deps, "");
            }
        }
    }

    fn expect_taken(before: &Plan, after: &Plan, deps: &[Dependant], id: &str) {
        let mut said: Vec<String> = deps
            .iter()
            .filter(|d| d.fate == Fate::Removed)
            .map(|d| d.id.clone())
            .collect();
        said.sort();
        let mut gone: Vec<String> = before
            .ids()
            .map(|(_, i)| i.to_string())
            .filter(|i| i != id && after.kind_of(i).is_none())
            .collect();
        gone.sort();
        assert_eq!(said, gone, "deleting {id:?}");
        let readings: usize = deps
            .iter()
            .map(|d| match d.fate {
                Fate::Readings(n) => n,
                _ => 0,
            })
            .sum();
        assert_eq!(
            readings,
            before.readings.len() - after.readings.len(),
            "readings of {id:?}"
        );
    }
}
