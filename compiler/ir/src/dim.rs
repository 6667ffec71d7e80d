//! Size expressions: dimensions of tensors and coefficients of affine indices.

use crate::ir::SymbolId;
use std::collections::BTreeMap;

/// A size expression over size symbols and integer literals. `/` is floor
/// division.
///
/// `Clone`, `PartialEq`, `Hash`, `Debug` and `Drop` recurse through
/// [`crate::with_stack`], so expressions as high as the parser allows are
/// safe on any thread.
pub enum DimExpr {
    /// Integer literal.
    Lit(i64),
    /// A size symbol.
    Sym(SymbolId),
    /// `a + b`
    Add(Box<DimExpr>, Box<DimExpr>),
    /// `a - b`
    Sub(Box<DimExpr>, Box<DimExpr>),
    /// `a * b`
    Mul(Box<DimExpr>, Box<DimExpr>),
    /// `a / b` (floor)
    Div(Box<DimExpr>, Box<DimExpr>),
}

impl DimExpr {
    /// The two operands of a binary node.
    fn operands(&self) -> Option<(&DimExpr, &DimExpr)> {
        match self {
            DimExpr::Add(a, b) | DimExpr::Sub(a, b) | DimExpr::Mul(a, b) | DimExpr::Div(a, b) => {
                Some((a, b))
            }
            DimExpr::Lit(_) | DimExpr::Sym(_) => None,
        }
    }
}

impl Clone for DimExpr {
    fn clone(&self) -> Self {
        crate::with_stack(|| match self {
            DimExpr::Lit(v) => DimExpr::Lit(*v),
            DimExpr::Sym(s) => DimExpr::Sym(*s),
            DimExpr::Add(a, b) => DimExpr::Add(a.clone(), b.clone()),
            DimExpr::Sub(a, b) => DimExpr::Sub(a.clone(), b.clone()),
            DimExpr::Mul(a, b) => DimExpr::Mul(a.clone(), b.clone()),
            DimExpr::Div(a, b) => DimExpr::Div(a.clone(), b.clone()),
        })
    }
}

impl PartialEq for DimExpr {
    fn eq(&self, other: &Self) -> bool {
        crate::with_stack(|| match (self, other) {
            (DimExpr::Lit(a), DimExpr::Lit(b)) => a == b,
            (DimExpr::Sym(a), DimExpr::Sym(b)) => a == b,
            _ => {
                std::mem::discriminant(self) == std::mem::discriminant(other)
                    && match (self.operands(), other.operands()) {
                        (Some((a, b)), Some((c, d))) => a == c && b == d,
                        _ => false,
                    }
            }
        })
    }
}

impl Eq for DimExpr {}

impl std::hash::Hash for DimExpr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        crate::with_stack(|| {
            std::mem::discriminant(self).hash(state);
            match self {
                DimExpr::Lit(v) => v.hash(state),
                DimExpr::Sym(s) => s.hash(state),
                _ => {
                    if let Some((a, b)) = self.operands() {
                        a.hash(state);
                        b.hash(state);
                    }
                }
            }
        })
    }
}

impl std::fmt::Debug for DimExpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::with_stack(|| match self {
            DimExpr::Lit(v) => f.debug_tuple("Lit").field(v).finish(),
            DimExpr::Sym(s) => f.debug_tuple("Sym").field(s).finish(),
            DimExpr::Add(a, b) => f.debug_tuple("Add").field(a).field(b).finish(),
            DimExpr::Sub(a, b) => f.debug_tuple("Sub").field(a).field(b).finish(),
            DimExpr::Mul(a, b) => f.debug_tuple("Mul").field(a).field(b).finish(),
            DimExpr::Div(a, b) => f.debug_tuple("Div").field(a).field(b).finish(),
        })
    }
}

impl Drop for DimExpr {
    fn drop(&mut self) {
        if let DimExpr::Add(a, b) | DimExpr::Sub(a, b) | DimExpr::Mul(a, b) | DimExpr::Div(a, b) =
            self
        {
            // Move the children out and drop them under `with_stack`; the
            // boxes are then left holding leaves.
            let a = std::mem::replace(&mut **a, DimExpr::Lit(0));
            let b = std::mem::replace(&mut **b, DimExpr::Lit(0));
            crate::with_stack(move || drop((a, b)));
        }
    }
}

/// Floor division (`None` on division by zero or overflow).
pub fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Why a size expression has no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DimEvalError {
    /// A symbol without a value.
    Unbound(SymbolId),
    /// Division by zero.
    DivByZero,
    /// Result outside i64.
    Overflow,
}

impl DimExpr {
    /// Evaluates with `lookup` giving each symbol's value, in checked i64
    /// arithmetic: an intermediate or final value outside i64 is
    /// [`DimEvalError::Overflow`], never a wrap.
    pub fn eval(&self, lookup: &dyn Fn(SymbolId) -> Option<i64>) -> Result<i64, DimEvalError> {
        crate::with_stack(|| self.eval_inner(lookup))
    }

    fn eval_inner(&self, lookup: &dyn Fn(SymbolId) -> Option<i64>) -> Result<i64, DimEvalError> {
        use DimEvalError::*;
        Ok(match self {
            DimExpr::Lit(v) => *v,
            DimExpr::Sym(s) => lookup(*s).ok_or(Unbound(*s))?,
            DimExpr::Add(a, b) => a
                .eval(lookup)?
                .checked_add(b.eval(lookup)?)
                .ok_or(Overflow)?,
            DimExpr::Sub(a, b) => a
                .eval(lookup)?
                .checked_sub(b.eval(lookup)?)
                .ok_or(Overflow)?,
            DimExpr::Mul(a, b) => a
                .eval(lookup)?
                .checked_mul(b.eval(lookup)?)
                .ok_or(Overflow)?,
            DimExpr::Div(a, b) => {
                let (a, b) = (a.eval(lookup)?, b.eval(lookup)?);
                if b == 0 {
                    return Err(DivByZero);
                }
                floor_div(a, b).ok_or(Overflow)?
            }
        })
    }

    /// Value without symbols, if it has one.
    pub fn constant(&self) -> Option<i64> {
        self.eval(&|_| None).ok()
    }

    /// Linear normal form `Σ coef·sym + c`, when the expression is linear
    /// and its coefficients fit in i64 (checked arithmetic throughout).
    fn linear(&self) -> Option<(BTreeMap<u32, i64>, i64)> {
        crate::with_stack(|| self.linear_inner())
    }

    fn linear_inner(&self) -> Option<(BTreeMap<u32, i64>, i64)> {
        match self {
            DimExpr::Lit(v) => Some((BTreeMap::new(), *v)),
            DimExpr::Sym(s) => Some((BTreeMap::from([(s.into_raw().into_u32(), 1)]), 0)),
            DimExpr::Add(a, b) | DimExpr::Sub(a, b) => {
                let sub = matches!(self, DimExpr::Sub(..));
                let (mut ta, ca) = a.linear()?;
                let (tb, cb) = b.linear()?;
                for (k, v) in tb {
                    let e = ta.entry(k).or_insert(0);
                    *e = if sub {
                        e.checked_sub(v)?
                    } else {
                        e.checked_add(v)?
                    };
                }
                ta.retain(|_, v| *v != 0);
                let c = if sub {
                    ca.checked_sub(cb)?
                } else {
                    ca.checked_add(cb)?
                };
                Some((ta, c))
            }
            DimExpr::Mul(a, b) => {
                let (ta, ca) = a.linear()?;
                let (tb, cb) = b.linear()?;
                let (terms, k, c) = match (ta.is_empty(), tb.is_empty()) {
                    (true, _) => (tb, ca, cb),
                    (_, true) => (ta, cb, ca),
                    _ => return None,
                };
                let mut t = BTreeMap::new();
                for (s, v) in terms {
                    t.insert(s, v.checked_mul(k)?);
                }
                t.retain(|_, v| *v != 0);
                Some((t, c.checked_mul(k)?))
            }
            DimExpr::Div(..) => {
                let c = self.constant()?;
                Some((BTreeMap::new(), c))
            }
        }
    }

    /// Symbolic equality: equal linear normal forms, else equal trees.
    pub fn same_as(&self, other: &DimExpr) -> bool {
        match (self.linear(), other.linear()) {
            (Some(a), Some(b)) => a == b,
            _ => self == other,
        }
    }

    /// Symbols used, in order of first use.
    pub fn symbols(&self, out: &mut Vec<SymbolId>) {
        crate::with_stack(|| self.symbols_inner(out))
    }

    fn symbols_inner(&self, out: &mut Vec<SymbolId>) {
        match self {
            DimExpr::Lit(_) => {}
            DimExpr::Sym(s) => {
                if !out.contains(s) {
                    out.push(*s)
                }
            }
            DimExpr::Add(a, b) | DimExpr::Sub(a, b) | DimExpr::Mul(a, b) | DimExpr::Div(a, b) => {
                a.symbols(out);
                b.symbols(out);
            }
        }
    }

    /// Prints with symbol names from `name`.
    pub fn display(&self, name: &dyn Fn(SymbolId) -> String) -> String {
        fn go(
            e: &DimExpr,
            name: &dyn Fn(SymbolId) -> String,
            out: &mut String,
            parent: u8,
            right: bool,
        ) {
            let (p, op, a, b) = match e {
                DimExpr::Lit(v) => return out.push_str(&v.to_string()),
                DimExpr::Sym(s) => return out.push_str(&name(*s)),
                DimExpr::Add(a, b) => (2, "+", a, b),
                DimExpr::Sub(a, b) => (2, "-", a, b),
                DimExpr::Mul(a, b) => (3, "*", a, b),
                DimExpr::Div(a, b) => (3, "/", a, b),
            };
            let paren = p < parent || (right && p == parent);
            if paren {
                out.push('(');
            }
            crate::with_stack(|| go(a, name, out, p, false));
            out.push(' ');
            out.push_str(op);
            out.push(' ');
            crate::with_stack(|| go(b, name, out, p, true));
            if paren {
                out.push(')');
            }
        }
        let mut out = String::new();
        go(self, name, &mut out, 0, false);
        out
    }
}
