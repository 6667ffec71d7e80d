//! What several commands share: loading sources with rendered diagnostics,
//! picking kernels, parsing sizes and durations, devices, schedules,
//! atomic output.

use anyhow::{bail, Context as _};
use kiln_ir::{Diag, Kernel, Source, Specialized};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An error already reported to the user (diagnostics printed).
#[derive(Debug)]
pub struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("errors reported")
    }
}

impl std::error::Error for Reported {}

/// A bad command-line value: exit status 2, like clap's own errors.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Fails with a [`Usage`] error.
macro_rules! usage {
    ($($t:tt)*) => { return Err(crate::common::Usage(format!($($t)*)).into()) };
}
pub(crate) use usage;

/// Which kernel, at which sizes, on which device (shared arguments).
#[derive(clap::Args)]
pub struct Target {
    /// `.kiln` file.
    pub file: PathBuf,
    /// Kernel (optional when the file holds one kernel).
    #[arg(long, short)]
    pub kernel: Option<String>,
    /// Sizes of every size symbol, e.g. `M=1024,N=1024,K=1024`.
    #[arg(long, value_name = "SIZES")]
    pub shape: String,
    /// Device: `cpu`, `opencl:N` or `cuda:N` (see `kiln devices`).
    #[arg(long, default_value = "cpu")]
    pub device: String,
    /// Code-generation target: a CUDA architecture (`sm_80`, `sm_90`, ...;
    /// default: the device's own, or sm_80 without a driver), or for CPU
    /// artifacts (`compile --out`) an LLVM CPU (native, x86-64-v3, ...).
    #[arg(long, alias = "target-cpu")]
    pub arch: Option<String>,
    /// Schedule (JSON); default: the cached winner, else the default schedule.
    #[arg(long)]
    pub schedule: Option<PathBuf>,
    /// Cache directory (default: $KILN_CACHE, else ~/.cache/kiln).
    #[arg(long)]
    pub cache: Option<PathBuf>,
}

impl Target {
    /// Opens the device (`compile_only`: an offline device is enough).
    pub fn open(
        &self,
        kiln: &kiln::Kiln,
        compile_only: bool,
    ) -> kiln::Result<std::sync::Arc<dyn kiln::Device>> {
        kiln.device_with(
            &self.device,
            kiln::OpenOptions {
                target: self.arch.clone(),
                compile_only,
                ..kiln::OpenOptions::default()
            },
        )
    }
}

/// kiln with the cache directory the user chose.
pub fn kiln_at(cache: Option<&Path>) -> kiln::Kiln {
    kiln::Kiln::with_cache_dir(kiln_cache::default_dir(cache))
}

/// Prints a diagnostic with its source.
pub fn print_diag(d: Diag, source: &Source) {
    let report = miette::Report::new(d.report(source));
    eprintln!("{report:?}");
}

/// Reads and checks a file; diagnostics are printed.
pub fn load(path: &Path) -> anyhow::Result<(Source, Vec<Kernel>)> {
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

/// `SYM=N,...`.
pub fn parse_sizes(s: &str) -> anyhow::Result<BTreeMap<String, i64>> {
    let mut m = BTreeMap::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((k, v)) = part.split_once('=') else {
            usage!("size `{part}` is not of the form SYM=N");
        };
        let Ok(v) = v.trim().parse::<i64>() else {
            usage!("size `{part}`: `{}` is not an integer", v.trim());
        };
        if m.insert(k.trim().to_string(), v).is_some() {
            usage!("size `{}` given twice", k.trim());
        }
    }
    Ok(m)
}

/// The kernel named, or the only one.
pub fn pick_kernel<'k>(
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

/// The specialized kernel of a [`Target`]; call errors are printed.
pub fn target_spec<'k>(
    t: &Target,
    kernels: &'k [Kernel],
    source: &Source,
) -> anyhow::Result<Specialized<'k>> {
    let k = pick_kernel(kernels, t.kernel.as_deref(), &t.file)?;
    let sizes = parse_sizes(&t.shape)?;
    Specialized::from_sizes(k, &sizes).map_err(|d| {
        print_diag(d, source);
        Reported.into()
    })
}

/// A duration like `90s`, `2m`, `500ms`: finite, positive, at most a week.
pub fn parse_duration(s: &str) -> anyhow::Result<std::time::Duration> {
    let s = s.trim();
    let (num, mul) = if let Some(n) = s.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = s.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = s.strip_suffix('m') {
        (n, 60.0)
    } else if let Some(n) = s.strip_suffix('h') {
        (n, 3600.0)
    } else {
        (s, 1.0)
    };
    let Ok(v) = num.trim().parse::<f64>() else {
        usage!("`{s}` is not a duration like 90s, 2m or 500ms");
    };
    seconds(s, v * mul, 7.0 * 24.0 * 3600.0)
}

/// Checks a time in seconds: finite, positive, at most `max`.
pub fn seconds(what: &str, v: f64, max: f64) -> anyhow::Result<std::time::Duration> {
    if !v.is_finite() || v <= 0.0 || v > max {
        usage!("`{what}` must be a positive, finite time of at most {max} s");
    }
    Ok(std::time::Duration::from_secs_f64(v))
}

/// The schedule for `spec` on `device` and how it was chosen: `--schedule`
/// (validated, the file named in errors), else the cached winner, else the
/// default.
pub fn schedule_for(
    kiln: &kiln::Kiln,
    spec: &Specialized<'_>,
    device: &dyn kiln_device::Device,
    path: Option<&Path>,
) -> anyhow::Result<(kiln_schedule::Schedule, String)> {
    let choice = match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            let s = kiln_schedule::Schedule::from_json(&text)
                .with_context(|| p.display().to_string())?;
            kiln::ScheduleChoice::Explicit(s)
        }
        None => kiln::ScheduleChoice::Cached,
    };
    // An explicit schedule is validated there; its errors name the file.
    let (s, how) = match (kiln.schedule_for(spec, device, choice), path) {
        (Err(e), Some(p)) => return Err(anyhow::Error::new(e).context(p.display().to_string())),
        (r, _) => r?,
    };
    let how = match (how, path) {
        (kiln::ScheduleSource::Explicit, Some(p)) => format!("schedule {}", p.display()),
        (how, _) => how.to_string(),
    };
    Ok((s, how))
}

/// Writes `bytes` atomically to `path`, or to standard output.
pub fn write_out(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<ExitCode> {
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

/// `x GFLOP/s` or `x GB/s`, whichever bounds the kernel.
pub fn rate(spec: &Specialized<'_>, s: f64) -> String {
    let (flops, bytes) = kiln_schedule::work(spec);
    if flops >= bytes {
        format!("{:.2} GFLOP/s", flops / s / 1e9)
    } else {
        format!("{:.2} GB/s", bytes / s / 1e9)
    }
}
