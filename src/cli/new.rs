use std::path::Path;

use anyhow::bail;

use crate::plan::{Plan, to_toml};

pub fn run(path: &Path, title: Option<&str>) -> anyhow::Result<u8> {
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
        .map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", path.display()))?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    file.sync_all()?;
    println!(
        "wrote {}; open it with `tocplan {}` and start from the goal",
        path.display(),
        path.display()
    );
    Ok(0)
}
