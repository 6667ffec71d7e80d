//! Measurement in a separate process.
//!
//! The tuner sends one JSON request per line to a worker process (`kiln
//! worker`) and reads one JSON response per line. The worker compiles the
//! candidate, runs it once on outputs pre-filled with a sentinel and checks
//! it against the reference interpreter, then times it. A candidate that
//! crashes takes only the worker down, and one that hangs is killed at its
//! deadline: the tuner records the failure and starts a fresh worker.
//!
//! Verification: the worker computes the reference once per problem with
//! [`kiln_interp::reference`] (whole up to 2·10^7 loop iterations, else the
//! final output statements at 2048 spread positions per output), compares
//! those elements, and checks that no output element still holds the
//! sentinel (so a candidate that skips part of an output fails either way).

use kiln_cpu::measure::{Budget, Stats};
use kiln_cpu::CpuCompiler;
use kiln_ir::{DType, Specialized};
use kiln_tensor::{close, HostTensor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

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
    /// Test hook, honoured only when `KILN_TEST_INJECT=1`: `crash` or `hang`.
    #[serde(default)]
    pub inject: Option<String>,
    /// Measure an empty launch instead of the candidate.
    #[serde(default)]
    pub overhead: bool,
    /// The schedule the tuner will ask for next: compiled on the worker's
    /// compile thread while this candidate is verified and warmed up.
    #[serde(default)]
    pub prefetch: Option<kiln_schedule::Schedule>,
    /// OpenCL device index; `None` measures on the host CPU.
    #[serde(default)]
    pub device: Option<usize>,
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

/// A compiled kernel handed from the compile thread to the measuring thread.
struct SendKernel(kiln_cpu::CompiledKernel);

// SAFETY: a kernel (and the LLVM context it owns) is built on the compile
// thread and then used only by the measuring thread that receives it; one
// thread at a time uses it, which LLVM allows.
#[allow(unsafe_code)]
unsafe impl Send for SendKernel {}

struct Job {
    key: String,
    source: String,
    kernel: String,
    sizes: BTreeMap<String, i64>,
    schedule: kiln_schedule::Schedule,
}

/// Compiles candidates on a thread of its own (with its own MLIR and LLVM
/// state), so the next candidate compiles while the current one is
/// verified and warmed up. Timed runs wait until it is idle.
struct CompileThread {
    jobs: std::sync::mpsc::Sender<Job>,
    results: Receiver<(String, Result<SendKernel, String>)>,
    done: std::collections::HashMap<String, Result<SendKernel, String>>,
    in_flight: std::collections::HashSet<String>,
}

impl CompileThread {
    fn start() -> CompileThread {
        let (jtx, jrx) = std::sync::mpsc::channel::<Job>();
        let (rtx, rrx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("kiln-compile".into())
            .spawn(move || {
                let cpu = CpuCompiler::new();
                for job in jrx {
                    let r = match &cpu {
                        Ok(cpu) => compile_job(cpu, &job),
                        Err(e) => Err(e.to_string()),
                    };
                    if rtx.send((job.key, r)).is_err() {
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
        self.in_flight.insert(job.key.clone());
        let _ = self.jobs.send(job);
    }

    fn collect_one(&mut self) -> bool {
        match self.results.recv() {
            Ok((k, r)) => {
                self.in_flight.remove(&k);
                self.done.insert(k, r);
                true
            }
            Err(_) => false,
        }
    }

    /// Waits for `key`'s result and takes it.
    fn take(&mut self, key: &str) -> Result<kiln_cpu::CompiledKernel, String> {
        while !self.done.contains_key(key) {
            if !self.in_flight.contains(key) || !self.collect_one() {
                return Err("compile thread lost".into());
            }
        }
        self.done.remove(key).expect("present").map(|k| k.0)
    }

    /// Waits until nothing is compiling.
    fn drain(&mut self) {
        while !self.in_flight.is_empty() && self.collect_one() {}
    }
}

fn compile_job(cpu: &CpuCompiler, job: &Job) -> Result<SendKernel, String> {
    let kernels = kiln_ir::check_source(&job.source).map_err(|d| format!("{:?}", d.first()))?;
    let k = kernels
        .iter()
        .find(|k| k.name == job.kernel)
        .ok_or("no such kernel")?;
    let spec = Specialized::from_sizes(k, &job.sizes).map_err(|d| d.to_string())?;
    cpu.compile(&spec, &job.schedule)
        .map(SendKernel)
        .map_err(|e| e.to_string())
}

fn job_for(req: &Request, schedule: &kiln_schedule::Schedule) -> Job {
    let sched = serde_json::to_string(schedule).expect("schedules serialize");
    Job {
        key: format!(
            "{}|{}|{:?}|{sched}",
            blake3::hash(req.source.as_bytes()).to_hex(),
            req.kernel,
            req.sizes
        ),
        source: req.source.clone(),
        kernel: req.kernel.clone(),
        sizes: req.sizes.clone(),
        schedule: schedule.clone(),
    }
}

struct Problem {
    key: (String, String, BTreeMap<String, i64>),
    inputs: Vec<HostTensor>,
    reference: Vec<Vec<(usize, f64)>>,
}

/// Serves requests on stdin until EOF (the body of `kiln worker`).
pub fn worker_main() -> i32 {
    let cpu = match CpuCompiler::new() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("kiln worker: {e}");
            return 1;
        }
    };
    let mut problem: Option<Problem> = None;
    let mut compiler = CompileThread::start();
    let mut ocl: Option<Ocl> = None;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let resp = match serde_json::from_str::<Request>(&line) {
            Ok(req) => serve(&cpu, &mut compiler, &mut ocl, &mut problem, &req),
            Err(e) => Response {
                status: "compile_error".into(),
                error: Some(format!("bad request: {e}")),
                stats: None,
                compile_s: 0.0,
            },
        };
        let text = serde_json::to_string(&resp).expect("responses serialize");
        if writeln!(out, "{text}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    0
}

fn fail(status: &str, e: impl ToString) -> Response {
    Response {
        status: status.into(),
        error: Some(e.to_string()),
        stats: None,
        compile_s: 0.0,
    }
}

/// The worker's OpenCL state: compiler and device, opened on first use.
struct Ocl {
    compiler: kiln_opencl::OclCompiler,
    rt: kiln_opencl::Runtime,
}

fn serve(
    cpu: &CpuCompiler,
    compiler: &mut CompileThread,
    ocl: &mut Option<Ocl>,
    problem: &mut Option<Problem>,
    req: &Request,
) -> Response {
    if std::env::var("KILN_TEST_INJECT").as_deref() == Ok("1") {
        match req.inject.as_deref() {
            // SAFETY: none: this deliberately faults, like broken generated code.
            #[allow(unsafe_code)]
            Some("crash") => unsafe { std::ptr::null_mut::<u64>().write_volatile(1) },
            Some("hang") => loop {
                std::thread::sleep(Duration::from_secs(1));
            },
            _ => {}
        }
    }
    if req.overhead && req.device.is_none() {
        return empty_launch(cpu);
    }
    if let Some(index) = req.device {
        if ocl.as_ref().is_none_or(|o| o.rt.device.index != index) {
            let dir = kiln_cache::default_dir(None).join("opencl-bin");
            match kiln_opencl::Runtime::new(index, Some(dir)) {
                Ok(rt) => {
                    *ocl = Some(Ocl {
                        compiler: kiln_opencl::OclCompiler::new(),
                        rt,
                    })
                }
                Err(e) => return fail("compile_error", e),
            }
        }
    }
    if req.overhead {
        let o = ocl.as_ref().expect("opened above");
        return ocl_empty_launch(o);
    }
    let kernels = match kiln_ir::check_source(&req.source) {
        Ok(k) => k,
        Err(d) => return fail("compile_error", format!("{:?}", d.first())),
    };
    let Some(k) = kernels.iter().find(|k| k.name == req.kernel) else {
        return fail("compile_error", format!("no kernel {}", req.kernel));
    };
    let spec = match Specialized::from_sizes(k, &req.sizes) {
        Ok(s) => s,
        Err(d) => return fail("compile_error", d),
    };
    let key = (k.hash.clone(), k.name.clone(), req.sizes.clone());
    if problem.as_ref().is_none_or(|p| p.key != key) {
        let inputs = kiln_tensor::random_inputs(&spec, 7);
        let reference = match kiln_interp::reference(&spec, &inputs) {
            Ok(r) => r,
            Err(e) => return fail("compile_error", format!("reference: {e}")),
        };
        *problem = Some(Problem {
            key,
            inputs,
            reference,
        });
    }
    let p = problem.as_ref().expect("set above");
    if let Some(o) = ocl.as_ref().filter(|_| req.device.is_some()) {
        return serve_ocl(o, &spec, p, req);
    }
    // This candidate first, then the next one, on the compile thread.
    let job = job_for(req, &req.schedule);
    let key = job.key.clone();
    compiler.submit(job);
    if let Some(next) = &req.prefetch {
        compiler.submit(job_for(req, next));
    }
    let compiled = match compiler.take(&key) {
        Ok(c) => c,
        Err(e) => return fail("compile_error", e),
    };
    let compile_s = compiled.compile_time.as_secs_f64();
    let mut bound = match compiled.bind(&p.inputs) {
        Ok(b) => b,
        Err(e) => return fail("compile_error", e),
    };
    if req.verify {
        bound.fill_sentinel();
        bound.launch();
        if let Err(e) = check_outputs(&bound.outputs(), &p.reference) {
            return Response {
                compile_s,
                ..fail("wrong", e)
            };
        }
    }
    // Warm up while the next candidate may still be compiling, then wait
    // for the compile thread: every timed run below has the cores alone.
    let warm = std::time::Instant::now();
    bound.launch();
    while warm.elapsed() < Duration::from_millis(req.warmup_ms) {
        bound.launch();
    }
    compiler.drain();
    // Early abandon: three runs clearly slower than the best so far.
    if let Some(best) = req.best_s {
        let probe = kiln_cpu::measure::time_fn(
            &Budget {
                warmup: Duration::ZERO,
                time: Duration::ZERO,
                min_reps: 3,
                max_reps: 3,
                stable_se: None,
            },
            || bound.launch(),
        );
        if let Some(r) = abandoned(probe, best, compile_s) {
            return r;
        }
    }
    let budget = Budget {
        warmup: Duration::ZERO,
        time: Duration::from_millis(req.time_ms),
        min_reps: req.min_reps.max(3),
        max_reps: 100_000,
        stable_se: None,
    };
    let stats = if req.cold {
        kiln_cpu::measure::time_between(&budget, cache_evictor(), || bound.launch())
    } else {
        // Stop once the median is stable: standard error under 1%.
        let stable = Budget {
            stable_se: Some(0.01),
            ..budget
        };
        kiln_cpu::measure::time_fn(&stable, || bound.launch())
    };
    Response {
        status: "ok".into(),
        error: None,
        stats: Some(stats),
        compile_s,
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

/// A one-element copy: its launch time is the launch overhead.
fn empty_kernel() -> kiln_ir::Kernel {
    kiln_ir::check_source("kernel empty(x: f32[N]) -> (y: f32[N]) { y[i] = x[i]; }")
        .expect("valid")
        .remove(0)
}

/// How long the empty launch is timed.
const OVERHEAD_BUDGET: Budget = Budget {
    warmup: Duration::from_millis(20),
    time: Duration::from_millis(100),
    min_reps: 10,
    max_reps: 100_000,
    stable_se: None,
};

/// Writes a 64 MiB buffer each call: run between timed runs, it evicts the
/// host's caches (`--cold`).
fn cache_evictor() -> impl FnMut() {
    let mut flush = vec![0u8; 64 << 20];
    move || {
        for (i, b) in flush.iter_mut().enumerate().step_by(64) {
            *b = b.wrapping_add(i as u8);
        }
        std::hint::black_box(&flush);
    }
}

/// Compares outputs with the reference samples; no output element may keep
/// the sentinel unless the reference says NaN there.
fn check_outputs(outs: &[HostTensor], reference: &[Vec<(usize, f64)>]) -> Result<(), String> {
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

/// An OpenCL candidate: compile to OpenCL C, build (driver compile or
/// binary cache), verify, then time with the device's profiling counters.
fn serve_ocl(o: &Ocl, spec: &Specialized<'_>, p: &Problem, req: &Request) -> Response {
    let t0 = std::time::Instant::now();
    let dev = o.rt.device.limits();
    let prog = match o.compiler.compile(spec, &req.schedule, &dev) {
        Ok(x) => x,
        Err(e) => return fail("compile_error", e),
    };
    let loaded = match o.rt.load(&prog) {
        Ok(l) => l,
        Err(e) => return fail("compile_error", e),
    };
    let compile_s = t0.elapsed().as_secs_f64();
    let mut bound = match loaded.bind(&p.inputs) {
        Ok(b) => b,
        Err(e) => return fail("compile_error", e),
    };
    let err = |e: kiln_opencl::OclError| Response {
        compile_s,
        ..fail("compile_error", e)
    };
    if req.verify {
        if let Err(e) = bound.fill_sentinel() {
            return err(e);
        }
        if let Err(e) = bound.launch() {
            return err(e);
        }
        let outs = match bound.outputs() {
            Ok(x) => x,
            Err(e) => return err(e),
        };
        if let Err(e) = check_outputs(&outs, &p.reference) {
            return Response {
                compile_s,
                ..fail("wrong", e)
            };
        }
    }
    let mut failed = None;
    let mut launch = || match bound.launch() {
        Ok(t) => t,
        Err(e) => {
            failed.get_or_insert(e);
            f64::NAN
        }
    };
    if let Some(best) = req.best_s {
        let probe = kiln_cpu::measure::time_samples(
            &Budget {
                warmup: Duration::from_millis(req.warmup_ms.min(20)),
                time: Duration::ZERO,
                min_reps: 3,
                max_reps: 3,
                stable_se: None,
            },
            || {},
            &mut launch,
        );
        if let Some(r) = abandoned(probe, best, compile_s) {
            return r;
        }
    }
    // Cold mode: evict the host caches between runs (PoCL-like devices
    // share them; on a discrete GPU this only costs time).
    let mut evict = req.cold.then(cache_evictor);
    let stats = kiln_cpu::measure::time_samples(
        &Budget {
            warmup: Duration::from_millis(req.warmup_ms),
            time: Duration::from_millis(req.time_ms),
            min_reps: req.min_reps.max(3),
            max_reps: 100_000,
            stable_se: (!req.cold).then_some(0.01),
        },
        || {
            if let Some(e) = evict.as_mut() {
                e()
            }
        },
        &mut launch,
    );
    if let Some(e) = failed {
        return err(e);
    }
    Response {
        status: "ok".into(),
        error: None,
        stats: Some(stats),
        compile_s,
    }
}

/// Host wall time of launching a one-element kernel and waiting for it.
fn ocl_empty_launch(o: &Ocl) -> Response {
    let k = empty_kernel();
    let spec = Specialized::from_sizes(&k, &BTreeMap::from([("N".to_string(), 1)])).expect("valid");
    let dev = o.rt.device.limits();
    let s = kiln_schedule::Schedule::default_for(&spec, &dev);
    let run = || -> Result<Stats, String> {
        let prog = o
            .compiler
            .compile(&spec, &s, &dev)
            .map_err(|e| e.to_string())?;
        let l = o.rt.load(&prog).map_err(|e| e.to_string())?;
        let x = HostTensor::zeros(DType::F32, vec![1]);
        let mut b = l
            .bind(std::slice::from_ref(&x))
            .map_err(|e| e.to_string())?;
        Ok(kiln_cpu::measure::time_fn(&OVERHEAD_BUDGET, || {
            let _ = b.launch();
        }))
    };
    match run() {
        Ok(st) => Response {
            status: "ok".into(),
            error: None,
            stats: Some(st),
            compile_s: 0.0,
        },
        Err(e) => fail("compile_error", e),
    }
}

fn empty_launch(cpu: &CpuCompiler) -> Response {
    let k = empty_kernel();
    let spec = Specialized::from_sizes(&k, &BTreeMap::from([("N".to_string(), 1)])).expect("valid");
    let mut s = kiln_schedule::Schedule::default_for(&spec, &cpu.device().limits());
    s.threads = cpu.device().cores;
    let c = match cpu.compile(&spec, &s) {
        Ok(c) => c,
        Err(e) => return fail("compile_error", e),
    };
    let x = HostTensor::zeros(DType::F32, vec![1]);
    let Ok(mut b) = c.bind(std::slice::from_ref(&x)) else {
        return fail("compile_error", "bind");
    };
    let st = b.measure(&OVERHEAD_BUDGET);
    Response {
        status: "ok".into(),
        error: None,
        stats: Some(st),
        compile_s: 0.0,
    }
}

/// The parent's handle on a worker process.
pub struct Worker {
    exe: std::path::PathBuf,
    child: Option<(Child, ChildStdin, Receiver<String>)>,
}

/// What came back from the worker.
pub enum Outcome {
    /// A response.
    Done(Response),
    /// The worker died (a crashing candidate).
    Crashed(String),
    /// No response before the deadline; the worker was killed.
    TimedOut,
}

impl Worker {
    /// A handle that starts `exe worker` on first use.
    pub fn new(exe: std::path::PathBuf) -> Worker {
        Worker { exe, child: None }
    }

    fn ensure(&mut self) -> std::io::Result<()> {
        if self.child.is_some() {
            return Ok(());
        }
        let mut child = Command::new(&self.exe)
            .arg("worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        self.child = Some((child, stdin, rx));
        Ok(())
    }

    fn kill(&mut self) -> String {
        match self.child.take() {
            Some((mut c, _, _)) => {
                let _ = c.kill();
                match c.wait() {
                    Ok(s) => format!("worker ended: {s}"),
                    Err(e) => format!("worker lost: {e}"),
                }
            }
            None => "no worker".into(),
        }
    }

    /// Sends a request and waits up to `deadline` for the response.
    pub fn request(&mut self, req: &Request, deadline: Duration) -> std::io::Result<Outcome> {
        self.ensure()?;
        let (_, stdin, rx) = self.child.as_mut().expect("started");
        let line = serde_json::to_string(req).expect("requests serialize");
        if writeln!(stdin, "{line}")
            .and_then(|_| stdin.flush())
            .is_err()
        {
            return Ok(Outcome::Crashed(self.kill()));
        }
        match rx.recv_timeout(deadline) {
            Ok(text) => match serde_json::from_str(&text) {
                Ok(r) => Ok(Outcome::Done(r)),
                Err(e) => Ok(Outcome::Crashed(format!(
                    "unreadable response ({e}); {}",
                    self.kill()
                ))),
            },
            Err(RecvTimeoutError::Timeout) => {
                self.kill();
                Ok(Outcome::TimedOut)
            }
            Err(RecvTimeoutError::Disconnected) => Ok(Outcome::Crashed(self.kill())),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}
