//! The HTML pages in a real browser: headless Chromium renders each example plan's report
//! and a generated portfolio to PNG and to PDF; the files must be non-blank, a report's PDF
//! three A4 pages at least (the diagram has one of its own), and every box inside
//! the page at A4's width. Without Chromium the tests say so and pass, unless
//! TOCPLAN_REQUIRE_BROWSER=1 (as CI sets it), when they fail.
//!
//! `TOCPLAN_SCREENSHOTS=DIR` keeps the language café's screenshot there (the README's).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tocplan");
/// A4 at the 96 pixels an inch browsers lay out with.
const A4: (u32, u32) = (794, 1123);

fn chromium() -> Option<String> {
    let named = std::env::var("TOCPLAN_CHROMIUM").ok();
    let found = named
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from))
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
    if found.is_none() {
        let required = std::env::var("TOCPLAN_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "TOCPLAN_REQUIRE_BROWSER=1 and no Chromium found (install Debian's `chromium`, or set TOCPLAN_CHROMIUM)"
        );
        eprintln!(
            "SKIPPED: no Chromium found (install Debian's `chromium`, or set TOCPLAN_CHROMIUM); the pages were not tried in a browser"
        );
    }
    found
}

/// Runs headless Chromium on a page with a fresh profile and none of its calls home, within
/// a minute; its stdout.
fn run_chromium(bin: &str, page: &Path, args: &[String]) -> Vec<u8> {
    let profile = tempfile::tempdir().expect("profile folder");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    // Read as it comes: a large page's DOM would fill the pipe while we wait.
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).map(|_| buf)
    });
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium took over a minute on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = child.wait().expect("wait");
    assert!(status.success(), "chromium failed on {}", page.display());
    reader.join().expect("reader").expect("chromium's output")
}

/// A PNG is non-blank: many colours, and a good part of it not background.
fn assert_not_blank(png_path: &Path) -> (u32, u32) {
    let file = std::fs::File::open(png_path).expect("the screenshot");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let mut colours = std::collections::HashSet::new();
    let mut inked = 0usize;
    for px in pixels.chunks(channels) {
        colours.insert(px[..3.min(channels)].to_vec());
        if px[..3.min(channels)].iter().any(|&v| v < 200) {
            inked += 1;
        }
    }
    let total = (info.width * info.height) as usize;
    assert!(
        colours.len() > 16,
        "{}: {} colours",
        png_path.display(),
        colours.len()
    );
    assert!(
        inked * 100 > total * 2,
        "{}: only {inked} of {total} pixels drawn",
        png_path.display()
    );
    (info.width, info.height)
}

/// The PDF's page count, from its page tree.
fn pdf_pages(pdf: &Path) -> usize {
    let bytes = std::fs::read(pdf).expect("the PDF");
    assert!(
        bytes.starts_with(b"%PDF-"),
        "{} is not a PDF",
        pdf.display()
    );
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/Count ")
        .filter_map(|(i, _)| {
            text[i + 7..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()
        })
        .max()
        .unwrap_or(0)
}

/// Runs `script` (which ends by setting `said`) in a copy of the page in Chromium at A4's
/// width, after the page's own script; what it said.
fn probe(bin: &str, page: &Path, script: &str) -> String {
    let html = std::fs::read_to_string(page).expect("page");
    let probe = format!(
        "<script>(function(){{var said='';{script}\
         var p=document.createElement('pre');p.id='probe';p.textContent=said;\
         document.body.appendChild(p);}})();</script></body>"
    );
    let probed = page.with_extension("probe.html");
    std::fs::write(&probed, html.replace("</body>", &probe)).expect("write");
    let dom = String::from_utf8_lossy(&run_chromium(
        bin,
        &probed,
        &[
            format!("--window-size={},{}", A4.0, A4.1),
            "--dump-dom".into(),
        ],
    ))
    .into_owned();
    dom.split("<pre id=\"probe\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| {
            let start: String = dom.chars().take(300).collect();
            panic!(
                "no probe in {} ({} bytes: {start})",
                probed.display(),
                dom.len()
            )
        })
        .to_string()
}

/// Every box of the diagram inside the page at A4's width, as the browser lays it out:
/// (boxes, boxes outside).
fn boxes_outside(bin: &str, page: &Path, selector: &str) -> (usize, usize) {
    let said = probe(
        bin,
        page,
        &format!(
            "var w=document.documentElement.clientWidth,n=0,out=0;\
             document.querySelectorAll('{selector}').forEach(function(r){{var b=r.getBoundingClientRect();n++;\
             if(b.left<0||b.right>w||b.width<=0||b.height<=0)out++;}});said=n+' '+out;"
        ),
    );
    let words: Vec<&str> = said.split(' ').collect();
    (
        words[0].parse().expect("count"),
        words[1].parse().expect("count"),
    )
}

/// Renders a page to PNG and PDF and measures its boxes; `pages`: the fewest A4 pages its
/// PDF may have.
fn try_page(bin: &str, page: &Path, boxes: &str, pages: usize) -> PathBuf {
    let png_path = page.with_extension("png");
    run_chromium(
        bin,
        page,
        &[
            format!("--screenshot={}", png_path.display()),
            "--window-size=1000,1400".into(),
        ],
    );
    assert_eq!(assert_not_blank(&png_path), (1000, 1400));
    let pdf = page.with_extension("pdf");
    run_chromium(
        bin,
        page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    let printed = pdf_pages(&pdf);
    assert!(printed >= pages, "{}: {printed} pages", pdf.display());
    let (n, outside) = boxes_outside(bin, page, boxes);
    assert!(n > 0, "{}: no boxes found", page.display());
    assert_eq!(
        outside,
        0,
        "{}: {outside} of {n} boxes outside the page",
        page.display()
    );
    png_path
}

fn tocplan(args: &[&str]) {
    let out = Command::new(BIN).args(args).output().expect("tocplan");
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "tocplan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn each_example_plans_report_renders_in_chromium() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp");
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&plans)
        .expect("plans")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    for plan in names {
        let stem = plan
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let page = dir.path().join(format!("{stem}.html"));
        tocplan(&[
            "export",
            "--format",
            "html",
            plan.to_str().expect("path"),
            "--out",
            page.to_str().expect("path"),
        ]);
        // The diagram has a page of its own: at least the one before it, its own, and one after.
        let png_path = try_page(&bin, &page, "figure.diagram .node rect", 3);
        if stem == "language-cafe"
            && let Ok(keep) = std::env::var("TOCPLAN_SCREENSHOTS")
        {
            std::fs::create_dir_all(&keep).expect("folder");
            std::fs::copy(&png_path, Path::new(&keep).join("report.png")).expect("copy");
        }
    }
}

#[test]
fn a_generated_portfolios_page_renders_in_chromium() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp");
    let folder = dir.path().join("pf");
    tocplan(&[
        "generate",
        "portfolio",
        "--plans",
        "40",
        "--items",
        "100",
        folder.to_str().expect("path"),
    ]);
    let page = dir.path().join("portfolio.html");
    let out = Command::new(BIN)
        .args([
            "portfolio",
            "--format",
            "html",
            folder.to_str().expect("path"),
        ])
        .output()
        .expect("tocplan");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&page, &out.stdout).expect("write");
    // The heat-map's cells stand for the diagram's boxes: all on the page.
    try_page(&bin, &page, "table.heat td", 2);
}

/// Hovering an activity in the diagram highlights its chain, and nothing else: what it
/// serves, and what that serves, to the goal, in the diagram and in the text alike.
#[test]
fn hovering_an_item_highlights_its_chain() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp");
    let plan_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml");
    let page = dir.path().join("cafe.html");
    tocplan(&[
        "export",
        "--format",
        "html",
        plan_path.to_str().expect("path"),
        "--out",
        page.to_str().expect("path"),
    ]);
    let plan = tocplan::plan::load(&plan_path).expect("plan").plan;
    let start = "recruit-volunteers";
    // Its chain, from the plan: everything it serves, however far.
    let mut want = vec![start.to_string()];
    let mut k = 0;
    while k < want.len() {
        let id = want[k].clone();
        for (from, to) in plan.links() {
            if from == id && !want.iter().any(|w| w == to) {
                want.push(to.to_string());
            }
        }
        k += 1;
    }
    want.sort();
    let said = probe(
        &bin,
        &page,
        &format!(
            "document.querySelector('.node[data-id=\"{start}\"]').dispatchEvent(new MouseEvent('mouseenter'));\
             var ids=function(sel){{return [].map.call(document.querySelectorAll(sel),function(e){{\
             return e.getAttribute('data-id')||e.getAttribute('data-item');}}).sort().join(',');}};\
             said=ids('figure .node.hl')+' '+ids('[data-item].hl');"
        ),
    );
    let (drawn, text) = said.split_once(' ').expect("two lists");
    assert_eq!(drawn, want.join(","), "in the diagram");
    assert_eq!(text, want.join(","), "in the text");
    assert!(want.len() >= 4, "{want:?}");
}
