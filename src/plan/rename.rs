//! Giving an item a new id: every reference to it follows (what it serves and what serves
//! it, its responsible stakeholders and partners, a measure's outcome, an assumption's item or link,
//! evidence's assumption, readings' measure). The merge renames through the same function,
//! so the two never disagree on what a reference is.

use super::model::*;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenameError {
    #[error("no item has the id `{0}`")]
    Missing(String),
    #[error("the goal's id is always `{GOAL_ID}` and cannot change")]
    Goal,
    #[error("`{GOAL_ID}` is the goal's id; choose another")]
    Reserved,
    #[error("an id cannot be empty")]
    Empty,
    #[error("id `{id}` may hold only letters, digits, `-`, `_` and `.`; try `{suggestion}`")]
    BadCharacters { id: String, suggestion: String },
    #[error("`{id}` is already the id of the {kind}; ids are unique across the plan")]
    Taken { id: String, kind: &'static str },
    #[error("`{0}` is already its id")]
    Same(String),
}

/// Whether `id` is written as an id may be (letters, digits, `-`, `_`, `.`).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.'))
}

impl Plan {
    /// Renames the item `old` to `new`, checked first: nothing changes unless it can be
    /// done whole.
    pub fn rename_id(&mut self, old: &str, new: &str) -> Result<(), RenameError> {
        let new = new.trim();
        if old == GOAL_ID {
            return Err(RenameError::Goal);
        }
        if self.kind_of(old).is_none() {
            return Err(RenameError::Missing(old.to_string()));
        }
        if new.is_empty() {
            return Err(RenameError::Empty);
        }
        if new == old {
            return Err(RenameError::Same(new.to_string()));
        }
        if new == GOAL_ID {
            return Err(RenameError::Reserved);
        }
        if !valid_id(new) {
            let suggestion = match crate::text::slug(new, 40) {
                s if s.is_empty() => "a-word-or-two".to_string(),
                s => s,
            };
            return Err(RenameError::BadCharacters {
                id: crate::text::sanitize(new),
                suggestion,
            });
        }
        if let Some(kind) = self.kind_of(new) {
            return Err(RenameError::Taken {
                id: new.to_string(),
                kind: kind.noun(),
            });
        }
        move_id(self, old, new);
        Ok(())
    }
}

fn swap(s: &mut String, old: &str, new: &str) {
    if s == old {
        *s = new.to_string();
    }
}

/// Gives the item `old` the id `new` and moves every reference to it along, unchecked
/// (the merge has checked already).
pub(crate) fn move_id(plan: &mut Plan, old: &str, new: &str) {
    let serves = |v: &mut Vec<String>| v.iter_mut().for_each(|s| swap(s, old, new));
    plan.stakeholders
        .iter_mut()
        .for_each(|x| swap(&mut x.id, old, new));
    for x in &mut plan.outcomes {
        swap(&mut x.id, old, new);
        serves(&mut x.serves);
    }
    for x in &mut plan.outputs {
        swap(&mut x.id, old, new);
        serves(&mut x.serves);
    }
    for x in &mut plan.activities {
        swap(&mut x.id, old, new);
        serves(&mut x.serves);
        serves(&mut x.responsible);
        serves(&mut x.partners);
    }
    for x in &mut plan.measures {
        swap(&mut x.id, old, new);
        swap(&mut x.outcome, old, new);
    }
    for x in &mut plan.assumptions {
        swap(&mut x.id, old, new);
        match &mut x.about {
            About::Item(t) => swap(t, old, new),
            About::Link { from, to } => {
                swap(from, old, new);
                swap(to, old, new);
            }
        }
    }
    for x in &mut plan.evidence {
        swap(&mut x.id, old, new);
        swap(&mut x.assumption, old, new);
    }
    plan.readings
        .iter_mut()
        .for_each(|x| swap(&mut x.measure, old, new));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cafe() -> Plan {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::plan::load(&root.join("plans/language-cafe.toml"))
            .expect("example")
            .plan
    }

    /// Every id the plan's references name, as text: nothing may still name `old`.
    fn mentions(p: &Plan, id: &str) -> usize {
        crate::plan::to_toml(p)
            .lines()
            .filter(|l| l.contains(&format!("\"{id}\"")))
            .count()
    }

    #[test]
    fn every_reference_follows_a_rename() {
        for kind_pick in 0..6 {
            let mut p = cafe();
            let old = match kind_pick {
                0 => p.outcomes[0].id.clone(),
                1 => p.outputs[0].id.clone(),
                2 => p.activities[0].id.clone(),
                3 => p.stakeholders[0].id.clone(),
                4 => p.measures[0].id.clone(),
                _ => p.assumptions[0].id.clone(),
            };
            let before = mentions(&p, &old);
            assert!(before > 0, "{old}");
            let (kind, count) = (p.kind_of(&old), p.item_count());
            p.rename_id(&old, "renamed-item").expect("rename");
            assert_eq!(mentions(&p, &old), 0, "{old} is still named");
            assert_eq!(mentions(&p, "renamed-item"), before, "{old}");
            assert_eq!(p.kind_of("renamed-item"), kind);
            assert_eq!(p.item_count(), count);
            let fw = crate::framework::Framework::builtin().expect("framework");
            let errors: Vec<_> = crate::plan::validate(&p, &fw, &crate::plan::SourceMap::default())
                .into_iter()
                .filter(|d| d.severity == crate::plan::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{old}: {errors:?}");
        }
    }

    #[test]
    fn evidence_and_readings_follow_their_assumption_and_measure() {
        let mut p = cafe();
        let a = p.evidence[0].assumption.clone();
        p.rename_id(&a, "why-it-works").expect("rename");
        assert_eq!(p.evidence[0].assumption, "why-it-works");
        let m = p.readings[0].measure.clone();
        p.rename_id(&m, "attendance").expect("rename");
        assert!(p.readings.iter().all(|r| r.measure != m));
        assert_eq!(p.readings[0].measure, "attendance");
    }

    #[test]
    fn a_bad_new_id_changes_nothing_and_says_why() {
        let p = cafe();
        let old = p.outputs[0].id.clone();
        let other = p.outputs[1].id.clone();
        for (new, says) in [
            (other.as_str(), "already the id of the output"),
            ("goal", "is the goal's id"),
            ("", "cannot be empty"),
            ("two words", "try `two-words`"),
            ("café!", "may hold only letters"),
            (old.as_str(), "already its id"),
        ] {
            let mut q = p.clone();
            let err = q.rename_id(&old, new).expect_err(new);
            assert!(err.to_string().contains(says), "{new}: {err}");
            assert_eq!(q, p, "{new}: nothing changed");
        }
        let mut q = p.clone();
        assert_eq!(q.rename_id("goal", "x"), Err(RenameError::Goal));
        assert!(matches!(
            q.rename_id("nope", "x"),
            Err(RenameError::Missing(_))
        ));
    }
}
