//! Measurement in a separate process.
//!
//! The tuner sends one framed JSON request ([`protocol`]) to a worker
//! process (`kiln worker`) and reads one framed response. The worker
//! compiles the candidate for the named device, runs it once on outputs
//! pre-filled with a sentinel and checks it against the reference
//! interpreter, then times it with the device's clock (`serve`). A
//! candidate that crashes takes only the worker down, and one that hangs
//! is killed at its deadline: the tuner records the failure (with the
//! worker's last stderr lines) and starts a fresh worker. A worker whose
//! parent dies exits within a fraction of a second (it watches its parent
//! id), so a killed `kiln tune` leaves no worker behind.
//!
//! [`Worker::in_process`] serves requests on a thread of the calling
//! process instead: no executable needed, but no crash isolation and no
//! deadline (a hanging candidate hangs the caller).

pub mod protocol;
mod serve;

pub use protocol::{Request, Response};
pub use serve::worker_main;

use protocol::{read_frame, write_frame, Incoming};
use std::collections::VecDeque;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Lines of the worker's stderr kept for a crash report.
const STDERR_LINES: usize = 12;

/// Finds the executable that serves `kiln worker`: `$KILN_WORKER`, then a
/// `kiln` beside the running program (or one directory up, as for test
/// binaries in `target/*/deps`), then `kiln` on `PATH`.
pub fn locate() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("KILN_WORKER").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("KILN_WORKER={} is not a file", p.display()))
        };
    }
    let beside = std::env::current_exe().ok().and_then(|exe| {
        let dir = exe.parent()?.to_path_buf();
        [dir.join("kiln"), dir.parent()?.join("kiln")]
            .into_iter()
            .find(|p| p.is_file())
    });
    if let Some(p) = beside {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|d| d.join("kiln"))
            .find(|p| p.is_file())
    }) {
        return Ok(p);
    }
    Err("no `kiln` executable to run measurements in: set KILN_WORKER to the kiln binary, put `kiln` beside this program or on PATH (cargo build -p kiln-cli), or tune in-process".into())
}

/// What came back from the worker.
pub enum Outcome {
    /// A response.
    Done(Response),
    /// The worker died (a crashing candidate): how it ended and its last
    /// stderr lines.
    Crashed(String),
    /// No response before the deadline; the worker was killed.
    TimedOut,
}

struct Process {
    child: Child,
    stdin: ChildStdin,
    frames: Receiver<Vec<u8>>,
    stderr: Arc<Mutex<VecDeque<String>>>,
}

enum Mode {
    Process {
        exe: PathBuf,
        args: Vec<String>,
        env: Vec<(String, String)>,
        proc: Option<Process>,
    },
    InProcess(Box<serve::State>),
}

/// The tuner's handle on its measurement worker.
pub struct Worker {
    mode: Mode,
}

fn keep_last(buf: &Mutex<VecDeque<String>>, line: String) {
    let mut b = buf.lock().unwrap_or_else(|p| p.into_inner());
    if b.len() == STDERR_LINES {
        b.pop_front();
    }
    b.push_back(line);
}

impl Worker {
    /// A handle that starts `exe worker` on first use.
    pub fn new(exe: PathBuf) -> Worker {
        Worker::command(exe, vec!["worker".into()])
    }

    /// A handle that starts `program args...` on first use: any program
    /// that serves the worker protocol on its stdin and stdout (e.g. a
    /// Python interpreter running `kiln._worker`).
    pub fn command(program: PathBuf, args: Vec<String>) -> Worker {
        Worker {
            mode: Mode::Process {
                exe: program,
                args,
                env: Vec::new(),
                proc: None,
            },
        }
    }

    /// Sets an environment variable for the worker processes it starts.
    pub fn env(mut self, key: &str, value: &str) -> Worker {
        if let Mode::Process { env, .. } = &mut self.mode {
            env.push((key.into(), value.into()));
        }
        self
    }

    /// A worker inside this process: no crash isolation, no deadline.
    pub fn in_process() -> Worker {
        Worker {
            mode: Mode::InProcess(Box::default()),
        }
    }

    /// The executable, for messages (`in-process` otherwise).
    pub fn exe(&self) -> &Path {
        match &self.mode {
            Mode::Process { exe, .. } => exe,
            Mode::InProcess(_) => Path::new("in-process"),
        }
    }

    fn ensure(
        exe: &Path,
        args: &[String],
        env: &[(String, String)],
        slot: &mut Option<Process>,
    ) -> std::io::Result<()> {
        if slot.is_some() {
            return Ok(());
        }
        let mut child = Command::new(exe)
            .args(args)
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        let errout = child.stderr.take().expect("piped");
        let stderr: Arc<Mutex<VecDeque<String>>> = Arc::default();
        let (tx, rx) = std::sync::mpsc::channel();
        let noise = stderr.clone();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Ok(Some(x)) = read_frame(&mut r) {
                match x {
                    Incoming::Frame(body) => {
                        if tx.send(body).is_err() {
                            break;
                        }
                    }
                    Incoming::Stray(line) => keep_last(&noise, format!("(stdout) {line}")),
                }
            }
        });
        let keep = stderr.clone();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in BufReader::new(errout).lines() {
                let Ok(line) = line else { break };
                keep_last(&keep, line);
            }
        });
        *slot = Some(Process {
            child,
            stdin,
            frames: rx,
            stderr,
        });
        Ok(())
    }

    /// Kills the worker (if any) and says how it ended, with its last
    /// stderr lines.
    fn kill(slot: &mut Option<Process>) -> String {
        let Some(mut p) = slot.take() else {
            return "no worker".into();
        };
        let _ = p.child.kill();
        let how = match p.child.wait() {
            Ok(s) => format!("worker ended: {s}"),
            Err(e) => format!("worker lost: {e}"),
        };
        // Let the reader thread take the last lines of a dying worker.
        std::thread::sleep(Duration::from_millis(20));
        let lines = p.stderr.lock().unwrap_or_else(|e| e.into_inner());
        if lines.is_empty() {
            how
        } else {
            let tail: Vec<&str> = lines.iter().map(String::as_str).collect();
            format!("{how}; its last stderr lines:\n{}", tail.join("\n"))
        }
    }

    /// Ends the worker process now (it is restarted on the next request).
    pub fn restart(&mut self) {
        if let Mode::Process { proc, .. } = &mut self.mode {
            Self::kill(proc);
        }
    }

    /// Sends a request and waits up to `deadline` for the response.
    pub fn request(&mut self, req: &Request, deadline: Duration) -> std::io::Result<Outcome> {
        let (exe, args, env, slot) = match &mut self.mode {
            Mode::InProcess(state) => return Ok(Outcome::Done(serve::serve_guarded(state, req))),
            Mode::Process {
                exe,
                args,
                env,
                proc,
            } => (exe, args, env, proc),
        };
        Self::ensure(exe, args, env, slot)?;
        let p = slot.as_mut().expect("started");
        if write_frame(&mut p.stdin, req).is_err() {
            return Ok(Outcome::Crashed(Self::kill(slot)));
        }
        match p.frames.recv_timeout(deadline) {
            Ok(body) => match serde_json::from_slice(&body) {
                Ok(r) => Ok(Outcome::Done(r)),
                Err(e) => Ok(Outcome::Crashed(format!(
                    "unreadable response ({e}); {}",
                    Self::kill(slot)
                ))),
            },
            Err(RecvTimeoutError::Timeout) => {
                Self::kill(slot);
                Ok(Outcome::TimedOut)
            }
            Err(RecvTimeoutError::Disconnected) => Ok(Outcome::Crashed(Self::kill(slot))),
        }
    }

    /// The worker's process id, if one is running (tests).
    pub fn pid(&self) -> Option<u32> {
        match &self.mode {
            Mode::Process { proc: Some(p), .. } => Some(p.child.id()),
            _ => None,
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.restart();
    }
}
