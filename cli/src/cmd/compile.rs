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
}

/// Shows one compilation stage (or the schedule).
pub fn compile(a: &CompileArgs) -> anyhow::Result<ExitCode> {
    let kiln = kiln_at(a.target.cache.as_deref());
    let device = a.target.open(&kiln, true)?;
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
