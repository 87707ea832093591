//! `tocplan git-setup`: the textconv and merge drivers in .git/config, and the lines in
//! .gitattributes that name the plans.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

fn git(args: &[&str]) -> anyhow::Result<std::process::Output> {
    Command::new("git")
        .args(args)
        .output()
        .context("running git (is it installed?)")
}

/// How git runs tocplan: a command the user gave (its program found, or refused), or by
/// default this very binary's full path, so git finds it whatever PATH holds when it runs.
fn resolve(command: Option<&str>) -> anyhow::Result<(String, Option<String>)> {
    let Some(command) = command else {
        let exe = std::env::current_exe().context("finding the running tocplan binary")?;
        let exe = exe.canonicalize().unwrap_or(exe);
        let said = format!(
            "git runs tocplan by its full path, {}, so it needs no PATH; run `tocplan git-setup` again if that binary moves",
            exe.display()
        );
        return Ok((shell_quote(&exe.to_string_lossy()), Some(said)));
    };
    let program = command.split_whitespace().next().unwrap_or_default();
    let program = program.trim_matches(|c| c == '\'' || c == '"');
    if !runnable(program) {
        bail!(
            "`{program}` is not a program git could run (not on PATH, or not executable), so the merge driver would not run; install tocplan where PATH finds it (`cargo install --path .` in its source), or run `tocplan git-setup` without --command to record this binary's full path"
        );
    }
    Ok((command.to_string(), None))
}

fn runnable(program: &str) -> bool {
    let executable = |p: &Path| {
        std::fs::metadata(p).is_ok_and(|m| {
            use std::os::unix::fs::PermissionsExt;
            m.is_file() && m.permissions().mode() & 0o111 != 0
        })
    };
    if program.is_empty() {
        return false;
    }
    if program.contains('/') {
        return executable(Path::new(program));
    }
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|d: PathBuf| executable(&d.join(program)))
    })
}

/// A word the shell reads back as exactly `s`.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The merge driver's command. If tocplan cannot run at all (moved, deleted, broken), the
/// shell's status is above 1, and git's own line merge still writes both sides into the
/// file with markers, rather than git keeping ours alone.
fn driver(command: &str) -> String {
    format!(
        "{command} merge-driver %O %A %B %P --marker-size %L --base-label %S --ours-label %X --theirs-label %Y; s=$?; [ $s -le 1 ] || git merge-file --marker-size=%L -L %X -L %S -L %Y %A %O %B; [ $s -eq 0 ]"
    )
}

/// The textconv command. git appends the file's path; if tocplan cannot run at all, the
/// file is shown as it is under a note, so `git diff` and `git log -p` never stop.
fn textconv(command: &str) -> String {
    format!(
        "f() {{ {command} show --text \"$1\" 2>/dev/null || {{ echo '# tocplan could not run (see tocplan git-setup); the file as it is:'; cat \"$1\"; }}; }}; f"
    )
}

pub fn setup(patterns: &[String], command: Option<&str>) -> anyhow::Result<u8> {
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        bail!("not in a git repository; run `tocplan git-setup` inside the clone");
    }
    let top = String::from_utf8_lossy(&top.stdout).trim().to_string();
    let (command, said) = resolve(command)?;
    let mut changed = Vec::new();
    for (key, value) in [
        ("diff.tocplan.textconv", textconv(&command)),
        (
            "merge.tocplan.name",
            "tocplan: merge plans by item and field".to_string(),
        ),
        ("merge.tocplan.driver", driver(&command)),
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
    } else if let Some(said) = said {
        out.push_str(&said);
        out.push('\n');
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
    crate::cli::output::print(&out)?;
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
