use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Decoder, Input};

fn only_keys(inputs: Vec<Input>) -> Vec<KeyEvent> {
    inputs
        .into_iter()
        .map(|i| match i {
            Input::Key(k) => k,
            Input::Paste(p) => panic!("a paste: {p:?}"),
        })
        .collect()
}

fn keys(bytes: &[u8]) -> Vec<KeyEvent> {
    only_keys(Decoder::default().feed(bytes, true))
}

fn chars(s: &str) -> Vec<KeyEvent> {
    s.chars()
        .map(|c| {
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), m)
        })
        .collect()
}

#[test]
fn text_and_control_keys_read_as_crossterm_reads_them() {
    assert_eq!(keys(b"aZ"), chars("aZ"));
    assert_eq!(keys("é€😀".as_bytes()), chars("é€😀"));
    assert_eq!(
        keys(b"\r\t\x7f\x13\x00"),
        vec![
            KeyCode::Enter.into(),
            KeyCode::Tab.into(),
            KeyCode::Backspace.into(),
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Char(' '), KeyModifiers::CONTROL),
        ]
    );
    assert_eq!(keys(b"\x1b"), vec![KeyCode::Esc.into()]);
    assert_eq!(
        keys(b"\x1bq"),
        vec![KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT)]
    );
}

#[test]
fn special_keys_from_their_sequences() {
    let cases: &[(&[u8], KeyEvent)] = &[
        (b"\x1b[A", KeyCode::Up.into()),
        (b"\x1bOB", KeyCode::Down.into()),
        (b"\x1b[C", KeyCode::Right.into()),
        (b"\x1b[D", KeyCode::Left.into()),
        (b"\x1b[H", KeyCode::Home.into()),
        (b"\x1b[4~", KeyCode::End.into()),
        (b"\x1b[5~", KeyCode::PageUp.into()),
        (b"\x1b[6~", KeyCode::PageDown.into()),
        (b"\x1b[3~", KeyCode::Delete.into()),
        (b"\x1bOP", KeyCode::F(1).into()),
        (b"\x1b[15~", KeyCode::F(5).into()),
        (b"\x1b[24~", KeyCode::F(12).into()),
        (
            b"\x1b[1;5A",
            KeyEvent::new(KeyCode::Up, KeyModifiers::CONTROL),
        ),
        (
            b"\x1b[Z",
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        ),
    ];
    for (bytes, want) in cases {
        assert_eq!(keys(bytes), vec![*want], "{bytes:?}");
    }
}

/// The freeze: crossterm waits for `u` or `c` after `ESC [ ?` and takes every key
/// until then. Here the sequence ends at its first final byte and the rest is keys.
#[test]
fn a_cut_off_sequence_never_swallows_later_keys() {
    // One final byte ends the unknown sequence; everything after it is read.
    assert_eq!(keys(b"\x1b[?xjkq"), chars("jkq"));
    // A byte that cannot belong to a sequence ends it and is read itself.
    assert_eq!(keys(b"\x1b[?1\rq")[0], KeyCode::Enter.into());
    assert_eq!(keys(b"\x1b[12\x1b[A"), vec![KeyCode::Up.into()]);
    // Mouse reports and replies are not keys, and do not hold what follows.
    assert_eq!(keys(b"\x1b[<0;10;5Mq"), chars("q"));
    assert_eq!(keys(b"\x1b[?62;22cq"), chars("q"));
    // A terminal's string replies, ended by ST or BEL, are dropped whole; one cut short
    // by a control byte ends there.
    assert_eq!(keys(b"\x1b]2;eINJECTED\x1b\\q"), chars("q"));
    assert_eq!(keys(b"\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\q"), chars("q"));
    assert_eq!(keys(b"\x1b]0;title\x07q"), chars("q"));
    for intro in [b'P', b'X', b'^', b'_'] {
        let bytes = [&[0x1b, intro][..], b"1$r?", b"\x1b\\", b"q"].concat();
        assert_eq!(keys(&bytes), chars("q"), "{}", intro as char);
    }
    assert_eq!(keys(b"\x1bPq1\rq")[0], KeyCode::Enter.into());
    // Bad UTF-8 is skipped, not waited on.
    assert_eq!(keys(b"\xff\xc3q"), chars("q"));
}

fn feed(d: &mut Decoder, bytes: &[u8], end: bool) -> Vec<KeyEvent> {
    only_keys(d.feed(bytes, end))
}

/// A bracketed paste is one piece of text, whatever it holds (Enter, ESC, words that are
/// commands), however it is cut across reads; cut off, what came of it is the paste.
#[test]
fn a_bracketed_paste_is_one_piece_of_text() {
    let mut d = Decoder::default();
    let got = d.feed(b"x\x1b[200~Weekly drop-in\r\x1b[A q\x1b[201~y", true);
    assert_eq!(
        got,
        vec![
            Input::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)),
            Input::Paste("Weekly drop-in\r\x1b[A q".into()),
            Input::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE)),
        ]
    );
    // In pieces, the end marker cut in two.
    assert!(d.feed(b"\x1b[200~one ", true).is_empty());
    assert!(d.in_paste());
    assert!(d.feed(b"two\x1b[20", true).is_empty());
    assert_eq!(d.feed(b"1~", true), vec![Input::Paste("one two".into())]);
    assert!(!d.is_partial());
    // Cut off: the paste is what came.
    assert!(d.feed(b"\x1b[200~half", true).is_empty());
    assert_eq!(d.give_up(), vec![Input::Paste("half".into())]);
    assert_eq!(feed(&mut d, b"q", true), chars("q"));
}

#[test]
fn an_unfinished_sequence_waits_for_its_next_bytes_then_gives_up() {
    let mut d = Decoder::default();
    // Split across reads (an SSH packet boundary): completed by the next read.
    assert!(feed(&mut d, b"\x1b[1;", true).is_empty());
    assert!(d.is_partial());
    assert_eq!(
        feed(&mut d, b"5B", true),
        vec![KeyEvent::new(KeyCode::Down, KeyModifiers::CONTROL)]
    );
    assert!(!d.is_partial());
    // Left unfinished: dropped after the wait, and input goes on.
    assert!(feed(&mut d, b"\x1b[?", true).is_empty());
    assert!(only_keys(d.give_up()).is_empty());
    assert_eq!(feed(&mut d, b"q", true), chars("q"));
    // A half character of UTF-8 waits for its other half.
    assert!(feed(&mut d, &"é".as_bytes()[..1], true).is_empty());
    assert_eq!(feed(&mut d, &"é".as_bytes()[1..], true), chars("é"));
    // A runaway sequence is dropped without waiting.
    let long = [b"\x1b[".as_slice(), &[b'1'; 2000]].concat();
    assert!(feed(&mut d, &long, true).is_empty());
    assert!(!d.is_partial());
}

/// Arbitrary bytes never panic, and whatever came before, a later plain `q` after a
/// pause always arrives.
#[test]
fn after_any_bytes_and_a_pause_the_next_key_arrives() {
    use proptest::prelude::*;
    proptest!(|(bytes in proptest::collection::vec(any::<u8>(), 0..200))| {
        let mut d = Decoder::default();
        let _ = d.feed(&bytes, true);
        let _ = d.give_up();
        prop_assert_eq!(feed(&mut d, b"q", true), chars("q"));
    });
}
