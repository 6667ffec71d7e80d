//! `cargo kiln`: the kernels a crate declares in `[package.metadata.kiln]`
//! (see `kiln-build`), on this machine's devices.
//!
//! - `cargo kiln status`: kernel x shape x device: locked, tuned (with the
//!   speed-up), stale (why) or missing.
//! - `cargo kiln tune [--time 60s]`: tunes what has no current winner.
//! - `cargo kiln lock`: writes the cache's winners into `kiln.lock`.
//! - `cargo kiln build [ARGS...]`: tunes what is missing, then `cargo build ARGS`.

use anyhow::Context;
use clap::{Parser, Subcommand};
use kiln::lock::{Lock, LockEntry, Lookup};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Tune, lock and inspect a crate's kiln kernels.
#[derive(Parser)]
#[command(name = "cargo kiln", version)]
struct Cli {
    /// The crate's Cargo.toml.
    #[arg(long, global = true, default_value = "Cargo.toml")]
    manifest_path: PathBuf,
    /// Cache directory (default: $KILN_CACHE, else ~/.cache/kiln).
    #[arg(long, global = true)]
    cache: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print kernel x shape x device: locked, tuned, stale or missing.
    Status,
    /// Tune every kernel and shape with no current winner.
    Tune {
        /// Budget per kernel and shape (`60s`, `2m`).
        #[arg(long, default_value = "60s")]
        time: String,
    },
    /// Write the cache's winners into the lock file.
    Lock,
    /// Tune what is missing, then run `cargo build` with ARGS.
    Build {
        /// Budget per kernel and shape.
        #[arg(long, default_value = "60s")]
        time: String,
        /// Passed to `cargo build`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// One kernel at one shape on one device, with what is known of it.
struct Item {
    file: PathBuf,
    kernel: String,
    shape: String,
    device: String,
}

fn items(meta: &kiln_build::Metadata, dir: &Path) -> Vec<Item> {
    let mut v = Vec::new();
    for d in &meta.devices {
        for k in &meta.kernels {
            for s in &k.shapes {
                v.push(Item {
                    file: dir.join(&k.file),
                    kernel: k.kernel.clone(),
                    shape: s.clone(),
                    device: d.clone(),
                });
            }
        }
    }
    v
}

fn parse_sizes(s: &str) -> anyhow::Result<kiln::Sizes> {
    let mut out = kiln::Sizes::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part
            .split_once('=')
            .with_context(|| format!("shape `{s}`: `{part}` is not NAME=VALUE"))?;
        out.insert(
            k.trim().into(),
            v.trim().parse().with_context(|| format!("shape `{s}`"))?,
        );
    }
    Ok(out)
}

/// What is known of an item: the lock's verdict and the cache's winner.
struct State {
    lock: Lookup,
    winner: Option<kiln::Winner>,
}

fn state(kiln: &kiln::Kiln, lock: &Lock, it: &Item) -> anyhow::Result<State> {
    let m = kiln::Module::load(&it.file)?;
    let k = m.kernel(&it.kernel)?;
    let spec = k.specialize(&parse_sizes(&it.shape)?)?;
    let dev = kiln.device(&it.device)?;
    let info = dev.info();
    let cache = kiln.cache()?;
    Ok(State {
        lock: lock.lookup(&spec, &info.key(), &kiln_tuner::compiler_id(info)),
        winner: kiln_tuner::winner_schedule(&spec, info, &cache).map(|(_, w)| w),
    })
}

fn speedup(w: &kiln::Winner) -> String {
    w.default_median_s
        .map_or("?".into(), |d| format!("{:.2}x", d / w.median_s))
}

fn main() -> ExitCode {
    // `cargo kiln ARGS` runs `cargo-kiln kiln ARGS`.
    let args = std::env::args()
        .enumerate()
        .filter(|(i, a)| !(*i == 1 && a == "kiln"));
    let cli = Cli::parse_from(args.map(|(_, a)| a));
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let meta = kiln_build::Metadata::read(&cli.manifest_path)?;
    let dir = cli
        .manifest_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let lock_path = dir.join(&meta.lock);
    let kiln = kiln::Kiln::with_cache_dir(kiln_cache::default_dir(cli.cache.as_deref()));
    let lock = Lock::read(&lock_path)?;
    let items = items(&meta, &dir);
    match &cli.cmd {
        Cmd::Status => {
            println!("{:<16} {:<28} {:<10} status", "kernel", "shape", "device");
            for it in &items {
                let st = state(&kiln, &lock, it)?;
                let text = match (&st.lock, &st.winner) {
                    (Lookup::Current(e), _) => format!(
                        "locked ({} over default, {} trials)",
                        e.speedup().map_or("?".into(), |s| format!("{s:.2}x")),
                        e.trials
                    ),
                    (Lookup::Stale(why), Some(w)) => {
                        format!("tuned ({}), lock stale: {why}", speedup(w))
                    }
                    (_, Some(w)) => format!("tuned ({}), not locked", speedup(w)),
                    (Lookup::Stale(why), None) => format!("stale ({why})"),
                    (Lookup::Missing, None) => "missing".into(),
                };
                println!(
                    "{:<16} {:<28} {:<10} {text}",
                    it.kernel, it.shape, it.device
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Tune { time } => {
            tune_missing(&kiln, &lock, &items, time)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Lock => {
            let mut lock = lock;
            let mut n = 0;
            for it in &items {
                if let Some(w) = state(&kiln, &lock, it)?.winner {
                    lock.upsert(LockEntry {
                        kernel: w.key.kernel.clone(),
                        kernel_hash: w.key.kernel_hash.clone(),
                        sizes: w.key.sizes.clone(),
                        device: w.key.device.clone(),
                        model: kiln.device(&it.device)?.info().model.clone(),
                        compiler: w.key.compiler.clone(),
                        schedule: w.schedule.clone(),
                        median_s: w.median_s,
                        default_median_s: w.default_median_s,
                        trials: w.trials,
                        tuned_at: w.created_at,
                    });
                    n += 1;
                }
            }
            lock.version = kiln::lock::LOCK_VERSION;
            lock.write(&lock_path)?;
            println!(
                "{}: {n} of {} winners locked",
                lock_path.display(),
                items.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Build { time, args } => {
            tune_missing(&kiln, &lock, &items, time)?;
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let st = std::process::Command::new(cargo)
                .arg("build")
                .arg("--manifest-path")
                .arg(&cli.manifest_path)
                .args(args)
                .status()?;
            Ok(if st.success() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

/// Tunes every item with neither a current locked winner nor a cached one.
fn tune_missing(kiln: &kiln::Kiln, lock: &Lock, items: &[Item], time: &str) -> anyhow::Result<()> {
    let secs: f64 = time
        .trim_end_matches('s')
        .parse()
        .ok()
        .or_else(|| {
            time.strip_suffix('m')
                .and_then(|m| m.parse::<f64>().ok())
                .map(|m| m * 60.0)
        })
        .filter(|s: &f64| s.is_finite() && *s > 0.0)
        .with_context(|| format!("--time `{time}`: give seconds (`60s`) or minutes (`2m`)"))?;
    for it in items {
        let st = state(kiln, lock, it)?;
        if matches!(st.lock, Lookup::Current(_)) || st.winner.is_some() {
            continue;
        }
        eprintln!("tuning {} at {} on {}", it.kernel, it.shape, it.device);
        let m = kiln::Module::load(&it.file)?;
        let k = m.kernel(&it.kernel)?;
        let opts = kiln::TuneOptions {
            trials: None,
            time: Some(std::time::Duration::from_secs_f64(secs)),
            progress: true,
            ..kiln::TuneOptions::default()
        };
        let r = kiln.tune(
            &k,
            &kiln.device(&it.device)?,
            &parse_sizes(&it.shape)?,
            &opts,
        )?;
        eprintln!(
            "  {} trials, {}",
            r.trials_run,
            r.default_s.map_or("?".into(), |d| format!(
                "{:.2}x over the default",
                d / r.best_s
            ))
        );
    }
    Ok(())
}
