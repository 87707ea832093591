//! One test per mechanism of the word-level engine, on small banks made for each.

use super::{Picker, Query, full_count};
use crate::framework::{Bank, BankInfo, BankOrigin, Framework, Indicator, IndicatorSource};
use crate::framework::{Perspective, ThesaurusGroup};

/// The built-in framework without its bank, with these texts and thesaurus groups.
fn bank(texts: &[&str], groups: &[&[&str]]) -> (Framework, Picker) {
    let mut fw = Framework::builtin().expect("framework");
    fw.thesaurus = groups
        .iter()
        .map(|g| ThesaurusGroup {
            source: "test".into(),
            words: g.iter().map(|w| w.to_string()).collect(),
        })
        .collect();
    let indicators = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Indicator {
            id: format!("t.{i}"),
            domain: 5,
            text: t.to_string(),
            perspective: Perspective::All,
            keywords: vec![],
            source: IndicatorSource::User,
            quote_source: None,
            data_availability: vec![],
        })
        .collect();
    let b = Bank {
        info: BankInfo {
            id: "t".into(),
            name: "t".into(),
            description: String::new(),
        },
        indicators,
    };
    fw.add_bank(b, BankOrigin::File("t.toml".into()))
        .expect("bank");
    let p = Picker::new(&fw);
    (fw, p)
}

/// The test bank's hits (leaving out the built-in bank), as (text index, lit text, via).
fn hits(fw: &Framework, p: &Picker, q: &str) -> Vec<(usize, String, Vec<String>)> {
    p.search(&Query::parse(q, fw))
        .into_iter()
        .filter_map(|h| {
            let n: usize = h.id.strip_prefix("t.")?.parse().ok()?;
            let text: Vec<char> = fw.indicator(&h.id)?.text.chars().collect();
            let lit: String = h.positions.iter().filter_map(|&i| text.get(i)).collect();
            Some((n, lit, h.via))
        })
        .collect()
}

#[test]
fn word_forms_match_and_light_the_whole_word() {
    let (fw, p) = bank(&["People with smartphones", "Vaccination of children"], &[]);
    let h = hits(&fw, &p, "smartphone");
    assert_eq!(h[0].0, 0);
    assert_eq!(h[0].1, "smartphones");
    let h = hits(&fw, &p, "vaccinations");
    assert_eq!((h[0].0, h[0].1.as_str()), (1, "Vaccination"));
}

#[test]
fn typos_are_tolerated_within_limits() {
    let (fw, p) = bank(
        &[
            "Adults in employment",
            "Language classes",
            "Good neighbour",
            "The practical help",
            "Use of a car",
        ],
        &[],
    );
    assert_eq!(hits(&fw, &p, "emplyment")[0].0, 0);
    let h = hits(&fw, &p, "langauge clases");
    assert_eq!((h[0].0, h[0].1.as_str()), (1, "Languageclasses"));
    assert_eq!(hits(&fw, &p, "neighbor")[0].0, 2);
    // Letters scattered through another word are no match.
    assert!(hits(&fw, &p, "racial").iter().all(|h| h.0 != 3));
    // A word of three letters is never taken for a typo ("cat" is not "car").
    assert!(hits(&fw, &p, "cat").iter().all(|h| h.0 != 4));
}

#[test]
fn prefixes_light_only_what_is_typed() {
    let (fw, p) = bank(&["Volunteering in the area"], &[]);
    let h = hits(&fw, &p, "volun");
    assert_eq!(h[0].1, "Volun");
    // Two letters are not a prefix.
    assert!(hits(&fw, &p, "vo").is_empty());
}

#[test]
fn stop_words_count_for_nothing() {
    let (fw, p) = bank(&["Friends with a lot of the people", "Friends"], &[]);
    assert!(hits(&fw, &p, "with the a lot").is_empty());
    // "with the" adds nothing: both texts match "friends" alike, in bank order.
    let h = hits(&fw, &p, "friends with the");
    assert_eq!(h.iter().map(|h| h.0).collect::<Vec<_>>(), [0, 1]);
}

#[test]
fn coverage_ranks_and_partial_matches_come_after_full_ones() {
    let (fw, p) = bank(
        &[
            "Damp homes",
            "Damp and mould in homes",
            "Mould",
            "Homes and homes",
        ],
        &[],
    );
    let all = p.search(&Query::parse("damp mould", &fw));
    let ours: Vec<_> = all.iter().filter(|h| h.id.starts_with("t.")).collect();
    assert_eq!(&*ours[0].id, "t.1", "both words first");
    assert!(ours[0].full && ours[1..].iter().all(|h| !h.full));
    assert!(full_count(&all) >= 1);
    // Rarer words weigh more: "mould" (in 2 texts) over "homes" (in 3).
    let h = hits(&fw, &p, "mould homes");
    assert_eq!(h[0].0, 1);
    assert!(h.iter().position(|x| x.0 == 2) < h.iter().position(|x| x.0 == 3));
}

#[test]
fn words_in_order_rank_higher() {
    let (fw, p) = bank(&["Crime of hate", "Hate crime"], &[]);
    assert_eq!(hits(&fw, &p, "hate crime")[0].0, 1);
}

#[test]
fn the_thesaurus_leads_to_other_words_below_a_direct_match_and_says_so() {
    let (fw, p) = bank(
        &["Settled residents who help", "Locals who help"],
        &[&["locals", "local people", "residents"]],
    );
    let h = hits(&fw, &p, "locals");
    assert_eq!(h[0].0, 1, "the word itself first");
    assert_eq!((h[1].0, h[1].1.as_str()), (0, "residents"));
    assert!(
        h[1].2.contains(&"locals -> residents".to_string()),
        "{:?}",
        h[1].2
    );
    // A phrase of the group, typed in order, leads there too.
    let h = hits(&fw, &p, "local people");
    assert!(h.iter().any(|x| x.0 == 0), "{h:?}");
}

#[test]
fn a_weak_word_alone_does_not_make_a_match() {
    let (fw, p) = bank(&["Migrants make a contribution", "Friends nearby"], &[]);
    let h = hits(&fw, &p, "make friends");
    assert_eq!(h[0].0, 1);
    assert!(h.iter().all(|x| x.0 != 0), "{h:?}");
}

#[test]
fn a_typed_word_the_thesaurus_knows_outranks_a_common_other_form_of_it() {
    // "local" is in most texts, as an adjective; "locals", typed, is people.
    let (fw, p) = bank(
        &[
            "Local employers who know the rules",
            "Settled residents who feel welcome",
            "Local services open late",
            "Local clubs with members",
            "Local buses",
            "Local libraries",
            "Local schools",
            "Local parks",
            "Newcomers who vote",
        ],
        &[&["locals", "local people", "residents"]],
    );
    let h = hits(&fw, &p, "locals");
    assert_eq!((h[0].0, h[0].1.as_str()), (1, "residents"), "{h:?}");
    assert!(h[0].2.contains(&"locals -> residents".to_string()));
    // The other form still matches, after.
    assert!(h.iter().any(|x| x.0 == 0), "{h:?}");
}

#[test]
fn built_in_bank_locals_means_people_and_xenophobic_means_hate_not_domestic_abuse() {
    let fw = Framework::builtin().expect("framework");
    let p = Picker::new(&fw);
    let top = |q: &str, k: usize| -> Vec<(String, Vec<String>)> {
        p.search(&Query::parse(q, &fw))
            .into_iter()
            .take(k)
            .map(|h| (h.id.to_string(), h.via))
            .collect()
    };
    let locals = top("locals", 3);
    assert!(
        locals
            .iter()
            .all(|(_, via)| via.iter().any(|v| v.starts_with("locals -> "))),
        "{locals:?}"
    );
    for q in ["xenophobic", "xenophobia", "racist", "racism"] {
        let hits = top(q, 5);
        assert!(
            hits.iter().all(|(id, _)| !id.contains("domestic-abuse")),
            "{q}: {hits:?}"
        );
        assert!(hits[0].0.starts_with("safety."), "{q}: {hits:?}");
    }
    // Abuse itself still finds domestic abuse, and harassment.
    let abuse = top("abuse", 10);
    assert!(
        abuse.iter().any(|(id, _)| id.contains("domestic-abuse")),
        "{abuse:?}"
    );
    assert!(
        abuse.iter().any(|(id, _)| id == "safety.harassment"),
        "{abuse:?}"
    );
}

/// The CLI ranks once and explains each result as it writes it; the app searches. Both are
/// one engine and must agree, result for result.
#[test]
fn ranking_one_at_a_time_is_the_search() {
    let fw = Framework::builtin().expect("framework");
    let p = Picker::new(&fw);
    for q in [
        "esol",
        "hate crime",
        "ask neighbours help",
        "locals",
        "#9",
        "the",
        "",
    ] {
        let q = Query::parse(q, &fw);
        let ranked = p.rank(&q);
        let one_by_one: Vec<_> = (0..ranked.len()).filter_map(|k| ranked.hit(k)).collect();
        let hits = p.search(&q);
        assert_eq!(ranked.full_count(), full_count(&hits), "{q:?}");
        assert_eq!(one_by_one, hits, "{q:?}");
    }
}

#[test]
fn an_unknown_word_leaves_the_known_ones_ranking_but_nothing_full() {
    let (fw, p) = bank(&["Help with a CV", "Swimming lessons"], &[]);
    let q = Query::parse("cv zqxwv", &fw);
    let found = p.search(&q);
    assert_eq!(full_count(&found), 0);
    let got = hits(&fw, &p, "cv zqxwv");
    assert_eq!(got.first().map(|h| h.0), Some(0), "{got:?}");
    // A weak word stands for the subject when nothing else of it is known.
    assert_eq!(hits(&fw, &p, "help zqxwv").first().map(|h| h.0), Some(0));
}

#[test]
fn plurals_of_acronyms_us_spellings_and_words_run_together_read_as_the_bank_spells_them() {
    let (fw, p) = bank(
        &[
            "Support with a CV",
            "Ask the neighbours",
            "Visit the swimming pool",
            "Other",
        ],
        &[&["neighbours", "neighbors"]],
    );
    assert_eq!(hits(&fw, &p, "cvs").first().map(|h| h.0), Some(0));
    assert_eq!(hits(&fw, &p, "CVs").first().map(|h| h.0), Some(0));
    let us = p.search(&Query::parse("neighbors", &fw));
    let uk = p.search(&Query::parse("neighbours", &fw));
    assert_eq!(us, uk);
    let run = hits(&fw, &p, "swimmingpool");
    assert_eq!(run.first().map(|h| h.0), Some(2), "{run:?}");
}

#[test]
fn a_mistyped_word_ranks_as_the_word_it_is_taken_for() {
    let (fw, p) = bank(&["English classes", "Staff trained in English"], &[]);
    let typo: Vec<_> = p
        .search(&Query::parse("englsh", &fw))
        .into_iter()
        .map(|h| h.id)
        .collect();
    let right: Vec<_> = p
        .search(&Query::parse("english", &fw))
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(typo, right);
}

#[test]
fn a_phrase_of_one_word_and_stop_words_does_not_make_that_word_a_synonym() {
    let (fw, p) = bank(
        &["Trust in the police", "Faith groups"],
        &[&["trust", "faith in"]],
    );
    let got = hits(&fw, &p, "faith");
    assert!(got.iter().all(|h| h.0 != 0), "{got:?}");
}
