//! `tocplan bank import`: a spreadsheet of indicators in, a bank out, and a report of
//! every row that could not be placed.

use std::io::Write;

use anyhow::bail;

use super::BankCommand;
use crate::framework::Framework;
use crate::framework::import::{Options, import, read, to_toml};

pub fn run(action: &BankCommand, fw: &Framework) -> anyhow::Result<u8> {
    let BankCommand::Import {
        file,
        out,
        force,
        domain_column,
        indicator_column,
        sheet,
        id,
        name,
        official,
        banks: _,
    } = action;
    let stem = file
        .file_stem()
        .map_or("bank".into(), |s| s.to_string_lossy().into_owned());
    let bank_id = match id {
        Some(i) => crate::text::slug(i, 40),
        None if *official => "home-office".into(),
        None => crate::text::slug(&stem, 40),
    };
    if bank_id.is_empty() {
        bail!("the bank id must have letters or digits; give one with --id");
    }
    let opts = Options {
        domain_column: domain_column.clone(),
        indicator_column: indicator_column.clone(),
        sheet: sheet.clone(),
        bank_id,
        bank_name: name.clone().unwrap_or(stem),
        official: *official,
    };
    let where_ = file.display().to_string();
    // Reading names the file itself.
    let sheets = read(file).map_err(anyhow::Error::msg)?;
    let report = import(&sheets, fw, &opts).map_err(|e| anyhow::anyhow!("{where_}: {e}"))?;
    let text = to_toml(&report).map_err(|e| anyhow::anyhow!("{e}"))?;
    match out {
        Some(path) => {
            crate::files::may_write(path, *force).map_err(anyhow::Error::msg)?;
            crate::plan::write_atomic(path, text.as_bytes())?;
        }
        None => super::output::print(&text)?,
    }
    let mut err = super::output::stderr();
    for (row, why) in &report.skipped {
        writeln!(
            err,
            "{where_}: sheet `{}`, row {row}: skipped: {why}",
            report.sheet
        )?;
    }
    if !report.inherited.is_empty() {
        let rows: Vec<String> = report.inherited.iter().map(usize::to_string).collect();
        writeln!(
            err,
            "{where_}: rows {} had no domain of their own and took the one above (merged cells)",
            rows.join(", ")
        )?;
    }
    writeln!(
        err,
        "imported {} indicators from sheet `{}`; {} rows skipped",
        report.bank.indicators.len(),
        report.sheet,
        report.skipped.len()
    )?;
    Ok(u8::from(!report.skipped.is_empty()))
}
