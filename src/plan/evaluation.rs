//! The evaluation plan (the guide's Part B, Annex 1): one row per measure, with its latest
//! monitoring reading and how far it has come from baseline to target. Exports as CSV and
//! Markdown, escaped for each.

mod current;
mod export;

pub use current::{GroupLatest, OutputRow, current, feeding, group_latest, output_rows};
pub(crate) use export::defuse;
pub use export::{outputs_markdown, table_markdown, to_csv, to_markdown};

use super::model::*;
use super::values::{Date, Number};
use crate::framework::Framework;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub outcome: String,
    pub outcome_text: String,
    pub measure: String,
    pub indicator: String,
    pub indicator_text: String,
    /// Why this indicator.
    pub rationale: String,
    /// "9 Language and communication".
    pub domain: String,
    pub method: String,
    pub sample: String,
    pub frequency: String,
    pub who: String,
    pub analysis: String,
    pub baseline: Option<Number>,
    pub target: Option<Number>,
    /// The target in words.
    pub target_text: String,
    /// The baseline and target are the gap between the first two groups.
    pub gap: bool,
    pub target_date: Option<Date>,
    /// The value progress is judged on (for a gap target, the gap): date, value, note.
    pub latest: Option<(Date, Number, String)>,
    /// Each comparison group's latest reading.
    pub groups: Vec<GroupLatest>,
    pub progress: Progress,
    /// Why it is off track: "34 on 2026-10-01; a steady pace would be 41 by then".
    pub why: Option<String>,
    /// The activities that feed its outcome through the chain, off track or not.
    pub feeding: Vec<String>,
}

/// How far a measure has come from its baseline toward its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// No reading yet, or no baseline and target to measure against.
    Unknown,
    /// The share of the way from baseline to target (can be below 0 or above 1), whether
    /// that is behind where a steady pace would be by the reading's date, and that share.
    Known {
        share: f64,
        off_track: bool,
        expected: f64,
    },
}

/// How far behind a steady pace a measure may fall before it is flagged.
const TOLERANCE: f64 = 0.10;

/// Rows in plan order: outcomes in their order, each outcome's measures in theirs.
pub fn rows(plan: &Plan, fw: &Framework) -> Vec<Row> {
    let mut out = Vec::new();
    for o in &plan.outcomes {
        for m in plan.measures.iter().filter(|m| m.outcome == o.id) {
            let ind = fw.indicator(&m.indicator);
            let domain = ind
                .and_then(|i| fw.domain(i.domain))
                .map_or(String::new(), |d| format!("{} {}", d.number, d.name));
            let latest = current(plan, m);
            let progress = progress(plan, m, latest.as_ref().map(|l| (l.0, l.1)));
            out.push(Row {
                outcome: o.id.clone(),
                outcome_text: o.text.clone(),
                measure: m.id.clone(),
                indicator: m.indicator.clone(),
                indicator_text: ind.map_or(String::new(), |i| i.text.clone()),
                rationale: m.rationale.clone(),
                domain,
                method: m.method.clone(),
                sample: m.sample.clone(),
                frequency: m.frequency.clone(),
                who: m.collected_by.clone(),
                analysis: m.analysis.clone(),
                baseline: m.baseline,
                target: m.target,
                target_text: m.target_text.clone(),
                gap: m.gap,
                target_date: m.target_date,
                why: why(m, progress, latest.as_ref()),
                progress,
                latest,
                groups: group_latest(plan, m),
                feeding: feeding(plan, &o.id),
            });
        }
    }
    out
}

/// Progress of a measure at a reading: the share of the way from baseline to target, off
/// track when it trails a steady pace from the plan's start to the target date.
pub fn progress(plan: &Plan, m: &Measure, latest: Option<(Date, Number)>) -> Progress {
    let (Some(base), Some(target), Some((date, value))) = (m.baseline, m.target, latest) else {
        return Progress::Unknown;
    };
    let span = target.as_f64() - base.as_f64();
    if span == 0.0 {
        return Progress::Unknown;
    }
    let share = (value.as_f64() - base.as_f64()) / span;
    let start = plan.context.start.or_else(|| {
        plan.readings
            .iter()
            .filter(|r| r.measure == m.id)
            .map(|r| r.date)
            .min()
    });
    let expected = match (start, m.target_date) {
        (Some(s), Some(t)) if t.days() > s.days() => {
            ((date.days() - s.days()) as f64 / (t.days() - s.days()) as f64).clamp(0.0, 1.0)
        }
        _ => 0.0,
    };
    Progress::Known {
        share,
        off_track: share < expected - TOLERANCE,
        expected,
    }
}

/// For an off-track measure, what it is against what a steady pace would give by the
/// same date: "34 on 2026-10-01; a steady pace would be 41 by then".
fn why(m: &Measure, p: Progress, latest: Option<&(Date, Number, String)>) -> Option<String> {
    let (
        Progress::Known {
            off_track: true,
            expected,
            ..
        },
        Some((date, value, _)),
        Some(base),
        Some(target),
    ) = (p, latest, m.baseline, m.target)
    else {
        return None;
    };
    let pace = base.as_f64() + expected * (target.as_f64() - base.as_f64());
    let what = if m.gap { "a gap of " } else { "" };
    // Whole baseline and target: the pace in whole numbers too, as a person would say it.
    let whole = matches!((base, target), (Number::Int(_), Number::Int(_)));
    let pace = if whole || (pace - pace.round()).abs() < 0.05 {
        format!("{}", pace.round() as i64)
    } else {
        format!("{pace:.1}")
    };
    Some(format!(
        "{what}{value} on {date}; a steady pace would be {what}{pace} by then"
    ))
}

/// A reading typed as "24", "24 2026-10-01" or "24 2026-10-01 end of term" (a note with no
/// date is allowed too: "24 end of term", dated `today`).
pub fn parse_reading(text: &str, today: Option<Date>) -> Result<(Number, Date, String), String> {
    let mut words = text.split_whitespace();
    let value = words
        .next()
        .ok_or("give a value first, such as 24 or 12.5")?;
    let value = crate::plan::parse_number(value)
        .map_err(|e| e.to_string())?
        .ok_or("give a value first, such as 24 or 12.5")?;
    let rest: Vec<&str> = words.collect();
    let (date, note) = match rest.first().map(|w| w.parse::<Date>()) {
        Some(Ok(d)) => (d, rest[1..].join(" ")),
        Some(Err(e)) if rest[0].chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            return Err(e);
        }
        _ => (
            today.ok_or("cannot tell today's date; write one after the value")?,
            rest.join(" "),
        ),
    };
    Ok((value, date, note))
}

/// A reading typed for one comparison group, "Women: 18 2026-04-10" or "2: 41": the
/// group as the measure names it (empty if none is named) and the rest. A colon after the
/// value ("20 2026-07-01 note: x") is part of the note; words before a colon that name
/// none of the measure's groups are an error that lists them ("residents: 40" is not a
/// number, it is a group mistyped).
pub fn split_group<'a>(
    plan: &Plan,
    measure: &str,
    text: &'a str,
) -> Result<(String, &'a str), super::ReadingError> {
    if let Some((head, rest)) = text.split_once(':') {
        let head = head.trim();
        let mut words = head.split_whitespace();
        let first = words.next().unwrap_or("");
        let a_value = first.parse::<f64>().is_ok() || first.starts_with('-');
        // "20 2026-07-01 note: x": a reading whose note has a colon.
        let in_the_note = a_value && words.next().is_some();
        if !head.is_empty() && !in_the_note {
            let group = plan.reading_group(measure, head)?;
            return Ok((group, rest.trim_start()));
        }
    }
    Ok((String::new(), text))
}

/// "▁▃▅█" of a measure's readings in date order.
pub fn sparkline(plan: &Plan, measure: &str) -> String {
    // The whole sample's readings (a group's are shown beside its name).
    let mut rs: Vec<&Reading> = plan
        .readings
        .iter()
        .filter(|r| r.measure == measure && r.group.is_empty() && !r.output)
        .collect();
    rs.sort_by_key(|r| r.date);
    let vals: Vec<f64> = rs.iter().map(|r| r.value.as_f64()).collect();
    let (lo, hi) = vals
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    vals.iter()
        .map(|v| {
            let i = if hi > lo {
                ((v - lo) / (hi - lo) * 7.0).round() as usize
            } else {
                3
            };
            BARS[i.min(7)]
        })
        .collect()
}

/// "██████░░░░ 60%" for a share of the way, in `width` cells.
pub fn bar(share: f64, width: usize) -> String {
    let filled = ((share.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!(
        "{}{} {:.0}%",
        "█".repeat(filled),
        "░".repeat(width - filled),
        share * 100.0
    )
}

#[cfg(test)]
mod tests;
