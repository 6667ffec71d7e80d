//! The default schedule of a matmul-like statement, derived from the
//! device's description in the manner of analytical models of BLIS block
//! sizes (Low et al., "Analytical modeling is enough for high-performance
//! BLIS", 2016), instead of constants picked on one machine:
//!
//! - register tile `mr x nr`: as many accumulators as the vector register
//!   file holds with room for the operands (32 registers with AVX-512:
//!   6 rows x 4 registers; 16 registers: 6 rows x 2; 8 rows x 2 for a few
//!   rows that 8 divides), enough independent FMAs to cover their latency;
//! - reduction chunk `kc`: the `mr x kc` strip of the unpacked operand stays
//!   in a quarter of L1 while the register tile sweeps the block's columns;
//! - block columns `nc`: the packed `kc x nc` panel of the shared operand
//!   takes a quarter of L2, packed once per block and chunk and reused by
//!   every row of the block;
//! - block rows `mc`: the whole extent (packing amortized over all rows),
//!   split only until there are two blocks per core.
//!
//! The tuner starts from this point and searches around it.

use crate::{packable_read, row_var, DeviceLimits, StmtSchedule, VectorAxis, MAX_PACK_BYTES};
use kiln_ir::{DType, Specialized};

/// Cache sizes assumed when the device does not say.
const L1D_DEFAULT: usize = 32 << 10;
const L2_DEFAULT: usize = 1 << 20;

/// The blocked schedule of statement `i`, or `None` when it is not a
/// matmul-like contraction (no packable read, or too small to block).
pub(crate) fn blocked(
    spec: &Specialized<'_>,
    i: usize,
    dev: &DeviceLimits,
) -> Option<StmtSchedule> {
    let k = spec.kernel;
    let s = &k.stmts[i];
    let np = s.n_parallel;
    packable_read(spec, i)?;
    if !crate::legal_axes(spec, i).contains(&VectorAxis::Parallel) {
        return None;
    }
    let ext = spec.domain(i);
    let elem = match k.tensors[s.target].dtype {
        DType::F64 => 8,
        DType::F32 | DType::F16 => 4, // f16 is computed in f32
        // i32 multiplies are not fused multiply-adds: the register-tile
        // model does not hold (measured 8% slower than the plain default).
        DType::I32 => return None,
    };
    let native = (dev.vector_bits / (elem * 8)).max(1);
    let r = row_var(spec, i, VectorAxis::Parallel)? as usize;
    // Registers per accumulator row: two with 32 vector registers
    // (AVX-512), else one; two such vectors per row. Few rows (a decode
    // step's batch) that 8 divides and 6 does not: 8 rows of half the
    // width, so no row is left to single-row tiles.
    let few_rows = ext[r] < 48 && ext[r].is_multiple_of(8) && !ext[r].is_multiple_of(6);
    let (mr, regs_per_vector) = match (dev.vector_bits >= 512, few_rows) {
        (_, true) => (8, 1),
        (true, false) => (6, 2),
        (false, false) => (6, 1),
    };
    let width = native * regs_per_vector;
    let vectors = 2;
    let nr = width * vectors;
    let (n, kk) = (ext[np - 1], ext[np]);
    // Too small to block: packing would cost more than it saves.
    if n < nr || ext[r] < mr || kk < 16 {
        return None;
    }
    let l1 = if dev.l1d > 0 { dev.l1d } else { L1D_DEFAULT };
    let l2 = if dev.l2 > 0 { dev.l2 } else { L2_DEFAULT };
    let kc = crate::prev_pow2(l1 / 4 / (mr * elem)).clamp(64, 1024);
    let kc = if kc >= kk { 0 } else { kc };
    let kc_eff = if kc == 0 { kk } else { kc };
    let nc = (crate::prev_pow2(l2 / 4 / (kc_eff * elem)).clamp(nr, 4096) / nr * nr).min(n);
    let mut tile: Vec<usize> = ext[..np].iter().map(|_| 1).collect();
    tile[np - 1] = nc;
    // Rows: whole, split until two blocks per core.
    let col_blocks = n.div_ceil(nc);
    let other: usize = (0..np - 1).filter(|&v| v != r).map(|v| ext[v]).product();
    let want = (2 * dev.cores.max(1))
        .div_ceil(col_blocks * other.max(1))
        .max(1);
    tile[r] = ext[r].div_ceil(want).next_multiple_of(mr).min(ext[r]);
    let st = StmtSchedule {
        tile,
        vector: VectorAxis::Parallel,
        vector_width: width,
        rows: mr,
        vectors,
        reduction_tile: kc,
        unroll: if kc_eff >= 64 { 4 } else { 1 },
        fuse: false,
        pack: true,
        workgroup: Vec::new(),
        local: false,
        epilogue: false,
        inline: false,
        store: crate::StoreMode::Plain,
        prefetch: 0,
        stage: None,
        lag: 0,
    };
    (crate::pack_bytes(spec, &st, i) <= MAX_PACK_BYTES).then_some(st)
}

/// The default of a matmul-like statement on a non-SIMT OpenCL device
/// (a CPU behind OpenCL, such as PoCL): a work-item computes 8 rows x 4
/// register tiles of 2 vectors at the device's preferred width, the
/// shared operand staged in local memory 64 reduction steps at a time,
/// 8 x 8 work-items per group. `None` when the statement is not
/// matmul-like or the shape is too small for it.
pub(crate) fn blocked_opencl(
    spec: &Specialized<'_>,
    i: usize,
    dev: &DeviceLimits,
) -> Option<StmtSchedule> {
    let g = dev.gpu.as_ref()?;
    let k = spec.kernel;
    let s = &k.stmts[i];
    let np = s.n_parallel;
    if g.warp > 0 || np > 2 || k.tensors[s.target].dtype == DType::F64 {
        return None;
    }
    packable_read(spec, i)?;
    if !crate::legal_axes(spec, i).contains(&VectorAxis::Parallel) {
        return None;
    }
    let ext = spec.domain(i);
    let r = row_var(spec, i, VectorAxis::Parallel)? as usize;
    let width = crate::prev_pow2((dev.vector_bits / 32).clamp(4, 16));
    let (rows, vectors) = (8, 2);
    let cols = 4 * vectors * width;
    if ext[r] < rows || ext[np - 1] < cols || ext[np] < 16 {
        return None;
    }
    let mut tile = vec![1; np];
    tile[r] = rows;
    tile[np - 1] = cols;
    let mut st = StmtSchedule {
        tile,
        vector: VectorAxis::Parallel,
        vector_width: width,
        rows,
        vectors,
        reduction_tile: if ext[np] > 64 { 64 } else { 0 },
        unroll: 1,
        fuse: false,
        pack: false,
        workgroup: vec![1, 1],
        local: false,
        epilogue: false,
        inline: false,
        store: crate::StoreMode::Plain,
        prefetch: 0,
        stage: None,
        lag: 0,
    };
    let gx = ext[np - 1].div_ceil(cols);
    let gy: usize = (0..np - 1).map(|v| ext[v].div_ceil(st.tile[v])).product();
    let wx = gx.next_power_of_two().min(8).min(g.max_items[0]);
    let wy = gy
        .next_power_of_two()
        .min(8)
        .min(g.max_items[1])
        .min(g.max_workgroup / wx.max(1))
        .max(1);
    st.workgroup = vec![wx, wy];
    st.local = crate::pack_bytes(spec, &st, i).saturating_mul(wx) <= g.local_mem;
    Some(st)
}
