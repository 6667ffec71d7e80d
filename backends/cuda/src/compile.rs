//! The compile half of the CUDA backend (no GPU, no driver needed):
//! validate the schedule against the device's limits, emit the gpu-dialect
//! module ([`kiln_mlir::emit_gpu`], the same one OpenCL prints as C), lower
//! it through NVVM to PTX ([`kiln_mlir::Mlir::to_ptx`]), and, where
//! `ptxas` is installed, assemble a cubin and read each kernel's registers,
//! spills and shared memory ([`crate::resources`]).

use crate::ptxas;
use crate::resources::{Resources, SmLimits};
use kiln_device::Signature;
use kiln_ir::Specialized;
use kiln_mlir::{Mlir, MlirError, NvptxTarget, StmtFn};
use kiln_schedule::{DeviceLimits, GpuLimits, Schedule, ScheduleError};
use std::path::PathBuf;

/// Errors of the compile half.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// The schedule does not fit the kernel or device.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// MLIR failed (a kiln bug) or the NVPTX serializer did.
    #[error(transparent)]
    Mlir(#[from] MlirError),
    /// A tool (libdevice, ptxas) is missing or failed.
    #[error("{0}")]
    Tool(String),
}

/// What code is generated for: the architecture, the tools, the limits.
#[derive(Clone, Debug)]
pub struct Target {
    /// `sm_80`, `sm_90`, ...
    pub arch: String,
    /// libdevice, or why it was not found.
    pub libdevice: Result<PathBuf, String>,
    /// ptxas, when installed: PTX is then assembled here (validated, a
    /// cubin loaded without the driver's JIT, resources known).
    pub ptxas: Option<PathBuf>,
    /// Per-SM limits for occupancy and pruning.
    pub sm: SmLimits,
    /// Limits schedules are validated against.
    pub limits: DeviceLimits,
}

impl Target {
    /// The target of architecture `arch` on a device with `sms`
    /// multiprocessors, with the tools found on this machine.
    pub fn new(arch: &str, sm: SmLimits, sms: usize) -> Target {
        Target {
            arch: arch.to_string(),
            libdevice: kiln_mlir::cuda::find_libdevice(),
            ptxas: ptxas::find().ok(),
            sm,
            limits: limits(&sm, sms),
        }
    }

    /// A target for `arch` with no device: its published limits and the SM
    /// count of the data-centre part of that generation.
    pub fn offline(arch: &str) -> Target {
        let sms = match crate::resources::cc_of(arch) {
            Some((9, _)) => 132,
            Some((8, 0)) => 108,
            _ => 80,
        };
        Target::new(arch, SmLimits::for_arch(arch), sms)
    }

    fn nvptx(&self) -> Result<NvptxTarget, CompileError> {
        Ok(NvptxTarget {
            chip: self.arch.clone(),
            libdevice: self.libdevice.clone().map_err(CompileError::Tool)?,
        })
    }
}

/// Schedule limits of a CUDA device: one work-item is one thread, a
/// work-group one block, local memory the block's static shared memory.
pub fn limits(sm: &SmLimits, sms: usize) -> DeviceLimits {
    DeviceLimits {
        cores: sms.max(1),
        // float4: the widest load PTX has for 32-bit elements.
        vector_bits: 128,
        l1d: 0,
        l2: 0,
        gpu: Some(GpuLimits {
            max_workgroup: sm.threads_per_block,
            max_items: [sm.threads_per_block, sm.threads_per_block],
            local_mem: sm.smem_per_block,
            warp: 32,
        }),
    }
}

/// Most blocks of a CUDA grid along y (x allows 2^31 - 1).
pub const MAX_GRID_Y: usize = 65535;

/// A launch whose grid CUDA cannot express is a schedule error naming the
/// work-group field that would shrink it.
fn check_grid(stmts: &[StmtFn]) -> Result<(), CompileError> {
    for s in stmts {
        let i = s.name.trim_start_matches('s');
        let [gx, gy] = [s.global[0] / s.workgroup[0], s.global[1] / s.workgroup[1]];
        if gy > MAX_GRID_Y || gx > i32::MAX as usize {
            return Err(CompileError::Schedule(ScheduleError {
                field: format!("stmts[{i}].workgroup"),
                message: format!(
                    "a grid of {gx} x {gy} blocks; CUDA allows at most 2^31-1 x {MAX_GRID_Y}: take larger work-groups or tiles"
                ),
            }));
        }
    }
    Ok(())
}

/// Compilation stages `kiln compile --device cuda --emit` shows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The gpu-dialect module as emitted.
    Mlir,
    /// After conversion to the NVVM dialect.
    Nvvm,
    /// LLVM IR of the device module (before libdevice and O3).
    Llvm,
    /// PTX.
    Ptx,
    /// ptxas's cubin.
    Cubin,
}

/// A kernel compiled to PTX, with its launch geometry.
#[derive(Clone, Debug)]
pub struct CudaProgram {
    /// Architecture compiled for.
    pub arch: String,
    /// PTX text (one `.entry` per launch).
    pub ptx: String,
    /// The cubin ptxas made of it, when ptxas is installed.
    pub cubin: Option<Vec<u8>>,
    /// Per entry function, from ptxas (empty without ptxas).
    pub resources: Vec<Resources>,
    /// Per launch: entry name, tensor arguments, grid and block.
    pub stmts: Vec<StmtFn>,
    /// The kernel's tensors, inputs and outputs.
    pub signature: Signature,
    /// Seconds from IR to PTX (and cubin).
    pub compile_s: f64,
    /// Why the tuner should not measure it (spills, occupancy), if so.
    pub unfit: Option<String>,
    /// One resource line per launch (empty without ptxas).
    pub report: Vec<String>,
}

/// The CUDA compiler: an MLIR context. Not `Send`.
#[derive(Default)]
pub struct CudaCompiler {
    mlir: Mlir,
}

impl CudaCompiler {
    /// A compiler with a fresh MLIR context.
    pub fn new() -> CudaCompiler {
        CudaCompiler { mlir: Mlir::new() }
    }

    /// Shows one stage (the cubin as bytes).
    pub fn emit(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        t: &Target,
        stage: Stage,
    ) -> Result<Vec<u8>, CompileError> {
        sched.validate(spec, &t.limits)?;
        let e = kiln_mlir::emit_gpu(spec, sched);
        Ok(match stage {
            Stage::Mlir => e.text.into_bytes(),
            Stage::Nvvm => self.mlir.to_nvvm(&e.text, &t.nvptx()?)?.into_bytes(),
            Stage::Llvm => self.mlir.to_nvptx_llvm(&e.text, &t.nvptx()?)?.into_bytes(),
            Stage::Ptx => {
                let p = self.compile(spec, sched, t)?;
                let mut head = String::new();
                match &p.cubin {
                    Some(_) => {
                        for l in &p.report {
                            head.push_str(&format!("// ptxas {}: {l}\n", p.arch));
                        }
                        if let Some(why) = &p.unfit {
                            head.push_str(&format!("// the tuner would prune this: {why}\n"));
                        }
                    }
                    None => head.push_str("// ptxas not found: resources unknown\n"),
                }
                (head + &p.ptx).into_bytes()
            }
            Stage::Cubin => {
                let p = self.compile(spec, sched, t)?;
                p.cubin.ok_or_else(|| {
                    CompileError::Tool(format!(
                        "a cubin needs ptxas: {}",
                        ptxas::find().err().unwrap_or_default()
                    ))
                })?
            }
        })
    }

    /// Compiles to PTX, assembles it when ptxas is installed, and judges
    /// the resources.
    pub fn compile(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        t: &Target,
    ) -> Result<CudaProgram, CompileError> {
        sched.validate(spec, &t.limits)?;
        let t0 = std::time::Instant::now();
        let e = kiln_mlir::emit_gpu(spec, sched);
        check_grid(&e.stmts)?;
        let ptx = self.mlir.to_ptx(&e.text, &t.nvptx()?)?;
        let mut p = CudaProgram {
            arch: t.arch.clone(),
            ptx,
            cubin: None,
            resources: Vec::new(),
            stmts: e.stmts,
            signature: Signature::of(spec),
            compile_s: 0.0,
            unfit: None,
            report: Vec::new(),
        };
        if let Some(ptxas) = &t.ptxas {
            let a = ptxas::assemble(ptxas, &p.ptx, &t.arch).map_err(CompileError::Tool)?;
            p.cubin = Some(a.cubin);
            p.resources = a.resources;
            for s in &p.stmts {
                let Some(r) = p.resources.iter().find(|r| r.name == s.name) else {
                    continue;
                };
                let threads = s.workgroup[0] * s.workgroup[1];
                let total = s.global[0] * s.global[1];
                p.report.push(r.line(threads, &t.sm));
                if p.unfit.is_none() {
                    p.unfit = r.unfit(threads, total, &t.sm);
                }
            }
        }
        p.compile_s = t0.elapsed().as_secs_f64();
        Ok(p)
    }
}
