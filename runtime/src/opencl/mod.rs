//! The OpenCL runtime (no LLVM): platform and device enumeration with
//! limits and fingerprints, program builds (the driver's log on failure)
//! with an on-disk binary cache keyed by source, options and device,
//! buffers, and launches timed by profiling events ([`kernel`]). The ICD
//! loader is loaded at run time: where none is installed, or no platform
//! exists, every entry point returns a clear error. `kiln-opencl` compiles
//! programs for it; artifact directories ([`crate::Library`]) run on it.

mod device;
pub mod kernel;

pub use device::unavailable;

pub use kernel::{Bound, ClLaunch, ClProgram, Loaded};

use kiln_ir::DType;
use kiln_tensor::HostTensor;
use opencl3::command_queue::{CommandQueue, CL_QUEUE_PROFILING_ENABLE};
use opencl3::context::Context;
use opencl3::device::{Device, CL_DEVICE_TYPE_ALL};
use opencl3::kernel::{ExecuteKernel, Kernel};
use opencl3::memory::{Buffer, CL_MEM_READ_WRITE};
use opencl3::program::Program;
use opencl3::types::CL_BLOCKING;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Errors of the OpenCL runtime.
#[derive(Debug, thiserror::Error)]
pub enum OclError {
    /// No OpenCL loader or no platform.
    #[error("no OpenCL platform is available ({0}); install an OpenCL driver (scripts/setup.sh installs PoCL)")]
    NoPlatform(String),
    /// `opencl:N` names no device.
    #[error("no OpenCL device {index}: this machine has {count} (see `kiln devices`)")]
    NoDevice {
        /// Requested index.
        index: usize,
        /// Devices present.
        count: usize,
    },
    /// The driver rejected the program; `log` is its build log.
    #[error("the OpenCL driver failed to build the program:\n{log}")]
    Build {
        /// Driver build log.
        log: String,
    },
    /// Arguments that do not match the compiled kernel, or buffers too
    /// large (the shared checks of [`kiln_device::Signature`]).
    #[error(transparent)]
    Bind(#[from] kiln_device::DeviceError),
    /// Any other OpenCL call failed.
    #[error("OpenCL {call} failed: {code}")]
    Call {
        /// The call.
        call: &'static str,
        /// Error code and name.
        code: String,
    },
}

/// Maps an OpenCL error of `call` to [`OclError::Call`].
pub fn call_err(call: &'static str) -> impl Fn(opencl3::error_codes::ClError) -> OclError {
    move |e| OclError::Call {
        call,
        code: e.to_string(),
    }
}

/// What kiln needs to know of an OpenCL device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OclDevice {
    /// `opencl:<index>` position.
    pub index: usize,
    /// Platform name.
    pub platform: String,
    /// Device name.
    pub name: String,
    /// Vendor.
    pub vendor: String,
    /// Driver version.
    pub driver_version: String,
    /// OpenCL version string.
    pub version: String,
    /// Compute units.
    pub compute_units: u32,
    /// Local memory bytes.
    pub local_mem: u64,
    /// Largest work-group.
    pub max_work_group: usize,
    /// Largest work-group per dimension.
    pub max_work_items: Vec<usize>,
    /// Preferred `float` vector width (lanes).
    #[serde(default)]
    pub float_lanes: u32,
}

impl OclDevice {
    /// Stable identity for caches: platform, device, vendor, driver,
    /// version, compute units (hex blake3).
    pub fn fingerprint(&self) -> String {
        let s = format!(
            "opencl|{}|{}|{}|{}|{}|{}",
            self.platform,
            self.name,
            self.vendor,
            self.driver_version,
            self.version,
            self.compute_units
        );
        blake3::hash(s.as_bytes()).to_hex()[..16].to_string()
    }

    /// Limits for schedule validation: compute units, the preferred vector
    /// width, work-group and local-memory limits.
    pub fn limits(&self) -> kiln_schedule::DeviceLimits {
        let item = |i: usize| self.max_work_items.get(i).copied().unwrap_or(1);
        kiln_schedule::DeviceLimits {
            cores: self.compute_units.max(1) as usize,
            vector_bits: 32 * self.float_lanes.max(4) as usize,
            l1d: 0,
            l2: 0,
            gpu: Some(kiln_schedule::GpuLimits {
                max_workgroup: self.max_work_group.max(1),
                max_items: [item(0).max(1), item(1).max(1)],
                local_mem: self.local_mem as usize,
                warp: 0,
            }),
        }
    }

    /// One paragraph for `kiln devices`.
    pub fn describe(&self) -> String {
        format!(
            "opencl:{}: {} ({})\n  driver {}, {}, {} compute units, local memory {} KiB, max work-group {} {:?}\n  fingerprint {}",
            self.index,
            self.name,
            self.platform,
            self.driver_version,
            self.version,
            self.compute_units,
            self.local_mem >> 10,
            self.max_work_group,
            self.max_work_items,
            self.fingerprint()
        )
    }
}

/// Serializes driver set-up calls (loading, enumeration, contexts, program
/// builds) within the process: concurrent first calls into the ICD loader
/// and PoCL were seen to find no platform, and concurrent builds to report a
/// broken program as built. Launches and transfers need no lock.
fn driver_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|p| p.into_inner())
}

fn all_devices() -> Result<Vec<(OclDevice, Device)>, OclError> {
    let _guard = driver_lock();
    let platforms =
        opencl3::platform::get_platforms().map_err(|e| OclError::NoPlatform(e.to_string()))?;
    if platforms.is_empty() {
        return Err(OclError::NoPlatform("the loader found no platform".into()));
    }
    let mut out = Vec::new();
    // A failed query is an error: a default value would silently change
    // the device's fingerprint (and so every cache key).
    let q = |what: &'static str| call_err(what);
    for p in platforms {
        let pname = p.name().map_err(q("clGetPlatformInfo(NAME)"))?;
        let ids = match p.get_devices(CL_DEVICE_TYPE_ALL) {
            Ok(ids) => ids,
            // A platform without devices.
            Err(e) if e.0 == opencl3::error_codes::CL_DEVICE_NOT_FOUND => Vec::new(),
            Err(e) => return Err(q("clGetDeviceIDs")(e)),
        };
        for id in ids {
            let d = Device::new(id);
            let info = OclDevice {
                index: out.len(),
                platform: pname.clone(),
                name: d.name().map_err(q("clGetDeviceInfo(NAME)"))?,
                vendor: d.vendor().map_err(q("clGetDeviceInfo(VENDOR)"))?,
                driver_version: d
                    .driver_version()
                    .map_err(q("clGetDeviceInfo(DRIVER_VERSION)"))?,
                version: d.version().map_err(q("clGetDeviceInfo(VERSION)"))?,
                compute_units: d
                    .max_compute_units()
                    .map_err(q("clGetDeviceInfo(MAX_COMPUTE_UNITS)"))?,
                local_mem: d
                    .local_mem_size()
                    .map_err(q("clGetDeviceInfo(LOCAL_MEM_SIZE)"))?,
                max_work_group: d
                    .max_work_group_size()
                    .map_err(q("clGetDeviceInfo(MAX_WORK_GROUP_SIZE)"))?,
                max_work_items: d
                    .max_work_item_sizes()
                    .map_err(q("clGetDeviceInfo(MAX_WORK_ITEM_SIZES)"))?,
                float_lanes: d
                    .max_preferred_vector_width_float()
                    .map_err(q("clGetDeviceInfo(PREFERRED_VECTOR_WIDTH_FLOAT)"))?,
            };
            out.push((info, d));
        }
    }
    Ok(out)
}

/// Every OpenCL device, in `opencl:N` order.
pub fn devices() -> Result<Vec<OclDevice>, OclError> {
    Ok(all_devices()?.into_iter().map(|(i, _)| i).collect())
}

/// A device with its context and a profiling command queue. Cloning is
/// cheap and shares them.
#[derive(Clone)]
pub struct Runtime {
    /// The device.
    pub device: OclDevice,
    inner: std::sync::Arc<Shared>,
}

struct Shared {
    context: Context,
    queue: CommandQueue,
    cache_dir: Option<PathBuf>,
}

/// A device buffer holding one tensor.
pub struct DeviceTensor {
    /// The buffer.
    pub buf: Buffer<u8>,
    dtype: DType,
    shape: Vec<usize>,
}

impl Runtime {
    /// Opens device `opencl:index`. `cache_dir` holds program binaries.
    pub fn new(index: usize, cache_dir: Option<PathBuf>) -> Result<Runtime, OclError> {
        let mut all = all_devices()?;
        let count = all.len();
        if index >= count {
            return Err(OclError::NoDevice { index, count });
        }
        let (info, device) = all.swap_remove(index);
        let _guard = driver_lock();
        let context = Context::from_device(&device).map_err(call_err("clCreateContext"))?;
        let queue =
            CommandQueue::create_default_with_properties(&context, CL_QUEUE_PROFILING_ENABLE, 0)
                .map_err(call_err("clCreateCommandQueueWithProperties"))?;
        Ok(Runtime {
            device: info,
            inner: std::sync::Arc::new(Shared {
                context,
                queue,
                cache_dir,
            }),
        })
    }

    /// Builds OpenCL C `source`. With a cache directory, the program binary
    /// is stored under the hash of source, options and device fingerprint,
    /// and later builds load it instead of compiling. Returns the program
    /// and whether it came from the binary cache.
    pub fn build(&self, source: &str, options: &str) -> Result<(Program, bool), OclError> {
        let _guard = driver_lock();
        let key =
            blake3::hash(format!("{}|{options}|{source}", self.device.fingerprint()).as_bytes())
                .to_hex()[..32]
                .to_string();
        let path = self
            .inner
            .cache_dir
            .as_ref()
            .map(|d| d.join(format!("{key}.clbin")));
        if let Some(bin) = path.as_ref().and_then(|p| std::fs::read(p).ok()) {
            // A stale or foreign binary just falls through to a source build.
            if let Ok(p) =
                Program::create_and_build_from_binary(&self.inner.context, &[&bin], options)
            {
                return Ok((p, true));
            }
        }
        let program = Program::create_and_build_from_source(&self.inner.context, source, options)
            .map_err(|log| OclError::Build { log })?;
        if let Some(path) = path {
            if let Ok(bins) = program.get_binaries() {
                if let Some(b) = bins.first().filter(|b| !b.is_empty()) {
                    if let Some(dir) = path.parent() {
                        let _ = std::fs::create_dir_all(dir);
                        // A unique temporary, then a rename: concurrent
                        // builders never read or clobber a partial file.
                        let tmp = path.with_extension(format!(
                            "tmp.{}.{:x}",
                            std::process::id(),
                            unique()
                        ));
                        if std::fs::write(&tmp, b).is_ok() && std::fs::rename(&tmp, &path).is_err()
                        {
                            let _ = std::fs::remove_file(&tmp);
                        }
                    }
                }
            }
        }
        Ok((program, false))
    }

    /// The profiling command queue every launch and copy goes on.
    pub fn queue(&self) -> &CommandQueue {
        &self.inner.queue
    }

    /// The context.
    pub fn context(&self) -> &Context {
        &self.inner.context
    }

    /// Copies a host tensor to a new device buffer.
    pub fn upload(&self, t: &HostTensor) -> Result<DeviceTensor, OclError> {
        let bytes = t.to_le_bytes();
        let n = bytes.len().max(1);
        // SAFETY: a fresh buffer of `n` bytes; the blocking write copies
        // `bytes` (at most `n`) before returning.
        let mut buf = unsafe {
            Buffer::<u8>::create(
                &self.inner.context,
                CL_MEM_READ_WRITE,
                n,
                std::ptr::null_mut(),
            )
        }
        .map_err(call_err("clCreateBuffer"))?;
        if !bytes.is_empty() {
            unsafe {
                self.inner
                    .queue
                    .enqueue_write_buffer(&mut buf, CL_BLOCKING, 0, &bytes, &[])
            }
            .map_err(call_err("clEnqueueWriteBuffer"))?;
        }
        Ok(DeviceTensor {
            buf,
            dtype: t.dtype(),
            shape: t.shape.clone(),
        })
    }

    /// Copies a device tensor back.
    pub fn download(&self, d: &DeviceTensor) -> Result<HostTensor, OclError> {
        let n = d.shape.iter().product::<usize>() * d.dtype.size_bytes();
        let mut bytes = vec![0u8; n];
        if n > 0 {
            // SAFETY: `bytes` has the buffer's size; the read is blocking.
            unsafe {
                self.inner
                    .queue
                    .enqueue_read_buffer(&d.buf, CL_BLOCKING, 0, &mut bytes, &[])
            }
            .map_err(call_err("clEnqueueReadBuffer"))?;
        }
        Ok(HostTensor::from_le_bytes(d.dtype, d.shape.clone(), &bytes))
    }

    /// Launches `name` from `program` over `global` work-items in groups of
    /// `local` (driver's choice when empty), with `args` as its buffer
    /// arguments in order. Returns the device time in seconds, from the
    /// event's profiling counters (launch overhead on the host excluded).
    pub fn launch(
        &self,
        program: &Program,
        name: &str,
        args: &[&DeviceTensor],
        global: &[usize],
        local: &[usize],
    ) -> Result<f64, OclError> {
        let kernel = Kernel::create(program, name).map_err(call_err("clCreateKernel"))?;
        let mut exec = ExecuteKernel::new(&kernel);
        for a in args {
            // SAFETY: each argument is a cl_mem the kernel declares as a global pointer.
            unsafe { exec.set_arg(&a.buf) };
        }
        exec.set_global_work_sizes(global);
        if !local.is_empty() {
            exec.set_local_work_sizes(local);
        }
        // SAFETY: sizes and arguments are set; the event is waited on below.
        let event = unsafe { exec.enqueue_nd_range(&self.inner.queue) }
            .map_err(call_err("clEnqueueNDRangeKernel"))?;
        device_seconds(&event, &event)
    }
}

/// Waits for `last` and returns the device time from `first`'s start to
/// `last`'s end (profiling counters), in seconds.
pub fn device_seconds(
    first: &opencl3::event::Event,
    last: &opencl3::event::Event,
) -> Result<f64, OclError> {
    last.wait().map_err(call_err("clWaitForEvents"))?;
    let start = first
        .profiling_command_start()
        .map_err(call_err("clGetEventProfilingInfo"))?;
    let end = last
        .profiling_command_end()
        .map_err(call_err("clGetEventProfilingInfo"))?;
    Ok(end.saturating_sub(start) as f64 * 1e-9)
}

/// A number no other call in this process returns (temporary file names).
fn unique() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
