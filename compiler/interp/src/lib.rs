//! Reference interpreter: runs any validated, specialized kernel on host
//! tensors. It is the oracle every backend and every tuned schedule is
//! checked against, so it is written to be obviously correct, not fast:
//! each statement is a full loop nest over its parallel and reduction
//! variables, exactly as the language defines.
//!
//! Numerics: exactly the table in `ir-specs/README.md` ("Numbers"):
//! - every floating operation (f16, f32, f64) is computed in f64 and
//!   rounded to its type at once, so f32 and f16 arithmetic is rounded at
//!   each operation, as on a device (for `+ - * /` and `sqrt` the f64 result
//!   rounded once is the correctly rounded f32/f16 result); literals are
//!   rounded to their type too;
//! - reductions combine those rounded terms in f64 and round once: a
//!   reduction's order is free, and this is the closest to the exact sum;
//! - i32 expressions use wrapping 32-bit arithmetic, floor division (an
//!   error on division by zero, `INT_MIN / -1 = INT_MIN`) and truncating,
//!   saturating float-to-int conversion (NaN to 0);
//! - `select` evaluates only the branch it takes.
//!
//! Parallel: the output elements of a statement are split across threads
//! with rayon; each element is computed by one thread from start to end, so
//! results do not depend on the thread count.

use kiln_ir::ast::{AssignOp, BinOp};
use kiln_ir::ir::{ExprId, ExprKind, Func, Kernel};
use kiln_ir::{DType, Specialized};
use kiln_tensor::HostTensor;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// Why a run failed.
#[derive(Debug, thiserror::Error)]
pub enum InterpError {
    /// Wrong number of input tensors.
    #[error("expected {expected} inputs, got {got}")]
    InputCount {
        /// Declared.
        expected: usize,
        /// Given.
        got: usize,
    },
    /// An input whose dtype or shape disagrees with the specialization.
    #[error("input `{name}` is {got} but the specialized kernel needs {want}")]
    InputMismatch {
        /// Parameter.
        name: String,
        /// Given, e.g. `f32[3, 4]`.
        got: String,
        /// Expected.
        want: String,
    },
    /// The interpreter's buffers would not fit in memory.
    #[error(transparent)]
    Memory(#[from] kiln_tensor::TensorError),
    /// Integer division by zero in an i32 expression (worded as the
    /// devices report it).
    #[error("integer division by zero in statement {stmt} (`{target}`) of `{kernel}`")]
    DivByZero {
        /// Kernel name.
        kernel: String,
        /// Statement index.
        stmt: usize,
        /// The statement's target tensor.
        target: String,
    },
}

/// Runs `spec` on `inputs` (in declaration order) and returns the outputs in
/// declaration order.
pub fn run(spec: &Specialized<'_>, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, InterpError> {
    let k = spec.kernel;
    let mut bufs = load_inputs(spec, inputs, k.tensors.iter().map(|(t, _)| t))?;
    for (si, stmt) in k.stmts.iter().enumerate() {
        let out = exec_stmt(spec, si, &bufs, None)?;
        bufs[idx(stmt.target)] = Some(out);
    }
    Ok(k.outputs
        .iter()
        .map(|&t| {
            let data = bufs[idx(t)].take().unwrap_or_default();
            HostTensor::from_f64(k.tensors[t].dtype, spec.shape(t).to_vec(), &data)
        })
        .collect())
}

/// Evaluates statement `si` at every output element, or at the flat
/// indices `only` (then the result has one value per listed index).
fn exec_stmt(
    spec: &Specialized<'_>,
    si: usize,
    bufs: &[Option<Vec<f64>>],
    only: Option<&[usize]>,
) -> Result<Vec<f64>, InterpError> {
    let k = spec.kernel;
    let stmt = &k.stmts[si];
    let plan = Plan::new(spec, si);
    let out_len: usize = match only {
        Some(l) => l.len(),
        None => spec.domain(si)[..stmt.n_parallel].iter().product(),
    };
    let mut out = vec![0.0f64; out_len];
    let failed = AtomicBool::new(false);
    out.par_iter_mut()
        .enumerate()
        .with_min_len(64)
        .for_each(|(lin, slot)| {
            let mut ev = Eval {
                k,
                plan: &plan,
                bufs,
                vars: vec![0i64; plan.ext.len()],
                div_by_zero: false,
            };
            *slot = ev.element(only.map_or(lin, |l| l[lin]));
            if ev.div_by_zero {
                failed.store(true, Ordering::Relaxed);
            }
        });
    if failed.load(Ordering::Relaxed) {
        return Err(InterpError::DivByZero {
            kernel: k.name.clone(),
            stmt: si,
            target: k.tensors[stmt.target].name.clone(),
        });
    }
    let dtype = k.tensors[stmt.target].dtype;
    for v in &mut out {
        *v = round_to(dtype, *v);
    }
    Ok(out)
}

/// Largest kernel (total loop iterations of all statements) whose
/// reference [`reference()`] computes whole.
pub const FULL_REFERENCE_WORK: f64 = 2e7;
/// Positions per output [`reference()`] samples for larger kernels.
pub const REFERENCE_SAMPLES: usize = 2048;

/// Reference values to check a compiled kernel against: every element when
/// the kernel's work is at most [`FULL_REFERENCE_WORK`], else
/// [`run_sampled`] at [`REFERENCE_SAMPLES`] positions per output. Per output
/// in declaration order: (flat index, value).
pub fn reference(
    spec: &Specialized<'_>,
    inputs: &[HostTensor],
) -> Result<Vec<Vec<(usize, f64)>>, InterpError> {
    let k = spec.kernel;
    let work: f64 = (0..k.stmts.len())
        .map(|i| spec.domain(i).iter().map(|&e| e as f64).product::<f64>())
        .sum();
    if work <= FULL_REFERENCE_WORK {
        Ok(run(spec, inputs)?
            .iter()
            .map(|o| o.to_f64().into_iter().enumerate().collect())
            .collect())
    } else {
        run_sampled(spec, inputs, REFERENCE_SAMPLES)
    }
}

/// Reference values at sampled positions, for shapes too large to
/// interpret whole. Every output is evaluated at `samples` positions
/// (evenly spread, first and last included; all of them when it has no
/// more), and every other statement only where those positions need it:
/// walking the statements backwards, each needed element marks the
/// elements of computed tensors that its expression reads (both branches
/// of a `select`, so the marks are a superset of what evaluation reads).
/// A large temporary feeding a sampled output (a matmul before an
/// epilogue) thus costs its sampled rows and columns, not its whole loop
/// nest. Returns, per output in declaration order, (flat index, value).
pub fn run_sampled(
    spec: &Specialized<'_>,
    inputs: &[HostTensor],
    samples: usize,
) -> Result<Vec<Vec<(usize, f64)>>, InterpError> {
    let k = spec.kernel;
    let numel = |t| spec.shape(t).iter().product::<usize>();
    // Large outputs that nothing reads are held as their samples alone.
    let at_samples: Vec<bool> = (0..k.stmts.len())
        .map(|si| sampled_stmt(spec, si, samples))
        .collect();
    let whole = k.tensors.iter().map(|(t, _)| t).filter(|&t| {
        !k.stmts
            .iter()
            .zip(&at_samples)
            .any(|(s, &sampled)| sampled && s.target == t)
    });
    let mut bufs = load_inputs(spec, inputs, whole)?;
    let mut need: Vec<Option<Vec<bool>>> = vec![None; k.tensors.len()];
    for &t in &k.outputs {
        let mut m = vec![false; numel(t)];
        for lin in sample_positions(numel(t), samples) {
            m[lin] = true;
        }
        need[idx(t)] = Some(m);
    }
    let sizes: Vec<usize> = k.tensors.iter().map(|(t, _)| numel(t)).collect();
    for si in (0..k.stmts.len()).rev() {
        mark_reads(spec, si, &sizes, &mut need);
    }
    let mut sampled: Vec<Option<Vec<(usize, f64)>>> = vec![None; k.tensors.len()];
    for (si, stmt) in k.stmts.iter().enumerate() {
        let t = stmt.target;
        let lins: Vec<usize> = match &need[idx(t)] {
            Some(m) => (0..m.len()).filter(|&i| m[i]).collect(),
            None => Vec::new(),
        };
        let vals = exec_stmt(spec, si, &bufs, Some(&lins))?;
        if at_samples[si] {
            sampled[idx(t)] = Some(lins.into_iter().zip(vals).collect());
        } else {
            let mut full = vec![0.0; numel(t)];
            for (&lin, v) in lins.iter().zip(&vals) {
                full[lin] = *v;
            }
            if k.outputs.contains(&t) {
                sampled[idx(t)] = Some(lins.into_iter().zip(vals).collect());
            }
            bufs[idx(t)] = Some(full);
        }
    }
    Ok(k.outputs
        .iter()
        .map(|&t| {
            let mut v = sampled[idx(t)].take().unwrap_or_default();
            // Outputs that later statements read were computed at more
            // positions than their samples: report the samples.
            let want = sample_positions(numel(t), samples);
            v.retain(|(lin, _)| want.binary_search(lin).is_ok());
            v
        })
        .collect())
}

/// `samples` flat positions of a tensor of `n` elements, evenly spread,
/// first and last included, ascending (every position when `n <= samples`).
fn sample_positions(n: usize, samples: usize) -> Vec<usize> {
    if n <= samples {
        return (0..n).collect();
    }
    let mut v: Vec<usize> = (0..samples)
        .map(|i| i * (n - 1) / (samples - 1).max(1))
        .collect();
    v.dedup();
    v
}

/// Marks, in `need`, every element of a computed tensor (a temporary or an
/// output) that statement `si` reads at the elements of its target marked
/// there (`numel`: elements per tensor). Reads of inputs need nothing.
fn mark_reads(spec: &Specialized<'_>, si: usize, numel: &[usize], need: &mut [Option<Vec<bool>>]) {
    let k = spec.kernel;
    let plan = Plan::new(spec, si);
    let computed: Vec<&ReadPlan> = plan
        .reads
        .iter()
        .flatten()
        .filter(|(t, ..)| !k.inputs.iter().any(|&i| idx(i) == *t))
        .collect();
    let Some(mask) = need[idx(k.stmts[si].target)].take() else {
        return;
    };
    let np = plan.n_parallel;
    let ext = &plan.ext;
    let mut vars = vec![0i64; ext.len()];
    if !computed.is_empty() && !ext[np..].contains(&0) {
        for lin0 in (0..mask.len()).filter(|&i| mask[i]) {
            let mut lin = lin0;
            for v in (0..np).rev() {
                vars[v] = (lin % ext[v]) as i64;
                lin /= ext[v];
            }
            for v in &mut vars[np..] {
                *v = 0;
            }
            'points: loop {
                for (t, base, coefs) in &computed {
                    let off = base + coefs.iter().map(|(v, c)| c * vars[*v]).sum::<i64>();
                    need[*t].get_or_insert_with(|| vec![false; numel[*t]])[off as usize] = true;
                }
                // Odometer over the reduction variables, last fastest.
                let mut v = ext.len();
                loop {
                    if v == np {
                        break 'points;
                    }
                    v -= 1;
                    vars[v] += 1;
                    if (vars[v] as usize) < ext[v] {
                        break;
                    }
                    vars[v] = 0;
                }
            }
        }
    }
    need[idx(k.stmts[si].target)] = Some(mask);
}

/// Whether [`run_sampled`] holds statement `si`'s result as its samples
/// alone: its target is an output that no later statement reads, larger
/// than `samples`.
fn sampled_stmt(spec: &Specialized<'_>, si: usize, samples: usize) -> bool {
    let k = spec.kernel;
    let t = k.stmts[si].target;
    let read_later = (si + 1..k.stmts.len()).any(|j| k.reads(j, t));
    let n: usize = spec.shape(t).iter().product();
    k.outputs.contains(&t) && !read_later && n > samples
}

/// Checks the inputs (count, dtype, shape) and that the tensors `held`
/// fit in memory as f64, then loads the inputs: the same checks for the
/// full and the sampled run.
fn load_inputs(
    spec: &Specialized<'_>,
    inputs: &[HostTensor],
    held: impl Iterator<Item = kiln_ir::ir::TensorId>,
) -> Result<Vec<Option<Vec<f64>>>, InterpError> {
    let k = spec.kernel;
    if inputs.len() != k.inputs.len() {
        return Err(InterpError::InputCount {
            expected: k.inputs.len(),
            got: inputs.len(),
        });
    }
    let bytes: u128 = held
        .map(|t| spec.shape(t).iter().map(|&d| d as u128).product::<u128>() * 8)
        .sum();
    kiln_tensor::check_memory(bytes)?;
    let mut bufs: Vec<Option<Vec<f64>>> = vec![None; k.tensors.len()];
    for (&t, x) in k.inputs.iter().zip(inputs) {
        let tensor = &k.tensors[t];
        if x.dtype() != tensor.dtype || x.shape != spec.shape(t) {
            return Err(InterpError::InputMismatch {
                name: tensor.name.clone(),
                got: format!("{}{:?}", x.dtype(), x.shape),
                want: format!("{}{:?}", tensor.dtype, spec.shape(t)),
            });
        }
        bufs[idx(t)] = Some(x.to_f64());
    }
    Ok(bufs)
}

fn idx(t: kiln_ir::ir::TensorId) -> usize {
    t.into_raw().into_u32() as usize
}

/// Rounds an f64 to the precision of `dtype`.
fn round_to(dtype: DType, v: f64) -> f64 {
    match dtype {
        DType::F16 => kiln_ir::round_f16(v),
        DType::F32 => kiln_ir::round_f32(v),
        DType::F64 => v,
        DType::I32 => v,
    }
}

/// A read as (tensor index, base offset, per-variable flat strides).
type ReadPlan = (usize, i64, Vec<(usize, i64)>);

/// Precomputed flat-offset form of every read in one statement.
struct Plan {
    stmt: usize,
    ext: Vec<usize>,
    n_parallel: usize,
    /// Size symbol values, by symbol index.
    sizes: Vec<i64>,
    /// Per expression id (dense over the kernel): offset + Σ coef·var.
    reads: Vec<Option<ReadPlan>>,
}

impl Plan {
    fn new(spec: &Specialized<'_>, stmt: usize) -> Plan {
        let k = spec.kernel;
        let s = &k.stmts[stmt];
        let mut reads = vec![None; k.exprs.len()];
        k.walk(s.value, &mut |id, e| {
            if let ExprKind::Read { tensor, index } = &e.kind {
                let shape = spec.shape(*tensor);
                let mut stride = 1i64;
                let mut base = 0i64;
                let mut coefs = vec![0i64; s.vars.len()];
                for (axis, a) in index.iter().enumerate().rev() {
                    let (terms, off) = spec.affine(a);
                    base += off * stride;
                    for (v, c) in terms {
                        coefs[v as usize] += c * stride;
                    }
                    stride *= shape[axis] as i64;
                }
                let coefs = coefs
                    .into_iter()
                    .enumerate()
                    .filter(|(_, c)| *c != 0)
                    .collect();
                reads[id.into_raw().into_u32() as usize] = Some((idx(*tensor), base, coefs));
            }
        });
        Plan {
            stmt,
            ext: spec.domain(stmt).to_vec(),
            n_parallel: s.n_parallel,
            sizes: k.symbols.iter().map(|(id, _)| spec.size(id)).collect(),
            reads,
        }
    }
}

struct Eval<'a> {
    k: &'a Kernel,
    plan: &'a Plan,
    bufs: &'a [Option<Vec<f64>>],
    vars: Vec<i64>,
    div_by_zero: bool,
}

impl Eval<'_> {
    /// Computes output element `lin` (row-major over the parallel variables).
    fn element(&mut self, mut lin: usize) -> f64 {
        let p = self.plan;
        for v in (0..p.n_parallel).rev() {
            self.vars[v] = (lin % p.ext[v]) as i64;
            lin /= p.ext[v];
        }
        let s = &self.k.stmts[p.stmt];
        let ty = self.k.exprs[s.value].ty;
        let red = &p.ext[p.n_parallel..];
        if red.is_empty() {
            return self.eval(s.value);
        }
        if red.contains(&0) {
            return s.op.identity(ty);
        }
        let mut acc = s.op.identity(ty);
        for v in p.n_parallel..p.ext.len() {
            self.vars[v] = 0;
        }
        loop {
            let x = self.eval(s.value);
            acc = combine(s.op, ty, acc, x);
            // Odometer over the reduction variables, last fastest.
            let mut v = p.ext.len();
            loop {
                if v == p.n_parallel {
                    return acc;
                }
                v -= 1;
                self.vars[v] += 1;
                if (self.vars[v] as usize) < p.ext[v] {
                    break;
                }
                self.vars[v] = 0;
            }
        }
    }

    /// The value of expression `id`, rounded to its type (each operation
    /// is rounded, not only stores).
    fn eval(&mut self, id: ExprId) -> f64 {
        let v = kiln_ir::with_stack(|| self.eval_inner(id));
        round_to(self.k.exprs[id].ty, v)
    }

    fn eval_inner(&mut self, id: ExprId) -> f64 {
        let e = &self.k.exprs[id];
        let int = e.ty == DType::I32;
        match &e.kind {
            ExprKind::Float(v) => *v,
            ExprKind::Int(v) => *v as f64,
            ExprKind::Read { .. } => {
                let Some((t, base, coefs)) = &self.plan.reads[id.into_raw().into_u32() as usize]
                else {
                    unreachable!("every read of the statement is planned")
                };
                let mut off = *base;
                for (v, c) in coefs {
                    off += c * self.vars[*v];
                }
                match &self.bufs[*t] {
                    Some(b) => b[off as usize],
                    None => unreachable!("validated kernels read defined tensors only"),
                }
            }
            ExprKind::Size(s) => self.plan.sizes[s.into_raw().into_u32() as usize] as f64,
            ExprKind::Var(v) => self.vars[*v as usize] as f64,
            ExprKind::Neg(a) => {
                let a = self.eval(*a);
                if int {
                    (a as i32).wrapping_neg() as f64
                } else {
                    -a
                }
            }
            ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.eval(*a), self.eval(*b));
                if int {
                    self.int_binary(*op, a as i32, b as i32) as f64
                } else {
                    match op {
                        BinOp::Add => a + b,
                        BinOp::Sub => a - b,
                        BinOp::Mul => a * b,
                        _ => a / b,
                    }
                }
            }
            ExprKind::Call(f, args) => {
                let a = self.eval(args[0]);
                let b = if args.len() > 1 {
                    self.eval(args[1])
                } else {
                    0.0
                };
                match f {
                    Func::Exp => a.exp(),
                    Func::Log => a.ln(),
                    Func::Sqrt => a.sqrt(),
                    Func::Rsqrt => 1.0 / a.sqrt(),
                    Func::Tanh => a.tanh(),
                    Func::Sigmoid => 1.0 / (1.0 + (-a).exp()),
                    Func::Abs if int => (a as i32).wrapping_abs() as f64,
                    Func::Abs => a.abs(),
                    Func::Max => nan_max(a, b),
                    Func::Min => nan_min(a, b),
                    Func::Pow => a.powf(b),
                }
            }
            ExprKind::Select {
                cmp,
                lhs,
                rhs,
                then,
                otherwise,
            } => {
                let (l, r) = (self.eval(*lhs), self.eval(*rhs));
                let c = match cmp {
                    BinOp::Lt => l < r,
                    BinOp::Le => l <= r,
                    BinOp::Gt => l > r,
                    BinOp::Ge => l >= r,
                    BinOp::Eq => l == r,
                    _ => l != r,
                };
                self.eval(if c { *then } else { *otherwise })
            }
            ExprKind::Cast(a) => {
                let v = self.eval(*a);
                // Float to int truncates toward zero and saturates (NaN ->
                // 0); to a float type, `eval` rounds the result once.
                if int {
                    v as i32 as f64
                } else {
                    v
                }
            }
        }
    }

    fn int_binary(&mut self, op: BinOp, a: i32, b: i32) -> i32 {
        match op {
            BinOp::Add => a.wrapping_add(b),
            BinOp::Sub => a.wrapping_sub(b),
            BinOp::Mul => a.wrapping_mul(b),
            _ => {
                if b == 0 {
                    self.div_by_zero = true;
                    return 0;
                }
                let q = a.wrapping_div(b);
                if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
                    q.wrapping_sub(1)
                } else {
                    q
                }
            }
        }
    }
}

fn combine(op: AssignOp, ty: DType, acc: f64, x: f64) -> f64 {
    let int = ty == DType::I32;
    match op {
        AssignOp::Assign => x,
        AssignOp::Add if int => (acc as i32).wrapping_add(x as i32) as f64,
        AssignOp::Add => acc + x,
        AssignOp::Mul if int => (acc as i32).wrapping_mul(x as i32) as f64,
        AssignOp::Mul => acc * x,
        AssignOp::Max => nan_max(acc, x),
        AssignOp::Min => nan_min(acc, x),
    }
}

/// Larger of two, NaN if either is NaN, +0 above -0 (MLIR's
/// `arith.maximumf`, IEEE 754-2019 `maximum`).
fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == b {
        if a.is_sign_negative() {
            b
        } else {
            a
        }
    } else {
        a.max(b)
    }
}

/// Smaller of two, NaN if either is NaN, -0 below +0 (MLIR's
/// `arith.minimumf`).
fn nan_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == b {
        if a.is_sign_negative() {
            a
        } else {
            b
        }
    } else {
        a.min(b)
    }
}
