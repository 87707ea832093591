//! Reading a plan file: refuse what cannot be read safely (binary, conflict markers, a
//! newer schema, bad syntax), then decode every table, collecting all problems at once.

mod chunks;
mod fields;
mod items;
mod sections;

use std::path::Path;

use toml_edit::{Document, Item, RawString, TableLike, Value};

use super::comments::comment_lines;
use super::conflict::find_conflicts;
use super::diagnostic::{Diagnostic, Pos, Severity, SourceMap};
use super::error::LoadError;
use super::model::{Plan, SCHEMA};

/// A plan read from text, with where everything sits and any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub plan: Plan,
    pub source: SourceMap,
    /// Warnings found while reading (unknown keys); errors make the load fail instead.
    pub warnings: Vec<Diagnostic>,
}

pub(crate) struct Reader<'a> {
    src: &'a str,
    pub map: SourceMap,
    diags: Vec<Diagnostic>,
    /// Byte offset where each line starts, so a position costs a binary search rather
    /// than a scan from the top (which made large plans quadratic to read).
    lines: Vec<usize>,
    /// Whether to keep every position in `map`: a caller that will place findings (check,
    /// validation) needs them; the app only needs the plan, and at 10,000 items the map
    /// is the largest thing read.
    pub record: bool,
    /// Where the document being decoded starts in `src` (a large file is read in pieces,
    /// and each piece's spans count from its own start).
    base: usize,
}

impl<'a> Reader<'a> {
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = (self.base + offset).min(self.src.len());
        let line = self.lines.partition_point(|&start| start <= offset).max(1);
        let start = self.lines[line - 1];
        let col = self.src.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        Pos { line, col }
    }

    /// The text of a stretch of whitespace or comments in the parsed document.
    pub fn raw(&self, raw: &RawString) -> &'a str {
        match raw.span() {
            Some(s) => self
                .src
                .get(self.base + s.start..self.base + s.end)
                .unwrap_or(""),
            None => "",
        }
    }

    pub fn error(&mut self, pos: Option<Pos>, message: String) {
        self.diags.push(Diagnostic::error(pos, message));
    }

    pub fn warning(&mut self, pos: Option<Pos>, message: String) {
        self.diags.push(Diagnostic::warning(pos, message));
    }

    /// Comments inside arrays or inline tables have no place the writer could put them
    /// back, so the load is refused rather than letting a later save drop them.
    pub fn check_nested_comments(&mut self, v: &Value) {
        let inner: Vec<&Value> = match v {
            Value::Array(a) => {
                self.refuse_comment(a.trailing(), "inside an array");
                a.iter().collect()
            }
            Value::InlineTable(t) => {
                self.refuse_comment(t.trailing(), "inside an inline table");
                t.iter().map(|(_, v)| v).collect()
            }
            _ => return,
        };
        for x in inner {
            for raw in [x.decor().prefix(), x.decor().suffix()]
                .into_iter()
                .flatten()
            {
                self.refuse_comment(raw, "inside an array or inline table");
            }
            self.check_nested_comments(x);
        }
    }

    /// The comment lines above a table header.
    pub fn comments_above(&self, decor: &toml_edit::Decor) -> Vec<String> {
        decor
            .prefix()
            .map(|p| comment_lines(self.raw(p)))
            .unwrap_or_default()
    }

    /// Refuses comments anywhere inside a table kept as it is (an unknown table, or an
    /// unknown sub-table of an item): only the comments above its header have a place.
    pub fn check_nested_item_comments(&mut self, item: &Item) {
        match item {
            Item::Value(v) => self.check_nested_comments(v),
            Item::Table(t) => self.check_table_comments(t),
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    if i > 0
                        && let Some(p) = t.decor().prefix()
                    {
                        self.refuse_comment(
                            p,
                            "above a later table of an array tocplan does not know",
                        );
                    }
                    self.check_table_comments(t);
                }
            }
            Item::None => {}
        }
    }

    fn check_table_comments(&mut self, t: &toml_edit::Table) {
        if let Some(s) = t.decor().suffix() {
            self.refuse_comment(s, "after a table header tocplan does not know");
        }
        for (key, item) in t.iter() {
            if let Some((k, _)) = t.get_key_value(key)
                && let Some(p) = k.leaf_decor().prefix()
            {
                self.refuse_comment(p, "inside a table tocplan does not know");
            }
            match item {
                Item::Value(v) => {
                    if let Some(s) = v.decor().suffix() {
                        self.refuse_comment(s, "inside a table tocplan does not know");
                    }
                    self.check_nested_comments(v);
                }
                Item::Table(sub) => {
                    if let Some(p) = sub.decor().prefix() {
                        self.refuse_comment(p, "above a sub-table tocplan does not know");
                    }
                    self.check_table_comments(sub);
                }
                other => self.check_nested_item_comments(other),
            }
        }
    }

    fn refuse_comment(&mut self, raw: &RawString, place: &str) {
        let text = self.raw(raw);
        if let Some(i) = text.find('#') {
            let start = raw.span().map_or(0, |s| s.start) + i;
            let pos = self.pos(start);
            self.error(
                Some(pos),
                format!(
                    "a comment {place} cannot be kept when tocplan saves this plan; move it onto its own line above the key"
                ),
            );
        }
    }
}

/// Reads a plan file from disk.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    parse_str(&read_text(path)?, path)
}

/// Reads a plan from bytes; `path` is used in messages only.
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    parse_str(as_text(bytes, path)?, path)
}

/// Reads the file as text, refusing what is not a regular file, a file beyond the size of
/// any plan, binary data and invalid UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = crate::files::read(path, crate::files::PLAN)?;
    as_text(&bytes, path).map(str::to_string)
}

fn as_text<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b str, LoadError> {
    let binary = |offset: usize, what| {
        let prefix = String::from_utf8_lossy(&bytes[..offset.min(bytes.len())]);
        LoadError::Binary {
            path: path.to_path_buf(),
            pos: Pos::at(&prefix, prefix.len()),
            what,
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Err(binary(e.valid_up_to(), "it is not valid UTF-8")),
    };
    if let Some(i) = text.find('\0') {
        return Err(binary(i, "it contains NUL bytes"));
    }
    Ok(text)
}

/// Reads a plan from text; `path` is used in messages only. Any error in the content
/// fails the load, so a plan that was only partly understood is never saved over its file.
pub fn parse_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    loaded(decode_str(text, path)?, path)
}

/// `parse_str` for a caller that needs only the plan (the app): positions are not kept,
/// so `source` is empty. A file with anything to report is read again in full, so its
/// messages are placed exactly as `parse_str` places them.
pub fn parse_plan_only(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let d = decode_in_pieces(text, path, chunks::CHUNK, false)?;
    if !d.diagnostics.is_empty() {
        return parse_str(text, path);
    }
    loaded(d, path)
}

/// `load` for a caller that needs only the plan; see `parse_plan_only`.
pub fn load_plan_only(path: &Path) -> Result<Loaded, LoadError> {
    parse_plan_only(&read_text(path)?, path)
}

fn loaded(d: Decoded, path: &Path) -> Result<Loaded, LoadError> {
    let (errors, mut warnings): (Vec<_>, Vec<_>) = d
        .diagnostics
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        let mut diagnostics = errors;
        diagnostics.extend(warnings);
        diagnostics.sort_by_key(|d| d.pos);
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            diagnostics,
        });
    }
    warnings.sort_by_key(|d| d.pos);
    Ok(Loaded {
        plan: d.plan,
        source: d.source,
        warnings,
    })
}

/// A plan decoded as far as possible, with every problem found on the way.
pub(crate) struct Decoded {
    pub plan: Plan,
    pub source: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes what can be decoded; fails only where the text cannot be read as a plan at all.
pub(crate) fn decode_str(text: &str, path: &Path) -> Result<Decoded, LoadError> {
    decode_in_pieces(text, path, chunks::CHUNK, true)
}

/// `decode_str`, reading a file of at least two pieces of `piece_size` bytes in pieces.
pub(crate) fn decode_in_pieces(
    text: &str,
    path: &Path,
    piece_size: usize,
    record: bool,
) -> Result<Decoded, LoadError> {
    let owned = |p: &Path| p.to_path_buf();
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: owned(path) });
    }
    let regions = find_conflicts(text);
    if !regions.is_empty() {
        return Err(LoadError::Conflict {
            path: owned(path),
            regions,
        });
    }
    let lines: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    if let Some(starts) = chunks::cuts(text, piece_size)
        && let Some(decoded) = chunks::decode_pieces(text, &starts, path, lines.clone(), record)?
    {
        return Ok(decoded);
    }
    let doc = Document::parse(text).map_err(|e| LoadError::Syntax {
        path: owned(path),
        pos: Pos::at(text, e.span().map_or(0, |s| s.start)),
        message: e.message().trim().to_string(),
    })?;
    let root: &dyn TableLike = doc.as_table();
    let mut r = Reader {
        src: text,
        map: SourceMap::default(),
        diags: Vec::new(),
        lines,
        record,
        base: 0,
    };
    check_schema(&mut r, root, path)?;
    let mut plan = sections::decode(&mut r, root);
    plan.trailing_comments = comment_lines(r.raw(doc.trailing()));
    Ok(Decoded {
        plan,
        source: r.map,
        diagnostics: r.diags,
    })
}

/// `schema` is checked before anything else: a newer file may mean other things by the
/// same keys, so it is refused rather than half-understood.
fn check_schema(r: &mut Reader<'_>, root: &dyn TableLike, path: &Path) -> Result<(), LoadError> {
    let Some((k, item)) = root.get_key_value("schema") else {
        r.error(
            Some(Pos { line: 1, col: 1 }),
            format!("no `schema` key; a plan file starts with `schema = {SCHEMA}`"),
        );
        return Ok(());
    };
    let pos = r.pos(item.span().or_else(|| k.span()).map_or(0, |s| s.start));
    match item.as_integer() {
        Some(found) if found > SCHEMA => Err(LoadError::NewerSchema {
            path: path.to_path_buf(),
            pos,
            found,
            supported: SCHEMA,
        }),
        Some(found) if found < 1 => {
            r.error(
                Some(pos),
                format!("`schema = {found}` is not a schema version; write `schema = {SCHEMA}`"),
            );
            Ok(())
        }
        Some(_) => Ok(()),
        None => {
            r.error(
                Some(pos),
                format!(
                    "`schema` must be a whole number, found {}; write `schema = {SCHEMA}`",
                    fields::describe(item)
                ),
            );
            Ok(())
        }
    }
}

/// Converts a parsed TOML item into a plain value, for keys kept as they are.
pub(crate) fn to_value(item: &Item) -> toml::Value {
    match item {
        Item::None => toml::Value::Table(toml::Table::new()),
        Item::Value(v) => value_to_value(v),
        Item::Table(t) => toml::Value::Table(
            t.iter()
                .map(|(k, i)| (k.to_string(), to_value(i)))
                .collect(),
        ),
        Item::ArrayOfTables(a) => toml::Value::Array(
            a.iter()
                .map(|t| {
                    toml::Value::Table(
                        t.iter()
                            .map(|(k, i)| (k.to_string(), to_value(i)))
                            .collect(),
                    )
                })
                .collect(),
        ),
    }
}

fn value_to_value(v: &Value) -> toml::Value {
    match v {
        Value::String(s) => toml::Value::String(s.value().clone()),
        Value::Integer(i) => toml::Value::Integer(*i.value()),
        Value::Float(f) => toml::Value::Float(*f.value()),
        Value::Boolean(b) => toml::Value::Boolean(*b.value()),
        Value::Datetime(d) => d.value().to_string().parse().map_or_else(
            |_| toml::Value::String(d.value().to_string()),
            toml::Value::Datetime,
        ),
        Value::Array(a) => toml::Value::Array(a.iter().map(value_to_value).collect()),
        Value::InlineTable(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| (k.to_string(), value_to_value(v)))
                .collect(),
        ),
    }
}
