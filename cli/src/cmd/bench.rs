//! `kiln bench`.

use crate::common::{kiln_at, load, schedule_for, seconds, target_spec, usage, Target};
use std::process::ExitCode;

/// Arguments of `kiln bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    #[command(flatten)]
    pub target: Target,
    /// Threads of the CPU pool (overrides the schedule's threads; 1-4096).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Seconds of timed runs (at most 3600).
    #[arg(long, default_value_t = 1.0)]
    pub seconds: f64,
    /// Evict caches before every timed run.
    #[arg(long)]
    pub cold: bool,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Times launches on random inputs (compilation and I/O not timed).
pub fn bench(a: &BenchArgs) -> anyhow::Result<ExitCode> {
    let time = seconds("--seconds", a.seconds, 3600.0)?;
    if let Some(t) = a.threads {
        if !(1..=4096).contains(&t) {
            usage!("--threads {t}: give 1 to 4096");
        }
    }
    let kiln = kiln_at(a.target.cache.as_deref());
    let device = a.target.open(&kiln, false)?;
    let (source, kernels) = load(&a.target.file)?;
    let spec = target_spec(&a.target, &kernels, &source)?;
    let k = spec.kernel;
    let (mut sched, how) =
        schedule_for(&kiln, &spec, device.as_ref(), a.target.schedule.as_deref())?;
    if let Some(t) = a.threads {
        sched.threads = t;
    }
    let budget = kiln_device::Budget {
        time,
        ..Default::default()
    };
    let inputs = kiln_tensor::random_inputs(&spec, 0);
    let loaded = device.build(&spec, &sched)?;
    let compile_s = loaded.compile_s();
    let mut bound = loaded.bind(&inputs)?;
    let st = kiln_device::time_bound(bound.as_mut(), &budget, a.cold)?;
    let (flops, bytes) = kiln_schedule::work(&spec);
    let gflops = flops / st.median_s / 1e9;
    let gbps = bytes / st.median_s / 1e9;
    let info = device.info();
    if a.json {
        let v = serde_json::json!({
            "kernel": k.name, "sizes": spec.sizes(), "device": info.name, "threads": sched.threads,
            "median_s": st.median_s, "p20_s": st.p20_s, "p80_s": st.p80_s, "min_s": st.min_s, "cv": st.cv,
            "reps": st.reps, "gflops": gflops, "gbps": gbps, "flops": flops, "bytes": bytes,
            "compile_s": compile_s, "schedule": sched, "schedule_source": how,
            "clock": info.clock, "cold": a.cold,
        });
        println!("{v}");
    } else {
        println!(
            "{} on {} ({how}; {}; {}{})",
            k.name,
            info.name,
            info.clock.describe(),
            if info.limits.gpu.is_none() {
                format!("{} threads", sched.threads)
            } else {
                format!("{} launches", loaded.launches())
            },
            if a.cold { ", cold caches" } else { "" }
        );
        println!(
            "  median {:.3} ms  p20 {:.3} ms  p80 {:.3} ms  cv {:.1}%  ({} runs)",
            st.median_s * 1e3,
            st.p20_s * 1e3,
            st.p80_s * 1e3,
            st.cv * 100.0,
            st.reps
        );
        println!(
            "  {gflops:.2} GFLOP/s  {gbps:.2} GB/s  (compile {:.1} ms)",
            compile_s * 1e3
        );
    }
    Ok(ExitCode::SUCCESS)
}
