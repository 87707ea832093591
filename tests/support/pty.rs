//! A real pseudo-terminal running the real binary, read back through vt100: shared by the
//! end-to-end test files (each uses part of it, hence the allowance).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_tocplan");

/// Generous limits: these guard against a hung test, they do not measure speed.
pub const WAIT: Duration = Duration::from_secs(20);

pub struct Session {
    pub rx: mpsc::Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    pub fn start(args: &[&str], dir: &std::path::Path) -> Session {
        Session::start_env(args, dir, &[])
    }

    pub fn start_env(args: &[&str], dir: &std::path::Path, env: &[(&str, &str)]) -> Session {
        Session::start_program(BIN, args, dir, env)
    }

    /// Any program (a shell that redirects, say) in the pseudo-terminal.
    pub fn start_program(
        program: &str,
        args: &[&str],
        dir: &std::path::Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", dir.join("config"));
        // Recovery copies the plan's folder cannot hold go here, never to the real home.
        cmd.env("XDG_STATE_HOME", dir.join("state"));
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORTERM");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        // keep the master alive as long as the session by leaking it into the thread above
        std::mem::forget(pty.master);
        Session {
            rx,
            parser: vt100::Parser::new(24, 80, 0),
            raw: Vec::new(),
            writer,
            child,
        }
    }

    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(text, |screen| screen.contains(text))
    }

    pub fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.parser.screen().contents();
            if done(&screen) {
                return screen;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what:?}; screen:\n{screen}"
            );
            if let Ok(bytes) = self.rx.recv_timeout(left.min(Duration::from_millis(200))) {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + WAIT;
        loop {
            while let Ok(bytes) = self.rx.try_recv() {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
            if let Some(status) = self.child.try_wait().expect("wait") {
                std::thread::sleep(Duration::from_millis(100));
                while let Ok(bytes) = self.rx.try_recv() {
                    self.raw.extend_from_slice(&bytes);
                }
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "the app did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A copy of an example plan as p.toml in a fresh folder.
pub fn example_copy(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.toml");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans")
            .join(name),
        &path,
    )
    .expect("copy");
    (dir, path)
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
