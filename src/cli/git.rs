//! git integration: the merge driver and the one-time setup of a repository.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::plan::merge::merge;
use crate::plan::parse_str;

pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&str>,
) -> anyhow::Result<u8> {
    let name = name.map_or_else(|| ours.display().to_string(), str::to_string);
    // Each error names its file already.
    let read = |p: &Path| crate::files::read_text(p, crate::files::PLAN);
    let (o, a, b) = (read(base)?, read(ours)?, read(theirs)?);
    let label = Path::new(&name);
    let parsed = (
        parse_str(&o, label),
        parse_str(&a, label),
        parse_str(&b, label),
    );
    let (Ok(o), Ok(a), Ok(b)) = parsed else {
        // A side that is not a readable plan cannot be merged by item: fall back to git's
        // line merge, so nothing is lost and git still reports the conflict.
        super::output::note(&format!(
            "tocplan: {name}: one side is not a readable plan; merging by lines instead"
        ));
        let status = Command::new("git")
            .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
            .arg(ours)
            .arg(base)
            .arg(theirs)
            .status()
            .context("running git merge-file")?;
        return Ok(u8::from(!status.success()));
    };
    let merged = merge(&o.plan, &a.plan, &b.plan);
    std::fs::write(ours, &merged.text).map_err(|e| {
        anyhow::anyhow!(
            "{}: not written ({})",
            ours.display(),
            crate::files::reason(&e)
        )
    })?;
    for c in &merged.conflicts {
        super::output::note(&format!("tocplan: {name}: conflict: {c}"));
    }
    if !merged.conflicts.is_empty() {
        super::output::note(&format!(
            "tocplan: {name}: both versions are in the file between <<<<<<< and >>>>>>>; keep one, delete the markers, then `tocplan check {name}`"
        ));
    }
    Ok(u8::from(!merged.conflicts.is_empty()))
}

fn git(args: &[&str]) -> anyhow::Result<std::process::Output> {
    Command::new("git")
        .args(args)
        .output()
        .context("running git (is it installed?)")
}

pub fn setup(patterns: &[String], command: &str) -> anyhow::Result<u8> {
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        bail!("not in a git repository; run `tocplan git-setup` inside the clone");
    }
    let top = String::from_utf8_lossy(&top.stdout).trim().to_string();
    let mut changed = Vec::new();
    for (key, value) in [
        ("diff.tocplan.textconv", format!("{command} show --text")),
        (
            "merge.tocplan.name",
            "tocplan: merge plans by item and field".to_string(),
        ),
        (
            "merge.tocplan.driver",
            format!("{command} merge-driver %O %A %B %P"),
        ),
    ] {
        let now = git(&["config", "--get", key])?;
        if String::from_utf8_lossy(&now.stdout).trim() != value {
            let set = git(&["config", key, &value])?;
            if !set.status.success() {
                bail!(
                    "git config {key}: {}",
                    String::from_utf8_lossy(&set.stderr).trim()
                );
            }
            changed.push(format!("set {key} = {value}"));
        }
    }
    let patterns = if patterns.is_empty() {
        plan_patterns()?
    } else {
        patterns.to_vec()
    };
    let attributes = Path::new(&top).join(".gitattributes");
    // A missing file is started; one that cannot be read is never replaced by a new one.
    let mut text = match crate::files::read_text(&attributes, crate::files::PLAN) {
        Ok(t) => t,
        Err(e) if e.is_not_found() => String::new(),
        Err(e) => return Err(e.into()),
    };
    for p in &patterns {
        let line = format!("{p} diff=tocplan merge=tocplan");
        if !text.lines().any(|l| l.trim() == line) {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&line);
            text.push('\n');
            changed.push(format!("added to .gitattributes: {line}"));
        }
    }
    if changed.iter().any(|c| c.starts_with("added")) {
        crate::plan::write_atomic(&attributes, text.as_bytes())?;
    }
    let mut out = String::new();
    if changed.is_empty() {
        out.push_str("already set up: nothing changed\n");
    }
    for c in &changed {
        out.push_str(c);
        out.push('\n');
    }
    if changed.iter().any(|c| c.starts_with("added")) {
        out.push_str(
            "commit .gitattributes so that every clone shares it; each clone runs `tocplan git-setup` once for the rest\n",
        );
    }
    super::output::print(&out)?;
    Ok(0)
}

/// "plans/*.toml" for each folder holding a plan git tracks (a TOML file with a `schema`
/// line); "plans/*.toml" when there is none yet.
fn plan_patterns() -> anyhow::Result<Vec<String>> {
    // -z: a name such as `pläne/café.toml` is otherwise printed quoted and escaped.
    let out = git(&["ls-files", "-z", "--full-name", "*.toml"])?;
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let top = String::from_utf8_lossy(&top.stdout).trim().to_string();
    let mut dirs: Vec<String> = Vec::new();
    let names = String::from_utf8_lossy(&out.stdout).into_owned();
    for f in names.split('\0').filter(|f| !f.is_empty()) {
        let text = crate::files::read_text(&Path::new(&top).join(f), crate::files::PLAN)
            .unwrap_or_default();
        if !text.lines().any(|l| l.trim_start().starts_with("schema")) {
            continue;
        }
        let pattern = match Path::new(f).parent() {
            Some(d) if !d.as_os_str().is_empty() => format!("{}/*.toml", d.display()),
            _ => "*.toml".to_string(),
        };
        if !dirs.contains(&pattern) {
            dirs.push(pattern);
        }
    }
    if dirs.is_empty() {
        dirs.push("plans/*.toml".into());
    }
    Ok(dirs)
}
