//! Each item of a plan as the diff compares it: a kind, a key, a line of text, and its
//! fields, each with how a reviewer reads it (words, a plain value, a set, a list).

use super::comments::Remarks;
use crate::plan::model::*;

/// An item as the diff sees it: its kind, its key, a line of text for headers, and its
/// fields.
pub(super) struct Item {
    pub kind: &'static str,
    pub key: String,
    pub text: String,
    pub fields: Vec<(&'static str, Value)>,
    /// A reading's measure and date, so its key can follow a renamed measure.
    pub reading: Option<(String, String)>,
    /// Its comments, which are part of what a person wrote.
    pub remarks: Remarks,
    /// Keys this version does not know, as written (`key = value`): plan data too.
    pub unknown: Vec<(String, String)>,
}

/// A field's value, by how a reviewer compares it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// Words a person wrote: quoted, and a word diff when long.
    Text(String),
    /// A number, a date, an id or a fixed word: shown as it is, unquoted.
    Plain(String),
    /// Ids or numbers whose order means nothing (`serves`, key domains): added and removed.
    Set(Vec<String>),
    /// Entries of a list (resources): added and removed, or reordered.
    List(Vec<String>),
}

impl Value {
    /// One line of text, as `show --text` and the JSON `old`/`new` give it.
    pub fn flat(&self) -> String {
        match self {
            Value::Text(s) | Value::Plain(s) => s.clone(),
            Value::Set(v) => v.join(", "),
            Value::List(v) => v.join("; "),
        }
    }

    /// The same plan value: a set in another order is.
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Set(a), Value::Set(b)) => {
                let (mut a, mut b) = (a.clone(), b.clone());
                a.sort();
                b.sort();
                a == b
            }
            _ => self == other,
        }
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn plain(s: &str) -> Value {
    Value::Plain(s.to_string())
}

fn set(v: &[String]) -> Value {
    Value::Set(v.to_vec())
}

fn opt<T: ToString>(v: &Option<T>) -> Value {
    Value::Plain(v.as_ref().map_or(String::new(), ToString::to_string))
}

impl Item {
    fn new(
        kind: &'static str,
        key: String,
        text: String,
        fields: Vec<(&'static str, Value)>,
    ) -> Item {
        Item {
            kind,
            key,
            text,
            fields,
            reading: None,
            remarks: Remarks::of(&crate::plan::Comments::default()),
            unknown: Vec::new(),
        }
    }

    fn keys(mut self, extra: &crate::plan::Extra) -> Item {
        self.unknown = extra
            .iter()
            .map(|(k, v)| (k.clone(), format!("{k} = {v}")))
            .collect();
        self
    }

    fn with(mut self, remarks: Remarks) -> Item {
        self.remarks = remarks;
        self
    }
}

/// Every item of a plan, in file order; singletons (the plan, its context, its goal) too.
pub(super) fn items(p: &Plan) -> Vec<Item> {
    let c = &p.context;
    let domains: Vec<String> = c.key_domains.iter().map(u8::to_string).collect();
    let mut out = vec![
        Item::new(
            "plan",
            "plan".into(),
            p.title.clone(),
            vec![("title", text(&p.title))],
        )
        .with(Remarks::of_file(&p.comments, &p.trailing_comments))
        .keys(&p.extra),
        Item::new(
            "context",
            "context".into(),
            String::new(),
            vec![
                ("problem", text(&c.problem)),
                ("place", text(&c.place)),
                ("start", opt(&c.start)),
                ("end", opt(&c.end)),
                ("key_domains", set(&domains)),
                ("rights", text(&c.rights)),
            ],
        )
        .with(Remarks::of(&c.comments))
        .keys(&c.extra),
        Item::new(
            "goal",
            GOAL_ID.into(),
            p.goal.text.clone(),
            vec![
                ("text", text(&p.goal.text)),
                ("impact_evidence", text(&p.goal.impact_evidence)),
            ],
        )
        .with(Remarks::of(&p.goal.comments))
        .keys(&p.goal.extra),
    ];
    for s in &p.stakeholders {
        let fields = vec![
            ("name", text(&s.name)),
            ("group", plain(s.group.as_str())),
            ("role", text(&s.role)),
            ("involvement", text(&s.involvement)),
            ("agreed", Value::List(s.agreed.clone())),
        ];
        out.push(
            Item::new("stakeholder", s.id.clone(), s.name.clone(), fields)
                .with(Remarks::of(&s.comments))
                .keys(&s.extra),
        );
    }
    for o in &p.outcomes {
        let fields = vec![("text", text(&o.text)), ("serves", set(&o.serves))];
        out.push(
            Item::new("outcome", o.id.clone(), o.text.clone(), fields)
                .with(Remarks::of(&o.comments))
                .keys(&o.extra),
        );
    }
    for o in &p.outputs {
        let fields = vec![
            ("text", text(&o.text)),
            ("serves", set(&o.serves)),
            ("target", opt(&o.target)),
            ("unit", text(&o.unit)),
        ];
        out.push(
            Item::new("output", o.id.clone(), o.text.clone(), fields)
                .with(Remarks::of(&o.comments))
                .keys(&o.extra),
        );
    }
    for a in &p.activities {
        let fields = vec![
            ("text", text(&a.text)),
            ("serves", set(&a.serves)),
            ("resources", Value::List(a.resources.clone())),
            ("barrier", text(&a.barrier)),
            ("responsible", set(&a.responsible)),
            ("partners", set(&a.partners)),
        ];
        out.push(
            Item::new("activity", a.id.clone(), a.text.clone(), fields)
                .with(Remarks::of(&a.comments))
                .keys(&a.extra),
        );
    }
    for m in &p.measures {
        let fields = vec![
            ("outcome", plain(&m.outcome)),
            ("indicator", plain(&m.indicator)),
            ("rationale", text(&m.rationale)),
            ("groups", Value::List(m.groups.clone())),
            ("baseline", opt(&m.baseline)),
            ("target", opt(&m.target)),
            ("target_text", text(&m.target_text)),
            ("gap", plain(if m.gap { "true" } else { "" })),
            ("target_date", opt(&m.target_date)),
            ("method", text(&m.method)),
            ("sample", text(&m.sample)),
            ("frequency", text(&m.frequency)),
            ("collected_by", text(&m.collected_by)),
            ("analysis", text(&m.analysis)),
        ];
        out.push(
            Item::new("measure", m.id.clone(), m.indicator.clone(), fields)
                .with(Remarks::of(&m.comments))
                .keys(&m.extra),
        );
    }
    for a in &p.assumptions {
        let about = match &a.about {
            About::Item(i) => i.clone(),
            // As the file writes it: "a -> b" would read as a change in a diff.
            About::Link { from, to } => format!("[{from}, {to}]"),
        };
        let fields = vec![("about", plain(&about)), ("text", text(&a.text))];
        out.push(
            Item::new("assumption", a.id.clone(), a.text.clone(), fields)
                .with(Remarks::of(&a.comments))
                .keys(&a.extra),
        );
    }
    for e in &p.evidence {
        let kind = e.kind.map_or("", |k| k.as_str());
        let fields = vec![
            ("assumption", plain(&e.assumption)),
            ("kind", plain(kind)),
            ("stance", plain(e.stance.map_or("", |s| s.as_str()))),
            ("text", text(&e.text)),
            ("source", text(&e.source)),
            ("limitations", text(&e.limitations)),
        ];
        out.push(
            Item::new("evidence", e.id.clone(), e.text.clone(), fields)
                .with(Remarks::of(&e.comments))
                .keys(&e.extra),
        );
    }
    for r in &p.readings {
        // A group's reading is its own: one value per measure, group and date.
        let date = match r.group.as_str() {
            "" => r.date.to_string(),
            g => format!("{} for {g}", r.date),
        };
        // An output's count names its output, not a measure.
        let of = if r.output { "output" } else { "measure" };
        let fields = vec![
            (of, plain(&r.measure)),
            ("value", plain(&r.value.to_string())),
            ("note", text(&r.note)),
        ];
        let mut item = Item::new(
            "reading",
            reading_key(&r.measure, &date),
            format!("{} = {}", r.measure, r.value),
            fields,
        )
        .with(Remarks::of(&r.comments))
        .keys(&r.extra);
        item.reading = Some((r.measure.clone(), date));
        out.push(item);
    }
    for w in &p.waivers {
        let fields = vec![("reason", text(&w.reason))];
        out.push(
            Item::new("waiver", w.rule.clone(), w.reason.clone(), fields)
                .with(Remarks::of(&w.comments))
                .keys(&w.extra),
        );
    }
    out
}

/// A reading is known by its measure and date: one value per measure per date.
pub(super) fn reading_key(measure: &str, date: &str) -> String {
    format!("{measure} on {date}")
}
