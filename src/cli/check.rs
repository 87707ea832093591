use std::path::{Path, PathBuf};

use std::io::Write;

use serde::Serialize;

use super::Format;
use crate::framework::Framework;
use crate::plan::{Diagnostic, LoadError, Pos, Severity, check};

/// One finding as `--format json` writes it.
#[derive(Serialize)]
struct JsonFinding<'a> {
    file: String,
    line: Option<usize>,
    col: Option<usize>,
    severity: String,
    message: &'a str,
    /// The review rule, for review findings.
    rule: Option<&'a str>,
    /// The framework's reason for the rule, in one sentence.
    reason: Option<&'a str>,
    /// Why the team switched the rule off, if it did.
    waived: Option<&'a str>,
}

/// Prints findings (text: one per line on stdout, a summary on stderr; json: one array on
/// stdout) and returns the exit code: 0 clean or advice only, 1 errors or warnings that
/// count, 2 when a file cannot be read as a plan.
pub fn run(plans: &[PathBuf], format: Format, fw: &Framework) -> u8 {
    let mut code = 0;
    let (mut errors, mut warnings, mut advice, mut waived) = (0, 0, 0, 0);
    let mut all: Vec<(PathBuf, Diagnostic)> = Vec::new();
    for path in plans {
        match check(path, fw) {
            Ok(findings) => {
                for f in findings {
                    match f.severity {
                        // A waived review finding is shown but does not fail the check.
                        _ if f.waived.is_some() => waived += 1,
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                        Severity::Advice => advice += 1,
                    }
                    all.push((path.clone(), f));
                }
                if errors + warnings > 0 {
                    code = code.max(1);
                }
            }
            Err(LoadError::Invalid { diagnostics, .. }) => {
                errors += diagnostics.len();
                code = code.max(1);
                all.extend(diagnostics.into_iter().map(|d| (path.clone(), d)));
            }
            Err(e) => {
                errors += 1;
                code = code.max(e.exit_code() as u8);
                match as_finding(&e, path) {
                    Some(f) => all.push((path.clone(), f)),
                    // No line to point at: the file itself cannot be read. It is said once, as
                    // every command says what stopped it; JSON keeps it as a row for machines.
                    None if format == Format::Text => super::output::error(&e.to_string()),
                    None => all.push((
                        path.clone(),
                        Diagnostic::error(None, without_path(&e.to_string(), path)),
                    )),
                }
            }
        }
    }
    let mut out = match format {
        Format::Text => super::output::messages(),
        _ => super::output::stdout(),
    };
    let written = match format {
        Format::Text => {
            let mut lines = Ok(());
            for (path, f) in &all {
                if f.pos.is_none() {
                    // A finding about the plan as a whole still gets a place, so editors
                    // and CI annotators (which want file:line:col) take it.
                    let at_start = Diagnostic {
                        pos: Some(Pos { line: 1, col: 1 }),
                        ..f.clone()
                    };
                    lines = lines.and_then(|()| writeln!(out, "{}", at_start.display(path)));
                } else {
                    lines = lines.and_then(|()| writeln!(out, "{}", f.display(path)));
                }
            }
            let waived = if waived > 0 {
                format!(", {waived} waived")
            } else {
                String::new()
            };
            super::output::note(&format!(
                "checked {} plan{}: {errors} error{}, {warnings} warning{}, {advice} advice{waived}",
                plans.len(),
                plural(plans.len()),
                plural(errors),
                plural(warnings)
            ));
            lines
        }
        Format::Json => {
            let rows: Vec<JsonFinding> = all
                .iter()
                .map(|(path, f)| JsonFinding {
                    file: path.display().to_string(),
                    line: f.pos.map(|p| p.line),
                    col: f.pos.map(|p| p.col),
                    severity: f.severity.to_string(),
                    message: &f.message,
                    rule: f.rule,
                    reason: f
                        .rule
                        .and_then(|r| fw.worksheet.review_reason(r))
                        .map(|r| r.reason.as_str()),
                    waived: f.waived.as_deref(),
                })
                .collect();
            match crate::json::to_string_pretty(&rows) {
                Ok(s) => writeln!(out, "{s}"),
                Err(e) => {
                    super::output::error(&e.to_string());
                    return 2;
                }
            }
        }
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        // The reader went away (`| head`): as for every command, no error.
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
        super::output::error(&format!(
            "cannot write the findings: {}",
            crate::files::reason(&e)
        ));
        return 2;
    }
    code
}

/// A load error with a place in the file (a syntax error, conflict markers, an empty file),
/// as a finding at that place whose message does not repeat the file's name; `None` for
/// a file that cannot be read at all.
fn as_finding(e: &LoadError, path: &Path) -> Option<Diagnostic> {
    if matches!(e, LoadError::File(_) | LoadError::Directory { .. }) {
        return None;
    }
    let text = e.to_string();
    let rest = without_path(&text, path);
    let mut parts = rest.splitn(3, ':');
    let (line, col, message) = (parts.next()?, parts.next()?, parts.next()?);
    let pos = Pos {
        line: line.parse().ok()?,
        col: col.parse().ok()?,
    };
    let message = message.trim_start();
    let message = message.strip_prefix("error: ").unwrap_or(message);
    Some(Diagnostic::error(Some(pos), message.to_string()))
}

fn without_path(message: &str, path: &Path) -> String {
    let name = format!("{}:", path.display());
    message
        .strip_prefix(&name)
        .map_or(message, str::trim_start)
        .to_string()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
