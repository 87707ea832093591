use std::io::Write;
use std::path::PathBuf;

use crate::framework::Framework;
use crate::plan::{Severity, load, to_toml, validate, write_atomic};

/// Rewrites each plan canonically (or, with `check`, reports those that would change).
/// A plan that cannot be read, or that has errors, is reported and left untouched: bad
/// input never changes the file.
pub fn run(plans: &[PathBuf], check: bool, fw: &Framework) -> u8 {
    let mut code = 0u8;
    let mut out = super::output::messages();
    // Reports go to stdout as they always have; a closed stdout must not stop the work.
    let mut say = |line: String| {
        let _ = writeln!(out, "{line}");
    };
    for path in plans {
        let loaded = match load(path) {
            Ok(l) => l,
            // What stops a file is an error, said on stderr as every command says one.
            Err(e) => {
                super::output::error(&e.to_string());
                code = 2;
                continue;
            }
        };
        let errors = validate(&loaded.plan, fw, &loaded.source)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        if errors > 0 {
            super::output::error(&format!(
                "{}: not formatted: the plan has {errors} error{}; see `tocplan check {}`",
                path.display(),
                if errors == 1 { "" } else { "s" },
                path.display()
            ));
            code = 2;
            continue;
        }
        let canonical = to_toml(&loaded.plan);
        let current = crate::files::read(path, crate::files::PLAN).unwrap_or_default();
        if canonical.as_bytes() == current {
            continue;
        }
        if check {
            say(format!(
                "{}: not in canonical form; run `tocplan fmt {}`",
                path.display(),
                path.display()
            ));
            code = code.max(1);
        } else {
            match write_atomic(path, canonical.as_bytes()) {
                Ok(()) => say(format!("formatted {}", path.display())),
                Err(e) => {
                    super::output::error(&e.to_string());
                    code = 2;
                }
            }
        }
    }
    code
}
