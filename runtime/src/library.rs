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
    #[error("kernel `{prefix}` is for `{kind}` devices; this runtime launches `cpu` artifacts")]
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
    plan: Plan,
    // Keeps the code the plan's entries point into mapped (none when the
    // code is linked into the program).
    _lib: Option<Arc<libloading::Library>>,
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

fn load(dir: &Path, k: KernelArtifact) -> Result<Kernel, RtError> {
    if k.kind != "cpu" {
        return Err(RtError::Kind {
            prefix: k.prefix,
            kind: k.kind,
        });
    }
    let file = k.files.get("shared").ok_or_else(|| RtError::File {
        prefix: k.prefix.clone(),
        msg: "the manifest names no `shared` library".into(),
    })?;
    if Path::new(file).is_absolute() || file.contains("..") {
        return Err(RtError::File {
            prefix: k.prefix.clone(),
            msg: format!("`{file}` is not a path inside the directory"),
        });
    }
    let path = dir.join(file);
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
        plan,
        _lib: Some(Arc::new(lib)),
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
            plan,
            _lib: None,
        })
    }

    /// What the manifest says of it.
    pub fn manifest(&self) -> &KernelArtifact {
        &self.meta
    }

    /// Its arguments.
    pub fn signature(&self) -> &Signature {
        self.plan.signature()
    }

    /// Runs on copies of `inputs` (declaration order) and returns the outputs.
    pub fn run(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, DeviceError> {
        self.plan.run(inputs)
    }

    /// Runs on borrowed inputs into caller-provided outputs, no copies.
    pub fn run_views(
        &self,
        inputs: &[TensorRef<'_>],
        outputs: &mut [TensorMut<'_>],
    ) -> Result<(), DeviceError> {
        self.plan.run_views(inputs, outputs)
    }
}
