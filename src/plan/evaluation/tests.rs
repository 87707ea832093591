use super::*;
use crate::plan::load;

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

fn cafe() -> Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
    load(&path).expect("load").plan
}

fn date(s: &str) -> Date {
    s.parse().expect("date")
}

#[test]
fn one_row_per_measure_in_plan_order_with_the_latest_reading() {
    let fw = fw();
    let plan = cafe();
    let rows = rows(&plan, &fw);
    assert_eq!(rows.len(), plan.measures.len());
    let first = &plan.outcomes[0].id;
    assert_eq!(&rows[0].outcome, first);
    let with_readings: Vec<&Row> = rows.iter().filter(|r| r.latest.is_some()).collect();
    for r in with_readings {
        let newest = plan
            .readings
            .iter()
            .filter(|x| x.measure == r.measure)
            .map(|x| x.date)
            .max();
        assert_eq!(r.latest.as_ref().map(|l| l.0), newest);
    }
    assert!(
        rows.iter()
            .all(|r| !r.domain.is_empty() && !r.indicator_text.is_empty())
    );
}

#[test]
fn progress_measures_the_way_from_baseline_to_target_against_a_steady_pace() {
    let mut plan = cafe();
    plan.context.start = Some(date("2026-01-01"));
    let mut m = plan.measures[0].clone();
    m.baseline = Some(Number::Int(10));
    m.target = Some(Number::Int(50));
    m.target_date = Some(date("2027-01-01"));
    // Half-way through the time, a quarter of the way: off track.
    let p = progress(&plan, &m, Some((date("2026-07-02"), Number::Int(20))));
    let Progress::Known {
        share, off_track, ..
    } = p
    else {
        panic!("{p:?}");
    };
    assert!((share - 0.25).abs() < 1e-9);
    assert!(off_track);
    // Half-way through, 45% of the way: within the tolerance.
    let p = progress(&plan, &m, Some((date("2026-07-02"), Number::Int(28))));
    assert!(matches!(
        p,
        Progress::Known {
            off_track: false,
            ..
        }
    ));
    // A falling target works the same way round.
    m.baseline = Some(Number::Int(50));
    m.target = Some(Number::Int(10));
    let p = progress(&plan, &m, Some((date("2026-03-01"), Number::Int(45))));
    assert!(
        matches!(
            p,
            Progress::Known {
                off_track: false,
                ..
            }
        ),
        "{p:?}"
    );
    assert_eq!(progress(&plan, &m, None), Progress::Unknown);
    m.baseline = None;
    assert_eq!(
        progress(&plan, &m, Some((date("2026-03-01"), Number::Int(45)))),
        Progress::Unknown
    );
    assert_eq!(bar(0.6, 10), "██████░░░░ 60%");
    assert_eq!(bar(1.4, 4), "████ 140%");
}

#[test]
fn days_between_dates() {
    assert_eq!(date("2026-03-01").days() - date("2026-02-28").days(), 1);
    assert_eq!(date("2024-03-01").days() - date("2024-02-28").days(), 2);
    assert_eq!(date("2027-01-01").days() - date("2026-01-01").days(), 365);
}

#[test]
fn csv_parses_as_a_table_and_hostile_text_survives_or_is_defused() {
    let fw = fw();
    let mut plan = cafe();
    plan.measures[0].method = "Survey, \"short\" form\nthen interviews".into();
    plan.measures[0].sample = "=HYPERLINK(\"http://x\")".into();
    plan.measures[0].collected_by = "-coordinator".into();
    let rows = rows(&plan, &fw);
    let text = to_csv(&rows).expect("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[0], "Outcome");
    assert_eq!(header.len(), 18);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(records.len(), plan.measures.len());
    assert_eq!(&records[0][5], "Survey, \"short\" form\nthen interviews");
    assert_eq!(&records[0][6], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&records[0][8], "'-coordinator");
    assert!(records.iter().all(|r| r.len() == 18));
}

#[test]
fn formula_cells_are_defused_also_after_a_semicolon_and_leading_spaces() {
    use super::export::defuse;
    let d = |s: &str| defuse(s.to_string());
    // Where `;` separates cells, each piece opens as a cell of its own.
    assert_eq!(
        d("weekly;=HYPERLINK(\"http://x\")"),
        "weekly;'=HYPERLINK(\"http://x\")"
    );
    assert_eq!(d("a; +cmd;@SUM(A1);-x"), "a;' +cmd;'@SUM(A1);'-x");
    assert_eq!(d("a;\t=1;\r=2"), "a;'\t=1;'\r=2");
    assert_eq!(d("  =1+1"), "'  =1+1");
    assert_eq!(d("\u{ff1d}1+1"), "'\u{ff1d}1+1");
    // Numbers, and text with no formula in it, are left exactly as they are.
    assert_eq!(d("-5"), "-5");
    assert_eq!(d("-5;+3.5"), "-5;+3.5");
    assert_eq!(
        d("Each term; by the coordinator"),
        "Each term; by the coordinator"
    );
    assert_eq!(d("a=b; c-d"), "a=b; c-d");
}

#[test]
fn markdown_escapes_pipes_breaks_and_html() {
    let fw = fw();
    let mut plan = cafe();
    plan.measures[0].method = "a | b\nc <script>".into();
    let md = to_markdown(&plan.title, &rows(&plan, &fw));
    assert!(md.starts_with("# Evaluation plan: Language café\n"));
    assert!(md.contains("a \\| b ¶ c \\<script\\>"), "{md}");
    let table_lines = md.lines().filter(|l| l.starts_with('|')).count();
    assert_eq!(table_lines, 2 + plan.measures.len());
}

#[test]
fn days_and_dates_convert_both_ways() {
    for s in [
        "2026-01-01",
        "2024-02-29",
        "2000-03-01",
        "1999-12-31",
        "2100-02-28",
    ] {
        let d = date(s);
        assert_eq!(Date::from_days(d.days()), Some(d), "{s}");
    }
    assert!(Date::today().is_some_and(|d| d.year >= 2024));
}

#[test]
fn readings_are_typed_as_value_date_note_and_duplicates_refused() {
    let today = Some(date("2026-11-26"));
    assert_eq!(
        parse_reading("24 2026-10-01 end of term", today),
        Ok((Number::Int(24), date("2026-10-01"), "end of term".into()))
    );
    assert_eq!(
        parse_reading("12.5 after the fair", today),
        Ok((
            Number::Float(12.5),
            date("2026-11-26"),
            "after the fair".into()
        ))
    );
    assert!(parse_reading("", today).is_err());
    assert!(parse_reading("lots", today).is_err());
    assert!(parse_reading("3 2026-13-01", today).is_err());
    let mut plan = cafe();
    let m = plan.measures[0].id.clone();
    let n = plan.readings.len();
    plan.add_reading(&m, date("2026-10-01"), Number::Int(3), "x", false)
        .expect("added");
    assert_eq!(plan.readings.len(), n + 1);
    assert!(
        plan.add_reading(&m, date("2026-10-01"), Number::Int(4), "", false)
            .is_err()
    );
    plan.add_reading(&m, date("2026-10-01"), Number::Int(4), "", true)
        .expect("replaced");
    assert_eq!(plan.readings.len(), n + 1);
    assert!(
        plan.add_reading("nope", date("2026-10-01"), Number::Int(4), "", false)
            .is_err()
    );
    assert!(!sparkline(&plan, &m).is_empty());
}

#[test]
fn a_measure_read_for_two_groups_shows_each_and_progress_as_the_gap_closing() {
    let fw = fw();
    let plan = cafe();
    let rows = rows(&plan, &fw);
    let r = rows
        .iter()
        .find(|r| r.measure == "ask-neighbours")
        .expect("row");
    let values: Vec<String> = r
        .groups
        .iter()
        .map(|g| {
            format!(
                "{}={}",
                g.group,
                g.latest.map_or("-".into(), |l| l.1.to_string())
            )
        })
        .collect();
    assert_eq!(
        values,
        [
            "Women in the target group=18",
            "Local residents at the café=41"
        ]
    );
    // The gap is the first group minus the second, and progress is its closing:
    // from -25 toward -10, at -23 two fifteenths of the way.
    assert_eq!(r.latest.as_ref().map(|l| l.1), Some(Number::Int(-23)));
    let Progress::Known { share, .. } = r.progress else {
        panic!("{:?}", r.progress);
    };
    assert!((share - 2.0 / 15.0).abs() < 1e-9, "{share}");
    // Without a gap target, the groups' readings are not the whole sample's.
    let mut plain = plan.clone();
    plain.measures.iter_mut().for_each(|m| m.gap = false);
    let rows = super::rows(&plain, &fw);
    let r = rows
        .iter()
        .find(|r| r.measure == "ask-neighbours")
        .expect("row");
    assert_eq!(r.latest, None);
    assert_eq!(r.groups.len(), 2);
    // Only one group read: no gap yet.
    let mut one = plan.clone();
    one.readings.retain(|x| !x.group.starts_with("Local"));
    let rows = super::rows(&one, &fw);
    assert_eq!(
        rows.iter()
            .find(|r| r.measure == "ask-neighbours")
            .and_then(|r| r.latest.clone()),
        None
    );
}

#[test]
fn an_off_track_measure_says_why_and_what_feeds_it() {
    let fw = fw();
    let mut plan = cafe();
    plan.add_reading(
        "practice-outside-class",
        date("2026-10-01"),
        Number::Int(11),
        "",
        false,
    )
    .expect("reading");
    let rows = rows(&plan, &fw);
    let r = &rows[0];
    assert_eq!(r.measure, "practice-outside-class");
    assert_eq!(
        r.why.as_deref(),
        Some("11 on 2026-10-01; a steady pace would be 25 by then")
    );
    // Its outcome is served by two outputs, and a lasting-connections outcome leads to
    // it: the activities of all three feed it.
    assert_eq!(
        r.feeding,
        [
            "run-the-cafe",
            "recruit-volunteers",
            "club-tasters",
            "co-design"
        ]
    );
    let on_track = rows
        .iter()
        .find(|r| r.measure == "settled-volunteers")
        .expect("row");
    assert_eq!(on_track.why, None);
    let csv = to_csv(&rows).expect("csv");
    assert!(csv.contains("a steady pace would be 25 by then"), "{csv}");
}

#[test]
fn outputs_are_counted_against_their_targets() {
    let plan = cafe();
    let rows = output_rows(&plan);
    let drop_in = rows
        .iter()
        .find(|r| r.output == "drop-in-sessions")
        .expect("row");
    assert_eq!(drop_in.count(), "13 of 72 sessions");
    assert!((drop_in.share().expect("share") - 13.0 / 72.0).abs() < 1e-9);
    let tasters = rows
        .iter()
        .find(|r| r.output == "social-activities")
        .expect("row");
    assert_eq!(tasters.count(), "none counted yet of 18 club tasters");
    let md = outputs_markdown(&rows);
    assert!(
        md.contains("| 72 sessions | 13 on 2026-04-10 | 18% |"),
        "{md}"
    );
    // A count is an output's reading, not a measure's.
    let mut p = plan.clone();
    p.add_reading(
        "drop-in-sessions",
        date("2026-06-01"),
        Number::Int(20),
        "",
        false,
    )
    .expect("count");
    assert!(p.readings.last().is_some_and(|r| r.output));
    assert_eq!(output_rows(&p)[0].count(), "20 of 72 sessions");
}

#[test]
fn a_reading_names_its_group_by_number_name_or_start() {
    let mut plan = cafe();
    let m = "ask-neighbours";
    assert_eq!(
        split_group(&plan, m, "2: 44 2026-07-01")
            .expect("group 2")
            .0,
        "Local residents at the café"
    );
    assert_eq!(
        split_group(&plan, m, "women: 20 2026-07-01")
            .expect("women")
            .0,
        "Women in the target group"
    );
    // A colon in a note, or on a measure without groups, is part of the reading.
    let (g, rest) =
        split_group(&plan, "practice-outside-class", "20 2026-07-01 note: x").expect("a note");
    assert_eq!((g.as_str(), rest), ("", "20 2026-07-01 note: x"));
    // Words before a colon that name no group are a mistyped group, not a bad number.
    for typed in ["residents: 40 2026-06-30", "3: 40", "men: 4"] {
        let e = split_group(&plan, m, typed).expect_err(typed).to_string();
        assert!(e.contains("1 `Women in the target group`"), "{typed}: {e}");
    }
    plan.add_group_reading(m, "1", date("2026-07-01"), Number::Int(20), "", false)
        .expect("group 1");
    // The same date for the other group is its own reading.
    plan.add_group_reading(m, "2", date("2026-07-01"), Number::Int(40), "", false)
        .expect("group 2");
    assert!(matches!(
        plan.add_group_reading(m, "1", date("2026-07-01"), Number::Int(21), "", false),
        Err(crate::plan::ReadingError::DateTaken { .. })
    ));
    assert!(matches!(
        plan.add_group_reading(
            m,
            "everyone",
            date("2026-07-01"),
            Number::Int(21),
            "",
            false
        ),
        Err(crate::plan::ReadingError::NoGroup { .. })
    ));
}
