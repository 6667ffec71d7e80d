//! Schedules: the search points of the tuner and the input of code generation.
//!
//! A [`Schedule`] says, for every statement of a specialized kernel, how its
//! loop nest runs:
//! - `tile[v]`: block tile along each parallel variable; the tiles define the
//!   blocks of a launch (`block count = Π ceil(extent / tile)`), and each
//!   block owns its output tile exclusively, so blocks run on any thread in
//!   any order without atomics;
//! - `vector` / `vector_width`: which axis is vectorized (the last parallel
//!   variable, the last reduction variable, or none) and the lanes;
//! - `rows` x `vectors`: the register tile: `rows` consecutive values of the
//!   row variable (the parallel variable before the vector axis), each with
//!   `vectors` vectors of accumulators;
//! - `reduction_tile`: chunk of the first reduction variable (cache blocking
//!   of the reduction; 0 = no chunking). Chunks accumulate into the output;
//! - `unroll`: unroll factor of the innermost reduction loop.
//!
//! - `epilogue` (CPU): compute this elementwise statement in the previous
//!   reduction's register tile, on each result as it is final, and skip
//!   its own launch (see [`epilogue_blocker`]).
//! - `inline` (CPU): never store this cheap elementwise statement's
//!   temporary; its readers recompute the expression where they read it
//!   (see [`inline_blocker`]).
//! - `store` (CPU): `aligned` or `stream` (non-temporal) vector stores of
//!   an elementwise statement, each row's unaligned head peeled off (see
//!   [`StoreMode`]).
//! - `fuse`: run this statement in the same launch as the previous one:
//!   block `b` of every statement of a fused group runs on one worker, in
//!   statement order, so rows produced by one statement are consumed while
//!   still in cache.
//! - `stage` and `lag` (CPU, fused groups): row mode, the group run row by
//!   row in one function, statements sharing column loops and computing
//!   rows a step apart, so memory traffic and arithmetic overlap (see
//!   [`rows`]).
//!
//! On GPU-like devices (OpenCL; [`DeviceLimits::gpu`] is set) one block is
//! one work-item: the tiles are the work-item's share of the output, and
//! two more fields apply:
//! - `workgroup`: work-items per work-group along x (tiles of the last
//!   parallel variable) and y (tiles of the other parallel variables); the
//!   number of work-groups follows from the block count;
//! - `local`: stage the operand shared by a work-group's rows (see
//!   [`packable_read`]) in local memory, one chunk at a time, between
//!   barriers (the GPU form of `pack`; `pack` and `fuse` are CPU-only).
//!
//! `threads` caps the worker threads of the launch. Schedules are plain,
//! serializable data; [`Schedule::validate`] checks one against a kernel and
//! a device and names the offending field.

use kiln_ir::ast::AssignOp;
use kiln_ir::ir::{ExprKind, VarId};
use kiln_ir::{DType, Specialized};
use rand::Rng;
use serde::{Deserialize, Serialize};

mod blocking;
mod epilogue;
mod inline;
pub mod rows;
mod store;
pub use epilogue::{epilogue_blocker, epilogue_drops_target};
pub use inline::{inline_blocker, inlined_into, MAX_INLINE_NODES};
pub use rows::{row_mode, row_runner, row_stages, rows_blocker, RowKind};
pub use store::{store_blocker, StoreMode};

/// Which loop axis is vectorized.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VectorAxis {
    /// Scalar code.
    None,
    /// The last parallel variable (contiguous in the target).
    Parallel,
    /// The last reduction variable (horizontal reduction at the end).
    Reduction,
}

/// How one statement runs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StmtSchedule {
    /// Block tile per parallel variable (in target index order).
    pub tile: Vec<usize>,
    /// Vectorized axis.
    pub vector: VectorAxis,
    /// Lanes per vector (1 when `vector` is `none`).
    pub vector_width: usize,
    /// Register-tile rows.
    pub rows: usize,
    /// Vectors (or scalar columns when `vector` is `none`) per row.
    pub vectors: usize,
    /// Chunk of the first reduction variable; 0 = the whole range.
    pub reduction_tile: usize,
    /// Unroll factor of the innermost reduction loop.
    pub unroll: usize,
    /// Run in the same launch as the previous statement, block by block
    /// (see [`fusable`]): rows a block produces are consumed while in cache.
    #[serde(default)]
    pub fuse: bool,
    /// Copy the operand tile shared by all rows (see [`packable_read`]) into
    /// contiguous panels of `vectors x vector_width` columns per reduction
    /// chunk, so the register tile streams it from consecutive addresses.
    #[serde(default)]
    pub pack: bool,
    /// GPU-like devices only: work-group size `[x, y]` (x along the tiles
    /// of the last parallel variable). Empty on the CPU.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workgroup: Vec<usize>,
    /// GPU-like devices only: stage the shared operand tile in local memory.
    #[serde(default, skip_serializing_if = "is_false")]
    pub local: bool,
    /// CPU only: computed in the register tile of the previous statement,
    /// as each of its results is final (see [`epilogue_blocker`]); this
    /// statement then has no launch of its own and its other fields are
    /// unused.
    #[serde(default, skip_serializing_if = "is_false")]
    pub epilogue: bool,
    /// CPU only: this statement's temporary is never stored; every
    /// statement reading it computes its expression in place of the read
    /// (see [`inline_blocker`]). It has no launch of its own and its other
    /// fields are unused.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inline: bool,
    /// CPU only, elementwise statements: `aligned` peels each row's head so
    /// full vector stores are aligned; `stream` also makes them
    /// non-temporal (see [`StoreMode`], [`store_blocker`]).
    #[serde(default, skip_serializing_if = "StoreMode::is_plain")]
    pub store: StoreMode,
    /// CPU only: each full vector load from a tensor in memory first
    /// prefetches the element this many elements after it in the tensor's
    /// layout (0: none). Covers memory latency the hardware prefetcher
    /// leaves exposed in compute-heavy loops; a fused group's later
    /// statements can fetch the next block's rows (one block ahead).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub prefetch: usize,
    /// CPU only, fused groups: run in the column loop of statement `stage`
    /// of the group (this statement's own index: a stage of its own); the
    /// group then runs row by row in one function (see [`rows`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<usize>,
    /// CPU only, with `stage`: rows behind the stage's step, -1 to 1: a
    /// statement with `lag` 1 computes row r - 1 while the stage computes
    /// row r (its stores overlap the next row's work), one with -1 row
    /// r + 1 (its reads of memory overlap this row's work).
    #[serde(default, skip_serializing_if = "is_zero_i8")]
    pub lag: i8,
}

fn is_zero_i8(n: &i8) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a kernel runs: one entry per statement, plus the thread count.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Worker threads for each launch (at most the device's cores).
    pub threads: usize,
    /// Per statement, in order.
    pub stmts: Vec<StmtSchedule>,
}

/// What the schedule validator needs to know of a device.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeviceLimits {
    /// Hardware threads available.
    pub cores: usize,
    /// Native vector register width in bits (512 for AVX-512).
    pub vector_bits: usize,
    /// Level-1 data cache per core, bytes; 0 when unknown.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub l1d: usize,
    /// Level-2 cache per core, bytes; 0 when unknown.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub l2: usize,
    /// Work-group limits of a GPU-like (OpenCL) device; `None` on the CPU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<GpuLimits>,
}

/// Work-group limits of a GPU-like device, as the driver reports them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GpuLimits {
    /// Largest work-group (work-items).
    pub max_workgroup: usize,
    /// Largest work-group along x and y.
    pub max_items: [usize; 2],
    /// Local memory per work-group, bytes.
    pub local_mem: usize,
    /// Work-items that execute in lockstep (a warp: 32 on NVIDIA GPUs);
    /// 0 where the driver does not say (OpenCL). A SIMT device gets
    /// defaults and candidates in whole warps: 128-256 threads per group.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub warp: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A work-group of about 256 threads (whole warps where the grid allows)
/// for a SIMT device: 2-D grids get 32 x 8 (a block owns a 2-D patch of
/// output tiles), 1-D grids 256 x 1; never more than the grid needs.
fn simt_workgroup(gx: usize, gy: usize, g: &GpuLimits) -> Vec<usize> {
    let target = 256.min(g.max_workgroup).max(1);
    let wx = gx
        .next_power_of_two()
        .min(if gy > 1 { 32 } else { target })
        .min(g.max_items[0])
        .max(1);
    let wy = gy
        .next_power_of_two()
        .min(target / wx)
        .min(g.max_items[1])
        .max(1);
    vec![wx, wy]
}

/// Vector widths OpenCL C has types for (`floatN`).
pub const GPU_WIDTHS: [usize; 5] = [1, 2, 4, 8, 16];

/// A schedule that does not fit its kernel or device; `field` names the
/// offending field, e.g. `stmts[0].tile[1]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid schedule: `{field}`: {message}")]
pub struct ScheduleError {
    /// Path of the field.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

fn err(field: impl Into<String>, message: impl Into<String>) -> ScheduleError {
    ScheduleError {
        field: field.into(),
        message: message.into(),
    }
}

/// Largest lane count accepted (LLVM splits wider vectors).
pub const MAX_LANES: usize = 64;
/// Largest register tile (`rows * vectors`) accepted.
pub const MAX_REG_TILE: usize = 64;
/// Largest `threads` accepted, whatever the device.
pub const MAX_THREADS: usize = 4096;
/// Largest prefetch distance, in elements.
pub const MAX_PREFETCH: usize = 1 << 24;
/// Most distinct tensors one statement may read and write on the CPU (the
/// backend calls a statement's entry with one pointer per tensor).
pub const MAX_STMT_TENSORS: usize = 16;

/// Distinct tensors statement `stmt` reads or writes (its target first).
pub fn stmt_tensors(spec: &Specialized<'_>, stmt: usize) -> Vec<kiln_ir::ir::TensorId> {
    let k = spec.kernel;
    let s = &k.stmts[stmt];
    let mut out = vec![s.target];
    k.walk(s.value, &mut |_, e| {
        if let ExprKind::Read { tensor, .. } = &e.kind {
            if !out.contains(tensor) {
                out.push(*tensor);
            }
        }
    });
    out
}

/// True when every read of statement `stmt` is either invariant in `var` or
/// indexes with `var` only in its last dimension with coefficient 1, so a
/// vector of consecutive `var` values is one contiguous load. The target is
/// contiguous in its last parallel variable by construction.
pub fn contiguous_in(spec: &Specialized<'_>, stmt: usize, var: VarId) -> bool {
    let k = spec.kernel;
    let s = &k.stmts[stmt];
    let mut ok = true;
    k.walk(s.value, &mut |_, e| {
        if let ExprKind::Read { index, .. } = &e.kind {
            for (axis, a) in index.iter().enumerate() {
                let (terms, _) = spec.affine(a);
                let coef: i64 = terms
                    .iter()
                    .filter(|(v, _)| *v == var)
                    .map(|(_, c)| c)
                    .sum();
                let uses = terms.iter().any(|(v, c)| *v == var && *c != 0);
                if uses && !(axis + 1 == index.len() && coef == 1) {
                    ok = false;
                }
            }
        }
    });
    ok
}

/// True when statement `i` may join the fused group of statement `i - 1`
/// with row tile `tile0`: both have a first parallel variable of the same
/// extent, and every read in statement `i` of a tensor written inside the
/// group indexes its first dimension with exactly that variable. Blocks of a
/// fused group tile only the first parallel variable (the other tiles span
/// their whole extent), so block `b` of each statement covers the same rows.
pub fn fusable(spec: &Specialized<'_>, group: std::ops::Range<usize>, i: usize) -> bool {
    let k = spec.kernel;
    let s = &k.stmts[i];
    if s.n_parallel == 0 || group.is_empty() || group.end != i {
        return false;
    }
    let e0 = spec.domain(i)[0];
    let mut ok = true;
    for j in group.clone() {
        let p = &k.stmts[j];
        if p.n_parallel == 0 || spec.domain(j)[0] != e0 {
            return false;
        }
    }
    let produced: Vec<_> = group.map(|j| k.stmts[j].target).collect();
    k.walk(s.value, &mut |_, e| {
        if let ExprKind::Read { tensor, index } = &e.kind {
            if produced.contains(tensor) && index.first().and_then(|a| a.as_plain()) != Some(0) {
                ok = false;
            }
        }
    });
    ok
}

/// The tensor that `pack` can copy into panels for statement `i`: with one
/// reduction variable `r` and the last parallel variable `c`, a tensor read
/// whose last index is `c` plus a constant and whose other indices depend
/// on `r` only, and on `r` somewhere. In a matmul, `b[k, j]`. Every read
/// of that tensor in the statement, before or after the first such read,
/// must have exactly that index: the packed load stands for all of them
/// (so `b[i, j] * a[i, k] * b[k, j]` packs nothing).
pub fn packable_read(spec: &Specialized<'_>, i: usize) -> Option<kiln_ir::ir::TensorId> {
    let k = spec.kernel;
    let s = &k.stmts[i];
    let np = s.n_parallel;
    if np == 0 || s.vars.len() != np + 1 {
        return None;
    }
    let (c, r) = ((np - 1) as VarId, np as VarId);
    let mut reads: Vec<(kiln_ir::ir::TensorId, Vec<kiln_ir::ir::Affine>)> = Vec::new();
    k.walk(s.value, &mut |_, e| {
        if let ExprKind::Read { tensor, index } = &e.kind {
            reads.push((*tensor, index.clone()));
        }
    });
    let qualifies = |index: &[kiln_ir::ir::Affine]| {
        let Some((last, rest)) = index.split_last() else {
            return false;
        };
        let (lt, _) = spec.affine(last);
        let last_ok = lt.iter().all(|(v, cf)| *v == c && *cf == 1) && lt.len() == 1;
        let mut uses_r = false;
        let rest_ok = rest.iter().all(|a| {
            let (t, _) = spec.affine(a);
            uses_r |= t.iter().any(|(v, _)| *v == r);
            t.iter().all(|(v, _)| *v == r)
        });
        last_ok && rest_ok && uses_r
    };
    // The same index means the same concrete affine map (spans differ).
    let concrete = |ix: &[kiln_ir::ir::Affine]| -> Vec<(Vec<(VarId, i64)>, i64)> {
        ix.iter()
            .map(|a| {
                let (mut t, o) = spec.affine(a);
                t.retain(|(_, c)| *c != 0);
                t.sort_unstable();
                (t, o)
            })
            .collect()
    };
    let (tensor, index) = reads.iter().find(|(_, ix)| qualifies(ix))?;
    let want = concrete(index);
    reads
        .iter()
        .filter(|(t, _)| t == tensor)
        .all(|(_, ix)| concrete(ix) == want)
        .then_some(*tensor)
}

/// Bytes of the pack buffer of statement `i` (compute type, one panel set
/// per reduction chunk). Lives on the worker's stack. Saturates at
/// `usize::MAX` instead of overflowing.
pub fn pack_bytes(spec: &Specialized<'_>, st: &StmtSchedule, i: usize) -> usize {
    let np = spec.kernel.stmts[i].n_parallel;
    let ext = spec.domain(i);
    let nrw = st.vectors.saturating_mul(st.vector_width).max(1);
    let kc = if st.reduction_tile > 0 {
        st.reduction_tile
    } else {
        ext[np]
    };
    let elem = if spec.kernel.tensors[spec.kernel.stmts[i].target].dtype == DType::F64 {
        8
    } else {
        4
    };
    st.tile[np - 1]
        .div_ceil(nrw)
        .saturating_mul(nrw)
        .saturating_mul(kc)
        .saturating_mul(elem)
}

/// Largest pack buffer accepted (worker stacks are 16 MiB).
pub const MAX_PACK_BYTES: usize = 4 << 20;

/// Statement groups of a schedule (consecutive statements joined by `fuse`).
pub fn groups(sched: &Schedule) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, st) in sched.stmts.iter().enumerate() {
        match out.last_mut() {
            Some(g) if st.fuse => g.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Temporaries that live per block: written and read only inside one fused
/// group. Each worker keeps a block-sized buffer for them (first dimension
/// `tile[0]`, indexed relative to the block's first row) instead of a full
/// tensor, so they never leave the cache. Returns (tensor, block shape).
pub fn local_temps(
    spec: &Specialized<'_>,
    sched: &Schedule,
) -> Vec<(kiln_ir::ir::TensorId, Vec<usize>)> {
    let k = spec.kernel;
    let mut out = Vec::new();
    for g in groups(sched) {
        if g.len() < 2 {
            continue;
        }
        for j in g.clone() {
            let t = k.stmts[j].target;
            if k.tensors[t].kind != kiln_ir::ir::TensorKind::Temp {
                continue;
            }
            let read_outside = (0..k.stmts.len()).any(|i| !g.contains(&i) && k.reads(i, t));
            if !read_outside {
                let mut shape = spec.shape(t).to_vec();
                shape[0] = sched.stmts[j].tile[0].min(shape[0]);
                out.push((t, shape));
            }
        }
    }
    out
}

/// Vector axes legal for statement `stmt`.
pub fn legal_axes(spec: &Specialized<'_>, stmt: usize) -> Vec<VectorAxis> {
    let s = &spec.kernel.stmts[stmt];
    let mut v = vec![VectorAxis::None];
    if s.n_parallel >= 1 && contiguous_in(spec, stmt, (s.n_parallel - 1) as VarId) {
        v.push(VectorAxis::Parallel);
    }
    if s.vars.len() > s.n_parallel
        && s.op != AssignOp::Assign
        && contiguous_in(spec, stmt, (s.vars.len() - 1) as VarId)
    {
        v.push(VectorAxis::Reduction);
    }
    v
}

/// The register-tile row variable for an axis, if the statement has one:
/// the parallel variable before the column (vector or scalar) axis.
pub fn row_var(spec: &Specialized<'_>, stmt: usize, axis: VectorAxis) -> Option<VarId> {
    let np = spec.kernel.stmts[stmt].n_parallel;
    match axis {
        VectorAxis::Reduction => (np >= 1).then(|| (np - 1) as VarId),
        // Scalar code walks the last parallel variable as columns.
        _ => (np >= 2).then(|| (np - 2) as VarId),
    }
}

fn elem_bits(t: DType) -> usize {
    match t {
        DType::F64 => 64,
        // f16 is computed in f32.
        _ => 32,
    }
}

impl Schedule {
    /// Checks the schedule against the kernel and the device.
    pub fn validate(
        &self,
        spec: &Specialized<'_>,
        dev: &DeviceLimits,
    ) -> Result<(), ScheduleError> {
        let k = spec.kernel;
        let max_threads = dev.cores.max(1).saturating_mul(4).min(MAX_THREADS);
        if self.threads == 0 || self.threads > max_threads {
            return Err(err(
                "threads",
                format!(
                    "{} is outside 1..={max_threads} (4 per core, at most {MAX_THREADS})",
                    self.threads,
                ),
            ));
        }
        if self.stmts.len() != k.stmts.len() {
            return Err(err(
                "stmts",
                format!(
                    "kernel `{}` has {} statements, the schedule {}",
                    k.name,
                    k.stmts.len(),
                    self.stmts.len()
                ),
            ));
        }
        for (i, (s, st)) in k.stmts.iter().zip(&self.stmts).enumerate() {
            let f = |name: &str| format!("stmts[{i}].{name}");
            let ext = spec.domain(i);
            let tensors = stmt_tensors(spec, i).len();
            if dev.gpu.is_none() && tensors > MAX_STMT_TENSORS {
                return Err(err(
                    format!("stmts[{i}]"),
                    format!("the statement reads and writes {tensors} distinct tensors; the CPU backend supports at most {MAX_STMT_TENSORS} tensors per statement"),
                ));
            }
            if st.tile.len() != s.n_parallel {
                return Err(err(
                    f("tile"),
                    format!(
                        "needs {} entries (one per parallel variable), has {}",
                        s.n_parallel,
                        st.tile.len()
                    ),
                ));
            }
            for (v, (&t, &e)) in st.tile.iter().zip(ext).enumerate() {
                if t == 0 || t > e {
                    return Err(err(
                        format!("stmts[{i}].tile[{v}]"),
                        format!(
                            "{t} is outside 1..={e} (the extent of `{}`)",
                            s.vars[v].name
                        ),
                    ));
                }
            }
            if !legal_axes(spec, i).contains(&st.vector) {
                return Err(err(
                    f("vector"),
                    format!("{:?} is not legal here: a read is not contiguous along that axis, or there is no such axis", st.vector),
                ));
            }
            let w = st.vector_width;
            if st.vector == VectorAxis::None && w != 1 {
                return Err(err(f("vector_width"), "must be 1 when `vector` is none"));
            }
            if !w.is_power_of_two() || w > MAX_LANES {
                return Err(err(
                    f("vector_width"),
                    format!("{w} is not a power of two up to {MAX_LANES}"),
                ));
            }
            let bits = elem_bits(k.tensors[s.target].dtype) * w;
            if bits > dev.vector_bits.saturating_mul(4) {
                return Err(err(
                    f("vector_width"),
                    format!(
                        "{w} lanes are {bits} bits, more than 4 native {}-bit registers",
                        dev.vector_bits
                    ),
                ));
            }
            for (name, n) in [("rows", st.rows), ("vectors", st.vectors)] {
                if n == 0 || n > MAX_REG_TILE {
                    return Err(err(f(name), format!("{n} is outside 1..={MAX_REG_TILE}")));
                }
            }
            if st
                .rows
                .checked_mul(st.vectors)
                .is_none_or(|n| n > MAX_REG_TILE)
            {
                return Err(err(
                    f("rows"),
                    format!(
                        "rows x vectors = {} x {} must be between 1 and {MAX_REG_TILE}",
                        st.rows, st.vectors
                    ),
                ));
            }
            if st.vectors > 1 && s.n_parallel == 0 && st.vector != VectorAxis::Reduction {
                // Without a column axis every "column" is the same point:
                // duplicate accumulators (which also sent LLVM's loop
                // vectorizer into exponential time).
                return Err(err(
                    f("vectors"),
                    "must be 1: a rank-0 statement has no column axis (vectorize the reduction instead)",
                ));
            }
            if st.rows > 1 && row_var(spec, i, st.vector).is_none() {
                return Err(err(
                    f("rows"),
                    "must be 1: the statement has no row variable for this vector axis",
                ));
            }
            let nred = s.vars.len() - s.n_parallel;
            if st.reduction_tile > 0 && (nred == 0 || st.reduction_tile > ext[s.n_parallel]) {
                return Err(err(
                    f("reduction_tile"),
                    if nred == 0 {
                        "must be 0: the statement has no reduction".to_string()
                    } else {
                        format!(
                            "{} exceeds the extent {}",
                            st.reduction_tile, ext[s.n_parallel]
                        )
                    },
                ));
            }
            if st.fuse {
                let start = groups(self)
                    .into_iter()
                    .find(|g| g.contains(&i))
                    .map_or(i, |g| g.start);
                if i == 0 || !fusable(spec, start..i, i) {
                    return Err(err(
                        f("fuse"),
                        "this statement cannot join the previous statement's launch: it reads rows of the group's results that another block produces, or the first parallel variables differ",
                    ));
                }
                for j in start..=i {
                    let (sj, tj) = (&self.stmts[j], spec.domain(j));
                    if sj.tile[0] != st.tile[0] || sj.tile[1..] != tj[1..k.stmts[j].n_parallel] {
                        return Err(err(
                            f("tile"),
                            format!("statements of a fused group share tile[0] and tile the other parallel variables whole (statement {j} differs)"),
                        ));
                    }
                }
            }
            if st.epilogue {
                self.validate_epilogue(spec, dev.gpu.is_some(), i)?;
            }
            if st.inline {
                let f = f("inline");
                if dev.gpu.is_some() {
                    return Err(err(f, "CPU-only"));
                }
                if let Some(why) = inline_blocker(spec, i) {
                    return Err(err(f, format!("this statement cannot be inlined: {why}")));
                }
                if let Some(why) = inline::schedule_blocker(spec, self, i) {
                    return Err(err(f, format!("this statement cannot be inlined: {why}")));
                }
            }
            if !st.store.is_plain() {
                if dev.gpu.is_some() {
                    return Err(err(f("store"), "CPU-only"));
                }
                if let Some(why) = store_blocker(spec, st, i) {
                    return Err(err(
                        f("store"),
                        format!("{:?} stores are not possible here: {why}", st.store),
                    ));
                }
            }
            if st.prefetch > 0 {
                if dev.gpu.is_some() {
                    return Err(err(f("prefetch"), "CPU-only"));
                }
                if st.vector == VectorAxis::None {
                    return Err(err(
                        f("prefetch"),
                        "prefetching rides on vector loads: needs `vector` parallel or reduction",
                    ));
                }
                if st.prefetch > MAX_PREFETCH {
                    return Err(err(
                        f("prefetch"),
                        format!("{} is more than {MAX_PREFETCH} elements ahead", st.prefetch),
                    ));
                }
            }
            if st.fuse && i > 0 && self.stmts[i - 1].epilogue {
                return Err(err(
                    f("fuse"),
                    "the previous statement is an epilogue (it has no launch to join)",
                ));
            }
            if st.pack && dev.gpu.is_some() {
                return Err(err(
                    f("pack"),
                    "CPU-only; on OpenCL devices `local` stages the shared operand",
                ));
            }
            if st.pack {
                if st.vector != VectorAxis::Parallel || packable_read(spec, i).is_none() {
                    return Err(err(
                        f("pack"),
                        "needs `vector: parallel`, one reduction variable and a read shared by all rows (like `b[k, j]` in a matmul)",
                    ));
                }
                let bytes = pack_bytes(spec, st, i);
                if bytes > MAX_PACK_BYTES {
                    return Err(err(
                        f("pack"),
                        format!("the pack buffer would take {bytes} bytes (tile columns x reduction chunk); at most {MAX_PACK_BYTES}"),
                    ));
                }
            }
            match &dev.gpu {
                Some(g) => self.validate_gpu(spec, g, i)?,
                None => {
                    if !st.workgroup.is_empty() {
                        return Err(err(
                            f("workgroup"),
                            "only GPU-like (OpenCL) devices take a work-group size",
                        ));
                    }
                    if st.local {
                        return Err(err(f("local"), "only GPU-like (OpenCL) devices have local memory; use `pack` on the CPU"));
                    }
                }
            }
            if st.unroll == 0 || st.unroll > 16 {
                return Err(err(f("unroll"), format!("{} is outside 1..=16", st.unroll)));
            }
            if st.unroll > 1 && (nred == 0 || st.vector == VectorAxis::Reduction) {
                return Err(err(
                    f("unroll"),
                    "must be 1 without a reduction loop or when the reduction is vectorized",
                ));
            }
        }
        rows::validate_rows(spec, self, dev.gpu.is_some())
    }

    fn validate_epilogue(
        &self,
        spec: &Specialized<'_>,
        gpu: bool,
        i: usize,
    ) -> Result<(), ScheduleError> {
        let f = format!("stmts[{i}].epilogue");
        if gpu {
            return Err(err(f, "CPU-only"));
        }
        if let Some(why) = epilogue_blocker(spec, i) {
            return Err(err(
                f,
                format!(
                    "this statement cannot run in the previous statement's register tile: {why}"
                ),
            ));
        }
        if self.stmts[i].fuse {
            return Err(err(
                f,
                "an epilogue has no launch of its own: `fuse` must be false",
            ));
        }
        let np = spec.kernel.stmts[i].n_parallel;
        if self.stmts[i - 1].vector == VectorAxis::Parallel
            && !contiguous_in(spec, i, (np - 1) as VarId)
        {
            return Err(err(
                f,
                "the previous statement vectorizes its last parallel variable, along which a read of this one is not contiguous",
            ));
        }
        Ok(())
    }

    fn validate_gpu(
        &self,
        spec: &Specialized<'_>,
        g: &GpuLimits,
        i: usize,
    ) -> Result<(), ScheduleError> {
        let st = &self.stmts[i];
        let f = |name: &str| format!("stmts[{i}].{name}");
        if st.workgroup.len() != 2 {
            return Err(err(
                f("workgroup"),
                format!("needs 2 entries [x, y], has {}", st.workgroup.len()),
            ));
        }
        for (d, (&n, &max)) in st.workgroup.iter().zip(&g.max_items).enumerate() {
            if n == 0 || n > max {
                return Err(err(
                    format!("stmts[{i}].workgroup[{d}]"),
                    format!("{n} is outside 1..={max} (the device's limit)"),
                ));
            }
        }
        let items = st.workgroup[0].checked_mul(st.workgroup[1]);
        if items.is_none_or(|n| n > g.max_workgroup) {
            return Err(err(
                f("workgroup"),
                format!(
                    "{} x {} = {} work-items, more than the device's {}",
                    st.workgroup[0],
                    st.workgroup[1],
                    items.map_or_else(|| "too many".to_string(), |n| n.to_string()),
                    g.max_workgroup
                ),
            ));
        }
        if !GPU_WIDTHS.contains(&st.vector_width) {
            return Err(err(
                f("vector_width"),
                format!(
                    "{} has no OpenCL vector type (1, 2, 4, 8, 16)",
                    st.vector_width
                ),
            ));
        }
        let group = groups(self)
            .into_iter()
            .find(|g| g.contains(&i))
            .expect("every statement is in a group");
        if group.len() > 1 {
            let first = &self.stmts[group.start];
            if st.workgroup[1] != 1 || st.workgroup != first.workgroup {
                return Err(err(
                    f("workgroup"),
                    format!("a fused group is one launch over its row blocks: every statement takes the first one's work-group [{}, 1]", first.workgroup[0]),
                ));
            }
            if st.local {
                return Err(err(f("local"), "not available in a fused group"));
            }
        }
        if st.local {
            let np = spec.kernel.stmts[i].n_parallel;
            if st.vector != VectorAxis::Parallel || packable_read(spec, i).is_none() || np > 2 {
                return Err(err(
                    f("local"),
                    "needs `vector: parallel`, at most two parallel variables, one reduction variable and a read shared by all rows (like `b[k, j]` in a matmul)",
                ));
            }
            let bytes = pack_bytes(spec, st, i).saturating_mul(st.workgroup[0]);
            if bytes > g.local_mem {
                return Err(err(
                    f("local"),
                    format!(
                        "the staged tiles take {bytes} bytes of local memory (workgroup[0] x tile columns x reduction chunk); the device has {}",
                        g.local_mem
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Work-items of statement `i` on a GPU-like device before rounding up
    /// to whole work-groups: x = tiles of the last parallel variable,
    /// y = tiles of the others.
    pub fn grid(&self, spec: &Specialized<'_>, i: usize) -> [usize; 2] {
        if groups(self).iter().any(|g| g.len() > 1 && g.contains(&i)) {
            // A fused group's blocks are row blocks, numbered along x.
            return [self.blocks(spec, i), 1];
        }
        let ext = spec.domain(i);
        let t = &self.stmts[i].tile;
        match t.len() {
            0 => [1, 1],
            n => [
                ext[n - 1].div_ceil(t[n - 1]),
                (0..n - 1).map(|v| ext[v].div_ceil(t[v])).product(),
            ],
        }
    }

    /// A sensible schedule for any kernel: vectorize the contiguous axis at
    /// the native width, an 8 x 2-vector register tile for contractions,
    /// cache-sized block tiles, all cores; matmul-like statements get
    /// packed, cache-blocked tiles derived from the device's vector width
    /// and cache sizes; elementwise statements after a reduction run as its
    /// epilogue.
    pub fn default_for(spec: &Specialized<'_>, dev: &DeviceLimits) -> Schedule {
        if dev.gpu.is_some() {
            return Self::default_gpu(spec, dev);
        }
        let blocked = Self::default_cpu(spec, dev, true);
        if blocked.validate(spec, dev).is_ok() {
            return blocked;
        }
        Self::default_cpu(spec, dev, false)
    }

    /// The CPU default; `blocked`: matmul-like statements get the blocking
    /// derived from the device's caches (see the `blocking` module).
    fn default_cpu(spec: &Specialized<'_>, dev: &DeviceLimits, blocked: bool) -> Schedule {
        let k = spec.kernel;
        let mut stmts = Vec::new();
        for (i, s) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = s.n_parallel;
            let nred = s.vars.len() - np;
            let axes = legal_axes(spec, i);
            let native = (dev.vector_bits / elem_bits(k.tensors[s.target].dtype)).max(1);
            let lanes = |e: usize| native.min(prev_pow2(e)).max(1);
            let (vector, width) = if axes.contains(&VectorAxis::Parallel) && ext[np - 1] >= 4 {
                (VectorAxis::Parallel, lanes(ext[np - 1]))
            } else if axes.contains(&VectorAxis::Reduction) && ext[s.vars.len() - 1] >= 4 {
                (VectorAxis::Reduction, lanes(ext[s.vars.len() - 1]))
            } else {
                (VectorAxis::None, 1)
            };
            let rows = match (vector, row_var(spec, i, vector)) {
                (VectorAxis::Parallel, Some(r)) if nred > 0 => 8.min(ext[r as usize]),
                (VectorAxis::Reduction, Some(r)) => 4.min(ext[r as usize]),
                _ => 1,
            };
            let vectors = match vector {
                VectorAxis::Parallel if nred > 0 => 2,
                VectorAxis::Reduction => 2,
                _ => 1,
            };
            let mut tile: Vec<usize> = ext[..np].iter().map(|_| 1).collect();
            if np >= 1 {
                tile[np - 1] = ext[np - 1].min(if nred > 0 { 256 } else { 4096 });
            }
            if np >= 2 {
                tile[np - 2] = ext[np - 2].min(if nred > 0 { 64 } else { 8 });
            }
            if np >= 2 && nred == 0 && vector == VectorAxis::None {
                // An elementwise statement that cannot vectorize reads some
                // tensor across its rows (a transpose): square-ish cache
                // blocks, so each block's reads and writes stay in L1/L2
                // instead of touching a new line (and page) per element
                // along whole rows. 4096^2 f32 transpose: 95 -> 11 ms.
                tile[np - 1] = ext[np - 1].min(64);
                tile[np - 2] = ext[np - 2].min(256);
            }
            let reduction_tile = if nred > 0 && ext[np] > 512 && vector == VectorAxis::Parallel {
                256
            } else {
                0
            };
            let st = StmtSchedule {
                tile,
                vector,
                vector_width: width,
                rows,
                vectors,
                reduction_tile,
                unroll: 1,
                fuse: false,
                pack: false,
                workgroup: Vec::new(),
                local: false,
                epilogue: false,
                inline: false,
                store: StoreMode::Plain,
                prefetch: 0,
                stage: None,
                lag: 0,
            };
            let st = blocked
                .then(|| blocking::blocked(spec, i, dev))
                .flatten()
                .unwrap_or(st);
            stmts.push(st);
        }
        let mut sched = Schedule {
            threads: dev.cores.max(1),
            stmts,
        };
        sched.mark_epilogues(spec);
        sched.fuse_rows(spec, None);
        sched.mark_inline(spec);
        let local: Vec<_> = local_temps(spec, &sched)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        for i in 0..sched.stmts.len() {
            let st = &sched.stmts[i];
            sched.stmts[i].store = store::default_store(spec, st, i, dev);
        }
        let reads = store::effective_reads(spec, &sched);
        for i in 0..sched.stmts.len() {
            sched.stmts[i].prefetch = store::default_prefetch(spec, &sched, i, dev, &local, &reads);
        }
        sched.mark_rows(spec, dev.l2);
        sched
    }

    /// Marks every statement that can be inlined into its readers (CPU;
    /// [`inline_blocker`] and the schedule's conditions), in order.
    pub fn mark_inline(&mut self, spec: &Specialized<'_>) {
        for i in 0..self.stmts.len() {
            if inline_blocker(spec, i).is_none() && !self.stmts[i].epilogue {
                self.stmts[i].inline = true;
                if inline::schedule_blocker(spec, self, i).is_some() {
                    self.stmts[i].inline = false;
                }
            }
        }
    }

    /// Marks every statement that can be the epilogue of the previous one
    /// (CPU); an epilogue leaves its fused group.
    pub fn mark_epilogues(&mut self, spec: &Specialized<'_>) {
        for i in 1..self.stmts.len() {
            let fuse = self.stmts[i].fuse;
            self.stmts[i].epilogue = true;
            self.stmts[i].fuse = false;
            if self.validate_epilogue(spec, false, i).is_err() {
                self.stmts[i].epilogue = false;
                self.stmts[i].fuse = fuse;
            }
        }
    }

    /// Fuses every statement that can join its predecessor's group; the
    /// group's row tile is `rows` or, by default, sized so a block's rows
    /// of the widest statement span about 64 KiB.
    pub fn fuse_rows(&mut self, spec: &Specialized<'_>, rows: Option<usize>) {
        let k = spec.kernel;
        let mut start = 0;
        for i in 1..k.stmts.len() {
            if self.stmts[i].epilogue || self.stmts[i - 1].epilogue {
                // An epilogue runs inside its reduction's launch.
                start = i;
                continue;
            }
            if !fusable(spec, start..i, i) {
                start = i;
                continue;
            }
            self.stmts[i].fuse = true;
            let group = start..i + 1;
            let e0 = spec.domain(i)[0];
            let width: usize = group
                .clone()
                .map(|j| {
                    spec.domain(j)[1..k.stmts[j].n_parallel]
                        .iter()
                        .product::<usize>()
                })
                .max()
                .unwrap_or(1);
            let t0 = rows.unwrap_or((16384 / width.max(1)).clamp(1, 64)).min(e0);
            for j in group {
                let ext = spec.domain(j);
                let np = k.stmts[j].n_parallel;
                self.stmts[j].tile = std::iter::once(t0)
                    .chain(ext[1..np].iter().copied())
                    .collect();
                let r = row_var(spec, j, self.stmts[j].vector);
                if let Some(r) = r {
                    self.stmts[j].rows = self.stmts[j].rows.min(self.stmts[j].tile[r as usize]);
                }
            }
        }
    }

    /// The default for GPU-like devices, the starting point the tuner
    /// improves on: matmul-like statements on non-SIMT OpenCL devices get
    /// the blocked schedule of the `blocking` module; everything else the
    /// portable one: one work-item per register tile of 4 rows x one
    /// `float4` (the width every OpenCL device has), reductions along the
    /// contiguous axis in `float4`, 64 work-items per group along x.
    fn default_gpu(spec: &Specialized<'_>, dev: &DeviceLimits) -> Schedule {
        let portable = Self::default_gpu_portable(spec, dev);
        let mut blocked = portable.clone();
        for (i, st) in blocked.stmts.iter_mut().enumerate() {
            if let Some(b) = blocking::blocked_opencl(spec, i, dev) {
                *st = b;
            }
        }
        if blocked != portable && blocked.validate(spec, dev).is_ok() {
            return blocked;
        }
        portable
    }

    fn default_gpu_portable(spec: &Specialized<'_>, dev: &DeviceLimits) -> Schedule {
        let k = spec.kernel;
        let g = dev.gpu.as_ref().expect("a GPU-like device");
        let mut stmts = Vec::new();
        for (i, s) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = s.n_parallel;
            let nred = s.vars.len() - np;
            let axes = legal_axes(spec, i);
            let (vector, width) = if axes.contains(&VectorAxis::Parallel) && ext[np - 1] >= 4 {
                (VectorAxis::Parallel, 4)
            } else if axes.contains(&VectorAxis::Reduction) && ext[s.vars.len() - 1] >= 4 {
                (VectorAxis::Reduction, 4)
            } else {
                (VectorAxis::None, 1)
            };
            // SIMT devices: 8 rows x float4 accumulators per thread.
            let tall = if g.warp > 0 { 8 } else { 4 };
            let rows = match (vector, row_var(spec, i, vector)) {
                (VectorAxis::Parallel, Some(r)) if nred > 0 => tall.min(ext[r as usize]),
                _ => 1,
            };
            let mut tile: Vec<usize> = vec![1; np];
            if vector == VectorAxis::Parallel {
                tile[np - 1] = width.min(ext[np - 1]);
            }
            if let Some(r) = row_var(spec, i, vector) {
                if vector != VectorAxis::Reduction {
                    tile[r as usize] = rows;
                }
            }
            let mut st = StmtSchedule {
                tile,
                vector,
                vector_width: width,
                rows,
                vectors: 1,
                reduction_tile: 0,
                unroll: 1,
                fuse: false,
                pack: false,
                workgroup: vec![1, 1],
                local: false,
                epilogue: false,
                inline: false,
                store: StoreMode::Plain,
                prefetch: 0,
                stage: None,
                lag: 0,
            };
            let x = Schedule {
                threads: 1,
                stmts: vec![st.clone(); k.stmts.len()],
            };
            let [gx, gy] = x.grid(spec, i);
            st.workgroup = if g.warp > 0 {
                simt_workgroup(gx, gy, g)
            } else {
                vec![
                    gx.next_power_of_two()
                        .min(64)
                        .min(g.max_items[0])
                        .min(g.max_workgroup),
                    1,
                ]
            };
            stmts.push(st);
        }
        Schedule { threads: 1, stmts }
    }

    /// A random valid schedule for a GPU-like device: register tiles, the
    /// work-item's tile as a multiple of them, work-group shapes, optional
    /// local-memory staging.
    fn random_gpu(spec: &Specialized<'_>, dev: &DeviceLimits, rng: &mut impl Rng) -> Schedule {
        let k = spec.kernel;
        let g = dev.gpu.as_ref().expect("a GPU-like device");
        let mut stmts = Vec::new();
        for (i, s) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = s.n_parallel;
            let nred = s.vars.len() - np;
            let axes = legal_axes(spec, i);
            let vector = axes[rng.gen_range(0..axes.len())];
            let max_w = (dev.vector_bits * 2 / elem_bits(k.tensors[s.target].dtype)).clamp(1, 16);
            let vector_width = if vector == VectorAxis::None {
                1
            } else {
                1 << rng.gen_range(0..=max_w.trailing_zeros())
            };
            let rvar = row_var(spec, i, vector);
            let rows = if rvar.is_some() {
                rng.gen_range(1..=8)
            } else {
                1
            };
            let vectors = if np == 0 && vector != VectorAxis::Reduction {
                1
            } else {
                rng.gen_range(1..=4)
            };
            let mut tile: Vec<usize> = ext[..np]
                .iter()
                .map(|&e| {
                    if rng.gen_bool(0.8) {
                        1
                    } else {
                        rng.gen_range(1..=e.min(3))
                    }
                })
                .collect();
            if np >= 1 && vector != VectorAxis::Reduction {
                let c = vectors * vector_width * rng.gen_range(1..=2);
                tile[np - 1] = c.min(ext[np - 1]);
            }
            if let Some(r) = rvar {
                tile[r as usize] = (rows * rng.gen_range(1..=2)).min(ext[r as usize]);
            }
            let reduction_tile = if nred > 0 && rng.gen_bool(0.4) {
                rng.gen_range(1..=ext[np])
            } else {
                0
            };
            let unroll = if nred > 0 && vector != VectorAxis::Reduction {
                rng.gen_range(1..=4)
            } else {
                1
            };
            let wx = (1usize << rng.gen_range(0..=6)).min(g.max_items[0]);
            let wy = (1usize << rng.gen_range(0..=2))
                .min(g.max_items[1])
                .min(g.max_workgroup / wx.max(1))
                .max(1);
            let mut st = StmtSchedule {
                tile,
                vector,
                vector_width,
                rows,
                vectors,
                reduction_tile,
                unroll,
                fuse: false,
                pack: false,
                workgroup: vec![wx, wy],
                local: false,
                epilogue: false,
                inline: false,
                store: StoreMode::Plain,
                prefetch: 0,
                stage: None,
                lag: 0,
            };
            st.local = vector == VectorAxis::Parallel
                && np <= 2
                && packable_read(spec, i).is_some()
                && pack_bytes(spec, &st, i).saturating_mul(wx) <= g.local_mem
                && rng.gen_bool(0.4);
            stmts.push(st);
        }
        let mut sched = Schedule { threads: 1, stmts };
        if k.stmts.len() > 1 && rng.gen_bool(0.5) {
            let e0 = sched.min_rows(spec);
            sched.fuse_rows(spec, Some(rng.gen_range(1..=e0.min(4))));
            sched.align_fused_gpu();
        }
        sched
    }

    /// The smallest first-variable extent among statements with one: the
    /// largest row tile every fused group accepts.
    fn min_rows(&self, spec: &Specialized<'_>) -> usize {
        let k = spec.kernel;
        (0..k.stmts.len())
            .filter(|&i| k.stmts[i].n_parallel > 0)
            .map(|i| spec.domain(i)[0])
            .min()
            .unwrap_or(1)
    }

    /// On GPU-like devices, gives every statement of a fused group the
    /// first one's work-group along x (and 1 along y) and no local staging.
    pub fn align_fused_gpu(&mut self) {
        if self.stmts.iter().all(|s| s.workgroup.is_empty()) {
            return;
        }
        for g in groups(self) {
            if g.len() < 2 {
                continue;
            }
            let wx = self.stmts[g.start].workgroup.first().copied().unwrap_or(1);
            for j in g {
                self.stmts[j].workgroup = vec![wx, 1];
                self.stmts[j].local = false;
            }
        }
    }

    /// A random valid schedule (for differential tests and random search).
    pub fn random(spec: &Specialized<'_>, dev: &DeviceLimits, rng: &mut impl Rng) -> Schedule {
        if dev.gpu.is_some() {
            return Self::random_gpu(spec, dev, rng);
        }
        let k = spec.kernel;
        let mut stmts = Vec::new();
        let pick = |rng: &mut dyn rand::RngCore, e: usize| -> usize {
            // Powers of two, odd sizes and the full extent.
            match rng.gen_range(0..3) {
                0 => prev_pow2(rng.gen_range(1..=e)),
                1 => rng.gen_range(1..=e),
                _ => e,
            }
        };
        for (i, s) in k.stmts.iter().enumerate() {
            let ext = spec.domain(i);
            let np = s.n_parallel;
            let nred = s.vars.len() - np;
            let axes = legal_axes(spec, i);
            let vector = axes[rng.gen_range(0..axes.len())];
            let max_w = (dev.vector_bits * 4 / elem_bits(k.tensors[s.target].dtype)).min(MAX_LANES);
            let vector_width = if vector == VectorAxis::None {
                1
            } else {
                1 << rng.gen_range(0..=max_w.trailing_zeros().min(4))
            };
            let rows = if row_var(spec, i, vector).is_some() {
                rng.gen_range(1..=8)
            } else {
                1
            };
            let vectors = if np == 0 && vector != VectorAxis::Reduction {
                1
            } else {
                rng.gen_range(1..=4)
            };
            let tile = ext[..np].iter().map(|&e| pick(rng, e)).collect();
            let reduction_tile = if nred > 0 && rng.gen_bool(0.5) {
                pick(rng, ext[np])
            } else {
                0
            };
            let unroll = if nred > 0 && vector != VectorAxis::Reduction {
                rng.gen_range(1..=4)
            } else {
                1
            };
            let mut st = StmtSchedule {
                tile,
                vector,
                vector_width,
                rows,
                vectors,
                reduction_tile,
                unroll,
                fuse: false,
                pack: false,
                workgroup: Vec::new(),
                local: false,
                epilogue: false,
                inline: false,
                store: StoreMode::Plain,
                prefetch: 0,
                stage: None,
                lag: 0,
            };
            st.pack = vector == VectorAxis::Parallel
                && packable_read(spec, i).is_some()
                && pack_bytes(spec, &st, i) <= MAX_PACK_BYTES
                && rng.gen_bool(0.5);
            stmts.push(st);
        }
        let mut sched = Schedule {
            threads: rng.gen_range(1..=dev.cores.max(1)),
            stmts,
        };
        if k.stmts.len() > 1 && rng.gen_bool(0.5) {
            sched.mark_epilogues(spec);
        }
        if k.stmts.len() > 1 && rng.gen_bool(0.5) {
            let e0 = sched.min_rows(spec);
            sched.fuse_rows(spec, Some(rng.gen_range(1..=e0)));
        }
        if k.stmts.len() > 1 && rng.gen_bool(0.5) {
            sched.mark_inline(spec);
        }
        for i in 0..sched.stmts.len() {
            if store_blocker(spec, &sched.stmts[i], i).is_none() {
                let modes = [StoreMode::Plain, StoreMode::Aligned, StoreMode::Stream];
                sched.stmts[i].store = modes[rng.gen_range(0..modes.len())];
            }
            if sched.stmts[i].vector != VectorAxis::None && !sched.stmts[i].epilogue {
                sched.stmts[i].prefetch = [0, 0, 1, 64, 4096][rng.gen_range(0..5)];
            }
        }
        if rng.gen_bool(0.5) {
            sched.random_rows(spec, dev, rng);
        }
        sched
    }

    /// Blocks of statement `i`'s launch: `Π ceil(extent / tile)`.
    /// An epilogue has none (it runs in its reduction's blocks), nor has an
    /// inlined statement (its readers compute it).
    pub fn blocks(&self, spec: &Specialized<'_>, i: usize) -> usize {
        if self.stmts[i].epilogue || self.stmts[i].inline {
            return 0;
        }
        let g = rows::group_of(self, i);
        if row_mode(self, &g) && row_runner(self, &g) != Some(i) {
            // Row mode: the group's first statement runs it all.
            return 0;
        }
        let ext = spec.domain(i);
        self.stmts[i]
            .tile
            .iter()
            .zip(ext)
            .map(|(&t, &e)| e.div_ceil(t))
            .product()
    }

    /// Blocks of the launch of fused group `g` (see [`groups`]): its
    /// statements' common block count; an inlined statement (0 blocks) may
    /// lead the group.
    pub fn group_blocks(&self, spec: &Specialized<'_>, g: std::ops::Range<usize>) -> usize {
        g.map(|i| self.blocks(spec, i)).max().unwrap_or(0)
    }

    /// Reads a schedule from JSON, naming the bad field on error (e.g.
    /// `stmts[0].tiles`: unknown field). Syntax errors name `<json>`.
    pub fn from_json(text: &str) -> Result<Schedule, ScheduleError> {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| err("<json>", e.to_string()))?;
        Self::from_value(&v)
    }

    /// Reads a schedule from a JSON value, naming the bad field on error;
    /// an error of the value as a whole (not an object, a missing field)
    /// names `<json>`.
    pub fn from_value(v: &serde_json::Value) -> Result<Schedule, ScheduleError> {
        let whole = match serde_json::from_value::<Schedule>(v.clone()) {
            Ok(s) => return Ok(s),
            Err(e) => e,
        };
        if let Some(serde_json::Value::Array(stmts)) = v.get("stmts") {
            let template = serde_json::to_value(StmtSchedule {
                tile: Vec::new(),
                vector: VectorAxis::None,
                vector_width: 1,
                rows: 1,
                vectors: 1,
                reduction_tile: 0,
                unroll: 1,
                fuse: false,
                pack: false,
                workgroup: Vec::new(),
                local: false,
                epilogue: false,
                inline: false,
                store: StoreMode::Plain,
                prefetch: 0,
                stage: None,
                lag: 0,
            })
            .expect("schedules serialize");
            for (i, st) in stmts.iter().enumerate() {
                if let Err(e) = serde_json::from_value::<StmtSchedule>(st.clone()) {
                    let path = format!("stmts[{i}]");
                    return Err(blame_field::<StmtSchedule>(st, &template, &path)
                        .unwrap_or_else(|| err(path, e.to_string())));
                }
            }
        }
        let template = serde_json::to_value(Schedule {
            threads: 1,
            stmts: Vec::new(),
        })
        .expect("schedules serialize");
        Err(blame_field::<Schedule>(v, &template, "")
            .unwrap_or_else(|| err("<json>", whole.to_string())))
    }
}

/// The first field of the JSON object `v` that `T` rejects, found by putting
/// each field in turn into `template` (a valid `T` as JSON); the error names
/// it under `path`. `None` when no single field is to blame (e.g. a field
/// is missing) or `v` is not an object.
fn blame_field<T: serde::de::DeserializeOwned>(
    v: &serde_json::Value,
    template: &serde_json::Value,
    path: &str,
) -> Option<ScheduleError> {
    let (serde_json::Value::Object(obj), serde_json::Value::Object(base)) = (v, template) else {
        return None;
    };
    for (key, val) in obj {
        let mut probe = base.clone();
        probe.insert(key.clone(), val.clone());
        if let Err(e) = serde_json::from_value::<T>(serde_json::Value::Object(probe)) {
            let field = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            return Some(err(field, e.to_string()));
        }
    }
    None
}

fn prev_pow2(n: usize) -> usize {
    if n == 0 {
        1
    } else {
        1 << (usize::BITS - 1 - n.leading_zeros())
    }
}

/// Work of a specialized kernel, for throughput figures.
///
/// Flops: for every statement, its iteration count times the arithmetic
/// operations of one evaluation (`+ - * /`, negation, each builtin call and
/// comparison count 1; reads, conversions and selects count 0) plus one for
/// the reducing combine (`+=`, `*=`, `max=`, `min=`). Matmul is 2·M·N·K.
/// Bytes: the compulsory traffic: every input read once and every output
/// written once (temporaries are not counted).
pub fn work(spec: &Specialized<'_>) -> (f64, f64) {
    let k = spec.kernel;
    let mut flops = 0.0;
    for (i, s) in k.stmts.iter().enumerate() {
        let n: f64 = spec.domain(i).iter().map(|&e| e as f64).product();
        let mut ops = if s.op == AssignOp::Assign { 0.0 } else { 1.0 };
        k.walk(s.value, &mut |_, e| {
            if matches!(
                e.kind,
                ExprKind::Neg(_)
                    | ExprKind::Binary(..)
                    | ExprKind::Call(..)
                    | ExprKind::Select { .. }
            ) {
                ops += 1.0;
            }
        });
        flops += n * ops;
    }
    let bytes: f64 = k
        .inputs
        .iter()
        .chain(&k.outputs)
        .map(|&t| {
            let n: usize = spec.shape(t).iter().product();
            (n * k.tensors[t].dtype.size_bytes()) as f64
        })
        .sum();
    (flops, bytes)
}
