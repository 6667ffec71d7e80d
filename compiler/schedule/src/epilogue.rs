//! Epilogues: an elementwise statement computed in the register tile of
//! the reduction before it.
//!
//! In `t[i, j] += a[i, k] * w[k, j]; y[i, j] = max(t[i, j] + bias[j], 0);`
//! the second statement only reads the first one's result at its own point.
//! With `epilogue` set on it, the first statement's register tile applies it
//! to each finished accumulator and stores `y` directly: one pass over the
//! output instead of a store of `t`, a second launch and a reload.

use kiln_ir::ast::AssignOp;
use kiln_ir::ir::{ExprKind, TensorKind};
use kiln_ir::Specialized;

/// Why statement `i` cannot be the epilogue of statement `i - 1`, or
/// `None` when it can: statement `i - 1` reduces into `t`; statement `i`
/// assigns (no reduction) over the same parallel domain; it reads `t` only
/// at its own point (`t[i, j]` with its parallel variables in order), and
/// otherwise only kernel inputs, so nothing it reads changes while the
/// previous statement runs; and it does not read its own target.
pub fn epilogue_blocker(spec: &Specialized<'_>, i: usize) -> Option<&'static str> {
    let k = spec.kernel;
    if i == 0 || i >= k.stmts.len() {
        return Some("the first statement has no previous statement");
    }
    let (prev, s) = (&k.stmts[i - 1], &k.stmts[i]);
    if prev.vars.len() == prev.n_parallel || prev.op == AssignOp::Assign {
        return Some("the previous statement is not a reduction");
    }
    if s.vars.len() != s.n_parallel || s.op != AssignOp::Assign {
        return Some("the statement reduces or accumulates; an epilogue assigns elementwise");
    }
    let np = s.n_parallel;
    if np == 0 || prev.n_parallel != np || spec.domain(i)[..np] != spec.domain(i - 1)[..np] {
        return Some("its parallel domain differs from the previous statement's");
    }
    let t = prev.target;
    if s.target == t {
        return Some("it writes the previous statement's target");
    }
    let mut why = None;
    k.walk(s.value, &mut |_, e| {
        let ExprKind::Read { tensor, index } = &e.kind else {
            return;
        };
        if *tensor == t {
            let own_point = index.len() == np
                && index
                    .iter()
                    .enumerate()
                    .all(|(v, a)| a.as_plain() == Some(v as kiln_ir::ir::VarId));
            if !own_point {
                why = Some("it reads the previous statement's result at another point");
            }
        } else if k.tensors[*tensor].kind != TensorKind::Input {
            why = Some("it reads a tensor other than the previous result and kernel inputs");
        }
    });
    why
}

/// True when the reduction's own result need not be stored once the
/// epilogue has run: a temporary that no statement but the epilogue reads.
pub fn epilogue_drops_target(spec: &Specialized<'_>, i: usize) -> bool {
    let k = spec.kernel;
    let t = k.stmts[i - 1].target;
    if k.tensors[t].kind != TensorKind::Temp {
        return false;
    }
    !(0..k.stmts.len()).any(|j| j != i && k.reads(j, t))
}
