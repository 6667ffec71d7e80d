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
    /// Where to run: `interp` (the reference interpreter).
    #[arg(long, default_value = "interp")]
    device: String,
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
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Check { files } => check(&files),
        Cmd::Fmt { file, write, check } => fmt(&file, write, check),
        Cmd::Run(args) => run(&args),
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
    if a.device != "interp" {
        bail!(
            "device `{}` is not available in this build: the only device is `interp` (the reference interpreter)",
            a.device
        );
    }
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
    let start = Instant::now();
    let outputs = kiln_interp::run(&spec, &inputs)?;
    let elapsed = start.elapsed();

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
        "{} on {} ({}) in {:.3} ms",
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
