//! `tocplan generate plan|bank`: large inputs for trying tocplan at scale.

use super::GenerateCommand;
use crate::framework::{Framework, synthetic};

pub fn run(what: &GenerateCommand) -> anyhow::Result<u8> {
    let (out, force, text) = match what {
        GenerateCommand::Portfolio {
            plans,
            items,
            dir,
            force,
        } => return portfolio(*plans, *items, dir, *force),
        GenerateCommand::Plan {
            items,
            long_text,
            out,
            force,
        } => {
            use crate::plan::synthetic;
            let mut plan = synthetic::plan(*items);
            if let Some(bytes) = *long_text {
                plan.context.problem = synthetic::long_text(bytes, true);
                if let Some(o) = plan.outcomes.first_mut() {
                    o.text = synthetic::long_text(bytes, false);
                }
            }
            (out, *force, crate::plan::to_toml(&plan))
        }
        GenerateCommand::Bank {
            indicators,
            out,
            force,
        } => {
            // Only the built-in bank's words: the user's banks would make it differ.
            let fw = Framework::builtin()?;
            let bank = synthetic::bank(&fw, *indicators);
            let header = format!(
                "# A generated bank of {indicators} indicators (`tocplan generate bank`), for trying large banks.\n"
            );
            (
                out,
                *force,
                bank.to_toml(&header).map_err(anyhow::Error::msg)?,
            )
        }
    };
    refuse_dash(out)?;
    crate::files::may_write(out, force).map_err(anyhow::Error::msg)?;
    crate::plan::write_atomic(out, text.as_bytes())?;
    super::output::note(&format!("wrote {} ({} bytes)", out.display(), text.len()));
    Ok(0)
}

/// `generate portfolio`: N plans in a folder, `plan-0001.toml` on, each written atomically.
fn portfolio(plans: usize, items: usize, dir: &std::path::Path, force: bool) -> anyhow::Result<u8> {
    let fw = Framework::builtin()?;
    let social: Vec<u8> = fw
        .domains
        .iter()
        .filter(|d| d.category == "social_connections")
        .map(|d| d.number)
        .collect();
    let pool: Vec<(String, bool)> = fw
        .indicators()
        .map(|i| (i.id.clone(), social.contains(&i.domain)))
        .collect();
    refuse_dash(dir)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), crate::files::reason(&e)))?;
    let digits = plans.max(1).to_string().len().max(4);
    for k in 0..plans {
        let path = dir.join(format!("plan-{:0digits$}.toml", k + 1));
        crate::files::may_write(&path, force).map_err(anyhow::Error::msg)?;
        let plan = crate::report::portfolio::generated_plan(k, items, &pool);
        crate::plan::write_atomic(&path, crate::plan::to_toml(&plan).as_bytes())?;
    }
    super::output::note(&format!(
        "wrote {plans} plan{} of {items} items in {}",
        if plans == 1 { "" } else { "s" },
        dir.display()
    ));
    Ok(0)
}

/// `-` reads as "stdout" to a shell user, but generate writes files (atomically, refusing
/// to overwrite): a file named `-` would only surprise.
fn refuse_dash(out: &std::path::Path) -> anyhow::Result<()> {
    if out.as_os_str() == "-" {
        anyhow::bail!(
            "generate writes a file, not stdout: give its name (e.g. `big.toml`), not `-`"
        );
    }
    Ok(())
}
