//! The artifact manifest: what `kiln compile --out DIR` writes beside the
//! machine code, and all a runtime (`kiln-rt`, no LLVM) needs to launch it.
//!
//! `DIR/manifest.json` is one [`Manifest`]: a schema version and one
//! [`KernelArtifact`] per kernel and size set written into the directory.
//! Each carries a per-kernel symbol prefix, so several kernels (or shapes)
//! in one directory never collide. The schema is these serde types;
//! [`SCHEMA`] is bumped on every incompatible change and a manifest of a
//! newer schema is refused ([`ManifestError::Newer`]).

use crate::TensorSig;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The manifest schema this build writes and reads.
pub const SCHEMA: u32 = 1;

/// File name of the manifest inside an artifact directory.
pub const FILE: &str = "manifest.json";

/// An artifact directory's manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Schema version ([`SCHEMA`]).
    pub schema: u32,
    /// The kernels in the directory, by prefix.
    pub kernels: Vec<KernelArtifact>,
}

/// What a tensor is to the kernel.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Read; given by the caller.
    Input,
    /// Written; returned to the caller.
    Output,
    /// Written and read inside the kernel; allocated by the runtime.
    Temporary,
}

/// One tensor of a kernel, as the runtime binds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TensorEntry {
    /// Name, dtype and concrete shape.
    #[serde(flatten)]
    pub sig: TensorSig,
    /// Input, output or temporary.
    pub role: Role,
    /// The size symbol each dimension came from (`M`), or the literal.
    pub dims: Vec<String>,
    /// Bytes.
    pub bytes: u64,
}

/// One entry point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LaunchEntry {
    /// Exported symbol (`<prefix>_s<i>`; on OpenCL the `__kernel` name).
    pub symbol: String,
    /// Tensor indices passed, in order.
    pub args: Vec<usize>,
    /// Takes the i32 error flag after the tensors.
    pub err_flag: bool,
    /// GPU-like devices: global work size `[x, y]` (whole work-groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global: Option<[usize; 2]>,
    /// GPU-like devices: work-group size `[x, y]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workgroup: Option<[usize; 2]>,
}

impl LaunchEntry {
    /// A launch of a GPU-like device over `global` work-items in groups of
    /// `workgroup`.
    pub fn gpu(
        symbol: String,
        args: Vec<usize>,
        err_flag: bool,
        global: [usize; 2],
        workgroup: [usize; 2],
    ) -> LaunchEntry {
        LaunchEntry {
            symbol,
            args,
            err_flag,
            global: Some(global),
            workgroup: Some(workgroup),
        }
    }
}

/// Launches run together block by block (a fused group, or one launch).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    /// Launch indices `start..end`.
    pub launches: [usize; 2],
    /// Blocks of the group.
    pub blocks: usize,
    /// Block-local temporaries: (tensor index, bytes of one block's buffer).
    pub local: Vec<(usize, usize)>,
}

/// Where the code came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// kiln version.
    pub kiln_version: String,
    /// The code generator's identity (`KILN_CODEGEN_ID`).
    pub build: String,
    /// LLVM version and toolchain the device reported.
    pub toolchain: String,
    /// Device name and fingerprint compiled for.
    pub device: String,
    /// Device fingerprint.
    pub fingerprint: String,
    /// The code-generation target (`native`, `x86-64-v3`, `sm_90`).
    pub target: String,
    /// Whether the schedule is a tuned winner.
    pub tuned: bool,
    /// Trials behind the winner (tuned only).
    pub trials: Option<u64>,
    /// Speed-up of the winner over the default schedule (tuned only).
    pub speedup: Option<f64>,
}

/// One kernel at one size set, compiled for one device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KernelArtifact {
    /// Kernel name in the source.
    pub name: String,
    /// Content hash of the kernel (blake3 of its canonical text).
    pub hash: String,
    /// Symbol prefix, unique in the directory.
    pub prefix: String,
    /// Device kind (`cpu`).
    pub kind: String,
    /// Size symbols bound.
    pub sizes: BTreeMap<String, i64>,
    /// Every tensor by index (inputs, temporaries, outputs).
    pub tensors: Vec<TensorEntry>,
    /// Input tensor indices in declaration order.
    pub inputs: Vec<usize>,
    /// Output tensor indices in declaration order.
    pub outputs: Vec<usize>,
    /// The target tensor of each statement (errors name it).
    pub targets: Vec<usize>,
    /// Entry points in launch order.
    pub launches: Vec<LaunchEntry>,
    /// Groups in launch order.
    pub groups: Vec<GroupEntry>,
    /// Worker threads the schedule was made for.
    pub threads: usize,
    /// The schedule, as `kiln compile --emit schedule` prints it.
    pub schedule: serde_json::Value,
    /// Files of the kernel, relative to the directory: `object` (a
    /// relocatable PIC object), `shared` (the same code as a shared
    /// library, for loading at run time).
    pub files: BTreeMap<String, String>,
    /// Where it came from.
    pub provenance: Provenance,
}

impl KernelArtifact {
    /// The entry of `spec` under `sched` on `device` with symbol prefix
    /// `prefix`, code-generation `target` and `kind`; launches, groups
    /// and files are the backend's to fill in. Untuned.
    pub fn describe(
        spec: &kiln_ir::Specialized<'_>,
        sched: &kiln_schedule::Schedule,
        device: &crate::DeviceInfo,
        prefix: &str,
        target: &str,
    ) -> KernelArtifact {
        let k = spec.kernel;
        let sig = crate::Signature::of(spec);
        let tensors = k
            .tensors
            .iter()
            .zip(&sig.tensors)
            .map(|((_, t), s)| TensorEntry {
                role: match t.kind {
                    kiln_ir::ir::TensorKind::Input => Role::Input,
                    kiln_ir::ir::TensorKind::Output => Role::Output,
                    _ => Role::Temporary,
                },
                dims: t
                    .shape
                    .iter()
                    .map(|d| d.display(&|id| k.symbols[id].name.clone()))
                    .collect(),
                bytes: s.bytes() as u64,
                sig: s.clone(),
            })
            .collect();
        KernelArtifact {
            name: k.name.clone(),
            hash: k.hash.clone(),
            prefix: prefix.into(),
            kind: device.kind.clone(),
            sizes: spec.sizes(),
            tensors,
            inputs: sig.inputs.clone(),
            outputs: sig.outputs.clone(),
            targets: sig.targets.clone(),
            launches: Vec::new(),
            groups: Vec::new(),
            threads: sched.threads.max(1),
            schedule: serde_json::to_value(sched).expect("schedules serialize"),
            files: BTreeMap::new(),
            provenance: Provenance {
                kiln_version: env!("CARGO_PKG_VERSION").into(),
                build: String::new(),
                toolchain: device.toolchain.clone(),
                device: device.name.clone(),
                fingerprint: device.fingerprint.clone(),
                target: target.into(),
                tuned: false,
                trials: None,
                speedup: None,
            },
        }
    }

    /// Sets GPU-like launches ([`LaunchEntry::gpu`]), each its own group
    /// whose block count is its work-group count.
    pub fn set_gpu_launches(&mut self, launches: Vec<LaunchEntry>) {
        self.groups = launches
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let (g, w) = (l.global.unwrap_or([1, 1]), l.workgroup.unwrap_or([1, 1]));
                GroupEntry {
                    launches: [i, i + 1],
                    blocks: (g[0] / w[0].max(1)) * (g[1] / w[1].max(1)),
                    local: Vec::new(),
                }
            })
            .collect();
        self.launches = launches;
    }

    /// The [`crate::Signature`] the runtime checks calls against.
    pub fn signature(&self) -> crate::Signature {
        crate::Signature {
            kernel: self.name.clone(),
            tensors: self.tensors.iter().map(|t| t.sig.clone()).collect(),
            inputs: self.inputs.clone(),
            outputs: self.outputs.clone(),
            targets: self.targets.clone(),
        }
    }
}

/// Errors reading or writing a manifest, with the file named.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// Reading or writing failed.
    #[error("{path}: {err}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        err: std::io::Error,
    },
    /// Not a manifest of this schema.
    #[error("{path}: not a kiln manifest: {err}")]
    Parse {
        /// The file.
        path: String,
        /// What serde said (with line and column).
        err: String,
    },
    /// Written by a newer kiln.
    #[error("{path}: manifest schema {found} is newer than this kiln's ({SCHEMA}); use a kiln at least as new as the one that wrote it")]
    Newer {
        /// The file.
        path: String,
        /// Its schema.
        found: u32,
    },
    /// Something in it does not hold together.
    #[error("{path}: kernel `{kernel}`: {msg}")]
    Invalid {
        /// The file.
        path: String,
        /// Kernel prefix.
        kernel: String,
        /// What is wrong.
        msg: String,
    },
}

impl Manifest {
    /// Reads and checks `dir/manifest.json`.
    pub fn read(dir: &Path) -> Result<Manifest, ManifestError> {
        let path = dir.join(FILE);
        let p = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|err| ManifestError::Io {
            path: p.clone(),
            err,
        })?;
        Manifest::parse(&text, &p)
    }

    /// Parses manifest text (`path` names it in errors).
    pub fn parse(text: &str, path: &str) -> Result<Manifest, ManifestError> {
        // The version first, so a newer schema is named as such even when
        // its fields no longer parse.
        #[derive(Deserialize)]
        struct Version {
            schema: u32,
        }
        let v: Version = serde_json::from_str(text).map_err(|e| ManifestError::Parse {
            path: path.into(),
            err: e.to_string(),
        })?;
        if v.schema > SCHEMA {
            return Err(ManifestError::Newer {
                path: path.into(),
                found: v.schema,
            });
        }
        let m: Manifest = serde_json::from_str(text).map_err(|e| ManifestError::Parse {
            path: path.into(),
            err: e.to_string(),
        })?;
        for k in &m.kernels {
            m.check(k).map_err(|msg| ManifestError::Invalid {
                path: path.into(),
                kernel: k.prefix.clone(),
                msg,
            })?;
        }
        Ok(m)
    }

    /// Consistency a runtime relies on: indices in range, groups covering
    /// the launches in order, shapes matching byte counts.
    fn check(&self, k: &KernelArtifact) -> Result<(), String> {
        let n = k.tensors.len();
        let bad = |i: &usize| *i >= n;
        if k.inputs.iter().chain(&k.outputs).chain(&k.targets).any(bad) {
            return Err("an input, output or target index is out of range".into());
        }
        for t in &k.tensors {
            let want = t
                .sig
                .shape
                .iter()
                .try_fold(t.sig.dtype.size_bytes() as u64, |a, &d| {
                    a.checked_mul(d as u64)
                });
            if want != Some(t.bytes) {
                return Err(format!(
                    "tensor `{}`: bytes do not match its shape",
                    t.sig.name
                ));
            }
        }
        let mut next = 0;
        for g in &k.groups {
            if g.launches[0] != next || g.launches[1] <= g.launches[0] {
                return Err("groups do not cover the launches in order".into());
            }
            next = g.launches[1];
            if g.local.iter().any(|(t, _)| bad(t)) {
                return Err("a block-local temporary index is out of range".into());
            }
        }
        if next != k.launches.len() {
            return Err("groups do not cover the launches".into());
        }
        for l in &k.launches {
            if l.args.iter().any(bad) {
                return Err(format!(
                    "launch `{}`: a tensor index is out of range",
                    l.symbol
                ));
            }
            if l.args.len() + l.err_flag as usize > 17 {
                return Err(format!("launch `{}`: more than 17 arguments", l.symbol));
            }
        }
        if k.threads == 0 {
            return Err("threads is 0".into());
        }
        Ok(())
    }

    /// Adds or replaces the kernel with the same prefix.
    pub fn upsert(&mut self, k: KernelArtifact) {
        self.kernels.retain(|x| x.prefix != k.prefix);
        self.kernels.push(k);
        self.kernels.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    }

    /// Writes `dir/manifest.json` atomically (temporary file, fsync, rename).
    pub fn write(&self, dir: &Path) -> Result<(), ManifestError> {
        let path = dir.join(FILE);
        let io = |err| ManifestError::Io {
            path: path.display().to_string(),
            err,
        };
        let text = serde_json::to_string_pretty(self).expect("manifests serialize") + "\n";
        let tmp = dir.join(format!(".{FILE}.{}.tmp", std::process::id()));
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp).map_err(io)?;
            f.write_all(text.as_bytes()).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, &path).map_err(io)
    }
}

/// Writes `dir/name` atomically (a temporary file beside it, then a
/// rename): a reader never sees a partial artifact.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), crate::DeviceError> {
    let err = |e: std::io::Error| {
        crate::DeviceError::Runtime(format!("{}: {e}", dir.join(name).display()))
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, dir.join(name)).map_err(err)
}
