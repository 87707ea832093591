//! Many plans side by side, for commissioners: per plan its title, place, dates, review
//! status and off-track measures; which of the 14 domains each measures; the indicators two
//! or more plans share, with each plan's latest reading and progress, so like is compared
//! with like; and the gaps. A plan is summarised alone (so plans are read in parallel and
//! only their summaries kept), then the summaries are put together.

mod generate;
mod page;
mod table;
mod text;

pub use generate::plan as generated_plan;
pub use page::to_html;
pub use table::{to_csv, to_json};
pub use text::{to_markdown, to_text};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::framework::Framework;
use crate::plan::evaluation::{self, Progress};
use crate::plan::{Date, Number, Severity, review, validate};

/// The category whose domains are social connections (bonds, bridges, links).
const SOCIAL: &str = "social_connections";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measured {
    pub measure: String,
    pub indicator: String,
    pub domain: Option<u8>,
    /// The latest reading's date and value.
    pub latest: Option<(String, f64)>,
    /// The share of the way from baseline to target, if known.
    pub progress: Option<f64>,
    pub off_track: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The file, as named on the command line or found in a folder.
    pub file: String,
    pub title: String,
    pub place: String,
    pub start: Option<String>,
    pub end: Option<String>,
    /// Errors `check` reports (links, ids, references).
    pub errors: usize,
    /// The review's findings that count (not advice, not waived).
    pub findings: usize,
    pub measures: Vec<Measured>,
    /// Measures per domain, domain 1 first.
    pub domains: [usize; 14],
}

impl Summary {
    pub fn status(&self) -> String {
        match (self.errors, self.findings) {
            (0, 0) => "ready".into(),
            // Findings that count are the review's warnings (advice does not count).
            (0, n) => format!("{n} warning{}", if n == 1 { "" } else { "s" }),
            (n, _) => format!("{n} error{}", if n == 1 { "" } else { "s" }),
        }
    }

    pub fn off_track(&self) -> impl Iterator<Item = &Measured> {
        self.measures.iter().filter(|m| m.off_track)
    }
}

/// One plan of the portfolio: summarised, or the reason it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Entry {
    Plan(Box<Summary>),
    Broken { file: String, error: String },
}

/// What one plan says about an indicator others measure too.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// The plan's index in `Portfolio::plans`.
    pub plan: usize,
    pub measure: String,
    pub latest: Option<(String, f64)>,
    pub progress: Option<f64>,
    pub off_track: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shared {
    pub indicator: String,
    pub text: String,
    /// "4 Work".
    pub domain: String,
    pub plans: Vec<Reading>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Gaps {
    /// Domains no plan measures: "1 Work".
    pub domains: Vec<String>,
    pub categories: Vec<String>,
    /// Indexes of the plans that measure no social connection.
    pub no_social_connection: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    pub plans: Vec<Summary>,
    pub broken: Vec<(String, String)>,
    pub shared: Vec<Shared>,
    pub gaps: Gaps,
    /// The framework's domains by category, for the matrix: (category name, [(number, name)]).
    pub categories: Vec<(String, Vec<(u8, String)>)>,
}

/// A plan's file summarised, from its bytes (as read from disk or from git) or why it could
/// not be read (a message naming the file); `file` names it in messages.
pub fn summarise(file: &str, bytes: Result<Vec<u8>, String>, fw: &Framework) -> Entry {
    let parsed = bytes.and_then(|b| {
        crate::plan::parse_bytes(&b, std::path::Path::new(file)).map_err(|e| e.to_string())
    });
    let loaded = match parsed {
        Ok(l) => l,
        Err(error) => {
            return Entry::Broken {
                file: file.to_string(),
                error,
            };
        }
    };
    let plan = &loaded.plan;
    let errors = validate(plan, fw, &loaded.source)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    // The review only makes sense of a plan whose links and ids hold together (as `check`).
    let findings = if errors == 0 {
        review::review(plan, fw)
            .iter()
            .filter(|f| f.counts())
            .count()
    } else {
        0
    };
    let mut domains = [0usize; 14];
    let measures: Vec<Measured> = evaluation::rows(plan, fw)
        .into_iter()
        .map(|r| {
            let domain = fw.indicator(&r.indicator).map(|i| i.domain);
            if let Some(d) = domain.filter(|d| (1..=14).contains(d)) {
                domains[usize::from(d) - 1] += 1;
            }
            let (progress, off_track) = match r.progress {
                Progress::Known {
                    share, off_track, ..
                } => (Some(share), off_track),
                Progress::Unknown => (None, false),
            };
            Measured {
                measure: r.measure,
                indicator: r.indicator,
                domain,
                latest: r.latest.map(|(d, v, _)| (d.to_string(), v.as_f64())),
                progress,
                off_track,
            }
        })
        .collect();
    let c = &plan.context;
    Entry::Plan(Box::new(Summary {
        file: file.to_string(),
        title: plan.title.clone(),
        place: c.place.clone(),
        start: c.start.map(|d: Date| d.to_string()),
        end: c.end.map(|d| d.to_string()),
        errors,
        findings,
        measures,
        domains,
    }))
}

/// The summaries put together, in the order given.
pub fn build(entries: Vec<Entry>, fw: &Framework) -> Portfolio {
    let mut plans = Vec::new();
    let mut broken = Vec::new();
    for e in entries {
        match e {
            Entry::Plan(s) => plans.push(*s),
            Entry::Broken { file, error } => broken.push((file, error)),
        }
    }
    let mut by_indicator: BTreeMap<&str, Vec<Reading>> = BTreeMap::new();
    for (k, p) in plans.iter().enumerate() {
        for m in &p.measures {
            let here = by_indicator.entry(m.indicator.as_str()).or_default();
            // A plan measuring one indicator twice is one plan sharing it.
            if here.iter().any(|r| r.plan == k) {
                continue;
            }
            here.push(Reading {
                plan: k,
                measure: m.measure.clone(),
                latest: m.latest.clone(),
                progress: m.progress,
                off_track: m.off_track,
            });
        }
    }
    let shared = by_indicator
        .into_iter()
        .filter(|(_, rs)| rs.len() >= 2)
        .map(|(id, rs)| {
            let ind = fw.indicator(id);
            Shared {
                indicator: id.to_string(),
                text: ind.map_or(String::new(), |i| i.text.clone()),
                domain: ind
                    .and_then(|i| fw.domain(i.domain))
                    .map_or(String::new(), |d| format!("{} {}", d.number, d.name)),
                plans: rs,
            }
        })
        .collect();
    let categories: Vec<(String, Vec<(u8, String)>)> = fw
        .categories
        .iter()
        .map(|c| {
            (
                c.name.clone(),
                fw.domains
                    .iter()
                    .filter(|d| d.category == c.id)
                    .map(|d| (d.number, d.name.clone()))
                    .collect(),
            )
        })
        .collect();
    let measured = |d: u8| {
        plans.iter().any(|p| {
            p.domains
                .get(usize::from(d).wrapping_sub(1))
                .is_some_and(|n| *n > 0)
        })
    };
    let social: Vec<u8> = fw
        .domains
        .iter()
        .filter(|d| d.category == SOCIAL)
        .map(|d| d.number)
        .collect();
    let gaps = Gaps {
        domains: fw
            .domains
            .iter()
            .filter(|d| !measured(d.number))
            .map(|d| format!("{} {}", d.number, d.name))
            .collect(),
        categories: categories
            .iter()
            .filter(|(_, ds)| !ds.iter().any(|(n, _)| measured(*n)))
            .map(|(c, _)| c.clone())
            .collect(),
        no_social_connection: plans
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                !social.iter().any(|d| {
                    p.domains
                        .get(usize::from(*d).wrapping_sub(1))
                        .is_some_and(|n| *n > 0)
                })
            })
            .map(|(k, _)| k)
            .collect(),
    };
    Portfolio {
        plans,
        broken,
        shared,
        gaps,
        categories,
    }
}

/// A value as the portfolio shows it: a whole number without a decimal point.
pub fn value(v: f64) -> String {
    Number::Float(v)
        .to_string()
        .trim_end_matches(".0")
        .to_string()
}

#[cfg(test)]
mod tests;
