//! The README and docs/ say what is true: the first code block is how to install and run,
//! every `tocplan` subcommand they name exists, every plan example is a plan, every link
//! leads somewhere, and the README stays a README (under 350 lines).

#[path = "support/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use cli::{stdout, tocplan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The README and every page under docs/, with their paths.
fn pages() -> Vec<(PathBuf, String)> {
    let mut paths = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    paths.extend(docs);
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (p, text)
        })
        .collect()
}

/// The fenced code blocks of a Markdown text: (info string, body).
fn code_blocks(md: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in md.lines() {
        let trimmed = line.trim_start();
        match &mut open {
            None if trimmed.starts_with("```") => {
                open = Some((trimmed.trim_start_matches('`').to_string(), String::new()));
            }
            Some(_) if trimmed.starts_with("```") => blocks.extend(open.take()),
            Some((_, body)) => {
                body.push_str(trimmed);
                body.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// The commands of a shell block, comments and prompts left out.
fn commands(body: &str) -> Vec<String> {
    body.lines()
        .map(|l| l.split(" #").next().unwrap_or_default().trim())
        .map(|l| l.strip_prefix("$ ").unwrap_or(l).to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[test]
fn the_readmes_first_code_block_installs_opens_an_example_and_runs_the_tests() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let (info, body) = code_blocks(&readme)
        .into_iter()
        .next()
        .expect("a code block");
    assert_eq!(info, "sh");
    let cmds = commands(&body);
    assert_eq!(
        cmds,
        [
            "cargo install --path . --locked",
            "tocplan plans/language-cafe.toml",
            "cargo test",
        ],
        "{body}"
    );
    assert!(root().join("plans/language-cafe.toml").is_file());
    // Nothing but the title and a few lines of what tocplan is come before it.
    let before = &readme[..readme.find("```").expect("block")];
    assert!(before.lines().count() < 20, "{before}");
}

/// The words after `tocplan` where a command is written (in code), with their page.
fn named_commands() -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    for (path, text) in pages() {
        let page = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        // Code: fenced blocks, and inline spans of the prose outside them.
        let mut code: Vec<String> = code_blocks(&text).into_iter().map(|(_, b)| b).collect();
        let mut in_fence = false;
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                in_fence = !in_fence;
                continue;
            }
            if !in_fence {
                code.extend(line.split('`').skip(1).step_by(2).map(String::from));
            }
        }
        for snippet in code {
            for (at, _) in snippet.match_indices("tocplan ") {
                let before = snippet[..at].trim_end();
                // A command starts a line or follows a prompt, a pipe, `;`, `&&` or `(`.
                let starts = before.is_empty()
                    || ["$", "|", ";", "&&", "(", "'"]
                        .iter()
                        .any(|p| before.ends_with(p))
                    || before.ends_with("then")
                    || before.ends_with("run:");
                if !starts {
                    continue;
                }
                let words: Vec<String> = snippet[at + "tocplan ".len()..]
                    .split_whitespace()
                    .take(2)
                    .map(|w| w.trim_end_matches([',', ';', ')', ':', '`']).to_string())
                    .collect();
                found.push((page.clone(), words));
            }
        }
    }
    found
}

#[test]
fn every_subcommand_the_readme_and_docs_name_exists() {
    let cmd = tocplan::cli::Cli::command();
    let named = named_commands();
    assert!(named.len() > 30, "found too few commands: {named:?}");
    let mut checked = 0;
    for (page, words) in named {
        let Some(first) = words.first() else { continue };
        // A plan (plans/x.toml, first.toml), an option, or a placeholder (PLAN): not a
        // subcommand's name.
        let word_like =
            first.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !first.starts_with('-');
        if !word_like {
            continue;
        }
        let sub = cmd
            .find_subcommand(first)
            .unwrap_or_else(|| panic!("{page} names `tocplan {first}`, which is no subcommand"));
        checked += 1;
        if sub.has_subcommands()
            && let Some(second) = words.get(1)
            && second.chars().all(|c| c.is_ascii_lowercase())
        {
            assert!(
                sub.find_subcommand(second).is_some(),
                "{page} names `tocplan {first} {second}`, which is no subcommand"
            );
        }
    }
    assert!(checked > 20, "checked too few: {checked}");
    // And every subcommand is in the README's table of commands.
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    for sub in cmd.get_subcommands() {
        assert!(
            readme.contains(&format!("| `tocplan {}", sub.get_name())),
            "the README's table lacks `{}`",
            sub.get_name()
        );
    }
}

#[test]
fn the_readme_stays_under_350_lines_and_links_to_what_moved() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let lines = readme.lines().count();
    assert!(lines < 350, "the README is {lines} lines");
    for page in [
        "speed",
        "robustness",
        "development",
        "app",
        "plan-file",
        "git",
        "exports",
        "command-line",
    ] {
        assert!(
            readme.contains(&format!("(docs/{page}.md")),
            "the README does not link docs/{page}.md"
        );
    }
}

/// GitHub's anchor for a heading: lower case, spaces to dashes, punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(md: &str) -> Vec<String> {
    let mut in_fence = false;
    md.lines()
        .filter(|l| {
            if l.trim_start().starts_with("```") {
                in_fence = !in_fence;
            }
            !in_fence && l.starts_with('#')
        })
        .map(|l| anchor(l.trim_start_matches('#')))
        .collect()
}

#[test]
fn every_relative_link_in_the_readme_and_docs_leads_somewhere() {
    let mut checked = 0;
    for (path, text) in pages() {
        let dir = path.parent().expect("folder");
        for (at, _) in text.match_indices("](") {
            let rest = &text[at + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = &rest[..end];
            if target.starts_with("http") || target.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
            let file = if file.is_empty() {
                path.clone()
            } else {
                dir.join(file)
            };
            assert!(
                file.exists(),
                "{}: `{target}` leads nowhere",
                path.display()
            );
            if !fragment.is_empty() && file.extension().is_some_and(|e| e == "md") {
                let md = std::fs::read_to_string(&file).expect("read");
                assert!(
                    anchors(&md).iter().any(|a| a == fragment),
                    "{}: no heading `#{fragment}` in {}",
                    path.display(),
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "checked too few links: {checked}");
}

#[test]
fn every_plan_example_in_the_readme_and_docs_is_a_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut checked = 0;
    for (path, text) in pages() {
        for (info, body) in code_blocks(&text) {
            if info != "toml" || !body.lines().take(3).any(|l| l.starts_with("schema = ")) {
                continue;
            }
            std::fs::write(dir.path().join("example.toml"), &body).expect("write");
            // Valid; being short, the review may find things still to plan.
            let out = tocplan(dir.path(), &["check", "example.toml"]);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{}: {}",
                path.display(),
                stdout(&out)
            );
            assert!(
                !stdout(&out).contains(": error:"),
                "{}: {}",
                path.display(),
                stdout(&out)
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 2,
        "the README's and docs/plan-file.md's examples"
    );
}

/// The README shows the app as it opens today: its screen is the language café's 80x24
/// snapshot (tests/screens.rs draws it with the app's own render), so a change to the
/// screen that updates the snapshot fails here until the README is updated too.
#[test]
fn the_readmes_screen_is_the_app_as_it_opens() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let app = &readme[readme.find("\n## The app\n").expect("the app section")..];
    let (_, shown) = code_blocks(app).into_iter().next().expect("a screen");
    let snap =
        std::fs::read_to_string(root().join("tests/snapshots/screens__language-cafe-80x24.snap"))
            .expect("snapshot");
    let drawn: Vec<String> = snap
        .lines()
        .skip_while(|l| !l.starts_with('"'))
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect();
    let shown: Vec<String> = shown.lines().map(|l| l.trim_end().to_string()).collect();
    assert_eq!(drawn.len(), 24, "{snap}");
    assert_eq!(shown, drawn);
}
