//! A recovery copy on disk: `.NAME.PID.recovery` beside the plan, one per instance (two
//! instances never share one), readable by its owner only. It holds the plan with the
//! unsaved work, the text being typed in an editor when the session ended, and which
//! version of the file the work was made from, so an offer can say the file changed since.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::tui::app::EditTarget;

/// What a session that ended suddenly left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copy {
    /// Marks the file as ours, and its layout's version.
    pub tocplan_recovery: u32,
    /// The plan with the unsaved work, as a save would have written it.
    pub plan: String,
    /// Text typed in an editor and not yet kept.
    pub editing: Option<Editing>,
    /// The fingerprint of the file the work was made from (as read or last saved);
    /// `None`: there was no file yet.
    pub base: Option<u64>,
    pub pid: u32,
    /// The plan the work is for (its real path): how a copy kept away from the plan, when
    /// the plan's folder could not hold it, is found again.
    #[serde(default)]
    pub for_plan: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editing {
    pub target: EditTarget,
    pub title: String,
    pub text: String,
}

/// A copy found beside a plan, and how the plan's file stands against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub copy: Copy,
    /// Where the copy is (removed once its work is saved or kept elsewhere).
    pub file: PathBuf,
    /// Whether the file changed since the work was made (`None`: cannot tell; a copy
    /// from an older tocplan does not say).
    pub changed: Option<bool>,
}

const LAYOUT: u32 = 1;

/// The largest copy read back: a plan's own limit, with room for the JSON around it.
const COPY: crate::files::Limit = crate::files::Limit {
    bytes: 2 * crate::files::PLAN.bytes,
    what: "a recovery copy",
};

impl Copy {
    pub fn new(plan: String, editing: Option<Editing>, base: Option<u64>) -> Copy {
        Copy {
            tocplan_recovery: LAYOUT,
            plan,
            editing,
            base,
            pid: std::process::id(),
            for_plan: None,
        }
    }
}

/// Where this process's copy of a plan goes: named by process and the time it started, so
/// a later process given the same id never replaces a copy left for later.
pub fn path_for(plan: &Path) -> PathBuf {
    plan.with_file_name(format!(".{}.{}.recovery", name(plan), instance()))
}

/// This process, as copies are named: its id and when it started (the kernel's count,
/// where /proc gives it; else the time it first asked), which a reused id never shares.
fn instance() -> String {
    static STARTED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let t = STARTED.get_or_init(|| {
        std::fs::read_to_string("/proc/self/stat")
            .ok()
            .and_then(|s| {
                let after = s.rsplit_once(')')?.1;
                after.split_whitespace().nth(19)?.parse().ok()
            })
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            })
    });
    format!("{}-{t}", std::process::id())
}

/// Which plan a copy kept away is for, in its name (the plan's real path, hashed).
fn away_key(real: &Path) -> u64 {
    crate::plan::content_hash(real.to_string_lossy().as_bytes())
}

/// Where copies go when the plan's folder cannot hold them (read-only, full):
/// `$XDG_STATE_HOME/tocplan/recovery` (usually `~/.local/state/tocplan/recovery`).
fn away() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("tocplan").join("recovery"))
}

fn name(plan: &Path) -> String {
    plan.file_name()
        .map_or("plan".into(), |n| n.to_string_lossy().into_owned())
}

/// Writes a copy, atomically, readable by its owner only (a plan may hold what a group
/// may read, but a copy is never more readable than 0600).
/// Beside the plan if its folder lets us, else in the folder kept for them; returns where.
pub fn write(plan: &Path, copy: &Copy) -> Result<PathBuf, String> {
    let mut copy = copy.clone();
    copy.for_plan = Some(plan.to_path_buf());
    let json = serde_json::to_string_pretty(&copy).map_err(|e| e.to_string())?;
    let beside = path_for(plan);
    let first = match crate::plan::write_private(&beside, json.as_bytes()) {
        Ok(()) => return Ok(beside),
        Err(e) => e.to_string(),
    };
    let Some(dir) = away() else {
        return Err(first);
    };
    {
        use std::os::unix::fs::DirBuilderExt;
        let _ = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir);
    }
    // Named for the plan's real path too: plans of one name in two folders never share.
    let there = dir.join(format!(
        "{}.{:016x}.{}.recovery",
        name(plan),
        away_key(plan),
        instance()
    ));
    crate::plan::write_private(&there, json.as_bytes())
        .map(|()| there)
        .map_err(|e| format!("{first}; and {e}"))
}

/// Every copy beside a plan, newest first: ours (`.NAME.PID.recovery`) and the single
/// `.NAME.recovery` of older versions (plain plan text).
pub fn find(plan: &Path) -> Vec<Offer> {
    let current = crate::plan::file_hash(plan);
    let mut found = beside_plan(plan, current);
    // Copies kept away from the plan: the ones that name it.
    if let Some(dir) = away() {
        let real = crate::plan::real_path(plan);
        let prefix = format!("{}.{:016x}.", name(plan), away_key(&real));
        found.extend(
            in_folder(&dir, &prefix, current)
                .into_iter()
                .filter(|(_, o)| o.copy.for_plan.as_deref() == Some(real.as_path())),
        );
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found.into_iter().map(|(_, o)| o).collect()
}

fn beside_plan(plan: &Path, current: Option<u64>) -> Vec<(std::time::SystemTime, Offer)> {
    let dir = crate::git::folder_of(plan);
    in_folder(&dir, &format!(".{}.", name(plan)), current)
}

/// The copies in a folder whose names start with `prefix`.
fn in_folder(
    dir: &Path,
    prefix: &str,
    current: Option<u64>,
) -> Vec<(std::time::SystemTime, Offer)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            let middle = file_name.strip_prefix(prefix)?.strip_suffix("recovery")?;
            // `PID-START.` (or an older `PID.`), or nothing for the oldest form.
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            let ours = middle.is_empty()
                || middle
                    .strip_suffix('.')
                    .is_some_and(|id| match id.split_once('-') {
                        Some((pid, start)) => digits(pid) && digits(start),
                        None => digits(id),
                    });
            // Only plain files: never a link, nor a FIFO someone put there (which the
            // read below refuses too, as it does one too large).
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            if !ours {
                return None;
            }
            let text = crate::files::read_text(&e.path(), COPY).ok()?;
            let (copy, changed) = match serde_json::from_str::<Copy>(&text) {
                Ok(copy) => {
                    let changed = Some(copy.base != current);
                    (copy, changed)
                }
                Err(_) => (
                    Copy {
                        tocplan_recovery: 0,
                        plan: text,
                        editing: None,
                        base: None,
                        pid: 0,
                        for_plan: None,
                    },
                    None,
                ),
            };
            let when = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
            Some((
                when,
                Offer {
                    copy,
                    file: e.path(),
                    changed,
                },
            ))
        })
        .collect()
}

/// A free name beside the plan for recovered work kept as a file of its own:
/// `NAME.recovered.toml`, or `NAME.recovered-2.toml` and so on.
pub fn beside(plan: &Path) -> PathBuf {
    let stem = plan
        .file_stem()
        .map_or("plan".into(), |s| s.to_string_lossy().into_owned());
    (1..)
        .map(|n| match n {
            1 => plan.with_file_name(format!("{stem}.recovered.toml")),
            n => plan.with_file_name(format!("{stem}.recovered-{n}.toml")),
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| plan.with_file_name(format!("{stem}.recovered.toml")))
}

/// The recovered plan as a file of its own, with any text that was being typed kept as
/// comments at its top (so nothing typed is lost, and the plan still reads).
pub fn as_file(copy: &Copy) -> String {
    let Some(ed) = &copy.editing else {
        return copy.plan.clone();
    };
    let mut out = format!(
        "# Recovered by tocplan. Text that was being typed in \"{}\" and not yet kept:\n",
        ed.title.replace(['\n', '\r'], " ")
    );
    for line in ed.text.lines() {
        out.push_str("#   ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&copy.plan);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_found_newest_first_and_say_whether_the_file_changed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("p.toml");
        std::fs::write(&plan, "schema = 1\ntitle = \"Now\"\n").expect("write");
        let base = crate::plan::file_hash(&plan);
        let copy = Copy::new("schema = 1\ntitle = \"Mine\"\n".into(), None, base);
        write(&plan, &copy).expect("write copy");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path_for(&plan))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "owner only");
        let found = find(&plan);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].copy.plan, copy.plan);
        assert_eq!(found[0].copy.for_plan.as_deref(), Some(plan.as_path()));
        assert_eq!(found[0].changed, Some(false));
        // Someone changes the file: the offer says so.
        std::fs::write(&plan, "schema = 1\ntitle = \"Theirs\"\n").expect("write");
        assert_eq!(find(&plan)[0].changed, Some(true));
        // An older tocplan's copy is plain plan text: offered, and it cannot tell.
        std::fs::write(dir.path().join(".p.toml.recovery"), "schema = 1\n").expect("write");
        // Not ours: another plan's, or another program's file.
        std::fs::write(dir.path().join(".p.toml.x.recovery"), "no").expect("write");
        std::fs::write(dir.path().join(".q.toml.1.recovery"), "no").expect("write");
        let found = find(&plan);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .any(|o| o.changed.is_none() && o.copy.plan == "schema = 1\n")
        );
    }

    /// A link planted where this instance's copy goes is replaced, never followed; and
    /// the name carries the process's start, so a reused id never replaces an old copy.
    #[test]
    fn a_planted_link_never_receives_the_work() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("p.toml");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep me").expect("write");
        std::os::unix::fs::symlink(&victim, path_for(&plan)).expect("link");
        write(&plan, &Copy::new("schema = 1\n".into(), None, None)).expect("written");
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep me");
        let meta = std::fs::symlink_metadata(path_for(&plan)).expect("meta");
        assert!(meta.is_file(), "the link was replaced by the copy");
        let name = path_for(&plan)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        assert!(
            name.is_some_and(|n| n.starts_with(&format!(".p.toml.{}-", std::process::id()))),
            "named by process and start"
        );
    }

    #[test]
    fn unkept_text_is_kept_as_comments_in_a_file_of_its_own() {
        let copy = Copy::new(
            "schema = 1\ntitle = \"T\"\n".into(),
            Some(Editing {
                target: EditTarget::Goal,
                title: "Goal".into(),
                text: "Everyone\nbelongs".into(),
            }),
            None,
        );
        let text = as_file(&copy);
        assert!(text.contains("#   Everyone\n#   belongs\n"), "{text}");
        let loaded = crate::plan::parse_plan_only(&text, Path::new("r.toml")).expect("reads");
        assert_eq!(loaded.plan.title, "T");
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("p.toml");
        assert_eq!(beside(&plan), dir.path().join("p.recovered.toml"));
        std::fs::write(dir.path().join("p.recovered.toml"), "").expect("write");
        assert_eq!(beside(&plan), dir.path().join("p.recovered-2.toml"));
    }
}
