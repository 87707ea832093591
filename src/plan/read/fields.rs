//! Typed access to the keys of one table, recording positions, comments, type errors and
//! unknown keys as it goes.

use toml_edit::{Item, TableLike, Value};

use super::super::comments::{Comments, KeyComments, comment_lines, trailing_comment};
use super::super::diagnostic::Pos;
use super::super::values::{Date, Extra, Number};
use super::Reader;

pub(crate) struct Fields<'r, 'a> {
    pub r: &'r mut Reader<'a>,
    table: &'a dyn TableLike,
    /// The path of this table in the source map (`outcome[2]`).
    pub path: String,
    /// How a person names this table in messages (`[[outcome]] at line 12`).
    pub label: String,
    pub header: Option<Pos>,
    used: Vec<&'static str>,
    pub comments: Comments,
}

impl<'r, 'a> Fields<'r, 'a> {
    pub fn new(
        r: &'r mut Reader<'a>,
        table: &'a dyn TableLike,
        path: String,
        label: String,
        header: Option<Pos>,
        comments: Comments,
    ) -> Self {
        if let Some(p) = header
            && r.record
        {
            r.map.insert(path.clone(), p);
        }
        Fields {
            r,
            table,
            path,
            label,
            header,
            used: Vec::new(),
            comments,
        }
    }

    fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// The item under `key`, noting its position and comments.
    pub fn get(&mut self, key: &'static str) -> Option<&'a Item> {
        self.used.push(key);
        let (k, item) = self.table.get_key_value(key)?;
        let pos = item
            .span()
            .or_else(|| k.span())
            .map(|s| self.r.pos(s.start));
        if let Some(p) = pos
            && self.r.record
        {
            self.r.map.insert(self.key_path(key), p);
        }
        self.note_comments(key, k, item);
        Some(item)
    }

    fn note_comments(&mut self, key: &str, k: &toml_edit::Key, item: &Item) {
        let above = k
            .leaf_decor()
            .prefix()
            .map(|raw| comment_lines(self.r.raw(raw)))
            .unwrap_or_default();
        let after = match item {
            Item::Value(v) => {
                self.r.check_nested_comments(v);
                v.decor()
                    .suffix()
                    .and_then(|raw| trailing_comment(self.r.raw(raw)))
            }
            _ => None,
        };
        if !above.is_empty() || after.is_some() {
            self.comments
                .keys
                .insert(key.to_string(), KeyComments { above, after });
        }
    }

    fn pos_of(&self, key: &str) -> Option<Pos> {
        self.r.map.get(&self.key_path(key))
    }

    fn wrong_type(&mut self, key: &str, expected: &str, found: &Item) {
        let pos = self.pos_of(key);
        let found = describe(found);
        self.r.error(
            pos,
            format!(
                "`{key}` in {} must be {expected}, found {found}",
                self.label
            ),
        );
    }

    pub fn missing(&mut self, key: &str, example: &str) {
        let header = self.header;
        let label = self.label.clone();
        self.r.error(
            header,
            format!(
                "{label} has no `{key}`, which is required; add a line like `{key} = {example}`"
            ),
        );
    }

    pub fn string(&mut self, key: &'static str) -> Option<String> {
        let item = self.get(key)?;
        match item.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(key, "a string in quotes", item);
                None
            }
        }
    }

    pub fn text(&mut self, key: &'static str) -> String {
        self.string(key).unwrap_or_default()
    }

    pub fn required(&mut self, key: &'static str, example: &str) -> String {
        let present = self.has(key);
        match self.string(key) {
            Some(s) => s,
            None => {
                if !present {
                    self.missing(key, example);
                }
                String::new()
            }
        }
    }

    /// An array of strings; each element's position is recorded as `key[i]`.
    pub fn strings(&mut self, key: &'static str) -> Vec<String> {
        let Some(item) = self.get(key) else {
            return Vec::new();
        };
        let Some(arr) = item.as_array() else {
            self.wrong_type(key, "an array of strings, like [\"a\", \"b\"]", item);
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, v) in arr.iter().enumerate() {
            let pos = v.span().map(|s| self.r.pos(s.start));
            if let Some(p) = pos
                && self.r.record
            {
                self.r.map.insert(format!("{}.{key}[{i}]", self.path), p);
            }
            match v.as_str() {
                Some(s) => out.push(s.to_string()),
                None => {
                    let label = self.label.clone();
                    self.r.error(
                        pos,
                        format!(
                            "`{key}` in {label} must hold strings, found {}",
                            describe_value(v)
                        ),
                    );
                }
            }
        }
        out
    }

    /// One id as a string (as older files write it) or several as an array.
    pub fn one_or_many(&mut self, key: &'static str) -> Vec<String> {
        match self.get(key) {
            Some(item) if item.is_str() => item.as_str().map(str::to_string).into_iter().collect(),
            Some(_) => self.strings(key),
            None => Vec::new(),
        }
    }

    /// `true` or `false`; absent is `false`.
    pub fn flag(&mut self, key: &'static str) -> bool {
        let Some(item) = self.get(key) else {
            return false;
        };
        match item.as_bool() {
            Some(b) => b,
            None => {
                self.wrong_type(key, "true or false", item);
                false
            }
        }
    }

    pub fn date(&mut self, key: &'static str) -> Option<Date> {
        let item = self.get(key)?;
        let dt = item.as_value().and_then(Value::as_datetime);
        match dt {
            Some(dt) if dt.time.is_none() && dt.offset.is_none() => {
                dt.date.and_then(|d| Date::new(d.year, d.month, d.day))
            }
            _ => {
                self.wrong_type(key, "a date like 2026-01-05 (no quotes)", item);
                None
            }
        }
    }

    pub fn number(&mut self, key: &'static str) -> Option<Number> {
        let item = self.get(key)?;
        match item.as_value() {
            Some(Value::Integer(i)) => Some(Number::Int(*i.value())),
            Some(Value::Float(f)) if f.value().is_finite() => Some(Number::Float(*f.value())),
            _ => {
                self.wrong_type(key, "a finite number, like 40 or 12.5 (no quotes)", item);
                None
            }
        }
    }

    /// An array of domain numbers; each element's position is recorded as `key[i]`, and a
    /// wrong element is named itself (`500 is not a domain`), not the array it sits in.
    pub fn small_numbers(&mut self, key: &'static str) -> Vec<u8> {
        let Some(item) = self.get(key) else {
            return Vec::new();
        };
        let Some(arr) = item.as_array() else {
            self.wrong_type(key, "an array of domain numbers, like [9, 7, 5]", item);
            return Vec::new();
        };
        let mut out = Vec::new();
        for v in arr.iter() {
            let pos = v.span().map(|s| self.r.pos(s.start));
            let label = self.label.clone();
            match v.as_integer() {
                Some(n) => match u8::try_from(n) {
                    // 1 to 14 is checked with the rest of the plan, in one place; the
                    // position is kept under the index the number has in the plan.
                    Ok(n) => {
                        if let Some(p) = pos
                            && self.r.record
                        {
                            let at = format!("{}.{key}[{}]", self.path, out.len());
                            self.r.map.insert(at, p);
                        }
                        out.push(n);
                    }
                    Err(_) => self.r.error(
                        pos,
                        format!(
                            "key domain {n} does not exist; domains are numbered 1 to 14 (see `tocplan domains`)"
                        ),
                    ),
                },
                None => self.r.error(
                    pos,
                    format!(
                        "`{key}` in {label} must hold domain numbers, like [9, 7, 5], found {}",
                        describe_value(v)
                    ),
                ),
            }
        }
        out
    }

    /// Keys not asked for become extras, kept and written back, with a warning each.
    pub fn finish(mut self) -> (Extra, Comments) {
        let mut extra = Extra::new();
        let mut comments = std::mem::take(&mut self.comments);
        for (key, item) in self.table.iter() {
            if self.used.contains(&key) {
                continue;
            }
            let pos = self
                .table
                .get_key_value(key)
                .and_then(|(k, _)| k.span())
                .map(|s| self.r.pos(s.start));
            if let Some(p) = pos {
                let path = self.key_path(key);
                self.r.map.insert(path, p);
            }
            self.r.warning(
                pos,
                format!(
                    "unknown key `{key}` in {}; it is kept as it is, but this version of tocplan does not use it (a typo?)",
                    self.label
                ),
            );
            let (above, after) = match (item, self.table.get_key_value(key)) {
                // A table's own comments sit in its header's decor, not its key's.
                (Item::Table(t), _) => (self.r.comments_above(t.decor()), None),
                (Item::ArrayOfTables(a), _) => (
                    a.iter()
                        .next()
                        .map(|t| self.r.comments_above(t.decor()))
                        .unwrap_or_default(),
                    None,
                ),
                (_, Some((k, _))) => (
                    k.leaf_decor()
                        .prefix()
                        .map(|raw| comment_lines(self.r.raw(raw)))
                        .unwrap_or_default(),
                    item.as_value()
                        .and_then(|v| v.decor().suffix())
                        .and_then(|raw| trailing_comment(self.r.raw(raw))),
                ),
                _ => (Vec::new(), None),
            };
            if !above.is_empty() || after.is_some() {
                comments
                    .keys
                    .insert(key.to_string(), KeyComments { above, after });
            }
            self.r.check_nested_item_comments(item);
            extra.push((key.to_string(), super::to_value(item)));
        }
        (extra, comments)
    }
}

pub(crate) fn describe(item: &Item) -> String {
    match item {
        Item::None => "nothing".into(),
        Item::Value(v) => describe_value(v),
        Item::Table(_) => "a table".into(),
        Item::ArrayOfTables(_) => "an array of tables".into(),
    }
}

fn describe_value(v: &Value) -> String {
    match v {
        Value::String(s) => format!("the string \"{}\"", crate::text::sanitize(s.value())),
        Value::Integer(i) => format!("the integer {}", i.value()),
        Value::Float(f) => format!("the number {}", f.value()),
        Value::Boolean(b) => format!("{}", b.value()),
        Value::Datetime(d) => format!("the date/time {}", d.value()),
        Value::Array(_) => "an array".into(),
        Value::InlineTable(_) => "an inline table".into(),
    }
}
