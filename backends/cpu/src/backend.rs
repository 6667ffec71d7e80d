//! The host CPU behind kiln's device interface ([`kiln_device::Device`]).
//!
//! Compilers hold MLIR and LLVM state that must stay on one thread, so each
//! thread that compiles gets its own [`CpuCompiler`] (made on first use);
//! the device itself is plain data and `Send + Sync`.

use crate::{Bound, CompiledKernel, CpuCompiler, CpuDevice, CpuError, Stage as CpuStage};
use kiln_device::{
    Artifact, Backend, Budget, Clock, Device, DeviceError, DeviceInfo, Loaded, OpenOptions,
    Signature, Stage, Stats, TensorMut, TensorRef,
};
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use kiln_tensor::HostTensor;
use std::any::Any;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The `cpu` backend: one device, the host.
pub struct CpuBackend;

/// The host CPU as a [`Device`].
pub struct HostCpu {
    info: DeviceInfo,
    /// LLVM CPU that exported artifacts target (`native`: this host).
    target_cpu: String,
}

const STAGES: &[Stage] = &[
    Stage {
        name: "mlir",
        about: "the emitted MLIR (scf/vector/arith/math/memref)",
        binary: false,
    },
    Stage {
        name: "mlir-lowered",
        about: "after the lowering pipeline (LLVM dialect)",
        binary: false,
    },
    Stage {
        name: "llvm-raw",
        about: "LLVM IR as translated, before optimization",
        binary: false,
    },
    Stage {
        name: "llvm",
        about: "LLVM IR after O3 for the host",
        binary: false,
    },
    Stage {
        name: "asm",
        about: "host assembly",
        binary: false,
    },
    Stage {
        name: "obj",
        about: "host object file (ELF)",
        binary: true,
    },
];

pub(crate) fn err(e: CpuError) -> DeviceError {
    match e {
        CpuError::Schedule(s) => DeviceError::Schedule(s),
        CpuError::Bind(d) => d,
        other => DeviceError::Compile(other.to_string()),
    }
}

thread_local! {
    static COMPILER: RefCell<Option<CpuCompiler>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's compiler.
fn with_compiler<T>(f: impl FnOnce(&CpuCompiler) -> Result<T, CpuError>) -> Result<T, DeviceError> {
    COMPILER.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(CpuCompiler::new().map_err(err)?);
        }
        f(c.as_ref().expect("set above")).map_err(err)
    })
}

impl HostCpu {
    /// The host.
    pub fn new() -> HostCpu {
        let d = CpuDevice::host();
        HostCpu {
            info: DeviceInfo {
                name: "cpu".into(),
                kind: "cpu".into(),
                model: d.model.clone(),
                fingerprint: d.fingerprint(),
                limits: d.limits(),
                clock: Clock::HostWall,
                toolchain: kiln_mlir::llvm_version(),
                description: d.describe(),
                target: None,
            },
            target_cpu: "native".into(),
        }
    }

    /// The host, exporting artifacts for the LLVM CPU `cpu` (`native`, or
    /// one of [`crate::TARGET_CPUS`]); JIT-compiled kernels always target
    /// the host.
    pub fn with_target(cpu: &str) -> Result<HostCpu, DeviceError> {
        if cpu != "native" && !crate::TARGET_CPUS.contains(&cpu) {
            return Err(DeviceError::Input {
                name: "--arch".into(),
                msg: format!(
                    "unknown target CPU `{cpu}` (native, {})",
                    crate::TARGET_CPUS.join(", ")
                ),
            });
        }
        let mut h = HostCpu::new();
        h.target_cpu = cpu.into();
        if cpu != "native" {
            h.info.target = Some(cpu.into());
        }
        Ok(h)
    }
}

impl Default for HostCpu {
    fn default() -> Self {
        HostCpu::new()
    }
}

impl Backend for CpuBackend {
    fn kind(&self) -> &'static str {
        "cpu"
    }

    fn devices(&self) -> Result<Vec<DeviceInfo>, DeviceError> {
        Ok(vec![HostCpu::new().info])
    }

    fn open(&self, index: usize, opts: &OpenOptions) -> Result<Arc<dyn Device>, DeviceError> {
        if index != 0 {
            return Err(DeviceError::NoDevice {
                name: format!("cpu:{index}"),
                kind: "cpu".into(),
                count: 1,
            });
        }
        Ok(Arc::new(HostCpu::with_target(
            opts.target.as_deref().unwrap_or("native"),
        )?))
    }
}

/// A CPU artifact: JIT-compiled machine code (loading it is free).
struct CpuArtifact(CompiledKernel);

impl Artifact for CpuArtifact {
    fn signature(&self) -> &Signature {
        self.0.signature()
    }
    fn compile_s(&self) -> f64 {
        self.0.compile_time.as_secs_f64()
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}

impl Device for HostCpu {
    fn export(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        dir: &std::path::Path,
        prefix: &str,
    ) -> Result<kiln_device::manifest::KernelArtifact, DeviceError> {
        COMPILER.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = Some(CpuCompiler::new().map_err(err)?);
            }
            let c = c.as_ref().expect("set above");
            crate::export::export(c, &self.info, &self.target_cpu, spec, sched, dir, prefix)
        })
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
            "mlir" => CpuStage::Mlir,
            "mlir-lowered" => CpuStage::MlirLowered,
            "llvm-raw" => CpuStage::LlvmRaw,
            "llvm" => CpuStage::Llvm,
            "asm" => CpuStage::Asm,
            _ => CpuStage::Obj,
        };
        with_compiler(|c| c.emit(spec, sched, stage))
    }

    fn code(&self, spec: &Specialized<'_>, sched: &Schedule) -> String {
        kiln_mlir::emit(spec, sched).text
    }

    fn compile(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
    ) -> Result<Box<dyn Artifact>, DeviceError> {
        // `CpuCompiler::compile` validates against the same host limits.
        let k = with_compiler(|c| c.compile(spec, sched))?;
        Ok(Box::new(CpuArtifact(k)))
    }

    fn load(&self, artifact: Box<dyn Artifact>) -> Result<Box<dyn Loaded>, DeviceError> {
        let a = artifact
            .into_any()
            .downcast::<CpuArtifact>()
            .map_err(|_| DeviceError::Runtime("not an artifact of the cpu device".into()))?;
        Ok(Box::new(a.0))
    }

    fn empty_launch(&self, like: &Schedule, budget: &Budget) -> Result<Stats, DeviceError> {
        // One element per thread, one block each, so every thread the
        // kernel's schedule uses takes part as in a real launch.
        let k = kiln_device::empty_kernel();
        let threads = like.threads.max(1);
        let n = threads as i64;
        let spec = Specialized::from_sizes(&k, &BTreeMap::from([("N".to_string(), n)]))
            .map_err(|d| DeviceError::Compile(d.to_string()))?;
        let mut s = Schedule::default_for(&spec, &self.info.limits);
        s.threads = threads;
        for st in &mut s.stmts {
            st.tile = vec![1];
            st.vector_width = 1;
            st.vectors = 1;
            st.rows = 1;
        }
        let loaded = self.build(&spec, &s)?;
        let x = HostTensor::zeros(kiln_ir::DType::F32, vec![threads]);
        let mut b = loaded.bind(std::slice::from_ref(&x))?;
        kiln_device::time_bound(b.as_mut(), budget, false)
    }
}

impl Loaded for CompiledKernel {
    fn signature(&self) -> &Signature {
        CompiledKernel::signature(self)
    }

    fn launches(&self) -> usize {
        CompiledKernel::launches(self)
    }

    fn compile_s(&self) -> f64 {
        self.compile_time.as_secs_f64()
    }

    fn bind(&self, inputs: &[HostTensor]) -> Result<Box<dyn kiln_device::Bound + '_>, DeviceError> {
        Ok(Box::new(CompiledKernel::bind(self, inputs).map_err(err)?))
    }

    /// Zero-copy: the kernel reads the caller's inputs and writes the
    /// caller's outputs in place; only temporaries are allocated.
    fn run_into(
        &self,
        inputs: &[TensorRef<'_>],
        outputs: &mut [TensorMut<'_>],
    ) -> Result<(), DeviceError> {
        self.run_views(inputs, outputs).map_err(err)
    }
}

impl kiln_device::Bound for Bound<'_> {
    fn set_input(&mut self, index: usize, value: &HostTensor) -> Result<(), DeviceError> {
        let t = self.kernel.signature().check_input(index, value)?;
        self.bufs[t] = value.clone();
        Ok(())
    }

    fn fill_sentinel(&mut self) -> Result<(), DeviceError> {
        Bound::fill_sentinel(self);
        Ok(())
    }

    fn launch(&mut self) -> Result<f64, DeviceError> {
        let t = std::time::Instant::now();
        Bound::launch(self).map_err(err)?;
        Ok(t.elapsed().as_secs_f64())
    }

    fn outputs(&self) -> Result<Vec<HostTensor>, DeviceError> {
        Ok(Bound::outputs(self))
    }

    fn evict(&mut self) {
        Bound::evict(self)
    }
}
