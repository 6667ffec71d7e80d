//! Artifact directories: the manifest, the shared libraries, the kernels.

use crate::launch::{Entry, Group, Plan};
use kiln_device::manifest::{KernelArtifact, Manifest, ManifestError};
use kiln_device::{DeviceError, Signature, TensorMut, TensorRef};
use kiln_tensor::HostTensor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Errors of opening an artifact directory.
#[derive(Debug, thiserror::Error)]
pub enum RtError {
    /// The manifest is missing, unreadable, newer or inconsistent.
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    /// A kernel of a kind this runtime does not launch.
    #[error("kernel `{prefix}` is for `{kind}` devices; this runtime launches `cpu` and `opencl` artifacts")]
    Kind {
        /// The kernel's prefix.
        prefix: String,
        /// Its device kind.
        kind: String,
    },
    /// The kernel's shared library is missing from the manifest or the directory.
    #[error("kernel `{prefix}`: {msg}")]
    File {
        /// The kernel's prefix.
        prefix: String,
        /// What is wrong.
        msg: String,
    },
    /// The shared library did not load or lacks a symbol.
    #[error("{path}: {msg}")]
    Load {
        /// The library.
        path: String,
        /// The loader's message.
        msg: String,
    },
    /// No kernel of that name (and sizes).
    #[error("no kernel `{name}` in {dir} (it has: {known})")]
    NoKernel {
        /// As asked.
        name: String,
        /// The directory.
        dir: String,
        /// Its kernels.
        known: String,
    },
}

/// A loaded kernel of an artifact directory.
pub struct Kernel {
    meta: KernelArtifact,
    exec: Exec,
    // Keeps the code the plan's entries point into mapped (none when the
    // code is linked into the program).
    _lib: Option<Arc<libloading::Library>>,
}

/// How a kernel runs.
enum Exec {
    /// Machine code on the host's launcher.
    Cpu(Plan),
    /// An OpenCL program built on its device.
    OpenCl(Box<crate::opencl::Loaded>),
}

/// An opened artifact directory.
pub struct Library {
    dir: PathBuf,
    kernels: Vec<Kernel>,
}

impl Library {
    /// Opens `dir`: reads and checks the manifest, loads every kernel's
    /// shared library and resolves its entry points.
    pub fn open(dir: impl AsRef<Path>) -> Result<Library, RtError> {
        let dir = dir.as_ref().to_path_buf();
        let m = Manifest::read(&dir)?;
        let kernels = m
            .kernels
            .into_iter()
            .map(|k| load(&dir, k))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Library { dir, kernels })
    }

    /// Every kernel, by prefix.
    pub fn kernels(&self) -> &[Kernel] {
        &self.kernels
    }

    /// The kernel `name` (when the directory holds it at several size
    /// sets, the one whose sizes are `sizes`).
    pub fn kernel(&self, name: &str, sizes: Option<&[(&str, i64)]>) -> Result<&Kernel, RtError> {
        self.kernels
            .iter()
            .find(|k| {
                (k.meta.name == name || k.meta.prefix == name)
                    && sizes.is_none_or(|s| {
                        s.len() == k.meta.sizes.len()
                            && s.iter().all(|(n, v)| k.meta.sizes.get(*n) == Some(v))
                    })
            })
            .ok_or_else(|| RtError::NoKernel {
                name: name.into(),
                dir: self.dir.display().to_string(),
                known: self
                    .kernels
                    .iter()
                    .map(|k| k.meta.prefix.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// The path of the kernel's file `role`, which must stay inside `dir`.
fn file_of(dir: &Path, k: &KernelArtifact, role: &str) -> Result<PathBuf, RtError> {
    let file = k.files.get(role).ok_or_else(|| RtError::File {
        prefix: k.prefix.clone(),
        msg: format!("the manifest names no `{role}` file"),
    })?;
    if Path::new(file).is_absolute() || file.contains("..") {
        return Err(RtError::File {
            prefix: k.prefix.clone(),
            msg: format!("`{file}` is not a path inside the directory"),
        });
    }
    Ok(dir.join(file))
}

fn load(dir: &Path, k: KernelArtifact) -> Result<Kernel, RtError> {
    match k.kind.as_str() {
        "cpu" => {}
        "opencl" => return load_opencl(dir, k),
        _ => {
            return Err(RtError::Kind {
                prefix: k.prefix,
                kind: k.kind,
            })
        }
    }
    let path = file_of(dir, &k, "shared")?;
    let err = |msg: String| RtError::Load {
        path: path.display().to_string(),
        msg,
    };
    // SAFETY: loading runs the library's initializers; kiln's kernel
    // libraries have none (plain functions compiled from MLIR).
    let lib = unsafe { libloading::Library::new(&path) }.map_err(|e| err(e.to_string()))?;
    let mut addrs = Vec::new();
    for l in &k.launches {
        // SAFETY: only the address is taken; the manifest says its type.
        let sym: libloading::Symbol<'_, *const ()> =
            unsafe { lib.get(l.symbol.as_bytes()) }.map_err(|e| err(e.to_string()))?;
        addrs.push(*sym as usize);
    }
    // SAFETY: the manifest was checked for consistency (indices, groups,
    // arity) and written with the library by the same `kiln compile`; the
    // addresses are its exported statement functions, mapped while `lib`
    // lives (the kernel owns it).
    let plan = unsafe { plan_at(&k, &addrs) };
    Ok(Kernel {
        meta: k,
        exec: Exec::Cpu(plan),
        _lib: Some(Arc::new(lib)),
    })
}

/// Builds an OpenCL kernel's source on the device it was compiled for
/// (`opencl:N` of its provenance).
fn load_opencl(dir: &Path, k: KernelArtifact) -> Result<Kernel, RtError> {
    let path = file_of(dir, &k, "source")?;
    let err = |msg: String| RtError::Load {
        path: path.display().to_string(),
        msg,
    };
    let source = std::fs::read_to_string(&path).map_err(|e| err(e.to_string()))?;
    let index = k
        .provenance
        .device
        .strip_prefix("opencl:")
        .and_then(|i| i.parse().ok())
        .unwrap_or(0);
    let rt = crate::opencl::Runtime::new(index, None).map_err(|e| err(e.to_string()))?;
    let mut stmts = Vec::new();
    for l in &k.launches {
        let (Some(global), Some(workgroup)) = (l.global, l.workgroup) else {
            return Err(RtError::File {
                prefix: k.prefix.clone(),
                msg: format!("launch `{}` has no global or work-group size", l.symbol),
            });
        };
        if workgroup.contains(&0) || global[0] % workgroup[0] != 0 || global[1] % workgroup[1] != 0
        {
            return Err(RtError::File {
                prefix: k.prefix.clone(),
                msg: format!(
                    "launch `{}`: global size is not whole work-groups",
                    l.symbol
                ),
            });
        }
        stmts.push(crate::opencl::ClLaunch {
            name: l.symbol.clone(),
            args: l.args.clone(),
            global,
            workgroup,
            err_flag: l.err_flag,
        });
    }
    let prog = crate::opencl::ClProgram {
        source,
        stmts,
        signature: k.signature(),
        compile_s: 0.0,
    };
    let loaded = rt.load(&prog).map_err(|e| err(e.to_string()))?;
    Ok(Kernel {
        meta: k,
        exec: Exec::OpenCl(Box::new(loaded)),
        _lib: None,
    })
}

/// The launch plan of a manifest entry whose launches are at `addrs`.
///
/// # Safety
/// As [`Plan::new`]: `addrs` are the entry's launch symbols, in order.
unsafe fn plan_at(k: &KernelArtifact, addrs: &[usize]) -> Plan {
    let entries = k
        .launches
        .iter()
        .zip(addrs)
        .map(|(l, &addr)| Entry {
            addr,
            args: l.args.clone(),
            err_flag: l.err_flag,
        })
        .collect();
    let groups = k
        .groups
        .iter()
        .map(|g| Group {
            stmts: g.launches[0]..g.launches[1],
            blocks: g.blocks,
            local: g.local.clone(),
        })
        .collect();
    // SAFETY: as this function's contract.
    unsafe { Plan::new(entries, groups, k.threads, k.signature()) }
}

impl Kernel {
    /// A kernel whose code is linked into the program (what `kiln-build`'s
    /// generated bindings use): `manifest` is its [`KernelArtifact`] as
    /// JSON, `addrs` the addresses of its launches' symbols, in order.
    ///
    /// # Safety
    /// `addrs[i]` must be the address of the symbol `launches[i].symbol`
    /// of an object compiled by kiln with this manifest entry.
    pub unsafe fn linked(manifest: &str, addrs: &[usize]) -> Result<Kernel, RtError> {
        let wrapped = format!(
            "{{\"schema\": {}, \"kernels\": [{manifest}]}}",
            kiln_device::manifest::SCHEMA
        );
        let mut m = Manifest::parse(&wrapped, "<linked kernel>")?;
        let k = m.kernels.remove(0);
        if addrs.len() != k.launches.len() {
            return Err(RtError::File {
                prefix: k.prefix,
                msg: format!(
                    "{} addresses for {} launches",
                    addrs.len(),
                    k.launches.len()
                ),
            });
        }
        // SAFETY: as this function's contract; the manifest was checked.
        let plan = unsafe { plan_at(&k, addrs) };
        Ok(Kernel {
            meta: k,
            exec: Exec::Cpu(plan),
            _lib: None,
        })
    }

    /// What the manifest says of it.
    pub fn manifest(&self) -> &KernelArtifact {
        &self.meta
    }

    /// Its arguments.
    pub fn signature(&self) -> &Signature {
        match &self.exec {
            Exec::Cpu(p) => p.signature(),
            Exec::OpenCl(l) => &l.program().signature,
        }
    }

    /// Runs on copies of `inputs` (declaration order) and returns the outputs.
    pub fn run(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, DeviceError> {
        match &self.exec {
            Exec::Cpu(p) => p.run(inputs),
            Exec::OpenCl(l) => l.run(inputs).map_err(crate::opencl::unavailable),
        }
    }

    /// Runs on borrowed inputs into caller-provided outputs (no copies on
    /// the CPU; a device copies in and out).
    pub fn run_views(
        &self,
        inputs: &[TensorRef<'_>],
        outputs: &mut [TensorMut<'_>],
    ) -> Result<(), DeviceError> {
        match &self.exec {
            Exec::Cpu(p) => p.run_views(inputs, outputs),
            Exec::OpenCl(_) => {
                kiln_device::run_copied(self.signature(), inputs, outputs, |x| self.run(x))
            }
        }
    }
}
