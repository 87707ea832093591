use super::*;
use crate::report::layout::tests::examples;

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

fn entry(name: &str, plan: &crate::plan::Plan, fw: &Framework) -> Entry {
    summarise(name, Ok(crate::plan::to_toml(plan).into_bytes()), fw)
}

fn of_examples(fw: &Framework) -> Portfolio {
    let entries = examples().iter().map(|(n, p)| entry(n, p, fw)).collect();
    build(entries, fw)
}

/// The bank's indicators with whether each is a social connection, as `generate` takes them.
fn pool(fw: &Framework) -> Vec<(String, bool)> {
    fw.indicators()
        .map(|i| {
            let social = fw.domain(i.domain).is_some_and(|d| d.category == SOCIAL);
            (i.id.clone(), social)
        })
        .collect()
}

fn generated(n: usize, fw: &Framework) -> Portfolio {
    let pool = pool(fw);
    let entries = (0..n)
        .map(|k| {
            entry(
                &format!("plan-{k}.toml"),
                &generate::plan(k, 100, &pool),
                fw,
            )
        })
        .collect();
    build(entries, fw)
}

#[test]
fn the_matrix_counts_each_plans_measures_by_domain() {
    let fw = fw();
    let p = of_examples(&fw);
    assert_eq!(p.plans.len(), 4);
    for (s, (_, plan)) in p.plans.iter().zip(examples()) {
        let mut want = [0usize; 14];
        for m in &plan.measures {
            let d = fw.indicator(&m.indicator).expect("indicator").domain;
            want[usize::from(d) - 1] += 1;
        }
        assert_eq!(s.domains, want, "{}", s.title);
        assert_eq!(s.domains.iter().sum::<usize>(), plan.measures.len());
    }
    // Read off the language café's file: three social bridges, one language.
    let cafe = p
        .plans
        .iter()
        .find(|s| s.title == "Language café")
        .expect("café");
    assert_eq!(cafe.domains[6], 3);
    assert_eq!(cafe.domains[8], 1);
    // The matrix groups the 14 domains by the framework's four categories.
    let counts: Vec<usize> = p.categories.iter().map(|(_, d)| d.len()).collect();
    assert_eq!(counts, vec![5, 3, 5, 1]);
}

#[test]
fn shared_indicators_are_those_two_or_more_plans_measure_with_each_ones_reading() {
    let fw = fw();
    for p in [of_examples(&fw), generated(12, &fw)] {
        let mut by: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (k, s) in p.plans.iter().enumerate() {
            for m in &s.measures {
                let e = by.entry(m.indicator.as_str()).or_default();
                if !e.contains(&k) {
                    e.push(k);
                }
            }
        }
        let want: Vec<&str> = by
            .iter()
            .filter(|(_, ks)| ks.len() >= 2)
            .map(|(i, _)| *i)
            .collect();
        let got: Vec<&str> = p.shared.iter().map(|s| s.indicator.as_str()).collect();
        assert_eq!(got, want);
        for sh in &p.shared {
            for r in &sh.plans {
                let m = p.plans[r.plan]
                    .measures
                    .iter()
                    .find(|m| m.measure == r.measure)
                    .expect("the plan's measure");
                assert_eq!(m.indicator, sh.indicator);
                assert_eq!((&m.latest, m.progress), (&r.latest, r.progress));
            }
        }
    }
    // The examples share two indicators; the café's and the club's is one of them.
    let p = of_examples(&fw);
    assert_eq!(p.shared.len(), 2);
    assert!(
        p.shared
            .iter()
            .any(|s| s.indicator == "social-bridges.ask-neighbours-for-help")
    );
}

#[test]
fn a_broken_plan_is_listed_with_its_error_and_the_rest_are_reported() {
    let fw = fw();
    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut entries: Vec<Entry> = examples().iter().map(|(n, p)| entry(n, p, &fw)).collect();
    for name in ["syntax-error.toml", "invalid-utf8.toml", "empty.toml"] {
        let path = bad.join(name);
        let file = path.display().to_string();
        entries.push(summarise(
            &file,
            std::fs::read(&path).map_err(|e| e.to_string()),
            &fw,
        ));
    }
    entries.push(summarise(
        "gone.toml",
        Err("gone.toml: not found".into()),
        &fw,
    ));
    let p = build(entries, &fw);
    assert_eq!(p.plans.len(), 4);
    assert_eq!(p.broken.len(), 4);
    for (file, error) in &p.broken {
        assert!(error.contains(file.as_str()), "{file}: {error}");
    }
    let text = to_text(&p);
    assert!(text.starts_with("Portfolio of 8 plans (4 could not be read)"));
    assert!(text.contains("Could not be read\n  "));
    assert!(text.contains("syntax-error.toml:"));
    // A plan with errors in its links still loads: it is reported, with its errors.
    let cycle = bad.join("cycle.toml");
    let e = summarise(
        "cycle.toml",
        std::fs::read(&cycle).map_err(|e| e.to_string()),
        &fw,
    );
    match e {
        Entry::Plan(s) => assert!(s.errors > 0 && s.status().contains("error")),
        Entry::Broken { error, .. } => assert!(error.contains("cycle"), "{error}"),
    }
}

#[test]
fn gaps_name_the_domains_no_plan_measures_and_plans_with_no_social_connection() {
    let fw = fw();
    let p = of_examples(&fw);
    assert_eq!(
        p.gaps.domains,
        vec![
            "3 Housing",
            "4 Health and social care",
            "6 Social bonds",
            "10 Culture",
            "12 Safety"
        ]
    );
    assert!(p.gaps.categories.is_empty());
    assert!(p.gaps.no_social_connection.is_empty());
    // Every fifth generated plan draws on no social connection.
    let g = generated(10, &fw);
    assert_eq!(g.gaps.no_social_connection, vec![4, 9]);
    for k in [4, 9] {
        assert_eq!(g.plans[k].domains[5..8], [0, 0, 0]);
    }
    // A portfolio of one plan with no measures misses every category.
    let empty = build(
        vec![entry("e.toml", &crate::plan::Plan::new("E"), &fw)],
        &fw,
    );
    assert_eq!(empty.gaps.categories.len(), 4);
    assert_eq!(empty.gaps.domains.len(), 14);
    assert_eq!(empty.gaps.no_social_connection, vec![0]);
}

#[test]
fn off_track_measures_are_named_per_plan() {
    let fw = fw();
    let g = generated(10, &fw);
    let off: usize = g.plans.iter().map(|s| s.off_track().count()).sum();
    assert!(
        off > 0,
        "the generated readings put some measures off track"
    );
    for s in &g.plans {
        for m in s.off_track() {
            assert!(m.progress.is_some());
        }
    }
    let text = to_text(&g);
    let first = g
        .plans
        .iter()
        .find(|s| s.off_track().count() > 0)
        .expect("one");
    let name = &first.off_track().next().expect("one").measure;
    assert!(text.contains(&format!("off track: {name}")), "{text}");
}

#[test]
fn the_text_fits_80_columns_and_shows_no_control_characters() {
    let fw = fw();
    let evil = "\u{1b}[2J\u{202e}عربي 你好世界你好世界你好世界你好世界你好世界 👩🏽‍🌾 e\u{301}\r\u{8}";
    let mut hostile = examples()[0].1.clone();
    hostile.title = evil.repeat(5);
    hostile.context.place = evil.repeat(5);
    hostile.measures[0].id = "m-".repeat(60);
    let mut entries: Vec<Entry> = examples().iter().map(|(n, p)| entry(n, p, &fw)).collect();
    entries.push(entry(
        &format!("{}.toml", "long-name-".repeat(12)),
        &hostile,
        &fw,
    ));
    entries.push(summarise(
        "bad.toml",
        Err(format!("bad.toml: {}", evil.repeat(8))),
        &fw,
    ));
    let mut p = build(entries, &fw);
    p.plans[4].measures[0].off_track = true;
    let text = to_text(&p);
    for line in text.lines() {
        assert!(width(line) <= 80, "{} columns: {line}", width(line));
        assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
    }
    for line in to_text(&generated(30, &fw)).lines() {
        assert!(width(line) <= 80, "{line}");
    }
}

fn width(s: &str) -> usize {
    crate::text::display::width(s)
}

#[test]
fn csv_json_and_markdown_carry_the_same_portfolio() {
    let fw = fw();
    let mut entries: Vec<Entry> = examples().iter().map(|(n, p)| entry(n, p, &fw)).collect();
    entries.push(summarise(
        "bad.toml",
        Err("bad.toml:1:1: error: =cmd".into()),
        &fw,
    ));
    let p = build(entries, &fw);
    let csv = to_csv(&p).expect("csv");
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header = r.headers().expect("header").clone();
    assert_eq!(header.len(), 11 + 14);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), 5);
    for (row, s) in rows.iter().zip(&p.plans) {
        assert_eq!(&row[1], s.title);
        let counts: Vec<usize> = (11..25).map(|i| row[i].parse().expect("count")).collect();
        // Columns in category order are domains 1 to 14 (the framework numbers them so).
        assert_eq!(counts, s.domains.to_vec());
    }
    assert_eq!(&rows[4][0], "bad.toml");
    assert!(rows[4][10].contains("=cmd"));
    let json: serde_json::Value = serde_json::from_str(&to_json(&p)).expect("json");
    assert_eq!(json["plans"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["broken"][0][0], "bad.toml");
    assert_eq!(json["shared"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["plans"][3]["domains"][6], 3);
    let md = to_markdown(&p);
    assert!(md.contains("## Shared indicators"));
    assert!(md.contains("| Language café |"));
    assert!(md.contains("## Could not be read\n\n- bad"), "{md}");
}
