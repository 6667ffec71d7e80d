//! Inlined temporaries: a cheap elementwise statement whose result is
//! recomputed wherever it is read instead of stored and reloaded.
//!
//! In layernorm, `d[r, c] = x[r, c] - mu[r]` feeds the variance and the
//! output. With `inline` set on it, `d` is never written: both readers
//! compute `x[r, c] - mu[r]` in place of their reads of `d`, one pass over
//! the row and one buffer less. The value is the same bit for bit: the
//! expression has the type of `d` and is rounded per operation either way.

use crate::{contiguous_in, local_temps, Schedule, MAX_STMT_TENSORS};
use kiln_ir::ast::{AssignOp, BinOp};
use kiln_ir::ir::{ExprKind, TensorId, TensorKind};
use kiln_ir::{DType, Specialized};

/// Most expression nodes an inlined statement may have (its expression is
/// recomputed at every read).
pub const MAX_INLINE_NODES: usize = 8;

/// Why statement `i` cannot be inlined into its readers, or `None` when it
/// can (as far as the kernel goes; [`Schedule::validate`] adds the
/// schedule's conditions): it assigns a float temporary elementwise (no
/// reduction), its expression is small and calls no function and divides
/// nothing, it is a contiguous row operation (so a reader that vectorizes
/// along a row of it still reads contiguous memory), and every later read
/// of its target indexes with plain variables.
pub fn inline_blocker(spec: &Specialized<'_>, i: usize) -> Option<&'static str> {
    let k = spec.kernel;
    let s = &k.stmts[i];
    let t = s.target;
    if k.tensors[t].kind != TensorKind::Temp {
        return Some("its target is not a temporary");
    }
    if !matches!(k.tensors[t].dtype, DType::F32 | DType::F64) {
        return Some("its target is not f32 or f64");
    }
    if s.op != AssignOp::Assign || s.vars.len() != s.n_parallel || s.n_parallel == 0 {
        return Some("it reduces or accumulates; only elementwise statements inline");
    }
    let mut nodes = 0;
    let mut costly = false;
    k.walk(s.value, &mut |_, e| {
        nodes += 1;
        costly |= matches!(
            e.kind,
            ExprKind::Call(..) | ExprKind::Binary(BinOp::Div, ..)
        );
    });
    if costly || nodes > MAX_INLINE_NODES {
        return Some("its expression is not cheap (a call, a division or more than 8 nodes)");
    }
    if !contiguous_in(spec, i, (s.n_parallel - 1) as kiln_ir::ir::VarId) {
        return Some("it reads some tensor across its rows");
    }
    let mut readers = 0;
    let mut why = None;
    for r in &k.stmts[i + 1..] {
        let mut reads = false;
        k.walk(r.value, &mut |_, e| {
            if let ExprKind::Read { tensor, index } = &e.kind {
                if *tensor == t {
                    reads = true;
                    if index.iter().any(|a| a.as_plain().is_none()) {
                        why = Some("a statement reads it at a shifted or scaled index");
                    }
                }
            }
        });
        readers += reads as usize;
    }
    if readers == 0 {
        return Some("no statement reads it");
    }
    why
}

/// The statements reading tensor `t`.
pub(crate) fn readers(spec: &Specialized<'_>, t: TensorId) -> Vec<usize> {
    let k = spec.kernel;
    (0..k.stmts.len()).filter(|&j| k.reads(j, t)).collect()
}

/// The statements whose expressions a launch of statement `j` evaluates
/// under `sched`: the inlined statements it reads, and theirs in turn.
pub fn inlined_into(spec: &Specialized<'_>, sched: &Schedule, j: usize) -> Vec<usize> {
    let k = spec.kernel;
    let mut out: Vec<usize> = Vec::new();
    let mut todo = vec![j];
    while let Some(s) = todo.pop() {
        k.walk(k.stmts[s].value, &mut |_, e| {
            if let ExprKind::Read { tensor, .. } = &e.kind {
                if let Some(d) = (0..s).find(|&d| k.stmts[d].target == *tensor) {
                    if sched.stmts[d].inline && !out.contains(&d) {
                        out.push(d);
                        todo.push(d);
                    }
                }
            }
        });
    }
    out
}

/// The schedule's conditions for inlining statement `i` (the kernel's are
/// [`inline_blocker`]): no reader is an epilogue or packs an operand (both
/// take their reads from elsewhere than the expression), a reader still
/// fits [`MAX_STMT_TENSORS`], and when the statement reads a block-local
/// temporary, every reader runs in its fused group (where that temporary
/// lives).
pub(crate) fn schedule_blocker(
    spec: &Specialized<'_>,
    sched: &Schedule,
    i: usize,
) -> Option<String> {
    let k = spec.kernel;
    let t = k.stmts[i].target;
    if sched.stmts[i].epilogue {
        return Some(
            "an epilogue is computed in its reduction's tile; it cannot also be inlined".into(),
        );
    }
    let group = crate::groups(sched)
        .into_iter()
        .find(|g| g.contains(&i))
        .unwrap_or(i..i + 1);
    let local: Vec<TensorId> = local_temps(spec, sched)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    let mut reads_local = false;
    for d in std::iter::once(i).chain(inlined_into(spec, sched, i)) {
        k.walk(k.stmts[d].value, &mut |_, e| {
            if let ExprKind::Read { tensor, .. } = &e.kind {
                reads_local |= local.contains(tensor);
            }
        });
    }
    for j in readers(spec, t) {
        let st = &sched.stmts[j];
        if st.epilogue {
            return Some(format!("statement {j} reads it and is an epilogue"));
        }
        if st.pack {
            return Some(format!("statement {j} reads it and packs an operand"));
        }
        if reads_local && !group.contains(&j) {
            return Some(format!(
                "it reads a block-local temporary and statement {j}, which reads it, is outside its fused group"
            ));
        }
        let mut tensors = crate::stmt_tensors(spec, j);
        for d in inlined_into(spec, sched, j) {
            for x in crate::stmt_tensors(spec, d) {
                if !tensors.contains(&x) {
                    tensors.push(x);
                }
            }
        }
        if tensors.len() > MAX_STMT_TENSORS {
            return Some(format!(
                "statement {j} would read more than {MAX_STMT_TENSORS} tensors"
            ));
        }
    }
    None
}
