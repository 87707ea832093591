//! A headless run's figures as a table for people or JSON for tools (the speed table).

use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use super::{Report, Sample};

/// Median, 95th percentile and worst of a set of figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Spread {
    pub median: f64,
    pub p95: f64,
    pub max: f64,
}

impl Spread {
    pub fn of(mut values: Vec<f64>) -> Option<Spread> {
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
        Some(Spread {
            median: at(0.5),
            p95: at(0.95),
            max: values[values.len() - 1],
        })
    }
}

/// One script line summed up; times in milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub step: String,
    pub keys: usize,
    /// `update` plus drawing: how long the key held up the next one.
    pub key_ms: Option<Spread>,
    pub update_ms: Option<Spread>,
    pub render_ms: Option<Spread>,
    pub bytes: Option<Spread>,
    /// Key to new picker results on screen, for banks ranked in the background.
    pub results_ms: Option<Spread>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub size: String,
    pub load_ms: f64,
    pub first_frame_ms: f64,
    pub first_frame_bytes: usize,
    pub full_repaint_bytes: usize,
    pub peak_rss_kib: Option<u64>,
    pub quit_early: bool,
    pub steps: Vec<Row>,
    /// Every key of the script together.
    pub all: Row,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(step: String, samples: &[&Sample]) -> Row {
    let spread = |f: &dyn Fn(&Sample) -> Option<f64>| {
        Spread::of(samples.iter().filter_map(|s| f(s)).collect())
    };
    Row {
        step,
        keys: samples.len(),
        key_ms: spread(&|s| Some(ms(s.total()))),
        update_ms: spread(&|s| Some(ms(s.update))),
        render_ms: spread(&|s| Some(ms(s.render))),
        bytes: spread(&|s| Some(s.bytes as f64)),
        results_ms: spread(&|s| s.results.map(ms)),
    }
}

pub fn summarise(report: &Report) -> Summary {
    let steps = report
        .steps
        .iter()
        .map(|s| row(s.label.clone(), &s.samples.iter().collect::<Vec<_>>()))
        .collect();
    let every: Vec<&Sample> = report.steps.iter().flat_map(|s| &s.samples).collect();
    Summary {
        size: format!("{}x{}", report.width, report.height),
        load_ms: ms(report.load),
        first_frame_ms: ms(report.first_frame),
        first_frame_bytes: report.first_frame_bytes,
        full_repaint_bytes: report.full_repaint_bytes,
        peak_rss_kib: report.peak_rss_kib,
        quit_early: report.quit_early,
        steps,
        all: row("all keys".into(), &every),
    }
}

/// The summary as an aligned table: one row per script line, then all keys together.
pub fn text(s: &Summary) -> String {
    let mut out = String::new();
    let rss = s
        .peak_rss_kib
        .map_or("n/a".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
    let _ = writeln!(
        out,
        "terminal {}  ready {:.2} ms  first frame {:.2} ms ({} bytes)  full repaint {} bytes  peak RSS {rss}",
        s.size, s.load_ms, s.first_frame_ms, s.first_frame_bytes, s.full_repaint_bytes
    );
    if s.quit_early {
        let _ = writeln!(out, "the script quit the app before its last line");
    }
    let _ = writeln!(
        out,
        "{:<28} {:>5}  {:>21}  {:>15}  {:>15}  {:>13}  {:>15}",
        "step",
        "keys",
        "key ms med/p95/max",
        "update ms med",
        "render ms med",
        "bytes med/max",
        "results ms med"
    );
    let one = |v: &Option<Spread>, f: &dyn Fn(&Spread) -> String| v.as_ref().map_or("-".into(), f);
    for r in s.steps.iter().chain(std::iter::once(&s.all)) {
        let step: String = r.step.chars().take(28).collect();
        let _ = writeln!(
            out,
            "{step:<28} {:>5}  {:>21}  {:>15}  {:>15}  {:>13}  {:>15}",
            r.keys,
            one(&r.key_ms, &|k| format!(
                "{:.3}/{:.3}/{:.3}",
                k.median, k.p95, k.max
            )),
            one(&r.update_ms, &|k| format!("{:.3}", k.median)),
            one(&r.render_ms, &|k| format!("{:.3}", k.median)),
            one(&r.bytes, &|k| format!("{:.0}/{:.0}", k.median, k.max)),
            one(&r.results_ms, &|k| format!("{:.2}", k.median)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_takes_median_p95_and_max() {
        let s = Spread::of((1..=100).map(f64::from).collect()).expect("spread");
        assert_eq!(s.median, 51.0);
        assert_eq!(s.p95, 95.0);
        assert_eq!(s.max, 100.0);
        assert_eq!(Spread::of(Vec::new()), None);
    }
}
