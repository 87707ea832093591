//! Scroll marks: "↑ 2" at the top right of a box and "↓ 3" at its bottom right say how
//! many items (or lines) are out of sight above and below, so nothing looks lost.

use ratatui::text::Line;
use ratatui::widgets::Block;

/// `block` with marks for `above` and `below` hidden items (none when nothing is hidden).
pub fn marked(block: Block<'static>, above: usize, below: usize) -> Block<'static> {
    let mut block = block;
    if above > 0 {
        block = block.title(Line::from(format!("↑ {above}")).right_aligned());
    }
    if below > 0 {
        block = block.title_bottom(Line::from(format!("↓ {below}")).right_aligned());
    }
    block
}

/// The marks drawn on the border of the box whose inside is `inner`, for a view that
/// drew its box already.
pub fn draw(f: &mut ratatui::Frame, inner: ratatui::layout::Rect, above: usize, below: usize) {
    use ratatui::layout::Rect;
    use ratatui::widgets::Paragraph;
    let mut put = |text: String, y: u16| {
        let w = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
        if w + 2 <= inner.width {
            let area = Rect::new(inner.x + inner.width - w - 1, y, w, 1);
            f.render_widget(Paragraph::new(text), area);
        }
    };
    if above > 0 && inner.y > 0 {
        put(format!("↑ {above}"), inner.y - 1);
    }
    if below > 0 {
        put(format!("↓ {below}"), inner.y + inner.height);
    }
}
