//! `kiln run`.

use crate::common::{kiln_at, parse_sizes, pick_kernel, print_diag, schedule_for, Reported};
use anyhow::{bail, Context as _};
use kiln_ir::{Diag, Specialized};
use kiln_tensor::HostTensor;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `kiln run`.
#[derive(clap::Args)]
pub struct RunArgs {
    /// `.kiln` file.
    pub file: PathBuf,
    /// Kernel to run (optional when the file holds one kernel).
    #[arg(long, short)]
    pub kernel: Option<String>,
    /// Where to run: `interp` (the reference interpreter), `cpu` or `opencl:N`.
    #[arg(long, default_value = "interp")]
    pub device: String,
    /// Schedule (JSON) for compiled devices; default: the cached winner,
    /// else the default schedule.
    #[arg(long)]
    pub schedule: Option<PathBuf>,
    /// Also run the reference interpreter and compare (compiled devices).
    #[arg(long)]
    pub verify: bool,
    /// An input: `NAME=PATH.npy`, or `NAME=LITERAL` for a scalar parameter
    /// (`eps=1e-5`). Repeatable.
    #[arg(long = "input", short = 'i', value_name = "NAME=VALUE")]
    pub inputs: Vec<String>,
    /// Fill inputs not given with random values; sizes not implied by given
    /// inputs come from `SYM=N,...` (e.g. `M=64,N=48,K=32`). Floats are
    /// uniform in [-1, 1), i32 in [-8, 8], scalars in [0, 1).
    #[arg(long, value_name = "SIZES", num_args = 0..=1, default_missing_value = "")]
    pub random: Option<String>,
    /// Seed for `--random`.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Output directory (created if missing).
    #[arg(long, short)]
    pub out: PathBuf,
    /// Also write every input (given or random) as DIR/<input name>.npy.
    #[arg(long)]
    pub save_inputs: bool,
    /// Cache directory for tuned schedules and driver binaries (default:
    /// $KILN_CACHE, else ~/.cache/kiln).
    #[arg(long)]
    pub cache: Option<PathBuf>,
}

/// Runs a kernel on given or random inputs and writes its outputs.
pub fn run(a: &RunArgs) -> anyhow::Result<ExitCode> {
    let kiln = kiln_at(a.cache.as_deref());
    // `interp` is the reference interpreter; anything else a device.
    let device = match a.device.as_str() {
        "interp" => None,
        name => Some(kiln.device(name)?),
    };
    let (source, kernels) = crate::common::load(&a.file)?;
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
    let (outputs, elapsed, note) = match &device {
        Some(device) => {
            let (sched, how) = schedule_for(&kiln, &spec, device.as_ref(), a.schedule.as_deref())?;
            let compiled =
                kiln.compile_spec(&spec, device, kiln::ScheduleChoice::Explicit(sched))?;
            let start = Instant::now();
            let out = compiled.run(&inputs)?;
            let el = start.elapsed();
            let note = format!(
                ", {how}, compiled in {:.1} ms{}",
                compiled.compile_s() * 1e3,
                compiled
                    .note()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            );
            (out, el, note)
        }
        None => {
            let start = Instant::now();
            let out = kiln_interp::run(&spec, &inputs)?;
            (out, start.elapsed(), String::new())
        }
    };
    let mut note = note;
    if a.verify && device.is_some() {
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
