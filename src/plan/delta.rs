//! The difference between two versions of a plan, small enough to keep hundreds of for
//! undo: each list keeps only the stretch that changed (one edited outcome, an added
//! activity), and the plan's scalar parts only if they changed. Applying a delta gives
//! back its inverse, so undo and redo are the same operation.

use super::fields::Field;
use super::model::*;

/// `old` goes back in place of the `new_len` items at `at`.
#[derive(Debug, Clone, PartialEq)]
struct Splice<T> {
    at: usize,
    old: Vec<T>,
    new_len: usize,
}

fn splice_between<T: PartialEq + Clone>(before: &[T], after: &[T]) -> Option<Splice<T>> {
    if before == after {
        return None;
    }
    let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    let room = before.len().min(after.len()) - prefix;
    let suffix = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    Some(Splice {
        at: prefix,
        old: before[prefix..before.len() - suffix].to_vec(),
        new_len: after.len() - suffix - prefix,
    })
}

fn apply_splice<T>(v: &mut Vec<T>, s: Splice<T>) -> Splice<T> {
    let put = s.old.len();
    let end = (s.at + s.new_len).min(v.len());
    let at = s.at.min(end);
    let removed: Vec<T> = v.splice(at..end, s.old).collect();
    Splice {
        at,
        old: removed,
        new_len: put,
    }
}

/// Generates the delta type over every part of `Plan`: lists as splices, the rest whole.
macro_rules! delta {
    (lists: $($list:ident: $t:ty),*; whole: $($field:ident: $ft:ty),*) => {
        /// What to put back to turn one version of a plan into another.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Delta {
            $($list: Option<Splice<$t>>,)*
            $($field: Option<$ft>,)*
        }

        impl Delta {
            /// What turns `after` back into `before`.
            pub fn between(before: &Plan, after: &Plan) -> Delta {
                Delta {
                    $($list: splice_between(&before.$list, &after.$list),)*
                    $($field: (before.$field != after.$field).then(|| before.$field.clone()),)*
                }
            }

            /// Whether putting this delta back would change `plan`: false when the change
            /// it was kept for made no difference after all.
            pub fn differs_from(&self, plan: &Plan) -> bool {
                $(self.$list.as_ref().is_some_and(|s| {
                    plan.$list.get(s.at..s.at + s.new_len) != Some(s.old.as_slice())
                }) ||)*
                $(self.$field.as_ref().is_some_and(|v| *v != plan.$field) ||)* false
            }

            /// True when the two plans were the same.
            pub fn is_empty(&self) -> bool {
                $(self.$list.is_none() &&)* $(self.$field.is_none() &&)* true
            }

            /// Puts this delta's parts back into `plan`; returns what undoes that.
            pub fn apply(self, plan: &mut Plan) -> Delta {
                Delta {
                    $($list: self.$list.map(|s| apply_splice(&mut plan.$list, s)),)*
                    $($field: self.$field.map(|v| std::mem::replace(&mut plan.$field, v)),)*
                }
            }
        }
    };
}

delta!(
    lists: stakeholders: Stakeholder, outcomes: Outcome, outputs: Output,
        activities: Activity, measures: Measure, assumptions: Assumption,
        evidence: Evidence, readings: Reading, waivers: Waiver, trailing_comments: String;
    whole: title: String, context: Context, goal: Goal, extra: super::values::Extra,
        comments: super::comments::Comments
);

/// One item of a list, as it is, ready to be put back.
fn one<T: Clone>(list: &[T], at: Option<usize>) -> Option<Splice<T>> {
    let at = at?;
    Some(Splice {
        at,
        old: vec![list.get(at)?.clone()],
        new_len: 1,
    })
}

impl Delta {
    /// What puts back the part of `plan` that setting `field` changes, taken before it is
    /// set: a field lives in one item (or the title, context or goal), so an edit keeps
    /// that item rather than a copy of the whole plan. `None` if the field's item is not
    /// in the plan (setting it then fails anyway).
    pub fn before_field(plan: &Plan, field: &Field) -> Option<Delta> {
        use Field as F;
        fn at<T>(list: &[T], id: &str, key: fn(&T) -> &str) -> Option<usize> {
            list.iter().position(|x| key(x) == id)
        }
        let mut d = Delta::default();
        match field {
            F::Title => d.title = Some(plan.title.clone()),
            F::Problem | F::Place | F::Start | F::End | F::KeyDomains | F::Rights => {
                d.context = Some(plan.context.clone())
            }
            F::GoalText | F::ImpactEvidence => d.goal = Some(plan.goal.clone()),
            F::Text(id) if id == GOAL_ID => d.goal = Some(plan.goal.clone()),
            // The first item with the id, in the order setting the text looks for it.
            F::Text(id) => {
                if let Some(i) = at(&plan.outcomes, id, |o| &o.id) {
                    d.outcomes = one(&plan.outcomes, Some(i));
                } else if let Some(i) = at(&plan.outputs, id, |o| &o.id) {
                    d.outputs = one(&plan.outputs, Some(i));
                } else {
                    let i = at(&plan.activities, id, |a| &a.id);
                    d.activities = Some(one(&plan.activities, i)?);
                }
            }
            F::OutputTarget(id) | F::OutputUnit(id) => {
                let i = at(&plan.outputs, id, |o| &o.id);
                d.outputs = Some(one(&plan.outputs, i)?);
            }
            F::Resources(id) | F::Barrier(id) | F::Responsible(id) | F::Partners(id) => {
                let i = at(&plan.activities, id, |a| &a.id);
                d.activities = Some(one(&plan.activities, i)?);
            }
            F::AssumptionText(id) => {
                let i = at(&plan.assumptions, id, |a| &a.id);
                d.assumptions = Some(one(&plan.assumptions, i)?);
            }
            F::EvidenceText(id)
            | F::EvidenceSource(id)
            | F::EvidenceKind(id)
            | F::EvidenceStance(id)
            | F::EvidenceLimitations(id) => {
                let i = at(&plan.evidence, id, |e| &e.id);
                d.evidence = Some(one(&plan.evidence, i)?);
            }
            F::StakeholderName(id)
            | F::StakeholderGroup(id)
            | F::StakeholderRole(id)
            | F::StakeholderInvolvement(id)
            | F::StakeholderAgreed(id) => {
                let i = at(&plan.stakeholders, id, |s| &s.id);
                d.stakeholders = Some(one(&plan.stakeholders, i)?);
            }
            // Its readings follow the groups: the whole plan is kept for undo.
            F::MeasureGroups(_) => return None,
            F::MeasureIndicator(id)
            | F::MeasureRationale(id)
            | F::MeasureTargetText(id)
            | F::MeasureGap(id)
            | F::MeasureAnalysis(id)
            | F::MeasureBaseline(id)
            | F::MeasureTarget(id)
            | F::MeasureTargetDate(id)
            | F::MeasureMethod(id)
            | F::MeasureSample(id)
            | F::MeasureFrequency(id)
            | F::MeasureCollectedBy(id) => {
                let i = at(&plan.measures, id, |m| &m.id);
                d.measures = Some(one(&plan.measures, i)?);
            }
        }
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::synthetic;

    fn round_trip(before: &Plan, after: &Plan) {
        let back = Delta::between(before, after);
        let mut plan = after.clone();
        let forward = back.apply(&mut plan);
        assert_eq!(&plan, before);
        forward.apply(&mut plan);
        assert_eq!(&plan, after);
    }

    #[test]
    fn deltas_undo_and_redo_every_kind_of_change() {
        let before = synthetic::plan(60);
        type Change = Box<dyn Fn(&mut Plan)>;
        let changes: Vec<Change> = vec![
            Box::new(|p| p.outcomes[3].text.push_str(" more")),
            Box::new(|p| p.title = "Another".into()),
            Box::new(|p| p.context.place = "Elsewhere".into()),
            Box::new(|p| p.goal.text.clear()),
            Box::new(|p| {
                p.activities.remove(0);
            }),
            Box::new(|p| {
                p.activities.pop();
            }),
            Box::new(|p| {
                let a = p.activities[5].clone();
                p.activities.insert(7, a);
            }),
            Box::new(|p| {
                p.outputs.clear();
                p.measures.truncate(2);
            }),
            Box::new(|p| p.trailing_comments.push("# end".into())),
            Box::new(|p| {
                p.readings.reverse();
                p.stakeholders[0].name = "X".into();
            }),
        ];
        for change in changes {
            let mut after = before.clone();
            change(&mut after);
            round_trip(&before, &after);
        }
        round_trip(&Plan::default(), &before);
        round_trip(&before, &Plan::default());
    }

    /// For every kind of field, the part kept before setting it undoes exactly that edit,
    /// and a second edit to the same value is no change.
    #[test]
    fn a_field_edit_is_undone_by_the_part_kept_before_it() {
        let fw = crate::framework::Framework::builtin().expect("framework");
        let before = synthetic::plan(60);
        let fields = [
            (Field::Title, "Another title"),
            (Field::Place, "Elsewhere"),
            (Field::End, "2027-11-30"),
            (Field::KeyDomains, "9, 6"),
            (Field::GoalText, "Everyone feels at home"),
            (Field::Text(GOAL_ID.into()), "Everyone belongs"),
            (
                Field::Text("outcome-3".into()),
                "Neighbours know each other",
            ),
            (Field::Text("output-5".into()), "A weekly café"),
            (Field::Text("activity-7".into()), "Run the café"),
            (Field::Barrier("activity-2".into()), "Childcare"),
            (Field::Responsible("activity-2".into()), "stakeholder-1"),
            (
                Field::AssumptionText("assumption-4".into()),
                "People come back",
            ),
            (Field::EvidenceSource("evidence-4".into()), "Survey 2025"),
            (Field::StakeholderRole("stakeholder-0".into()), "Hosts"),
            (Field::MeasureTarget("measure-3".into()), "55"),
            (Field::MeasureMethod("measure-3".into()), "Interviews"),
        ];
        for (field, value) in fields {
            let back = Delta::before_field(&before, &field).expect("the field's item");
            let mut plan = before.clone();
            plan.set_field(&field, value, &fw).expect("set");
            assert!(back.differs_from(&plan), "{field:?}");
            assert_eq!(back, Delta::between(&before, &plan), "{field:?}");
            let again = Delta::before_field(&plan, &field).expect("again");
            plan.set_field(&field, value, &fw).expect("set again");
            assert!(
                !again.differs_from(&plan),
                "{field:?}: the same value twice is no change"
            );
        }
        assert!(Delta::before_field(&before, &Field::Text("no-such".into())).is_none());
    }

    #[test]
    fn a_one_item_edit_keeps_only_that_item() {
        let before = synthetic::plan(1000);
        let mut after = before.clone();
        after.outcomes[100].text.push('!');
        assert!(Delta::between(&before, &before).is_empty());
        let d = Delta::between(&before, &after);
        assert!(!d.is_empty());
        let kept = d.outcomes.as_ref().map(|s| s.old.len());
        assert_eq!(kept, Some(1));
        assert!(d.activities.is_none() && d.context.is_none());
    }
}
