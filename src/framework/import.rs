//! Turning a spreadsheet of indicators (the Home Office toolkit, or any sheet with a
//! domain column and an indicator column) into a bank in tocplan's format. Nothing is
//! dropped silently: every row that cannot be placed is reported with its row number.

mod sheet;
mod unpacked;

pub use sheet::{Sheet, read, read_bytes};

use super::Framework;
use super::bank::{Bank, BankInfo, DataAvailability, Indicator, IndicatorSource, Perspective};
use crate::text::fold;

/// How to read the sheet and what to call the bank.
#[derive(Debug, Clone)]
pub struct Options {
    /// A column by header text, letter (`B`) or number (`2`); found by header if `None`.
    pub domain_column: Option<String>,
    pub indicator_column: Option<String>,
    /// The sheet to read (by name); the first with a header row if `None`.
    pub sheet: Option<String>,
    pub bank_id: String,
    pub bank_name: String,
    /// The indicators are the official wording (the Home Office toolkit).
    pub official: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub bank: Bank,
    pub sheet: String,
    /// (row number as the sheet shows it, why it was not imported).
    pub skipped: Vec<(usize, String)>,
    /// Rows with no domain of their own that took the one above (merged cells).
    pub inherited: Vec<usize>,
}

/// The columns that matter, by 0-based index.
#[derive(Debug, Clone, Copy)]
struct Columns {
    header_row: usize,
    domain: usize,
    indicator: usize,
}

const MARKS: [(&str, DataAvailability); 4] = [
    ("official statistic", DataAvailability::OfficialStatistics),
    ("national survey", DataAvailability::NationalSurvey),
    ("other data", DataAvailability::OtherData),
    ("no data", DataAvailability::NoDataLocated),
];

pub fn import(sheets: &[Sheet], fw: &Framework, opts: &Options) -> Result<Report, String> {
    let candidates: Vec<&Sheet> = match &opts.sheet {
        Some(name) => sheets.iter().filter(|s| s.name == *name).collect(),
        None => sheets.iter().collect(),
    };
    if candidates.is_empty() {
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        return Err(format!(
            "no sheet called `{}`; the sheets are: {}",
            opts.sheet.as_deref().unwrap_or(""),
            names.join(", ")
        ));
    }
    let mut why = String::new();
    for sheet in candidates {
        match columns(sheet, opts) {
            Ok(cols) => return Ok(rows(sheet, cols, fw, opts)),
            Err(e) => why = format!("sheet `{}`: {e}", sheet.name),
        }
    }
    Err(why)
}

/// Finds the header row and the two columns.
fn columns(sheet: &Sheet, opts: &Options) -> Result<Columns, String> {
    let by_header = |row: &[String], want: &str| row.iter().position(|c| fold(c).contains(want));
    for (r, row) in sheet.rows.iter().enumerate().take(30) {
        let domain = pick(row, opts.domain_column.as_deref()).or_else(|| by_header(row, "domain"));
        let indicator =
            pick(row, opts.indicator_column.as_deref()).or_else(|| by_header(row, "indicator"));
        if let (Some(domain), Some(indicator)) = (domain, indicator)
            && domain != indicator
            && (opts.domain_column.is_none()
                || by_header(row, "domain").is_some()
                || looks_like_header(row))
        {
            return Ok(Columns {
                header_row: r,
                domain,
                indicator,
            });
        }
    }
    Err("no header row with a domain column and an indicator column in the first 30 rows; name them with --domain-column and --indicator-column (a header, a letter such as B, or a number)".into())
}

fn looks_like_header(row: &[String]) -> bool {
    row.iter()
        .filter(|c| !c.is_empty())
        .all(|c| c.parse::<f64>().is_err())
}

/// A column given as a header, a letter or a number, if this row has it.
fn pick(row: &[String], spec: Option<&str>) -> Option<usize> {
    let spec = spec?.trim();
    if let Ok(n) = spec.parse::<usize>() {
        return n.checked_sub(1);
    }
    if spec.len() <= 2 && spec.chars().all(|c| c.is_ascii_alphabetic()) {
        let n = spec
            .to_ascii_uppercase()
            .bytes()
            .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
        return n.checked_sub(1);
    }
    let want = fold(spec);
    row.iter().position(|c| fold(c) == want)
}

fn rows(sheet: &Sheet, cols: Columns, fw: &Framework, opts: &Options) -> Report {
    let header = &sheet.rows[cols.header_row];
    let marks: Vec<(usize, DataAvailability)> = header
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != cols.domain && *i != cols.indicator)
        .filter_map(|(i, h)| {
            let h = fold(h);
            MARKS
                .iter()
                .find(|(m, _)| h.contains(m))
                .map(|(_, d)| (i, *d))
        })
        .collect();
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut seen: Vec<(u8, String, usize)> = Vec::new();
    let mut skipped = Vec::new();
    let mut inherited = Vec::new();
    let mut current: Option<u8> = None;
    for r in cols.header_row + 1..sheet.rows.len() {
        let number = r + 1;
        let domain_cell = sheet.cell(r, cols.domain);
        let text = sheet
            .cell(r, cols.indicator)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let domain = if domain_cell.is_empty() {
            None
        } else {
            match resolve_domain(domain_cell, fw) {
                Some(d) => Some(d),
                None if text.is_empty() => continue,
                None => {
                    skipped.push((number, format!("domain `{domain_cell}` is not one of the 14 domains (write 1-14 or a name such as Social bridges)")));
                    continue;
                }
            }
        };
        if text.is_empty() {
            // A heading row: the domain holds for the rows below it.
            current = domain.or(current);
            continue;
        }
        let d = match (domain, current) {
            (Some(d), _) => d,
            (None, Some(d)) => {
                inherited.push(number);
                d
            }
            (None, None) => {
                skipped.push((number, "no domain, and no row above with one".into()));
                continue;
            }
        };
        current = Some(d);
        let key = fold(&text);
        if let Some((_, _, first)) = seen.iter().find(|(sd, t, _)| *sd == d && *t == key) {
            skipped.push((number, format!("the same indicator as row {first}")));
            continue;
        }
        seen.push((d, key, number));
        let domain_id = fw.domain(d).map_or("domain".to_string(), |x| x.id.clone());
        let base = format!(
            "{}.{}.{}",
            opts.bank_id,
            domain_id,
            crate::text::slug(&text, 40)
        );
        let mut id = base.clone();
        let mut n = 2;
        while indicators.iter().any(|i| i.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let data_availability = marks
            .iter()
            .filter(|(c, _)| marked(sheet.cell(r, *c)))
            .map(|(_, m)| *m)
            .collect();
        indicators.push(Indicator {
            id,
            domain: d,
            text,
            perspective: Perspective::All,
            keywords: Vec::new(),
            source: if opts.official {
                IndicatorSource::Official
            } else {
                IndicatorSource::User
            },
            quote_source: None,
            data_availability,
        });
    }
    Report {
        bank: Bank {
            info: BankInfo {
                id: opts.bank_id.clone(),
                name: opts.bank_name.clone(),
                description: format!("Imported by tocplan from the sheet `{}`.", sheet.name),
            },
            indicators,
        },
        sheet: sheet.name.clone(),
        skipped,
        inherited,
    }
}

/// "9", "9.", "Domain 9", "9 Language and communication", "Language & communication".
fn resolve_domain(cell: &str, fw: &Framework) -> Option<u8> {
    let folded = fold(cell).replace('&', " and ");
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "domain")
        .collect();
    if let Some(n) = words.first().and_then(|w| w.parse::<u8>().ok()) {
        return (1..=14).contains(&n).then_some(n);
    }
    let name = words.join(" ");
    fw.find_domain(&name).map(|d| d.number).or_else(|| {
        fw.domains
            .iter()
            .find(|d| name.contains(&fold(&d.name)))
            .map(|d| d.number)
    })
}

/// A data-availability cell counts as marked unless it is empty or says no.
fn marked(cell: &str) -> bool {
    let c = fold(cell);
    !(c.is_empty() || matches!(c.as_str(), "no" | "n" | "0" | "false" | "-"))
}

/// The bank as tocplan's bank TOML, ready for `--bank` or the config folder.
pub fn to_toml(report: &Report) -> Result<String, String> {
    report.bank.to_toml(&format!(
        "# A bank of indicators imported by `tocplan bank import` from the sheet `{}`.\n# Load it with --bank FILE or put it in $XDG_CONFIG_HOME/tocplan/banks/.\n",
        report.sheet.replace('\n', " ")
    ))
}

#[cfg(test)]
mod tests;
