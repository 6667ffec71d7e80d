//! The tuning loop.

use crate::space::{Level, Space};
use crate::strategy::{History, Kind, Strategy};
use crate::worker::{Outcome, Request, Worker};
use kiln_cache::{Cache, Key, Status, Trial, Winner};
use kiln_cpu::CpuDevice;
use kiln_ir::Specialized;
use kiln_opencl::OclDevice;
use kiln_schedule::Schedule;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How to tune.
#[derive(Clone, Debug)]
pub struct TuneOptions {
    /// Search strategy.
    pub strategy: Kind,
    /// New trials at most.
    pub trials: Option<usize>,
    /// Wall time at most.
    pub time: Option<Duration>,
    /// Search space size.
    pub level: Level,
    /// Evict caches before every timed run.
    pub cold: bool,
    /// Tune even if a winner is cached.
    pub force: bool,
    /// Candidates re-measured interleaved at the end.
    pub rerank: usize,
    /// Timed milliseconds per candidate (upper bound).
    pub time_per_trial_ms: u64,
    /// The `kiln` executable that serves `kiln worker`.
    pub worker_exe: std::path::PathBuf,
    /// RNG seed.
    pub seed: u64,
    /// Show a progress bar.
    pub progress: bool,
    /// Test hook: inject into the n-th new candidate (`crash` / `hang`).
    pub inject: Option<(usize, String)>,
    /// Per-candidate deadline.
    pub deadline: Duration,
    /// The device to tune for.
    pub target: Target,
}

/// A device the tuner measures on.
#[derive(Clone, Debug)]
pub enum Target {
    /// The host CPU (LLVM backend).
    Cpu(CpuDevice),
    /// An OpenCL device (`opencl:N`).
    OpenCl(OclDevice),
}

impl Target {
    /// The host CPU.
    pub fn host() -> Target {
        Target::Cpu(CpuDevice::host())
    }

    /// Schedule-validation limits.
    pub fn limits(&self) -> kiln_schedule::DeviceLimits {
        match self {
            Target::Cpu(d) => d.limits(),
            Target::OpenCl(d) => d.limits(),
        }
    }

    /// `cpu:<fingerprint>` or `opencl:<fingerprint>` (cache keys).
    pub fn key_device(&self) -> String {
        match self {
            Target::Cpu(d) => format!("cpu:{}", d.fingerprint()),
            Target::OpenCl(d) => format!("opencl:{}", d.fingerprint()),
        }
    }

    /// The OpenCL device index, if any (sent to the worker).
    pub fn opencl_index(&self) -> Option<usize> {
        match self {
            Target::Cpu(_) => None,
            Target::OpenCl(d) => Some(d.index),
        }
    }

    /// The name users type: `cpu` or `opencl:N`.
    pub fn name(&self) -> String {
        match self {
            Target::Cpu(_) => "cpu".into(),
            Target::OpenCl(d) => format!("opencl:{}", d.index),
        }
    }
}

impl Default for TuneOptions {
    fn default() -> Self {
        TuneOptions {
            strategy: Kind::Evolution,
            trials: Some(64),
            time: None,
            level: Level::Full,
            cold: false,
            force: false,
            rerank: 3,
            time_per_trial_ms: 300,
            worker_exe: std::env::current_exe().unwrap_or_default(),
            seed: 0,
            progress: false,
            inject: None,
            deadline: Duration::from_secs(60),
            target: Target::host(),
        }
    }
}

/// What a tuning run found.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TuneReport {
    /// Exact cache key id.
    pub key_id: String,
    /// Answered from the cache.
    pub cached: bool,
    /// The winner.
    pub best: Schedule,
    /// Its median seconds.
    pub best_s: f64,
    /// The default schedule's median seconds.
    pub default_s: Option<f64>,
    /// New trials this run.
    pub trials_run: usize,
    /// Trials stored for the key (earlier runs included).
    pub trials_total: usize,
    /// Trials resumed from the cache.
    pub resumed: usize,
    /// Points in the space.
    pub space_size: u128,
    /// Points after pruning (exact or estimated).
    pub pruned_size: u128,
    /// Whether `pruned_size` is exact.
    pub pruned_exact: bool,
    /// Failures by status.
    pub failures: HashMap<String, usize>,
    /// Candidates skipped because their code matched a measured one.
    pub duplicates: usize,
    /// Median of an empty launch (seconds): overhead not in kernel times.
    pub launch_overhead_s: Option<f64>,
    /// Seconds spent.
    pub elapsed_s: f64,
    /// Strategy.
    pub strategy: String,
    /// Warnings (e.g. a corrupt cache rebuilt).
    pub warnings: Vec<String>,
}

/// Tuning errors.
#[derive(Debug, thiserror::Error)]
pub enum TuneError {
    /// The cache failed.
    #[error(transparent)]
    Cache(#[from] kiln_cache::CacheError),
    /// The worker could not be started.
    #[error("cannot start the measurement worker {0}: {1}")]
    Worker(String, std::io::Error),
    /// No candidate (not even the default schedule) passed verification.
    #[error("no correct candidate was found: {0}")]
    NothingCorrect(String),
}

/// The cache key of a specialized kernel on a device for a space.
pub fn key_for(spec: &Specialized<'_>, target: &Target, space: &Space) -> Key {
    let k = spec.kernel;
    let dt = |ids: &[kiln_ir::ir::TensorId]| {
        ids.iter()
            .map(|&t| k.tensors[t].dtype.name())
            .collect::<Vec<_>>()
            .join(",")
    };
    Key {
        kernel_hash: k.hash.clone(),
        kernel: k.name.clone(),
        sizes: spec.sizes(),
        dtypes: format!("{}->{}", dt(&k.inputs), dt(&k.outputs)),
        device: target.key_device(),
        compiler: format!(
            "kiln {} llvm {}",
            env!("CARGO_PKG_VERSION"),
            CpuDevice::host().llvm_version
        ),
        space: space.checksum(),
    }
}

/// The cached winner for this kernel, shape and device, if any (any space level).
pub fn winner_schedule(
    spec: &Specialized<'_>,
    target: &Target,
    cache: &Cache,
) -> Option<(Schedule, Winner)> {
    let limits = target.limits();
    for level in [Level::Full, Level::Small] {
        let space = Space::new(spec, &limits, level);
        let key = key_for(spec, target, &space);
        if let Ok(Some(w)) = cache.winner(&key) {
            if let Ok(s) = serde_json::from_value::<Schedule>(w.schedule.clone()) {
                if s.validate(spec, &limits).is_ok() {
                    return Some((s, w));
                }
            }
        }
    }
    None
}

fn status_of(s: &str) -> Status {
    match s {
        "ok" => Status::Ok,
        "wrong" => Status::Wrong,
        "abandoned" => Status::Abandoned,
        _ => Status::CompileError,
    }
}

/// Tunes `kernel` (from `source`) at the sizes of `spec`.
pub fn tune(
    source: &str,
    spec: &Specialized<'_>,
    cache: &Cache,
    opts: &TuneOptions,
) -> Result<TuneReport, TuneError> {
    let start = Instant::now();
    let dev = opts.target.limits();
    let space = Space::new(spec, &dev, opts.level);
    let key = key_for(spec, &opts.target, &space);
    let key_id = key.id();
    let mut rng = rand::rngs::StdRng::seed_from_u64(opts.seed);
    let (pruned_size, pruned_exact) = space.pruned_size(spec, 200_000, &mut rng);
    let mut report = TuneReport {
        key_id: key_id.clone(),
        cached: false,
        best: Schedule::default_for(spec, &dev),
        best_s: f64::INFINITY,
        default_s: None,
        trials_run: 0,
        trials_total: 0,
        resumed: 0,
        space_size: space.size(),
        pruned_size,
        pruned_exact,
        failures: HashMap::new(),
        duplicates: 0,
        launch_overhead_s: None,
        elapsed_s: 0.0,
        strategy: opts.strategy.name().into(),
        warnings: cache.warnings.clone(),
    };
    if !opts.force {
        if let Some(w) = cache.winner(&key)? {
            if let Ok(best) = serde_json::from_value(w.schedule.clone()) {
                report.cached = true;
                report.best = best;
                report.best_s = w.median_s;
                report.default_s = w.default_median_s;
                report.trials_total = w.trials as usize;
                report.elapsed_s = start.elapsed().as_secs_f64();
                return Ok(report);
            }
        }
    }
    cache.add_key(&key)?;

    // Resume: every stored trial of this key is history.
    let mut history = History::default();
    let mut by_schedule: HashMap<String, Option<f64>> = HashMap::new();
    let mut code_seen: HashMap<String, Option<f64>> = HashMap::new();
    let previous = cache.trials(&key_id)?;
    for t in &previous {
        let cost = (t.status == Status::Ok).then_some(t.median_s).flatten();
        by_schedule.insert(t.schedule.to_string(), cost);
        if let Some(h) = &t.code_hash {
            code_seen.insert(h.clone(), cost);
        }
        if let Ok(s) = serde_json::from_value::<Schedule>(t.schedule.clone()) {
            if let Some(p) = space.encode(spec, &s) {
                history.push(p, cost);
            }
        }
    }
    report.resumed = previous.len();

    // Seeds (the default schedule is measured first anyway): stale winners
    // of this problem (other device, compiler or space), then winners of
    // near shapes in the same power-of-two bucket, where they fit.
    let mut seeds = Vec::new();
    let near = cache.neighbours(&key)?.into_iter().map(|w| w.schedule);
    for sched in cache
        .seeds(&key)?
        .into_iter()
        .map(|s| s.schedule)
        .chain(near)
    {
        if let Ok(s) = serde_json::from_value::<Schedule>(sched) {
            seeds.extend(space.encode(spec, &s));
        }
    }
    // Variants of the default measured early (first in this list).
    for s in heuristic_seeds(spec, &dev).into_iter().rev() {
        if let Some(p) = space.encode(spec, &s) {
            seeds.insert(0, p);
        }
    }
    seeds.reverse();
    let mut worker = Worker::new(opts.worker_exe.clone());
    let source_text = source.to_string();
    let sizes = spec.sizes();
    let request = |s: &Schedule, best: Option<f64>, time_ms: u64, verify: bool| Request {
        source: source_text.clone(),
        kernel: spec.kernel.name.clone(),
        sizes: sizes.clone(),
        schedule: s.clone(),
        warmup_ms: 50,
        time_ms,
        min_reps: 5,
        best_s: best,
        cold: opts.cold,
        verify,
        inject: None,
        overhead: false,
        prefetch: None,
        device: opts.target.opencl_index(),
    };
    // Launch overhead, reported separately.
    let mut oreq = request(&report.best, None, 100, false);
    oreq.overhead = true;
    if let Ok(Outcome::Done(r)) = worker.request(&oreq, opts.deadline) {
        report.launch_overhead_s = r.stats.map(|s| s.median_s);
    }

    let bar = if opts.progress {
        let len = opts.trials.unwrap_or(0) as u64;
        let b = indicatif::ProgressBar::new(len.max(1));
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} trials  {msg}  eta {eta}",
            )
            .expect("valid template"),
        );
        Some(b)
    } else {
        None
    };
    let (flops, bytes) = kiln_schedule::work(spec);
    let rate = |s: f64| {
        if flops >= bytes {
            format!("{:.1} GFLOP/s", flops / s / 1e9)
        } else {
            format!("{:.1} GB/s", bytes / s / 1e9)
        }
    };

    let mut best: Option<(f64, Schedule)> = None;
    for t in &previous {
        if let (Status::Ok, Some(m)) = (t.status, t.median_s) {
            if let Ok(s) = serde_json::from_value::<Schedule>(t.schedule.clone()) {
                if best.as_ref().is_none_or(|b| m < b.0) && s.validate(spec, &dev).is_ok() {
                    best = Some((m, s));
                }
            }
        }
    }
    let default = Schedule::default_for(spec, &dev);
    let mut strat = Strategy::new(
        opts.strategy,
        space.dims(),
        |p: &[usize]| space.decode(spec, p).is_some(),
        seeds,
    );
    let mut n_new = 0usize;
    let mut pending_default = true;
    // The candidate after the current one, proposed ahead so the worker
    // can compile it while the current one is verified and warmed up.
    let mut lookahead: Option<(Vec<usize>, Schedule)> = None;
    loop {
        let out_of_budget = opts.trials.is_some_and(|t| n_new >= t)
            || opts.time.is_some_and(|t| start.elapsed() >= t);
        if out_of_budget && !pending_default {
            break;
        }
        // The default schedule is always measured first (the baseline).
        let (point, sched, strategy_name) = if pending_default {
            pending_default = false;
            (space.encode(spec, &default), default.clone(), "default")
        } else if let Some((p, s)) = lookahead.take() {
            (Some(p), s, opts.strategy.name())
        } else {
            let Some(p) = strat.propose(&history, &mut rng) else {
                break;
            };
            let Some(s) = space.decode(spec, &p) else {
                history.push(p, None);
                continue;
            };
            (Some(p), s, opts.strategy.name())
        };
        let sched_json = serde_json::to_value(&sched).expect("schedules serialize");
        if let Some(cost) = by_schedule.get(&sched_json.to_string()) {
            if strategy_name == "default" {
                report.default_s = *cost;
            }
            if let Some(p) = point {
                if !history.seen(&p) {
                    history.push(p, *cost);
                }
            }
            continue;
        }
        let code_hash =
            blake3::hash(code_of(spec, &sched, &opts.target).as_bytes()).to_hex()[..24].to_string();
        if let Some(cost) = code_seen.get(&code_hash) {
            report.duplicates += 1;
            if let Some(p) = point {
                history.push(p, *cost);
            }
            by_schedule.insert(sched_json.to_string(), *cost);
            continue;
        }
        let mut req = request(
            &sched,
            best.as_ref().map(|b| b.0),
            opts.time_per_trial_ms,
            true,
        );
        let more = opts.trials.is_none_or(|t| n_new + 1 < t)
            && opts.time.is_none_or(|t| start.elapsed() < t);
        if more {
            if let Some(p) = point.clone() {
                history.reserve(&p);
            }
            if let Some(np) = strat.propose(&history, &mut rng) {
                history.reserve(&np);
                match space.decode(spec, &np) {
                    Some(ns) => {
                        req.prefetch = Some(ns.clone());
                        lookahead = Some((np, ns));
                    }
                    None => history.push(np, None),
                }
            }
        }
        if let Some((n, what)) = &opts.inject {
            if *n == n_new {
                req.inject = Some(what.clone());
            }
        }
        let outcome = worker
            .request(&req, opts.deadline)
            .map_err(|e| TuneError::Worker(opts.worker_exe.display().to_string(), e))?;
        let (status, error, stats) = match outcome {
            Outcome::Done(r) => (status_of(&r.status), r.error, r.stats),
            Outcome::Crashed(why) => (Status::Crash, Some(why), None),
            Outcome::TimedOut => (
                Status::Timeout,
                Some(format!("no result within {:?}", opts.deadline)),
                None,
            ),
        };
        n_new += 1;
        let cost = (status == Status::Ok)
            .then(|| stats.as_ref().map(|s| s.median_s))
            .flatten();
        if status != Status::Ok {
            *report
                .failures
                .entry(format!("{status:?}").to_lowercase())
                .or_default() += 1;
        }
        cache.add_trial(&Trial {
            key_id: key_id.clone(),
            schedule: sched_json.clone(),
            status,
            error,
            median_s: stats.as_ref().map(|s| s.median_s),
            p20_s: stats.as_ref().map(|s| s.p20_s),
            p80_s: stats.as_ref().map(|s| s.p80_s),
            cv: stats.as_ref().map(|s| s.cv),
            reps: stats.as_ref().map(|s| s.reps as i64),
            code_hash: Some(code_hash.clone()),
            strategy: strategy_name.into(),
            created_at: 0,
        })?;
        by_schedule.insert(sched_json.to_string(), cost);
        code_seen.insert(code_hash, cost);
        if strategy_name == "default" {
            report.default_s = cost;
        }
        // An abandoned candidate still tells the search roughly how slow it is.
        let guide = match status {
            Status::Abandoned => stats.as_ref().map(|s| s.min_s),
            _ => cost,
        };
        if let Some(p) = point {
            history.push(p, guide);
        }
        if let Some(c) = cost {
            if best.as_ref().is_none_or(|b| c < b.0) {
                best = Some((c, sched.clone()));
            }
        }
        if let Some(b) = &bar {
            b.set_position(n_new as u64);
            if let Some((c, _)) = &best {
                b.set_message(format!("best {}", rate(*c)));
            }
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    report.trials_run = n_new;

    // Final paired re-ranking: the best few and the default, measured
    // interleaved in the same rounds, so drift cannot pick the winner and
    // the reported speed-up compares like with like.
    let mut ranked: Vec<(f64, String)> = by_schedule
        .iter()
        .filter_map(|(s, c)| c.map(|c| (c, s.clone())))
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    ranked.truncate(opts.rerank.max(1));
    let mut finalists: Vec<Schedule> = ranked
        .iter()
        .filter_map(|(_, s)| serde_json::from_str::<Schedule>(s).ok())
        .filter(|s| s.validate(spec, &dev).is_ok())
        .collect();
    let default_ok = report.default_s.is_some();
    if default_ok && !finalists.contains(&default) {
        finalists.push(default.clone());
    }
    if finalists.len() > 1 {
        let mut medians: Vec<Vec<f64>> = vec![Vec::new(); finalists.len()];
        for _round in 0..5 {
            for (i, s) in finalists.iter().enumerate() {
                if let Ok(Outcome::Done(r)) =
                    worker.request(&request(s, None, 120, false), opts.deadline)
                {
                    if let Some(st) = r.stats {
                        medians[i].push(st.median_s);
                    }
                }
            }
        }
        let med = |m: &Vec<f64>| {
            let mut m = m.clone();
            m.sort_by(f64::total_cmp);
            m[m.len() / 2]
        };
        let pick = medians
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_empty())
            .map(|(i, m)| (i, med(m)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, m)) = pick {
            best = Some((m, finalists[i].clone()));
        }
        if let Some(d) = finalists.iter().position(|s| *s == default) {
            if !medians[d].is_empty() {
                report.default_s = Some(med(&medians[d]));
            }
        }
    }
    let Some((best_s, best_sched)) = best else {
        return Err(TuneError::NothingCorrect(format!("{:?}", report.failures)));
    };
    report.best = best_sched.clone();
    report.best_s = best_s;
    report.trials_total = cache.trials(&key_id)?.len();
    let budget = match (opts.trials, opts.time) {
        (Some(t), Some(d)) => format!("trials={t} time={}s", d.as_secs()),
        (Some(t), None) => format!("trials={t}"),
        (None, Some(d)) => format!("time={}s", d.as_secs()),
        (None, None) => "exhaustive".into(),
    };
    cache.set_winner(&Winner {
        key,
        schedule: serde_json::to_value(&best_sched).expect("schedules serialize"),
        median_s: best_s,
        default_median_s: report.default_s,
        strategy: opts.strategy.name().into(),
        trials: report.trials_total as i64,
        budget: format!("{budget} space={:?}", opts.level).to_lowercase(),
        created_at: 0,
    })?;
    report.elapsed_s = start.elapsed().as_secs_f64();
    Ok(report)
}

/// The code a schedule produces on a target (for deduplication).
fn code_of(spec: &Specialized<'_>, sched: &Schedule, target: &Target) -> String {
    match target {
        Target::Cpu(_) => kiln_mlir::emit(spec, sched).text,
        Target::OpenCl(_) => kiln_mlir::emit_gpu(spec, sched).text,
    }
}

/// Variants of the default schedule worth measuring first: on GPU-like
/// devices (whose default is portable: `float4`, one launch per statement)
/// the device's preferred vector width, fusion of row-aligned statements
/// (one row per work-item), and both. On the CPU the default already
/// uses the native width and fuses.
fn heuristic_seeds(spec: &Specialized<'_>, dev: &kiln_schedule::DeviceLimits) -> Vec<Schedule> {
    let default = Schedule::default_for(spec, dev);
    if dev.gpu.is_none() {
        return Vec::new();
    }
    let mut native = default.clone();
    for (i, st) in native.stmts.iter_mut().enumerate() {
        let bits = if spec.kernel.tensors[spec.kernel.stmts[i].target].dtype == kiln_ir::DType::F64
        {
            64
        } else {
            32
        };
        let w = (dev.vector_bits / bits).clamp(1, 16);
        let np = spec.kernel.stmts[i].n_parallel;
        match st.vector {
            kiln_schedule::VectorAxis::Parallel if np >= 1 => {
                st.vector_width = w;
                st.tile[np - 1] = (st.vectors * w).min(spec.domain(i)[np - 1]);
            }
            kiln_schedule::VectorAxis::Reduction => st.vector_width = w,
            _ => {}
        }
    }
    let fuse = |s: &Schedule| {
        let mut f = s.clone();
        f.fuse_rows(spec, Some(1));
        f.align_fused_gpu();
        f
    };
    let mut out = Vec::new();
    for s in [native.clone(), fuse(&default), fuse(&native)] {
        if s != default && !out.contains(&s) && s.validate(spec, dev).is_ok() {
            out.push(s);
        }
    }
    out
}
