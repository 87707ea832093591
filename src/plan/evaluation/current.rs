//! What a measure's progress is judged on, when it is read for groups: each group's latest
//! value and, for a gap target, the gap between the first two (parity); the activities
//! that feed a measure through the chain; and outputs counted against their targets.

use super::super::model::*;
use super::super::values::{Date, Number};

/// One comparison group's latest reading.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupLatest {
    pub group: String,
    pub latest: Option<(Date, Number)>,
}

/// The latest reading of each of a measure's groups, in the measure's order.
pub fn group_latest(plan: &Plan, m: &Measure) -> Vec<GroupLatest> {
    m.groups
        .iter()
        .map(|g| GroupLatest {
            group: g.clone(),
            latest: latest(plan, &m.id, g, false).map(|r| (r.date, r.value)),
        })
        .collect()
}

fn latest<'a>(plan: &'a Plan, id: &str, group: &str, output: bool) -> Option<&'a Reading> {
    plan.readings
        .iter()
        .filter(|r| r.measure == id && r.group == group && r.output == output)
        .max_by_key(|r| r.date)
}

/// The value progress is judged on, with its date and note: for a gap target, the first
/// group's latest minus the second's (dated by the later of the two); otherwise the latest
/// reading for the whole sample (no group).
pub fn current(plan: &Plan, m: &Measure) -> Option<(Date, Number, String)> {
    if m.gap {
        let groups = group_latest(plan, m);
        let (Some((d1, v1)), Some((d2, v2))) = (
            groups.first().and_then(|g| g.latest),
            groups.get(1).and_then(|g| g.latest),
        ) else {
            return None;
        };
        let gap = match (v1, v2) {
            (Number::Int(a), Number::Int(b)) => Number::Int(a.saturating_sub(b)),
            _ => Number::Float(v1.as_f64() - v2.as_f64()),
        };
        return Some((d1.max(d2), gap, "gap between the groups".into()));
    }
    latest(plan, &m.id, "", false).map(|r| (r.date, r.value, r.note.clone()))
}

/// The activities that feed an outcome through the chain: those serving an output that
/// serves the outcome or an outcome leading to it, in plan order.
pub fn feeding(plan: &Plan, outcome: &str) -> Vec<String> {
    let mut outcomes = vec![outcome.to_string()];
    let mut i = 0;
    while i < outcomes.len() {
        for o in &plan.outcomes {
            if o.serves.contains(&outcomes[i]) && !outcomes.contains(&o.id) {
                outcomes.push(o.id.clone());
            }
        }
        i += 1;
    }
    let outputs: Vec<&str> = plan
        .outputs
        .iter()
        .filter(|o| o.serves.iter().any(|s| outcomes.contains(s)))
        .map(|o| o.id.as_str())
        .collect();
    plan.activities
        .iter()
        .filter(|a| a.serves.iter().any(|s| outputs.contains(&s.as_str())))
        .map(|a| a.id.clone())
        .collect()
}

/// An output counted against its target.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputRow {
    pub output: String,
    pub text: String,
    pub target: Option<Number>,
    pub unit: String,
    /// The latest count: its date, value and note.
    pub latest: Option<(Date, Number, String)>,
}

impl OutputRow {
    /// The share of the target delivered, when both are known.
    pub fn share(&self) -> Option<f64> {
        let target = self.target?.as_f64();
        let (_, v, _) = self.latest.as_ref()?;
        (target != 0.0).then(|| v.as_f64() / target)
    }

    /// "13 of 72 sessions", "72 sessions", "13 sessions".
    pub fn count(&self) -> String {
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        match (&self.latest, self.target) {
            (Some((_, v, _)), Some(t)) => format!("{v} of {t}{unit}"),
            (Some((_, v, _)), None) => format!("{v}{unit}"),
            (None, Some(t)) => format!("none counted yet of {t}{unit}"),
            (None, None) => "-".into(),
        }
    }
}

/// Outputs with a target or a count, in plan order.
pub fn output_rows(plan: &Plan) -> Vec<OutputRow> {
    plan.outputs
        .iter()
        .map(|o| OutputRow {
            output: o.id.clone(),
            text: o.text.clone(),
            target: o.target,
            unit: o.unit.clone(),
            latest: latest(plan, &o.id, "", true).map(|r| (r.date, r.value, r.note.clone())),
        })
        .filter(|r| r.target.is_some() || r.latest.is_some())
        .collect()
}
