//! Running NVIDIA's PTX assembler: the external validator of every PTX
//! kiln writes, and the source of the resource figures ([`Resources`]) the
//! search space is pruned by. Needs no GPU.

use crate::resources::{parse_ptxas, Resources};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Candidate locations of `ptxas`: `$KILN_PTXAS`, `$CUDA_HOME/bin`,
/// `$CUDA_PATH/bin`, `/usr/local/cuda/bin`, `PATH`, and the
/// `nvidia-cuda-nvcc` pip wheel (what `scripts/setup.sh` installs).
pub fn candidates() -> Vec<PathBuf> {
    let mut v = Vec::new();
    if let Some(p) = std::env::var_os("KILN_PTXAS") {
        v.push(PathBuf::from(p));
    }
    for var in ["CUDA_HOME", "CUDA_PATH"] {
        if let Some(p) = std::env::var_os(var) {
            v.push(PathBuf::from(p).join("bin/ptxas"));
        }
    }
    v.push("/usr/local/cuda/bin/ptxas".into());
    if let Some(path) = std::env::var_os("PATH") {
        v.extend(std::env::split_paths(&path).map(|d| d.join("ptxas")));
    }
    for d in kiln_mlir::cuda::nvcc_wheel_dirs() {
        v.push(d.join("bin/ptxas"));
    }
    v
}

/// The first `ptxas` that exists, or why none does.
pub fn find() -> Result<PathBuf, String> {
    let c = candidates();
    c.iter().find(|p| p.is_file()).cloned().ok_or_else(|| {
        "ptxas not found (set KILN_PTXAS, install the CUDA toolkit, or run scripts/setup.sh for the nvidia-cuda-nvcc-cu12 wheel)".to_string()
    })
}

/// The assembler's verdict on one PTX module.
#[derive(Clone, Debug)]
pub struct Assembled {
    /// The cubin.
    pub cubin: Vec<u8>,
    /// Per entry function.
    pub resources: Vec<Resources>,
    /// `ptxas -v` output as printed.
    pub log: String,
}

/// Assembles `ptx` for `arch` at `-O3` with `-v`. An error carries
/// ptxas's own messages.
pub fn assemble(ptxas: &Path, ptx: &str, arch: &str) -> Result<Assembled, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("ptxas: temporary directory: {e}"))?;
    let input = dir.path().join("kernel.ptx");
    let output = dir.path().join("kernel.cubin");
    std::fs::write(&input, ptx).map_err(|e| format!("ptxas: writing the PTX: {e}"))?;
    let out = Command::new(ptxas)
        .arg(format!("-arch={arch}"))
        .args(["-O3", "-v", "-o"])
        .arg(&output)
        .arg(&input)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", ptxas.display()))?;
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if !out.status.success() {
        return Err(format!("ptxas rejected the PTX for {arch}:\n{log}"));
    }
    let cubin = std::fs::read(&output).map_err(|e| format!("ptxas wrote no cubin: {e}"))?;
    Ok(Assembled {
        cubin,
        resources: parse_ptxas(&log),
        log,
    })
}
