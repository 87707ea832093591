//! Looking things up in a plan: an item's text, what it serves and what serves it.

use super::model::*;

impl Plan {
    /// The text of the goal, an outcome, an output or an activity.
    pub fn item_text(&self, id: &str) -> Option<String> {
        if id == GOAL_ID {
            return Some(self.goal.text.clone());
        }
        let o = self.outcomes.iter().find(|o| o.id == id).map(|o| &o.text);
        let p = || self.outputs.iter().find(|o| o.id == id).map(|o| &o.text);
        let a = || self.activity(id).map(|a| &a.text);
        o.or_else(p).or_else(a).cloned()
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The ids an item serves (its forward links).
    pub fn serves_of(&self, id: &str) -> Vec<String> {
        let o = self.outcomes.iter().find(|o| o.id == id).map(|o| &o.serves);
        let p = || self.outputs.iter().find(|o| o.id == id).map(|o| &o.serves);
        let a = || self.activity(id).map(|a| &a.serves);
        o.or_else(p).or_else(a).cloned().unwrap_or_default()
    }

    /// The ids of the items that serve an item, in pane order (outcomes, outputs,
    /// activities).
    pub fn served_by(&self, id: &str) -> Vec<String> {
        let has = |s: &[String]| s.iter().any(|x| x == id);
        let outcomes = self
            .outcomes
            .iter()
            .filter(|o| has(&o.serves))
            .map(|o| &o.id);
        let outputs = self
            .outputs
            .iter()
            .filter(|o| has(&o.serves))
            .map(|o| &o.id);
        let acts = self
            .activities
            .iter()
            .filter(|a| has(&a.serves))
            .map(|a| &a.id);
        outcomes.chain(outputs).chain(acts).cloned().collect()
    }
}
