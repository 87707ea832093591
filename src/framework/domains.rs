use serde::Deserialize;
use std::path::Path;

use super::FrameworkError;
use super::error::{check_schema, from_toml};

/// One of the framework's four categories (types, not levels).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// One of the framework's fourteen domains.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Domain {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub category: String,
    pub gloss: String,
    pub description: String,
}

#[derive(Deserialize)]
struct File {
    schema: Option<i64>,
    category: Vec<Category>,
    domain: Vec<Domain>,
}

pub(super) fn parse(
    text: &str,
    path: &Path,
) -> Result<(Vec<Category>, Vec<Domain>), FrameworkError> {
    let file: File = toml::from_str(text).map_err(|e| from_toml(e, text, path))?;
    check_schema(file.schema, path)?;
    Ok((file.category, file.domain))
}
