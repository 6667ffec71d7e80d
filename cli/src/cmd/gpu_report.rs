//! `kiln gpu-report` (hidden): the table of the prepared GPU check
//! (`scripts/gpu-check.sh`). Tunes matmul and softmax on a device for a
//! time budget, re-measures the winners, and measures in the same run the
//! device's vendor baselines ([`kiln_device::Baseline`]: cuBLAS SGEMM at
//! the matmul's shape and a device-to-device copy of the softmax's input
//! on CUDA) and the empty-launch overhead.

use crate::common::kiln_at;
use kiln::{Module, ScheduleChoice, TuneOptions};
use kiln_device::{Baseline, Budget};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `kiln gpu-report`.
#[derive(clap::Args)]
pub struct GpuReportArgs {
    /// Device (one with baselines: `cuda:N`).
    #[arg(long, default_value = "cuda:0")]
    pub device: String,
    /// Directory holding `matmul.kiln` and `softmax.kiln`.
    #[arg(long, default_value = "ir-specs")]
    pub specs: PathBuf,
    /// Tuning seconds per kernel.
    #[arg(long, default_value_t = 90)]
    pub seconds: u64,
    /// Matmul size (M = N = K).
    #[arg(long, default_value_t = 4096)]
    pub matmul: i64,
    /// Softmax rows and columns.
    #[arg(long, default_value_t = 8192)]
    pub softmax: i64,
    /// Cache directory (default: $KILN_CACHE, else ~/.cache/kiln).
    #[arg(long)]
    pub cache: Option<PathBuf>,
}

const TIMED: Budget = Budget {
    warmup: Duration::from_millis(200),
    time: Duration::from_secs(2),
    min_reps: 10,
    max_reps: 2000,
    stable_se: None,
};

/// Tunes one kernel and re-measures the winner; returns (median seconds,
/// trials, speed-up over the default).
fn tuned(
    kiln: &kiln::Kiln,
    device: &std::sync::Arc<dyn kiln::Device>,
    file: &std::path::Path,
    name: &str,
    sizes: &kiln::Sizes,
    seconds: u64,
) -> anyhow::Result<(f64, usize, Option<f64>)> {
    let m = Module::load(file)?;
    let k = m.kernel(name)?;
    let opts = TuneOptions {
        trials: None,
        time: Some(Duration::from_secs(seconds)),
        progress: true,
        ..TuneOptions::default()
    };
    let r = kiln.tune(&k, device, sizes, &opts)?;
    eprintln!(
        "{name}: {} trials, best {:.3} ms, schedule {}",
        r.trials_run,
        r.best_s * 1e3,
        serde_json::to_string(&r.best)?
    );
    let c = kiln.compile(&k, device, sizes, ScheduleChoice::Explicit(r.best.clone()))?;
    let spec = k.specialize(sizes)?;
    let inputs = kiln_tensor::random_inputs(&spec, 1);
    let mut b = c.bind(&inputs)?;
    let st = kiln_device::time_bound(b.as_mut(), &TIMED, false)?;
    let speedup = r.default_s.map(|d| d / st.median_s);
    Ok((st.median_s, r.trials_run, speedup))
}

/// Prints the GPU check's table.
pub fn gpu_report(a: &GpuReportArgs) -> anyhow::Result<ExitCode> {
    let kiln = kiln_at(a.cache.as_deref());
    let device = kiln.device(&a.device)?;
    println!("device: {}", device.info().description);

    let overhead = device.empty_launch(
        &kiln::Schedule {
            threads: 1,
            stmts: Vec::new(),
        },
        &kiln_device::OVERHEAD_BUDGET,
    )?;

    let n = a.matmul;
    let mm_sizes = kiln::sizes([("M", n), ("N", n), ("K", n)]);
    let (mm_s, mm_trials, mm_up) = tuned(
        &kiln,
        &device,
        &a.specs.join("matmul.kiln"),
        "matmul",
        &mm_sizes,
        a.seconds,
    )?;
    let flops = 2.0 * (n as f64).powi(3);
    let n_ = n as usize;
    let cublas = device.baseline(
        &Baseline::Sgemm {
            m: n_,
            n: n_,
            k: n_,
        },
        &TIMED,
    );

    let r = a.softmax;
    let sm_sizes = kiln::sizes([("R", r), ("C", r)]);
    let (sm_s, sm_trials, sm_up) = tuned(
        &kiln,
        &device,
        &a.specs.join("softmax.kiln"),
        "softmax",
        &sm_sizes,
        a.seconds,
    )?;
    let bytes = (r * r * 4) as f64;
    let (copy, _) = device.baseline(
        &Baseline::Copy {
            bytes: (r * r * 4) as usize,
        },
        &TIMED,
    )?;
    // Softmax reads x and writes y once at least: 2 x bytes, as the copy.
    let sm_gbs = 2.0 * bytes / sm_s / 1e9;
    let copy_gbs = 2.0 * bytes / copy.median_s / 1e9;
    let up = |u: Option<f64>| u.map_or("?".into(), |u| format!("{u:.2}x"));

    println!();
    println!("| check | kiln (tuned) | baseline, same run | ratio | bar |");
    println!("|---|---|---|---|---|");
    match &cublas {
        Ok((st, note)) => {
            let ratio = st.median_s / mm_s;
            println!(
                "| matmul {n}^3 f32 | {:.1} TFLOP/s ({mm_trials} trials, {} over default) | {:.1} TFLOP/s ({note}) | {ratio:.2} | >= 0.5: {} |",
                flops / mm_s / 1e12,
                up(mm_up),
                flops / st.median_s / 1e12,
                if ratio >= 0.5 { "met" } else { "NOT met" }
            );
        }
        Err(e) => println!(
            "| matmul {n}^3 f32 | {:.1} TFLOP/s ({mm_trials} trials, {} over default) | vendor SGEMM unavailable: {e} | ? | >= 0.5: unknown |",
            flops / mm_s / 1e12,
            up(mm_up)
        ),
    }
    let ratio = sm_gbs / copy_gbs;
    println!(
        "| softmax {r}x{r} f32 | {sm_gbs:.0} GB/s ({sm_trials} trials, {} over default) | device-to-device copy {copy_gbs:.0} GB/s | {ratio:.2} | >= 0.6: {} |",
        up(sm_up),
        if ratio >= 0.6 { "met" } else { "NOT met" }
    );
    println!(
        "| launch overhead | {:.1} us median (empty kernel, CUDA events; p20 {:.1}, p80 {:.1}) | | | |",
        overhead.median_s * 1e6,
        overhead.p20_s * 1e6,
        overhead.p80_s * 1e6
    );
    Ok(ExitCode::SUCCESS)
}
