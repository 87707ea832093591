//! What the loop's file and git work reports back to `update`, as values: what was saved,
//! or what failed and where. `update` words them for the status line, so the words that
//! name keys and commands live with the keys.

use std::path::PathBuf;
use std::sync::Arc;

use crate::plan::SaveError;

/// A save that was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Where the plan now is (a `:w FILE` moves it).
    pub path: PathBuf,
    /// The undo-history version the file holds.
    pub version: u64,
    /// The written file's fingerprint, to tell later changes on disk from our own.
    pub fingerprint: u64,
}

/// A save that was not made.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SaveFailed {
    /// The plan is read-only and this was its own file.
    #[error("the plan is read-only, so its file is left as it is")]
    ReadOnly { path: PathBuf },
    /// Writing failed; the error names the file and says "not saved" itself. In an `Arc`
    /// because a message is `Clone` and an OS error is not.
    #[error(transparent)]
    Write(Arc<SaveError>),
}

impl From<SaveError> for SaveFailed {
    fn from(e: SaveError) -> Self {
        SaveFailed::Write(Arc::new(e))
    }
}
