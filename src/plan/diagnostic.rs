//! Findings about a plan file, each tied to a line and column where the text has one.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    /// A suggestion from the review; it does not fail `check`.
    Advice,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        })
    }
}

/// A 1-based line and column in the plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub fn at(text: &str, offset: usize) -> Pos {
        let (line, col) = crate::text::line_col(text, offset);
        Pos { line, col }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: Option<Pos>,
    /// What is wrong, then (after "; ") what to do about it.
    pub message: String,
    /// The review rule that found it (`social-connections`); `None` for file problems.
    pub rule: Option<&'static str>,
    /// Why the team switched the rule off, if they did (the finding is then informational).
    pub waived: Option<String>,
}

impl Diagnostic {
    pub fn error(pos: Option<Pos>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            pos,
            message: message.into(),
            rule: None,
            waived: None,
        }
    }

    pub fn warning(pos: Option<Pos>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            pos,
            message: message.into(),
            rule: None,
            waived: None,
        }
    }

    /// `file:line:col: severity: message`, the form editors and CI logs understand.
    pub fn display<'a>(&'a self, path: &'a Path) -> impl fmt::Display + 'a {
        DisplayWithPath { diag: self, path }
    }
}

struct DisplayWithPath<'a> {
    diag: &'a Diagnostic,
    path: &'a Path,
}

impl fmt::Display for DisplayWithPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diag;
        match d.pos {
            Some(p) => write!(f, "{}:{}:{}: ", self.path.display(), p.line, p.col)?,
            None => write!(f, "{}: ", self.path.display())?,
        }
        write!(f, "{}: {}", d.severity, crate::text::sanitize(&d.message))?;
        if let Some(rule) = d.rule {
            write!(f, " [{rule}]")?;
        }
        if let Some(why) = &d.waived {
            write!(f, " (waived: {})", crate::text::sanitize(why))?;
        }
        Ok(())
    }
}

/// Where each table, key and list element of a plan sits in its file, by path:
/// `outcome[2]` (the table header), `outcome[2].serves[0]`, `context.start`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMap {
    positions: HashMap<String, Pos>,
}

impl SourceMap {
    pub fn insert(&mut self, path: String, pos: Pos) {
        self.positions.entry(path).or_insert(pos);
    }

    /// Every path with its position, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Pos)> {
        self.positions.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// The position of a path, falling back to its closest enclosing path.
    pub fn get(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(pos) = self.positions.get(p) {
                return Some(*pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}
