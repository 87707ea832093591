//! The app opened on one of the example plans, as the screen tests draw it.

use tocplan::framework::Framework;
use tocplan::plan::load;
use tocplan::tui::App;

pub fn example(plan: &str) -> App {
    let fw = Framework::builtin().expect("framework");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(plan);
    let plan = load(&path).expect("example loads").plan;
    App::new(plan, path, fw)
}
