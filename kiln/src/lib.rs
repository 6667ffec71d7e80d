//! kiln as a library: write a kernel once in kiln's tensor language,
//! compile it for a device, run it on host arrays, tune it.
//!
//! ```
//! use kiln::{sizes, HostTensor, Kiln, Module, ScheduleChoice};
//!
//! let module = Module::parse(
//!     "example.kiln",
//!     "kernel matmul(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) { c[i, j] += a[i, k] * b[k, j]; }",
//! )?;
//! let matmul = module.kernel("matmul")?;
//! let kiln = Kiln::with_cache_dir(tempfile::tempdir().unwrap().path());
//! let cpu = kiln.device("cpu")?;
//! let sizes = sizes([("M", 4), ("N", 3), ("K", 2)]);
//! // The cached winner if `kiln tune` stored one, else the default.
//! let compiled = kiln.compile(&matmul, &cpu, &sizes, ScheduleChoice::Cached)?;
//! println!("{}", compiled.schedule_source());
//! let a = HostTensor::from_f64(kiln::DType::F32, vec![4, 2], &[1., 2., 3., 4., 5., 6., 7., 8.]);
//! let b = HostTensor::from_f64(kiln::DType::F32, vec![2, 3], &[1., 0., 0., 0., 1., 0.]);
//! let c = compiled.run(&[a.clone(), b.clone()])?;
//! assert_eq!(c[0].to_f64(), vec![1., 2., 0., 3., 4., 0., 5., 6., 0., 7., 8., 0.]);
//! // The reference interpreter agrees.
//! assert_eq!(matmul.interpret(&[a, b])?, c);
//! # Ok::<(), kiln::Error>(())
//! ```
//!
//! Zero-copy runs read the caller's inputs and write the caller's outputs
//! in place (on the CPU; devices with their own memory copy in and out):
//!
//! ```
//! # use kiln::{sizes, Kiln, Module, ScheduleChoice, TensorRef, TensorMut, Slice, SliceMut};
//! # let module = Module::parse("x.kiln", "kernel axpy(x: f32[N], y: f32[N]) -> (z: f32[N]) { z[i] = 2.0 * x[i] + y[i]; }")?;
//! # let kiln = Kiln::with_cache_dir(tempfile::tempdir().unwrap().path());
//! let axpy = kiln.compile(&module.kernel("axpy")?, &kiln.device("cpu")?,
//!                         &sizes([("N", 3)]), ScheduleChoice::Default)?;
//! let (x, y) = ([1.0f32, 2.0, 3.0], [10.0f32, 20.0, 30.0]);
//! let mut z = [0.0f32; 3];
//! axpy.run_into(
//!     &[TensorRef { shape: &[3], data: Slice::F32(&x) }, TensorRef { shape: &[3], data: Slice::F32(&y) }],
//!     &mut [TensorMut { shape: &[3], data: SliceMut::F32(&mut z) }],
//! )?;
//! assert_eq!(z, [12.0, 24.0, 36.0]);
//! # Ok::<(), kiln::Error>(())
//! ```
//!
//! Tuning measures candidates (verified against the interpreter first) and
//! stores the winner in the cache, where [`ScheduleChoice::Cached`] finds
//! it:
//!
//! ```
//! # use kiln::{sizes, Kiln, Module, ScheduleChoice, ScheduleSource, TuneOptions, WorkerMode};
//! # let module = Module::parse("x.kiln", "kernel axpy(x: f32[N], y: f32[N]) -> (z: f32[N]) { z[i] = 2.0 * x[i] + y[i]; }")?;
//! let dir = tempfile::tempdir().unwrap();
//! let kiln = Kiln::with_cache_dir(dir.path());
//! let cpu = kiln.device("cpu")?;
//! let k = module.kernel("axpy")?;
//! let n = sizes([("N", 4096)]);
//! let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
//! let counter = seen.clone();
//! let report = kiln.tune(&k, &cpu, &n, &TuneOptions {
//!     trials: Some(4),
//!     time_per_trial_ms: 20,
//!     // In this process (no `kiln` executable needed; no crash isolation).
//!     worker: WorkerMode::InProcess,
//!     ..TuneOptions::default()
//! }.on_trial(move |_| { counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed); }))?;
//! assert!(report.trials_run >= 4 && seen.load(std::sync::atomic::Ordering::Relaxed) >= 4);
//! let compiled = kiln.compile(&k, &cpu, &n, ScheduleChoice::Cached)?;
//! assert!(matches!(compiled.schedule_source(), ScheduleSource::Tuned { .. }));
//! # Ok::<(), kiln::Error>(())
//! ```
//!
//! # Thread safety
//! [`Compiled`] kernels are `Send + Sync`: share one across threads; each
//! thread binds its own buffers ([`Compiled::bind`], a [`Bound`] is
//! `Send`) or calls [`Compiled::run`] / [`Compiled::run_into`], which bind
//! per call. Devices are `Send + Sync`. A [`Cache`] is one SQLite
//! connection: open one per thread (many processes may share the
//! directory).

mod error;
pub mod lock;
mod module;

pub use error::{Error, Result};
pub use module::{sizes, Kernel, Module, Sizes};

pub use kiln_cache::{Cache, Key, Winner};
pub use kiln_device::{
    time_bound, Bound, Budget, Clock, Device, DeviceError, DeviceInfo, OpenOptions, Signature,
    Slice, SliceMut, Stats, TensorMut, TensorRef, TensorSig,
};
pub use kiln_ir::DType;
pub use kiln_schedule::Schedule;
pub use kiln_tensor::{Data as HostData, HostTensor};
pub use kiln_tuner::strategy::Kind as Strategy;
pub use kiln_tuner::{TrialEvent, TuneOptions, TuneReport, WorkerMode};

use kiln_device::Loaded;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which schedule to compile with.
#[derive(Clone, Debug)]
pub enum ScheduleChoice {
    /// The device's default schedule.
    Default,
    /// The tuned winner for this exact kernel, sizes, device and build if
    /// the cache has one, else the default.
    Cached,
    /// This schedule (validated against the kernel and the device).
    Explicit(Schedule),
    /// A tuned winner found elsewhere (a `kiln.lock`), validated like
    /// `Explicit` and reported as tuned.
    Tuned {
        /// The winner.
        schedule: Schedule,
        /// Where it came from (`kiln.lock`).
        origin: String,
        /// Trials behind it.
        trials: i64,
        /// Its speed-up over the default.
        speedup: Option<f64>,
    },
}

/// Which schedule a kernel was compiled with, and why.
#[derive(Clone, Debug, PartialEq)]
pub enum ScheduleSource {
    /// Given by the caller.
    Explicit,
    /// The cache's winner.
    Tuned {
        /// Its cache key id.
        key: String,
        /// Trials behind it.
        trials: i64,
        /// Its speed-up over the default schedule, when both were timed.
        speedup: Option<f64>,
    },
    /// The default (no winner cached, or not asked for).
    Default {
        /// Whether the cache was consulted (and had no winner).
        looked_up: bool,
    },
}

impl std::fmt::Display for ScheduleSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScheduleSource::Explicit => f.write_str("explicit schedule"),
            ScheduleSource::Tuned { key, trials, .. } => write!(
                f,
                "tuned schedule from the cache (key {}, {trials} trials)",
                &key[..key.len().min(12)]
            ),
            ScheduleSource::Default { looked_up: true } => {
                f.write_str("default schedule (no tuned schedule in the cache; run `kiln tune`)")
            }
            ScheduleSource::Default { looked_up: false } => f.write_str("default schedule"),
        }
    }
}

/// A kernel compiled for a device at fixed sizes. `Send + Sync`.
pub struct Compiled {
    loaded: Box<dyn Loaded>,
    schedule: Schedule,
    source: ScheduleSource,
    device: String,
}

impl Compiled {
    /// Runs on `inputs` (declaration order); returns the outputs.
    pub fn run(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>> {
        Ok(self.loaded.run(inputs)?)
    }

    /// Runs on borrowed inputs into caller-provided outputs (declaration
    /// order), checked against [`Compiled::signature`]; zero-copy on the CPU.
    pub fn run_into(&self, inputs: &[TensorRef<'_>], outputs: &mut [TensorMut<'_>]) -> Result<()> {
        Ok(self.loaded.run_into(inputs, outputs)?)
    }

    /// Buffers for repeated launches; [`Bound::set_input`] rebinds an input
    /// without recompiling.
    pub fn bind(&self, inputs: &[HostTensor]) -> Result<Box<dyn Bound + '_>> {
        Ok(self.loaded.bind(inputs)?)
    }

    /// Argument names, dtypes and shapes.
    pub fn signature(&self) -> &Signature {
        self.loaded.signature()
    }

    /// The schedule compiled with.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// Where the schedule came from.
    pub fn schedule_source(&self) -> &ScheduleSource {
        &self.source
    }

    /// The device's name.
    pub fn device(&self) -> &str {
        &self.device
    }

    /// Seconds to compile and load.
    pub fn compile_s(&self) -> f64 {
        self.loaded.compile_s()
    }

    /// A note on loading (e.g. a driver binary cache hit).
    pub fn note(&self) -> Option<String> {
        self.loaded.note()
    }

    /// Launches per run.
    pub fn launches(&self) -> usize {
        self.loaded.launches()
    }
}

/// One backend's devices, or why it has none.
#[derive(Debug)]
pub struct Listing {
    /// Backend kind (`cpu`, `opencl`, `cuda`).
    pub kind: String,
    /// Its devices, or why there are none.
    pub devices: std::result::Result<Vec<DeviceInfo>, String>,
}

/// Every device kiln can run on, by backend (and the backends this build
/// lacks, with why).
pub fn devices() -> Vec<Listing> {
    let mut out: Vec<Listing> = kiln_registry::list()
        .into_iter()
        .map(|(kind, r)| Listing {
            kind: kind.into(),
            devices: r.map_err(|e| match e {
                DeviceError::Unavailable { why, .. } => why,
                e => e.to_string(),
            }),
        })
        .collect();
    for (kind, why) in kiln_registry::MISSING {
        out.push(Listing {
            kind: (*kind).into(),
            devices: Err((*why).into()),
        });
    }
    out
}

/// kiln with a cache directory: opens devices (driver caches live under
/// it), compiles with cached winners, tunes into it.
#[derive(Clone, Debug)]
pub struct Kiln {
    cache_dir: PathBuf,
}

impl Default for Kiln {
    fn default() -> Self {
        Kiln::new()
    }
}

impl Kiln {
    /// The default cache directory: `$KILN_CACHE`, else `~/.cache/kiln`.
    pub fn new() -> Kiln {
        Kiln::with_cache_dir(kiln_cache::default_dir(None))
    }

    /// A cache directory of the caller's choice.
    pub fn with_cache_dir(dir: impl AsRef<Path>) -> Kiln {
        Kiln {
            cache_dir: dir.as_ref().to_path_buf(),
        }
    }

    /// The cache directory.
    pub fn cache_dir(&self) -> &Path {
        &self.cache_dir
    }

    /// Opens the tuning cache (created if missing).
    pub fn cache(&self) -> Result<Cache> {
        Ok(Cache::open(&self.cache_dir)?)
    }

    /// Opens a device by name: `cpu`, `opencl`, `opencl:N`, `cuda:N`.
    pub fn device(&self, name: &str) -> Result<Arc<dyn Device>> {
        self.device_with(name, OpenOptions::default())
    }

    /// Opens a device with options: a code-generation target (`sm_90` for
    /// CUDA), or compile-only (an offline device where the runtime is
    /// missing). The cache directory is this `Kiln`'s.
    pub fn device_with(&self, name: &str, opts: OpenOptions) -> Result<Arc<dyn Device>> {
        let opts = OpenOptions {
            cache_dir: Some(self.cache_dir.clone()),
            ..opts
        };
        Ok(kiln_registry::open(name, &opts)?)
    }

    /// The schedule `choice` gives for `spec` on `device`.
    pub fn schedule_for(
        &self,
        spec: &kiln_ir::Specialized<'_>,
        device: &dyn Device,
        choice: ScheduleChoice,
    ) -> Result<(Schedule, ScheduleSource)> {
        let info = device.info();
        Ok(match choice {
            ScheduleChoice::Explicit(s) => {
                s.validate(spec, &info.limits)?;
                (s, ScheduleSource::Explicit)
            }
            ScheduleChoice::Tuned {
                schedule,
                origin,
                trials,
                speedup,
            } => {
                schedule.validate(spec, &info.limits)?;
                (
                    schedule,
                    ScheduleSource::Tuned {
                        key: origin,
                        trials,
                        speedup,
                    },
                )
            }
            ScheduleChoice::Default => (
                Schedule::default_for(spec, &info.limits),
                ScheduleSource::Default { looked_up: false },
            ),
            ScheduleChoice::Cached => {
                let cache = self.cache()?;
                match kiln_tuner::winner_schedule(spec, info, &cache) {
                    Some((s, w)) => (
                        s,
                        ScheduleSource::Tuned {
                            key: w.key.id(),
                            trials: w.trials,
                            speedup: w.default_median_s.map(|d| d / w.median_s),
                        },
                    ),
                    None => (
                        Schedule::default_for(spec, &info.limits),
                        ScheduleSource::Default { looked_up: true },
                    ),
                }
            }
        })
    }

    /// Compiles `kernel` at `sizes` for `device` with the chosen schedule.
    pub fn compile(
        &self,
        kernel: &Kernel<'_>,
        device: &Arc<dyn Device>,
        sizes: &Sizes,
        choice: ScheduleChoice,
    ) -> Result<Compiled> {
        let spec = kernel.specialize(sizes)?;
        self.compile_spec(&spec, device, choice)
    }

    /// Compiles an already specialized kernel.
    pub fn compile_spec(
        &self,
        spec: &kiln_ir::Specialized<'_>,
        device: &Arc<dyn Device>,
        choice: ScheduleChoice,
    ) -> Result<Compiled> {
        let (schedule, source) = self.schedule_for(spec, device.as_ref(), choice)?;
        let loaded = device.build(spec, &schedule)?;
        Ok(Compiled {
            loaded,
            schedule,
            source,
            device: device.info().name.clone(),
        })
    }

    /// Compiles `spec` for `device` with the chosen schedule and writes the
    /// machine code into the artifact directory `dir`, adding (or
    /// replacing) its entry in `dir/manifest.json`. Symbols and files carry
    /// a prefix of the kernel's name and a hash of its content and sizes,
    /// so any number of kernels and shapes share one directory. Returns
    /// the entry.
    pub fn export(
        &self,
        spec: &kiln_ir::Specialized<'_>,
        device: &Arc<dyn Device>,
        choice: ScheduleChoice,
        dir: &std::path::Path,
    ) -> Result<kiln_device::manifest::KernelArtifact> {
        use kiln_device::manifest::{Manifest, SCHEMA};
        let (schedule, source) = self.schedule_for(spec, device.as_ref(), choice)?;
        let sizes = sizes_key(&spec.sizes());
        let id = blake3::hash(
            format!("{}|{sizes}|{}", spec.kernel.hash, device.info().key()).as_bytes(),
        );
        let prefix = format!("kiln_{}_{}", spec.kernel.name, &id.to_hex()[..10]);
        let mut art = device.export(spec, &schedule, dir, &prefix)?;
        art.provenance.build = kiln_tuner::compiler_id(device.info());
        if let ScheduleSource::Tuned {
            trials, speedup, ..
        } = source
        {
            art.provenance.tuned = true;
            art.provenance.trials = Some(trials.max(0) as u64);
            art.provenance.speedup = speedup;
        }
        let mut m = match Manifest::read(dir) {
            Ok(m) => m,
            Err(kiln_device::manifest::ManifestError::Io { err, .. })
                if err.kind() == std::io::ErrorKind::NotFound =>
            {
                Manifest {
                    schema: SCHEMA,
                    kernels: Vec::new(),
                }
            }
            Err(e) => return Err(e.into()),
        };
        m.schema = SCHEMA;
        m.upsert(art.clone());
        m.write(dir)?;
        Ok(art)
    }

    /// Tunes `kernel` at `sizes` on `device` within the options' budget and
    /// stores the winner in this cache.
    pub fn tune(
        &self,
        kernel: &Kernel<'_>,
        device: &Arc<dyn Device>,
        sizes: &Sizes,
        opts: &TuneOptions,
    ) -> Result<TuneReport> {
        let spec = kernel.specialize(sizes)?;
        let cache = self.cache()?;
        Ok(kiln_tuner::tune(
            kernel.module().text(),
            &spec,
            device,
            &cache,
            opts,
        )?)
    }
}

/// `K=64,M=128`: sizes in a stable spelling for artifact prefixes.
fn sizes_key(sizes: &std::collections::BTreeMap<String, i64>) -> String {
    sizes
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}
