//! The `kiln` command line: a thin layer over the library crates.

use anyhow::{bail, Context as _};
use clap::{Parser, Subcommand};
use kiln_ir::{Diag, Kernel, Source, Specialized};
use kiln_tensor::HostTensor;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

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
    /// (CPU); the gpu-dialect MLIR or the OpenCL C (OpenCL devices).
    ///
    /// Examples:
    ///   kiln compile ir-specs/matmul.kiln --shape M=1024,N=1024,K=1024 --device cpu --emit asm
    ///   kiln compile ir-specs/softmax.kiln --shape R=64,C=256 --device opencl:0 --emit cl
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
    /// Inspect and manage the tuning cache.
    Cache {
        #[command(subcommand)]
        cmd: CacheCmd,
        /// Cache directory (default: $KILN_CACHE, else ~/.cache/kiln).
        #[arg(long, global = true)]
        cache: Option<PathBuf>,
    },
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

#[derive(clap::Args)]
struct RunArgs {
    /// `.kiln` file.
    file: PathBuf,
    /// Kernel to run (optional when the file holds one kernel).
    #[arg(long, short)]
    kernel: Option<String>,
    /// Where to run: `interp` (the reference interpreter), `cpu` or `opencl:N`.
    #[arg(long, default_value = "interp")]
    device: String,
    /// Schedule (JSON) for compiled devices; default: the default schedule.
    #[arg(long)]
    schedule: Option<PathBuf>,
    /// Also run the reference interpreter and compare (compiled devices).
    #[arg(long)]
    verify: bool,
    /// An input: `NAME=PATH.npy`, or `NAME=LITERAL` for a scalar parameter
    /// (`eps=1e-5`). Repeatable.
    #[arg(long = "input", short = 'i', value_name = "NAME=VALUE")]
    inputs: Vec<String>,
    /// Fill inputs not given with random values; sizes not implied by given
    /// inputs come from `SYM=N,...` (e.g. `M=64,N=48,K=32`). Floats are
    /// uniform in [-1, 1), i32 in [-8, 8], scalars in [0, 1).
    #[arg(long, value_name = "SIZES", num_args = 0..=1, default_missing_value = "")]
    random: Option<String>,
    /// Seed for `--random`.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Output directory (created if missing).
    #[arg(long, short)]
    out: PathBuf,
    /// Also write every input (given or random) as DIR/<input name>.npy.
    #[arg(long)]
    save_inputs: bool,
}

#[derive(clap::Args)]
struct Target {
    /// `.kiln` file.
    file: PathBuf,
    /// Kernel (optional when the file holds one kernel).
    #[arg(long, short)]
    kernel: Option<String>,
    /// Sizes of every size symbol, e.g. `M=1024,N=1024,K=1024`.
    #[arg(long, value_name = "SIZES")]
    shape: String,
    /// Device: `cpu` or `opencl:N` (see `kiln devices`).
    #[arg(long, default_value = "cpu")]
    device: String,
    /// Schedule (JSON); default: the default schedule.
    #[arg(long)]
    schedule: Option<PathBuf>,
}

#[derive(clap::Args)]
struct TuneArgs {
    #[command(flatten)]
    target: Target,
    /// exhaustive, random or evolution (guided).
    #[arg(long, default_value = "evolution")]
    strategy: String,
    /// New trials at most (default 60 unless --time is given).
    #[arg(long)]
    trials: Option<usize>,
    /// Wall time at most, e.g. `90s`, `2m`.
    #[arg(long)]
    time: Option<String>,
    /// Search space: `full` or `small` (small enough to enumerate).
    #[arg(long, default_value = "full")]
    space: String,
    /// Evict caches before every timed run.
    #[arg(long)]
    cold: bool,
    /// Tune again even if a winner is cached.
    #[arg(long)]
    force: bool,
    /// Cache directory (default: $KILN_CACHE, else ~/.cache/kiln).
    #[arg(long)]
    cache: Option<PathBuf>,
    /// Seed of the search.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    json: bool,
    /// Test hook: `N:crash` or `N:hang` injects into the N-th new candidate
    /// (the worker honours it only with KILN_TEST_INJECT=1).
    #[arg(long, hide = true)]
    inject: Option<String>,
    /// Seconds one candidate may take before it counts as hung.
    #[arg(long, default_value_t = 60)]
    deadline: u64,
}

#[derive(Subcommand)]
enum CacheCmd {
    /// List winners: key id, kernel, sizes, device, time, trials.
    Ls,
    /// Show a winner and its trials (key id or unique prefix).
    Show {
        /// Key id or prefix.
        key: String,
    },
    /// Write every winner and trial as JSON.
    Export {
        /// Output file.
        file: PathBuf,
    },
    /// Read winners and trials from JSON (validated; nothing written on error).
    Import {
        /// Input file.
        file: PathBuf,
    },
    /// Remove keys (winner and trials).
    Rm {
        /// Key ids or prefixes.
        #[arg(required = true)]
        keys: Vec<String>,
    },
    /// Drop all but the 5 best successful trials of keys that have a winner; compact.
    Gc,
    /// Check the database (SQLite integrity and kiln's records).
    Verify,
}

#[derive(clap::Args)]
struct CompileArgs {
    #[command(flatten)]
    target: Target,
    /// Stage. cpu: mlir, mlir-lowered, llvm-raw, llvm, asm, obj, schedule;
    /// opencl:N: mlir (gpu dialect), mlir-normalized, cl (OpenCL C), schedule.
    #[arg(long, default_value = "mlir")]
    emit: String,
    /// Write here instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
struct BenchArgs {
    #[command(flatten)]
    target: Target,
    /// Cap the CPU thread pool (overrides the schedule's threads).
    #[arg(long)]
    threads: Option<usize>,
    /// Seconds of timed runs.
    #[arg(long, default_value_t = 1.0)]
    seconds: f64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

/// An error already reported to the user (diagnostics printed).
#[derive(Debug)]
struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("errors reported")
    }
}

impl std::error::Error for Reported {}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Check { files } => check(&files),
        Cmd::Fmt { file, write, check } => fmt(&file, write, check),
        Cmd::Run(args) => run(&args),
        Cmd::Compile(args) => compile(&args),
        Cmd::Bench(args) => bench(&args),
        Cmd::Devices => devices(),
        Cmd::Tune(args) => tune(&args),
        Cmd::Cache { cmd, cache } => cache_cmd(&cmd, cache.as_deref()),
        Cmd::Worker => Ok(ExitCode::from(kiln_tuner::worker::worker_main() as u8)),
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<Reported>().is_none() {
                eprintln!("error: {e:#}");
            }
            ExitCode::from(1)
        }
    }
}

fn print_diag(d: Diag, source: &Source) {
    let report = miette::Report::new(d.report(source));
    eprintln!("{report:?}");
}

fn load(path: &Path) -> anyhow::Result<(Source, Vec<Kernel>)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let source = Source::new(path.display().to_string(), text);
    match kiln_ir::check_source(source.text()) {
        Ok(k) => Ok((source, k)),
        Err(diags) => {
            for d in diags {
                print_diag(d, &source);
            }
            Err(Reported.into())
        }
    }
}

fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for f in files {
        match load(f) {
            Ok((_, kernels)) => {
                for k in &kernels {
                    println!("{}: {} ok  {}", f.display(), signature(k), &k.hash[..16]);
                }
            }
            Err(e) if e.downcast_ref::<Reported>().is_some() => failed = true,
            Err(e) => return Err(e),
        }
    }
    if failed {
        return Err(Reported.into());
    }
    Ok(ExitCode::SUCCESS)
}

fn signature(k: &Kernel) -> String {
    let list = |ids: &[kiln_ir::ir::TensorId]| {
        ids.iter()
            .map(|&t| format!("{}: {}", k.tensors[t].name, k.type_str(t)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("{}({}) -> ({})", k.name, list(&k.inputs), list(&k.outputs))
}

fn fmt(path: &Path, write: bool, check: bool) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let source = Source::new(path.display().to_string(), text.clone());
    let out = match kiln_ir::format_source(&text) {
        Ok(o) => o,
        Err(d) => {
            print_diag(d, &source);
            return Err(Reported.into());
        }
    };
    if check {
        if out != text {
            eprintln!(
                "{}: not in canonical form (run `kiln fmt --write`)",
                path.display()
            );
            return Ok(ExitCode::from(1));
        }
        return Ok(ExitCode::SUCCESS);
    }
    if write {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut tmp, out.as_bytes())?;
        tmp.persist(path)?;
    } else {
        print!("{out}");
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_sizes(s: &str) -> anyhow::Result<BTreeMap<String, i64>> {
    let mut m = BTreeMap::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((k, v)) = part.split_once('=') else {
            bail!("size `{part}` is not of the form SYM=N");
        };
        let v: i64 = v
            .trim()
            .parse()
            .with_context(|| format!("size `{part}`: `{}` is not an integer", v.trim()))?;
        if m.insert(k.trim().to_string(), v).is_some() {
            bail!("size `{}` given twice", k.trim());
        }
    }
    Ok(m)
}

fn pick_kernel<'k>(
    kernels: &'k [Kernel],
    name: Option<&str>,
    file: &Path,
) -> anyhow::Result<&'k Kernel> {
    let names = || {
        kernels
            .iter()
            .map(|k| k.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match name {
        Some(n) => kernels.iter().find(|k| k.name == n).with_context(|| {
            format!(
                "no kernel `{n}` in {} (kernels: {})",
                file.display(),
                names()
            )
        }),
        None if kernels.len() == 1 => Ok(&kernels[0]),
        None => bail!(
            "{} holds several kernels; pick one with --kernel ({})",
            file.display(),
            names()
        ),
    }
}

fn run(a: &RunArgs) -> anyhow::Result<ExitCode> {
    let dev = parse_device(&a.device, true)?;
    let (source, kernels) = load(&a.file)?;
    let k = pick_kernel(&kernels, a.kernel.as_deref(), &a.file)?;
    let report = |d: Diag| -> anyhow::Error {
        print_diag(d, &source);
        Reported.into()
    };

    // Given inputs.
    let mut given: BTreeMap<String, HostTensor> = BTreeMap::new();
    for spec in &a.inputs {
        let Some((name, value)) = spec.split_once('=') else {
            bail!("--input `{spec}` is not of the form NAME=PATH or NAME=LITERAL");
        };
        let param = k
            .inputs
            .iter()
            .find(|&&t| k.tensors[t].name == name)
            .map(|&t| &k.tensors[t]);
        let t = match param {
            Some(p) if p.shape.is_empty() && !value.ends_with(".npy") => {
                HostTensor::scalar_from_literal(p.dtype, value)
                    .with_context(|| format!("--input {name}"))?
            }
            _ => HostTensor::read_npy(Path::new(value))?,
        };
        if given.insert(name.to_string(), t).is_some() {
            bail!("--input `{name}` given twice");
        }
    }

    // Random inputs for the rest.
    if let Some(sizes) = &a.random {
        let mut sizes = parse_sizes(sizes)?;
        for name in sizes.keys() {
            if k.symbol_by_name(name).is_none() {
                let all: Vec<&str> = k.symbols.iter().map(|(_, s)| s.name.as_str()).collect();
                bail!(
                    "`{name}` is not a size symbol of kernel `{}` (sizes: {})",
                    k.name,
                    all.join(", ")
                );
            }
        }
        // Sizes implied by given inputs.
        for &t in &k.inputs {
            let tensor = &k.tensors[t];
            if let Some(x) = given.get(&tensor.name) {
                for (d, &n) in tensor.shape.iter().zip(&x.shape) {
                    if let kiln_ir::dim::DimExpr::Sym(s) = d {
                        sizes.entry(k.symbols[*s].name.clone()).or_insert(n as i64);
                    }
                }
            }
        }
        let lookup = |s: kiln_ir::ir::SymbolId| sizes.get(&k.symbols[s].name).copied();
        for (i, &t) in k.inputs.iter().enumerate() {
            let tensor = &k.tensors[t];
            if given.contains_key(&tensor.name) {
                continue;
            }
            let mut shape = Vec::new();
            for d in &tensor.shape {
                match d.eval(&lookup) {
                    Ok(v) if v >= 1 => shape.push(v as usize),
                    Ok(v) => bail!(
                        "size {v} for `{}` of input `{}` must be at least 1",
                        k.dim_str(d),
                        tensor.name
                    ),
                    Err(_) => {
                        let mut syms = Vec::new();
                        d.symbols(&mut syms);
                        let missing: Vec<String> = syms
                            .iter()
                            .filter(|&&s| lookup(s).is_none())
                            .map(|&s| format!("{}=...", k.symbols[s].name))
                            .collect();
                        bail!(
                            "cannot size random input `{}`: pass --random {}",
                            tensor.name,
                            missing.join(",")
                        );
                    }
                }
            }
            let numel = HostTensor::numel_of(&shape);
            if numel > 1 << 31 {
                bail!(
                    "random input `{}` would have {numel} elements; use smaller sizes",
                    tensor.name
                );
            }
            let mut rng = HostTensor::rng(a.seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
            let x = if shape.is_empty() {
                use rand::Rng;
                HostTensor::from_f64(tensor.dtype, shape, &[rng.gen_range(0.0..1.0)])
            } else {
                HostTensor::random(tensor.dtype, shape, &mut rng)
            };
            given.insert(tensor.name.clone(), x);
        }
    }

    // Call-time checks, then run.
    let args: BTreeMap<String, kiln_ir::ArgSpec> = given
        .iter()
        .map(|(n, t)| {
            (
                n.clone(),
                kiln_ir::ArgSpec {
                    dtype: t.dtype(),
                    shape: t.shape.clone(),
                },
            )
        })
        .collect();
    let spec = Specialized::from_args(k, &args).map_err(report)?;
    let inputs: Vec<HostTensor> = k
        .inputs
        .iter()
        .map(|&t| given[&k.tensors[t].name].clone())
        .collect();
    let (outputs, elapsed, note) = match &dev {
        Dev::Cpu => {
            let cpu = kiln_cpu::CpuCompiler::new()?;
            let (sched, how) = schedule_for(&spec, &target_of(&dev)?, a.schedule.as_deref())?;
            let ck = cpu.compile(&spec, &sched)?;
            let start = Instant::now();
            let out = ck.run(&inputs)?;
            let el = start.elapsed();
            let note = format!(
                ", {how}, compiled in {:.1} ms",
                ck.compile_time.as_secs_f64() * 1e3
            );
            (out, el, note)
        }
        Dev::OpenCl(i) => {
            let target = target_of(&dev)?;
            let (sched, how) = schedule_for(&spec, &target, a.schedule.as_deref())?;
            let t0 = Instant::now();
            let prog = kiln_opencl::OclCompiler::new().compile(&spec, &sched, &target.limits())?;
            let rt = ocl_runtime(*i)?;
            let loaded = rt.load(&prog)?;
            let compiled = t0.elapsed();
            let start = Instant::now();
            let out = loaded.run(&inputs)?;
            let el = start.elapsed();
            let note = format!(
                ", {how}, compiled in {:.1} ms{}",
                compiled.as_secs_f64() * 1e3,
                if loaded.cached {
                    " (driver binary cached)"
                } else {
                    ""
                }
            );
            (out, el, note)
        }
        Dev::Interp => {
            let start = Instant::now();
            let out = kiln_interp::run(&spec, &inputs)?;
            (out, start.elapsed(), String::new())
        }
    };
    let mut note = note;
    if a.verify && dev != Dev::Interp {
        // Whole outputs for small kernels, spread samples for large ones.
        let want = kiln_interp::reference(&spec, &inputs)?;
        for ((&t, g), w) in k.outputs.iter().zip(&outputs).zip(&want) {
            let gv = g.to_f64();
            for &(i, wv) in w {
                if !kiln_tensor::close(gv[i], wv, g.dtype()) {
                    bail!(
                        "verification failed: output `{}` differs from the reference interpreter at flat index {i}: {} vs {wv}",
                        k.tensors[t].name,
                        gv[i]
                    );
                }
            }
        }
        note.push_str(", verified against the interpreter");
    }

    std::fs::create_dir_all(&a.out)
        .with_context(|| format!("cannot create {}", a.out.display()))?;
    let mut files: Vec<(PathBuf, &HostTensor)> = Vec::new();
    for (&t, x) in k.outputs.iter().zip(&outputs) {
        files.push((a.out.join(format!("{}.npy", k.tensors[t].name)), x));
    }
    if a.save_inputs {
        for (&t, x) in k.inputs.iter().zip(&inputs) {
            files.push((a.out.join(format!("{}.npy", k.tensors[t].name)), x));
        }
    }
    kiln_tensor::write_npy_atomic(&files)?;
    let sizes: Vec<String> = spec
        .sizes()
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    println!(
        "{} on {} ({}) in {:.3} ms{note}",
        k.name,
        a.device,
        sizes.join(","),
        elapsed.as_secs_f64() * 1e3
    );
    for (path, x) in &files {
        let v = x.to_f64();
        let n = v.len().max(1) as f64;
        let mean = v.iter().sum::<f64>() / n;
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let shape: Vec<String> = x.shape.iter().map(|d| d.to_string()).collect();
        println!(
            "  {} {}[{}]  mean {mean:.6}  min {lo:.6}  max {hi:.6}",
            path.display(),
            x.dtype(),
            shape.join(",")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A device named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Dev {
    Interp,
    Cpu,
    OpenCl(usize),
}

/// Parses `interp`, `cpu`, `opencl` or `opencl:N`; OpenCL devices must exist.
fn parse_device(device: &str, interp_ok: bool) -> anyhow::Result<Dev> {
    let known = if interp_ok {
        "interp, cpu, opencl:N"
    } else {
        "cpu, opencl:N"
    };
    match device {
        "cpu" => Ok(Dev::Cpu),
        "interp" if interp_ok => Ok(Dev::Interp),
        "interp" => bail!(
            "`interp` is the reference interpreter; this command needs a compiled device (cpu, opencl:N)"
        ),
        d if d == "opencl" || d.starts_with("opencl:") => {
            let index = match d.strip_prefix("opencl:") {
                None => 0,
                Some(n) => n
                    .parse()
                    .with_context(|| format!("`{d}`: the OpenCL device index must be a number"))?,
            };
            let count = kiln_opencl::devices()
                .with_context(|| format!("device `{d}` is not available"))?
                .len();
            if index >= count {
                bail!("device `{d}` does not exist: this machine has {count} OpenCL device(s) (see `kiln devices`)");
            }
            Ok(Dev::OpenCl(index))
        }
        d if d.starts_with("cuda") => {
            bail!("device `{d}` is not available: this build of kiln has no CUDA backend yet (devices: {known})")
        }
        d => bail!("unknown device `{d}` (devices: {known})"),
    }
}

/// The tuner's view of a compiled device.
fn target_of(dev: &Dev) -> anyhow::Result<kiln_tuner::Target> {
    Ok(match dev {
        Dev::OpenCl(i) => {
            let d = kiln_opencl::devices()?
                .into_iter()
                .nth(*i)
                .context("the OpenCL device disappeared")?;
            kiln_tuner::Target::OpenCl(d)
        }
        _ => kiln_tuner::Target::host(),
    })
}

/// An OpenCL runtime for device `i`, with program binaries cached beside
/// the tuning cache.
fn ocl_runtime(i: usize) -> anyhow::Result<kiln_opencl::Runtime> {
    let dir = kiln_cache::default_dir(None).join("opencl-bin");
    Ok(kiln_opencl::Runtime::new(i, Some(dir))?)
}

/// The schedule to use and how it was chosen.
fn schedule_for(
    spec: &Specialized<'_>,
    target: &kiln_tuner::Target,
    path: Option<&Path>,
) -> anyhow::Result<(kiln_schedule::Schedule, String)> {
    let dev = target.limits();
    Ok(match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            let s = kiln_schedule::Schedule::from_json(&text)
                .with_context(|| p.display().to_string())?;
            s.validate(spec, &dev)
                .with_context(|| p.display().to_string())?;
            (s, format!("schedule {}", p.display()))
        }
        None => {
            let dir = kiln_cache::default_dir(None);
            let cached = kiln_cache::Cache::open(&dir).ok().and_then(|c| {
                for w in &c.warnings {
                    eprintln!("{w}");
                }
                kiln_tuner::winner_schedule(spec, target, &c)
            });
            match cached {
                Some((s, w)) => (
                    s,
                    format!(
                        "tuned schedule from the cache (key {}, {} trials)",
                        &w.key.id()[..12],
                        w.trials
                    ),
                ),
                None => (
                    kiln_schedule::Schedule::default_for(spec, &dev),
                    "default schedule (no tuned schedule in the cache; run `kiln tune`)"
                        .to_string(),
                ),
            }
        }
    })
}

fn parse_duration(s: &str) -> anyhow::Result<std::time::Duration> {
    let s = s.trim();
    let (num, mul) = if let Some(n) = s.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = s.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = s.strip_suffix('m') {
        (n, 60.0)
    } else {
        (s, 1.0)
    };
    let v: f64 = num
        .trim()
        .parse()
        .with_context(|| format!("`{s}` is not a duration like 90s or 2m"))?;
    Ok(std::time::Duration::from_secs_f64(v * mul))
}

fn tune(a: &TuneArgs) -> anyhow::Result<ExitCode> {
    let (source, kernels) = load(&a.target.file)?;
    let spec = target_spec(&a.target, &kernels, &source)?;
    let cache = kiln_cache::Cache::open(&kiln_cache::default_dir(a.cache.as_deref()))?;
    for w in &cache.warnings {
        eprintln!("{w}");
    }
    let strategy = kiln_tuner::strategy::Kind::parse(&a.strategy).with_context(|| {
        format!(
            "unknown strategy `{}` (exhaustive, random, evolution)",
            a.strategy
        )
    })?;
    let level = match a.space.as_str() {
        "full" => kiln_tuner::space::Level::Full,
        "small" => kiln_tuner::space::Level::Small,
        other => bail!("unknown space `{other}` (full, small)"),
    };
    let time = a.time.as_deref().map(parse_duration).transpose()?;
    let trials = match (a.trials, time, strategy) {
        (Some(t), _, _) => Some(t),
        (None, None, kiln_tuner::strategy::Kind::Exhaustive) => None,
        (None, None, _) => Some(60),
        (None, Some(_), _) => None,
    };
    let inject = match &a.inject {
        Some(s) => {
            let (n, what) = s.split_once(':').context("--inject N:crash|hang")?;
            Some((n.parse()?, what.to_string()))
        }
        None => None,
    };
    let opts = kiln_tuner::TuneOptions {
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
        target: target_of(&parse_device(&a.target.device, false)?)?,
        ..Default::default()
    };
    let r = kiln_tuner::tune(source.text(), &spec, &cache, &opts)?;
    if a.json {
        println!("{}", serde_json::to_string(&r)?);
        return Ok(ExitCode::SUCCESS);
    }
    let (flops, bytes) = kiln_schedule::work(&spec);
    let rate = |s: f64| {
        if flops >= bytes {
            format!("{:.2} GFLOP/s", flops / s / 1e9)
        } else {
            format!("{:.2} GB/s", bytes / s / 1e9)
        }
    };
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
        "kernel     {} ({})",
        k.name,
        spec.sizes()
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    println!("best       {:.4} ms  {}", r.best_s * 1e3, rate(r.best_s));
    if let Some(d) = r.default_s {
        println!("default    {:.4} ms  {}", d * 1e3, rate(d));
        println!("speed-up   {:.2}x over the default schedule", d / r.best_s);
    }
    if !r.cached {
        println!(
            "trials     {} new, {} resumed, {} stored; {} duplicate code skipped; failures {:?}",
            r.trials_run, r.resumed, r.trials_total, r.duplicates, r.failures
        );
        println!(
            "space      {} points, {} after pruning{}",
            r.space_size,
            r.pruned_size,
            if r.pruned_exact { "" } else { " (estimated)" }
        );
        if let Some(o) = r.launch_overhead_s {
            println!(
                "launch     {:.1} us empty-launch overhead (not in kernel times)",
                o * 1e6
            );
        }
        println!("time       {:.1} s, strategy {}", r.elapsed_s, r.strategy);
    }
    println!("schedule   {}", serde_json::to_string(&r.best)?);
    Ok(ExitCode::SUCCESS)
}

fn cache_cmd(cmd: &CacheCmd, dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let cache = kiln_cache::Cache::open(&kiln_cache::default_dir(dir))?;
    for w in &cache.warnings {
        eprintln!("{w}");
    }
    let resolve = |prefix: &str| -> anyhow::Result<kiln_cache::Key> {
        let keys = cache.find_keys(prefix)?;
        match keys.len() {
            0 => bail!("no cache entry matches `{prefix}`"),
            1 => Ok(keys.into_iter().next().expect("one")),
            n => bail!("`{prefix}` matches {n} keys; give more of the id"),
        }
    };
    match cmd {
        CacheCmd::Ls => {
            println!("{}", cache.path().display());
            for w in cache.all_winners()? {
                let sizes: Vec<String> = w
                    .key
                    .sizes
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                println!(
                    "{}  {:<18} {:<28} {:<22} {:>10.4} ms  {} trials",
                    &w.key.id()[..12],
                    w.key.kernel,
                    sizes.join(","),
                    w.key.device,
                    w.median_s * 1e3,
                    w.trials
                );
            }
        }
        CacheCmd::Show { key } => {
            let k = resolve(key)?;
            println!("{}", serde_json::to_string_pretty(&k)?);
            match cache.winner(&k)? {
                Some(w) => println!("winner: {}", serde_json::to_string_pretty(&w)?),
                None => println!("no winner"),
            }
            for t in cache.trials(&k.id())? {
                println!(
                    "{:<14} {:>10} {}  {}",
                    format!("{:?}", t.status),
                    t.median_s
                        .map_or("-".into(), |m| format!("{:.4} ms", m * 1e3)),
                    t.schedule,
                    t.error.unwrap_or_default()
                );
            }
        }
        CacheCmd::Export { file } => {
            let e = cache.export()?;
            let text = serde_json::to_string_pretty(&e)?;
            write_out(Some(file), text.as_bytes())?;
            println!(
                "exported {} winners and {} trials to {}",
                e.winners.len(),
                e.trials.len(),
                file.display()
            );
        }
        CacheCmd::Import { file } => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let (w, t) = cache.import_json(&text)?;
            println!("imported {w} winners and {t} trials");
        }
        CacheCmd::Rm { keys } => {
            for k in keys {
                let key = resolve(k)?;
                let n = cache.remove(&key.id())?;
                println!("removed {} ({n} rows)", &key.id()[..12]);
            }
        }
        CacheCmd::Gc => println!("removed {} trials", cache.gc(5)?),
        CacheCmd::Verify => {
            let problems = cache.verify()?;
            if problems.is_empty() {
                println!("{}: ok", cache.path().display());
            } else {
                for p in &problems {
                    println!("{p}");
                }
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn target_spec<'k>(
    t: &Target,
    kernels: &'k [Kernel],
    source: &Source,
) -> anyhow::Result<Specialized<'k>> {
    parse_device(&t.device, false)?;
    let k = pick_kernel(kernels, t.kernel.as_deref(), &t.file)?;
    let sizes = parse_sizes(&t.shape)?;
    Specialized::from_sizes(k, &sizes).map_err(|d| {
        print_diag(d, source);
        Reported.into()
    })
}

fn compile(a: &CompileArgs) -> anyhow::Result<ExitCode> {
    let (source, kernels) = load(&a.target.file)?;
    let spec = target_spec(&a.target, &kernels, &source)?;
    let dev = parse_device(&a.target.device, false)?;
    let target = target_of(&dev)?;
    let (sched, how) = schedule_for(&spec, &target, a.target.schedule.as_deref())?;
    if a.emit == "schedule" {
        let text = serde_json::to_string_pretty(&sched)? + "\n";
        return write_out(a.output.as_deref(), text.as_bytes());
    }
    if let Dev::OpenCl(_) = dev {
        use kiln_opencl::Stage;
        let stage = match a.emit.as_str() {
            "mlir" => Stage::Mlir,
            "mlir-normalized" => Stage::MlirNormalized,
            "cl" => Stage::Cl,
            other => bail!(
                "unknown stage `{other}` for OpenCL devices (mlir, mlir-normalized, cl, schedule)"
            ),
        };
        eprintln!("{}: {how}", spec.kernel.name);
        let text = kiln_opencl::OclCompiler::new().emit(&spec, &sched, &target.limits(), stage)?;
        return write_out(a.output.as_deref(), text.as_bytes());
    }
    let cpu = kiln_cpu::CpuCompiler::new()?;
    use kiln_cpu::Stage;
    let stage = match a.emit.as_str() {
        "mlir" => Stage::Mlir,
        "mlir-lowered" => Stage::MlirLowered,
        "llvm-raw" => Stage::LlvmRaw,
        "llvm" => Stage::Llvm,
        "asm" => Stage::Asm,
        "obj" => Stage::Obj,
        other => bail!(
            "unknown stage `{other}` (mlir, mlir-lowered, llvm-raw, llvm, asm, obj, schedule; OpenCL devices: mlir, mlir-normalized, cl)"
        ),
    };
    if stage == Stage::Obj && a.output.is_none() {
        bail!("--emit obj writes binary: give --output FILE");
    }
    eprintln!("{}: {how}", spec.kernel.name);
    let bytes = cpu.emit(&spec, &sched, stage)?;
    write_out(a.output.as_deref(), &bytes)
}

fn write_out(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<ExitCode> {
    match path {
        Some(p) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            std::io::Write::write_all(&mut tmp, bytes)?;
            tmp.persist(p)?;
        }
        None => std::io::Write::write_all(&mut std::io::stdout(), bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn bench(a: &BenchArgs) -> anyhow::Result<ExitCode> {
    let (source, kernels) = load(&a.target.file)?;
    let spec = target_spec(&a.target, &kernels, &source)?;
    let k = spec.kernel;
    let dev = parse_device(&a.target.device, false)?;
    let target = target_of(&dev)?;
    let (mut sched, how) = schedule_for(&spec, &target, a.target.schedule.as_deref())?;
    if let Some(t) = a.threads {
        sched.threads = t;
    }
    let budget = kiln_cpu::measure::Budget {
        time: std::time::Duration::from_secs_f64(a.seconds.max(0.01)),
        ..Default::default()
    };
    let inputs = kiln_tensor::random_inputs(&spec, 0);
    let (st, compile_s) = match dev {
        Dev::OpenCl(i) => {
            let t0 = Instant::now();
            let prog = kiln_opencl::OclCompiler::new().compile(&spec, &sched, &target.limits())?;
            let rt = ocl_runtime(i)?;
            let loaded = rt.load(&prog)?;
            let compile_s = t0.elapsed().as_secs_f64();
            let mut bound = loaded.bind(&inputs)?;
            let mut failed = None;
            // Device time from profiling events.
            let st = kiln_cpu::measure::time_samples(
                &budget,
                || {},
                || match bound.launch() {
                    Ok(t) => t,
                    Err(e) => {
                        failed.get_or_insert(e);
                        f64::NAN
                    }
                },
            );
            if let Some(e) = failed {
                return Err(e.into());
            }
            (st, compile_s)
        }
        _ => {
            let cpu = kiln_cpu::CpuCompiler::new()?;
            let ck = cpu.compile(&spec, &sched)?;
            let mut bound = ck.bind(&inputs)?;
            (bound.measure(&budget), ck.compile_time.as_secs_f64())
        }
    };
    let (flops, bytes) = kiln_schedule::work(&spec);
    let gflops = flops / st.median_s / 1e9;
    let gbps = bytes / st.median_s / 1e9;
    let device = target.name();
    if a.json {
        let v = serde_json::json!({
            "kernel": k.name, "sizes": spec.sizes(), "device": device, "threads": sched.threads,
            "median_s": st.median_s, "p20_s": st.p20_s, "p80_s": st.p80_s, "min_s": st.min_s, "cv": st.cv,
            "reps": st.reps, "gflops": gflops, "gbps": gbps, "flops": flops, "bytes": bytes,
            "compile_s": compile_s, "schedule": sched, "schedule_source": how,
        });
        println!("{v}");
    } else {
        match dev {
            Dev::OpenCl(_) => println!(
                "{} on {device} ({how}; device time from profiling events)",
                k.name
            ),
            _ => println!("{} on cpu ({how}, {} threads)", k.name, sched.threads),
        }
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

fn devices() -> anyhow::Result<ExitCode> {
    println!("interp: reference interpreter (f64 evaluation, all kernels, slow; the oracle)");
    println!("{}", kiln_cpu::CpuDevice::host().describe());
    match kiln_opencl::devices() {
        Ok(ds) => {
            for d in ds {
                println!("{}", d.describe());
            }
        }
        Err(e) => println!("opencl: none ({e})"),
    }
    println!("cuda: not available in this build (no CUDA backend yet)");
    Ok(ExitCode::SUCCESS)
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
