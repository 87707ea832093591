//! Generated plans for a portfolio of any size (`tocplan generate portfolio`): the
//! generated plan of `plan::synthetic`, each with its own title, place, readings and
//! indicators drawn from across the bank from a start that moves from plan to plan, so plans share
//! some indicators and not others, and every fifth measures no social connection.

use crate::plan::synthetic;
use crate::plan::{Number, Plan};

const PLACES: [&str; 8] = [
    "Anytown",
    "Northfield",
    "Riverside",
    "Eastbridge",
    "Westmoor",
    "Hillcrest",
    "Southport",
    "Oakdale",
];

/// Indicators a plan draws from.
const WINDOW: usize = 24;

/// The `k`th plan of a generated portfolio, of `items` items; `pool` is the bank's
/// indicators, each with whether it measures a social connection.
pub fn plan(k: usize, items: usize, pool: &[(String, bool)]) -> Plan {
    let mut p = synthetic::plan(items);
    let place = PLACES[k % PLACES.len()];
    p.title = format!("Project {} in {place}", k + 1);
    p.context.place = place.to_string();
    let own: Vec<&str> = pool
        .iter()
        .filter(|(_, social)| k % 5 != 4 || !social)
        .map(|(id, _)| id.as_str())
        .collect();
    if !own.is_empty() {
        // Spread over the bank (which is in domain order), so a plan measures many domains.
        let stride = (own.len() / WINDOW).max(1);
        let start = (k * 5) % own.len();
        for (m, measure) in p.measures.iter_mut().enumerate() {
            measure.indicator = own[(start + (m % WINDOW) * stride) % own.len()].to_string();
        }
    }
    for (i, r) in p.readings.iter_mut().enumerate() {
        r.value = Number::Int(10 + ((k * 3 + i * 7) % 25) as i64);
    }
    p
}
