//! A measure's readings when its groups are edited: the groups are a list the planner
//! edits line by line, and each reading names its group by its words. A group edited in
//! place (same line, the list as long) keeps its readings under its new words; a group
//! taken out of the list takes its readings with it (undo brings both back). Either way
//! no reading is left for a group the measure is not read for, which `check` rejects.

use super::super::model::Plan;

impl Plan {
    /// Readings of `measure` follow its groups going from `old` to `new`; returns how many
    /// readings went with a removed group.
    pub(super) fn regroup_readings(
        &mut self,
        measure: &str,
        old: &[String],
        new: &[String],
    ) -> usize {
        let before = self.readings.len();
        for (i, g) in old.iter().enumerate() {
            if new.contains(g) {
                continue;
            }
            let renamed = (old.len() == new.len())
                .then(|| new[i].clone())
                .filter(|n| !old.contains(n));
            match renamed {
                Some(n) => {
                    for r in self
                        .readings
                        .iter_mut()
                        .filter(|r| !r.output && r.measure == measure && r.group == *g)
                    {
                        r.group = n.clone();
                    }
                }
                None => self
                    .readings
                    .retain(|r| r.output || r.measure != measure || r.group != *g),
            }
        }
        before - self.readings.len()
    }
}

#[cfg(test)]
mod tests {
    use crate::framework::Framework;
    use crate::plan::{Field, load};

    fn cafe() -> crate::plan::Plan {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
        load(&path).expect("load").plan
    }

    fn groups_read(p: &crate::plan::Plan) -> Vec<String> {
        p.readings
            .iter()
            .filter(|r| r.measure == "ask-neighbours")
            .map(|r| r.group.clone())
            .collect()
    }

    #[test]
    fn a_group_edited_in_place_keeps_its_readings_and_one_removed_takes_them() {
        let fw = Framework::builtin().expect("framework");
        let mut p = cafe();
        let f = Field::MeasureGroups("ask-neighbours".into());
        let n = p.readings.len();
        assert_eq!(
            groups_read(&p),
            ["Women in the target group", "Local residents at the café"]
        );
        p.set_field(&f, "Women taking part\nLocal residents at the café", &fw)
            .expect("renamed");
        assert_eq!(
            groups_read(&p),
            ["Women taking part", "Local residents at the café"]
        );
        assert_eq!(p.readings.len(), n);
        p.set_field(&f, "Local residents at the café", &fw)
            .expect("removed");
        assert_eq!(groups_read(&p), ["Local residents at the café"]);
        assert_eq!(p.readings.len(), n - 1);
        // Reordered, nothing is renamed or lost.
        p.set_field(&f, "Women\nLocal residents at the café", &fw)
            .expect("added");
        p.set_field(&f, "Local residents at the café\nWomen", &fw)
            .expect("reordered");
        assert_eq!(groups_read(&p), ["Local residents at the café"]);
    }
}
