//! The worker's side: serve measurement requests for any device.
//!
//! Verification: the worker computes the reference once per problem with
//! [`kiln_interp::reference`] (whole up to 2·10^7 loop iterations, else the
//! final output statements at 2048 spread positions per output), compares
//! those elements, and checks that no output element still holds the
//! sentinel (so a candidate that skips part of an output fails either way).
//!
//! Compilation runs on a thread of its own ([`CompileThread`]): the tuner
//! sends the next candidate along with the current one, so it compiles
//! while the current one is verified and warmed up; timed runs wait until
//! that thread is idle. A panic while compiling is that candidate's
//! `compile_error`, and the thread is replaced.

use super::protocol::{read_frame, write_frame, Incoming, Request, Response};
use kiln_device::{Artifact, Budget, Device, OpenOptions, Stats};
use kiln_ir::Specialized;
use kiln_tensor::{close, HostTensor};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;
use std::time::Duration;

struct Job {
    key: String,
    device: Arc<dyn Device>,
    source: String,
    kernel: String,
    sizes: BTreeMap<String, i64>,
    schedule: kiln_schedule::Schedule,
    inject: Option<String>,
}

type Compiled = Result<Box<dyn Artifact>, String>;

/// Compiles candidates on a thread of its own.
struct CompileThread {
    jobs: Sender<Job>,
    results: Receiver<(String, Compiled)>,
    done: HashMap<String, Compiled>,
    in_flight: HashSet<String>,
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

impl CompileThread {
    fn start() -> CompileThread {
        let (jtx, jrx) = std::sync::mpsc::channel::<Job>();
        let (rtx, rrx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("kiln-compile".into())
            .spawn(move || {
                for job in jrx {
                    let key = job.key.clone();
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        compile_job(&job)
                    }));
                    let (r, panicked) = match r {
                        Ok(r) => (r, false),
                        Err(p) => (
                            Err(format!("the compiler panicked: {}", panic_text(&*p))),
                            true,
                        ),
                    };
                    if rtx.send((key, r)).is_err() || panicked {
                        // After a panic this thread's compiler state is
                        // suspect: end it; the next submit starts a new one.
                        break;
                    }
                }
            })
            .expect("compile thread");
        CompileThread {
            jobs: jtx,
            results: rrx,
            done: Default::default(),
            in_flight: Default::default(),
        }
    }

    fn submit(&mut self, job: Job) {
        if self.done.contains_key(&job.key) || self.in_flight.contains(&job.key) {
            return;
        }
        let key = job.key.clone();
        if let Err(back) = self.jobs.send(job) {
            // The thread ended (after a panic): start another.
            let mut fresh = CompileThread::start();
            fresh.done = std::mem::take(&mut self.done);
            *self = fresh;
            let _ = self.jobs.send(back.0);
        }
        self.in_flight.insert(key);
    }

    fn collect_one(&mut self) -> bool {
        match self.results.recv() {
            Ok((k, r)) => {
                self.in_flight.remove(&k);
                self.done.insert(k, r);
                true
            }
            Err(_) => {
                // The thread ended: whatever it had queued is lost.
                for k in std::mem::take(&mut self.in_flight) {
                    self.done
                        .insert(k, Err("the compile thread ended before this job".into()));
                }
                false
            }
        }
    }

    /// Waits for `key`'s result and takes it.
    fn take(&mut self, key: &str) -> Compiled {
        while !self.done.contains_key(key) {
            if !self.in_flight.contains(key) {
                return Err("not submitted".into());
            }
            self.collect_one();
        }
        self.done.remove(key).expect("present")
    }

    /// Waits until nothing is compiling.
    fn drain(&mut self) {
        while !self.in_flight.is_empty() && self.collect_one() {}
    }
}

fn compile_job(job: &Job) -> Compiled {
    inject(job.inject.as_deref(), true);
    let kernels = kiln_ir::check_source(&job.source).map_err(|d| format!("{:?}", d.first()))?;
    let k = kernels
        .iter()
        .find(|k| k.name == job.kernel)
        .ok_or("no such kernel")?;
    let spec = Specialized::from_sizes(k, &job.sizes).map_err(|d| d.to_string())?;
    job.device
        .compile(&spec, &job.schedule)
        .map_err(|e| e.to_string())
}

fn job_for(
    req: &Request,
    device: &Arc<dyn Device>,
    schedule: &kiln_schedule::Schedule,
    inject: Option<String>,
) -> Job {
    let sched = serde_json::to_string(schedule).expect("schedules serialize");
    Job {
        key: format!(
            "{}|{}|{}|{:?}|{sched}",
            device.info().name,
            blake3::hash(req.source.as_bytes()).to_hex(),
            req.kernel,
            req.sizes
        ),
        device: device.clone(),
        source: req.source.clone(),
        kernel: req.kernel.clone(),
        sizes: req.sizes.clone(),
        schedule: schedule.clone(),
        inject,
    }
}

struct Problem {
    key: (String, String, BTreeMap<String, i64>),
    inputs: Vec<HostTensor>,
    reference: Vec<Vec<(usize, f64)>>,
}

/// A worker's state between requests: the open device, the current
/// problem's inputs and reference, the compile thread.
#[derive(Default)]
pub(crate) struct State {
    device: Option<(String, Arc<dyn Device>)>,
    problem: Option<Problem>,
    compiler: Option<CompileThread>,
}

/// Test hooks (`KILN_TEST_INJECT=1` only): fault like broken generated code.
fn inject(what: Option<&str>, compiling: bool) {
    if std::env::var("KILN_TEST_INJECT").as_deref() != Ok("1") {
        return;
    }
    match (what, compiling) {
        (Some("crash"), false) | (Some("compile-crash"), true) => std::process::abort(),
        (Some("hang"), false) | (Some("compile-hang"), true) => loop {
            std::thread::sleep(Duration::from_secs(1));
        },
        (Some("compile-panic"), true) => panic!("injected compiler panic"),
        _ => {}
    }
}

/// Exits when the parent process goes away (re-parenting changes our
/// parent id), so a killed tuner leaves no worker running a hanging
/// candidate.
fn watch_parent() {
    let parent = std::os::unix::process::parent_id();
    std::thread::Builder::new()
        .name("kiln-parent-watch".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(100));
            if std::os::unix::process::parent_id() != parent {
                // SAFETY: `_exit` ends the process at once, without running
                // destructors or atexit handlers that could wait on locks
                // held by a thread stuck in a hanging candidate.
                #[allow(unsafe_code)]
                unsafe {
                    libc::_exit(3)
                };
            }
        })
        .expect("watch thread");
}

/// The protocol's output: a private copy of stdout; stdout itself then
/// points at stderr, so stray prints of drivers and libraries never reach
/// the channel.
fn protocol_out() -> std::fs::File {
    use std::os::fd::{AsFd, OwnedFd};
    let stdout = std::io::stdout();
    let own: OwnedFd = stdout
        .as_fd()
        .try_clone_to_owned()
        .expect("duplicate stdout");
    // SAFETY: dup2 on two descriptors this process owns (1 and 2); no Rust
    // object assumes anything about what fd 1 refers to.
    #[allow(unsafe_code)]
    unsafe {
        libc::dup2(2, 1);
    }
    std::fs::File::from(own)
}

/// Serves requests on stdin until EOF (the body of `kiln worker`).
pub fn worker_main() -> i32 {
    watch_parent();
    let mut out = protocol_out();
    let mut state = State::default();
    let mut input = std::io::BufReader::new(std::io::stdin());
    while let Ok(Some(msg)) = read_frame(&mut input) {
        let Incoming::Frame(body) = msg else { continue };
        let resp = match serde_json::from_slice::<Request>(&body) {
            Ok(req) => serve_guarded(&mut state, &req),
            Err(e) => Response::fail("compile_error", format!("bad request: {e}")),
        };
        if write_frame(&mut out, &resp).is_err() {
            break;
        }
    }
    0
}

/// [`serve`], with a panic turned into this candidate's failure.
pub(crate) fn serve_guarded(state: &mut State, req: &Request) -> Response {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| serve(state, req))) {
        Ok(r) => r,
        Err(p) => {
            // Drop what the panic may have left half-built.
            *state = State::default();
            Response::fail(
                "compile_error",
                format!(
                    "kiln panicked measuring this candidate: {}",
                    panic_text(&*p)
                ),
            )
        }
    }
}

fn serve(state: &mut State, req: &Request) -> Response {
    inject(req.inject.as_deref(), false);
    if state.device.as_ref().is_none_or(|(n, _)| *n != req.device) {
        let opts = OpenOptions {
            cache_dir: req.cache_dir.clone(),
            target: req.target.clone(),
            ..OpenOptions::default()
        };
        match kiln_registry::open(&req.device, &opts) {
            Ok(d) => state.device = Some((req.device.clone(), d)),
            Err(e) => return Response::fail("compile_error", e),
        }
    }
    let device = state.device.as_ref().expect("opened above").1.clone();
    if req.overhead {
        return match device.empty_launch(&req.schedule, &kiln_device::OVERHEAD_BUDGET) {
            Ok(st) => Response {
                status: "ok".into(),
                error: None,
                stats: Some(st),
                compile_s: 0.0,
            },
            Err(e) => Response::fail("compile_error", e),
        };
    }
    let kernels = match kiln_ir::check_source(&req.source) {
        Ok(k) => k,
        Err(d) => return Response::fail("compile_error", format!("{:?}", d.first())),
    };
    let Some(k) = kernels.iter().find(|k| k.name == req.kernel) else {
        return Response::fail("compile_error", format!("no kernel {}", req.kernel));
    };
    let spec = match Specialized::from_sizes(k, &req.sizes) {
        Ok(s) => s,
        Err(d) => return Response::fail("compile_error", d),
    };
    let key = (k.hash.clone(), k.name.clone(), req.sizes.clone());
    if state.problem.as_ref().is_none_or(|p| p.key != key) {
        let inputs = kiln_tensor::random_inputs(&spec, 7);
        let reference = match kiln_interp::reference(&spec, &inputs) {
            Ok(r) => r,
            Err(e) => return Response::fail("compile_error", format!("reference: {e}")),
        };
        state.problem = Some(Problem {
            key,
            inputs,
            reference,
        });
    }
    let p = state.problem.as_ref().expect("set above");
    // This candidate first, then the next one, on the compile thread.
    let compiler = state.compiler.get_or_insert_with(CompileThread::start);
    let job = job_for(req, &device, &req.schedule, req.inject.clone());
    let key = job.key.clone();
    compiler.submit(job);
    if let Some(next) = &req.prefetch {
        compiler.submit(job_for(req, &device, next, req.prefetch_inject.clone()));
    }
    let artifact = match compiler.take(&key) {
        Ok(a) => a,
        Err(e) => return Response::fail("compile_error", e),
    };
    let compile_s = artifact.compile_s();
    // Resources the assembler reported rule it out: no device time for it.
    if let Some(why) = artifact.unfit() {
        return Response {
            compile_s,
            ..Response::fail("pruned", why)
        };
    }
    let loaded = match device.load(artifact) {
        Ok(l) => l,
        Err(e) => return Response::fail("compile_error", e),
    };
    let compile_s = compile_s.max(loaded.compile_s());
    let with_time = |r: Response| Response { compile_s, ..r };
    let mut bound = match loaded.bind(&p.inputs) {
        Ok(b) => b,
        Err(e) => return with_time(Response::fail("compile_error", e)),
    };
    if req.verify {
        let run = bound
            .fill_sentinel()
            .and_then(|_| bound.launch())
            .and_then(|_| bound.outputs());
        match run {
            Ok(outs) => {
                if let Err(e) = check_outputs(&outs, &p.reference) {
                    return with_time(Response::fail("wrong", e));
                }
            }
            Err(e) => return with_time(Response::fail("compile_error", e)),
        }
    }
    // Warm up while the next candidate may still be compiling, then wait
    // for the compile thread: every timed run below has the cores alone.
    let warm = std::time::Instant::now();
    loop {
        if let Err(e) = bound.launch() {
            return with_time(Response::fail("compile_error", e));
        }
        if warm.elapsed() >= Duration::from_millis(req.warmup_ms) {
            break;
        }
    }
    compiler.drain();
    // Early abandon: three runs clearly slower than the best so far.
    if let Some(best) = req.best_s {
        let probe = Budget {
            warmup: Duration::ZERO,
            time: Duration::ZERO,
            min_reps: 3,
            max_reps: 3,
            stable_se: None,
        };
        match kiln_device::time_bound(bound.as_mut(), &probe, req.cold) {
            Ok(st) => {
                if let Some(r) = abandoned(st, best, compile_s) {
                    return r;
                }
            }
            Err(e) => return with_time(Response::fail("compile_error", e)),
        }
    }
    let budget = Budget {
        warmup: Duration::ZERO,
        time: Duration::from_millis(req.time_ms),
        min_reps: req.min_reps.max(3),
        max_reps: 100_000,
        // Stop once the median is stable (standard error under 1%); cold
        // runs are noisier by nature and use the whole time.
        stable_se: (!req.cold).then_some(0.01),
    };
    match kiln_device::time_bound(bound.as_mut(), &budget, req.cold) {
        Ok(stats) => Response {
            status: "ok".into(),
            error: None,
            stats: Some(stats),
            compile_s,
        },
        Err(e) => with_time(Response::fail("compile_error", e)),
    }
}

/// `Response` for a candidate whose probe runs are over 1.5x the best time
/// so far, if it is one.
fn abandoned(probe: Stats, best: f64, compile_s: f64) -> Option<Response> {
    (probe.min_s > 1.5 * best).then(|| Response {
        status: "abandoned".into(),
        error: Some(format!(
            "{:.3} ms is over 1.5x the best {:.3} ms",
            probe.min_s * 1e3,
            best * 1e3
        )),
        stats: Some(probe),
        compile_s,
    })
}

/// Compares outputs with the reference samples; no output element may keep
/// the sentinel unless the reference says NaN there.
pub(crate) fn check_outputs(
    outs: &[HostTensor],
    reference: &[Vec<(usize, f64)>],
) -> Result<(), String> {
    for (o, (got, want)) in outs.iter().zip(reference).enumerate() {
        let left = got.sentinel_positions();
        let wanted_nan = |i: usize| want.iter().any(|&(j, v)| j == i && v.is_nan());
        if let Some(&i) = left.iter().find(|&&i| !wanted_nan(i)) {
            return Err(format!(
                "output {o}: element {i} was never written ({} in all)",
                left.len()
            ));
        }
        let g = got.to_f64();
        for &(i, w) in want {
            let v = g[i];
            if !close(v, w, got.dtype()) {
                return Err(format!(
                    "output {o}: element {i} is {v}, the reference says {w}"
                ));
            }
        }
    }
    Ok(())
}
