use super::*;

#[test]
fn builtin_has_the_framework_shape() {
    let fw = Framework::builtin().expect("built-in data parses");
    assert_eq!(fw.categories.len(), 4);
    assert_eq!(fw.domains.len(), 14);
    assert_eq!(fw.indicators().count(), 185);
    assert_eq!(fw.index.len(), 190);
    assert_eq!(fw.index.iter().filter(|e| e.unresolved).count(), 14);
    assert_eq!(fw.worksheet.columns.len(), 4);
    assert_eq!(fw.worksheet.principles.len(), 4);
    for d in &fw.domains {
        assert!(
            fw.category(&d.category).is_some(),
            "{} has a known category",
            d.name
        );
    }
    let quoted = fw
        .indicators()
        .filter(|i| i.source == IndicatorSource::Quoted)
        .count();
    assert_eq!(quoted, 4);
}

#[test]
fn counts_per_domain_match_sources_md() {
    let fw = Framework::builtin().expect("framework");
    let expected = [14, 14, 13, 16, 11, 12, 14, 14, 12, 13, 12, 13, 13, 14];
    for (i, n) in expected.iter().enumerate() {
        let d = (i + 1) as u8;
        assert_eq!(
            fw.indicators().filter(|x| x.domain == d).count(),
            *n,
            "domain {d}"
        );
    }
}

#[test]
fn domains_are_found_by_number_id_or_name() {
    let fw = Framework::builtin().expect("framework");
    assert_eq!(fw.find_domain("9").map(|d| d.number), Some(9));
    assert_eq!(fw.find_domain("language").map(|d| d.number), Some(9));
    assert_eq!(fw.find_domain("Social bridges").map(|d| d.number), Some(7));
    assert_eq!(fw.find_domain("social-links").map(|d| d.number), Some(8));
    assert!(fw.find_domain("social").is_none(), "ambiguous");
    assert_eq!(
        fw.find_category("Facilitators").map(|c| c.id.as_str()),
        Some("facilitators")
    );
}

fn write_bank(
    dir: &std::path::Path,
    name: &str,
    bank_id: &str,
    ind_id: &str,
) -> std::path::PathBuf {
    let path = dir.join(name);
    let text = format!(
        "schema = 1\n[bank]\nid = \"{bank_id}\"\nname = \"Test\"\n\n[[indicator]]\nid = \"{ind_id}\"\ndomain = 9\ntext = \"% test\"\n"
    );
    std::fs::write(&path, text).expect("write bank");
    path
}

#[test]
fn extra_banks_load_and_clashes_name_both_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut fw = Framework::builtin().expect("framework");
    let a = write_bank(dir.path(), "a.toml", "a", "mine.one");
    fw.load_bank_file(&a).expect("loads");
    assert_eq!(fw.indicator("mine.one").map(|i| i.domain), Some(9));

    let b = write_bank(dir.path(), "b.toml", "b", "mine.one");
    let err = fw.load_bank_file(&b).expect_err("clash").to_string();
    assert!(err.contains("a.toml") && err.contains("b.toml"), "{err}");

    let c = write_bank(dir.path(), "c.toml", "c", "work.in-paid-work");
    let err = fw.load_bank_file(&c).expect_err("clash").to_string();
    assert!(err.contains("built-in") && err.contains("c.toml"), "{err}");
}

#[test]
fn user_bank_folder_is_read_in_name_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_bank(dir.path(), "2.toml", "two", "two.x");
    write_bank(dir.path(), "1.toml", "one", "one.x");
    let mut fw = Framework::builtin().expect("framework");
    let files = fw.load_user_banks(dir.path());
    assert_eq!(files.len(), 2);
    assert!(files[0].ends_with("1.toml"));
    let missing = fw.load_user_banks(&dir.path().join("nope"));
    assert!(missing.is_empty() && fw.warnings().is_empty());
}

#[test]
fn a_broken_user_bank_is_a_warning_naming_it_and_the_rest_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_bank(dir.path(), "1.toml", "one", "one.x");
    std::fs::write(dir.path().join("2-broken.toml"), "schema = 1\n[bank\n").expect("write");
    write_bank(dir.path(), "3.toml", "three", "three.x");
    // A clash with a bank already loaded is skipped the same way.
    write_bank(dir.path(), "4-clash.toml", "four", "one.x");
    let mut fw = Framework::builtin().expect("framework");
    let files = fw.load_user_banks(dir.path());
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(fw.indicator("one.x").is_some() && fw.indicator("three.x").is_some());
    let w = fw.warnings();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].contains("2-broken.toml:2:") && w[0].contains("--no-user-banks"),
        "{w:?}"
    );
    assert!(
        w[1].contains("4-clash.toml") && w[1].contains("not loaded"),
        "{w:?}"
    );
}

#[test]
fn bad_bank_names_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "schema = 1\n[bank]\nid = \"x\"\nname = \"x\"\n[[indicator]]\nid = \"x.y\"\ndomain = \"nine\"\ntext = \"t\"\n").expect("write");
    let mut fw = Framework::builtin().expect("framework");
    let err = fw.load_bank_file(&path).expect_err("bad").to_string();
    assert!(err.contains("bad.toml:7:"), "{err}");
}

#[test]
fn embedded_data_matches_shared_copy_when_present() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/framework");
    if !shared.exists() {
        return; // the project builds and runs without ../shared; nothing to compare
    }
    let ours = |f: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src/framework/data")
                .join(f),
        )
        .expect("ours")
    };
    for f in ["domains.toml", "indicators.toml", "index.toml"] {
        let theirs = std::fs::read_to_string(shared.join(f)).expect("shared");
        assert_eq!(
            ours(f),
            theirs,
            "{f} differs from ../shared/framework; copy it again"
        );
    }
    // The worksheet is the guide's words, and the guide panel needs more of them than the
    // shared copy holds (each review reason's step, the concepts, the barriers table): ours
    // keeps every value of the shared copy as it is, and may add to it.
    let theirs: toml::Value =
        toml::from_str(&std::fs::read_to_string(shared.join("worksheet.toml")).expect("shared"))
            .expect("shared worksheet parses");
    let ours: toml::Value = toml::from_str(&ours("worksheet.toml")).expect("ours parses");
    if let Err(at) = holds(&ours, &theirs, "worksheet") {
        panic!("worksheet.toml lost or changed {at} of ../shared/framework's copy");
    }
}

/// Whether `ours` holds everything `theirs` has: the same scalars, every key of a table,
/// every element of an array at its place (ours may add keys and elements).
fn holds(ours: &toml::Value, theirs: &toml::Value, at: &str) -> Result<(), String> {
    use toml::Value;
    match (ours, theirs) {
        (Value::Table(o), Value::Table(t)) => t.iter().try_for_each(|(k, tv)| {
            let ov = o.get(k).ok_or_else(|| format!("{at}.{k}"))?;
            holds(ov, tv, &format!("{at}.{k}"))
        }),
        (Value::Array(o), Value::Array(t)) => t.iter().enumerate().try_for_each(|(i, tv)| {
            let ov = o.get(i).ok_or_else(|| format!("{at}[{i}]"))?;
            holds(ov, tv, &format!("{at}[{i}]"))
        }),
        (o, t) if o == t => Ok(()),
        _ => Err(at.to_string()),
    }
}

#[test]
fn the_worksheet_check_sees_a_changed_or_lost_value() {
    let theirs: toml::Value =
        toml::from_str("a = [{ x = 1 }, { x = 2 }]\nb = \"s\"").expect("toml");
    let more: toml::Value =
        toml::from_str("a = [{ x = 1, step = 3 }, { x = 2 }, { x = 9 }]\nb = \"s\"\nc = 1")
            .expect("toml");
    assert_eq!(holds(&more, &theirs, "w"), Ok(()));
    let changed: toml::Value =
        toml::from_str("a = [{ x = 1 }, { x = 3 }]\nb = \"s\"").expect("toml");
    assert_eq!(holds(&changed, &theirs, "w"), Err("w.a[1].x".to_string()));
    let lost: toml::Value = toml::from_str("a = [{ x = 1 }]").expect("toml");
    assert!(holds(&lost, &theirs, "w").is_err());
}
