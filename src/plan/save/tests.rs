use std::os::unix::fs::{MetadataExt, PermissionsExt};

use super::*;

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn saving_through_a_symlink_writes_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir(d.join("real")).expect("mkdir");
    std::fs::write(d.join("real/p.toml"), "old").expect("write");
    std::os::unix::fs::symlink("real/p.toml", d.join("p.toml")).expect("link");
    write_atomic(&d.join("p.toml"), b"new").expect("save");
    assert!(
        std::fs::symlink_metadata(d.join("p.toml"))
            .expect("meta")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("real/p.toml")).expect("read"),
        "new"
    );
    // The temporary file was made beside the target, so the rename never crossed folders.
    assert!(temp_files(d).is_empty() && temp_files(&d.join("real")).is_empty());
    // A dangling link: its target is created.
    std::os::unix::fs::symlink("real/q.toml", d.join("q.toml")).expect("link");
    write_atomic(&d.join("q.toml"), b"q").expect("save");
    assert_eq!(
        std::fs::read_to_string(d.join("real/q.toml")).expect("read"),
        "q"
    );
    assert!(
        std::fs::symlink_metadata(d.join("q.toml"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_save_keeps_the_mode_owner_and_group() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("p.toml");
    std::fs::write(&p, "old").expect("write");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let root = rustix::process::geteuid().is_root();
    if root {
        std::os::unix::fs::chown(&p, Some(4321), Some(4322)).expect("chown");
    }
    let before = std::fs::metadata(&p).expect("meta");
    write_atomic(&p, b"new").expect("save");
    let after = std::fs::metadata(&p).expect("meta");
    assert_eq!(after.mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_ne!(
        after.ino(),
        before.ino(),
        "replaced by rename, not rewritten in place"
    );
}

#[test]
fn a_new_private_file_is_only_the_users() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join(".p.toml.recovery");
    write_private(&p, b"work").expect("save");
    assert_eq!(std::fs::metadata(&p).expect("meta").mode() & 0o777, 0o600);
    // An existing file keeps the mode someone gave it.
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    write_private(&p, b"more").expect("save");
    assert_eq!(std::fs::metadata(&p).expect("meta").mode() & 0o777, 0o640);
    // A shared new file is not owner-only, as a temporary file would be.
    let q = dir.path().join("q.toml");
    write_atomic(&q, b"x").expect("save");
    assert_ne!(std::fs::metadata(&q).expect("meta").mode() & 0o077, 0);
}

#[test]
fn a_fifo_or_a_folder_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("p.toml");
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .expect("mkfifo");
    let err = write_atomic(&fifo, b"x").expect_err("refused");
    assert!(err.to_string().contains("named pipe (FIFO)"), "{err}");
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&fifo, &link).expect("link");
    assert!(write_atomic(&link, b"x").is_err());
    let err = write_atomic(dir.path(), b"x").expect_err("refused");
    assert!(err.to_string().contains("is a directory"), "{err}");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_temporary_file_left_by_a_dead_process_goes_at_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let gone = child.id();
    child.wait().expect("wait");
    let stale = dir
        .path()
        .join(format!(".tocplan-{gone}-12345678.p.toml.tmp"));
    std::fs::write(&stale, "half a plan").expect("write");
    write_atomic(&dir.path().join("p.toml"), b"x").expect("save");
    assert!(!stale.exists());
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_failed_save_says_its_cause_once_and_names_the_plan_not_the_temporary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("missing-folder").join("p.toml");
    let err = write_atomic(&p, b"x").expect_err("no folder");
    let msg = err.to_string();
    assert_eq!(
        msg,
        format!(
            "{}: not saved: the folder {} does not exist",
            p.display(),
            dir.path().join("missing-folder").display()
        )
    );
    assert!(!msg.contains(".tocplan-"), "{msg}");
    assert!(std::error::Error::source(&err).is_none());
    // anyhow's chain ({:#}) adds nothing to it.
    assert_eq!(format!("{:#}", anyhow::Error::from(err)), msg);
}

#[test]
fn an_os_error_is_said_once_in_words() {
    let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    let err = SaveError::io(Path::new("ro/p.toml"), "cannot create a file in ro", denied);
    assert_eq!(
        format!("{:#}", anyhow::Error::from(err)),
        "ro/p.toml: not saved: cannot create a file in ro (permission denied)"
    );
    let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
    let err = SaveError::io(Path::new("p.toml"), "while writing", full);
    assert_eq!(
        err.to_string(),
        "p.toml: not saved: the disk is full while writing"
    );
}
