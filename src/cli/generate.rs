//! `tocplan generate plan|bank`: large inputs for trying tocplan at scale.

use anyhow::bail;

use super::GenerateCommand;
use crate::framework::{Framework, synthetic};

pub fn run(what: &GenerateCommand) -> anyhow::Result<u8> {
    let (out, force, text) = match what {
        GenerateCommand::Plan { items, out, force } => (
            out,
            *force,
            crate::plan::to_toml(&crate::plan::synthetic::plan(*items)),
        ),
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
    if out.exists() && !force {
        bail!("{} exists; pass --force to replace it", out.display());
    }
    crate::plan::write_atomic(out, text.as_bytes())?;
    Ok(0)
}
