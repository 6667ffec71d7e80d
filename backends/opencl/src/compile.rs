//! The compile half of the OpenCL backend (no device needed): validate the
//! schedule against the device's limits, emit the gpu-dialect module
//! ([`kiln_mlir::emit_gpu`]), normalize it and print it as OpenCL C
//! ([`kiln_mlir::Mlir::to_opencl`]).

use kiln_device::Signature;
use kiln_ir::Specialized;
use kiln_mlir::{Mlir, MlirError};
use kiln_rt::opencl::{ClLaunch, ClProgram};
use kiln_schedule::{DeviceLimits, Schedule, ScheduleError};

/// Errors of the compile half.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// The schedule does not fit the kernel or device.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// MLIR or the OpenCL C emitter failed (a kiln bug).
    #[error(transparent)]
    Mlir(#[from] MlirError),
    /// A tensor too large for 32-bit indexing.
    #[error("tensor `{0}` has 2^31 elements or more; the OpenCL backend indexes with 32-bit ints")]
    TooLarge(String),
}

/// Compilation stages `kiln compile --device opencl:N --emit` shows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The gpu-dialect module as emitted.
    Mlir,
    /// After [`kiln_mlir::opencl::NORMALIZE`].
    MlirNormalized,
    /// OpenCL C.
    Cl,
}

/// The OpenCL compiler: an MLIR context. Not `Send`.
#[derive(Default)]
pub struct OclCompiler {
    mlir: Mlir,
}

impl OclCompiler {
    /// A compiler with a fresh MLIR context.
    pub fn new() -> OclCompiler {
        OclCompiler { mlir: Mlir::new() }
    }

    fn check(
        spec: &Specialized<'_>,
        sched: &Schedule,
        dev: &DeviceLimits,
    ) -> Result<(), CompileError> {
        sched.validate(spec, dev)?;
        for (t, ten) in spec.kernel.tensors.iter() {
            if spec.shape(t).iter().product::<usize>() >= 1 << 31 {
                return Err(CompileError::TooLarge(ten.name.clone()));
            }
        }
        Ok(())
    }

    /// Shows one stage as text.
    pub fn emit(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        dev: &DeviceLimits,
        stage: Stage,
    ) -> Result<String, CompileError> {
        Self::check(spec, sched, dev)?;
        let e = kiln_mlir::emit_gpu(spec, sched);
        Ok(match stage {
            Stage::Mlir => e.text,
            Stage::MlirNormalized => self.mlir.normalize_gpu(&e.text)?,
            Stage::Cl => self.mlir.to_opencl(&e.text)?,
        })
    }

    /// Compiles to OpenCL C with launch geometry.
    pub fn compile(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        dev: &DeviceLimits,
    ) -> Result<ClProgram, CompileError> {
        Self::check(spec, sched, dev)?;
        let t0 = std::time::Instant::now();
        let e = kiln_mlir::emit_gpu(spec, sched);
        let source = self.mlir.to_opencl(&e.text)?;
        Ok(ClProgram {
            source,
            stmts: e
                .stmts
                .into_iter()
                .map(|s| ClLaunch {
                    name: s.name,
                    args: s
                        .args
                        .iter()
                        .map(|t| t.into_raw().into_u32() as usize)
                        .collect(),
                    global: s.global,
                    workgroup: s.workgroup,
                    err_flag: s.err_flag,
                })
                .collect(),
            signature: Signature::of(spec),
            compile_s: t0.elapsed().as_secs_f64(),
        })
    }
}
