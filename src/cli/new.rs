use std::io::Write;
use std::path::Path;

use anyhow::bail;

use crate::plan::{Plan, to_toml};

pub fn run(path: &Path, title: Option<&str>) -> anyhow::Result<u8> {
    if path.is_dir() {
        bail!(
            "{} is a folder; give the new plan's file name, such as {}",
            path.display(),
            path.join("plan.toml").display()
        );
    }
    // An empty (or blank) file holds no work: it is filled, as `check` and the app suggest.
    let blank = blank_file(path);
    if path.exists() && !blank {
        bail!(
            "{} already exists; tocplan new never overwrites a file. Open it with `tocplan {}` or choose another name",
            path.display(),
            path.display()
        );
    }
    let title = match title {
        Some(t) => t.to_string(),
        None => crate::text::title_from_file_name(path),
    };
    let text = to_toml(&Plan::new(&title));
    if blank {
        // Through the save (a link stays a link, mode and owner kept), never a truncate in place.
        crate::plan::write_atomic(path, text.as_bytes())?;
        return wrote(path);
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => anyhow::anyhow!(
                "{}: cannot create it: the folder {} does not exist",
                path.display(),
                crate::git::folder_of(path).display()
            ),
            _ => anyhow::anyhow!(
                "{}: cannot create it ({})",
                path.display(),
                crate::files::reason(&e)
            ),
        })?;
    let written =
        std::io::Write::write_all(&mut file, text.as_bytes()).and_then(|()| file.sync_all());
    if let Err(e) = written {
        // Half a skeleton is no use to anyone; the name stays free for another try.
        drop(file);
        let _ = std::fs::remove_file(path);
        bail!(
            "{}: not written ({})",
            path.display(),
            crate::files::reason(&e)
        );
    }
    wrote(path)
}

/// Whether `path` is a file with nothing but blanks in it (what the loader calls empty).
fn blank_file(path: &Path) -> bool {
    path.is_file()
        && crate::files::read_text(path, crate::files::PLAN).is_ok_and(|t| t.trim().is_empty())
}

fn wrote(path: &Path) -> anyhow::Result<u8> {
    let mut out = super::output::messages();
    writeln!(
        out,
        "wrote {}; open it with `tocplan {}` and start from the goal",
        path.display(),
        path.display()
    )?;
    out.flush()?;
    Ok(0)
}
