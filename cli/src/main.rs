//! The `kiln` command line: a thin layer over the `kiln` library crate,
//! one module per command (`cmd/`).

mod cmd;
mod common;

use clap::{Parser, Subcommand};
use cmd::{
    bench::BenchArgs, cache::CacheCmd, compile::CompileArgs, gpu_report::GpuReportArgs,
    run::RunArgs, tune::TuneArgs, tune_many::TuneManyArgs, verify::VerifyArgs,
};
use common::{Reported, Usage};
use std::path::PathBuf;
use std::process::ExitCode;

/// kiln: write a kernel once in a small tensor language, check it, run it.
///
/// A `.kiln` file holds kernels such as
///
///   kernel matmul(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) {
///       c[i, j] += a[i, k] * b[k, j];
///   }
///
/// Start with `kiln check FILE`, then `kiln run FILE --random M=64,N=48,K=32
/// --out DIR`. The language is described in ir-specs/README.md.
#[derive(Parser)]
#[command(name = "kiln", version, about, long_about, verbatim_doc_comment)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Parse and validate kernel files; print each kernel's signature and
    /// content hash. Exits 1 if any file has an error.
    Check {
        /// `.kiln` files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print a file in canonical form (comments dropped).
    Fmt {
        /// `.kiln` file.
        file: PathBuf,
        /// Rewrite the file in place instead of printing.
        #[arg(long, conflicts_with = "check")]
        write: bool,
        /// Exit 1 if the file is not already in canonical form.
        #[arg(long)]
        check: bool,
    },
    /// Compile a kernel for a device and show a stage: the emitted MLIR,
    /// the lowered MLIR, LLVM IR, assembly, an object file, or the schedule
    /// (CPU); the gpu-dialect MLIR or the OpenCL C (OpenCL devices); NVVM,
    /// LLVM IR, PTX with ptxas's resource line, or a cubin (CUDA, also
    /// without a driver: `--arch sm_80|sm_90|...`).
    ///
    /// Examples:
    ///   kiln compile ir-specs/matmul.kiln --shape M=1024,N=1024,K=1024 --device cpu --emit asm
    ///   kiln compile ir-specs/softmax.kiln --shape R=64,C=256 --device opencl:0 --emit cl
    ///   kiln compile ir-specs/softmax.kiln --shape R=64,C=256 --device cuda --arch sm_90 --emit ptx
    #[command(verbatim_doc_comment)]
    Compile(CompileArgs),
    /// Measure a compiled kernel on random inputs (compilation and I/O not
    /// timed; OpenCL devices: device time from profiling events): median,
    /// p20/p80, GFLOP/s and GB/s.
    Bench(BenchArgs),
    /// List the devices kiln can run on.
    Devices,
    /// Find the fastest correct schedule for a kernel and shape on a
    /// device, by measuring, and store it in the cache.
    ///
    /// Examples:
    ///   kiln tune ir-specs/matmul.kiln --shape M=1024,N=1024,K=1024 --trials 60
    ///   kiln tune ir-specs/matmul.kiln --shape M=1024,N=1024,K=1024 --device opencl:0 --time 150s
    #[command(verbatim_doc_comment)]
    Tune(TuneArgs),
    /// Tune every kernel, shape set and device kind of a job file (TOML):
    /// here, one after another, or across a Ray cluster with `--ray`
    /// (through the Python package: `python -m kiln.ray`). Jobs already
    /// tuned are answered from the cache; a summary table at the end.
    ///
    /// Examples:
    ///   kiln tune-many jobs.toml
    ///   kiln tune-many jobs.toml --ray auto --cache /shared/kiln-cache
    #[command(verbatim_doc_comment)]
    TuneMany(TuneManyArgs),
    /// Inspect and manage the tuning cache.
    Cache {
        #[command(subcommand)]
        cmd: CacheCmd,
        /// Cache directory (default: $KILN_CACHE, else ~/.cache/kiln).
        #[arg(long, global = true)]
        cache: Option<PathBuf>,
    },
    /// Check devices against the reference interpreter: every kernel of the
    /// files under the device's default schedule and random valid ones, on
    /// sizes no tile divides. Exits 1 on any disagreement.
    ///
    /// Example:
    ///   kiln verify ir-specs/*.kiln --devices cpu,opencl:0,cuda:0 --random 5
    #[command(verbatim_doc_comment)]
    Verify(VerifyArgs),
    /// The prepared GPU check's table (scripts/gpu-check.sh): tuned matmul
    /// and softmax against cuBLAS and a copy, measured in one run.
    #[command(hide = true)]
    GpuReport(GpuReportArgs),
    /// Serve measurement requests on stdin (used by `kiln tune`).
    #[command(hide = true)]
    Worker,
    /// Run a kernel on .npy inputs (or random ones) and write its outputs as
    /// DIR/<output name>.npy.
    ///
    /// Example:
    ///   kiln run ir-specs/layernorm.kiln --random R=4,C=8 --input eps=1e-5 --out /tmp/o
    #[command(verbatim_doc_comment)]
    Run(RunArgs),
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Check { files } => cmd::check::check(&files),
        Cmd::Fmt { file, write, check } => cmd::check::fmt(&file, write, check),
        Cmd::Run(args) => cmd::run::run(&args),
        Cmd::Compile(args) => cmd::compile::compile(&args),
        Cmd::Bench(args) => cmd::bench::bench(&args),
        Cmd::Devices => cmd::devices::devices(),
        Cmd::Tune(args) => cmd::tune::tune(&args),
        Cmd::TuneMany(args) => cmd::tune_many::tune_many(&args),
        Cmd::Cache { cmd, cache } => cmd::cache::cache_cmd(&cmd, cache.as_deref()),
        Cmd::Verify(args) => cmd::verify::verify(&args),
        Cmd::GpuReport(args) => cmd::gpu_report::gpu_report(&args),
        Cmd::Worker => Ok(ExitCode::from(kiln_tuner::worker::worker_main() as u8)),
    };
    match r {
        Ok(code) => code,
        Err(e) if e.downcast_ref::<Reported>().is_some() => ExitCode::from(1),
        Err(e) if e.downcast_ref::<Usage>().is_some() => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Restores the default SIGPIPE action (Rust ignores it), so `kiln ... |
/// head` ends quietly like other Unix tools instead of failing to print.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default at start-up,
    // before any thread exists, is sound.
    #[allow(unsafe_code)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
