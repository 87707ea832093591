use serde::Deserialize;
use std::path::Path;

use super::FrameworkError;
use super::error::{check_schema, from_toml};

/// A workplace word from the practitioners' index and the domains it points to.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct IndexEntry {
    pub term: String,
    pub domains: Vec<u8>,
    /// True where the source lost the entry's numbers; such entries lead nowhere.
    #[serde(default)]
    pub unresolved: bool,
}

#[derive(Deserialize)]
struct File {
    schema: Option<i64>,
    entry: Vec<IndexEntry>,
}

pub(super) fn parse(text: &str, path: &Path) -> Result<Vec<IndexEntry>, FrameworkError> {
    let file: File = toml::from_str(text).map_err(|e| from_toml(e, text, path))?;
    check_schema(file.schema, path)?;
    Ok(file.entry)
}
