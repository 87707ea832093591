//! Writing a plan in canonical form: fixed table and key order, one way to spell each
//! value, empty optional fields left out. The same plan always gives the same bytes, so an
//! edit to one field changes only that field's lines.

mod encode;
mod lines;

use super::comments::Comments;
use super::model::*;
use super::values::{Date, Extra, Number};
use encode::{encode_field, encode_key, encode_str, encode_value};

/// Arrays longer than this on one line are written one element per line.
const INLINE_ARRAY_MAX: usize = 100;

/// The plan as canonical TOML.
pub fn to_toml(plan: &Plan) -> String {
    let mut w = Writer::default();
    let root = &plan.comments;
    w.comment_lines(&root.header);
    w.kv("schema", SCHEMA.to_string(), root);
    w.text("title", &plan.title, root);
    let (tables, values): (Vec<_>, Vec<_>) = plan.extra.iter().partition(|(_, v)| is_section(v));
    for (k, v) in values {
        w.kv(k, encode_value(v), root);
    }

    let c = &plan.context;
    w.header("[context]", &c.comments);
    w.opt_str("problem", &c.problem, &c.comments);
    w.opt_str("place", &c.place, &c.comments);
    w.opt_date("start", c.start, &c.comments);
    w.opt_date("end", c.end, &c.comments);
    if !c.key_domains.is_empty() {
        let nums: Vec<String> = c.key_domains.iter().map(u8::to_string).collect();
        w.array("key_domains", nums, &c.comments);
    }
    w.opt_str("rights", &c.rights, &c.comments);
    w.extras(&c.extra, &c.comments);

    let g = &plan.goal;
    w.header("[goal]", &g.comments);
    w.text("text", &g.text, &g.comments);
    w.opt_str("impact_evidence", &g.impact_evidence, &g.comments);
    w.extras(&g.extra, &g.comments);

    for s in &plan.stakeholders {
        let c = &s.comments;
        w.header("[[stakeholder]]", c);
        w.kv("id", encode_str(&s.id), c);
        w.text("name", &s.name, c);
        w.kv("group", encode_str(s.group.as_str()), c);
        w.opt_str("role", &s.role, c);
        w.opt_str("involvement", &s.involvement, c);
        w.strings("agreed", &s.agreed, c, false);
        w.extras(&s.extra, c);
    }
    for o in &plan.outcomes {
        w.linked("[[outcome]]", &o.id, &o.text, &o.serves, &o.comments);
        w.extras(&o.extra, &o.comments);
    }
    for o in &plan.outputs {
        w.linked("[[output]]", &o.id, &o.text, &o.serves, &o.comments);
        w.opt_number("target", o.target, &o.comments);
        w.opt_str("unit", &o.unit, &o.comments);
        w.extras(&o.extra, &o.comments);
    }
    for a in &plan.activities {
        let c = &a.comments;
        w.linked("[[activity]]", &a.id, &a.text, &a.serves, c);
        w.strings("resources", &a.resources, c, true);
        w.opt_str("barrier", &a.barrier, c);
        // One responsible stakeholder stays a string, as files before shared
        // responsibility wrote it; adding a second changes that one line.
        match a.responsible.as_slice() {
            [] => {}
            [one] => w.kv("responsible", encode_str(one), c),
            many => w.strings("responsible", many, c, false),
        }
        w.strings("partners", &a.partners, c, false);
        w.extras(&a.extra, c);
    }
    for m in &plan.measures {
        let c = &m.comments;
        w.header("[[measure]]", c);
        w.kv("id", encode_str(&m.id), c);
        w.kv("outcome", encode_str(&m.outcome), c);
        w.kv("indicator", encode_str(&m.indicator), c);
        w.opt_str("rationale", &m.rationale, c);
        w.strings("groups", &m.groups, c, true);
        w.opt_number("baseline", m.baseline, c);
        w.opt_number("target", m.target, c);
        w.opt_str("target_text", &m.target_text, c);
        if m.gap {
            w.kv("gap", "true".into(), c);
        }
        w.opt_date("target_date", m.target_date, c);
        w.opt_str("method", &m.method, c);
        w.opt_str("sample", &m.sample, c);
        w.opt_str("frequency", &m.frequency, c);
        w.opt_str("collected_by", &m.collected_by, c);
        w.opt_str("analysis", &m.analysis, c);
        w.extras(&m.extra, c);
    }
    for a in &plan.assumptions {
        let c = &a.comments;
        w.header("[[assumption]]", c);
        w.kv("id", encode_str(&a.id), c);
        match &a.about {
            About::Item(id) => w.kv("about", encode_str(id), c),
            About::Link { from, to } => w.array("about", vec![encode_str(from), encode_str(to)], c),
        }
        w.text("text", &a.text, c);
        w.extras(&a.extra, c);
    }
    for e in &plan.evidence {
        let c = &e.comments;
        w.header("[[evidence]]", c);
        w.kv("id", encode_str(&e.id), c);
        w.kv("assumption", encode_str(&e.assumption), c);
        if let Some(k) = e.kind {
            w.kv("kind", encode_str(k.as_str()), c);
        }
        if let Some(s) = e.stance {
            w.kv("stance", encode_str(s.as_str()), c);
        }
        w.text("text", &e.text, c);
        w.opt_str("source", &e.source, c);
        w.opt_str("limitations", &e.limitations, c);
        w.extras(&e.extra, c);
    }
    for r in &plan.readings {
        let c = &r.comments;
        w.header("[[reading]]", c);
        let of = if r.output { "output" } else { "measure" };
        w.kv(of, encode_str(&r.measure), c);
        w.opt_str("group", &r.group, c);
        w.kv("date", r.date.to_string(), c);
        w.kv("value", r.value.to_string(), c);
        w.opt_str("note", &r.note, c);
        w.extras(&r.extra, c);
    }
    for x in &plan.waivers {
        let c = &x.comments;
        w.header("[[waiver]]", c);
        w.kv("rule", encode_str(&x.rule), c);
        w.text("reason", &x.reason, c);
        w.extras(&x.extra, c);
    }
    for (k, v) in tables {
        w.section(k, v, root);
    }
    if !plan.trailing_comments.is_empty() {
        w.out.push('\n');
        w.comment_lines(&plan.trailing_comments);
    }
    w.out
}

/// Whether a kept top-level value is written as a `[table]` or `[[tables]]` section.
fn is_section(v: &toml::Value) -> bool {
    match v {
        toml::Value::Table(_) => true,
        toml::Value::Array(a) => !a.is_empty() && a.iter().all(toml::Value::is_table),
        _ => false,
    }
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn comment_lines(&mut self, lines: &[String]) {
        for l in lines {
            self.out.push_str(l);
            self.out.push('\n');
        }
    }

    fn header(&mut self, header: &str, c: &Comments) {
        self.out.push('\n');
        self.comment_lines(&c.header);
        self.out.push_str(header);
        if let Some(after) = &c.header_after {
            self.out.push(' ');
            self.out.push_str(after);
        }
        self.out.push('\n');
    }

    fn kv(&mut self, key: &str, repr: String, c: &Comments) {
        let kc = c.key(key);
        if let Some(kc) = kc {
            self.comment_lines(&kc.above);
        }
        self.out.push_str(&encode_key(key));
        self.out.push_str(" = ");
        self.out.push_str(&repr);
        if let Some(after) = kc.and_then(|k| k.after.as_ref()) {
            self.out.push(' ');
            self.out.push_str(after);
        }
        self.out.push('\n');
    }

    /// A text field: long text on short lines (see `encode_field`).
    fn text(&mut self, key: &str, value: &str, c: &Comments) {
        self.kv(key, encode_field(key, value), c);
    }

    fn opt_str(&mut self, key: &str, value: &str, c: &Comments) {
        if !value.is_empty() {
            self.text(key, value, c);
        }
    }

    fn opt_date(&mut self, key: &str, value: Option<Date>, c: &Comments) {
        if let Some(d) = value {
            self.kv(key, d.to_string(), c);
        }
    }

    fn opt_number(&mut self, key: &str, value: Option<Number>, c: &Comments) {
        if let Some(n) = value {
            self.kv(key, n.to_string(), c);
        }
    }

    /// An array of already-encoded elements: on one line if it fits (and `prose` is off or
    /// there is one element), else one element per line.
    fn array_with(&mut self, key: &str, elems: Vec<String>, c: &Comments, prose: bool) {
        let inline = format!("[{}]", elems.join(", "));
        let fits =
            key.len() + 3 + inline.chars().count() <= INLINE_ARRAY_MAX && !inline.contains('\n');
        if fits && (!prose || elems.len() <= 1) {
            self.kv(key, inline, c);
        } else {
            let body: String = elems.iter().map(|e| format!("  {e},\n")).collect();
            self.kv(key, format!("[\n{body}]"), c);
        }
    }

    fn array(&mut self, key: &str, elems: Vec<String>, c: &Comments) {
        self.array_with(key, elems, c, false);
    }

    /// Ids stay on one line when they fit; free text (`prose`) goes one item per line, so
    /// adding or changing one item is a one-line diff.
    fn strings(&mut self, key: &str, values: &[String], c: &Comments, prose: bool) {
        if !values.is_empty() {
            self.array_with(
                key,
                values.iter().map(|s| encode_str(s)).collect(),
                c,
                prose,
            );
        }
    }

    fn linked(&mut self, header: &str, id: &str, text: &str, serves: &[String], c: &Comments) {
        self.header(header, c);
        self.kv("id", encode_str(id), c);
        self.text("text", text, c);
        self.strings("serves", serves, c, false);
    }

    fn extras(&mut self, extra: &Extra, c: &Comments) {
        for (k, v) in extra {
            self.kv(k, encode_value(v), c);
        }
    }

    /// A kept top-level table or array of tables, with its header's comments.
    fn section(&mut self, key: &str, v: &toml::Value, root: &Comments) {
        let above = root.key(key).map(|k| k.above.clone()).unwrap_or_default();
        let c = Comments {
            header: above,
            ..Comments::default()
        };
        let tables: Vec<&toml::Table> = match v {
            toml::Value::Table(t) => vec![t],
            toml::Value::Array(a) => a.iter().filter_map(toml::Value::as_table).collect(),
            _ => return,
        };
        let brackets = |s: &str| match v {
            toml::Value::Table(_) => format!("[{s}]"),
            _ => format!("[[{s}]]"),
        };
        let none = Comments::default();
        for (i, t) in tables.into_iter().enumerate() {
            let header = brackets(&encode_key(key));
            self.header(&header, if i == 0 { &c } else { &none });
            for (k, v) in t {
                self.kv(k, encode_value(v), &none);
            }
        }
    }
}

#[cfg(test)]
mod tests;
