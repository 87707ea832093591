//! Per-keystroke filtering in the indicator picker: each keystroke parses the query and
//! ranks the whole bank, over the built-in bank and a generated one of 100,000.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tocplan::framework::picker::{Picker, Query};
use tocplan::framework::{BankOrigin, Framework, synthetic};

fn keystrokes(c: &mut Criterion) {
    let builtin = Framework::builtin().expect("framework");
    let mut big = builtin.clone();
    big.add_bank(
        synthetic::bank(&builtin, 100_000),
        BankOrigin::File("generated".into()),
    )
    .expect("bank");
    for (name, fw) in [("built-in bank", &builtin), ("100,000 indicators", &big)] {
        let picker = Picker::new(fw);
        let mut group = c.benchmark_group(format!("picker keystroke, {name}"));
        if fw.indicators().count() > 10_000 {
            group.sample_size(20);
        }
        // The last keystroke of each query: what a planner waits for after typing it.
        for q in [
            "e",
            "esol",
            "language practice",
            "hate crime #12",
            "volunteering",
        ] {
            group.bench_function(format!("\"{q}\""), |b| {
                b.iter(|| picker.search(&Query::parse(black_box(q), fw)).len())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
