//! `tocplan export` (the evaluation plan) and `tocplan record` (a monitoring reading).

use std::path::Path;

use anyhow::bail;

use super::ExportFormat;
use crate::framework::Framework;
use crate::plan::evaluation::{rows, to_csv};
use crate::plan::{Date, Loaded, ReadingError, Severity, load, save, validate};

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
    pub measure: &'a str,
    pub value: &'a str,
    pub date: Option<&'a str>,
    pub note: Option<&'a str>,
    pub replace: bool,
}

pub fn record(path: &Path, r: NewReading, fw: &Framework) -> anyhow::Result<u8> {
    let mut plan = load_clean(path, fw)?.plan;
    // A count of an output is recorded the same way as a measure's reading.
    let is_output = plan.kind_of(r.measure) == Some(crate::plan::Kind::Output);
    if !is_output && !plan.measures.iter().any(|m| m.id == r.measure) {
        let ids: Vec<&str> = plan.measures.iter().map(|m| m.id.as_str()).collect();
        bail!(
            "{}: no measure or output `{}`; the measures are: {}",
            path.display(),
            r.measure,
            if ids.is_empty() {
                "(none yet)".to_string()
            } else {
                ids.join(", ")
            }
        );
    }
    let value = crate::plan::parse_number(r.value)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .ok_or_else(|| anyhow::anyhow!("give a value, such as 24 or 12.5"))?;
    let date = match r.date {
        Some(d) => d.parse::<Date>().map_err(|e| anyhow::anyhow!(e))?,
        None => {
            Date::today().ok_or_else(|| anyhow::anyhow!("cannot tell today's date; give --date"))?
        }
    };
    plan.add_reading(
        r.measure,
        date,
        value,
        r.note.unwrap_or_default(),
        r.replace,
    )
    .map_err(|e| match e {
        ReadingError::DateTaken { .. } => {
            anyhow::anyhow!("{}: {e}; pass --replace to change it", path.display())
        }
        _ => anyhow::anyhow!("{}: {e}", path.display()),
    })?;
    save(&plan, path)?;
    super::output::note(&format!(
        "recorded {} = {value} on {date} in {}",
        r.measure,
        path.display()
    ));
    Ok(0)
}
