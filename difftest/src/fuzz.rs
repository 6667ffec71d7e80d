//! The differential fuzzer: random kernels ([`crate::gen`]) at random
//! sizes under the default and random valid schedules, on every device,
//! against the interpreter. A disagreement is shrunk (smaller sizes,
//! fewer statements and inputs, smaller expressions) while it still
//! disagrees, and reported as a filetest ready for `tests/filetests/`.

use crate::gen::{self, Case, Expr, Node};
use crate::{agree, on_device, output_names, reference, Outcome};
use kiln_device::Device;
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long and how hard to fuzz.
#[derive(Clone, Debug)]
pub struct Options {
    /// Wall-clock budget.
    pub budget: Duration,
    /// Master seed: the same seed draws the same kernels.
    pub seed: u64,
    /// Random schedules per kernel on CPU-like devices (plus the default).
    pub cpu_schedules: usize,
    /// Random schedules per kernel on GPU-like devices (plus the default;
    /// their driver compiles are slow).
    pub gpu_schedules: usize,
    /// Largest interpreter work (loop iterations) of a kernel.
    pub max_work: f64,
    /// Print each failure as it is found.
    pub verbose: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            budget: Duration::from_secs(30),
            seed: 0,
            cpu_schedules: 3,
            gpu_schedules: 1,
            max_work: 2e5,
            verbose: false,
        }
    }
}

/// A disagreement, shrunk.
#[derive(Clone, Debug)]
pub struct Failure {
    /// Device name.
    pub device: String,
    /// What differed (on the shrunk case).
    pub why: String,
    /// The shrunk case as a filetest (header and kernel).
    pub filetest: String,
}

/// What a fuzzing run did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Kernels generated and run.
    pub kernels: usize,
    /// Generated kernels the front end rejected (generator bugs).
    pub rejected: Vec<String>,
    /// Device runs (kernel x schedule), per device.
    pub runs: BTreeMap<String, usize>,
    /// Runs where the oracle and the device agreed on an error.
    pub agreed_errors: usize,
    /// Disagreements.
    pub failures: Vec<Failure>,
    /// Seconds spent.
    pub seconds: f64,
}

impl Report {
    /// One paragraph.
    pub fn summary(&self) -> String {
        let runs: Vec<String> = self
            .runs
            .iter()
            .map(|(d, n)| format!("{n} on {d}"))
            .collect();
        format!(
            "fuzz: {} kernels in {:.0} s, {} runs ({}), {} agreed errors, {} front-end rejections, {} disagreements",
            self.kernels,
            self.seconds,
            self.runs.values().sum::<usize>(),
            runs.join(", "),
            self.agreed_errors,
            self.rejected.len(),
            self.failures.len()
        )
    }
}

/// Which schedule of a device a run used: the default, or the `n`-th
/// random one drawn from the case seed (reproducible for a shrunk case).
#[derive(Clone, Copy, Debug)]
enum Which {
    Default,
    Random(usize),
}

fn schedule(spec: &Specialized<'_>, dev: &dyn Device, seed: u64, which: Which) -> Schedule {
    let limits = &dev.info().limits;
    match which {
        Which::Default => Schedule::default_for(spec, limits),
        Which::Random(n) => {
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed ^ (0x9e37_79b9 * (n as u64 + 1)));
            // Register tiles x unrolling x a large expression make
            // functions that take LLVM (or the OpenCL driver) minutes:
            // draw again (a time budget is no place for those).
            let mut s = Schedule::random(spec, limits, &mut rng);
            for _ in 0..20 {
                if code_size(spec, &s) <= MAX_CODE {
                    break;
                }
                s = Schedule::random(spec, limits, &mut rng);
            }
            s
        }
    }
}

/// Largest [`code_size`] of a fuzzed schedule.
const MAX_CODE: usize = 3000;

/// Expression nodes the emitter writes out per statement, summed: nodes x
/// register tile x unrolling.
fn code_size(spec: &Specialized<'_>, s: &Schedule) -> usize {
    let k = spec.kernel;
    k.stmts
        .iter()
        .zip(&s.stmts)
        .map(|(st, ss)| {
            let mut nodes = 0;
            k.walk(st.value, &mut |_, _| nodes += 1);
            nodes * ss.rows * ss.vectors * ss.unroll
        })
        .sum()
}

/// The `n`-th random schedule the fuzzer runs `case` under on `dev`, as
/// JSON (for reproducing a run by hand).
pub fn random_schedule(case: &Case, seed: u64, dev: &dyn Device, n: usize) -> Option<String> {
    let ks = kiln_ir::check_source(&case.kernel.source()).ok()?;
    let spec = Specialized::from_sizes(&ks[0], &case.sizes).ok()?;
    serde_json::to_string(&schedule(&spec, dev, seed, Which::Random(n))).ok()
}

/// A case the front end accepted, with its seeded inputs and the oracle's
/// outcome, computed once for all the trials of the case.
struct Prepared {
    kernel: kiln_ir::Kernel,
    sizes: BTreeMap<String, i64>,
    seed: u64,
    inputs: Vec<kiln_tensor::HostTensor>,
    want: Outcome,
}

impl Prepared {
    /// Checks and specializes `case`; `Ok(None)` when its interpreter work
    /// (loop iterations) exceeds `max_work`; `Err` (the front end's
    /// message) when it is not a valid kernel at its sizes.
    fn new(case: &Case, seed: u64, max_work: f64) -> Result<Option<Prepared>, String> {
        let ks = kiln_ir::check_source(&case.kernel.source()).map_err(|d| {
            let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
            d.join("; ")
        })?;
        let kernel = ks.into_iter().next().ok_or("no kernel")?;
        let spec = Specialized::from_sizes(&kernel, &case.sizes).map_err(|d| d.to_string())?;
        let work: f64 = (0..kernel.stmts.len())
            .map(|i| spec.domain(i).iter().map(|&e| e as f64).product::<f64>())
            .sum();
        if work > max_work {
            return Ok(None);
        }
        let inputs = kiln_tensor::random_inputs(&spec, seed);
        let want = reference(&spec, &inputs);
        drop(spec);
        Ok(Some(Prepared {
            kernel,
            sizes: case.sizes.clone(),
            seed,
            inputs,
            want,
        }))
    }

    fn spec(&self) -> Specialized<'_> {
        Specialized::from_sizes(&self.kernel, &self.sizes).expect("specialized in `new`")
    }

    /// One trial on `dev`: why it disagrees with the oracle (`None`: it
    /// agrees), and whether the oracle's outcome is an error.
    fn trial(&self, dev: &dyn Device, which: Which) -> (Option<String>, bool) {
        let spec = self.spec();
        let s = schedule(&spec, dev, self.seed, which);
        let got = on_device(dev, &spec, &s, &self.inputs);
        let error = matches!(self.want, Outcome::Error { .. });
        (
            agree(&self.want, &got, &output_names(&self.kernel)).err(),
            error,
        )
    }
}

/// Fuzzes `devices` for the budget.
pub fn fuzz(devices: &[Arc<dyn Device>], opts: &Options) -> Report {
    let start = Instant::now();
    let mut master = rand::rngs::StdRng::seed_from_u64(opts.seed);
    let mut report = Report::default();
    // Each trial named before it runs (for a crash of the process itself).
    let trace = std::env::var("KILN_FUZZ_TRACE").is_ok_and(|v| v == "1");
    while start.elapsed() < opts.budget {
        let seed: u64 = master.gen();
        let case = gen::case(&mut rand::rngs::StdRng::seed_from_u64(seed));
        let prepared = match Prepared::new(&case, seed, opts.max_work) {
            Ok(Some(p)) => p,
            Ok(None) => continue,
            Err(why) => {
                let src = case.kernel.source();
                report
                    .rejected
                    .push(format!("case seed {seed}: {why}\n{src}"));
                continue;
            }
        };
        report.kernels += 1;
        for dev in devices {
            let n = if dev.info().limits.gpu.is_some() {
                opts.gpu_schedules
            } else {
                opts.cpu_schedules
            };
            let whiches = std::iter::once(Which::Default).chain((0..n).map(Which::Random));
            for which in whiches {
                if trace {
                    eprintln!("fuzz: case {seed} on {} {which:?}", dev.info().name);
                }
                *report.runs.entry(dev.info().name.clone()).or_default() += 1;
                match prepared.trial(dev.as_ref(), which) {
                    (None, error) => report.agreed_errors += usize::from(error),
                    (Some(why), _) => {
                        if opts.verbose {
                            eprintln!(
                                "fuzz: disagreement on {} ({why}); shrinking",
                                dev.info().name
                            );
                        }
                        let f = shrink(case.clone(), seed, dev.as_ref(), which);
                        if opts.verbose {
                            eprintln!(
                                "fuzz: disagreement on {}: {}\n{}",
                                f.device, f.why, f.filetest
                            );
                        }
                        report.failures.push(f);
                        break;
                    }
                }
                if start.elapsed() >= opts.budget {
                    break;
                }
            }
        }
    }
    report.seconds = start.elapsed().as_secs_f64();
    report
}

/// Shrinks a disagreeing case while it still disagrees on `dev`.
fn shrink(mut case: Case, seed: u64, dev: &dyn Device, which: Which) -> Failure {
    let trial = |c: &Case| match Prepared::new(c, seed, f64::INFINITY) {
        Ok(Some(p)) => Ok(p.trial(dev, which).0),
        Ok(None) => Err("too large".to_string()),
        Err(e) => Err(e),
    };
    let fails = |c: &Case| matches!(trial(c), Ok(Some(_)));
    // At most 400 trials and 90 s (driver compiles can take a second each).
    let deadline = Instant::now() + Duration::from_secs(90);
    let mut budget = 400usize;
    let mut changed = true;
    while changed && budget > 0 && Instant::now() < deadline {
        changed = false;
        for cand in candidates(&case) {
            if budget == 0 || Instant::now() >= deadline {
                break;
            }
            budget -= 1;
            if fails(&cand) {
                case = cand;
                changed = true;
                break;
            }
        }
    }
    let why = match trial(&case) {
        Ok(Some(w)) => w,
        Ok(None) => "(no longer reproduces)".to_string(),
        Err(e) => e,
    };
    let mut text = format!(
        "// Found by the differential fuzzer on {}: {why}\n// sizes: {}\n// seed: {seed}\n",
        dev.info().name,
        case.sizes_text()
    );
    if let Ok(ks) = kiln_ir::check_source(&case.kernel.source()) {
        if let Ok(spec) = Specialized::from_sizes(&ks[0], &case.sizes) {
            let s = schedule(&spec, dev, seed, which);
            text.push_str(&format!(
                "// schedule {}: {}\n",
                dev.info().kind,
                serde_json::to_string(&s).unwrap_or_default()
            ));
        }
    }
    text.push_str(&case.kernel.source());
    Failure {
        device: dev.info().name.clone(),
        why,
        filetest: text,
    }
}

/// Smaller variants of a case, most promising first.
fn candidates(case: &Case) -> Vec<Case> {
    let mut out = Vec::new();
    // Smaller sizes.
    for (s, &v) in &case.sizes {
        for &smaller in gen::SIZES.iter().filter(|&&x| x < v) {
            let mut c = case.clone();
            c.sizes.insert(s.clone(), smaller);
            out.push(c);
        }
    }
    // Fewer statements: drop one whose target nothing later reads.
    let k = &case.kernel;
    for (si, st) in k.stmts.iter().enumerate() {
        let read_later = k.stmts[si + 1..].iter().any(|s| reads(&s.value, st.target));
        let outputs = k.tensors.iter().filter(|t| t.output).count();
        if read_later || (k.tensors[st.target].output && outputs == 1) {
            continue;
        }
        let mut c = case.clone();
        c.kernel.stmts.remove(si);
        remove_tensor(&mut c, st.target);
        out.push(c);
    }
    // Unused inputs.
    for t in 0..k.tensors.len() {
        if k.tensors[t].input
            && k.tensors.iter().filter(|x| x.input).count() > 1
            && !k.stmts.iter().any(|s| reads(&s.value, t))
        {
            let mut c = case.clone();
            remove_tensor(&mut c, t);
            out.push(c);
        }
    }
    // Smaller expressions: a node replaced by a same-typed child or a literal.
    for (si, st) in k.stmts.iter().enumerate() {
        let n = count(&st.value);
        for at in 0..n {
            let node = nth(&st.value, at).expect("in range");
            let mut repl: Vec<Node> = children(node)
                .into_iter()
                .filter(|c| c.ty == node.ty)
                .cloned()
                .collect();
            if !matches!(node.e, Expr::Lit(_)) {
                for l in ["1", "0"] {
                    repl.push(Node {
                        e: Expr::Lit(l.into()),
                        ty: node.ty,
                        exact: true,
                        bound: 1.0,
                    });
                }
            }
            for r in repl {
                let mut c = case.clone();
                *nth_mut(&mut c.kernel.stmts[si].value, at).expect("in range") = r;
                out.push(c);
            }
        }
    }
    out
}

fn remove_tensor(c: &mut Case, t: usize) {
    c.kernel.tensors.remove(t);
    for s in &mut c.kernel.stmts {
        if s.target > t {
            s.target -= 1;
        }
        renumber(&mut s.value, t);
    }
    // Sizes of symbols no input names any more are not part of the call.
    let used: Vec<&str> = c
        .kernel
        .tensors
        .iter()
        .filter(|x| x.input)
        .flat_map(|x| x.dims.iter().map(|&d| gen::SYMBOLS[d]))
        .collect();
    c.sizes.retain(|s, _| used.contains(&s.as_str()));
}

fn renumber(n: &mut Node, removed: usize) {
    if let Expr::Read(t, _) = &mut n.e {
        if *t > removed {
            *t -= 1;
        }
    }
    for c in children_mut(n) {
        renumber(c, removed);
    }
}

fn reads(n: &Node, t: usize) -> bool {
    matches!(&n.e, Expr::Read(x, _) if *x == t) || children(n).into_iter().any(|c| reads(c, t))
}

fn children(n: &Node) -> Vec<&Node> {
    match &n.e {
        Expr::Lit(_) | Expr::Read(..) | Expr::Var(_) | Expr::Size(_) => Vec::new(),
        Expr::Neg(a) | Expr::Cast(a) => vec![a],
        Expr::Bin(_, a, b) => vec![a, b],
        Expr::Call(_, args) => args.iter().collect(),
        Expr::Select(_, x) => x.iter().collect(),
    }
}

fn children_mut(n: &mut Node) -> Vec<&mut Node> {
    match &mut n.e {
        Expr::Lit(_) | Expr::Read(..) | Expr::Var(_) | Expr::Size(_) => Vec::new(),
        Expr::Neg(a) | Expr::Cast(a) => vec![a],
        Expr::Bin(_, a, b) => vec![a, b],
        Expr::Call(_, args) => args.iter_mut().collect(),
        Expr::Select(_, x) => x.iter_mut().collect(),
    }
}

fn count(n: &Node) -> usize {
    1 + children(n).into_iter().map(count).sum::<usize>()
}

/// The `at`-th node in pre-order.
fn nth(n: &Node, at: usize) -> Option<&Node> {
    if at == 0 {
        return Some(n);
    }
    let mut at = at - 1;
    for c in children(n) {
        let k = count(c);
        if at < k {
            return nth(c, at);
        }
        at -= k;
    }
    None
}

fn nth_mut(n: &mut Node, at: usize) -> Option<&mut Node> {
    if at == 0 {
        return Some(n);
    }
    let mut at = at - 1;
    for c in children_mut(n) {
        let k = count(c);
        if at < k {
            return nth_mut(c, at);
        }
        at -= k;
    }
    None
}
