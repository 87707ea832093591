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
    if path.exists() {
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
