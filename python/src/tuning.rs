//! Tuning from Python, and the measurement worker's entry point.

use crate::errors::{raise, to_py};
use crate::kernel::{device, kiln_for, Kernel};
use kiln::{Strategy, TuneOptions, WorkerMode};
use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Tunes `kernel` at `sizes` on `device` and stores the winner in the
/// cache; returns the report as JSON.
///
/// `worker`: the command that serves measurements (`[program, args...]`),
/// `None` for the `kiln` executable (`$KILN_WORKER`, beside the program,
/// `PATH`), or `["inprocess"]` (no crash isolation). `on_trial` is called
/// with each finished trial as JSON (`n`, `of`, `status`, `median_s`,
/// `best_s`, `schedule`, and the stored `trial` and its `key`); if it
/// raises, or Ctrl-C is pressed, tuning stops after the current candidate
/// (the winner so far is stored) and the exception propagates.
#[pyfunction]
#[pyo3(signature = (kernel, device_name, sizes, *, cache_dir=None, trials=None, time_s=None,
    strategy="evolution", level="full", seed=0, force=false, time_per_trial_ms=300,
    rerank=3, worker=None, on_trial=None, target=None))]
#[allow(clippy::too_many_arguments)]
pub fn tune(
    py: Python<'_>,
    kernel: &Kernel,
    device_name: &str,
    sizes: BTreeMap<String, i64>,
    cache_dir: Option<PathBuf>,
    trials: Option<usize>,
    time_s: Option<f64>,
    strategy: &str,
    level: &str,
    seed: u64,
    force: bool,
    time_per_trial_ms: u64,
    rerank: usize,
    worker: Option<Vec<String>>,
    on_trial: Option<Py<PyAny>>,
    target: Option<String>,
) -> PyResult<String> {
    let strategy = Strategy::parse(strategy).ok_or_else(|| {
        raise(
            "ArgumentError",
            format!("strategy `{strategy}`: expected evolution, random or exhaustive"),
        )
    })?;
    let level = match level {
        "full" => kiln_tuner::space::Level::Full,
        "small" => kiln_tuner::space::Level::Small,
        l => {
            return Err(raise(
                "ArgumentError",
                format!("level `{l}`: expected full or small"),
            ))
        }
    };
    if let Some(t) = time_s {
        if !(t.is_finite() && t > 0.0) {
            return Err(raise(
                "ArgumentError",
                format!("time: expected a positive number of seconds, got {t}"),
            ));
        }
    }
    if trials.is_none() && time_s.is_none() {
        return Err(raise(
            "ArgumentError",
            "give a budget: trials=N, time=SECONDS, or both",
        ));
    }
    let worker = match worker.as_deref() {
        None => WorkerMode::Locate,
        Some([one]) if one == "inprocess" => WorkerMode::InProcess,
        Some([program, args @ ..]) => WorkerMode::Command(program.into(), args.to_vec()),
        Some([]) => return Err(raise("ArgumentError", "worker: an empty command")),
    };
    let stop = Arc::new(AtomicBool::new(false));
    let failed: Arc<Mutex<Option<PyErr>>> = Arc::default();
    let mut opts = TuneOptions {
        strategy,
        trials,
        time: time_s.map(Duration::from_secs_f64),
        level,
        force,
        rerank,
        time_per_trial_ms,
        worker,
        seed,
        stop: Some(stop.clone()),
        ..TuneOptions::default()
    };
    if let Some(cb) = on_trial {
        let (stop, failed) = (stop.clone(), failed.clone());
        opts = opts.on_trial(move |e| {
            let event = serde_json::json!({
                "n": e.n, "of": e.of, "status": e.status, "median_s": e.median_s,
                "best_s": e.best_s, "schedule": e.schedule, "trial": e.trial, "key": e.key,
            })
            .to_string();
            Python::attach(|py| {
                let r = cb.call1(py, (event,)).and(py.check_signals());
                if let Err(err) = r {
                    stop.store(true, Ordering::Relaxed);
                    failed
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .get_or_insert(err);
                }
            });
        });
    }
    let kiln = kiln_for(cache_dir);
    let module = kernel.module().clone();
    let name = kernel.kernel_name().to_string();
    let report = py.detach(|| {
        let k = module.kernel(&name)?;
        let dev = device(&kiln, device_name, target)?;
        kiln.tune(&k, &dev, &sizes, &opts)
    });
    if let Some(err) = failed.lock().unwrap_or_else(|p| p.into_inner()).take() {
        return Err(err);
    }
    let report = report.map_err(to_py)?;
    Ok(serde_json::to_string(&report).expect("reports serialize"))
}

/// Serves the measurement worker protocol on stdin and stdout until stdin
/// closes (`python -m kiln._worker`); returns the exit code.
#[pyfunction]
pub fn worker_main(py: Python<'_>) -> i32 {
    py.detach(kiln_tuner::worker::worker_main)
}
