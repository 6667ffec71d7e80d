//! kiln's CPU backend.
//!
//! Compile (testable anywhere): a specialized kernel and a validated
//! schedule are emitted as MLIR ([`kiln_mlir::emit()`]), lowered to the LLVM
//! dialect and translated in-process to an LLVM module, stamped with the
//! host CPU and its features, optimized at O3 (floating reductions may be
//! reassociated: the emitter marks reduction combines `reassoc,contract`, as
//! the language allows, and nothing else) and JIT-compiled. Run: each statement is a launch
//! of independent blocks (each owns its output tile), spread over a rayon
//! pool of `schedule.threads` workers that take blocks from a shared
//! counter; temporaries are allocated per run by the runtime.

#![allow(unsafe_code)]

mod backend;
pub mod device;
mod export;

pub use backend::{CpuBackend, HostCpu};
pub use device::CpuDevice;

use inkwell::attributes::AttributeLoc;
use inkwell::context::Context;
use inkwell::execution_engine::ExecutionEngine;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine,
};
use inkwell::OptimizationLevel;
use kiln_device::Signature;
use kiln_ir::ir::TensorId;
use kiln_ir::Specialized;
use kiln_mlir::Mlir;
use kiln_rt::launch::{data_ptr, pool, Entry, Group, Plan};
use kiln_schedule::{Schedule, ScheduleError};
use kiln_tensor::HostTensor;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Errors of the CPU backend.
#[derive(Debug, thiserror::Error)]
pub enum CpuError {
    /// The schedule does not fit the kernel or the CPU.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// MLIR rejected or failed to lower the module (a kiln bug).
    #[error(transparent)]
    Mlir(#[from] kiln_mlir::MlirError),
    /// LLVM failed (target, optimization or JIT).
    #[error("LLVM: {0}")]
    Llvm(String),
    /// Arguments that do not match the kernel, or buffers too large.
    #[error(transparent)]
    Bind(#[from] kiln_device::DeviceError),
}

/// What `kiln compile --emit` can show.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The emitted MLIR (scf/vector/arith/math/memref).
    Mlir,
    /// After the lowering pipeline (LLVM dialect).
    MlirLowered,
    /// LLVM IR as translated, before optimization (host-independent).
    LlvmRaw,
    /// LLVM IR after O3 for the host.
    Llvm,
    /// Host assembly.
    Asm,
    /// Host object file (ELF bytes).
    Obj,
}

/// Compiles scheduled kernels for the host CPU.
pub struct CpuCompiler {
    mlir: Mlir,
    tm: TargetMachine,
    device: CpuDevice,
    /// x86 extensions the emitter may use directly (the host's).
    isa: kiln_mlir::CpuIsa,
}

fn host_tm() -> Result<TargetMachine, CpuError> {
    Target::initialize_native(&InitializationConfig::default()).map_err(CpuError::Llvm)?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| CpuError::Llvm(e.to_string()))?;
    let cpu = TargetMachine::get_host_cpu_name().to_string();
    let features = TargetMachine::get_host_cpu_features().to_string();
    target
        .create_target_machine(
            &triple,
            &cpu,
            &features,
            OptimizationLevel::Aggressive,
            RelocMode::Default,
            CodeModel::JITDefault,
        )
        .ok_or_else(|| {
            CpuError::Llvm(format!(
                "no target machine for {}",
                triple.as_str().to_string_lossy()
            ))
        })
}

/// LLVM CPU names an artifact can be compiled for besides `native`.
pub const TARGET_CPUS: &[&str] = &[
    "x86-64",
    "x86-64-v2",
    "x86-64-v3",
    "x86-64-v4",
    "haswell",
    "skylake",
    "skylake-avx512",
    "icelake-server",
    "sapphirerapids",
    "znver2",
    "znver3",
    "znver4",
];

/// The vector extensions of a target machine the emitter may use directly:
/// from its feature string (the host's), or for one of [`TARGET_CPUS`]
/// (created with its baseline features) from its name.
fn isa_of(tm: &TargetMachine) -> kiln_mlir::CpuIsa {
    let features = tm.get_feature_string().to_string_lossy().into_owned();
    if !features.is_empty() {
        return kiln_mlir::CpuIsa::from_features(&features);
    }
    let cpu = tm.get_cpu().to_string_lossy().into_owned();
    let avx512 = [
        "x86-64-v4",
        "skylake-avx512",
        "icelake-server",
        "sapphirerapids",
        "znver4",
    ];
    let avx2 = ["x86-64-v3", "haswell", "skylake", "znver2", "znver3"];
    kiln_mlir::CpuIsa {
        avx512: avx512.contains(&cpu.as_str()),
        avx2: avx512.contains(&cpu.as_str()) || avx2.contains(&cpu.as_str()),
    }
}

/// A target machine for objects linked elsewhere: position-independent,
/// for the host (`native`, with its features) or a named CPU (its
/// baseline features).
fn object_tm(cpu: &str) -> Result<TargetMachine, CpuError> {
    if cpu != "native" && !TARGET_CPUS.contains(&cpu) {
        return Err(CpuError::Llvm(format!(
            "unknown target CPU `{cpu}` (native, {})",
            TARGET_CPUS.join(", ")
        )));
    }
    Target::initialize_native(&InitializationConfig::default()).map_err(CpuError::Llvm)?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| CpuError::Llvm(e.to_string()))?;
    let (name, features) = if cpu == "native" {
        (
            TargetMachine::get_host_cpu_name().to_string(),
            TargetMachine::get_host_cpu_features().to_string(),
        )
    } else {
        (cpu.to_string(), String::new())
    };
    target
        .create_target_machine(
            &triple,
            &name,
            &features,
            OptimizationLevel::Aggressive,
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or_else(|| CpuError::Llvm(format!("no target machine for CPU `{cpu}`")))
}

struct Jit<'ctx> {
    /// Owns the machine code the entry addresses point into.
    _ee: ExecutionEngine<'ctx>,
}

self_cell::self_cell!(
    struct JitCell {
        owner: Context,
        #[not_covariant]
        dependent: Jit,
    }
);

/// A JIT-compiled kernel, ready to run on host tensors of the shapes it was
/// specialized for. Not `Send` (it owns an LLVM context).
pub struct CompiledKernel {
    _jit: JitCell,
    plan: Plan,
    /// Time from IR to runnable code.
    pub compile_time: Duration,
}

// SAFETY: the LLVM context and execution engine inside `_jit` are only
// touched when the kernel is built and dropped, never by launches, which
// call finished machine code through plain function pointers. Moving the
// kernel to another thread moves that ownership with it, and launching
// from several threads at once (each with its own buffers) shares only
// immutable code.
unsafe impl Send for CompiledKernel {}
// SAFETY: as above; `&CompiledKernel` gives access to immutable data only.
unsafe impl Sync for CompiledKernel {}

impl CpuCompiler {
    /// A compiler for the host.
    pub fn new() -> Result<CpuCompiler, CpuError> {
        let tm = host_tm()?;
        Ok(CpuCompiler {
            mlir: Mlir::new(),
            isa: isa_of(&tm),
            tm,
            device: CpuDevice::host(),
        })
    }

    /// The same compiler, emitting only the extensions of `isa` that the
    /// host has (e.g. [`kiln_mlir::CpuIsa::PORTABLE`] for output that does
    /// not depend on the host).
    pub fn restrict_isa(mut self, isa: kiln_mlir::CpuIsa) -> CpuCompiler {
        self.isa = kiln_mlir::CpuIsa {
            avx512: self.isa.avx512 && isa.avx512,
            avx2: self.isa.avx2 && isa.avx2,
        };
        self
    }

    /// The device compiled for.
    pub fn device(&self) -> &CpuDevice {
        &self.device
    }

    fn optimize(&self, ctx: &Context, m: &inkwell::module::Module<'_>) -> Result<(), CpuError> {
        self.optimize_for(ctx, m, &self.tm)
    }

    fn optimize_for(
        &self,
        ctx: &Context,
        m: &inkwell::module::Module<'_>,
        tm: &TargetMachine,
    ) -> Result<(), CpuError> {
        m.set_triple(&tm.get_triple());
        m.set_data_layout(&tm.get_target_data().get_data_layout());
        let cpu = tm.get_cpu().to_string_lossy().into_owned();
        let feats = tm.get_feature_string().to_string_lossy().into_owned();
        let width = self.device.vector_bits.to_string();
        for f in m.get_functions() {
            if f.count_basic_blocks() == 0 {
                continue;
            }
            // MCJIT builds its own generic target machine: stamp the host on each function.
            f.add_attribute(
                AttributeLoc::Function,
                ctx.create_string_attribute("target-cpu", &cpu),
            );
            f.add_attribute(
                AttributeLoc::Function,
                ctx.create_string_attribute("target-features", &feats),
            );
            f.add_attribute(
                AttributeLoc::Function,
                ctx.create_string_attribute("prefer-vector-width", &width),
            );
        }
        m.run_passes("default<O3>", tm, PassBuilderOptions::create())
            .map_err(|e| CpuError::Llvm(e.to_string()))
    }

    /// Compiles to a relocatable, position-independent object for the LLVM
    /// CPU `cpu` (`native`: this host; else one of [`TARGET_CPUS`]), each
    /// statement exported as `<prefix>_s<i>`. Returns the object and the
    /// entry points (with their original names).
    pub fn compile_object(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        prefix: &str,
        cpu: &str,
    ) -> Result<(Vec<u8>, Vec<kiln_mlir::StmtFn>), CpuError> {
        sched.validate(spec, &self.device.limits())?;
        let tm = object_tm(cpu)?;
        let e = kiln_mlir::emit_for(spec, sched, isa_of(&tm));
        let ctx = Context::create();
        let m = self.mlir.to_llvm(&e.text, &ctx)?;
        for s in &e.stmts {
            let f = m
                .get_function(&s.name)
                .ok_or_else(|| CpuError::Llvm(format!("no function {}", s.name)))?;
            f.as_global_value()
                .set_name(&format!("{prefix}_{}", s.name));
        }
        self.optimize_for(&ctx, &m, &tm)?;
        let buf = tm
            .write_to_memory_buffer(&m, FileType::Object)
            .map_err(|e| CpuError::Llvm(e.to_string()))?;
        Ok((buf.as_slice().to_vec(), e.stmts))
    }

    /// Shows one compilation stage as text (or object bytes for [`Stage::Obj`]).
    pub fn emit(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        stage: Stage,
    ) -> Result<Vec<u8>, CpuError> {
        sched.validate(spec, &self.device.limits())?;
        let e = kiln_mlir::emit_for(spec, sched, self.isa);
        match stage {
            Stage::Mlir => return Ok(e.text.into_bytes()),
            Stage::MlirLowered => return Ok(self.mlir.lower_text(&e.text)?.into_bytes()),
            _ => {}
        }
        let ctx = Context::create();
        let m = self.mlir.to_llvm(&e.text, &ctx)?;
        if stage == Stage::LlvmRaw {
            return Ok(m.print_to_string().to_bytes().to_vec());
        }
        self.optimize(&ctx, &m)?;
        Ok(match stage {
            Stage::Llvm => m.print_to_string().to_bytes().to_vec(),
            Stage::Asm | Stage::Obj => {
                let ft = if stage == Stage::Asm {
                    FileType::Assembly
                } else {
                    FileType::Object
                };
                let buf = self
                    .tm
                    .write_to_memory_buffer(&m, ft)
                    .map_err(|e| CpuError::Llvm(e.to_string()))?;
                buf.as_slice().to_vec()
            }
            _ => unreachable!("handled above"),
        })
    }

    /// Validates the schedule, then compiles and JITs the kernel.
    pub fn compile(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
    ) -> Result<CompiledKernel, CpuError> {
        sched.validate(spec, &self.device.limits())?;
        let start = Instant::now();
        let e = kiln_mlir::emit_for(spec, sched, self.isa);
        let mut addrs = Vec::new();
        let jit = JitCell::try_new(Context::create(), |ctx| -> Result<Jit<'_>, CpuError> {
            let m = self.mlir.to_llvm(&e.text, ctx)?;
            self.optimize(ctx, &m)?;
            let ee = m
                .create_jit_execution_engine(OptimizationLevel::Aggressive)
                .map_err(|e| CpuError::Llvm(e.to_string()))?;
            for s in &e.stmts {
                let a = ee
                    .get_function_address(&s.name)
                    .map_err(|x| CpuError::Llvm(format!("{}: {x:?}", s.name)))?;
                addrs.push(a);
            }
            Ok(Jit { _ee: ee })
        })?;
        let plan = plan_of(spec, sched, &e.stmts, addrs);
        let compiled = CompiledKernel {
            _jit: jit,
            plan,
            compile_time: start.elapsed(),
        };
        Ok(compiled)
    }
}

/// The launch plan of compiled statements at `addrs`.
fn plan_of(
    spec: &Specialized<'_>,
    sched: &Schedule,
    stmts: &[kiln_mlir::StmtFn],
    addrs: Vec<usize>,
) -> Plan {
    let k = spec.kernel;
    let id = |t: &TensorId| t.into_raw().into_u32() as usize;
    let entries = stmts
        .iter()
        .zip(addrs)
        .map(|(s, addr)| Entry {
            addr,
            args: s.args.iter().map(id).collect(),
            err_flag: s.err_flag,
        })
        .collect();
    let local = kiln_schedule::local_temps(spec, sched);
    let groups = kiln_schedule::groups(sched)
        .into_iter()
        .map(|g| Group {
            blocks: sched.group_blocks(spec, g.clone()),
            local: local
                .iter()
                .filter(|(t, _)| g.clone().any(|i| k.stmts[i].target == *t))
                .map(|(t, shape)| {
                    let bytes = shape.iter().product::<usize>() * k.tensors[*t].dtype.size_bytes();
                    (id(t), bytes)
                })
                .collect(),
            stmts: g,
        })
        .collect();
    // SAFETY: the addresses are the JIT's (or the loaded artifact's)
    // statement functions of exactly this emission, with the arguments
    // `emit` gave them; groups and block-local sizes come from the same
    // schedule.
    unsafe { Plan::new(entries, groups, sched.threads, Signature::of(spec)) }
}

/// A compiled kernel with its buffers bound: launch it repeatedly.
pub struct Bound<'a> {
    kernel: &'a CompiledKernel,
    bufs: Vec<HostTensor>,
    /// Cache evictor buffer, allocated on first use.
    evict: Vec<u8>,
}

impl CompiledKernel {
    /// Statements in the kernel (= launches per run).
    pub fn launches(&self) -> usize {
        self.plan.launches()
    }

    /// The kernel's arguments.
    pub fn signature(&self) -> &Signature {
        self.plan.signature()
    }

    /// Threads its launches use.
    pub fn threads(&self) -> usize {
        self.plan.threads()
    }

    /// Allocates buffers for one run: copies of `inputs` (declaration
    /// order), outputs and temporaries.
    pub fn bind(&self, inputs: &[HostTensor]) -> Result<Bound<'_>, CpuError> {
        let bufs = self.plan.signature().host_buffers(inputs)?;
        Ok(Bound {
            kernel: self,
            bufs,
            evict: Vec::new(),
        })
    }

    /// Runs once on `inputs` and returns the outputs in declaration order.
    pub fn run(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, CpuError> {
        let mut b = self.bind(inputs)?;
        b.launch()?;
        Ok(b.outputs())
    }

    /// Runs on borrowed views (checked), no copies.
    pub fn run_views(
        &self,
        inputs: &[kiln_device::TensorRef<'_>],
        outputs: &mut [kiln_device::TensorMut<'_>],
    ) -> Result<(), CpuError> {
        Ok(self.plan.run_views(inputs, outputs)?)
    }
}

impl Bound<'_> {
    /// Runs every statement in order; each launch's blocks are spread over
    /// the worker threads. A fused group runs block `b` of each of its
    /// statements, in order, on one worker.
    pub fn launch(&mut self) -> Result<(), CpuError> {
        let ptrs: Vec<*mut u8> = self.bufs.iter_mut().map(data_ptr).collect();
        // SAFETY: the buffers were made for the kernel's signature.
        Ok(unsafe { self.kernel.plan.launch_all(&ptrs) }?)
    }

    /// Evicts the caches from every worker thread of the kernel's pool:
    /// each writes its share of a [`kiln_device::EVICT_BYTES`] buffer, so
    /// private caches of every core running the kernel and the shared
    /// last-level cache are flushed of the kernel's data.
    pub fn evict(&mut self) {
        let threads = self.kernel.plan.threads();
        if self.evict.is_empty() {
            self.evict = vec![0u8; kiln_device::EVICT_BYTES];
        }
        let share = self.evict.len().div_ceil(threads);
        let chunks: Vec<Mutex<&mut [u8]>> = self.evict.chunks_mut(share).map(Mutex::new).collect();
        pool(threads).broadcast(|ctx| {
            if let Some(c) = chunks.get(ctx.index()) {
                kiln_device::touch(&mut c.lock().unwrap_or_else(|p| p.into_inner()));
            }
        });
    }
}

impl Bound<'_> {
    /// Fills outputs and temporaries with [`HostTensor::sentinel`]: a kernel
    /// that skips part of its output leaves it visible.
    pub fn fill_sentinel(&mut self) {
        for (i, t) in self.kernel.plan.signature().sentinels() {
            self.bufs[i] = t;
        }
    }

    /// Copies of the outputs, in declaration order.
    pub fn outputs(&self) -> Vec<HostTensor> {
        self.kernel
            .plan
            .signature()
            .outputs
            .iter()
            .map(|&t| self.bufs[t].clone())
            .collect()
    }
}
