//! A small chart of one measure as inline SVG: its readings over time against its
//! baseline, its target and the steady pace from one to the other. The chart's text
//! alternative says the same in words.

use super::html::{esc, num};
use crate::plan::evaluation::{Progress, Row};
use crate::plan::{Date, Plan};

const W: f64 = 320.0;
const H: f64 = 140.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

/// One line of the chart: a comparison group's readings (or the measure's own, with no
/// group), in date order. A gap target adds the gap between the first two groups.
struct Series {
    name: String,
    points: Vec<(Date, f64)>,
}

fn series(plan: &Plan, measure: &str) -> Vec<Series> {
    let of = |group: &str| {
        let mut rs: Vec<(Date, f64)> = plan
            .readings
            .iter()
            .filter(|r| !r.output && r.measure == measure && r.group == group)
            .map(|r| (r.date, r.value.as_f64()))
            .collect();
        rs.sort_by_key(|r| r.0);
        rs
    };
    let groups = plan.measure(measure).map_or(&[][..], |m| &m.groups[..]);
    let mut out: Vec<Series> = std::iter::once(String::new())
        .chain(groups.iter().cloned())
        .map(|g| Series {
            points: of(&g),
            name: g,
        })
        .filter(|s| !s.points.is_empty())
        .collect();
    if let (Some(m), [a, b, ..]) = (plan.measure(measure), groups)
        && m.gap
    {
        let (a, b) = (of(a), of(b));
        let gap: Vec<(Date, f64)> = a
            .iter()
            .filter_map(|(d, v)| b.iter().find(|(e, _)| e == d).map(|(_, w)| (*d, v - w)))
            .collect();
        if !gap.is_empty() {
            out.push(Series {
                name: "gap (first group minus second)".to_string(),
                points: gap,
            });
        }
    }
    out
}

/// In words: what the chart shows, for its text alternative and its caption.
pub fn summary(plan: &Plan, row: &Row) -> String {
    let lines = series(plan, &row.measure);
    let mut out = if lines.is_empty() {
        "No readings yet".to_string()
    } else {
        let each: Vec<String> = lines
            .iter()
            .map(|s| {
                let list: Vec<String> = s
                    .points
                    .iter()
                    .map(|(d, v)| format!("{} on {d}", num(*v)))
                    .collect();
                if s.name.is_empty() {
                    format!("Readings: {}", list.join(", "))
                } else {
                    format!("{}: {}", s.name, list.join(", "))
                }
            })
            .collect();
        each.join("; ")
    };
    if let Some(b) = row.baseline {
        out.push_str(&format!("; baseline {b}"));
    }
    if let Some(t) = row.target {
        out.push_str(&format!("; target {t}"));
        if let Some(d) = row.target_date {
            out.push_str(&format!(" by {d}"));
        }
    }
    match row.progress {
        Progress::Known {
            share, off_track, ..
        } => out.push_str(&format!(
            "; {:.0}% of the way{}",
            share * 100.0,
            if off_track {
                ", behind the steady pace (off track)"
            } else {
                ", on track"
            }
        )),
        Progress::Unknown => {}
    }
    out
}

pub fn svg(plan: &Plan, row: &Row) -> String {
    let lines = series(plan, &row.measure);
    let mut rs: Vec<(Date, f64)> = lines.iter().flat_map(|s| s.points.clone()).collect();
    rs.sort_by_key(|r| r.0);
    let start = plan.context.start.or(rs.first().map(|r| r.0));
    let end = row
        .target_date
        .or(plan.context.end)
        .or(rs.last().map(|r| r.0));
    let label = esc(&summary(plan, row));
    let (Some(start), Some(end)) = (start, end) else {
        return format!("<p class=\"legend\">{label}.</p>");
    };
    let (d0, d1) = (
        start
            .days()
            .min(rs.first().map_or(i64::MAX, |r| r.0.days())),
        end.days().max(rs.last().map_or(i64::MIN, |r| r.0.days())),
    );
    let span = (d1 - d0).max(1) as f64;
    let mut values: Vec<f64> = rs.iter().map(|r| r.1).collect();
    values.extend(row.baseline.map(|n| n.as_f64()));
    values.extend(row.target.map(|n| n.as_f64()));
    let lo = values.iter().copied().fold(f64::MAX, f64::min);
    let hi = values.iter().copied().fold(f64::MIN, f64::max);
    if values.is_empty() {
        return format!("<p class=\"legend\">{label}.</p>");
    }
    let (lo, hi) = if hi > lo {
        (lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08)
    } else {
        (lo - 1.0, hi + 1.0)
    };
    let x = |days: i64| LEFT + (days - d0) as f64 / span * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{label}\">\
         <title>{label}</title>\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{}\"/>\
         <text x=\"{LEFT}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        H - BOTTOM,
        W - RIGHT,
        H - BOTTOM,
        H - BOTTOM,
        H - 8.0,
        Date::from_days(d0).map_or(String::new(), |d| d.to_string()),
        W - RIGHT,
        H - 8.0,
        Date::from_days(d1).map_or(String::new(), |d| d.to_string()),
        LEFT - 4.0,
        num(y(hi) + 8.0),
        num(hi),
        LEFT - 4.0,
        num(y(lo)),
        num(lo),
    );
    let hline = |class: &str, v: f64| {
        format!(
            "<line class=\"{class}\" x1=\"{LEFT}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(y(v)),
            W - RIGHT,
            num(y(v))
        )
    };
    if let Some(b) = row.baseline {
        out.push_str(&hline("baseline", b.as_f64()));
    }
    if let Some(t) = row.target {
        out.push_str(&hline("target", t.as_f64()));
    }
    if let (Some(b), Some(t), Some(td)) = (row.baseline, row.target, row.target_date) {
        out.push_str(&format!(
            "<line class=\"pace\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(x(start.days())),
            num(y(b.as_f64())),
            num(x(td.days())),
            num(y(t.as_f64()))
        ));
    }
    for (i, line) in lines.iter().enumerate() {
        let points: Vec<String> = line
            .points
            .iter()
            .map(|(d, v)| format!("{},{}", num(x(d.days())), num(y(*v))))
            .collect();
        // Each group its own line, told apart by dashes as well as colour (print, colour
        // blindness); the name is on the line's end and in the title.
        let class = format!("reading s{}", i % 4);
        out.push_str(&format!(
            "<polyline class=\"{class}\" points=\"{}\"><title>{}</title></polyline>",
            points.join(" "),
            esc(if line.name.is_empty() {
                "readings"
            } else {
                &line.name
            })
        ));
        for (d, v) in &line.points {
            out.push_str(&format!(
                "<circle class=\"dot s{}\" cx=\"{}\" cy=\"{}\" r=\"3\"/>",
                i % 4,
                num(x(d.days())),
                num(y(*v))
            ));
        }
        if let (false, Some((d, v))) = (line.name.is_empty(), line.points.last()) {
            // Named at its last point, on the side with room: a line that ends in the
            // chart's first half (early readings) is named to its right, or the name
            // would run off the chart's left edge.
            let at = x(d.days());
            let (dx, anchor) = if at < (LEFT + W - RIGHT) / 2.0 {
                (4.0, "start")
            } else {
                (-4.0, "end")
            };
            out.push_str(&format!(
                "<text class=\"series\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                num(at + dx),
                num(y(*v) - 5.0),
                esc(&crate::text::short(&line.name, 24))
            ));
        }
    }
    out.push_str("</svg>");
    out
}

/// The key to every chart's lines, once.
pub const LEGEND: &str = "<p class=\"legend\">In each chart: solid blue, the readings (each comparison group its own line, named at its end: blue, then dashed red, dotted purple, long-dashed teal); \
dotted grey, the baseline; dashed green, the target; dash-dot brown, the steady pace from \
baseline at the plan's start to target by the target date.</p>";
