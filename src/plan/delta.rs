//! The difference between two versions of a plan, small enough to keep hundreds of for
//! undo: each list keeps only the stretch that changed (one edited outcome, an added
//! activity), and the plan's scalar parts only if they changed. Applying a delta gives
//! back its inverse, so undo and redo are the same operation.

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
