//! Import from spreadsheets: an xlsx laid out like the Home Office toolkit (a title, a
//! header row, merged domain cells, data-availability columns; a committed fixture) and a
//! csv the tests write, each with good rows and bad ones.

use super::*;

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

fn opts() -> Options {
    Options {
        domain_column: None,
        indicator_column: None,
        sheet: None,
        bank_id: "home-office".into(),
        bank_name: "Home Office toolkit".into(),
        official: true,
    }
}

/// Rows of the toolkit-like sheet; the row numbers a person sees start at 1.
const TOOLKIT: &[&[&str]] = &[
    &[
        "Indicators of Integration: toolkit (test copy)",
        "",
        "",
        "",
        "",
        "",
    ],
    &[],
    &[
        "Domain",
        "Indicator",
        "Type",
        "Official statistics",
        "National survey",
        "No data located",
    ],
    &[
        "1. Work",
        "Percentage of people in employment",
        "Outcome",
        "x",
        "",
        "",
    ],
    &[
        "",
        "Percentage of people in work matching their skills",
        "Outcome",
        "",
        "x",
        "",
    ],
    &[
        "Language & communication",
        "Percentage attending ESOL classes",
        "Output",
        "",
        "",
        "yes",
    ],
    &[
        "Domain 7",
        "Percentage with friends of different backgrounds",
        "Outcome",
        "",
        "x",
        "",
    ],
    &[
        "Cooking",
        "Percentage who cook together",
        "Outcome",
        "",
        "",
        "",
    ],
    &["Social bridges", "", "", "", "", ""],
    &[
        "",
        "Percentage who mix socially at least monthly",
        "Outcome",
        "no",
        "",
        "",
    ],
    &[
        "7",
        "Percentage with friends of different backgrounds",
        "Outcome",
        "",
        "",
        "",
    ],
    &["15", "Percentage of something", "Outcome", "", "", ""],
    &["", "", "", "", "", ""],
    &[
        "safety",
        "Percentage feeling safe after dark",
        "Outcome",
        "",
        "x",
        "",
    ],
];

/// TOOLKIT as a spreadsheet would hold it (numbers as numbers, the sheet named
/// "Indicators"), written once by rust_xlsxwriter and committed, so the tests do not build
/// a spreadsheet writer.
const TOOLKIT_XLSX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/sheets/toolkit.xlsx"
);

fn check_toolkit(report: &Report) {
    let texts: Vec<(&str, u8)> = report
        .bank
        .indicators
        .iter()
        .map(|i| (i.text.as_str(), i.domain))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("Percentage of people in employment", 1),
            ("Percentage of people in work matching their skills", 1),
            ("Percentage attending ESOL classes", 9),
            ("Percentage with friends of different backgrounds", 7),
            ("Percentage who mix socially at least monthly", 7),
            ("Percentage feeling safe after dark", 12),
        ]
    );
    let skipped: Vec<usize> = report.skipped.iter().map(|(r, _)| *r).collect();
    assert_eq!(skipped, vec![8, 11, 12], "{:?}", report.skipped);
    assert!(report.skipped[0].1.contains("Cooking"));
    assert!(report.skipped[1].1.contains("row 7"));
    assert_eq!(report.inherited, vec![5, 10]);
    let ids: Vec<&str> = report
        .bank
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ids[0],
        "home-office.work.percentage-of-people-in-employment"
    );
    let marks: Vec<Vec<DataAvailability>> = report
        .bank
        .indicators
        .iter()
        .map(|i| i.data_availability.clone())
        .collect();
    assert_eq!(marks[0], vec![DataAvailability::OfficialStatistics]);
    assert_eq!(marks[1], vec![DataAvailability::NationalSurvey]);
    assert_eq!(marks[2], vec![DataAvailability::NoDataLocated]);
    assert_eq!(marks[4], vec![], "\"no\" is not a mark");
    assert!(
        report
            .bank
            .indicators
            .iter()
            .all(|i| i.source == IndicatorSource::Official)
    );
}

#[test]
fn an_xlsx_like_the_toolkit_imports_with_a_report_of_skipped_rows() {
    let sheets = read(std::path::Path::new(TOOLKIT_XLSX)).expect("read");
    let report = import(&sheets, &fw(), &opts()).expect("import");
    assert_eq!(report.sheet, "Indicators");
    check_toolkit(&report);
}

#[test]
fn a_csv_imports_the_same_way_and_the_bank_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("toolkit.csv");
    let mut w = csv::Writer::from_path(&path).expect("csv");
    for row in TOOLKIT {
        let mut cells: Vec<&str> = row.to_vec();
        cells.resize(6, "");
        w.write_record(&cells).expect("row");
    }
    w.flush().expect("flush");
    drop(w);
    let report = import(&read(&path).expect("read"), &fw(), &opts()).expect("import");
    check_toolkit(&report);
    // What it writes is a bank tocplan loads, and the picker finds its indicators.
    let text = to_toml(&report).expect("toml");
    let bank_path = dir.path().join("bank.toml");
    std::fs::write(&bank_path, &text).expect("write");
    let mut fw = fw();
    fw.load_bank_file(&bank_path).expect("the bank loads");
    let p = crate::framework::picker::Picker::new(&fw);
    let hits = p.search(&crate::framework::picker::Query::parse("esol classes", &fw));
    assert!(
        hits.iter()
            .take(5)
            .any(|h| h.id.starts_with("home-office."))
    );
}

#[test]
fn columns_can_be_named_and_a_sheet_without_them_is_refused() {
    let sheet = Sheet {
        name: "s".into(),
        rows: vec![
            vec!["Area".into(), "What we count".into()],
            vec!["9".into(), "People at conversation clubs".into()],
        ],
    };
    let err = import(std::slice::from_ref(&sheet), &fw(), &opts()).expect_err("no header");
    assert!(err.contains("--domain-column"), "{err}");
    let named = Options {
        domain_column: Some("area".into()),
        indicator_column: Some("B".into()),
        ..opts()
    };
    let report = import(&[sheet], &fw(), &named).expect("import");
    assert_eq!(report.bank.indicators.len(), 1);
    assert_eq!(report.bank.indicators[0].domain, 9);
}

#[test]
fn duplicate_texts_get_distinct_ids_across_domains() {
    let sheet = Sheet {
        name: "s".into(),
        rows: vec![
            vec!["Domain".into(), "Indicator".into()],
            vec!["1".into(), "Feel welcome".into()],
            vec!["7".into(), "Feel welcome".into()],
        ],
    };
    let report = import(&[sheet], &fw(), &opts()).expect("import");
    let ids: Vec<&str> = report
        .bank
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ids,
        vec![
            "home-office.work.feel-welcome",
            "home-office.social-bridges.feel-welcome"
        ]
    );
}
