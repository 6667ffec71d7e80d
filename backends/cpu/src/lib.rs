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
use kiln_schedule::{Schedule, ScheduleError};
use kiln_tensor::{Data, HostTensor};
use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
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

/// One statement's compiled entry point.
struct Entry {
    addr: usize,
    args: Vec<TensorId>,
    /// Takes the error flag after the tensors (it divides i32 values).
    err_flag: bool,
}

/// Statements launched together, block by block.
struct Group {
    stmts: std::ops::Range<usize>,
    blocks: usize,
    /// Block-local temporaries: (tensor index, bytes of one block's buffer).
    local: Vec<(usize, usize)>,
}

/// A JIT-compiled kernel, ready to run on host tensors of the shapes it was
/// specialized for. Not `Send` (it owns an LLVM context).
pub struct CompiledKernel {
    _jit: JitCell,
    entries: Vec<Entry>,
    groups: Vec<Group>,
    threads: usize,
    signature: Signature,
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
        Ok(CpuCompiler {
            mlir: Mlir::new(),
            tm: host_tm()?,
            device: CpuDevice::host(),
        })
    }

    /// The device compiled for.
    pub fn device(&self) -> &CpuDevice {
        &self.device
    }

    fn optimize(&self, ctx: &Context, m: &inkwell::module::Module<'_>) -> Result<(), CpuError> {
        m.set_triple(&self.tm.get_triple());
        m.set_data_layout(&self.tm.get_target_data().get_data_layout());
        let cpu = self.tm.get_cpu().to_string_lossy().into_owned();
        let feats = self.tm.get_feature_string().to_string_lossy().into_owned();
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
        m.run_passes("default<O3>", &self.tm, PassBuilderOptions::create())
            .map_err(|e| CpuError::Llvm(e.to_string()))
    }

    /// Shows one compilation stage as text (or object bytes for [`Stage::Obj`]).
    pub fn emit(
        &self,
        spec: &Specialized<'_>,
        sched: &Schedule,
        stage: Stage,
    ) -> Result<Vec<u8>, CpuError> {
        sched.validate(spec, &self.device.limits())?;
        let e = kiln_mlir::emit(spec, sched);
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
        let e = kiln_mlir::emit(spec, sched);
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
        let k = spec.kernel;
        let entries = e
            .stmts
            .iter()
            .zip(addrs)
            .map(|(s, addr)| Entry {
                addr,
                args: s.args.clone(),
                err_flag: s.err_flag,
            })
            .collect();
        let local = kiln_schedule::local_temps(spec, sched);
        let groups = kiln_schedule::groups(sched)
            .into_iter()
            .map(|g| Group {
                blocks: sched.blocks(spec, g.start),
                local: local
                    .iter()
                    .filter(|(t, _)| g.clone().any(|i| k.stmts[i].target == *t))
                    .map(|(t, shape)| {
                        let bytes =
                            shape.iter().product::<usize>() * k.tensors[*t].dtype.size_bytes();
                        (t.into_raw().into_u32() as usize, bytes)
                    })
                    .collect(),
                stmts: g,
            })
            .collect();
        let compiled = CompiledKernel {
            _jit: jit,
            entries,
            groups,
            threads: sched.threads,
            signature: Signature::of(spec),
            compile_time: start.elapsed(),
        };
        Ok(compiled)
    }
}

fn pool(threads: usize) -> Arc<rayon::ThreadPool> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let pools = POOLS.get_or_init(Default::default);
    let mut map = pools.lock().unwrap_or_else(|p| p.into_inner());
    map.entry(threads)
        .or_insert_with(|| {
            Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("kiln-cpu-{i}"))
                    // Pack buffers live on the stack (at most 4 MiB each).
                    .stack_size(16 << 20)
                    .build()
                    .expect("thread pool"),
            )
        })
        .clone()
}

/// Raw buffer pointers shared by the workers of one launch. Blocks write
/// disjoint output tiles and only read other buffers.
struct Ptrs(Vec<*mut u8>);
unsafe impl Send for Ptrs {}
unsafe impl Sync for Ptrs {}

impl Ptrs {
    fn get(&self) -> &[*mut u8] {
        &self.0
    }
}

/// Calls a statement entry with `n` buffer arguments and a block range.
///
/// # Safety
/// `addr` must be a JIT-compiled statement function taking exactly
/// `p.len()` pointers and two i64, and every pointer must address a buffer
/// of the shape it was compiled for (the error flag: one i32).
unsafe fn call(addr: usize, p: &[*mut u8], lo: i64, hi: i64) {
    type P = *mut u8;
    macro_rules! arity {
        ($($i:literal),*) => {{
            let f: extern "C" fn($(arity!(@t $i),)* i64, i64) = std::mem::transmute(addr);
            f($(p[$i],)* lo, hi)
        }};
        (@t $i:literal) => { P };
    }
    match p.len() {
        1 => arity!(0),
        2 => arity!(0, 1),
        3 => arity!(0, 1, 2),
        4 => arity!(0, 1, 2, 3),
        5 => arity!(0, 1, 2, 3, 4),
        6 => arity!(0, 1, 2, 3, 4, 5),
        7 => arity!(0, 1, 2, 3, 4, 5, 6),
        8 => arity!(0, 1, 2, 3, 4, 5, 6, 7),
        9 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8),
        10 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
        11 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        12 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        13 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        14 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13),
        15 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14),
        16 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
        17 => arity!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
        // `kiln_schedule::Schedule::validate` rejects such statements (at
        // most 16 tensors, plus the error flag).
        n => unreachable!("statement with {n} arguments: at most 17 are supported"),
    }
}

fn data_ptr(t: &mut HostTensor) -> *mut u8 {
    match &mut t.data {
        Data::F16(v) => v.as_mut_ptr() as *mut u8,
        Data::F32(v) => v.as_mut_ptr() as *mut u8,
        Data::F64(v) => v.as_mut_ptr() as *mut u8,
        Data::I32(v) => v.as_mut_ptr() as *mut u8,
    }
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
        self.entries.len()
    }

    /// The kernel's arguments.
    pub fn signature(&self) -> &Signature {
        &self.signature
    }

    /// Threads its launches use.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Allocates buffers for one run: copies of `inputs` (declaration
    /// order), outputs and temporaries.
    pub fn bind(&self, inputs: &[HostTensor]) -> Result<Bound<'_>, CpuError> {
        let bufs = self.signature.host_buffers(inputs)?;
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

    /// Runs on caller memory: `ptrs[t]` is the buffer of tensor `t` (inputs
    /// read, outputs written); temporaries not given (null) are allocated
    /// here for the run.
    ///
    /// # Safety
    /// Every non-null pointer must address a buffer of its tensor's dtype
    /// and shape, valid for the whole call; outputs must not alias anything.
    pub(crate) unsafe fn launch_ptrs(&self, ptrs: &[*mut u8]) -> Result<(), CpuError> {
        let mut temps: Vec<Vec<u64>> = Vec::new();
        let mut p = ptrs.to_vec();
        for (t, q) in p.iter_mut().enumerate() {
            if q.is_null() {
                let bytes = self.signature.tensors[t].bytes() as usize;
                temps.push(vec![0u64; bytes.div_ceil(8).max(1)]);
                *q = temps.last_mut().expect("pushed").as_mut_ptr() as *mut u8;
            }
        }
        self.launch_all(&p)
    }

    /// Runs every group on the pool over the buffers `ptrs` (by tensor id).
    /// A statement that divides an i32 by zero sets the launch's error flag;
    /// the run stops after its group with the error naming it.
    fn launch_all(&self, ptrs: &[*mut u8]) -> Result<(), CpuError> {
        let flag = AtomicI32::new(0);
        for g in &self.groups {
            self.launch_group(g, ptrs, flag.as_ptr());
            self.signature.check_flag(flag.load(Ordering::Relaxed))?;
        }
        Ok(())
    }
}

impl Bound<'_> {
    /// Runs every statement in order; each launch's blocks are spread over
    /// the worker threads. A fused group runs block `b` of each of its
    /// statements, in order, on one worker.
    pub fn launch(&mut self) -> Result<(), CpuError> {
        let ptrs: Vec<*mut u8> = self.bufs.iter_mut().map(data_ptr).collect();
        self.kernel.launch_all(&ptrs)
    }

    /// Evicts the caches from every worker thread of the kernel's pool:
    /// each writes its share of a [`kiln_device::EVICT_BYTES`] buffer, so
    /// private caches of every core running the kernel and the shared
    /// last-level cache are flushed of the kernel's data.
    pub fn evict(&mut self) {
        let threads = self.kernel.threads.max(1);
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

impl CompiledKernel {
    fn launch_group(&self, g: &Group, ptrs: &[*mut u8], flag: *mut i32) {
        {
            let entries = &self.entries[g.stmts.clone()];
            let blocks = g.blocks;
            let shared = Ptrs(ptrs.to_vec());
            // An address (raw pointers are not `Sync`); the flag outlives the launch.
            let flag_addr = flag as usize;
            // Each worker gets its own buffers for block-local temporaries.
            let worker = || -> (Vec<Vec<u64>>, Vec<(usize, Ptrs)>) {
                let mut scratch: Vec<Vec<u64>> = g
                    .local
                    .iter()
                    .map(|(_, b)| vec![0u64; b.div_ceil(8)])
                    .collect();
                let mut p = shared.get().to_vec();
                for ((t, _), buf) in g.local.iter().zip(&mut scratch) {
                    p[*t] = buf.as_mut_ptr() as *mut u8;
                }
                let calls = entries
                    .iter()
                    .map(|e| {
                        (
                            e.addr,
                            Ptrs(
                                e.args
                                    .iter()
                                    .map(|t| p[t.into_raw().into_u32() as usize])
                                    .chain(e.err_flag.then_some(flag_addr as *mut u8))
                                    .collect(),
                            ),
                        )
                    })
                    .collect();
                (scratch, calls)
            };
            let run = |calls: &[(usize, Ptrs)], lo: usize, hi: usize| {
                if calls.len() == 1 {
                    // SAFETY: entry and buffers come from the same compilation.
                    unsafe { call(calls[0].0, calls[0].1.get(), lo as i64, hi as i64) };
                    return;
                }
                for b in lo..hi {
                    for (addr, args) in calls {
                        // SAFETY: as above; fused statements only read rows of
                        // the group's results that the same block produced.
                        unsafe { call(*addr, args.get(), b as i64, b as i64 + 1) };
                    }
                }
            };
            // Always on the pool, even with one thread: its workers have the
            // large stacks that pack buffers need.
            let threads = self.threads.min(blocks).max(1);
            let next = AtomicUsize::new(0);
            let grain = (blocks / (threads * 8)).max(1);
            pool(threads).broadcast(|_| {
                let (_scratch, calls) = worker();
                loop {
                    let b = next.fetch_add(grain, Ordering::Relaxed);
                    if b >= blocks {
                        break;
                    }
                    // Blocks own disjoint output tiles.
                    run(&calls, b, (b + grain).min(blocks));
                }
            });
        }
    }
}

impl Bound<'_> {
    /// Fills outputs and temporaries with [`HostTensor::sentinel`]: a kernel
    /// that skips part of its output leaves it visible.
    pub fn fill_sentinel(&mut self) {
        for (i, t) in self.kernel.signature.sentinels() {
            self.bufs[i] = t;
        }
    }

    /// Copies of the outputs, in declaration order.
    pub fn outputs(&self) -> Vec<HostTensor> {
        self.kernel
            .signature
            .outputs
            .iter()
            .map(|&t| self.bufs[t].clone())
            .collect()
    }
}
