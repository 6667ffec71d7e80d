//! CUDA devices behind kiln's device interface ([`kiln_device::Device`]).
//!
//! With a driver, `cuda:N` is a real device: its own architecture, limits
//! read from it, launches timed by CUDA events. Without one, opening with
//! [`OpenOptions::compile_only`] gives an offline device for the chosen
//! architecture (`--arch`, default `sm_80`) that emits every stage and
//! compiles, and says at load time that it cannot run.

use crate::compile::{CudaCompiler, CudaProgram, Stage as CuStage, Target};
use crate::driver::{self, Bound, GpuInfo, Loaded, Runtime};
use kiln_device::manifest::{write_file, KernelArtifact, LaunchEntry};
use kiln_device::{
    Artifact, Backend, Budget, Clock, Device, DeviceError, DeviceInfo, OpenOptions, Signature,
    Stage, Stats,
};
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use kiln_tensor::HostTensor;
use std::any::Any;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The `cuda` backend: every device the CUDA driver reports.
pub struct CudaBackend;

/// One opened CUDA device (or an offline target).
pub struct CudaDevice {
    info: DeviceInfo,
    target: Target,
    rt: Option<Runtime>,
}

/// Architecture of an offline device when none is given.
pub const DEFAULT_ARCH: &str = "sm_80";

const STAGES: &[Stage] = &[
    Stage {
        name: "mlir",
        about: "the gpu-dialect module as emitted",
        binary: false,
    },
    Stage {
        name: "nvvm",
        about: "after conversion to the NVVM dialect",
        binary: false,
    },
    Stage {
        name: "llvm",
        about: "LLVM IR of the device module (before libdevice and O3)",
        binary: false,
    },
    Stage {
        name: "ptx",
        about: "PTX, headed by ptxas's resource line per kernel",
        binary: false,
    },
    Stage {
        name: "cubin",
        about: "the cubin ptxas assembles",
        binary: true,
    },
];

thread_local! {
    static COMPILER: RefCell<Option<CudaCompiler>> = const { RefCell::new(None) };
}

fn with_compiler<T>(f: impl FnOnce(&CudaCompiler) -> T) -> T {
    COMPILER.with(|c| f(c.borrow_mut().get_or_insert_with(CudaCompiler::new)))
}

fn compile_err(e: crate::CompileError) -> DeviceError {
    match e {
        crate::CompileError::Schedule(s) => DeviceError::Schedule(s),
        other => DeviceError::Compile(other.to_string()),
    }
}

fn toolchain(t: &Target) -> String {
    format!(
        "{} nvptx {}{}",
        kiln_mlir::llvm_version(),
        t.arch,
        if t.ptxas.is_some() { " + ptxas" } else { "" }
    )
}

/// The [`DeviceInfo`] of a device with a driver.
pub fn info_of(g: &GpuInfo, t: &Target) -> DeviceInfo {
    DeviceInfo {
        name: format!("cuda:{}", g.index),
        kind: "cuda".into(),
        model: g.name.clone(),
        fingerprint: g.fingerprint(),
        limits: t.limits.clone(),
        clock: Clock::DeviceEvents,
        toolchain: format!("{} + driver {}", toolchain(t), g.driver),
        description: g.describe(),
        target: Some(t.arch.clone()),
    }
}

fn offline_info(index: usize, t: &Target) -> DeviceInfo {
    DeviceInfo {
        name: format!("cuda:{index}"),
        kind: "cuda".into(),
        model: format!("{} (offline: no CUDA driver)", t.arch),
        fingerprint: format!("offline-{}", t.arch),
        limits: t.limits.clone(),
        clock: Clock::DeviceEvents,
        toolchain: toolchain(t),
        description: format!(
            "cuda:{index}: offline target {} (compile only: {})",
            t.arch,
            driver::NO_DRIVER
        ),
        target: Some(t.arch.clone()),
    }
}

fn arch_of(opts: &OpenOptions) -> Result<Option<String>, DeviceError> {
    match &opts.target {
        None => Ok(None),
        Some(a) if kiln_mlir::cuda::valid_chip(a) => Ok(Some(a.clone())),
        Some(a) => Err(DeviceError::Input {
            name: "--arch".into(),
            msg: format!("`{a}` is not a CUDA architecture (sm_80, sm_90, sm_90a, ...)"),
        }),
    }
}

impl Backend for CudaBackend {
    fn kind(&self) -> &'static str {
        "cuda"
    }

    fn devices(&self) -> Result<Vec<DeviceInfo>, DeviceError> {
        Ok(driver::devices()?
            .iter()
            .map(|g| info_of(g, &Target::new(&g.arch(), g.sm, g.sms)))
            .collect())
    }

    fn open(&self, index: usize, opts: &OpenOptions) -> Result<Arc<dyn Device>, DeviceError> {
        let arch = arch_of(opts)?;
        if !driver::driver_present() && opts.compile_only {
            let t = Target::offline(arch.as_deref().unwrap_or(DEFAULT_ARCH));
            return Ok(Arc::new(CudaDevice {
                info: offline_info(index, &t),
                target: t,
                rt: None,
            }));
        }
        let rt = Runtime::new(index)?;
        let g = &rt.info;
        let t = Target::new(arch.as_deref().unwrap_or(&g.arch()), g.sm, g.sms);
        Ok(Arc::new(CudaDevice {
            info: info_of(g, &t),
            target: t,
            rt: Some(rt),
        }))
    }
}

impl Artifact for CudaProgram {
    fn signature(&self) -> &Signature {
        &self.signature
    }
    fn compile_s(&self) -> f64 {
        self.compile_s
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
    fn unfit(&self) -> Option<String> {
        self.unfit.clone()
    }
    fn resources(&self) -> Vec<String> {
        self.report.clone()
    }
}

impl CudaDevice {
    /// The code-generation target.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The runtime, when a driver and device are present.
    pub fn runtime(&self) -> Result<&Runtime, DeviceError> {
        self.rt.as_ref().ok_or_else(|| DeviceError::Unavailable {
            kind: self.info.name.clone(),
            why: driver::NO_DRIVER.into(),
        })
    }
}

impl Device for CudaDevice {
    /// Writes `<prefix>.ptx` (entries renamed `<prefix>_s<i>`, for the
    /// target architecture) and, where ptxas is installed, `<prefix>.cubin`;
    /// launches carry their grid and block sizes. No driver is needed.
    fn export(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        dir: &std::path::Path,
        prefix: &str,
    ) -> Result<KernelArtifact, DeviceError> {
        let mut p = with_compiler(|c| c.compile(spec, sched, &self.target)).map_err(compile_err)?;
        for s in &mut p.stmts {
            let new = format!("{prefix}_{}", s.name);
            p.ptx = p
                .ptx
                .replace(&format!(".entry {}(", s.name), &format!(".entry {new}("))
                .replace(
                    &format!(".globl\t{}\n", s.name),
                    &format!(".globl\t{new}\n"),
                );
            s.name = new;
        }
        let (ptx, cubin) = (format!("{prefix}.ptx"), format!("{prefix}.cubin"));
        write_file(dir, &ptx, p.ptx.as_bytes())?;
        let mut art = KernelArtifact::describe(spec, sched, &self.info, prefix, &self.target.arch);
        art.files.insert("ptx".into(), ptx);
        if let Some(ptxas) = &self.target.ptxas {
            let a = crate::ptxas::assemble(ptxas, &p.ptx, &self.target.arch)
                .map_err(DeviceError::Compile)?;
            write_file(dir, &cubin, &a.cubin)?;
            art.files.insert("cubin".into(), cubin);
        }
        art.set_gpu_launches(
            p.stmts
                .iter()
                .map(|s| {
                    let args = s
                        .args
                        .iter()
                        .map(|t| t.into_raw().into_u32() as usize)
                        .collect();
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
            "mlir" => CuStage::Mlir,
            "nvvm" => CuStage::Nvvm,
            "llvm" => CuStage::Llvm,
            "ptx" => CuStage::Ptx,
            _ => CuStage::Cubin,
        };
        with_compiler(|c| c.emit(spec, sched, &self.target, stage)).map_err(compile_err)
    }

    fn code(&self, spec: &Specialized<'_>, sched: &Schedule) -> String {
        kiln_mlir::emit_gpu(spec, sched).text
    }

    fn compile(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
    ) -> Result<Box<dyn Artifact>, DeviceError> {
        let p = with_compiler(|c| c.compile(spec, sched, &self.target)).map_err(compile_err)?;
        Ok(Box::new(p))
    }

    fn load(
        &self,
        artifact: Box<dyn Artifact>,
    ) -> Result<Box<dyn kiln_device::Loaded>, DeviceError> {
        let p = artifact
            .into_any()
            .downcast::<CudaProgram>()
            .map_err(|_| DeviceError::Runtime("not a CUDA artifact".into()))?;
        Ok(Box::new(self.runtime()?.load(*p)?))
    }

    /// cuBLAS SGEMM (loaded at run time) and a device-to-device copy.
    fn baseline(
        &self,
        what: &kiln_device::Baseline,
        budget: &Budget,
    ) -> Result<(Stats, String), DeviceError> {
        let rt = self.runtime()?;
        match *what {
            kiln_device::Baseline::Sgemm { m, n, k } => {
                let (st, err) = crate::baseline::sgemm(rt, m, n, k, budget)?;
                Ok((st, format!("cuBLAS SGEMM, max rel. err {err:.1e}")))
            }
            kiln_device::Baseline::Copy { bytes } => Ok((
                crate::baseline::copy(rt, bytes, budget)?,
                "cuMemcpyDtoD".into(),
            )),
        }
    }

    /// Device time (events) of a one-element kernel in one 1-thread block,
    /// around the launch only: what a launch costs on the GPU's side.
    fn empty_launch(&self, _like: &Schedule, budget: &Budget) -> Result<Stats, DeviceError> {
        let k = kiln_device::empty_kernel();
        let spec = Specialized::from_sizes(&k, &BTreeMap::from([("N".to_string(), 1)]))
            .map_err(|d| DeviceError::Compile(d.to_string()))?;
        let s = Schedule::default_for(&spec, &self.info.limits);
        let loaded = self.build(&spec, &s)?;
        let x = HostTensor::zeros(kiln_ir::DType::F32, vec![1]);
        let mut b = loaded.bind(std::slice::from_ref(&x))?;
        kiln_device::time_bound(b.as_mut(), budget, false)
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
        self.prog.compile_s + self.load_s
    }

    fn note(&self) -> Option<String> {
        Some(format!("loaded from {}", self.from))
    }

    fn bind(&self, inputs: &[HostTensor]) -> Result<Box<dyn kiln_device::Bound + '_>, DeviceError> {
        Ok(Box::new(Loaded::bind(self, inputs)?))
    }
}

impl kiln_device::Bound for Bound<'_> {
    fn set_input(&mut self, index: usize, value: &HostTensor) -> Result<(), DeviceError> {
        Bound::set_input(self, index, value)
    }

    fn fill_sentinel(&mut self) -> Result<(), DeviceError> {
        Bound::fill_sentinel(self)
    }

    fn launch(&mut self) -> Result<f64, DeviceError> {
        Bound::launch(self)
    }

    fn outputs(&self) -> Result<Vec<HostTensor>, DeviceError> {
        Bound::outputs(self)
    }

    fn evict(&mut self) {
        // A failed flush leaves the next run as warm as without `--cold`.
        let _ = self.flush_l2();
    }
}
