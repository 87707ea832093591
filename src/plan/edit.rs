//! Changing a plan the way the guide plans: backwards from the goal. Every new item is made
//! *from* the item it serves, so nothing is ever created orphaned; links are added and
//! removed in the forward direction only. Deleting is `edit/delete.rs`.

use super::comments::Comments;
use super::model::*;
use super::values::Extra;

mod delete;

pub use delete::{Dependant, Fate};

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
}
