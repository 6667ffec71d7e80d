//! The one interface a kiln backend implements.
//!
//! A backend ([`Backend`]) enumerates its devices and opens one; a device
//! ([`Device`]) describes itself ([`DeviceInfo`]: name, fingerprint,
//! schedule limits, preferred widths, how it keeps time), lists and shows
//! its `--emit` stages, compiles a specialized kernel and a schedule into
//! an [`Artifact`] without touching hardware (so compilation is testable
//! anywhere), loads an artifact ([`Loaded`]), and measures its empty-launch
//! overhead. A loaded kernel binds buffers ([`Bound`]), launches, times
//! launches with the device's own clock, and evicts caches on the threads
//! that run it.
//!
//! The tuner, its worker, the search space and the command line hold
//! `Arc<dyn Device>` and name no backend; the registry (`kiln-registry`)
//! maps `cpu`, `opencl:N`, ... to implementations. [`measure`] is the
//! device-independent timing loop every caller shares.
//!
//! # Thread safety
//! Devices are `Send + Sync` (backends keep per-thread compiler state
//! internally). Artifacts and loaded kernels are `Send + Sync`: a loaded
//! kernel may be shared by threads, each with its own [`Bound`] (which is
//! `Send`, not `Sync`: one launch at a time per binding).

pub mod manifest;
pub mod measure;
mod signature;
mod view;

pub use measure::{Budget, Stats};
pub use signature::{Signature, TensorSig};
pub use view::{Slice, SliceMut, TensorMut, TensorRef};

use kiln_ir::Specialized;
use kiln_schedule::{DeviceLimits, Schedule, ScheduleError};
use kiln_tensor::HostTensor;
use serde::{Deserialize, Serialize};
use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;

/// Errors of any backend, with what went wrong named.
#[derive(Debug, thiserror::Error)]
pub enum DeviceError {
    /// The backend's runtime (driver, loader) is missing on this machine.
    #[error("{kind}: {why}")]
    Unavailable {
        /// Backend kind or device name (`opencl:0`, `cuda`).
        kind: String,
        /// What is missing and how to get it.
        why: String,
    },
    /// A device name that no backend knows.
    #[error("unknown device `{name}` (devices: {known})")]
    UnknownDevice {
        /// As given.
        name: String,
        /// Accepted spellings.
        known: String,
    },
    /// An index past the devices present.
    #[error("device `{name}` does not exist: this machine has {count} {kind} device(s) (see `kiln devices`)")]
    NoDevice {
        /// As given.
        name: String,
        /// Backend kind.
        kind: String,
        /// Devices present.
        count: usize,
    },
    /// The schedule does not fit the kernel or the device.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// Buffers that do not fit in memory.
    #[error(transparent)]
    Memory(#[from] kiln_tensor::TensorError),
    /// Arguments that do not match the compiled kernel.
    #[error("argument `{name}`: {msg}")]
    Input {
        /// Parameter name (or `*` for the argument list).
        name: String,
        /// What is wrong.
        msg: String,
    },
    /// An `--emit` stage the device does not have.
    #[error("unknown stage `{stage}` for {device} (stages: {known})")]
    Stage {
        /// As given.
        stage: String,
        /// Device name.
        device: String,
        /// Stages it has.
        known: String,
    },
    /// Compilation failed (MLIR, LLVM, a driver's build log).
    #[error("{0}")]
    Compile(String),
    /// A runtime call failed.
    #[error("{0}")]
    Runtime(String),
    /// The kernel divided an i32 by zero (the statement's error flag was
    /// set): the outputs of the launch are not valid.
    #[error("integer division by zero in statement {stmt} (`{target}`) of `{kernel}`")]
    DivByZero {
        /// Kernel name.
        kernel: String,
        /// Statement index.
        stmt: usize,
        /// The statement's target tensor.
        target: String,
    },
}

/// How a device's launch times are taken.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Host wall clock around a whole launch: includes launch overhead.
    HostWall,
    /// The device's own counters (profiling events): launch overhead on the
    /// host is not included.
    DeviceEvents,
}

impl Clock {
    /// Whether launch times include the host-side launch overhead.
    pub fn includes_overhead(self) -> bool {
        matches!(self, Clock::HostWall)
    }

    /// A phrase for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Clock::HostWall => "host wall clock, launch overhead included",
            Clock::DeviceEvents => "device time from profiling events",
        }
    }
}

/// What kiln knows of a device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceInfo {
    /// The name users type: `cpu`, `opencl:0`.
    pub name: String,
    /// Backend kind: `cpu`, `opencl`.
    pub kind: String,
    /// Short model name.
    pub model: String,
    /// Stable identity for cache keys: changes when the hardware or driver does.
    pub fingerprint: String,
    /// Limits that shape and validate schedules (CPU-like or GPU-like).
    pub limits: DeviceLimits,
    /// How launches are timed.
    pub clock: Clock,
    /// The code generator's toolchain as loaded at run time (`llvm 22.1.8`;
    /// plus the driver for devices that compile again): part of cache keys.
    pub toolchain: String,
    /// One paragraph for `kiln devices`.
    pub description: String,
    /// The code-generation target it was opened with (a CUDA `sm_XX`), so
    /// a measurement worker opens the same; `None`: the device's only one.
    #[serde(default)]
    pub target: Option<String>,
}

impl DeviceInfo {
    /// `kind:fingerprint`, the device part of a cache key.
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind, self.fingerprint)
    }
}

/// One `--emit` stage.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// Name on the command line.
    pub name: &'static str,
    /// What it shows.
    pub about: &'static str,
    /// Binary output (needs a file).
    pub binary: bool,
}

/// Options for opening a device.
#[derive(Clone, Debug, Default)]
pub struct OpenOptions {
    /// The cache directory (the tuning cache's): a backend keeps its
    /// on-disk driver caches (program binaries) in a subdirectory of its
    /// own; `None` disables them.
    pub cache_dir: Option<PathBuf>,
    /// The code-generation target within the device kind (a CUDA
    /// architecture such as `sm_90`); `None`: the device's own.
    pub target: Option<String>,
    /// The device will only compile (`kiln compile`): a backend whose
    /// runtime is missing may then open an offline device for `target`
    /// whose `load` is an error saying what is missing.
    pub compile_only: bool,
}

/// A backend: one kind of device.
pub trait Backend: Send + Sync {
    /// Kind: the device-name prefix (`cpu`, `opencl`).
    fn kind(&self) -> &'static str;
    /// The devices present, in index order; an error says what is missing.
    fn devices(&self) -> Result<Vec<DeviceInfo>, DeviceError>;
    /// Opens device `index`.
    fn open(&self, index: usize, opts: &OpenOptions) -> Result<Arc<dyn Device>, DeviceError>;
}

/// A device kernels compile for and run on.
pub trait Device: Send + Sync {
    /// Its description.
    fn info(&self) -> &DeviceInfo;
    /// The stages [`Device::emit`] can show (besides `schedule`).
    fn stages(&self) -> &'static [Stage];
    /// Shows one stage; no hardware is touched.
    fn emit(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        stage: &str,
    ) -> Result<Vec<u8>, DeviceError>;
    /// The code a schedule produces, for recognising identical candidates
    /// (cheap: the first stage's text).
    fn code(&self, spec: &Specialized<'_>, sched: &Schedule) -> String;
    /// Validates the schedule and compiles; no hardware is touched.
    fn compile(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
    ) -> Result<Box<dyn Artifact>, DeviceError>;
    /// Makes an artifact of this device runnable (driver build, module load).
    fn load(&self, artifact: Box<dyn Artifact>) -> Result<Box<dyn Loaded>, DeviceError>;
    /// Times an empty launch (a one-element copy spread as the schedule
    /// `like` would spread work: same thread count on the CPU): the fixed
    /// cost of a launch on this device.
    fn empty_launch(&self, like: &Schedule, budget: &Budget) -> Result<Stats, DeviceError>;

    /// Measures a vendor baseline on this device, for reports that put
    /// kiln's kernels next to it in the same run; returns its timing and a
    /// note (the library used, a checksum error). Devices without one say
    /// so ([`DeviceError::Unavailable`]).
    fn baseline(&self, what: &Baseline, budget: &Budget) -> Result<(Stats, String), DeviceError> {
        let _ = budget;
        Err(DeviceError::Unavailable {
            kind: self.info().name.clone(),
            why: format!("no {} baseline on this device", what.name()),
        })
    }

    /// Writes the kernel's machine code into `dir` (files named by
    /// `prefix`, which also prefixes every exported symbol) and returns its
    /// manifest entry, marked untuned (the caller records tuning). What a
    /// runtime without a compiler (`kiln-rt`) loads, or a build links.
    fn export(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        dir: &std::path::Path,
        prefix: &str,
    ) -> Result<manifest::KernelArtifact, DeviceError> {
        let _ = (spec, sched, dir, prefix);
        Err(DeviceError::Unavailable {
            kind: self.info().name.clone(),
            why: "this device does not write artifacts yet (cpu does)".into(),
        })
    }

    /// Compiles and loads.
    fn build(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
    ) -> Result<Box<dyn Loaded>, DeviceError> {
        self.load(self.compile(spec, sched)?)
    }

    /// Looks up a stage by name.
    fn stage(&self, name: &str) -> Result<Stage, DeviceError> {
        self.stages()
            .iter()
            .find(|s| s.name == name)
            .copied()
            .ok_or_else(|| DeviceError::Stage {
                stage: name.into(),
                device: self.info().name.clone(),
                known: self
                    .stages()
                    .iter()
                    .map(|s| s.name)
                    .chain(["schedule"])
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// A reference computation a device measures with its vendor's code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Baseline {
    /// Row-major f32 `C[m,n] = A[m,k] B[k,n]` by the vendor BLAS.
    Sgemm {
        /// Rows of A and C.
        m: usize,
        /// Columns of B and C.
        n: usize,
        /// The contracted dimension.
        k: usize,
    },
    /// A device-to-device copy of this many bytes (bandwidth is
    /// `2 * bytes / time`).
    Copy {
        /// Bytes copied.
        bytes: usize,
    },
}

impl Baseline {
    /// `sgemm` or `copy`.
    pub fn name(&self) -> &'static str {
        match self {
            Baseline::Sgemm { .. } => "sgemm",
            Baseline::Copy { .. } => "copy",
        }
    }
}

/// Compiled code for one device, not yet loaded.
pub trait Artifact: Send + Sync + Any {
    /// The kernel's arguments.
    fn signature(&self) -> &Signature;
    /// Seconds from IR to this artifact.
    fn compile_s(&self) -> f64;
    /// For the backend's `load`.
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
    /// Why the tuner should not spend device time on it (the assembler
    /// reports spills, or an occupancy too low to be useful); `None`: it
    /// is worth measuring. Explicit runs ignore it.
    fn unfit(&self) -> Option<String> {
        None
    }
    /// Resource lines (registers, spills, shared memory per launch) where
    /// the toolchain reports them.
    fn resources(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A kernel ready to run: bind arguments, then launch.
pub trait Loaded: Send + Sync {
    /// The kernel's arguments.
    fn signature(&self) -> &Signature;
    /// Launches per run.
    fn launches(&self) -> usize;
    /// Seconds to compile and load.
    fn compile_s(&self) -> f64;
    /// A note on loading (e.g. "driver binary cached"), if any.
    fn note(&self) -> Option<String> {
        None
    }
    /// Buffers for one set of inputs (declaration order), outputs and
    /// temporaries. Inputs are checked against the signature.
    fn bind(&self, inputs: &[HostTensor]) -> Result<Box<dyn Bound + '_>, DeviceError>;

    /// Binds, launches once, returns the outputs.
    fn run(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, DeviceError> {
        let mut b = self.bind(inputs)?;
        b.launch()?;
        b.outputs()
    }

    /// Runs on borrowed inputs into caller-provided outputs (declaration
    /// order, checked against the signature). Backends that can run on
    /// host memory directly copy nothing; others copy in and out.
    fn run_into(
        &self,
        inputs: &[TensorRef<'_>],
        outputs: &mut [TensorMut<'_>],
    ) -> Result<(), DeviceError> {
        run_copied(self.signature(), inputs, outputs, |x| self.run(x))
    }
}

/// Runs borrowed views through `run` on host copies: checks the views
/// against `sig`, copies the inputs, runs, copies the outputs back (for
/// devices that cannot run on host memory).
pub fn run_copied(
    sig: &Signature,
    inputs: &[TensorRef<'_>],
    outputs: &mut [TensorMut<'_>],
    run: impl FnOnce(&[HostTensor]) -> Result<Vec<HostTensor>, DeviceError>,
) -> Result<(), DeviceError> {
    sig.check_views(inputs, outputs)?;
    let owned: Vec<HostTensor> = inputs.iter().map(TensorRef::to_host).collect();
    let got = run(&owned)?;
    for (dst, src) in outputs.iter_mut().zip(&got) {
        dst.copy_from(src);
    }
    Ok(())
}

/// A loaded kernel with its buffers: launch it repeatedly.
pub trait Bound: Send {
    /// Replaces input `index` (declaration order) without recompiling.
    fn set_input(&mut self, index: usize, value: &HostTensor) -> Result<(), DeviceError>;
    /// Fills outputs and temporaries with [`HostTensor::sentinel`], so a
    /// kernel that skips part of its output leaves it visible.
    fn fill_sentinel(&mut self) -> Result<(), DeviceError>;
    /// Runs every launch in order; returns seconds by the device's
    /// [`Clock`].
    fn launch(&mut self) -> Result<f64, DeviceError>;
    /// Copies of the outputs, in declaration order.
    fn outputs(&self) -> Result<Vec<HostTensor>, DeviceError>;
    /// Evicts the caches the kernel's data could sit in, from the threads
    /// that run it (for cold measurements; outside any timed region).
    fn evict(&mut self);
}

/// The kernel whose launch is the launch overhead: a one-element copy.
pub fn empty_kernel() -> kiln_ir::Kernel {
    kiln_ir::check_source("kernel empty(x: f32[N]) -> (y: f32[N]) { y[i] = x[i]; }")
        .expect("the empty kernel is valid")
        .remove(0)
}

/// How long an empty launch is timed.
pub const OVERHEAD_BUDGET: Budget = Budget {
    warmup: std::time::Duration::from_millis(20),
    time: std::time::Duration::from_millis(100),
    min_reps: 10,
    max_reps: 100_000,
    stable_se: None,
};

/// Times launches of a bound kernel under `budget` with the device's clock,
/// running `between` (e.g. [`Bound::evict`]) before every timed run. The
/// first launch error ends the measurement and is returned.
pub fn time_bound(
    bound: &mut dyn Bound,
    budget: &Budget,
    cold: bool,
) -> Result<Stats, DeviceError> {
    let mut failed = None;
    let cell = std::cell::RefCell::new(bound);
    let stats = measure::time_samples(
        budget,
        || {
            if cold {
                cell.borrow_mut().evict();
            }
        },
        || {
            if failed.is_some() {
                return f64::NAN;
            }
            match cell.borrow_mut().launch() {
                Ok(t) => t,
                Err(e) => {
                    failed = Some(e);
                    f64::NAN
                }
            }
        },
    );
    match failed {
        Some(e) => Err(e),
        None => Ok(stats),
    }
}

/// Writes `buf` with a stride of one cache line: run between timed runs on
/// a thread, it pushes that thread's caches' contents out.
pub fn touch(buf: &mut [u8]) {
    for (i, b) in buf.iter_mut().enumerate().step_by(64) {
        *b = b.wrapping_add(i as u8);
    }
    std::hint::black_box(buf);
}

/// Bytes a cache evictor writes: 64 MiB, more than any last-level cache
/// kiln has met.
pub const EVICT_BYTES: usize = 64 << 20;
