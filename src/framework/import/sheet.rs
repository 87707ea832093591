//! Spreadsheets as plain grids of text: xlsx, xls and ods through calamine, csv through
//! the csv crate. Row and column indexes are the sheet's own (0-based), so a report can
//! name the row a person sees.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::unpacked;

/// One sheet: its name and its cells, by absolute row and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or("", |s| s.as_str())
    }
}

/// Every sheet of a workbook (or the one sheet of a csv file), in order.
pub fn read(path: &Path) -> Result<Vec<Sheet>, String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = crate::files::read(path, crate::files::SHEET).map_err(|e| e.to_string())?;
    let name = path
        .file_stem()
        .map_or("sheet".into(), |s| s.to_string_lossy().into_owned());
    read_bytes(&bytes, &ext, &name).map_err(|e| format!("{}: {e}", path.display()))
}

/// The sheets of a file's bytes: csv when `ext` is "csv", otherwise whatever workbook
/// format calamine recognises. `name` names a csv file's one sheet.
pub fn read_bytes(bytes: &[u8], ext: &str, name: &str) -> Result<Vec<Sheet>, String> {
    if ext.eq_ignore_ascii_case("csv") {
        return read_csv(bytes, name).map(|s| vec![s]);
    }
    if unpacked::is_zip(bytes) {
        unpacked::check(bytes)?;
    }
    // calamine's own words ("Cannot detect file format") say less than this.
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        "is not a spreadsheet tocplan can read; give an .xlsx, .xls, .ods or .csv file".to_string()
    })?;
    let mut out = Vec::new();
    for (name, range) in book.worksheets() {
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); top as usize];
        for r in range.rows() {
            let mut cells = vec![String::new(); left as usize];
            cells.extend(r.iter().map(text_of));
            rows.push(cells);
        }
        out.push(Sheet { name, rows });
    }
    Ok(out)
}

fn text_of(d: &Data) -> String {
    match d {
        // Whole numbers read from a sheet are written without ".0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    }
}

fn read_csv(bytes: &[u8], name: &str) -> Result<Sheet, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| format!("row {}: {e}", i + 1))?;
        rows.push(rec.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(Sheet {
        name: name.to_string(),
        rows,
    })
}
