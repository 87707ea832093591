use std::path::PathBuf;

use crate::framework::Framework;
use crate::plan::{Severity, check};

/// Prints findings one per line on stdout, a summary on stderr; returns the exit code.
pub fn run(plans: &[PathBuf], fw: &Framework) -> u8 {
    let mut code = 0;
    let (mut errors, mut warnings) = (0, 0);
    for path in plans {
        match check(path, fw) {
            Ok(findings) => {
                for f in &findings {
                    println!("{}", f.display(path));
                    match f.severity {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                    }
                }
                if !findings.is_empty() {
                    code = code.max(1);
                }
            }
            Err(e) => {
                println!("{e}");
                errors += 1;
                code = code.max(e.exit_code() as u8);
            }
        }
    }
    eprintln!(
        "checked {} plan{}: {errors} error{}, {warnings} warning{}",
        plans.len(),
        plural(plans.len()),
        plural(errors),
        plural(warnings)
    );
    code
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
