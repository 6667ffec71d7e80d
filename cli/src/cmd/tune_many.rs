//! `kiln tune-many`: every job of a job file, here one after another, or
//! on a Ray cluster through the Python package (`python -m kiln.ray`,
//! where the fleet logic lives: Ray has no Rust API).

use crate::common::{kiln_at, parse_duration, usage};
use anyhow::Context as _;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Arguments of `kiln tune-many`.
#[derive(clap::Args)]
pub struct TuneManyArgs {
    /// The job file (TOML): `[budget]` and `[[job]]` tables (see
    /// python/README.md).
    pub jobs: PathBuf,
    /// Run on the Ray cluster at ADDRESS (`auto`, `ray://host:10001`, or
    /// `local` for a one-node cluster started for the run) through the
    /// Python package, which must be installed with Ray.
    #[arg(long, value_name = "ADDRESS")]
    pub ray: Option<String>,
    /// The Python with kiln and Ray installed (default: $KILN_PYTHON, else
    /// python3).
    #[arg(long)]
    pub python: Option<PathBuf>,
    /// New trials per job and shape set (over the file's budget).
    #[arg(long)]
    pub trials: Option<usize>,
    /// Wall time per job and shape set, e.g. `60s` (over the file's).
    #[arg(long)]
    pub time: Option<String>,
    /// Cache directory (default: $KILN_CACHE, else ~/.cache/kiln).
    #[arg(long)]
    pub cache: Option<PathBuf>,
}

/// A job file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JobFile {
    #[serde(default)]
    budget: Budget,
    #[serde(default)]
    job: Vec<Job>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Budget {
    trials: Option<usize>,
    time: Option<String>,
    time_per_trial_ms: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Job {
    file: PathBuf,
    kernel: String,
    #[serde(default = "cpu")]
    device: String,
    sizes: Vec<BTreeMap<String, i64>>,
}

fn cpu() -> String {
    "cpu".into()
}

/// Reads a job file; kernel paths are relative to it.
fn read_jobs(path: &Path) -> anyhow::Result<JobFile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut f: JobFile = toml::from_str(&text).map_err(|e| {
        crate::common::Usage(format!("{}: {}", path.display(), e.to_string().trim_end()))
    })?;
    if f.job.is_empty() {
        usage!("{}: no [[job]] tables", path.display());
    }
    let base = path.parent().unwrap_or(Path::new("."));
    for (i, j) in f.job.iter_mut().enumerate() {
        if !["cpu", "opencl", "cuda"].contains(&j.device.as_str()) {
            usage!(
                "{}: job[{i}].device: `{}` is not one of cpu, opencl, cuda",
                path.display(),
                j.device
            );
        }
        if j.sizes.is_empty() {
            usage!("{}: job[{i}].sizes: empty", path.display());
        }
        if j.file.is_relative() {
            j.file = base.join(&j.file);
        }
    }
    Ok(f)
}

/// Tunes every job and prints the summary table.
pub fn tune_many(a: &TuneManyArgs) -> anyhow::Result<ExitCode> {
    let f = read_jobs(&a.jobs)?;
    if let Some(address) = &a.ray {
        return on_ray(a, address);
    }
    let time = a
        .time
        .as_deref()
        .or(f.budget.time.as_deref())
        .map(parse_duration)
        .transpose()?;
    let trials = a
        .trials
        .or(f.budget.trials)
        .or(time.is_none().then_some(32));
    let kiln = kiln_at(a.cache.as_deref());
    let opts = kiln::TuneOptions {
        trials,
        time,
        time_per_trial_ms: f.budget.time_per_trial_ms.unwrap_or(300),
        progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        worker: kiln::WorkerMode::Exe(std::env::current_exe()?),
        ..Default::default()
    };
    let start = std::time::Instant::now();
    let mut rows = vec![[
        "job", "device", "status", "trials", "best", "speed-up", "node",
    ]
    .map(String::from)];
    let host = hostname();
    let mut failed = 0;
    for j in &f.job {
        let module = kiln::Module::load(&j.file)?;
        let kernel = module.kernel(&j.kernel)?;
        let name = match j.device.as_str() {
            "cpu" => "cpu",
            "opencl" => "opencl:0",
            _ => "cuda:0",
        };
        for sizes in &j.sizes {
            let label = format!(
                "{} {}",
                j.kernel,
                sizes
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let r = kiln
                .device(name)
                .and_then(|d| kiln.tune(&kernel, &d, sizes, &opts));
            rows.push(match r {
                Ok(r) => [
                    label,
                    r.device.clone(),
                    if r.cached { "cached" } else { "tuned" }.into(),
                    r.trials_run.to_string(),
                    format!("{:.3} ms", r.best_s * 1e3),
                    r.default_s
                        .map_or("-".into(), |d| format!("{:.2}x", d / r.best_s)),
                    host.clone(),
                ],
                Err(e) => {
                    failed += 1;
                    let e = e.to_string();
                    [
                        label,
                        name.into(),
                        format!("failed: {}", e.lines().next().unwrap_or("")),
                        "0".into(),
                        "-".into(),
                        "-".into(),
                        host.clone(),
                    ]
                }
            });
        }
    }
    print_table(&rows);
    println!(
        "{} jobs in {:.1} s, one after another on this machine; {failed} failed",
        rows.len() - 1,
        start.elapsed().as_secs_f64()
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_table(rows: &[[String; 7]]) {
    let widths: Vec<usize> = (0..7)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for (n, r) in rows.iter().enumerate() {
        let line: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        println!("{}", line.join("  ").trim_end());
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            println!("{}", rule.join("  "));
        }
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "localhost".into())
}

/// Runs `python -m kiln.ray` on the job file.
fn on_ray(a: &TuneManyArgs, address: &str) -> anyhow::Result<ExitCode> {
    let python = a
        .python
        .clone()
        .or_else(|| std::env::var_os("KILN_PYTHON").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("python3"));
    let probe = Command::new(&python)
        .args(["-c", "import kiln.ray, ray"])
        .output()
        .with_context(|| {
            format!(
                "--ray runs the kiln Python package, but `{}` cannot be started; give --python or KILN_PYTHON",
                python.display()
            )
        })?;
    if !probe.status.success() {
        let why = String::from_utf8_lossy(&probe.stderr);
        anyhow::bail!(
            "--ray needs the kiln Python package and Ray in `{}` (pip install ./python 'ray>=2.9'; or give --python or KILN_PYTHON): {}",
            python.display(),
            why.lines().last().unwrap_or("").trim()
        );
    }
    let mut cmd = Command::new(&python);
    cmd.args(["-m", "kiln.ray"]).arg(&a.jobs);
    if address != "local" {
        cmd.args(["--address", address]);
    }
    if let Some(c) = &a.cache {
        cmd.arg("--cache").arg(c);
    }
    if let Some(t) = a.trials {
        cmd.args(["--trials", &t.to_string()]);
    }
    if let Some(t) = &a.time {
        cmd.args(["--time", t]);
    }
    let status = cmd
        .status()
        .with_context(|| format!("cannot run {}", python.display()))?;
    Ok(ExitCode::from(
        status.code().unwrap_or(1).clamp(0, 255) as u8
    ))
}
