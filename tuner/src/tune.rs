//! The tuning loop.

use crate::key::key_for;
use crate::lock::DeviceLock;
use crate::space::{Level, Space};
use crate::strategy::{History, Kind, Strategy};
use crate::worker::{Outcome, Request, Worker};
use kiln_cache::{Cache, Status, Trial, Winner};
use kiln_device::Device;
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One finished trial, as reported to a progress callback.
#[derive(Clone, Debug)]
pub struct TrialEvent {
    /// New trials so far this run (this one included).
    pub n: usize,
    /// The trial budget, if any.
    pub of: Option<usize>,
    /// The candidate.
    pub schedule: Schedule,
    /// `ok`, `wrong`, `abandoned`, `compile_error`, `crash`, `timeout`.
    pub status: String,
    /// Its median seconds (ok trials).
    pub median_s: Option<f64>,
    /// The best median so far.
    pub best_s: Option<f64>,
    /// The trial as stored in the cache (for relaying it to another
    /// cache: fleet tuning streams these to the driver).
    pub trial: Trial,
    /// The key it is stored under.
    pub key: kiln_cache::Key,
}

/// Called after every trial.
#[derive(Clone)]
pub struct OnTrial(pub Arc<dyn Fn(&TrialEvent) + Send + Sync>);

impl std::fmt::Debug for OnTrial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnTrial(..)")
    }
}

/// Where candidates are measured.
#[derive(Clone, Debug, Default)]
pub enum WorkerMode {
    /// A `kiln worker` process found by [`crate::worker::locate`].
    #[default]
    Locate,
    /// A `kiln worker` process of this executable.
    Exe(PathBuf),
    /// `program args...`, a process that serves the worker protocol (the
    /// Python package runs its interpreter on `kiln._worker`).
    Command(PathBuf, Vec<String>),
    /// A thread of this process: no crash isolation, no deadline.
    InProcess,
}

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
    /// Evict caches before every timed run (a separate cache key).
    pub cold: bool,
    /// Tune even if a winner is cached, and re-measure stored candidates.
    pub force: bool,
    /// Candidates re-measured interleaved at the end.
    pub rerank: usize,
    /// Timed milliseconds per candidate (upper bound).
    pub time_per_trial_ms: u64,
    /// Where measurements run.
    pub worker: WorkerMode,
    /// RNG seed.
    pub seed: u64,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Called after every trial.
    pub on_trial: Option<OnTrial>,
    /// Test hook: inject into the n-th new candidate (`crash`, `hang`,
    /// `compile-crash`, `compile-panic`; see the worker's protocol).
    pub inject: Option<(usize, String)>,
    /// Per-candidate deadline.
    pub deadline: Duration,
    /// Set to stop after the current candidate (as if the budget ran
    /// out: the default is still measured and the winner stored).
    pub stop: Option<Arc<std::sync::atomic::AtomicBool>>,
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
            worker: WorkerMode::Locate,
            seed: 0,
            progress: false,
            on_trial: None,
            inject: None,
            deadline: Duration::from_secs(60),
            stop: None,
        }
    }
}

impl TuneOptions {
    /// Calls `f` after every trial (progress reporting).
    pub fn on_trial(mut self, f: impl Fn(&TrialEvent) + Send + Sync + 'static) -> Self {
        self.on_trial = Some(OnTrial(Arc::new(f)));
        self
    }
}

/// What a tuning run found.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TuneReport {
    /// Exact cache key id.
    pub key_id: String,
    /// Device tuned on.
    pub device: String,
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
    /// Stored transient failures (crash, timeout) measured again.
    pub retried: usize,
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
    /// Median of an empty launch (seconds).
    pub launch_overhead_s: Option<f64>,
    /// Whether kernel times include the launch overhead (host-timed
    /// devices) or not (device-timed ones).
    pub overhead_included: bool,
    /// Whether this run's winner replaced (or became) the cached winner; a
    /// faster one stored meanwhile by another run is kept.
    pub stored: bool,
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
    /// The worker could not be found or started.
    #[error("cannot start the measurement worker {0}: {1}")]
    Worker(String, String),
    /// The device lock could not be taken.
    #[error("cannot lock the device for measuring ({0}): {1}")]
    Lock(String, std::io::Error),
    /// No candidate (not even the default schedule) passed verification.
    #[error("no correct candidate was found: {0}")]
    NothingCorrect(String),
}

fn status_of(s: &str) -> Status {
    match s {
        "ok" => Status::Ok,
        "wrong" => Status::Wrong,
        "abandoned" => Status::Abandoned,
        "pruned" => Status::Pruned,
        _ => Status::CompileError,
    }
}

fn transient(s: Status) -> bool {
    matches!(s, Status::Crash | Status::Timeout)
}

/// The worker and the device lock, with failures charged to the candidate
/// that caused them.
struct Measurer {
    worker: Worker,
    lock: DeviceLock,
    deadline: Duration,
}

impl Measurer {
    /// Measures `req` holding the device. A crash or hang while the next
    /// candidate was compiling in the background may be that candidate's
    /// fault: `req` is then measured again alone, and only a second failure
    /// is charged to it (the other candidate meets its own fate when its
    /// turn comes).
    fn measure(&mut self, req: &Request) -> Result<Outcome, TuneError> {
        let first = self.once(req)?;
        let failed = matches!(first, Outcome::Crashed(_) | Outcome::TimedOut);
        if failed && req.prefetch.is_some() {
            let alone = Request {
                prefetch: None,
                prefetch_inject: None,
                ..req.clone()
            };
            return self.once(&alone);
        }
        Ok(first)
    }

    fn once(&mut self, req: &Request) -> Result<Outcome, TuneError> {
        let path = self.lock.path().display().to_string();
        let _held = self.lock.acquire().map_err(|e| TuneError::Lock(path, e))?;
        self.worker
            .request(req, self.deadline)
            .map_err(|e| TuneError::Worker(self.worker.exe().display().to_string(), e.to_string()))
    }
}

/// Tunes `kernel` (from `source`) at the sizes of `spec` on `device`.
pub fn tune(
    source: &str,
    spec: &Specialized<'_>,
    device: &Arc<dyn Device>,
    cache: &Cache,
    opts: &TuneOptions,
) -> Result<TuneReport, TuneError> {
    let start = Instant::now();
    let info = device.info().clone();
    let dev = info.limits.clone();
    let space = Space::new(spec, &dev, opts.level);
    let key = key_for(spec, &info, &space, opts.cold);
    let key_id = key.id();
    let mut rng = rand::rngs::StdRng::seed_from_u64(opts.seed);
    let (pruned_size, pruned_exact) = space.pruned_size(spec, 200_000, &mut rng);
    let mut report = TuneReport {
        key_id: key_id.clone(),
        device: info.name.clone(),
        cached: false,
        best: Schedule::default_for(spec, &dev),
        best_s: f64::INFINITY,
        default_s: None,
        trials_run: 0,
        trials_total: 0,
        resumed: 0,
        retried: 0,
        space_size: space.size(),
        pruned_size,
        pruned_exact,
        failures: HashMap::new(),
        duplicates: 0,
        launch_overhead_s: None,
        overhead_included: info.clock.includes_overhead(),
        stored: false,
        elapsed_s: 0.0,
        strategy: opts.strategy.name().into(),
        warnings: cache.warnings.clone(),
    };
    if !opts.force {
        if let Some(w) = cache.winner(&key)? {
            if let Ok(best) = serde_json::from_value::<Schedule>(w.schedule.clone()) {
                if best.validate(spec, &dev).is_ok() {
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
    }
    cache.add_key(&key)?;
    let cache_dir = cache
        .path()
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let worker = match &opts.worker {
        WorkerMode::InProcess => Worker::in_process(),
        WorkerMode::Exe(p) => Worker::new(p.clone()),
        WorkerMode::Command(p, args) => Worker::command(p.clone(), args.clone()),
        WorkerMode::Locate => {
            Worker::new(crate::worker::locate().map_err(|e| TuneError::Worker(String::new(), e))?)
        }
    };
    let mut m = Measurer {
        worker,
        lock: DeviceLock::new(&cache_dir, &info.key()),
        deadline: opts.deadline,
    };

    // Resume: every stored trial of this key is history. Unless `force`
    // re-measures everything, a measured schedule (or identical code) is
    // not measured again, except a transient failure (crash, timeout: a
    // busy machine, say) stored once, which is retried once.
    let previous = cache.trials(&key_id)?;
    let mut history = History::default();
    let mut by_schedule: HashMap<String, Option<f64>> = HashMap::new();
    let mut code_seen: HashMap<String, Option<f64>> = HashMap::new();
    let mut retry: Vec<Schedule> = Vec::new();
    if !opts.force {
        // Per schedule: transient failures stored, and whether any other
        // verdict (ok, wrong, compile error, abandoned) is.
        let mut tally: HashMap<String, (usize, bool)> = HashMap::new();
        for t in &previous {
            let e = tally.entry(t.schedule.to_string()).or_default();
            if transient(t.status) {
                e.0 += 1;
            } else {
                e.1 = true;
            }
        }
        for t in &previous {
            let key = t.schedule.to_string();
            let (transients, verdict) = tally[&key];
            let cost = (t.status == Status::Ok).then_some(t.median_s).flatten();
            let decoded = serde_json::from_value::<Schedule>(t.schedule.clone()).ok();
            if verdict {
                if !transient(t.status) {
                    by_schedule.insert(key, cost);
                    if let Some(h) = &t.code_hash {
                        code_seen.insert(h.clone(), cost);
                    }
                }
            } else if transients > 1 {
                by_schedule.insert(key, None);
            } else if let Some(s) = &decoded {
                if !retry.contains(s) {
                    retry.push(s.clone());
                }
            }
            if let Some(p) = decoded.as_ref().and_then(|s| space.encode(spec, s)) {
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
            if s.validate(spec, &dev).is_ok() {
                seeds.extend(space.encode(spec, &s));
            }
        }
    }
    // Variants of the default measured early (first in this list).
    for s in heuristic_seeds(spec, &dev).into_iter().rev() {
        if let Some(p) = space.encode(spec, &s) {
            seeds.insert(0, p);
        }
    }
    seeds.reverse();
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
        prefetch_inject: None,
        device: info.name.clone(),
        cache_dir: Some(cache_dir.clone()),
        target: info.target.clone(),
    };
    let default = Schedule::default_for(spec, &dev);
    // Launch overhead, reported separately (with the default's threads).
    let mut oreq = request(&default, None, 100, false);
    oreq.overhead = true;
    if let Outcome::Done(r) = m.measure(&oreq)? {
        report.launch_overhead_s = r.stats.map(|s| s.median_s);
    }

    let bar = opts.progress.then(|| {
        let len = opts.trials.unwrap_or(0) as u64;
        let b = indicatif::ProgressBar::new(len.max(1));
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} trials  {msg}  eta {eta}",
            )
            .expect("valid template"),
        );
        b
    });
    let (flops, bytes) = kiln_schedule::work(spec);
    let rate = |s: f64| {
        if flops >= bytes {
            format!("{:.1} GFLOP/s", flops / s / 1e9)
        } else {
            format!("{:.1} GB/s", bytes / s / 1e9)
        }
    };

    let mut best: Option<(f64, Schedule)> = None;
    if !opts.force {
        for t in &previous {
            if let (Status::Ok, Some(med)) = (t.status, t.median_s) {
                if let Ok(s) = serde_json::from_value::<Schedule>(t.schedule.clone()) {
                    if best.as_ref().is_none_or(|b| med < b.0) && s.validate(spec, &dev).is_ok() {
                        best = Some((med, s));
                    }
                }
            }
        }
    }
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
            || opts.time.is_some_and(|t| start.elapsed() >= t)
            || opts
                .stop
                .as_ref()
                .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed));
        if out_of_budget && !pending_default {
            break;
        }
        // The default schedule is always measured first (the baseline),
        // then stored transient failures once more, then the strategy.
        let (point, sched, strategy_name) = if pending_default {
            pending_default = false;
            (space.encode(spec, &default), default.clone(), "default")
        } else if let Some(s) = retry.pop() {
            report.retried += 1;
            (space.encode(spec, &s), s, "retry")
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
        let code_hash = code_hash(device.as_ref(), spec, &sched);
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
            && opts.time.is_none_or(|t| start.elapsed() < t)
            && retry.is_empty();
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
            // A compile-time fault of candidate n strikes while it is
            // prefetched during candidate n-1.
            if *n == n_new + 1 && what.starts_with("compile-") {
                req.prefetch_inject = Some(what.clone());
            }
        }
        let outcome = m.measure(&req)?;
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
                .entry(status.as_str().to_string())
                .or_default() += 1;
        }
        let trial = Trial {
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
            created_at: kiln_cache::now(),
        };
        cache.add_trial(&trial)?;
        by_schedule.insert(sched_json.to_string(), cost);
        if !transient(status) {
            code_seen.insert(code_hash, cost);
        }
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
        if let Some(cb) = &opts.on_trial {
            (cb.0)(&TrialEvent {
                n: n_new,
                of: opts.trials,
                schedule: sched.clone(),
                status: status.as_str().to_string(),
                median_s: cost,
                best_s: best.as_ref().map(|b| b.0),
                trial,
                key: key.clone(),
            });
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    report.trials_run = n_new;

    let finalists = finalists(
        spec,
        device.as_ref(),
        &by_schedule,
        &default,
        opts.rerank,
        report.default_s.is_some(),
    );
    if finalists.len() > 1 {
        // Paired re-ranking: the best few (distinct code) and the default,
        // verified again under this build and measured interleaved in the
        // same rounds, so drift cannot pick the winner and the speed-up
        // compares like with like.
        let mut medians: Vec<Vec<f64>> = vec![Vec::new(); finalists.len()];
        let mut wrong = vec![false; finalists.len()];
        for round in 0..5 {
            for (i, s) in finalists.iter().enumerate() {
                if wrong[i] {
                    continue;
                }
                if let Outcome::Done(r) = m.measure(&request(s, None, 120, round == 0))? {
                    match (r.status.as_str(), r.stats) {
                        ("ok", Some(st)) => medians[i].push(st.median_s),
                        ("wrong", _) => wrong[i] = true,
                        _ => {}
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
            .filter(|(i, m)| !m.is_empty() && !wrong[*i])
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
    let winner = Winner {
        key,
        schedule: serde_json::to_value(&best_sched).expect("schedules serialize"),
        median_s: best_s,
        default_median_s: report.default_s,
        strategy: opts.strategy.name().into(),
        trials: report.trials_total as i64,
        budget: format!("{budget} space={:?}", opts.level).to_lowercase(),
        created_at: 0,
    };
    // Only a faster winner replaces the stored one, whichever run wrote
    // last (`force` included: a re-tune that finds nothing faster keeps it).
    report.stored = cache.offer_winner(&winner)?;
    if !report.stored {
        if let Some(w) = cache.winner(&winner.key)? {
            report.warnings.push(format!(
                "a faster winner ({:.4} ms) was stored meanwhile by another run; it is kept",
                w.median_s * 1e3
            ));
        }
    }
    report.elapsed_s = start.elapsed().as_secs_f64();
    Ok(report)
}

/// What identifies a schedule's generated code (cache trials store it).
fn code_hash(device: &dyn Device, spec: &Specialized<'_>, sched: &Schedule) -> String {
    blake3::hash(device.code(spec, sched).as_bytes()).to_hex()[..24].to_string()
}

/// The best `n` measured schedules with distinct code (and the default if
/// it was correct), for the final re-ranking.
fn finalists(
    spec: &Specialized<'_>,
    device: &dyn Device,
    by_schedule: &HashMap<String, Option<f64>>,
    default: &Schedule,
    n: usize,
    default_ok: bool,
) -> Vec<Schedule> {
    let mut ranked: Vec<(f64, String)> = by_schedule
        .iter()
        .filter_map(|(s, c)| c.map(|c| (c, s.clone())))
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let dev = &device.info().limits;
    let mut out: Vec<Schedule> = Vec::new();
    let mut codes = Vec::new();
    for (_, s) in ranked {
        if out.len() >= n.max(1) {
            break;
        }
        let Ok(s) = serde_json::from_str::<Schedule>(&s) else {
            continue;
        };
        if s.validate(spec, dev).is_err() {
            continue;
        }
        let code = code_hash(device, spec, &s);
        if !codes.contains(&code) {
            codes.push(code);
            out.push(s);
        }
    }
    if default_ok && !out.contains(default) {
        let code = code_hash(device, spec, default);
        // The default's code may be a finalist's: then that one stands for it.
        match codes.iter().position(|c| *c == code) {
            Some(i) => out[i] = default.clone(),
            None => out.push(default.clone()),
        }
    }
    out
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
    // Shared-memory staging of the operand a work-group's rows share (the
    // other matrix of a contraction), where the schedule allows it.
    let mut staged = default.clone();
    for st in &mut staged.stmts {
        st.local = st.workgroup.get(1).is_some_and(|&y| y > 1);
    }
    let staged = (0..staged.stmts.len()).fold(default.clone(), |mut acc, i| {
        let mut one = acc.clone();
        one.stmts[i].local = staged.stmts[i].local;
        if one.validate(spec, dev).is_ok() {
            acc = one;
        }
        acc
    });
    let mut out = Vec::new();
    for s in [native.clone(), staged, fuse(&default), fuse(&native)] {
        if s != default && !out.contains(&s) && s.validate(spec, dev).is_ok() {
            out.push(s);
        }
    }
    out
}
