use std::path::PathBuf;

/// Why framework data (built-in or an extra bank) could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FrameworkError {
    /// Not there, not a regular file, too large, not text, or the read failed.
    #[error(transparent)]
    File(#[from] crate::files::ReadError),
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}: schema {found} is newer than this tocplan understands ({supported}); upgrade tocplan", path.display())]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{what} id `{id}` is defined twice: in {first} and in {second}; rename one of them (prefix imported ids, e.g. `ioi.`)"
    )]
    BankClash {
        id: String,
        what: &'static str,
        first: String,
        second: String,
    },
    #[error("{origin}: indicator `{indicator}` has domain {domain}; domains are numbered 1 to 14")]
    BadDomain {
        origin: String,
        indicator: String,
        domain: u8,
    },
}

/// Turns a `toml` deserialisation error into one that names file, line and column.
pub(crate) fn from_toml(
    err: toml::de::Error,
    text: &str,
    path: &std::path::Path,
) -> FrameworkError {
    let (line, col) = err
        .span()
        .map(|s| crate::text::line_col(text, s.start))
        .unwrap_or((1, 1));
    FrameworkError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message: err.message().to_string(),
    }
}

/// Every framework file starts with `schema = 1`; a newer one is refused, not misread.
pub(crate) fn check_schema(
    schema: Option<i64>,
    path: &std::path::Path,
) -> Result<(), FrameworkError> {
    const SUPPORTED: i64 = 1;
    match schema {
        Some(found) if found > SUPPORTED => Err(FrameworkError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: SUPPORTED,
        }),
        _ => Ok(()),
    }
}
