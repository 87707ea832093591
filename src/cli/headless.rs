//! `tocplan --headless`: the app driven by a key script, its costs printed.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;

use super::Cli;
use crate::framework::Framework;
use crate::tui::headless;

pub fn run(
    plan: &Path,
    cli: &Cli,
    started: Instant,
    fw: impl Fn() -> anyhow::Result<Framework>,
) -> anyhow::Result<u8> {
    let steps = match &cli.keys {
        Some(file) => {
            let text = crate::files::read_text(file, crate::files::SCRIPT)
                .context("the key script was not read")?;
            headless::parse_script(&text).with_context(|| format!("{}", file.display()))?
        }
        None => Vec::new(),
    };
    let opts = crate::tui::Options {
        theme: cli.theme.clone(),
        // The user's own settings would make figures differ from machine to machine.
        config_dir: None,
    };
    let mut app = crate::tui::prepare(plan, &fw()?, &opts)?;
    let report = headless::drive(&mut app, &steps, cli.size, started)?;
    let summary = headless::summarise(&report);
    if cli.json {
        super::output::print(&format!("{}\n", crate::json::to_string_pretty(&summary)?))?;
    } else {
        super::output::print(&headless::text(&summary))?;
    }
    Ok(0)
}
