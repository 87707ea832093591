//! The search reads every field from the items themselves; these check that it finds
//! exactly what the forms show, field for field and in the same order, as it did when it
//! built every item's form.

use super::*;
use crate::framework::Framework;
use crate::plan::synthetic;

/// The search as it was: every item's form built and each row's value tested.
fn through_forms(app: &App, q: &str) -> Vec<Hit> {
    let mut forms: Vec<(Form, Option<(Pane, usize)>)> = Vec::new();
    for pane in [GOAL, OUTCOMES, OUTPUTS, ACTIVITIES] {
        for (row, (id, _)) in app.pane_rows(pane).enumerate() {
            forms.push((Form::Item(id.to_string()), Some((pane, row))));
        }
    }
    forms.push((Form::Stakeholders, None));
    forms.push((Form::Context, None));
    let mut hits = Vec::new();
    for (form, at) in forms {
        for row in crate::tui::form::rows(app.plan(), app.fw(), &form) {
            let Some(field) = row.field else { continue };
            let id_hit = matches!(&field, Field::Text(id) if crate::text::fold(id).contains(q));
            if id_hit || crate::text::fold(&row.value).contains(q) {
                hits.push(Hit {
                    field,
                    form: form.clone(),
                    at,
                });
            }
        }
    }
    hits
}

fn app(plan: crate::plan::Plan) -> App {
    App::new(
        plan,
        "t.toml".into(),
        Framework::builtin().expect("framework"),
    )
}

/// Plans with every kind of field filled: the examples, and a generated one.
fn plans() -> Vec<(String, crate::plan::Plan)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut out: Vec<(String, crate::plan::Plan)> = std::fs::read_dir(dir)
        .expect("plans")
        .map(|e| {
            let path = e.expect("entry").path();
            let plan = crate::plan::load(&path).expect("example").plan;
            (path.display().to_string(), plan)
        })
        .collect();
    out.push(("generated".into(), synthetic::plan(300)));
    out
}

#[test]
fn every_field_and_its_order_are_those_the_forms_show() {
    for (name, plan) in plans() {
        let a = app(plan);
        // The empty query holds in every value: every field of every form, once each.
        let all = find(&a, "");
        assert_eq!(all, through_forms(&a, ""), "{name}");
        assert!(all.len() > 50, "{name}: {}", all.len());
        for field in [
            "barrier",
            "responsible",
            "evidencestance",
            "measuregroups",
            "measuregap",
            "stakeholderagreed",
            "keydomains",
            "outputtarget",
            "impactevidence",
        ] {
            if name.contains("language-cafe") {
                assert!(
                    all.iter()
                        .any(|h| format!("{:?}", h.field).to_lowercase().starts_with(field)),
                    "{name}: no {field}"
                );
            }
        }
    }
}

#[test]
fn each_query_finds_what_the_forms_would() {
    for (name, plan) in plans() {
        let a = app(plan);
        for q in [
            "childcare",
            "women",
            "café",
            "cafe",
            "2026",
            "yes: first group",
            "social bridges",
            "supports",
            "newcomers",
            "trust meet",
            "volunteer",
            "zzz",
            "-",
        ] {
            let q = crate::text::fold(q);
            assert_eq!(find(&a, &q), through_forms(&a, &q), "{name}: {q}");
        }
    }
}

#[test]
fn an_activity_is_found_by_the_names_of_its_stakeholders_not_only_their_ids() {
    let a = app(synthetic::plan(50));
    let name = crate::text::fold(&a.plan().stakeholders[0].name);
    let hits = find(&a, &name);
    assert_eq!(hits, through_forms(&a, &name));
    assert!(
        hits.iter()
            .any(|h| matches!(h.field, Field::Responsible(_))),
        "{hits:?}"
    );
}
