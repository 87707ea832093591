//! Reading a file a person named: a plan, a bank, a spreadsheet, a theme, a keymap, a key
//! script. Every loader comes through here, so each refuses the same things the same way:
//! a folder, a FIFO or a device is refused before it is opened (a FIFO would block the
//! read forever, a device may never end), and a file beyond a sane size is refused with the
//! limit named, before any of it is read into memory.

use std::io::Read;
use std::path::{Path, PathBuf};

const MB: u64 = 1 << 20;

/// How much of what kind of file tocplan is willing to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub bytes: u64,
    /// "a plan", for the message: "more than the 64 MB tocplan reads for a plan".
    pub what: &'static str,
}

/// A plan: 10,000 items are about 5 MB, so 64 MB is far beyond any real plan.
pub const PLAN: Limit = Limit {
    bytes: 64 * MB,
    what: "a plan",
};
/// A bank of indicators: a generated bank of 100,000 is about 30 MB.
pub const BANK: Limit = Limit {
    bytes: 256 * MB,
    what: "a bank of indicators",
};
/// A spreadsheet to import, as it is on disk (see `import::sheet` for what it may unpack to).
pub const SHEET: Limit = Limit {
    bytes: 64 * MB,
    what: "a spreadsheet",
};
/// Settings, themes and keymaps are a few hundred bytes.
pub const SETTINGS: Limit = Limit {
    bytes: MB,
    what: "a settings file",
};
/// A headless key script (benchmarks drive the app with thousands of keys).
pub const SCRIPT: Limit = Limit {
    bytes: 64 * MB,
    what: "a key script",
};

/// Why a file was not read. Each message names the file and says the cause once.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: cannot read: there is no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: is a directory, not a file", path.display())]
    Directory { path: PathBuf },
    #[error("{}: is {kind}, not a regular file; tocplan reads only regular files", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{}: is {}, more than the {} tocplan reads for {}", path.display(), size_words(*size), size_words(limit.bytes), limit.what)]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: Limit,
    },
    #[error("{}: is not UTF-8 text", path.display())]
    NotText { path: PathBuf },
    #[error("{}: cannot read: {}", path.display(), reason(cause))]
    Io {
        path: PathBuf,
        /// Not `source`: the message already says it, and a chain would say it twice.
        cause: std::io::Error,
    },
}

impl ReadError {
    /// The file is simply not there (the app starts a new plan; settings are optional).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::NotFound { .. })
    }
}

/// The whole file, after checking what it is and how large.
pub fn read(path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let owned = || path.to_path_buf();
    let io = |cause: std::io::Error| match cause.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound { path: owned() },
        _ => ReadError::Io {
            path: owned(),
            cause,
        },
    };
    // Follows symlinks: a link to a plan is the plan; a link to a FIFO is a FIFO.
    let meta = std::fs::metadata(path).map_err(io)?;
    check(&meta, path, limit)?;
    let file = open_no_wait(path).map_err(io)?;
    // The file may have been swapped between the look and the open: look again at what
    // was opened. O_NONBLOCK made the open itself return at once even for a FIFO.
    let meta = file.metadata().map_err(io)?;
    check(&meta, path, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte past the limit tells a file that grew since it was looked at.
    file.take(limit.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(ReadError::TooLarge {
            path: owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// The whole file as UTF-8 text.
pub fn read_text(path: &Path, limit: Limit) -> Result<String, ReadError> {
    String::from_utf8(read(path, limit)?).map_err(|_| ReadError::NotText {
        path: path.to_path_buf(),
    })
}

/// Whether a file's metadata is of something tocplan may read.
fn check(meta: &std::fs::Metadata, path: &Path, limit: Limit) -> Result<(), ReadError> {
    if meta.is_dir() {
        return Err(ReadError::Directory {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta),
        });
    }
    if meta.len() > limit.bytes {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    Ok(())
}

/// Whether a command may write `path`: nothing there, or a regular file with `--force`.
/// A folder, FIFO or device is named as what it is (`--force` could never help), and an
/// existing file asks for `--force`.
pub fn may_write(path: &Path, force: bool) -> Result<(), String> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if !meta.is_file() {
        return Err(format!(
            "{}: is {}, not a file to write; give the name of a file",
            path.display(),
            kind_of(&meta)
        ));
    }
    if !force {
        return Err(format!(
            "{} exists; pass --force to replace it",
            path.display()
        ));
    }
    Ok(())
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else if meta.is_file() {
        "a file"
    } else {
        "not a regular file"
    }
}

#[cfg(unix)]
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// "64 MB", "900 KB", "12 bytes".
pub fn size_words(bytes: u64) -> String {
    if bytes >= MB {
        // Rounded up, so a file just over a limit never reads as the limit itself.
        let tenths = (bytes * 10).div_ceil(MB);
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// Why an operation on a file failed, in a person's words, without the OS error number
/// where the words say it all.
pub fn reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let words = match e.kind() {
        K::NotFound => "there is no such file or folder",
        K::PermissionDenied => "permission denied",
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "the disk quota is used up",
        K::ReadOnlyFilesystem => "the disk is mounted read-only",
        K::NotADirectory => "a part of the path is a file, not a folder",
        K::IsADirectory => "it is a directory",
        K::FileTooLarge => "the file is too large for this disk",
        K::InvalidFilename => "the file name is too long or not allowed here",
        K::AlreadyExists => "it already exists",
        K::Interrupted => "interrupted",
        K::TimedOut => "timed out",
        _ => return e.to_string(),
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_fifo_without_opening_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .expect("mkfifo");
        // Were it opened for reading, this would block: no writer ever comes.
        let err = read(&fifo, PLAN).expect_err("refused");
        assert!(
            err.to_string()
                .contains("is a named pipe (FIFO), not a regular file"),
            "{err}"
        );
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&fifo, &link).expect("symlink");
        assert!(matches!(
            read(&link, PLAN),
            Err(ReadError::NotRegular { .. })
        ));
    }

    #[test]
    fn refuses_a_file_beyond_the_limit_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.toml");
        let f = std::fs::File::create(&big).expect("create");
        f.set_len(PLAN.bytes + 1).expect("sparse");
        let err = read(&big, PLAN).expect_err("refused");
        assert_eq!(
            err.to_string(),
            format!(
                "{}: is 64.1 MB, more than the 64 MB tocplan reads for a plan",
                big.display()
            )
        );
    }

    #[test]
    fn reads_a_file_and_says_a_missing_one_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let f = dir.path().join("a.toml");
        std::fs::write(&f, "x = 1\n").expect("write");
        assert_eq!(read_text(&f, SETTINGS).expect("read"), "x = 1\n");
        let missing = dir.path().join("b.toml");
        let err = read(&missing, PLAN).expect_err("missing");
        assert!(err.is_not_found());
        assert_eq!(
            err.to_string(),
            format!("{}: cannot read: there is no such file", missing.display())
        );
        assert!(std::error::Error::source(&err).is_none());
    }

    #[test]
    fn sizes_in_words() {
        assert_eq!(size_words(64 << 20), "64 MB");
        assert_eq!(size_words(65 << 20), "65 MB");
        assert_eq!(size_words((64 << 20) + (1 << 19)), "64.5 MB");
        assert_eq!(size_words(2048), "2 KB");
        assert_eq!(size_words(12), "12 bytes");
    }
}
