//! The plan layer: model, file format, validation. No terminal code.

mod add;
mod comments;
mod conflict;
pub mod delta;
mod diagnostic;
pub mod diff;
mod edit;
mod error;
pub mod evaluation;
pub mod export;
mod fields;
pub mod merge;
mod model;
mod naming;
mod query;
mod read;
mod reading;
pub use reading::measured_by;
mod rename;
pub mod review;
mod save;
pub mod synthetic;
mod validate;
mod values;
mod write;

pub use comments::{Comments, KeyComments};
pub use conflict::{ConflictRegion, find_conflicts};
pub use diagnostic::{Diagnostic, Pos, Severity, SourceMap};
pub use edit::{Dependant, EditError, Fate};
pub use error::{LoadError, ReadingError, SaveError};
pub use fields::{Field, FieldError, Shape, parse_number};
pub use model::*;
pub use naming::NAME_WIDTH;
pub use read::{Loaded, load, load_plan_only, parse_bytes, parse_plan_only, parse_str};
pub use rename::{RenameError, valid_id};
pub use save::{content_hash, file_hash, real_path, save, write_atomic, write_private};
pub use validate::{serves, validate};
pub use values::{Date, Extra, Number};
pub use write::to_toml;

use std::path::Path;

use crate::framework::Framework;

/// Reads a plan and runs every check, returning all findings in file order: problems
/// reading its content and problems with its links, ids and references alike. Fails only
/// when the file cannot be read as a plan at all.
pub fn check(path: &Path, fw: &Framework) -> Result<Vec<Diagnostic>, LoadError> {
    check_text(&read::read_text(path)?, path, fw)
}

/// `check` on text already in memory; `path` is used in messages only.
pub fn check_text(text: &str, path: &Path, fw: &Framework) -> Result<Vec<Diagnostic>, LoadError> {
    let d = read::decode_str(text, path)?;
    let mut findings = d.diagnostics;
    findings.extend(validate(&d.plan, fw, &d.source));
    // The review only makes sense of a plan whose links and ids hold together.
    if !findings.iter().any(|f| f.severity == Severity::Error) {
        findings.extend(
            review::review(&d.plan, fw)
                .iter()
                .map(|f| f.to_diagnostic(&d.source)),
        );
    }
    for (i, w) in d.plan.waivers.iter().enumerate() {
        if !review::RULES.iter().any(|(id, _)| *id == w.rule) {
            let ids: Vec<&str> = review::RULES.iter().map(|(id, _)| *id).collect();
            findings.push(Diagnostic::warning(
                d.source.get(&format!("waiver[{i}].rule")),
                format!(
                    "waiver of `{}`: there is no such review rule; rules are {}",
                    w.rule,
                    ids.join(", ")
                ),
            ));
        }
    }
    findings.sort_by_key(|d| (d.pos, d.severity));
    Ok(findings)
}

/// The errors `check` reports for a plan (warnings and the review aside), placed by line
/// and column: a plan with any is not sound to edit (with a duplicate id, an edit of one
/// item is an edit of another). `check` runs the full check (of the file, or of the text
/// the plan was read from), only when the quick validation finds an error.
pub fn errors_in(
    plan: &Plan,
    fw: &Framework,
    check: impl FnOnce() -> Result<Vec<Diagnostic>, LoadError>,
) -> Vec<Diagnostic> {
    let is_error = |d: &Diagnostic| d.severity == Severity::Error;
    if !validate(plan, fw, &SourceMap::default())
        .iter()
        .any(is_error)
    {
        return Vec::new();
    }
    match check() {
        Ok(findings) => findings.into_iter().filter(is_error).collect(),
        Err(e) => vec![Diagnostic::error(None, e.to_string())],
    }
}

#[cfg(test)]
mod guide_fields_tests;
#[cfg(test)]
mod tests;
