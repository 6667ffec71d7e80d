//! `kiln check` and `kiln fmt`.

use crate::common::{load, print_diag, Reported};
use kiln_ir::{Kernel, Source};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Checks files; prints each kernel's signature and hash.
pub fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
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

/// Prints (or rewrites, or checks) the canonical form.
pub fn fmt(path: &Path, write: bool, check: bool) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
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
        crate::common::write_out(Some(path), out.as_bytes())?;
    } else {
        print!("{out}");
    }
    Ok(ExitCode::SUCCESS)
}
