//! Loop-invariant subexpressions (CPU): a statement's subexpressions that
//! vary in none of the loops about to open (the vector column loop, the
//! reduction loops) are evaluated once per register-tile row before those
//! loops, as scalars, and every use inside broadcasts the value.
//! layernorm's `rsqrt(var[r] + eps)` was a scalar square root and division
//! per vector of 16 elements, since LLVM cannot move the load of `var[r]`
//! past the stores to `y` (it cannot prove that they do not alias).
//!
//! What may move: float and integer arithmetic, calls, casts, selects and
//! reads, none of which can trap (every read's index is in bounds for the
//! whole domain, checked when the kernel is specialized), so evaluating one
//! where the loops would not have (an empty column range, an untaken
//! `select` branch) changes nothing. What may not: an i32 division (it
//! raises the division-by-zero error, which only a taken branch may do) and
//! a read of the statement's own target. Values are the same bits either
//! way: the same operations on the same operands. Only computations move:
//! a lone read stays a (folded, broadcast) load where it is used.

use super::{FnEmitter, VarVal};
use kiln_ir::ast::BinOp;
use kiln_ir::ir::{ExprId, ExprKind, VarId};
use kiln_ir::DType;

/// Hoisted values of one loop scope: (expression, the SSA values of the
/// variables it reads, its scalar value).
pub(super) type Hoisted = Vec<(ExprId, Vec<String>, String)>;

/// What a subtree is with respect to the loops being opened.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inv {
    /// Constants only: nothing to gain.
    Const,
    /// Invariant, safe to evaluate early, and worth it.
    Hoist,
    /// Varies in a loop, or must stay where it is.
    Stays,
}

impl FnEmitter<'_, '_> {
    /// Starts a hoisting scope: at each of `points` (the register tile's
    /// rows, their variables bound except the `varying` ones), evaluates the
    /// maximal subexpressions of the statement's value that read no varying
    /// variable. Returns the enclosing scope, to give back to
    /// [`FnEmitter::end_hoist`] when the loops are closed.
    pub(super) fn begin_hoist(
        &mut self,
        points: &[Vec<Option<VarVal>>],
        varying: &[VarId],
    ) -> Hoisted {
        let outer = std::mem::take(&mut self.hoisted);
        self.hoist_more(points, varying);
        outer
    }

    /// Adds the current statement's invariant subexpressions at `points`
    /// to the current scope (see [`FnEmitter::begin_hoist`]).
    pub(super) fn hoist_more(&mut self, points: &[Vec<Option<VarVal>>], varying: &[VarId]) {
        if self.gpu.is_some() {
            return;
        }
        let k = self.spec.kernel;
        let s = &k.stmts[self.stmt];
        let vary: Vec<bool> = (0..s.vars.len() as VarId)
            .map(|v| varying.contains(&v))
            .collect();
        let value = s.value;
        for p in points {
            self.hoist_from(value, p, &vary);
        }
    }

    /// Ends a hoisting scope (its values are not defined outside it).
    pub(super) fn end_hoist(&mut self, outer: Hoisted) {
        self.hoisted = outer;
    }

    /// The hoisted scalar for expression `id` at point `p`, if any.
    pub(super) fn hoisted_at(&mut self, id: ExprId, p: &[Option<VarVal>]) -> Option<String> {
        if !self.hoisted.iter().any(|(e, ..)| *e == id) {
            return None;
        }
        let key = self.var_values(id, p)?;
        self.hoisted
            .iter()
            .find(|(e, vals, _)| *e == id && *vals == key)
            .map(|(_, _, v)| v.clone())
    }

    /// The SSA values of the variables expression `id` reads at `p`.
    fn var_values(&self, id: ExprId, p: &[Option<VarVal>]) -> Option<Vec<String>> {
        let mut vars = Vec::new();
        self.spec.kernel.walk(id, &mut |_, e| match &e.kind {
            ExprKind::Var(v) => vars.push(*v),
            ExprKind::Read { index, .. } => {
                vars.extend(index.iter().flat_map(|a| a.terms.iter().map(|(v, _)| *v)))
            }
            _ => {}
        });
        vars.sort_unstable();
        vars.dedup();
        vars.iter()
            .map(|&v| p.get(v as usize)?.as_ref().map(|x| x.base.clone()))
            .collect()
    }

    fn hoist_from(&mut self, e: ExprId, p: &[Option<VarVal>], vary: &[bool]) {
        let k = self.spec.kernel;
        match self.invariance(e, vary) {
            Inv::Const => {}
            Inv::Hoist => {
                let Some(key) = self.var_values(e, p) else {
                    return;
                };
                if !self
                    .hoisted
                    .iter()
                    .any(|(x, vals, _)| *x == e && *vals == key)
                {
                    let v = self.expr(e, p, 1);
                    self.hoisted.push((e, key, v));
                }
            }
            Inv::Stays => match &k.exprs[e].kind {
                ExprKind::Read { tensor, index } => {
                    // An inlined temporary's expression is evaluated at the
                    // read: its invariant parts can move too, its variables
                    // being the read's index variables.
                    let Some(&(_, d)) = self.inlined.iter().find(|(t, _)| t == tensor) else {
                        return;
                    };
                    let mut pd = vec![None; k.stmts[d].vars.len()];
                    let mut vd = vec![false; k.stmts[d].vars.len()];
                    for (axis, a) in index.iter().enumerate() {
                        if let Some(v) = a.as_plain() {
                            pd[axis] = p[v as usize].clone();
                            vd[axis] = vary[v as usize];
                        }
                    }
                    self.hoist_from(k.stmts[d].value, &pd, &vd);
                }
                ExprKind::Neg(a) | ExprKind::Cast(a) => self.hoist_from(*a, p, vary),
                ExprKind::Binary(_, a, b) => {
                    self.hoist_from(*a, p, vary);
                    self.hoist_from(*b, p, vary);
                }
                ExprKind::Call(_, args) => {
                    for a in args.clone() {
                        self.hoist_from(a, p, vary);
                    }
                }
                ExprKind::Select {
                    lhs,
                    rhs,
                    then,
                    otherwise,
                    ..
                } => {
                    for a in [*lhs, *rhs, *then, *otherwise] {
                        self.hoist_from(a, p, vary);
                    }
                }
                _ => {}
            },
        }
    }

    /// Whether subtree `e` may be evaluated before the loops over the
    /// `vary` variables.
    fn invariance(&self, e: ExprId, vary: &[bool]) -> Inv {
        let k = self.spec.kernel;
        let target = k.stmts[self.stmt].target;
        let mut moves = true;
        let mut constant = true;
        let reads_varying = |index: &[kiln_ir::ir::Affine]| {
            index
                .iter()
                .any(|a| a.terms.iter().any(|(v, _)| vary[*v as usize]))
        };
        let mut visit = |x: &kiln_ir::ir::Expr| match &x.kind {
            ExprKind::Float(_) | ExprKind::Int(_) | ExprKind::Size(_) => {}
            ExprKind::Var(v) => {
                constant = false;
                moves &= !vary[*v as usize];
            }
            ExprKind::Read { tensor, index } => {
                constant = false;
                moves &= *tensor != target && !reads_varying(index);
            }
            ExprKind::Binary(BinOp::Div, ..) if x.ty == DType::I32 => moves = false,
            _ => constant = false,
        };
        k.walk(e, &mut |_, x| visit(x));
        // A lone read (or index, or a conversion of one) stays: x86 folds a
        // broadcast load into the instruction using it, while a hoisted
        // value holds a vector register per tile row for the whole loop
        // (attention_decode's 8-row tile spilled).
        let mut leaf = e;
        while let ExprKind::Cast(a) = &k.exprs[leaf].kind {
            leaf = *a;
        }
        let lone = matches!(k.exprs[leaf].kind, ExprKind::Read { .. } | ExprKind::Var(_));
        match (moves, constant) {
            (_, true) => Inv::Const,
            (true, false) if !lone => Inv::Hoist,
            _ => Inv::Stays,
        }
    }
}
