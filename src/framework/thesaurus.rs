//! The thesaurus of integration work: groups of everyday words and phrases that name the
//! same thing ("locals", "residents", "receiving community"), so the picker finds the
//! bank's wording from a planner's own. Data shipped with the framework (`thesaurus.toml`),
//! each group with the source its words come from.

use serde::Deserialize;
use std::path::Path;

use super::FrameworkError;
use super::error::{check_schema, from_toml};

/// Words and phrases that name one thing in integration work.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ThesaurusGroup {
    /// Where these words come from: the bank, a domain's description, the index, the guide.
    pub source: String,
    /// Words or short phrases, as a planner or the bank writes them.
    pub words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    schema: Option<i64>,
    group: Vec<ThesaurusGroup>,
}

pub(super) fn parse(text: &str, path: &Path) -> Result<Vec<ThesaurusGroup>, FrameworkError> {
    let file: File = toml::from_str(text).map_err(|e| from_toml(e, text, path))?;
    check_schema(file.schema, path)?;
    Ok(file.group)
}
