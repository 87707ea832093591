use std::path::PathBuf;

use std::io::Write;

use serde::Serialize;

use super::Format;
use crate::framework::Framework;
use crate::plan::{Diagnostic, Pos, Severity, check};

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
            Err(e) => {
                errors += 1;
                code = code.max(e.exit_code() as u8);
                all.push((path.clone(), Diagnostic::error(None, e.to_string())));
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
                // Load errors carry their own file:line:col prefix.
                if f.pos.is_none()
                    && f.rule.is_none()
                    && f.message.starts_with(&path.display().to_string())
                {
                    lines = lines.and_then(|()| writeln!(out, "{}", f.message));
                } else if f.pos.is_none() {
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
