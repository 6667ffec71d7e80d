//! `kiln verify`: the differential suite on devices (kiln-difftest).

use crate::common::{kiln_at, usage};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `kiln verify`.
#[derive(clap::Args)]
pub struct VerifyArgs {
    /// `.kiln` files whose kernels are checked.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Devices, comma-separated (`cpu,opencl:0,cuda:0`).
    #[arg(long, default_value = "cpu")]
    pub devices: String,
    /// Random schedules per kernel and device, besides the default.
    #[arg(long, default_value_t = 5)]
    pub random: usize,
    /// Seed of sizes, inputs and schedules.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Cache directory for drivers' program caches (default: $KILN_CACHE,
    /// else ~/.cache/kiln).
    #[arg(long)]
    pub cache: Option<PathBuf>,
}

/// Runs every kernel of the files on the devices against the interpreter.
/// Exits 1 when any run disagrees.
pub fn verify(a: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let kiln = kiln_at(a.cache.as_deref());
    let mut devices = Vec::new();
    for name in a
        .devices
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        devices.push(kiln.device(name)?);
    }
    if devices.is_empty() {
        usage!("--devices names no device");
    }
    let mut kernels = Vec::new();
    for f in &a.files {
        let (_, ks) = crate::common::load(f)?;
        kernels.extend(ks);
    }
    let t = std::time::Instant::now();
    let r = kiln_difftest::suite::run(&devices, &kernels, a.random, a.seed, |l| println!("{l}"));
    for f in &r.failures {
        println!("\n{f}");
    }
    println!(
        "verify: {} kernels, {} runs, {} disagree with the interpreter, {:.1} s",
        kernels.len(),
        r.runs,
        r.failures.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(if r.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
