//! `kiln tune`.

use crate::common::{kiln_at, load, parse_duration, rate, target_spec, usage, Target};
use anyhow::Context as _;
use std::process::ExitCode;

/// Arguments of `kiln tune`.
#[derive(clap::Args)]
pub struct TuneArgs {
    #[command(flatten)]
    pub target: Target,
    /// exhaustive, random or evolution (guided).
    #[arg(long, default_value = "evolution")]
    pub strategy: String,
    /// New trials at most (default 60 unless --time is given).
    #[arg(long)]
    pub trials: Option<usize>,
    /// Wall time at most, e.g. `90s`, `2m`.
    #[arg(long)]
    pub time: Option<String>,
    /// Search space: `full` or `small` (small enough to enumerate).
    #[arg(long, default_value = "full")]
    pub space: String,
    /// Evict caches before every timed run.
    #[arg(long)]
    pub cold: bool,
    /// Tune again even if a winner is cached.
    #[arg(long)]
    pub force: bool,
    /// Seed of the search.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Test hook: `N:WHAT` injects a fault into the N-th new candidate,
    /// WHAT one of crash, hang, compile-crash, compile-panic (the worker
    /// honours it only with KILN_TEST_INJECT=1).
    #[arg(long, hide = true)]
    pub inject: Option<String>,
    /// Write the time-to-quality curve (best so far against trials and
    /// seconds) to FILE: CSV when it ends in `.csv`, else JSON.
    #[arg(long, value_name = "FILE")]
    pub curve: Option<std::path::PathBuf>,
    /// Seconds one candidate may take before it counts as hung.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub deadline: u64,
}

/// Tunes and prints the report (a table, or one JSON object).
pub fn tune(a: &TuneArgs) -> anyhow::Result<ExitCode> {
    let time = a.time.as_deref().map(parse_duration).transpose()?;
    let strategy = kiln_tuner::strategy::Kind::parse(&a.strategy).with_context(|| {
        format!(
            "unknown strategy `{}` (exhaustive, random, evolution)",
            a.strategy
        )
    })?;
    let level = match a.space.as_str() {
        "full" => kiln_tuner::space::Level::Full,
        "small" => kiln_tuner::space::Level::Small,
        other => usage!("unknown space `{other}` (full, small)"),
    };
    let inject = match &a.inject {
        Some(s) => {
            let Some((n, what)) = s.split_once(':') else {
                usage!("--inject N:WHAT");
            };
            let Ok(n) = n.parse() else {
                usage!("--inject N:WHAT: `{n}` is not a number");
            };
            Some((n, what.to_string()))
        }
        None => None,
    };
    let kiln = kiln_at(a.target.cache.as_deref());
    let device = a.target.open(&kiln, false)?;
    let (source, kernels) = load(&a.target.file)?;
    let spec = target_spec(&a.target, &kernels, &source)?;
    let cache = kiln.cache()?;
    for w in &cache.warnings {
        eprintln!("{w}");
    }
    let trials = match (a.trials, time, strategy) {
        (Some(t), _, _) => Some(t),
        (None, None, kiln_tuner::strategy::Kind::Exhaustive) => None,
        (None, None, _) => Some(60),
        (None, Some(_), _) => None,
    };
    let mut opts = kiln_tuner::TuneOptions {
        strategy,
        trials,
        time,
        level,
        cold: a.cold,
        force: a.force,
        progress: !a.json && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        seed: a.seed,
        inject,
        deadline: std::time::Duration::from_secs(a.deadline),
        worker: kiln_tuner::WorkerMode::Exe(std::env::current_exe()?),
        ..Default::default()
    };
    let points: std::sync::Arc<std::sync::Mutex<Vec<super::curve::Point>>> = Default::default();
    if a.curve.is_some() {
        let (points, start) = (points.clone(), std::time::Instant::now());
        opts = opts.on_trial(move |e| {
            points
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(super::curve::Point {
                    trial: e.n,
                    seconds: start.elapsed().as_secs_f64(),
                    status: e.status.clone(),
                    median_s: e.median_s,
                    best_s: e.best_s,
                });
        });
    }
    let r = kiln_tuner::tune(source.text(), &spec, &device, &cache, &opts)?;
    if let Some(path) = &a.curve {
        super::curve::write(path, &points.lock().unwrap_or_else(|p| p.into_inner()))?;
    }
    if a.json {
        println!("{}", serde_json::to_string(&r)?);
        return Ok(ExitCode::SUCCESS);
    }
    let k = spec.kernel;
    if r.cached {
        println!(
            "{}: cached winner (key {}), answered in {:.0} ms; use --force to tune again",
            k.name,
            &r.key_id[..12],
            r.elapsed_s * 1e3
        );
    }
    println!(
        "kernel     {} ({}) on {}",
        k.name,
        spec.sizes()
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join(","),
        r.device
    );
    println!(
        "best       {:.4} ms  {}",
        r.best_s * 1e3,
        rate(&spec, r.best_s)
    );
    if let Some(d) = r.default_s {
        println!("default    {:.4} ms  {}", d * 1e3, rate(&spec, d));
        println!("speed-up   {:.2}x over the default schedule", d / r.best_s);
    }
    if !r.cached {
        println!(
            "trials     {} new ({} stored failures retried), {} resumed, {} stored; {} duplicate code skipped; failures {:?}",
            r.trials_run, r.retried, r.resumed, r.trials_total, r.duplicates, r.failures
        );
        println!(
            "space      {} points, {} after pruning{}",
            r.space_size,
            r.pruned_size,
            if r.pruned_exact { "" } else { " (estimated)" }
        );
        if let Some(o) = r.launch_overhead_s {
            println!(
                "launch     {:.1} us empty-launch overhead ({} the kernel times above)",
                o * 1e6,
                if r.overhead_included {
                    "included in"
                } else {
                    "not in"
                }
            );
        }
        println!("time       {:.1} s, strategy {}", r.elapsed_s, r.strategy);
    }
    for w in r.warnings.iter().skip(cache.warnings.len()) {
        eprintln!("{w}");
    }
    println!("schedule   {}", serde_json::to_string(&r.best)?);
    Ok(ExitCode::SUCCESS)
}
