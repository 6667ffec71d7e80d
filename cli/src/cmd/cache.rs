//! `kiln cache`.

use anyhow::{bail, Context as _};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The `kiln cache` subcommands.
#[derive(Subcommand)]
pub enum CacheCmd {
    /// List winners: key id, kernel, sizes, device, time, trials.
    Ls,
    /// Show a winner and its trials (key id or unique prefix).
    Show {
        /// Key id or prefix.
        key: String,
        /// Draw the best-so-far curve of its trials in the terminal.
        #[arg(long)]
        plot: bool,
        /// Write the best-so-far curve as an SVG plot to FILE.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
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

/// Runs a cache subcommand.
pub fn cache_cmd(cmd: &CacheCmd, dir: Option<&Path>) -> anyhow::Result<ExitCode> {
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
        CacheCmd::Show { key, plot, svg } => {
            let k = resolve(key)?;
            println!("{}", serde_json::to_string_pretty(&k)?);
            match cache.winner(&k)? {
                Some(w) => println!("winner: {}", serde_json::to_string_pretty(&w)?),
                None => println!("no winner"),
            }
            let trials = cache.trials(&k.id())?;
            let points = super::curve::from_trials(&trials);
            for t in trials {
                println!(
                    "{:<14} {:>10} {}  {}",
                    format!("{:?}", t.status),
                    t.median_s
                        .map_or("-".into(), |m| format!("{:.4} ms", m * 1e3)),
                    t.schedule,
                    t.error.unwrap_or_default()
                );
            }
            let title = format!("{} {:?} on {}: best so far", k.kernel, k.sizes, k.device);
            if *plot {
                match super::curve::ascii(&points, 60, 12) {
                    Some(p) => print!("{title}\n{p}"),
                    None => println!("no successful trial to plot"),
                }
            }
            if let Some(path) = svg {
                let Some(doc) = super::curve::svg(&points, &title) else {
                    bail!("no successful trial to plot");
                };
                crate::common::write_out(Some(path), doc.as_bytes())?;
                println!("wrote {}", path.display());
            }
        }
        CacheCmd::Export { file } => {
            let e = cache.export()?;
            let text = serde_json::to_string_pretty(&e)?;
            crate::common::write_out(Some(file), text.as_bytes())?;
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
