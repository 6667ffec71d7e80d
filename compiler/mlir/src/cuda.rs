//! gpu-dialect kernels -> NVVM -> PTX, through MLIR's NVVM target.
//!
//! The module [`crate::emit_gpu`] writes for OpenCL is the input: its
//! work-groups become thread blocks (`gpu.block_id`/`gpu.thread_id` turn
//! into `%ctaid`/`%tid`), its workgroup-memory attributions become
//! `.shared` arrays, private `memref.alloca`s become `.local` ones, and
//! `vector<Nxf32>` memory accesses become PTX vector loads and stores where
//! LLVM can prove the alignment (else scalar ones). [`nvvm_pipeline`]
//! attaches the NVVM target (chip, O3, libdevice for the math builtins)
//! and converts each `gpu.func` to an `llvm.func` with the `nvvm.kernel`
//! attribute (bare-pointer arguments, one per tensor, as on OpenCL);
//! `gpu-module-to-binary{format=isa}` then links libdevice, runs LLVM's O3
//! for the NVPTX target and prints PTX, which [`crate::Mlir::to_ptx`]
//! reads back from the `gpu.binary` op.

use std::path::{Path, PathBuf};

/// Where MLIR's NVPTX serializer finds libdevice and which chip it targets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NvptxTarget {
    /// `sm_80`, `sm_90`, ...
    pub chip: String,
    /// `libdevice.10.bc`: math builtins (`__nv_expf`, `__nv_fmaf`, ...) are
    /// calls into it.
    pub libdevice: PathBuf,
}

/// The conversion to NVVM (everything up to, not including, serialization).
pub fn nvvm_pipeline(t: &NvptxTarget) -> String {
    format!(
        "builtin.module(canonicalize, cse, nvvm-attach-target{{chip={} O=3 l={}}}, \
gpu.module(convert-scf-to-cf, convert-vector-to-llvm, \
convert-gpu-to-nvvm{{use-bare-ptr-memref-call-conv=1}}, reconcile-unrealized-casts))",
        t.chip,
        t.libdevice.display()
    )
}

/// Serialization of the NVVM module to PTX text.
pub const SERIALIZE_PTX: &str = "builtin.module(gpu-module-to-binary{format=isa})";

/// Whether a string names a chip the NVVM target accepts (`sm_` followed
/// by digits, optionally an `a` suffix: `sm_90a`).
pub fn valid_chip(chip: &str) -> bool {
    chip.strip_prefix("sm_").is_some_and(|n| {
        let n = n.strip_suffix('a').unwrap_or(n);
        !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Candidate locations of libdevice, most specific first: `$KILN_LIBDEVICE`,
/// `$CUDA_HOME`/`$CUDA_PATH`, `/usr/local/cuda`, and the `nvidia-cuda-nvcc`
/// pip wheel of any Python on the machine (what `scripts/setup.sh` installs).
pub fn libdevice_candidates() -> Vec<PathBuf> {
    let mut v = Vec::new();
    if let Some(p) = std::env::var_os("KILN_LIBDEVICE") {
        v.push(PathBuf::from(p));
    }
    let rel = Path::new("nvvm/libdevice/libdevice.10.bc");
    for var in ["CUDA_HOME", "CUDA_PATH"] {
        if let Some(p) = std::env::var_os(var) {
            v.push(PathBuf::from(p).join(rel));
        }
    }
    v.push(Path::new("/usr/local/cuda").join(rel));
    for dir in crate::cuda::nvcc_wheel_dirs() {
        v.push(dir.join(rel));
    }
    v
}

/// `.../site-packages/nvidia/cuda_nvcc` directories of the Pythons found
/// under the usual prefixes (pyenv, /usr/local, /usr, a virtualenv).
pub fn nvcc_wheel_dirs() -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Some(v) = std::env::var_os("VIRTUAL_ENV") {
        roots.push(PathBuf::from(v).join("lib"));
    }
    if let Some(h) = std::env::var_os("HOME") {
        roots.push(PathBuf::from(&h).join(".local/lib"));
        if let Ok(vs) = std::fs::read_dir(PathBuf::from(&h).join(".pyenv/versions")) {
            roots.extend(vs.flatten().map(|e| e.path().join("lib")));
        }
    }
    roots.push("/usr/local/lib".into());
    roots.push("/usr/lib".into());
    let mut out = Vec::new();
    for root in roots {
        let Ok(entries) = std::fs::read_dir(&root) else {
            continue;
        };
        let mut pys: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("python3"))
            })
            .collect();
        pys.sort();
        for py in pys {
            for sub in ["site-packages", "dist-packages"] {
                let d = py.join(sub).join("nvidia/cuda_nvcc");
                if d.is_dir() {
                    out.push(d);
                }
            }
        }
    }
    out
}

/// The first libdevice that exists, or the places looked at.
pub fn find_libdevice() -> Result<PathBuf, String> {
    let c = libdevice_candidates();
    c.iter().find(|p| p.is_file()).cloned().ok_or_else(|| {
        format!(
            "libdevice.10.bc not found (looked at {}); set KILN_LIBDEVICE or run scripts/setup.sh (pip wheel nvidia-cuda-nvcc-cu12)",
            c.iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_are_checked() {
        for ok in ["sm_80", "sm_90", "sm_90a", "sm_120"] {
            assert!(valid_chip(ok), "{ok}");
        }
        for bad in ["sm80", "sm_", "sm_9x", "compute_90", "sm_80,O=0", "sm_1234"] {
            assert!(!valid_chip(bad), "{bad}");
        }
    }

    #[test]
    fn pipeline_names_chip_and_libdevice() {
        let p = nvvm_pipeline(&NvptxTarget {
            chip: "sm_90".into(),
            libdevice: "/x/libdevice.10.bc".into(),
        });
        assert!(p.contains("chip=sm_90 O=3 l=/x/libdevice.10.bc"), "{p}");
        assert!(p.contains("use-bare-ptr-memref-call-conv=1"), "{p}");
    }
}
