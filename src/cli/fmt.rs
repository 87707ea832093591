use std::path::PathBuf;

use crate::plan::{load, to_toml, write_atomic};

/// Rewrites each plan canonically (or, with `check`, reports those that would change).
/// A file that cannot be read is reported and left untouched.
pub fn run(plans: &[PathBuf], check: bool) -> u8 {
    let mut code = 0u8;
    for path in plans {
        let loaded = match load(path) {
            Ok(l) => l,
            Err(e) => {
                println!("{e}");
                code = 2;
                continue;
            }
        };
        let canonical = to_toml(&loaded.plan);
        let current = std::fs::read(path).unwrap_or_default();
        if canonical.as_bytes() == current {
            continue;
        }
        if check {
            println!("{}: not in canonical form; run `tocplan fmt {}`", path.display(), path.display());
            code = code.max(1);
        } else {
            match write_atomic(path, canonical.as_bytes()) {
                Ok(()) => println!("formatted {}", path.display()),
                Err(e) => {
                    println!("{e}");
                    code = 2;
                }
            }
        }
    }
    code
}
