use serde::{Deserialize, Serialize};
use std::path::Path;

use super::FrameworkError;
use super::error::{check_schema, from_toml};

/// Whose side of integration an indicator measures.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Perspective {
    Newcomers,
    ReceivingCommunity,
    Institutions,
    All,
}

impl Perspective {
    pub fn as_str(self) -> &'static str {
        match self {
            Perspective::Newcomers => "newcomers",
            Perspective::ReceivingCommunity => "receiving-community",
            Perspective::Institutions => "institutions",
            Perspective::All => "all",
        }
    }
}

/// Where an indicator's wording comes from; only `quoted` and `official` are not ours.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorSource {
    Tocplan,
    Quoted,
    Official,
    User,
}

/// The toolkit's data-availability marks, carried only by imported official banks.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum DataAvailability {
    OfficialStatistics,
    NationalSurvey,
    OtherData,
    NoDataLocated,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub domain: u8,
    pub text: String,
    #[serde(default = "default_perspective")]
    pub perspective: Perspective,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default = "default_source")]
    pub source: IndicatorSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_availability: Vec<DataAvailability>,
}

fn default_perspective() -> Perspective {
    Perspective::All
}

fn default_source() -> IndicatorSource {
    IndicatorSource::User
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct BankInfo {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// A bank of indicators in tocplan's bank format (see SOURCES.md, "Bank file format").
#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub info: BankInfo,
    pub indicators: Vec<Indicator>,
}

impl Bank {
    /// The bank as tocplan's bank TOML, ready for `--bank` or the config folder, after
    /// `header` (comment lines saying where it came from).
    pub fn to_toml(&self, header: &str) -> Result<String, String> {
        #[derive(Serialize)]
        struct Out<'a> {
            schema: i64,
            bank: &'a BankInfo,
            indicator: &'a [Indicator],
        }
        let body = toml::to_string(&Out {
            schema: 1,
            bank: &self.info,
            indicator: &self.indicators,
        })
        .map_err(|e| e.to_string())?;
        Ok(format!("{header}\n{body}"))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    schema: Option<i64>,
    bank: BankInfo,
    #[serde(default)]
    indicator: Vec<Indicator>,
}

pub(super) fn parse(text: &str, path: &Path) -> Result<Bank, FrameworkError> {
    let file: File = toml::from_str(text).map_err(|e| from_toml(e, text, path))?;
    check_schema(file.schema, path)?;
    let mut seen = std::collections::HashSet::new();
    for ind in &file.indicator {
        if !seen.insert(ind.id.as_str()) {
            let pattern = format!("\"{}\"", ind.id);
            let at = text.match_indices(&pattern).nth(1).map_or(0, |(i, _)| i);
            let (line, col) = crate::text::line_col(text, at);
            return Err(FrameworkError::Parse {
                path: path.to_path_buf(),
                line,
                col,
                message: format!("indicator id `{}` is used twice in this bank", ind.id),
            });
        }
    }
    Ok(Bank {
        info: file.bank,
        indicators: file.indicator,
    })
}
