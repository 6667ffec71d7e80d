//! How a statement's vectors move between memory and registers (CPU):
//! aligned and non-temporal stores, software prefetch.
//!
//! A vector store that straddles two cache lines costs two; a row whose
//! start is not a multiple of the vector size makes every store of the
//! row straddle. With [`StoreMode::Aligned`] each row first stores the
//! columns up to the next vector boundary of its address as one masked
//! vector, so the full vectors after it are aligned. [`StoreMode::Stream`]
//! also writes those full vectors non-temporally: the cache line is
//! written whole without being read first (no read-for-ownership) and
//! does not displace the cache, which is what a large output written once
//! wants, and what `memcpy` does for large copies.

use kiln_ir::ir::{TensorId, TensorKind};
use kiln_ir::Specialized;
use serde::{Deserialize, Serialize};

use crate::{DeviceLimits, Schedule, StmtSchedule, VectorAxis};

/// How a statement's full vectors are stored (CPU only).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoreMode {
    /// Wherever the columns fall.
    #[default]
    Plain,
    /// Each row's columns before the first vector-aligned address run as
    /// one masked vector; the full vectors after it are aligned.
    Aligned,
    /// Aligned, and the full vectors are non-temporal stores.
    Stream,
}

impl StoreMode {
    /// Whether this is the default, [`StoreMode::Plain`].
    pub fn is_plain(&self) -> bool {
        *self == StoreMode::Plain
    }
}

/// Why statement `i` under `st` cannot take a [`StoreMode`] other than
/// plain, or `None` when it can: an elementwise statement (no reduction
/// variables, not an epilogue) whose last parallel variable is vectorized
/// in whole vectors, without packing; with several register-tile rows, the
/// target's rows must lie a whole number of vectors apart, so that one
/// peeled head aligns every row.
pub fn store_blocker(spec: &Specialized<'_>, st: &StmtSchedule, i: usize) -> Option<&'static str> {
    let s = &spec.kernel.stmts[i];
    let np = s.n_parallel;
    if s.vars.len() != np {
        return Some("the statement reduces; only elementwise statements peel their rows");
    }
    if st.epilogue {
        return Some("an epilogue stores in its reduction's register tile");
    }
    if np == 0 || st.vector != VectorAxis::Parallel || st.vector_width < 2 {
        return Some("needs `vector: parallel` with at least 2 lanes");
    }
    if st.pack {
        return Some("packed panels start at the tile's first column");
    }
    if st.rows > 1 {
        let elem = spec.kernel.tensors[s.target].dtype.size_bytes();
        let row = spec.domain(i)[np - 1] * elem;
        if !row.is_multiple_of(st.vector_width * elem) {
            return Some("with several register-tile rows, the target's rows must lie a whole number of vectors apart");
        }
    }
    None
}

/// Bytes the private caches of `dev`'s cores hold together (L2 per core,
/// 1 MiB when unknown): data beyond four times that streams from memory.
fn private_bytes(dev: &DeviceLimits) -> usize {
    let l2 = if dev.l2 > 0 { dev.l2 } else { 1 << 20 };
    l2.saturating_mul(dev.cores.max(1))
}

/// The default prefetch distance of statement `i` of `sched` on the CPU
/// `dev` (`reads`: [`effective_reads`]), for elementwise statements and reductions along the vectorized
/// axis that load vectors from a tensor in memory (not one of the
/// block-local temporaries `local`) larger than four times the private
/// caches; 0 otherwise, and for contractions.
///
/// - A tensor that an earlier member of the statement's fused group
///   already read is in cache for this block: the statement fetches the
///   *next* block's part of it instead (one block of rows ahead, into L2,
///   see `FAR_PREFETCH` in the emitter), so that the memory traffic of the
///   group's first pass overlaps the computing passes after it (on a
///   2-core EPYC: softmax 4096^2 6.4 -> 5.3-6.1 ms, layernorm 4.7 -> 4.1,
///   rmsnorm 4.1 -> 3.6, log_softmax 6.5 -> 6.1).
/// - Otherwise 4 KiB ahead: the hardware prefetcher alone leaves memory
///   latency exposed once a loop computes much per vector (an `exp` per
///   element ran 2.1x faster on a 2-core Xeon).
pub(crate) fn default_prefetch(
    spec: &Specialized<'_>,
    sched: &Schedule,
    i: usize,
    dev: &DeviceLimits,
    local: &[TensorId],
    reads: &[Vec<TensorId>],
) -> usize {
    let k = spec.kernel;
    let st = &sched.stmts[i];
    let s = &k.stmts[i];
    let contraction = s.vars.len() > s.n_parallel && st.vector == VectorAxis::Parallel;
    if st.vector == VectorAxis::None || st.epilogue || contraction {
        // A contraction re-reads its operands from its own cache blocks:
        // prefetching along their rows fetched lines it did not use
        // (matmul M=16, N=K=4096: 4.1 -> 6.1 ms).
        return 0;
    }
    let big: Vec<TensorId> = reads[i]
        .iter()
        .copied()
        .filter(|&t| {
            let bytes = spec.shape(t).iter().product::<usize>() * k.tensors[t].dtype.size_bytes();
            !local.contains(&t) && bytes > private_bytes(dev).saturating_mul(4)
        })
        .collect();
    if big.is_empty() {
        return 0;
    }
    let group = crate::groups(sched)
        .into_iter()
        .find(|g| g.contains(&i))
        .unwrap_or(i..i + 1);
    let earlier =
        |t: TensorId| (group.start..i).any(|j| !sched.stmts[j].inline && reads[j].contains(&t));
    let ahead = big
        .iter()
        .filter(|&&t| earlier(t))
        .filter_map(|&t| next_block(spec, st, i, t))
        .max();
    match ahead {
        Some(d) => d.min(crate::MAX_PREFETCH),
        None => 4096 / k.tensors[s.target].dtype.size_bytes(),
    }
}

/// Elements from a row of `t` to the same row of the next block of
/// statement `i` under `st`, when `t`'s rows are the statement's first
/// variable (`t[r, ...]`, blocked by `tile[0]`).
fn next_block(spec: &Specialized<'_>, st: &StmtSchedule, i: usize, t: TensorId) -> Option<usize> {
    let shape = spec.shape(t);
    let rows = *st.tile.first()?;
    if shape.len() < 2 || shape[0] != spec.domain(i)[0] || rows >= shape[0] {
        return None;
    }
    Some(rows * shape[1..].iter().product::<usize>())
}

/// The tensors each statement reads, counting those read by the inlined
/// statements whose temporaries it reads (their loads are its loads).
pub(crate) fn effective_reads(spec: &Specialized<'_>, sched: &Schedule) -> Vec<Vec<TensorId>> {
    let k = spec.kernel;
    let mut out: Vec<Vec<TensorId>> = Vec::with_capacity(k.stmts.len());
    for i in 0..k.stmts.len() {
        let mut r: Vec<TensorId> = crate::stmt_tensors(spec, i)
            .into_iter()
            .filter(|&t| k.reads(i, t))
            .collect();
        for (d, via) in out.iter().enumerate() {
            if sched.stmts[d].inline && k.reads(i, k.stmts[d].target) {
                for &t in via {
                    if !r.contains(&t) {
                        r.push(t);
                    }
                }
            }
        }
        out.push(r);
    }
    out
}

/// The default store mode of statement `i` under `st` on the CPU `dev`:
/// rows of at least four vectors are aligned; an output larger than four
/// times the private caches of all cores (L2, or 1 MiB when unknown)
/// cannot stay there and is streamed.
pub(crate) fn default_store(
    spec: &Specialized<'_>,
    st: &StmtSchedule,
    i: usize,
    dev: &DeviceLimits,
) -> StoreMode {
    if store_blocker(spec, st, i).is_some() {
        return StoreMode::Plain;
    }
    let k = spec.kernel;
    let s = &k.stmts[i];
    let ext = spec.domain(i);
    if ext[s.n_parallel - 1] < 4 * st.vector_width {
        return StoreMode::Plain;
    }
    let t = &k.tensors[s.target];
    let bytes = ext[..s.n_parallel].iter().product::<usize>() * t.dtype.size_bytes();
    if t.kind == TensorKind::Output && bytes > private_bytes(dev).saturating_mul(4) {
        StoreMode::Stream
    } else {
        StoreMode::Aligned
    }
}
