//! The portfolio for tools: CSV (one row per plan, with its measures per domain, for a
//! spreadsheet; cells defused as the evaluation plan's are) and JSON (everything).

use super::Portfolio;
use crate::plan::evaluation::defuse;

pub fn to_csv(p: &Portfolio) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "File",
        "Title",
        "Place",
        "Start",
        "End",
        "Review",
        "Errors",
        "Findings",
        "Measures",
        "Off track",
        "Could not be read",
    ]
    .map(String::from)
    .to_vec();
    for (c, ds) in &p.categories {
        for (n, name) in ds {
            header.push(format!("{n} {name} ({c})"));
        }
    }
    w.write_record(&header).map_err(|e| e.to_string())?;
    for s in &p.plans {
        let off: Vec<&str> = s.off_track().map(|m| m.measure.as_str()).collect();
        let mut row = vec![
            s.file.clone(),
            s.title.clone(),
            s.place.clone(),
            s.start.clone().unwrap_or_default(),
            s.end.clone().unwrap_or_default(),
            s.status(),
            s.errors.to_string(),
            s.findings.to_string(),
            s.measures.len().to_string(),
            off.join(" "),
            String::new(),
        ];
        for (_, ds) in &p.categories {
            for (n, _) in ds {
                row.push(s.domains[usize::from(*n) - 1].to_string());
            }
        }
        w.write_record(row.into_iter().map(defuse))
            .map_err(|e| e.to_string())?;
    }
    for (file, error) in &p.broken {
        let mut row = vec![file.clone()];
        row.resize(10, String::new());
        row.push(error.clone());
        row.resize(header.len(), String::new());
        w.write_record(row.into_iter().map(defuse))
            .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

pub fn to_json(p: &Portfolio) -> String {
    // Plain data of strings, numbers and lists: it always serialises.
    serde_json::to_string_pretty(p).unwrap_or_default() + "\n"
}
