//! `tocplan show --text`: the plan as an outline, which git's textconv driver shows in
//! `git diff` and `git log -p`. git stops the whole command when a textconv fails, so a
//! version that is not a readable plan (a syntax error, conflict markers, a newer schema, an
//! empty file) is shown as it is under a one-line note, and the exit is still 0.

use std::path::Path;

use super::version::why_unreadable;
use crate::files::ReadError;
use crate::plan::diff::outline;
use crate::plan::parse_bytes;

/// The note's start, the same for every reason, so a reader (or a test) can find it.
const NOTE: &str = "# tocplan: not a readable plan, shown as it is";

pub fn show(plan: &Path) -> anyhow::Result<u8> {
    let bytes = match crate::files::read(plan, crate::files::PLAN) {
        Ok(b) => b,
        // Beyond any real plan, and too much to hold: say so, and let git go on.
        Err(e @ ReadError::TooLarge { .. }) => {
            super::output::print(&format!("{NOTE}: {e}\n"))?;
            return Ok(0);
        }
        // A file git gives is always there: this is a person naming the wrong one.
        Err(e) => return Err(e.into()),
    };
    match parse_bytes(&bytes, plan) {
        Ok(loaded) => super::output::print(&outline(&loaded.plan))?,
        // What git shows is read by a person (a pager, a CI log), and this text is the
        // file's own: its control characters are shown, never sent.
        Err(e) => {
            use std::io::Write;
            let raw = String::from_utf8_lossy(&bytes);
            let mut out = super::output::messages();
            write!(out, "{NOTE} ({})\n{raw}", why_unreadable(&e))?;
            out.flush()?;
        }
    }
    Ok(0)
}
