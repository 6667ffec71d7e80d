//! Timing of compiled kernels: warm-up, repetitions sized by a time
//! budget, robust statistics. Only the launches are timed (no compilation,
//! no allocation, no I/O).

use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

/// Timing statistics of repeated runs, in seconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Median.
    pub median_s: f64,
    /// 20th percentile.
    pub p20_s: f64,
    /// 80th percentile.
    pub p80_s: f64,
    /// Fastest run.
    pub min_s: f64,
    /// Coefficient of variation (standard deviation / mean).
    pub cv: f64,
    /// Timed repetitions.
    pub reps: usize,
}

impl Stats {
    /// Statistics of a set of samples (seconds; NaN with `reps == 0` when empty).
    pub fn of(samples: &[f64]) -> Stats {
        if samples.is_empty() {
            return Stats {
                median_s: f64::NAN,
                p20_s: f64::NAN,
                p80_s: f64::NAN,
                min_s: f64::NAN,
                cv: f64::NAN,
                reps: 0,
            };
        }
        let mut s = samples.to_vec();
        s.sort_by(f64::total_cmp);
        let q = |p: f64| s[((s.len() - 1) as f64 * p).round() as usize];
        let mean = s.iter().sum::<f64>() / s.len() as f64;
        let var = s.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / s.len() as f64;
        Stats {
            median_s: q(0.5),
            p20_s: q(0.2),
            p80_s: q(0.8),
            min_s: s[0],
            cv: if mean > 0.0 { var.sqrt() / mean } else { 0.0 },
            reps: s.len(),
        }
    }
}

/// How long to measure.
#[derive(Clone, Debug)]
pub struct Budget {
    /// Warm-up time (at least one run).
    pub warmup: Duration,
    /// Time for the timed runs.
    pub time: Duration,
    /// Fewest timed runs.
    pub min_reps: usize,
    /// Most timed runs.
    pub max_reps: usize,
    /// Stop early, after at least `2 * min_reps` runs, once the standard
    /// error of the times (cv / sqrt(runs)) is below this fraction.
    pub stable_se: Option<f64>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            warmup: Duration::from_millis(100),
            time: Duration::from_millis(1000),
            min_reps: 5,
            max_reps: 10_000,
            stable_se: None,
        }
    }
}

/// Runs `f` under the budget and returns its statistics.
pub fn time_fn(budget: &Budget, f: impl FnMut()) -> Stats {
    time_between(budget, || {}, f)
}

/// Like [`time_fn`], running `between` before every timed run, outside the
/// timed region (e.g. evicting caches).
pub fn time_between(budget: &Budget, between: impl FnMut(), mut f: impl FnMut()) -> Stats {
    time_samples(budget, between, || {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64()
    })
}

/// The timing loop with the sample taken by `f` itself (seconds), e.g.
/// from a device's profiling counters; wall time paces the budget.
pub fn time_samples(
    budget: &Budget,
    mut between: impl FnMut(),
    mut f: impl FnMut() -> f64,
) -> Stats {
    let start = Instant::now();
    f();
    while start.elapsed() < budget.warmup {
        f();
    }
    let mut samples = Vec::new();
    let t0 = Instant::now();
    loop {
        let n = samples.len();
        if n >= budget.max_reps || (n >= budget.min_reps && t0.elapsed() >= budget.time) {
            break;
        }
        if let Some(se) = budget.stable_se {
            if n >= 2 * budget.min_reps {
                let st = Stats::of(&samples);
                if st.cv / (n as f64).sqrt() < se {
                    break;
                }
            }
        }
        between();
        samples.push(f());
    }
    Stats::of(&samples)
}
