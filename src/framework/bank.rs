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

/// The indicators of a later piece of a large bank, and nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rest {
    indicator: Vec<Indicator>,
}

/// Banks from this size are parsed in pieces, one per core.
const PIECES_FROM: usize = 1 << 20;

/// A large bank parsed in pieces cut at `[[indicator]]` headers, one per core. `None`
/// whenever the pieces might not mean what the whole file means (a piece that does not
/// parse, a later piece with anything but indicators, a first piece with none), so the
/// caller parses it whole and reports errors where they are.
fn parse_in_pieces(text: &str) -> Option<File> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || text.len() < PIECES_FROM {
        return None;
    }
    let starts = crate::text::table_cuts(text, text.len() / threads, |n| n == "indicator")?;
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let pieces: Vec<&str> = starts.iter().zip(ends).map(|(&s, e)| &text[s..e]).collect();
    let (first, rest) = pieces.split_first()?;
    std::thread::scope(|scope| {
        let later: Vec<_> = rest
            .iter()
            .map(|piece| scope.spawn(move || toml::from_str::<Rest>(piece).ok()))
            .collect();
        let mut file = toml::from_str::<File>(first).ok()?;
        // Without an [[indicator]] of its own, `indicator` in the first piece could be
        // something a later [[indicator]] clashes with in the whole file.
        if file.indicator.is_empty() {
            return None;
        }
        for piece in later {
            file.indicator.extend(piece.join().ok()??.indicator);
        }
        Some(file)
    })
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
    let file = match parse_in_pieces(text) {
        Some(file) => file,
        None => toml::from_str::<File>(text).map_err(|e| from_toml(e, text, path))?,
    };
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

#[cfg(test)]
mod piece_tests {
    use super::*;

    fn big_bank_text() -> String {
        let fw = crate::framework::Framework::builtin().expect("framework");
        crate::framework::synthetic::bank(&fw, 8_000)
            .to_toml("# test\n")
            .expect("toml")
    }

    #[test]
    fn a_large_bank_parsed_in_pieces_is_the_bank_parsed_whole() {
        let text = big_bank_text();
        assert!(text.len() >= PIECES_FROM);
        let whole: File = toml::from_str(&text).expect("whole");
        if std::thread::available_parallelism().map_or(1, |n| n.get()) > 1 {
            let pieces = parse_in_pieces(&text).expect("read in pieces");
            assert_eq!(pieces.bank, whole.bank);
            assert_eq!(pieces.indicator, whole.indicator);
        }
    }

    #[test]
    fn anything_unusual_in_a_later_piece_sends_it_back_to_be_read_whole() {
        let text = big_bank_text();
        let tail = text.len() - 200;
        let at = text[..tail]
            .rfind("\n[[indicator]]")
            .expect("a late header")
            + 1;
        for extra in [
            "[bank]\nid = \"x\"\nname = \"y\"\n\n",
            "schema = 2\n",
            "[[indicator]]\nid = \"broken\n\n",
        ] {
            let mut bad = text.clone();
            bad.insert_str(at, extra);
            assert!(parse_in_pieces(&bad).is_none(), "{extra}");
            // Read whole, it is an error with its line, as before.
            assert!(parse(&bad, Path::new("b.toml")).is_err(), "{extra}");
        }
    }
}
