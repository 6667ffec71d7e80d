//! The block-parallel launcher every CPU kernel runs on, JIT-compiled
//! (`kiln-cpu`) or loaded from an artifact ([`crate::Library`]).
//!
//! A kernel is a list of entry points `fn(ptr..., lo: i64, hi: i64)` that
//! compute blocks `lo..hi` of a statement, grouped into launches: each
//! group's blocks are taken from an atomic counter by the workers of a
//! rayon pool (16 MiB stacks, for pack buffers); a fused group runs block
//! `b` of each of its statements on one worker. Blocks own disjoint output
//! tiles, so no data is shared between workers but read-only inputs.

use kiln_device::{DeviceError, Signature};
use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// One statement's entry point.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Address of the machine code (`fn(ptr..., i64, i64)`).
    pub addr: usize,
    /// Tensor indices passed, in order.
    pub args: Vec<usize>,
    /// Takes the error flag after the tensors (it divides i32 values).
    pub err_flag: bool,
}

/// Statements launched together, block by block.
#[derive(Clone, Debug)]
pub struct Group {
    /// Entry indices.
    pub stmts: std::ops::Range<usize>,
    /// Blocks of the launch.
    pub blocks: usize,
    /// Block-local temporaries: (tensor index, bytes of one block's buffer).
    pub local: Vec<(usize, usize)>,
}

/// A kernel ready to launch: entries, groups, threads and its signature.
/// Built only by [`Plan::new`], whose caller vouches for the code, so the
/// checked entry points ([`Plan::run`], [`Plan::run_views`]) are safe.
#[derive(Clone, Debug)]
pub struct Plan {
    entries: Vec<Entry>,
    groups: Vec<Group>,
    threads: usize,
    signature: Signature,
}

/// The shared pool of `threads` workers (one per thread count, 16 MiB
/// stacks), created on first use.
pub fn pool(threads: usize) -> Arc<rayon::ThreadPool> {
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

impl Plan {
    fn launch_group(&self, g: &Group, ptrs: &[*mut u8], flag: *mut i32) {
        if g.blocks == 0 {
            // An epilogue: it ran inside the previous launch.
            return;
        }
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
                                    .map(|&t| p[t])
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

impl Plan {
    /// A plan over machine code.
    ///
    /// # Safety
    /// Every entry's `addr` must be the address of a function
    /// `extern "C" fn(*mut u8 x args.len() [+ 1 with err_flag], i64, i64)`
    /// that computes blocks `lo..hi` of its statement on buffers of the
    /// signature's shapes and touches nothing else, alive as long as the
    /// plan; groups must cover the entries in order, their block-local
    /// buffers sized for one block.
    pub unsafe fn new(
        entries: Vec<Entry>,
        groups: Vec<Group>,
        threads: usize,
        signature: Signature,
    ) -> Plan {
        Plan {
            entries,
            groups,
            threads: threads.max(1),
            signature,
        }
    }

    /// The kernel's tensors.
    pub fn signature(&self) -> &Signature {
        &self.signature
    }

    /// Worker threads.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Launches per run.
    pub fn launches(&self) -> usize {
        self.entries.len()
    }

    /// Runs once on copies of `inputs` (declaration order, checked) and
    /// returns the outputs.
    pub fn run(
        &self,
        inputs: &[kiln_tensor::HostTensor],
    ) -> Result<Vec<kiln_tensor::HostTensor>, DeviceError> {
        let mut bufs = self.signature.host_buffers(inputs)?;
        let ptrs: Vec<*mut u8> = bufs.iter_mut().map(data_ptr).collect();
        // SAFETY: the buffers were made for the signature's shapes.
        unsafe { self.launch_all(&ptrs)? };
        Ok(self
            .signature
            .outputs
            .iter()
            .map(|&t| {
                std::mem::replace(
                    &mut bufs[t],
                    kiln_tensor::HostTensor::zeros(kiln_ir::DType::I32, vec![0]),
                )
            })
            .collect())
    }

    /// Runs on borrowed inputs into caller-provided outputs (declaration
    /// order), with no copies; checked against the signature.
    pub fn run_views(
        &self,
        inputs: &[kiln_device::TensorRef<'_>],
        outputs: &mut [kiln_device::TensorMut<'_>],
    ) -> Result<(), DeviceError> {
        let sig = &self.signature;
        sig.check_views(inputs, outputs)?;
        let mut ptrs = vec![std::ptr::null_mut::<u8>(); sig.tensors.len()];
        for (&t, x) in sig.inputs.iter().zip(inputs) {
            // Inputs are never written: only statement targets (outputs and
            // temporaries) are stores in the generated code.
            ptrs[t] = x.as_ptr() as *mut u8;
        }
        for (&t, x) in sig.outputs.iter().zip(outputs.iter_mut()) {
            ptrs[t] = x.as_mut_ptr();
        }
        // SAFETY: the views were checked against the signature (dtype,
        // shape, length); `&mut` outputs cannot alias each other or the
        // shared inputs; temporaries are allocated by `launch_ptrs`.
        unsafe { self.launch_ptrs(&ptrs) }
    }

    /// Runs on caller memory: `ptrs[t]` is the buffer of tensor `t` (inputs
    /// read, outputs written); temporaries not given (null) are allocated
    /// here for the run.
    ///
    /// # Safety
    /// The entries must be machine code of the signature's kernel; every
    /// non-null pointer must address a buffer of its tensor's dtype and
    /// shape, valid for the whole call; outputs must not alias anything.
    pub unsafe fn launch_ptrs(&self, ptrs: &[*mut u8]) -> Result<(), DeviceError> {
        let mut temps: Vec<Vec<u64>> = Vec::new();
        let mut p = ptrs.to_vec();
        for (t, q) in p.iter_mut().enumerate() {
            if q.is_null() {
                let bytes = self.signature.tensors[t].bytes() as usize;
                temps.push(vec![0u64; bytes.div_ceil(8).max(1)]);
                *q = temps.last_mut().expect("pushed").as_mut_ptr() as *mut u8;
            }
        }
        // SAFETY: as this function's contract; temporaries are ours.
        unsafe { self.launch_all(&p) }
    }

    /// Runs every group on the pool over the buffers `ptrs` (by tensor id).
    /// A statement that divides an i32 by zero sets the launch's error flag;
    /// the run stops after its group with the error naming it.
    ///
    /// # Safety
    /// As [`Plan::launch_ptrs`], with every pointer non-null.
    pub unsafe fn launch_all(&self, ptrs: &[*mut u8]) -> Result<(), DeviceError> {
        let flag = AtomicI32::new(0);
        for g in &self.groups {
            self.launch_group(g, ptrs, flag.as_ptr());
            self.signature.check_flag(flag.load(Ordering::Relaxed))?;
        }
        Ok(())
    }
}

/// The data pointer of a host tensor.
pub fn data_ptr(t: &mut kiln_tensor::HostTensor) -> *mut u8 {
    use kiln_tensor::Data;
    match &mut t.data {
        Data::F16(v) => v.as_mut_ptr() as *mut u8,
        Data::F32(v) => v.as_mut_ptr() as *mut u8,
        Data::F64(v) => v.as_mut_ptr() as *mut u8,
        Data::I32(v) => v.as_mut_ptr() as *mut u8,
    }
}
