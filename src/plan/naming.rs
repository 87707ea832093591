//! Items named by their words, for messages a person reads (the review, the app's undo):
//! "intermediate outcome 'Participants have conversations…'" says more than an id does.

use super::model::{GOAL_ID, Kind, Plan};

/// How long a name's quoted words may be.
pub const NAME_WIDTH: usize = 32;

impl Plan {
    /// The words an item is known by: its text, a stakeholder's name, a measure's
    /// indicator; `None` if no item has the id.
    pub fn words_of(&self, id: &str) -> Option<String> {
        if let Some(t) = self.item_text(id) {
            return Some(t);
        }
        let s = || {
            self.stakeholders
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.name.clone())
        };
        // An assumption by what it assumes, past the framing every one starts with.
        let a = || {
            self.assumptions
                .iter()
                .find(|a| a.id == id)
                .map(|a| super::add::past_framing(&a.text).to_string())
        };
        let e = || {
            self.evidence
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.text.clone())
        };
        let m = || self.measure(id).map(|m| m.indicator.clone());
        s().or_else(a).or_else(e).or_else(m)
    }

    /// "outcome 'Participants have regular…'": the kind and the item's words, shortened;
    /// the id when it has no words (and the goal as "the goal").
    pub fn named(&self, id: &str) -> String {
        if id == GOAL_ID {
            return "the goal".into();
        }
        let kind = self.kind_of(id).map_or("item", Kind::noun);
        match self.words_of(id) {
            Some(w) if !w.trim().is_empty() => {
                format!("{kind} '{}'", crate::text::short(&w, NAME_WIDTH))
            }
            _ => format!("{kind} `{id}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Plan;

    #[test]
    fn an_item_is_named_by_its_words_cut_at_a_word() {
        let mut p = Plan::new("t");
        p.goal.text = "Everyone talks".into();
        let id = p
            .add_outcome("Participants have conversations regularly with local English speakers")
            .expect("add");
        assert_eq!(
            p.named(&id),
            "intermediate outcome 'Participants have conversations…'"
        );
        assert_eq!(p.named("goal"), "the goal");
        assert_eq!(p.named("nothing-here"), "item `nothing-here`");
    }

    #[test]
    fn short_cuts_at_words_and_only_cuts_a_word_longer_than_the_room() {
        assert_eq!(crate::text::short("a b c", 10), "a b c");
        assert_eq!(crate::text::short("one two three four", 10), "one two…");
        assert_eq!(crate::text::short("Supercalifragilistic", 8), "Superca…");
        assert_eq!(crate::text::short("Childcare, transport", 12), "Childcare…");
    }
}
