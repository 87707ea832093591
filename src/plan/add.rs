//! New stakeholders, assumptions, evidence and measures: each gets a readable id made
//! unique in the plan, and each is attached to what it belongs to.

use super::comments::Comments;
use super::fields::{FieldError, Shape};
use super::model::*;
use super::values::Extra;

/// The words of an assumption after the framing the app starts it with.
pub(crate) fn past_framing(text: &str) -> &str {
    const FRAMINGS: [&str; 2] = ["the barrier to integration in this case is", " because "];
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return text;
    }
    if let Some(rest) = lower.strip_prefix(FRAMINGS[0]) {
        return text[text.len() - rest.len()..].trim_start();
    }
    if lower.starts_with("this ")
        && let Some(i) = lower.find(FRAMINGS[1])
    {
        return text[i + FRAMINGS[1].len()..].trim_start();
    }
    text
}

impl Plan {
    /// A new measure of an outcome by an indicator; the id comes from the indicator's.
    pub fn add_measure(&mut self, outcome: &str, indicator: &str) -> Result<String, FieldError> {
        if self.kind_of(outcome) != Some(Kind::Outcome) {
            return Err(FieldError::Missing(outcome.to_string()));
        }
        let short = indicator.rsplit('.').next().unwrap_or(indicator);
        let id = self.new_id(short, "measure");
        self.measures.push(Measure::new(&id, outcome, indicator));
        Ok(id)
    }

    /// A new stakeholder; the id comes from the name.
    pub fn add_stakeholder(&mut self, name: &str, group: Group) -> String {
        let id = self.new_id(name, "stakeholder");
        self.stakeholders.push(Stakeholder {
            id: id.clone(),
            name: Shape::Line.kept(name),
            group,
            role: String::new(),
            involvement: String::new(),
            agreed: Vec::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        id
    }

    /// A new assumption about an item or a link.
    pub fn add_assumption(&mut self, about: About, text: &str) -> String {
        // From its own words, past the framing it was started with, so the id says what
        // it assumes ("childcare-keeps-women") rather than what it is about.
        let id = self.new_id(past_framing(text), "assumption");
        self.assumptions.push(Assumption {
            id: id.clone(),
            about,
            text: Shape::Line.kept(text),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        id
    }

    /// New evidence for an assumption; `None` if the assumption is gone.
    pub fn add_evidence(&mut self, assumption: &str, text: &str) -> Option<String> {
        self.assumptions.iter().find(|a| a.id == assumption)?;
        let id = self.new_id(text, "evidence");
        self.evidence.push(Evidence {
            id: id.clone(),
            assumption: assumption.to_string(),
            kind: None,
            stance: None,
            text: Shape::Prose.kept(text),
            source: String::new(),
            limitations: String::new(),
            extra: Extra::new(),
            comments: Comments::default(),
        });
        Some(id)
    }
}

#[cfg(test)]
mod id_tests {
    use super::super::model::{About, Plan};

    #[test]
    fn ids_are_whole_words_short_and_never_end_mid_phrase() {
        let p = Plan::new("t");
        for (text, id) in [
            (
                "Northside friendship club and women's walking group",
                "northside-friendship-club",
            ),
            (
                "Weekly café-style drop-in sessions",
                "weekly-cafe-style-drop-in",
            ),
            (
                "The women have the confidence to use English",
                "women-have-the-confidence",
            ),
            (
                "Supercalifragilisticexpialidocious-and-more-words-here",
                "supercalifragilisticexpialid",
            ),
            ("Open and run the drop-in café", "open-and-run-the-drop-in"),
        ] {
            let got = p.new_id(text, "x");
            assert_eq!(got, id, "{text}");
            assert!(got.len() <= 28, "{got}");
        }
    }

    #[test]
    fn assumption_and_evidence_ids_come_from_their_own_words() {
        let mut p = Plan::new("t");
        p.goal.text = "Everyone talks".into();
        let o = p
            .add_outcome("Participants have conversations")
            .expect("outcome");
        let a = p.add_assumption(
            About::Item(o.clone()),
            "The barrier to integration in this case is childcare during class times",
        );
        assert_eq!(a, "childcare-during-class");
        let e = p
            .add_evidence(
                &a,
                "Participants' survey 2025: 7 of 10 mothers named childcare",
            )
            .expect("evidence");
        assert_eq!(e, "participants-survey-2025");
        let l = p.add_assumption(
            About::Link {
                from: o.clone(),
                to: "goal".into(),
            },
            "This intermediate outcome leads to this goal because talking builds confidence",
        );
        assert_eq!(l, "talking-builds-confidence");
    }
}
