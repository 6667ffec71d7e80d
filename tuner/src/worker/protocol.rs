//! The messages between the tuner and its worker, and their framing.
//!
//! Each message is one frame: a header line `\x1ekiln-frame <bytes>`
//! followed by exactly that many bytes of JSON and a newline. The reader
//! skips anything between frames (stray output of a driver or a library
//! cannot corrupt a message; the worker also points its own stdout at
//! stderr and keeps the protocol on a private descriptor).

use kiln_device::Stats;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// Start of a frame's header line.
const MAGIC: &str = "\u{1e}kiln-frame ";

/// A measurement request.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request {
    /// Whole source file.
    pub source: String,
    /// Kernel name.
    pub kernel: String,
    /// Size symbol values.
    pub sizes: BTreeMap<String, i64>,
    /// The candidate.
    pub schedule: kiln_schedule::Schedule,
    /// Warm-up milliseconds.
    pub warmup_ms: u64,
    /// Timed milliseconds (upper bound; stops early once stable).
    pub time_ms: u64,
    /// Fewest timed runs.
    pub min_reps: usize,
    /// Best median so far (seconds): a candidate clearly slower is abandoned.
    #[serde(default)]
    pub best_s: Option<f64>,
    /// Evict the caches before every timed run (outside the timed region).
    #[serde(default)]
    pub cold: bool,
    /// Check against the reference first.
    #[serde(default = "yes")]
    pub verify: bool,
    /// Test hook, honoured only when `KILN_TEST_INJECT=1`: `crash`,
    /// `hang`, `compile-crash`, `compile-panic` (the last two on the
    /// compile thread, while compiling this schedule).
    #[serde(default)]
    pub inject: Option<String>,
    /// Measure an empty launch instead of the candidate.
    #[serde(default)]
    pub overhead: bool,
    /// The schedule the tuner will ask for next: compiled on the worker's
    /// compile thread while this candidate is verified and warmed up.
    #[serde(default)]
    pub prefetch: Option<kiln_schedule::Schedule>,
    /// Test hook for `prefetch` (as `inject`, applied to its compile).
    #[serde(default)]
    pub prefetch_inject: Option<String>,
    /// Device name (`cpu`, `opencl:0`).
    pub device: String,
    /// Cache directory (drivers keep program binaries under it).
    #[serde(default)]
    pub cache_dir: Option<PathBuf>,
    /// Code-generation target the device was opened with (`sm_90`).
    #[serde(default)]
    pub target: Option<String>,
}

fn yes() -> bool {
    true
}

/// A measurement result.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Response {
    /// `ok`, `wrong`, `compile_error` or `abandoned`.
    pub status: String,
    /// Error text.
    #[serde(default)]
    pub error: Option<String>,
    /// Timing.
    #[serde(default)]
    pub stats: Option<Stats>,
    /// Compile seconds.
    #[serde(default)]
    pub compile_s: f64,
}

impl Response {
    /// A failure with its status and message.
    pub fn fail(status: &str, e: impl ToString) -> Response {
        Response {
            status: status.into(),
            error: Some(e.to_string()),
            stats: None,
            compile_s: 0.0,
        }
    }
}

/// Writes one frame.
pub fn write_frame(w: &mut impl Write, msg: &impl Serialize) -> std::io::Result<()> {
    let body = serde_json::to_vec(msg).map_err(std::io::Error::other)?;
    writeln!(w, "{MAGIC}{}", body.len())?;
    w.write_all(&body)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// What the reader found next.
pub enum Incoming {
    /// A frame's body.
    Frame(Vec<u8>),
    /// A line that is not part of any frame.
    Stray(String),
}

/// Reads the next frame or stray line; `None` at end of stream.
pub fn read_frame(r: &mut impl BufRead) -> std::io::Result<Option<Incoming>> {
    let mut line = String::new();
    if r.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let Some(len) = line
        .strip_prefix(MAGIC)
        .and_then(|n| n.trim_end().parse::<usize>().ok())
    else {
        return Ok(Some(Incoming::Stray(line.trim_end().to_string())));
    };
    let mut body = vec![0u8; len + 1];
    r.read_exact(&mut body)?;
    if body.pop() != Some(b'\n') {
        return Err(std::io::Error::other("a frame does not end with a newline"));
    }
    Ok(Some(Incoming::Frame(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_survive_stray_output_around_and_inside_lines() {
        let mut buf = Vec::new();
        buf.extend_from_slice(b"driver says hi\n{\"status\":\"fake\"}\n");
        write_frame(&mut buf, &serde_json::json!({"status": "ok", "n": "a\nb"})).unwrap();
        buf.extend_from_slice(b"more noise\n");
        write_frame(&mut buf, &serde_json::json!([1, 2])).unwrap();
        let mut r = std::io::BufReader::new(&buf[..]);
        let mut frames = Vec::new();
        let mut stray = Vec::new();
        while let Some(x) = read_frame(&mut r).unwrap() {
            match x {
                Incoming::Frame(b) => {
                    frames.push(serde_json::from_slice::<serde_json::Value>(&b).unwrap())
                }
                Incoming::Stray(s) => stray.push(s),
            }
        }
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[0]["n"], "a\nb");
        assert_eq!(frames[1], serde_json::json!([1, 2]));
        assert_eq!(
            stray,
            ["driver says hi", "{\"status\":\"fake\"}", "more noise"]
        );
    }
}
