//! `tocplan export` (the evaluation plan) and `tocplan record` (a monitoring reading).

use std::path::Path;

use anyhow::bail;

use super::ExportFormat;
use crate::framework::Framework;
use crate::plan::evaluation::{rows, to_csv};
use crate::plan::{Date, Kind, Loaded, Plan, ReadingError, Severity, load, save, validate};

/// A plan that loads and has no errors; bad input is never written back.
fn load_clean(path: &Path, fw: &Framework) -> anyhow::Result<Loaded> {
    let loaded = load(path)?;
    let errors = validate(&loaded.plan, fw, &loaded.source)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        bail!(
            "{}: the plan has {errors} error{}; see `tocplan check {}`",
            path.display(),
            if errors == 1 { "" } else { "s" },
            path.display()
        );
    }
    Ok(loaded)
}

pub fn export(
    path: &Path,
    format: ExportFormat,
    out: Option<&Path>,
    force: bool,
    fw: &Framework,
) -> anyhow::Result<u8> {
    let loaded = load_clean(path, fw)?;
    let rows = rows(&loaded.plan, fw);
    let text = match format {
        ExportFormat::Csv => to_csv(&rows).map_err(|e| anyhow::anyhow!(e))?,
        ExportFormat::Markdown => crate::plan::export::to_document(&loaded.plan, fw),
        ExportFormat::Mermaid => crate::plan::export::to_mermaid(&loaded.plan),
        ExportFormat::Dot => crate::plan::export::to_dot(&loaded.plan),
        ExportFormat::Html => crate::report::to_html(&loaded.plan, fw),
    };
    match out {
        // The error names the file and its cause.
        Some(o) => {
            crate::files::may_write(o, force).map_err(anyhow::Error::msg)?;
            crate::plan::write_atomic(o, text.as_bytes())?;
        }
        None => super::output::print(&text)?,
    }
    Ok(0)
}

pub struct NewReading<'a> {
    /// The id of a measure or of an output.
    pub measure: &'a str,
    pub value: &'a str,
    /// One of the measure's comparison groups; none is the whole sample.
    pub group: Option<&'a str>,
    pub date: Option<&'a str>,
    pub note: Option<&'a str>,
    pub replace: bool,
}

pub fn record(path: &Path, r: NewReading, fw: &Framework) -> anyhow::Result<u8> {
    let mut plan = load_clean(path, fw)?.plan;
    let file = path.display();
    match plan.kind_of(r.measure) {
        Some(Kind::Measure | Kind::Output) => {}
        other => bail!("{file}: {}", not_readable(&plan, r.measure, other)),
    }
    let group = plan
        .reading_group(r.measure, r.group.unwrap_or_default())
        .map_err(|e| anyhow::anyhow!("{file}: {}", with_fix(e)))?;
    let value = crate::plan::parse_number(r.value)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .ok_or_else(|| anyhow::anyhow!("give a value, such as 24 or 12.5"))?;
    let date = match r.date {
        Some(d) => d.parse::<Date>().map_err(|e| anyhow::anyhow!(e))?,
        None => {
            Date::today().ok_or_else(|| anyhow::anyhow!("cannot tell today's date; give --date"))?
        }
    };
    crate::plan::measured_by(date, Date::today()).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    plan.add_group_reading(
        r.measure,
        &group,
        date,
        value,
        r.note.unwrap_or_default(),
        r.replace,
    )
    .map_err(|e| anyhow::anyhow!("{file}: {}", with_fix(e)))?;
    save(&plan, path)?;
    let of = if group.is_empty() {
        String::new()
    } else {
        format!(" ({group})")
    };
    super::output::note(&format!(
        "recorded {}{of} = {value} on {date} in {file}",
        r.measure
    ));
    Ok(0)
}

/// A refused reading's reason with what to change on this command line.
fn with_fix(e: ReadingError) -> String {
    let fix = match e {
        ReadingError::DateTaken { .. } => "; pass --replace to change it",
        ReadingError::NoGroups { .. } | ReadingError::OutputGroup { .. } => "; leave out --group",
        ReadingError::GroupNeeded { .. } => "; give it with --group",
        ReadingError::Future { .. } => "",
        ReadingError::NoGroup { .. } | ReadingError::NoMeasure { .. } => "",
    };
    format!("{e}{fix}")
}

/// Why `id` takes no reading: another kind of item, or no item, with the ids that do and
/// the one it most likely meant.
fn not_readable(plan: &Plan, id: &str, kind: Option<Kind>) -> String {
    let list = |ids: Vec<&str>| {
        if ids.is_empty() {
            "(none yet)".to_string()
        } else {
            ids.join(", ")
        }
    };
    let measures: Vec<&str> = plan.measures.iter().map(|m| m.id.as_str()).collect();
    let outputs: Vec<&str> = plan.outputs.iter().map(|o| o.id.as_str()).collect();
    let what = match kind {
        Some(k) => format!(
            "`{id}` is {} {}, not a measure or output",
            article(k.noun()),
            k.noun()
        ),
        None => format!("no measure or output `{id}`"),
    };
    let best = measures
        .iter()
        .chain(&outputs)
        .map(|m| (strsim::jaro_winkler(id, m), *m))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match best {
        Some((_, m)) if kind.is_none() => format!("; did you mean `{m}`?"),
        _ => String::new(),
    };
    format!(
        "{what} (measures: {}; outputs: {}){hint}",
        list(measures),
        list(outputs)
    )
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
