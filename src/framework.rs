//! The Indicators of Integration framework: categories, domains, indicator banks, the
//! practitioners' index and the Theory of Change worksheet. Data only, no terminal code.

mod bank;
mod cache;
mod domains;
mod error;
pub mod import;
mod index;
pub mod picker;
pub mod synthetic;
mod thesaurus;
mod worksheet;

pub use bank::{Bank, BankInfo, DataAvailability, Indicator, IndicatorSource, Perspective};
pub use domains::{Category, Domain};
pub use error::FrameworkError;
pub use index::IndexEntry;
pub use thesaurus::ThesaurusGroup;
pub use worksheet::{
    Agreement, BackwardQuestion, Barrier, Column, Concept, EvaluationAdvice, EvaluationColumn,
    KeyDomainPrompt, Principle, ReviewReason, StakeholderGroup, Step, Worksheet,
};

use std::path::{Path, PathBuf};

const DOMAINS_TOML: &str = include_str!("framework/data/domains.toml");
const INDICATORS_TOML: &str = include_str!("framework/data/indicators.toml");
const INDEX_TOML: &str = include_str!("framework/data/index.toml");
const WORKSHEET_TOML: &str = include_str!("framework/data/worksheet.toml");
const THESAURUS_TOML: &str = include_str!("framework/data/thesaurus.toml");

/// A checksum of the built-in data the picker's index holds words of, so an index cached by
/// a build with other data is never taken for this one's.
pub(crate) fn builtin_data_sum() -> u64 {
    let all = [DOMAINS_TOML, INDICATORS_TOML, INDEX_TOML].concat();
    cache::checksum(all.as_bytes())
}

/// FNV-1a of an indicator id, for the framework's lookup: quick for short ids (std's
/// SipHash, made to resist crafted keys, which ids from the user's own banks are not, was
/// a tenth of a cached query's time).
fn id_hash(id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Where a bank came from, so a clash of ids can name both files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankOrigin {
    BuiltIn,
    File(PathBuf),
}

impl std::fmt::Display for BankOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BankOrigin::BuiltIn => f.write_str("the built-in bank (indicators.toml)"),
            BankOrigin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// The whole framework as the app and the CLI see it: built-in data plus any extra banks.
#[derive(Debug, Clone)]
pub struct Framework {
    pub categories: Vec<Category>,
    pub domains: Vec<Domain>,
    pub index: Vec<IndexEntry>,
    /// Everyday words that name the same thing, for the picker.
    pub thesaurus: Vec<ThesaurusGroup>,
    pub worksheet: Worksheet,
    banks: Vec<(Bank, BankOrigin)>,
    /// Every indicator's id hash, bank and place, sorted by hash: 16 bytes an indicator
    /// where a map of owned ids took 90 (a tenth of a 100,000-indicator query's memory).
    lookup: Vec<(u64, u32, u32)>,
    /// Where large banks are kept once read (see `cache`); `None`: never cached.
    bank_cache: Option<PathBuf>,
    /// Each bank's file as it was on disk when read (`None`: built in, or read from text).
    identities: Vec<Option<cache::Identity>>,
    /// Banks skipped while loading, each with why (see `load_user_banks`).
    warnings: Vec<String>,
}

impl Framework {
    /// The framework shipped inside the binary.
    pub fn builtin() -> Result<Self, FrameworkError> {
        let builtin = Path::new("<built-in>");
        let (categories, domains) = domains::parse(DOMAINS_TOML, &builtin.join("domains.toml"))?;
        let index = index::parse(INDEX_TOML, &builtin.join("index.toml"))?;
        let worksheet = worksheet::parse(WORKSHEET_TOML, &builtin.join("worksheet.toml"))?;
        let thesaurus = thesaurus::parse(THESAURUS_TOML, &builtin.join("thesaurus.toml"))?;
        let mut fw = Framework {
            categories,
            domains,
            index,
            thesaurus,
            worksheet,
            banks: Vec::new(),
            lookup: Vec::new(),
            bank_cache: None,
            identities: Vec::new(),
            warnings: Vec::new(),
        };
        let bank = bank::parse(INDICATORS_TOML, &builtin.join("indicators.toml"))?;
        fw.add_bank(bank, BankOrigin::BuiltIn)?;
        Ok(fw)
    }

    /// Adds a bank; any indicator or bank id already loaded is an error naming both origins.
    pub fn add_bank(&mut self, bank: Bank, origin: BankOrigin) -> Result<(), FrameworkError> {
        if let Some((_, other)) = self.banks.iter().find(|(b, _)| b.info.id == bank.info.id) {
            return Err(FrameworkError::BankClash {
                id: bank.info.id.clone(),
                what: "bank",
                first: other.to_string(),
                second: origin.to_string(),
            });
        }
        for ind in &bank.indicators {
            if !(1..=14).contains(&ind.domain) {
                return Err(FrameworkError::BadDomain {
                    origin: origin.to_string(),
                    indicator: ind.id.clone(),
                    domain: ind.domain,
                });
            }
            if let Some((b, _)) = self.find(&ind.id) {
                return Err(FrameworkError::BankClash {
                    id: ind.id.clone(),
                    what: "indicator",
                    first: self.banks[b].1.to_string(),
                    second: origin.to_string(),
                });
            }
        }
        let b = self.banks.len();
        self.lookup.reserve_exact(bank.indicators.len());
        for (i, ind) in bank.indicators.iter().enumerate() {
            self.lookup.push((id_hash(&ind.id), b as u32, i as u32));
        }
        self.lookup.sort_unstable();
        self.banks.push((bank, origin));
        self.identities.push(None);
        Ok(())
    }

    /// Reads a bank file in tocplan's bank format and adds it. A large bank read before is
    /// taken from the cache (see `cache`) without reading the file at all.
    pub fn load_bank_file(&mut self, path: &Path) -> Result<(), FrameworkError> {
        // Looked at before reading: a file changed during the read then never matches.
        let identity = cache::Identity::of(path);
        let cached = match (&self.bank_cache, identity) {
            (Some(dir), Some(id))
                if (cache::CACHE_FROM..=crate::files::BANK.bytes).contains(&id.len) =>
            {
                Some((dir.clone(), id))
            }
            _ => None,
        };
        let bank = match &cached {
            Some((dir, id)) => match cache::load_bank(dir, id) {
                Some(bank) => bank,
                None => {
                    let text = crate::files::read_text(path, crate::files::BANK)?;
                    let bank = bank::parse(&text, path)?;
                    cache::store_bank(dir, id, &bank);
                    bank
                }
            },
            None => {
                let text = crate::files::read_text(path, crate::files::BANK)?;
                bank::parse(&text, path)?
            }
        };
        self.add_bank(bank, BankOrigin::File(path.to_path_buf()))?;
        if let Some(last) = self.identities.last_mut() {
            *last = identity;
        }
        Ok(())
    }

    /// Where the picker may keep its index of these banks, and what it is keyed on: only
    /// when banks are cached and every bank beside the built-in one came from a file whose
    /// identity is known.
    pub(crate) fn index_key(&self) -> Option<cache::IndexKey> {
        let dir = self.bank_cache.clone()?;
        let files = self
            .identities
            .iter()
            .skip(1)
            .copied()
            .collect::<Option<Vec<_>>>()?;
        Some(cache::IndexKey { dir, files })
    }

    /// `index_key` as it would be once `files` (bank files, in the order they would be
    /// loaded) were loaded into this framework, which holds the built-in bank only; their
    /// identities are taken now, without reading them.
    pub(crate) fn index_key_for(&self, files: &[PathBuf]) -> Option<cache::IndexKey> {
        let dir = self.bank_cache.clone()?;
        if self.banks.len() != 1 {
            return None;
        }
        let files = files
            .iter()
            .map(|f| cache::Identity::of(f))
            .collect::<Option<Vec<_>>>()?;
        Some(cache::IndexKey { dir, files })
    }

    /// Keeps large banks, once read, in `dir` (the user's cache folder) for next time.
    pub fn cache_banks_in(&mut self, dir: PathBuf) {
        self.bank_cache = Some(dir);
    }

    /// Adds a bank from its text; `path` names it in messages and clashes.
    pub fn load_bank_text(&mut self, text: &str, path: &Path) -> Result<(), FrameworkError> {
        let bank = bank::parse(text, path)?;
        self.add_bank(bank, BankOrigin::File(path.to_path_buf()))
    }

    /// Loads every `*.toml` in the user's bank folder, in name order; a missing folder is
    /// fine. A bank that cannot be loaded (broken, or clashing with one already loaded) is
    /// skipped with a warning naming it, and the rest load: one bad file in a folder the
    /// user may have forgotten must not stop the app or `check`.
    pub fn load_user_banks(&mut self, dir: &Path) -> Vec<PathBuf> {
        let mut loaded = Vec::new();
        for f in Self::user_bank_files(dir) {
            match self.load_bank_file(&f) {
                Ok(()) => loaded.push(f),
                Err(e) => self.warnings.push(format!(
                    "{e}; this bank in your banks folder was not loaded (fix it, or run with --no-user-banks)"
                )),
            }
        }
        loaded
    }

    /// The files `load_user_banks` reads from `dir`, in the order it reads them.
    pub fn user_bank_files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect(),
            Err(_) => return Vec::new(),
        };
        files.sort();
        files
    }

    /// What went wrong loading the user's banks, each naming its file.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The folder where extra banks are picked up: `$XDG_CONFIG_HOME/tocplan/banks`.
    pub fn user_bank_dir() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join("tocplan").join("banks"))
    }

    pub fn banks(&self) -> impl Iterator<Item = (&Bank, &BankOrigin)> {
        self.banks.iter().map(|(b, o)| (b, o))
    }

    /// Every indicator of every loaded bank, built-in first, each bank in its own order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.banks.iter().flat_map(|(b, _)| b.indicators.iter())
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.find(id)
            .and_then(|(b, i)| self.banks.get(b)?.0.indicators.get(i))
    }

    /// Which bank holds an indicator, and where in it.
    fn find(&self, id: &str) -> Option<(usize, usize)> {
        let h = id_hash(id);
        let from = self.lookup.partition_point(|e| e.0 < h);
        self.lookup[from..]
            .iter()
            .take_while(|e| e.0 == h)
            .map(|&(_, b, i)| (b as usize, i as usize))
            .find(|&(b, i)| {
                self.banks
                    .get(b)
                    .and_then(|(bank, _)| bank.indicators.get(i))
                    .is_some_and(|ind| ind.id == id)
            })
    }

    pub fn domain(&self, number: u8) -> Option<&Domain> {
        self.domains.iter().find(|d| d.number == number)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Finds a domain by number ("9"), id ("language-and-communication") or name, ignoring case.
    pub fn find_domain(&self, query: &str) -> Option<&Domain> {
        let q = query.trim();
        if let Ok(n) = q.parse::<u8>() {
            return self.domain(n);
        }
        let norm = |s: &str| s.to_lowercase().replace(['-', '_'], " ");
        let q = norm(q);
        self.domains
            .iter()
            .find(|d| norm(&d.id) == q || norm(&d.name) == q)
            .or_else(|| {
                let mut hits = self.domains.iter().filter(|d| norm(&d.name).contains(&q));
                match (hits.next(), hits.next()) {
                    (Some(d), None) => Some(d),
                    _ => None,
                }
            })
    }

    /// Finds a category by id or name, ignoring case and separators.
    pub fn find_category(&self, query: &str) -> Option<&Category> {
        let norm = |s: &str| s.to_lowercase().replace(['-', '_'], " ");
        let q = norm(query.trim());
        self.categories
            .iter()
            .find(|c| norm(&c.id) == q || norm(&c.name) == q)
    }

    /// The practitioners' index words that point at a domain.
    pub fn index_words(&self, domain: u8) -> impl Iterator<Item = &str> {
        self.index
            .iter()
            .filter(move |e| e.domains.contains(&domain))
            .map(|e| e.term.as_str())
    }
}

#[cfg(test)]
mod tests;
