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
    let top = Path::new(&top);
    // Given patterns are the user's own; otherwise each is derived from the plans here
    // that no line of .gitattributes covers yet, so a second run adds nothing.
    let (patterns, notes) = if patterns.is_empty() {
        derived_patterns(top)?
    } else {
        (patterns.to_vec(), Vec::new())
    };
    let attributes = top.join(".gitattributes");
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
    for n in &notes {
        out.push_str(n);
        out.push('\n');
    }
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

/// The patterns for the plans in the work tree (tracked or not yet: a new repository has
/// no commit) that .gitattributes does not cover yet, and a line on what was found.
/// Patterns are anchored, so they never reach a Cargo.toml in another folder: a folder
/// whose TOML files are all plans gets `folder/*.toml`; a plan beside other TOML files,
/// and any plan at the top (where a project's own TOML files live), gets its own line.
fn derived_patterns(top: &Path) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    let tomls = toml_files(top)?;
    let plans: Vec<&String> = tomls.iter().filter(|f| is_plan(&top.join(f))).collect();
    if plans.is_empty() {
        return Ok((
            Vec::new(),
            vec![
                "no plan found in this repository, so .gitattributes names none yet; run `tocplan git-setup` again once one is here, or name them with --pattern".into(),
            ],
        ));
    }
    let covered = covered(top, &plans)?;
    let mut patterns = Vec::new();
    let mut already = Vec::new();
    for plan in &plans {
        if covered.contains(*plan) {
            already.push(plan.as_str());
            continue;
        }
        let dir = folder(plan);
        let whole_folder = !dir.is_empty()
            && tomls
                .iter()
                .filter(|f| folder(f) == dir)
                .all(|f| plans.contains(&f));
        let pattern = if whole_folder {
            format!("{}/*.toml", glob_escape(dir))
        } else {
            format!("/{}", glob_escape(plan))
        };
        let pattern = quoted(&pattern);
        if !patterns.contains(&pattern) {
            patterns.push(pattern);
        }
    }
    let notes = if already.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "already covered by .gitattributes: {}",
            already.join(", ")
        )]
    };
    Ok((patterns, notes))
}

/// Every TOML file in the work tree that git tracks or would track (ignored ones left out),
/// relative to the top.
fn toml_files(top: &Path) -> anyhow::Result<Vec<String>> {
    let top_s = top.to_string_lossy();
    // -z: a name such as `pläne/café.toml` is otherwise printed quoted and escaped.
    let out = git(&[
        "-C",
        &top_s,
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
        "--",
        "*.toml",
    ])?;
    if !out.status.success() {
        bail!(
            "git ls-files: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let mut files: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect();
    // A file in conflict is listed once per stage.
    files.sort();
    files.dedup();
    Ok(files)
}

/// A file tocplan reads as a plan, or one that is a plan mid-edit (a syntax error, conflict
/// markers) but starts with the plan's `schema` key, as every plan tocplan writes does.
fn is_plan(path: &Path) -> bool {
    let Ok(text) = crate::files::read_text(path, crate::files::PLAN) else {
        return false;
    };
    crate::plan::parse_str(&text, path).is_ok()
        || text
            .lines()
            .map(str::trim_start)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .and_then(|l| l.strip_prefix("schema"))
            .is_some_and(|rest| rest.trim_start().starts_with('='))
}

/// The plans whose diff and merge attributes are already tocplan's.
fn covered(top: &Path, plans: &[&String]) -> anyhow::Result<Vec<String>> {
    let top_s = top.to_string_lossy();
    let mut args = vec!["-C", &top_s, "check-attr", "-z", "diff", "merge", "--"];
    args.extend(plans.iter().map(|p| p.as_str()));
    let out = git(&args)?;
    if !out.status.success() {
        bail!(
            "git check-attr: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    // -z: path, attribute, value, each ended by NUL.
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let fields: Vec<&str> = text.split('\0').collect();
    let mut set: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for triple in fields.chunks_exact(3) {
        if triple[2] == "tocplan" {
            *set.entry(triple[0]).or_default() += 1;
        }
    }
    Ok(set
        .into_iter()
        .filter(|(_, n)| *n == 2)
        .map(|(p, _)| p.to_string())
        .collect())
}

fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// A name as a gitattributes pattern matching only itself.
fn glob_escape(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, '*' | '?' | '[' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A pattern holding a space, a quote or a backslash is written C-quoted, which git reads
/// back as one pattern (a bare space would end it).
fn quoted(pattern: &str) -> String {
    if !pattern.contains([' ', '\t', '"', '\\']) {
        return pattern.to_string();
    }
    let mut out = String::from("\"");
    for c in pattern.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}
