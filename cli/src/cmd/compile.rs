//! `kiln compile`.

use crate::common::{kiln_at, load, schedule_for, target_spec, usage, write_out, Target};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `kiln compile`.
#[derive(clap::Args)]
pub struct CompileArgs {
    #[command(flatten)]
    pub target: Target,
    /// Stage: `schedule`, or one of the device's stages (cpu: mlir,
    /// mlir-lowered, llvm-raw, llvm, asm, obj; opencl:N: mlir,
    /// mlir-normalized, cl; cuda:N: mlir, nvvm, llvm, ptx, cubin). No
    /// device is touched: CUDA compiles without a driver (`--arch`).
    #[arg(long, default_value = "mlir")]
    pub emit: String,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Write an artifact into this directory instead of showing a stage:
    /// the machine code (CPU: a PIC object and a shared library) and its
    /// entry in DIR/manifest.json, which `kiln-rt` loads without LLVM.
    /// `--arch` picks the target CPU (native, x86-64-v3, ...).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "emit"])]
    pub out: Option<PathBuf>,
    /// With --out: take the winner locked in this `kiln.lock` for this
    /// device when it is current (a stale one is a warning).
    #[arg(long, value_name = "FILE", requires = "out")]
    pub lock: Option<PathBuf>,
}

/// Shows one compilation stage (or the schedule).
pub fn compile(a: &CompileArgs) -> anyhow::Result<ExitCode> {
    let kiln = kiln_at(a.target.cache.as_deref());
    let device = a.target.open(&kiln, true)?;
    if let Some(dir) = &a.out {
        let (source, kernels) = load(&a.target.file)?;
        let spec = target_spec(&a.target, &kernels, &source)?;
        let choice = match &a.target.schedule {
            // Validated (with the file named) before anything is written.
            Some(p) => kiln::ScheduleChoice::Explicit(
                schedule_for(&kiln, &spec, device.as_ref(), Some(p))?.0,
            ),
            None => match &a.lock {
                Some(lock) => {
                    let l = kiln::lock::Lock::read(lock)?;
                    let (c, stale) = kiln::lock::choice(&l, &spec, device.info())?;
                    if let Some(w) = stale {
                        eprintln!("warning: {w}");
                    }
                    c
                }
                None => kiln::ScheduleChoice::Cached,
            },
        };
        let locked = matches!(choice, kiln::ScheduleChoice::Tuned { .. });
        let art = kiln.export(&spec, &device, choice, dir)?;
        let files: Vec<&str> = art.files.values().map(String::as_str).collect();
        let how = match (&a.target.schedule, art.provenance.tuned) {
            (Some(p), _) => format!("schedule {}", p.display()),
            (None, true) if locked => "tuned schedule from the lock".into(),
            (None, true) => "tuned schedule from the cache".into(),
            (None, false) => "default schedule (no tuned schedule in the cache)".into(),
        };
        eprintln!(
            "{}: {how}; wrote {} and {} ({} launches, target {})",
            spec.kernel.name,
            files.join(", "),
            dir.join(kiln_device::manifest::FILE).display(),
            art.launches.len(),
            art.provenance.target
        );
        return Ok(ExitCode::SUCCESS);
    }
    let stage = if a.emit == "schedule" {
        None
    } else {
        match device.stage(&a.emit) {
            Ok(s) => Some(s),
            Err(e) => usage!("{e}"),
        }
    };
    if stage.is_some_and(|s| s.binary) && a.output.is_none() {
        usage!("--emit {} writes binary: give --output FILE", a.emit);
    }
    let (source, kernels) = load(&a.target.file)?;
    let spec = target_spec(&a.target, &kernels, &source)?;
    let (sched, how) = schedule_for(&kiln, &spec, device.as_ref(), a.target.schedule.as_deref())?;
    let Some(stage) = stage else {
        let text = serde_json::to_string_pretty(&sched)? + "\n";
        return write_out(a.output.as_deref(), text.as_bytes());
    };
    eprintln!("{}: {how}", spec.kernel.name);
    let bytes = device.emit(&spec, &sched, stage.name)?;
    write_out(a.output.as_deref(), &bytes)
}
