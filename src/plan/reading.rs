//! Monitoring readings: a measure's value for its whole sample or for one of its
//! comparison groups, and an output's count. The app's `r` and `tocplan record` both come
//! here, so a group is named, and a second reading refused, the same way in each.

use super::comments::Comments;
use super::error::ReadingError;
use super::model::*;
use super::values::{Date, Extra, Number};

impl Plan {
    /// Records a monitoring reading of a measure for all its groups, or a count of an
    /// output. A second reading on the same date is refused unless `replace`, which
    /// changes the one there.
    pub fn add_reading(
        &mut self,
        measure: &str,
        date: Date,
        value: Number,
        note: &str,
        replace: bool,
    ) -> Result<(), ReadingError> {
        self.add_group_reading(measure, "", date, value, note, replace)
    }

    /// The group a reading names, as the measure spells it: its number (`1`), its name or
    /// the start of one name (any case); empty is every group.
    pub fn reading_group(&self, measure: &str, group: &str) -> Result<String, ReadingError> {
        let g = group.trim();
        if g.is_empty() {
            return Ok(String::new());
        }
        if self.kind_of(measure) == Some(Kind::Output) {
            return Err(ReadingError::OutputGroup {
                output: measure.to_string(),
                group: g.to_string(),
            });
        }
        let groups = self
            .measures
            .iter()
            .find(|m| m.id == measure)
            .map_or(&[][..], |m| m.groups.as_slice());
        if groups.is_empty() {
            return Err(ReadingError::NoGroups {
                measure: measure.to_string(),
                group: g.to_string(),
            });
        }
        let lower = g.to_lowercase();
        let by_number = g
            .parse::<usize>()
            .ok()
            .and_then(|n| groups.get(n.checked_sub(1)?));
        let exact = groups.iter().find(|x| x.to_lowercase() == lower);
        let starts: Vec<&String> = groups
            .iter()
            .filter(|x| x.to_lowercase().starts_with(&lower))
            .collect();
        let prefix = (starts.len() == 1).then(|| starts[0]);
        if let Some(found) = by_number.or(exact).or(prefix) {
            return Ok(found.clone());
        }
        let hint = match (starts.as_slice(), closest(&lower, groups)) {
            ([a, b, ..], _) => format!("; it starts both `{a}` and `{b}`"),
            (_, Some(best)) => format!("; did you mean `{best}`?"),
            _ => String::new(),
        };
        Err(ReadingError::NoGroup {
            measure: measure.to_string(),
            group: g.to_string(),
            hint,
            groups: groups
                .iter()
                .enumerate()
                .map(|(i, x)| format!("{} `{x}`", i + 1))
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// A reading for one comparison group of a measure (see `reading_group`). A reading
    /// is the same one when its id, date and group are (a group's reading and the whole
    /// sample's on one date are two readings).
    pub fn add_group_reading(
        &mut self,
        measure: &str,
        group: &str,
        date: Date,
        value: Number,
        note: &str,
        replace: bool,
    ) -> Result<(), ReadingError> {
        let output = match self.kind_of(measure) {
            Some(Kind::Measure) => false,
            Some(Kind::Output) => true,
            _ => {
                return Err(ReadingError::NoMeasure {
                    measure: measure.to_string(),
                });
            }
        };
        let group = self.reading_group(measure, group)?;
        // A gap target is judged on the groups' readings alone: one for no group would
        // be kept and count nowhere.
        if let Some(m) = self.measures.iter().find(|m| m.id == measure)
            && !output
            && group.is_empty()
            && m.gap
            && m.groups.len() >= 2
        {
            return Err(ReadingError::GroupNeeded {
                measure: measure.to_string(),
                groups: m
                    .groups
                    .iter()
                    .enumerate()
                    .map(|(i, x)| format!("{} {x}", i + 1))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        let note = note.trim().to_string();
        match self
            .readings
            .iter_mut()
            .find(|r| r.measure == measure && r.date == date && r.group == group)
        {
            Some(_) if !replace => Err(ReadingError::DateTaken {
                measure: measure.to_string(),
                group,
                date,
            }),
            Some(r) => {
                r.value = value;
                r.note = note;
                Ok(())
            }
            None => {
                self.readings.push(Reading {
                    measure: measure.to_string(),
                    output,
                    group,
                    date,
                    value,
                    note,
                    extra: Extra::new(),
                    comments: Comments::default(),
                });
                Ok(())
            }
        }
    }
}

/// The group a mistyped name most likely meant: one whose name holds it, or whose name
/// or one of its words is spelt nearly so.
fn closest<'a>(lower: &str, groups: &'a [String]) -> Option<&'a String> {
    let score = |g: &String| {
        let name = g.to_lowercase();
        if name.contains(lower) {
            return 1.0;
        }
        name.split_whitespace()
            .map(|w| strsim::jaro_winkler(lower, w))
            .fold(strsim::jaro_winkler(lower, &name), f64::max)
    };
    groups
        .iter()
        .map(|g| (score(g), g))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, g)| g)
}

/// A reading is of what was measured: a date after `today` is refused where readings are
/// entered (it would become every view's "latest" and hide the real one).
pub fn measured_by(date: Date, today: Option<Date>) -> Result<(), ReadingError> {
    match today {
        Some(today) if date > today => Err(ReadingError::Future { date, today }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A measure with three groups (`ask`), one without (`plain`) and an output.
    fn plan() -> Plan {
        let mut p = Plan::new("t");
        p.goal.text = "Everyone talks".into();
        let o = p.add_outcome("Neighbours help").expect("outcome");
        let ask = p.add_measure(&o, "x.ask").expect("measure");
        p.measures[0].groups = vec![
            "Women in the target group".into(),
            "Local residents at the café".into(),
            "Local volunteers".into(),
        ];
        let plain = p.add_measure(&o, "x.plain").expect("measure");
        let out = p.add_output(&o, "Sessions").expect("output");
        assert_eq!([ask, plain, out], ["ask", "plain", "sessions"]);
        p
    }

    fn date(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn a_group_is_named_by_number_name_or_the_start_of_one_name() {
        let p = plan();
        for (typed, meant) in [
            ("1", "Women in the target group"),
            ("women in the TARGET group", "Women in the target group"),
            ("local r", "Local residents at the café"),
            (" 3 ", "Local volunteers"),
            ("", ""),
        ] {
            assert_eq!(
                p.reading_group("ask", typed).as_deref(),
                Ok(meant),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_group_the_measure_is_not_read_for_is_refused_naming_its_groups_and_a_likely_one() {
        let p = plan();
        let why = |typed: &str| p.reading_group("ask", typed).expect_err(typed).to_string();
        let mistyped = why("residents");
        assert!(
            mistyped.contains("did you mean `Local residents at the café`?"),
            "{mistyped}"
        );
        assert!(
            mistyped.contains("1 `Women in the target group`, 2 `Local residents at the café`, 3 `Local volunteers`"),
            "{mistyped}"
        );
        assert!(why("wmen").contains("did you mean `Women in the target group`?"));
        let both = why("local");
        assert!(
            both.contains("it starts both `Local residents at the café` and `Local volunteers`"),
            "{both}"
        );
        assert!(!why("4").contains("did you mean"), "{}", why("4"));
        assert!(!why("zzz").contains("did you mean"));
    }

    #[test]
    fn a_group_for_a_measure_without_groups_or_for_an_output_is_refused_as_such() {
        let mut p = plan();
        let before = p.clone();
        assert_eq!(
            p.add_group_reading(
                "plain",
                "women",
                date("2026-01-01"),
                Number::Int(1),
                "",
                false
            ),
            Err(ReadingError::NoGroups {
                measure: "plain".into(),
                group: "women".into()
            })
        );
        let out = p
            .add_group_reading(
                "sessions",
                "1",
                date("2026-01-01"),
                Number::Int(1),
                "",
                false,
            )
            .expect_err("an output's count has no group");
        assert!(matches!(out, ReadingError::OutputGroup { .. }), "{out:?}");
        assert!(out.to_string().contains("`sessions` is an output"), "{out}");
        assert_eq!(p, before);
    }

    #[test]
    fn the_same_reading_is_the_same_id_date_and_group() {
        let mut p = plan();
        let d = date("2026-04-10");
        let add = |p: &mut Plan, group: &str, v: i64, replace: bool| {
            p.add_group_reading("ask", group, d, Number::Int(v), "", replace)
        };
        add(&mut p, "", 30, false).expect("the whole sample");
        add(&mut p, "1", 18, false).expect("a group beside it");
        add(&mut p, "2", 41, false).expect("another group");
        let taken = add(&mut p, "women", 19, false).expect_err("taken");
        assert_eq!(
            taken.to_string(),
            "`ask` already has a reading for `Women in the target group` on 2026-04-10"
        );
        assert_eq!(
            add(&mut p, "", 31, false).expect_err("taken").to_string(),
            "`ask` already has a reading on 2026-04-10"
        );
        add(&mut p, "Women in the target group", 19, true).expect("replaced");
        let values: Vec<(&str, Number)> = p
            .readings
            .iter()
            .map(|r| (r.group.as_str(), r.value))
            .collect();
        assert_eq!(
            values,
            [
                ("", Number::Int(30)),
                ("Women in the target group", Number::Int(19)),
                ("Local residents at the café", Number::Int(41)),
            ]
        );
        p.add_reading("sessions", d, Number::Int(13), "", false)
            .expect("an output's count");
        assert!(
            p.readings
                .last()
                .is_some_and(|r| r.output && r.group.is_empty())
        );
    }
}
