//! The whole table of speed figures, peers included, in one command:
//! `cargo bench --bench table`. It drives the release binary as a planner would
//! (`--headless` with the key scripts in benches/keys/), times whole processes, and puts
//! Python's tomllib and fzf beside tocplan where they do the same job. Prints Markdown.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_tocplan");
const SIZES: [usize; 3] = [100, 1_000, 10_000];
const RUNS: usize = 7;

/// A cache folder of the run's own, so the first query is really the first.
fn cache_home() -> PathBuf {
    std::env::temp_dir().join(format!("tocplan-bench-cache-{}", std::process::id()))
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let keys = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/keys");
    let plans: Vec<(usize, PathBuf)> = SIZES
        .iter()
        .map(|&n| {
            let p = dir.path().join(format!("plan-{n}.toml"));
            run(&[
                "generate",
                "plan",
                "--items",
                &n.to_string(),
                p.to_str().expect("path"),
            ]);
            (n, p)
        })
        .collect();
    let bank = dir.path().join("bank-100000.toml");
    run(&[
        "generate",
        "bank",
        "--indicators",
        "100000",
        bank.to_str().expect("path"),
    ]);

    println!("{}\n", machine());
    println!("| What | 100 items | 1,000 items | 10,000 items | Target |");
    println!("|---|---|---|---|---|");
    let per_size = |label: &str, target: &str, f: &dyn Fn(&Path) -> String| {
        let cells: Vec<String> = plans.iter().map(|(_, p)| f(p)).collect();
        println!("| {label} | {} | {target} |", cells.join(" | "));
    };
    per_size(
        "Start-up to first frame, whole process (median)",
        "< 50 ms",
        &|p| {
            ms(median_time(&[
                p.to_str().expect("path"),
                "--headless",
                "--no-user-banks",
            ]))
        },
    );
    per_size("`tocplan check`, whole process (median)", "", &|p| {
        ms(median_time(&[
            "check",
            "--no-user-banks",
            p.to_str().expect("path"),
        ]))
    });
    let nav = keys.join("navigate.keys");
    let edit = keys.join("edit.keys");
    let pick = keys.join("picker.keys");
    for size in ["80x24", "200x60"] {
        per_size(
            &format!("One frame at {size} (median / worst, navigating)"),
            "< 1 ms",
            &|p| {
                let s = headless(p, &nav, size, &[]);
                format!(
                    "{} / {}",
                    fmt_ms(&s["all"]["render_ms"]["median"]),
                    fmt_ms(&s["all"]["render_ms"]["max"])
                )
            },
        );
    }
    for (label, script) in [
        ("navigation", &nav),
        ("editing", &edit),
        ("picker typing, built-in bank", &pick),
    ] {
        per_size(
            &format!("Keystroke, {label} (median / p95)"),
            "< 2 ms",
            &|p| {
                let s = headless(p, script, "80x24", &[]);
                format!(
                    "{} / {}",
                    fmt_ms(&s["all"]["key_ms"]["median"]),
                    fmt_ms(&s["all"]["key_ms"]["p95"])
                )
            },
        );
    }
    // `search.keys`: its third step is the Enter of a word no field holds, its sixth that
    // of a phrase many hold.
    let search = keys.join("search.keys");
    per_size(
        "Search of every field, `/` then Enter (no match / many)",
        "< 50 ms",
        &|p| {
            let s = headless(p, &search, "80x24", &[]);
            format!(
                "{} / {}",
                fmt_ms(&s["steps"][2]["key_ms"]["median"]),
                fmt_ms(&s["steps"][5]["key_ms"]["median"])
            )
        },
    );
    let bank_args = ["--bank", bank.to_str().expect("path")];
    per_size(
        "Keystroke, picker typing, 100,000-indicator bank (median / worst)",
        "input never waits > 1 frame",
        &|p| {
            let s = headless(p, &pick, "80x24", &bank_args);
            format!(
                "{} / {}",
                fmt_ms(&s["all"]["key_ms"]["median"]),
                fmt_ms(&s["all"]["key_ms"]["max"])
            )
        },
    );
    per_size(
        "… its results on screen after the key (median / worst)",
        "",
        &|p| {
            let s = headless(p, &pick, "80x24", &bank_args);
            format!(
                "{} / {}",
                fmt_ms(&s["all"]["results_ms"]["median"]),
                fmt_ms(&s["all"]["results_ms"]["max"])
            )
        },
    );
    per_size(
        "Bytes written per navigation key at 80x24 (median / worst)",
        "< 2 KB",
        &|p| {
            let s = headless(p, &nav, "80x24", &[]);
            format!(
                "{} / {}",
                bytes(&s["all"]["bytes"]["median"]),
                bytes(&s["all"]["bytes"]["max"])
            )
        },
    );
    per_size("… a full repaint of the screen", "", &|p| {
        let s = headless(p, &nav, "80x24", &[]);
        bytes(&s["full_repaint_bytes"])
    });
    per_size("Peak memory (RSS), navigating", "< 30 MB", &|p| {
        let s = headless(p, &nav, "80x24", &[]);
        s["peak_rss_kib"]
            .as_f64()
            .map_or("n/a".into(), |k| format!("{:.1} MB", k * 1024.0 / 1e6))
    });
    per_size("Load + validate + save, in process (median)", "", &|p| {
        ms(load_validate_save(p))
    });
    per_size(
        "Python tomllib, parse only, in process (median)",
        "",
        &|p| tomllib(p).map_or("n/a (no python3)".into(), ms),
    );
    per_size(
        "… ratio tomllib / tocplan (higher: tocplan faster)",
        "",
        &|p| match tomllib(p) {
            Some(t) => format!(
                "{:.1}×",
                t.as_secs_f64() / load_validate_save(p).as_secs_f64()
            ),
            None => "n/a".into(),
        },
    );
    portfolio(dir.path());
    println!();
    picker_versus_fzf(dir.path(), &bank);
    let _ = std::fs::remove_dir_all(cache_home());
}

/// `tocplan portfolio` over a generated folder of 1,000 plans of 100 items each: the whole
/// process's time (median) and its peak memory, one row under the table's 100-item column.
fn portfolio(dir: &Path) {
    let folder = dir.join("portfolio");
    run(&[
        "generate",
        "portfolio",
        "--plans",
        "1000",
        "--items",
        "100",
        folder.to_str().expect("path"),
    ]);
    let args = [
        "portfolio",
        "--no-user-banks",
        folder.to_str().expect("path"),
    ];
    let time = median_time(&args);
    let peak = (0..3).filter_map(|_| peak_kib(&args)).max();
    println!(
        "| `tocplan portfolio`, 1,000 plans of 100 items, whole process (median / peak memory) | {} / {} | | | < 2 s / < 200 MB |",
        ms(time),
        peak.map_or("n/a".into(), |k| format!(
            "{:.0} MB",
            k as f64 * 1024.0 / 1e6
        ))
    );
}

/// A child's peak resident set (VmHWM, which only grows), read from /proc every 2 ms
/// while it runs: the last reading before it exits. `None` where /proc is not there.
fn peak_kib(args: &[&str]) -> Option<u64> {
    let mut child = Command::new(BIN)
        .args(args)
        .env("XDG_CACHE_HOME", cache_home())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run tocplan");
    let status = format!("/proc/{}/status", child.id());
    let mut peak = None;
    while child.try_wait().expect("wait").is_none() {
        if let Some(k) = std::fs::read_to_string(&status).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        }) {
            peak = Some(k);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    peak
}

/// Runs the binary to completion, failing loudly: a figure from a failed run is no figure.
fn run(args: &[&str]) -> std::process::Output {
    let out = Command::new(BIN)
        .args(args)
        .env("XDG_CACHE_HOME", cache_home())
        .stdin(Stdio::null())
        .output()
        .expect("run tocplan");
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "tocplan {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn median_time(args: &[&str]) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                run(args);
                t.elapsed()
            })
            .collect(),
    )
}

fn headless(plan: &Path, keys: &Path, size: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        plan.to_str().expect("path"),
        "--headless",
        "--json",
        "--no-user-banks",
        "--size",
        size,
        "--keys",
        keys.to_str().expect("path"),
    ];
    args.extend_from_slice(extra);
    // The app never saves here (the scripts have no Ctrl-s), so every run starts alike.
    serde_json::from_slice(&run(&args).stdout).expect("headless JSON")
}

fn load_validate_save(plan: &Path) -> Duration {
    let fw = tocplan::framework::Framework::builtin().expect("framework");
    let out = plan.with_extension("saved.toml");
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                let bytes = std::fs::read(plan).expect("read");
                let loaded = tocplan::plan::parse_bytes(&bytes, plan).expect("parse");
                let found = tocplan::plan::validate(&loaded.plan, &fw, &loaded.source);
                assert!(found.is_empty());
                tocplan::plan::save(&loaded.plan, &out).expect("save");
                t.elapsed()
            })
            .collect(),
    )
}

fn tomllib(plan: &Path) -> Option<Duration> {
    let script = format!(
        "import tomllib,time\nb=open({:?},'rb').read().decode()\nts=[]\nfor _ in range({RUNS}):\n t=time.perf_counter(); tomllib.loads(b); ts.append(time.perf_counter()-t)\nprint(sorted(ts)[len(ts)//2])",
        plan.to_str()?
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .output()
        .ok()?;
    let secs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
    Some(Duration::from_secs_f64(secs))
}

/// Whole-process fuzzy filtering of 100,000 indicator texts: tocplan's picker against
/// fzf's, same texts, same queries.
fn picker_versus_fzf(dir: &Path, bank: &Path) {
    let fw_bank = std::fs::read_to_string(bank).expect("bank");
    let texts: Vec<String> =
        toml::from_str::<toml::Table>(&fw_bank).expect("bank TOML")["indicator"]
            .as_array()
            .expect("indicators")
            .iter()
            .filter_map(|i| i.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
    let list = dir.join("texts.txt");
    std::fs::write(&list, texts.join("\n")).expect("texts");
    let fzf = Command::new("fzf")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success());
    println!(
        "| Whole process over {} indicator texts (median of {RUNS}) | tocplan, first run (bank read from its TOML) | tocplan indicators QUERY --bank (bank cached) | fzf --filter QUERY | Ratio fzf / tocplan (cached) |",
        texts.len()
    );
    println!("|---|---|---|---|---|");
    for q in ["neighbours", "ask neighbours help", "esol", "hate crime"] {
        let args = [
            "indicators",
            "--no-user-banks",
            "--bank",
            bank.to_str().expect("path"),
            "--limit",
            "0",
            q,
        ];
        let _ = std::fs::remove_dir_all(cache_home());
        let t = Instant::now();
        run(&args);
        let cold = t.elapsed();
        // Side by side, one run of each in turn, so a busy moment of the machine falls on
        // both alike.
        let fzf_once = || {
            let t = Instant::now();
            let input = std::fs::File::open(&list).expect("texts");
            Command::new("fzf")
                .args(["--filter", q])
                .stdin(input)
                .stdout(Stdio::null())
                .status()
                .expect("fzf");
            t.elapsed()
        };
        let (mut mine, mut fzfs) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let t = Instant::now();
            run(&args);
            mine.push(t.elapsed());
            if fzf.is_some() {
                fzfs.push(fzf_once());
            }
        }
        let ours = median(mine);
        let theirs = fzf.as_ref().map(|_| median(fzfs));
        match theirs {
            Some(t) => println!(
                "| `{q}` | {} | {} | {} | {:.2}× |",
                ms(cold),
                ms(ours),
                ms(t),
                t.as_secs_f64() / ours.as_secs_f64()
            ),
            None => println!(
                "| `{q}` | {} | {} | n/a (fzf not installed) | n/a |",
                ms(cold),
                ms(ours)
            ),
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn fmt_ms(v: &Value) -> String {
    v.as_f64().map_or("-".into(), |x| format!("{x:.3} ms"))
}

fn bytes(v: &Value) -> String {
    v.as_f64().map_or("-".into(), |x| format!("{x:.0} B"))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!(
        "Machine: {cpu}, {cores} cores available; tocplan {} (release build).",
        env!("CARGO_PKG_VERSION")
    )
}
