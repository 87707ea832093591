//! `update`: the only place state changes. No I/O; what the loop must do is returned.

use super::app::App;
use super::keymap::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::PaneLeft => app.pane = app.pane.saturating_sub(1),
        Action::PaneRight => app.pane = (app.pane + 1).min(3),
        Action::Up => app.rows[app.pane] = app.rows[app.pane].saturating_sub(1),
        Action::Down => {
            let len = app.pane_items(app.pane).len();
            let row = &mut app.rows[app.pane];
            *row = (*row + 1).min(len.saturating_sub(1));
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::plan::Plan;

    fn app() -> App {
        let fw = Framework::builtin().expect("framework");
        App::new(Plan::new("t"), "t.toml".into(), fw)
    }

    #[test]
    fn starts_on_goal_and_moves_between_panes_within_bounds() {
        let mut a = app();
        assert_eq!(a.pane, 3);
        update(&mut a, Action::PaneRight);
        assert_eq!(a.pane, 3);
        for _ in 0..5 {
            update(&mut a, Action::PaneLeft);
        }
        assert_eq!(a.pane, 0);
    }

    #[test]
    fn quit_is_an_effect_not_io() {
        assert_eq!(update(&mut app(), Action::Quit), vec![Effect::Quit]);
    }

    #[test]
    fn row_moves_stay_in_empty_panes() {
        let mut a = app();
        update(&mut a, Action::Down);
        update(&mut a, Action::Up);
        assert_eq!(a.rows, [0; 4]);
    }
}
