//! What every HTML page tocplan writes shares: escaping, the page's shell with its one
//! inline stylesheet (screen and print) and its few lines of script. Nothing is loaded
//! from anywhere: the page works offline and as an email attachment.

/// Plan text as HTML text or an attribute value (always quoted with `"`): the five
/// characters HTML gives meaning escaped, controls and bidi overrides shown as the app
/// shows them (`text::sanitize`), so no text can open a tag, end an attribute, or reorder
/// what follows it.
pub fn esc(s: &str) -> String {
    let clean = crate::text::sanitized(s);
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Plan prose as paragraphs: a blank line between paragraphs, a line break kept as `<br>`.
pub fn prose(s: &str) -> String {
    s.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", esc(p.trim()).replace('\n', "<br>")))
        .collect()
}

/// A share of the way as a bar in a bordered track, with the percentage in words beside
/// it: the track's border prints even where backgrounds do not, and the words carry it
/// without colour.
pub fn bar(share: f64, off_track: bool) -> String {
    let w = (share.clamp(0.0, 1.0) * 100.0).round();
    format!(
        "<span class=\"track\" aria-hidden=\"true\"><span class=\"bar{}\" style=\"width:{w}%\"></span></span> {:.0}%",
        if off_track { " offtrack" } else { "" },
        share * 100.0
    )
}

/// A number as SVG writes it: two decimals at most, no `-0`.
pub fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 { "0".into() } else { format!("{r}") }
}

/// The whole page around `body`: the title, the stylesheet and the script.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"tocplan {}\">\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title)
    )
}

/// One stylesheet for screen and print. Colours are dark on light everywhere (contrast of
/// 7:1 or more for text, 4.5:1 for lines and marks), and print turns backgrounds off but
/// keeps the boxes' borders. The diagram prints on a page of its own.
const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
p { margin: .3rem 0; }
.meta { color: #333; }
.id { font: .85em ui-monospace, "DejaVu Sans Mono", monospace; color: #333; }
.t, .t * { unicode-bidi: isolate; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #555; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.wide { overflow-x: auto; }
.wide table { font-size: .8rem; }
thead th { background: #e8e8e8; overflow-wrap: normal; }
tbody th { font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.off { color: #8b0000; font-weight: 600; }
.ok { color: #1b5e20; }
figure { margin: 0; }
figure.diagram svg { width: 100%; height: auto; display: block; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: #1a1a1a; }
.node rect { fill: #f4f7fb; stroke: #1f3a5f; stroke-width: 1.2; }
.node.goal rect { fill: #fdf6e3; stroke: #6b4f00; }
.col-title { font-size: 12px; font-weight: 700; }
.box { font-size: 11px; }
.edge { stroke: #3c3c3c; stroke-width: 1.2; fill: none; }
.mark circle { fill: #fff; stroke: #8a4b00; stroke-width: 1.2; }
.mark text { font-size: 9px; font-weight: 700; fill: #6b3a00; }
.hl-on .node, .hl-on .edge, .hl-on .mark { opacity: .28; }
.hl-on .node.hl, .hl-on .edge.hl, .hl-on .mark.hl { opacity: 1; }
.hl-on .node.hl rect { stroke-width: 2.4; }
.hl-on .edge.hl { stroke-width: 2.2; stroke: #0b3d91; }
[data-item].hl { outline: 2px solid #0b3d91; }
.chart { display: inline-block; vertical-align: top; margin: 0 1rem 1rem 0; width: 21rem; }
.chart svg { width: 100%; height: auto; }
.chart .axis { stroke: #555; stroke-width: 1; }
.chart .reading { stroke: #0b3d91; stroke-width: 2; fill: none; }
.chart .dot { fill: #0b3d91; }
.chart .reading.s1 { stroke: #a11d21; stroke-dasharray: 5 2; } .chart .dot.s1 { fill: #a11d21; }
.chart .reading.s2 { stroke: #5b2a86; stroke-dasharray: 1 2; } .chart .dot.s2 { fill: #5b2a86; }
.chart .reading.s3 { stroke: #00695c; stroke-dasharray: 9 3; } .chart .dot.s3 { fill: #00695c; }
.chart .series { font-size: 9px; fill: #222; }
.chart .target { stroke: #1b5e20; stroke-width: 1.5; stroke-dasharray: 6 3; }
.chart .baseline { stroke: #555; stroke-width: 1.5; stroke-dasharray: 2 3; }
.chart .pace { stroke: #8a4b00; stroke-width: 1.5; stroke-dasharray: 8 3 2 3; }
.chart text { font-size: 10px; }
.legend { font-size: .8rem; color: #333; }
.heat td.c { text-align: center; min-width: 1.8rem; }
.heat td.h1 { background: #d6e4f5; } .heat td.h2 { background: #9fc1e8; } .heat td.h3 { background: #5d93d1; color: #000; }
.bar { display: inline-block; height: .7rem; background: #0b3d91; vertical-align: middle; }
.track { display: inline-block; width: 6rem; height: .9rem; border: 1px solid #555; vertical-align: middle; padding: 1px; }
.track .bar { display: block; height: 100%; }
.wide .track { width: 3rem; }
td.bar-cell { white-space: nowrap; }
.verdict { display: block; }
dl.measures dt { font-weight: 600; margin-top: .6rem; }
dl.measures dd { margin: .15rem 0 0 1.2rem; }
.bar.offtrack { background: #8b0000; }
.skip { position: absolute; left: -9999px; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { font-size: 10.5pt; color: #000; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, .chart, figure { break-inside: avoid; }
  section.diagram-page { break-before: page; break-after: page; }
  figure.diagram svg { max-height: 250mm; }
  thead th { background: none; }
  .wide { overflow: visible; }
  .wide table { font-size: 7.5pt; }
  .heat td.h1, .heat td.h2, .heat td.h3, .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .node rect { fill: #fff; }
}
"#;

/// Hovering or selecting (click, or focus from the keyboard) an item highlights its chain,
/// in the diagram and in the text. Without script the page reads the same, unhighlighted.
const SCRIPT: &str = r#"
(function () {
  var fig = document.querySelector('figure.diagram');
  if (!fig) return;
  var pinned = null;
  function show(id) {
    var node = fig.querySelector('.node[data-id="' + CSS.escape(id) + '"]');
    if (!node) return;
    var chain = (node.getAttribute('data-chain') || '').split(' ');
    chain.push(id);
    fig.classList.add('hl-on');
    fig.querySelectorAll('[data-id],[data-from]').forEach(function (el) {
      var on = el.hasAttribute('data-id') ? chain.indexOf(el.getAttribute('data-id')) >= 0
        : chain.indexOf(el.getAttribute('data-from')) >= 0 && chain.indexOf(el.getAttribute('data-to')) >= 0;
      el.classList.toggle('hl', on);
    });
    document.querySelectorAll('[data-item]').forEach(function (el) {
      el.classList.toggle('hl', chain.indexOf(el.getAttribute('data-item')) >= 0);
    });
  }
  function clear() {
    if (pinned) { show(pinned); return; }
    fig.classList.remove('hl-on');
    document.querySelectorAll('.hl').forEach(function (el) { el.classList.remove('hl'); });
  }
  function hook(el, id) {
    el.addEventListener('mouseenter', function () { show(id); });
    el.addEventListener('mouseleave', clear);
    el.addEventListener('focus', function () { show(id); });
    el.addEventListener('blur', clear);
    el.addEventListener('click', function () { pinned = pinned === id ? null : id; clear(); });
  }
  fig.querySelectorAll('.node[data-id]').forEach(function (n) { hook(n, n.getAttribute('data-id')); });
  document.querySelectorAll('[data-item]').forEach(function (n) {
    if (fig.querySelector('.node[data-id="' + CSS.escape(n.getAttribute('data-item')) + '"]')) {
      n.tabIndex = 0; hook(n, n.getAttribute('data-item'));
    }
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_a_tag_or_end_an_attribute() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        // Controls and a bidi override are shown, never passed on.
        let e = esc("a\u{1b}[2J\u{202e}b\u{0}");
        assert!(!e.contains('\u{1b}') && !e.contains('\u{202e}') && !e.contains('\u{0}'));
        assert_eq!(prose("a\nb\n\nc<"), "<p>a<br>b</p><p>c&lt;</p>");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.345), "12.35");
        // A share past the target fills the track and still says how far.
        assert!(bar(1.3, false).contains("width:100%") && bar(1.3, false).ends_with(" 130%"));
        assert!(bar(-0.2, true).contains("bar offtrack\" style=\"width:0%"));
    }
}
