//! git integration: the merge driver and the one-time setup of a repository.

mod setup;

pub use setup::setup;

use std::path::Path;
use std::process::Command;

use anyhow::Context;

use crate::framework::Framework;
use crate::plan::merge::{Style, merge};
use crate::plan::parse_str;

/// What git passes about the markers: their length and the names of the three versions.
pub struct Labels<'a> {
    pub size: usize,
    pub base: Option<&'a str>,
    pub ours: Option<&'a str>,
    pub theirs: Option<&'a str>,
}

pub fn merge_driver(
    [base, ours, theirs]: [&Path; 3],
    name: Option<&str>,
    labels: &Labels<'_>,
    fw: &Framework,
) -> anyhow::Result<u8> {
    let name = name.map_or_else(|| ours.display().to_string(), str::to_string);
    let style = style(labels);
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
        return merge_lines([base, ours, theirs], &style);
    };
    let merged = merge(&o.plan, &a.plan, &b.plan, fw, &style);
    // Whatever the merge by item believes, a clean result that does not read back as a
    // sound plan is never handed to git to commit: git's line merge marks it instead.
    if merged.conflicts.is_empty() {
        let sound = parse_str(&merged.text, label).ok().is_some_and(|m| {
            !crate::plan::validate(&m.plan, fw, &crate::plan::SourceMap::default())
                .iter()
                .any(|d| d.severity == crate::plan::Severity::Error)
        });
        if !sound {
            super::output::note(&format!(
                "tocplan: {name}: the merged plan would not read back as a sound plan; merging by lines instead"
            ));
            return merge_lines([base, ours, theirs], &style).map(|code| code.max(1));
        }
    }
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
        // Taking one whole side of the file would also drop the other side's clean
        // changes, so the advice is to resolve each marked item.
        let n = merged.conflicts.len();
        super::output::note(&format!(
            "tocplan: {name}: {n} conflict{} marked between <<<<<<< {} and >>>>>>> {}, with both versions; everything else is merged. For each marked item keep one version (or combine them) and delete its markers, then run `tocplan check {name}` and `git add {name}`",
            if n == 1 { " is" } else { "s are" },
            style.ours,
            style.theirs,
        ));
    }
    Ok(u8::from(!merged.conflicts.is_empty()))
}

/// The markers' look from what git passed, the repository's `merge.conflictStyle`, and
/// MERGE_HEAD's name where git passed no name for their side.
fn style(l: &Labels<'_>) -> Style {
    // An older git leaves a placeholder it does not know (`%X`) as it is: no name.
    let given = |s: Option<&str>| {
        s.filter(|s| !s.is_empty() && !s.starts_with('%'))
            .map(str::to_string)
    };
    let config = |key: &str| {
        crate::git::run(Path::new("."), &["config", "--get", key])
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let conflict_style = config("merge.conflictStyle").unwrap_or_default();
    Style {
        ours: given(l.ours).unwrap_or_else(|| "ours".into()),
        base: given(l.base).unwrap_or_else(|| "base".into()),
        theirs: given(l.theirs)
            .or_else(merge_head_name)
            .unwrap_or_else(|| "theirs".into()),
        size: l.size.max(7),
        diff3: matches!(conflict_style.as_str(), "diff3" | "zdiff3"),
    }
}

/// The branch `git merge` is merging, as it tells its merge drivers (`GITHEAD_<sha>`).
fn merge_head_name() -> Option<String> {
    let out = crate::git::run(
        Path::new("."),
        &["rev-parse", "-q", "--verify", "MERGE_HEAD"],
    )
    .ok()?;
    let sha = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (!sha.is_empty())
        .then(|| std::env::var(format!("GITHEAD_{sha}")).ok())
        .flatten()
}

/// git's own line merge into OURS, with the same labels and style.
fn merge_lines([base, ours, theirs]: [&Path; 3], style: &Style) -> anyhow::Result<u8> {
    let mut cmd = Command::new("git");
    cmd.arg("merge-file")
        .arg(format!("--marker-size={}", style.size))
        .args(["-L", &style.ours, "-L", &style.base, "-L", &style.theirs]);
    if style.diff3 {
        cmd.arg("--diff3");
    }
    let status = cmd
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status()
        .context("running git merge-file")?;
    Ok(u8::from(!status.success()))
}
