//! Changing a plan the way the guide plans: backwards from the goal. Every new item is made
//! *from* the item it serves, so nothing is ever created orphaned.

use super::comments::Comments;
use super::model::*;
use super::values::Extra;

/// Why a change was refused: what is wrong and what to do first. Which key does it is for
/// the app to add.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("Set the goal first: planning works backwards from the long-term change")]
    GoalFirst,
    #[error("Add an intermediate outcome first: outputs are created from the outcome they serve")]
    OutcomeFirst,
    #[error("Add an output first: activities are created from the output they serve")]
    OutputFirst,
    #[error("`{0}` is not in this plan")]
    Missing(String),
    #[error("{from} cannot serve {to}: links point forward, activity -> output -> outcome -> goal")]
    WrongWay { from: String, to: String },
    #[error("{from} already serves {to}")]
    AlreadyLinked { from: String, to: String },
    #[error("{from} does not serve {to}")]
    NotLinked { from: String, to: String },
    #[error("the goal cannot be deleted; edit its text instead")]
    GoalIsPermanent,
}

/// An item that would lose its only link, or be removed with the item, if it were deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependant {
    pub kind: Kind,
    pub id: String,
    /// True when the item is removed along with it (measures, assumptions, evidence,
    /// readings); false when it stays but serves nothing (orphaned).
    pub removed: bool,
}

type NewItem = (String, String, Vec<String>, Extra, Comments);

/// A new item's text is kept as editing its text field would keep it.
fn item(id: String, text: &str, serves: Vec<String>) -> NewItem {
    (
        id,
        super::Shape::Line.kept(text),
        serves,
        Extra::new(),
        Comments::default(),
    )
}

impl Plan {
    /// A new intermediate outcome serving the goal. Refused until the goal is set.
    pub fn add_outcome(&mut self, text: &str) -> Result<String, EditError> {
        if self.goal.text.trim().is_empty() {
            return Err(EditError::GoalFirst);
        }
        let (id, text, serves, extra, comments) = item(
            self.new_id(text, "outcome"),
            text,
            vec![GOAL_ID.to_string()],
        );
        self.outcomes.push(Outcome {
            id: id.clone(),
            text,
            serves,
            extra,
            comments,
        });
        Ok(id)
    }

    /// A new output serving the given outcome.
    pub fn add_output(&mut self, outcome: &str, text: &str) -> Result<String, EditError> {
        match self.kind_of(outcome) {
            Some(Kind::Outcome) => {}
            _ if self.outcomes.is_empty() => return Err(EditError::OutcomeFirst),
            None => return Err(EditError::Missing(outcome.into())),
            Some(_) => return Err(EditError::OutcomeFirst),
        }
        let (id, text, serves, extra, comments) =
            item(self.new_id(text, "output"), text, vec![outcome.to_string()]);
        self.outputs.push(Output {
            id: id.clone(),
            text,
            serves,
            target: None,
            unit: String::new(),
            extra,
            comments,
        });
        Ok(id)
    }

    /// A new activity serving the given output.
    pub fn add_activity(&mut self, output: &str, text: &str) -> Result<String, EditError> {
        match self.kind_of(output) {
            Some(Kind::Output) => {}
            _ if self.outputs.is_empty() => return Err(EditError::OutputFirst),
            None => return Err(EditError::Missing(output.into())),
            Some(_) => return Err(EditError::OutputFirst),
        }
        let id = self.new_id(text, "activity");
        self.activities.push(Activity {
            id: id.clone(),
            text: text.to_string(),
            serves: vec![output.to_string()],
            resources: Vec::new(),
            barrier: String::new(),
            responsible: Vec::new(),
            partners: Vec::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        Ok(id)
    }

    fn serves_mut(&mut self, id: &str) -> Option<(Kind, &mut Vec<String>)> {
        if let Some(o) = self.outcomes.iter_mut().find(|o| o.id == id) {
            return Some((Kind::Outcome, &mut o.serves));
        }
        if let Some(o) = self.outputs.iter_mut().find(|o| o.id == id) {
            return Some((Kind::Output, &mut o.serves));
        }
        self.activities
            .iter_mut()
            .find(|a| a.id == id)
            .map(|a| (Kind::Activity, &mut a.serves))
    }

    /// Makes `from` also serve `to` (an output may serve several outcomes).
    pub fn link(&mut self, from: &str, to: &str) -> Result<(), EditError> {
        let to_kind = self
            .kind_of(to)
            .ok_or_else(|| EditError::Missing(to.into()))?;
        let (from_kind, serves) = self
            .serves_mut(from)
            .ok_or_else(|| EditError::Missing(from.into()))?;
        let ok = matches!(
            (from_kind, to_kind),
            (Kind::Activity, Kind::Output)
                | (Kind::Output, Kind::Outcome)
                | (Kind::Outcome, Kind::Goal)
        ) || (from_kind == Kind::Outcome && to_kind == Kind::Outcome && from != to);
        if !ok {
            return Err(EditError::WrongWay {
                from: from.into(),
                to: to.into(),
            });
        }
        if serves.iter().any(|s| s == to) {
            return Err(EditError::AlreadyLinked {
                from: from.into(),
                to: to.into(),
            });
        }
        serves.push(to.to_string());
        Ok(())
    }

    /// Removes the link from `from` to `to`, with any assumption about that link.
    pub fn unlink(&mut self, from: &str, to: &str) -> Result<(), EditError> {
        let (_, serves) = self
            .serves_mut(from)
            .ok_or_else(|| EditError::Missing(from.into()))?;
        let before = serves.len();
        serves.retain(|s| s != to);
        if serves.len() == before {
            return Err(EditError::NotLinked {
                from: from.into(),
                to: to.into(),
            });
        }
        let link = About::Link {
            from: from.into(),
            to: to.into(),
        };
        self.remove_assumptions(|a| a.about == link);
        Ok(())
    }

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

    fn remove_assumptions(&mut self, doomed: impl Fn(&Assumption) -> bool) {
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

    fn with_goal() -> Plan {
        let mut p = Plan::new("t");
        p.goal.text = "Everyone talks".into();
        p
    }

    #[test]
    fn backward_planning_is_enforced() {
        let mut p = Plan::new("t");
        assert_eq!(p.add_outcome("Talk"), Err(EditError::GoalFirst));
        assert_eq!(p.add_output("x", "Café"), Err(EditError::OutcomeFirst));
        assert_eq!(p.add_activity("x", "Run"), Err(EditError::OutputFirst));
        p.goal.text = "Everyone talks".into();
        let o = p.add_outcome("People talk").expect("outcome");
        assert_eq!(p.outcomes[0].serves, vec!["goal"]);
        assert_eq!(p.add_activity(&o, "Run"), Err(EditError::OutputFirst));
        assert_eq!(p.add_output("goal", "Café"), Err(EditError::OutcomeFirst));
        let out = p.add_output(&o, "A café").expect("output");
        let act = p.add_activity(&out, "Run the café").expect("activity");
        assert_eq!(
            (o.as_str(), out.as_str(), act.as_str()),
            ("people-talk", "cafe", "run-the-cafe")
        );
        assert_eq!(p.add_activity(&o, "Wrong"), Err(EditError::OutputFirst));
    }

    #[test]
    fn links_are_added_and_removed_in_the_forward_direction_only() {
        let mut p = with_goal();
        let a = p.add_outcome("A").expect("a");
        let b = p.add_outcome("B").expect("b");
        let out = p.add_output(&a, "Out").expect("out");
        let act = p.add_activity(&out, "Act").expect("act");
        p.link(&out, &b)
            .expect("an output may serve several outcomes");
        assert_eq!(p.outputs[0].serves, vec![a.clone(), b.clone()]);
        assert!(matches!(
            p.link(&out, &b),
            Err(EditError::AlreadyLinked { .. })
        ));
        assert!(matches!(p.link(&a, &out), Err(EditError::WrongWay { .. })));
        assert!(matches!(p.link(&act, &a), Err(EditError::WrongWay { .. })));
        assert!(matches!(p.link(&a, &a), Err(EditError::WrongWay { .. })));
        p.link(&a, &b).expect("outcome chains");
        p.unlink(&out, &b).expect("unlink");
        assert_eq!(p.outputs[0].serves, vec![a.clone()]);
        assert!(matches!(
            p.unlink(&out, &b),
            Err(EditError::NotLinked { .. })
        ));
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
