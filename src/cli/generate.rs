//! `tocplan generate plan|bank`: large inputs for trying tocplan at scale.

use super::GenerateCommand;
use crate::framework::{Framework, synthetic};

pub fn run(what: &GenerateCommand) -> anyhow::Result<u8> {
    let (out, force, text) = match what {
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
    crate::files::may_write(out, force).map_err(anyhow::Error::msg)?;
    crate::plan::write_atomic(out, text.as_bytes())?;
    Ok(0)
}
