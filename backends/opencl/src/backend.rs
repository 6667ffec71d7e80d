//! OpenCL devices behind kiln's device interface ([`kiln_device::Device`]).
//!
//! Compilation (MLIR to OpenCL C) needs no device and runs on the calling
//! thread with a per-thread [`OclCompiler`]; loading builds the program on
//! the device's runtime.

use crate::compile::{ClProgram, OclCompiler, Stage as ClStage};
use crate::kernel::{Bound, Loaded};
use crate::{call_err, OclDevice, OclError, Runtime};
use kiln_device::{
    Artifact, Backend, Budget, Clock, Device, DeviceError, DeviceInfo, OpenOptions, Signature,
    Stage, Stats,
};
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use kiln_tensor::HostTensor;
use opencl3::memory::{Buffer, CL_MEM_READ_WRITE};
use std::any::Any;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The `opencl` backend: every device of every OpenCL platform.
pub struct OpenClBackend;

/// One opened OpenCL device.
pub struct OpenClDevice {
    info: DeviceInfo,
    rt: Runtime,
}

const STAGES: &[Stage] = &[
    Stage {
        name: "mlir",
        about: "the gpu-dialect module as emitted",
        binary: false,
    },
    Stage {
        name: "mlir-normalized",
        about: "after canonicalize, cse and loop-invariant code motion",
        binary: false,
    },
    Stage {
        name: "cl",
        about: "OpenCL C",
        binary: false,
    },
];

fn unavailable(e: OclError) -> DeviceError {
    match e {
        OclError::NoPlatform(why) => DeviceError::Unavailable {
            kind: "opencl".into(),
            why: format!(
                "no OpenCL platform is available ({why}); install an OpenCL driver (scripts/setup.sh installs PoCL)"
            ),
        },
        OclError::NoDevice { index, count } => DeviceError::NoDevice {
            name: format!("opencl:{index}"),
            kind: "OpenCL".into(),
            count,
        },
        OclError::Bind(d) => d,
        OclError::Build { .. } => DeviceError::Compile(e.to_string()),
        other => DeviceError::Runtime(other.to_string()),
    }
}

fn compile_err(e: crate::CompileError) -> DeviceError {
    match e {
        crate::CompileError::Schedule(s) => DeviceError::Schedule(s),
        other => DeviceError::Compile(other.to_string()),
    }
}

thread_local! {
    static COMPILER: RefCell<Option<OclCompiler>> = const { RefCell::new(None) };
}

fn with_compiler<T>(f: impl FnOnce(&OclCompiler) -> T) -> T {
    COMPILER.with(|c| f(c.borrow_mut().get_or_insert_with(OclCompiler::new)))
}

/// The [`DeviceInfo`] of an enumerated OpenCL device.
pub fn info_of(d: &OclDevice) -> DeviceInfo {
    DeviceInfo {
        name: format!("opencl:{}", d.index),
        kind: "opencl".into(),
        model: d.name.clone(),
        fingerprint: d.fingerprint(),
        limits: d.limits(),
        clock: Clock::DeviceEvents,
        toolchain: format!(
            "{} + driver {}",
            kiln_mlir::llvm_version(),
            d.driver_version
        ),
        description: d.describe(),
        target: None,
    }
}

impl Backend for OpenClBackend {
    fn kind(&self) -> &'static str {
        "opencl"
    }

    fn devices(&self) -> Result<Vec<DeviceInfo>, DeviceError> {
        Ok(crate::devices()
            .map_err(unavailable)?
            .iter()
            .map(info_of)
            .collect())
    }

    fn open(&self, index: usize, opts: &OpenOptions) -> Result<Arc<dyn Device>, DeviceError> {
        let bins = opts.cache_dir.as_ref().map(|d| d.join("opencl-bin"));
        let rt = Runtime::new(index, bins).map_err(unavailable)?;
        Ok(Arc::new(OpenClDevice {
            info: info_of(&rt.device),
            rt,
        }))
    }
}

impl Artifact for ClProgram {
    fn signature(&self) -> &Signature {
        &self.signature
    }
    fn compile_s(&self) -> f64 {
        self.compile_s
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}

impl OpenClDevice {
    /// The runtime (context and queue) of this device.
    pub fn runtime(&self) -> &Runtime {
        &self.rt
    }
}

impl Device for OpenClDevice {
    fn info(&self) -> &DeviceInfo {
        &self.info
    }

    fn stages(&self) -> &'static [Stage] {
        STAGES
    }

    fn emit(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        stage: &str,
    ) -> Result<Vec<u8>, DeviceError> {
        let stage = match self.stage(stage)?.name {
            "mlir" => ClStage::Mlir,
            "mlir-normalized" => ClStage::MlirNormalized,
            _ => ClStage::Cl,
        };
        with_compiler(|c| c.emit(spec, sched, &self.info.limits, stage))
            .map(String::into_bytes)
            .map_err(compile_err)
    }

    fn code(&self, spec: &Specialized<'_>, sched: &Schedule) -> String {
        kiln_mlir::emit_gpu(spec, sched).text
    }

    fn compile(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
    ) -> Result<Box<dyn Artifact>, DeviceError> {
        let p =
            with_compiler(|c| c.compile(spec, sched, &self.info.limits)).map_err(compile_err)?;
        Ok(Box::new(p))
    }

    fn load(
        &self,
        artifact: Box<dyn Artifact>,
    ) -> Result<Box<dyn kiln_device::Loaded>, DeviceError> {
        let p = artifact
            .into_any()
            .downcast::<ClProgram>()
            .map_err(|_| DeviceError::Runtime("not an OpenCL artifact".into()))?;
        Ok(Box::new(self.rt.load(&p).map_err(unavailable)?))
    }

    /// Host wall time of launching a one-element kernel and waiting for it.
    fn empty_launch(&self, _like: &Schedule, budget: &Budget) -> Result<Stats, DeviceError> {
        let k = kiln_device::empty_kernel();
        let spec = Specialized::from_sizes(&k, &BTreeMap::from([("N".to_string(), 1)]))
            .map_err(|d| DeviceError::Compile(d.to_string()))?;
        let s = Schedule::default_for(&spec, &self.info.limits);
        let loaded = self.build(&spec, &s)?;
        let x = HostTensor::zeros(kiln_ir::DType::F32, vec![1]);
        let mut b = loaded.bind(std::slice::from_ref(&x))?;
        let mut failed = None;
        let st = kiln_device::measure::time_fn(budget, || {
            if let Err(e) = b.launch() {
                failed.get_or_insert(e);
            }
        });
        match failed {
            Some(e) => Err(e),
            None => Ok(st),
        }
    }
}

impl kiln_device::Loaded for Loaded {
    fn signature(&self) -> &Signature {
        &self.prog.signature
    }

    fn launches(&self) -> usize {
        Loaded::launches(self)
    }

    fn compile_s(&self) -> f64 {
        self.prog.compile_s + self.build_s
    }

    fn note(&self) -> Option<String> {
        self.cached.then(|| "driver binary cached".to_string())
    }

    fn bind(&self, inputs: &[HostTensor]) -> Result<Box<dyn kiln_device::Bound + '_>, DeviceError> {
        let b = Loaded::bind(self, inputs).map_err(unavailable)?;
        Ok(Box::new(DeviceBound { b, evict: None }))
    }
}

/// A binding with the device buffer its cache evictor fills.
struct DeviceBound<'l> {
    b: Bound<'l>,
    evict: Option<Buffer<u8>>,
}

impl DeviceBound<'_> {
    /// Fills a [`kiln_device::EVICT_BYTES`] device buffer with the device's
    /// own threads (on PoCL, the threads that run kernels; on a GPU, its
    /// caches), then waits.
    fn try_evict(&mut self) -> Result<(), OclError> {
        let rt = &self.b.loaded.rt;
        if self.evict.is_none() {
            // SAFETY: a fresh buffer; no host pointer is passed.
            #[allow(unsafe_code)]
            let buf = unsafe {
                Buffer::<u8>::create(
                    &rt.inner.context,
                    CL_MEM_READ_WRITE,
                    kiln_device::EVICT_BYTES,
                    std::ptr::null_mut(),
                )
            }
            .map_err(call_err("clCreateBuffer"))?;
            self.evict = Some(buf);
        }
        let buf = self.evict.as_mut().expect("set above");
        // SAFETY: the pattern and range lie within the buffer; `finish`
        // waits for the fill before the buffer can be touched again.
        #[allow(unsafe_code)]
        unsafe {
            rt.queue()
                .enqueue_fill_buffer(buf, &[0xA5u8], 0, kiln_device::EVICT_BYTES, &[])
        }
        .map_err(call_err("clEnqueueFillBuffer"))?;
        rt.queue().finish().map_err(call_err("clFinish"))
    }
}

impl kiln_device::Bound for DeviceBound<'_> {
    fn set_input(&mut self, index: usize, value: &HostTensor) -> Result<(), DeviceError> {
        self.b.set_input(index, value).map_err(unavailable)
    }

    fn fill_sentinel(&mut self) -> Result<(), DeviceError> {
        self.b.fill_sentinel().map_err(unavailable)
    }

    fn launch(&mut self) -> Result<f64, DeviceError> {
        self.b.launch().map_err(unavailable)
    }

    fn outputs(&self) -> Result<Vec<HostTensor>, DeviceError> {
        self.b.outputs().map_err(unavailable)
    }

    fn evict(&mut self) {
        // Eviction only makes a measurement colder; a failed one leaves it
        // as warm as without `--cold`, which the next launch reports anyway.
        let _ = self.try_evict();
    }
}
