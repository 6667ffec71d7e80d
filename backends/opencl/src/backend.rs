//! OpenCL devices behind kiln's device interface ([`kiln_device::Device`]).
//!
//! Compilation (MLIR to OpenCL C) needs no device and runs on the calling
//! thread with a per-thread [`OclCompiler`]; loading builds the program on
//! the device's runtime.

use crate::compile::{OclCompiler, Stage as ClStage};
use crate::{OclDevice, Runtime};
use kiln_device::manifest::{write_file, KernelArtifact, LaunchEntry};
use kiln_device::{
    Artifact, Backend, Budget, Clock, Device, DeviceError, DeviceInfo, OpenOptions, Stage, Stats,
};
use kiln_ir::Specialized;
use kiln_rt::opencl::{unavailable, ClProgram};
use kiln_schedule::Schedule;
use kiln_tensor::HostTensor;
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

impl OpenClDevice {
    /// The runtime (context and queue) of this device.
    pub fn runtime(&self) -> &Runtime {
        &self.rt
    }
}

impl Device for OpenClDevice {
    /// Writes `<prefix>.cl` (the OpenCL C, kernels renamed `<prefix>_s<i>`)
    /// and `<prefix>.clbin` (this driver's program binary, for loading
    /// without a compile on the same device).
    fn export(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        dir: &std::path::Path,
        prefix: &str,
    ) -> Result<KernelArtifact, DeviceError> {
        let mut p =
            with_compiler(|c| c.compile(spec, sched, &self.info.limits)).map_err(compile_err)?;
        for s in &mut p.stmts {
            let new = format!("{prefix}_{}", s.name);
            p.source = p.source.replace(
                &format!("__kernel void {}(", s.name),
                &format!("__kernel void {new}("),
            );
            s.name = new;
        }
        let (program, _) = self.rt.build(&p.source, "").map_err(unavailable)?;
        let (cl, bin) = (format!("{prefix}.cl"), format!("{prefix}.clbin"));
        write_file(dir, &cl, p.source.as_bytes())?;
        let mut art = KernelArtifact::describe(spec, sched, &self.info, prefix, &self.info.name);
        art.files.insert("source".into(), cl);
        if let Some(b) = program
            .get_binaries()
            .ok()
            .and_then(|b| b.into_iter().next())
            .filter(|b| !b.is_empty())
        {
            write_file(dir, &bin, &b)?;
            art.files.insert("binary".into(), bin);
        }
        art.set_gpu_launches(
            p.stmts
                .iter()
                .map(|s| {
                    let args = s.args.clone();
                    LaunchEntry::gpu(s.name.clone(), args, s.err_flag, s.global, s.workgroup)
                })
                .collect(),
        );
        Ok(art)
    }

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
