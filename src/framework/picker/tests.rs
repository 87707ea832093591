use super::*;
use crate::framework::Perspective;

fn fw() -> Framework {
    Framework::builtin().expect("framework")
}

fn top(p: &Picker, fw: &Framework, q: &str, n: usize) -> Vec<String> {
    p.search(&Query::parse(q, fw))
        .into_iter()
        .take(n)
        .map(|h| h.id.to_string())
        .collect()
}

/// Workplace words a planner types, and an indicator that must be in the top five.
#[test]
fn workplace_queries_find_their_indicators() {
    let fw = fw();
    let p = Picker::new(&fw);
    let cases = [
        ("ESOL", "language-and-communication.esol-attendance"),
        ("esol classes", "language-and-communication.esol-attendance"),
        (
            "language practice",
            "language-and-communication.practice-outside-classes",
        ),
        (
            "practice language",
            "language-and-communication.practice-outside-classes",
        ),
        ("hate crime", "safety.hate-crime-recorded"),
        ("bullying", "safety.bullying"),
        ("GP", "health-and-social-care.gp-registration"),
        ("volunteering", "work.volunteering-towards-work"),
        ("volunteering", "digital-skills.digital-champions"),
        ("neighbours", "social-bridges.ask-neighbours-for-help"),
        (
            "conversation",
            "social-bridges.simple-conversation-local-speaker",
        ),
        ("mentoring", "work.mentoring"),
        ("overcrowding", "housing.overcrowding"),
        ("damp", "housing.disrepair"),
        ("dentist", "health-and-social-care.dentist"),
        ("loneliness", "health-and-social-care.loneliness"),
        (
            "interpreter",
            "health-and-social-care.interpreter-or-advocate",
        ),
        ("broadband", "digital-skills.home-internet"),
        ("citizenship", "stability.citizenship"),
        ("police trust", "safety.trust-police"),
        ("school exclusion", "education.exclusions"),
        ("friendship", "stability.lasting-friendship"),
        ("employment", "work.in-paid-work"),
        (
            "discrimination",
            "rights-and-responsibilities.discrimination-experienced",
        ),
        (
            "cafe",
            "language-and-communication.practice-outside-classes",
        ),
    ];
    for (q, id) in cases {
        let got = top(&p, &fw, q, 5);
        assert!(got.iter().any(|g| g == id), "{q:?}: {id} not in {got:?}");
    }
}

/// Words that are only in the index still lead to their domains.
#[test]
fn index_words_lead_to_their_domains() {
    let fw = fw();
    let p = Picker::new(&fw);
    for (q, domain) in [("GP", 4), ("hate crime", 12), ("bullying", 12), ("ESOL", 9)] {
        let hits = p.search(&Query::parse(q, &fw));
        let in_domain = hits
            .iter()
            .filter(|h| fw.indicator(&h.id).is_some_and(|i| i.domain == domain))
            .count();
        let total = fw.indicators().filter(|i| i.domain == domain).count();
        assert_eq!(
            in_domain, total,
            "{q}: every domain {domain} indicator is found"
        );
    }
    let volunteering: Vec<u8> = p
        .search(&Query::parse("volunteering", &fw))
        .iter()
        .filter_map(|h| fw.indicator(&h.id).map(|i| i.domain))
        .collect();
    assert!(volunteering.contains(&1) && volunteering.contains(&7));
}

#[test]
fn text_matches_rank_above_index_matches_and_ties_keep_bank_order() {
    let fw = fw();
    let p = Picker::new(&fw);
    let hits = p.search(&Query::parse("GP", &fw));
    // The indicators that say "GP" come before those found through the index.
    let in_text = hits.iter().take_while(|h| !h.positions.is_empty()).count();
    assert!(in_text >= 2, "{hits:?}");
    assert!(hits[in_text..].iter().all(|h| h.positions.is_empty()));
    let first: Vec<&str> = hits.iter().take(in_text).map(|h| &*h.id).collect();
    assert!(
        first.contains(&"health-and-social-care.gp-registration"),
        "{first:?}"
    );
    let via = hits.last().expect("hits");
    assert!(via.positions.is_empty());
    assert!(via.via.iter().any(|w| w.contains("GP")), "{:?}", via.via);
    for pair in hits.windows(2) {
        assert!(
            pair[0].score > pair[1].score
                || (pair[0].score == pair[1].score && pair[0].index < pair[1].index)
        );
    }
}

#[test]
fn case_and_accents_never_stop_a_match_and_highlights_land_on_the_original() {
    let mut fw = fw();
    let bank = crate::framework::Bank {
        info: crate::framework::BankInfo {
            id: "welsh".into(),
            name: "Welsh".into(),
            description: String::new(),
        },
        indicators: vec![crate::framework::Indicator {
            id: "welsh.dwr".into(),
            domain: 5,
            text: "Pobl yn mynd i'r Café Dŵr".into(),
            perspective: Perspective::All,
            keywords: vec![],
            source: crate::framework::IndicatorSource::User,
            quote_source: None,
            data_availability: vec![],
        }],
    };
    fw.add_bank(bank, crate::framework::BankOrigin::File("w.toml".into()))
        .expect("bank");
    let p = Picker::new(&fw);
    for q in ["cafe dwr", "CAFÉ", "dŵr", "DWR"] {
        let hits = p.search(&Query::parse(q, &fw));
        let hit = hits.iter().find(|h| &*h.id == "welsh.dwr");
        assert!(hit.is_some(), "{q}");
    }
    let hit = p
        .search(&Query::parse("dwr", &fw))
        .into_iter()
        .find(|h| &*h.id == "welsh.dwr")
        .expect("hit");
    let text: Vec<char> = "Pobl yn mynd i'r Café Dŵr".chars().collect();
    let lit: String = hit.positions.iter().map(|&i| text[i]).collect();
    assert_eq!(lit, "Dŵr");
}

#[test]
fn filters_narrow_by_domain_category_and_perspective() {
    let fw = fw();
    let p = Picker::new(&fw);
    let all = |q: &str| p.search(&Query::parse(q, &fw));
    let nine = all("#9");
    assert!(!nine.is_empty());
    assert!(
        nine.iter()
            .all(|h| h.id.starts_with("language-and-communication."))
    );
    assert_eq!(all("#language").len(), nine.len());
    let bridges = all("@bridges");
    assert!(bridges.iter().all(|h| {
        let d = fw.indicator(&h.id).map_or(0, |i| i.domain);
        (6..=8).contains(&d)
    }));
    assert_eq!(all("@social-connections").len(), bridges.len());
    let facilitators = all("@facilitators");
    assert!(facilitators.iter().all(|h| {
        let d = fw.indicator(&h.id).map_or(0, |i| i.domain);
        (9..=13).contains(&d)
    }));
    let receiving = all("!receiving");
    assert!(!receiving.is_empty());
    assert!(receiving.iter().all(|h| {
        fw.indicator(&h.id)
            .is_some_and(|i| i.perspective == Perspective::ReceivingCommunity)
    }));
    assert!(
        all("volunteering #7")
            .iter()
            .all(|h| h.id.starts_with("social-bridges."))
    );
    let q = Query::parse("#cooking @nowhere !martians", &fw);
    assert_eq!(q.problems.len(), 3, "{:?}", q.problems);
    assert!(all("zzzzqqq").is_empty());
}

#[test]
fn filters_cycle_with_a_key() {
    let fw = fw();
    let mut text = "esol ".to_string();
    text = cycle_filter(&text, '#', &fw);
    assert_eq!(text, "esol #1 ");
    text = cycle_filter(&text, '#', &fw);
    assert_eq!(text, "esol #2 ");
    for _ in 0..12 {
        text = cycle_filter(&text, '#', &fw);
    }
    assert_eq!(text, "esol #14 ");
    assert_eq!(cycle_filter(&text, '#', &fw), "esol ");
    assert_eq!(cycle_filter("", '!', &fw), "!newcomers ");
    assert_eq!(cycle_filter("", '@', &fw), "@markers-and-means ");
}

#[test]
fn a_cancelled_search_gives_up() {
    let fw = fw();
    let p = Picker::new(&fw);
    // The built-in bank is smaller than one check interval: it always finishes.
    assert!(p.search_until(&Query::default(), &|| true).is_some());
    assert_eq!(p.search(&Query::default()).len(), p.len());
}
