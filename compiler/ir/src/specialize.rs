//! Binding a kernel to concrete sizes: call-time checks and iteration domains.
//!
//! A [`Specialized`] kernel knows every size symbol's value, every tensor's
//! concrete shape (temporaries included) and every statement's loop extents,
//! and guarantees that every affine read stays inside its tensor. This is
//! what the interpreter, the backends and the tuner consume.

use crate::diag::{Diag, ErrorKind as E};
use crate::dim::{DimEvalError, DimExpr};
use crate::ir::*;
use std::collections::BTreeMap;

/// Largest number of elements accepted for one tensor or one statement's
/// iteration space (2^48): beyond it sizes are surely a mistake.
pub const MAX_ELEMENTS: i64 = 1 << 48;

/// dtype and shape of a call argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgSpec {
    /// Element type.
    pub dtype: DType,
    /// Shape (empty for a scalar).
    pub shape: Vec<usize>,
}

/// A kernel bound to concrete sizes.
#[derive(Clone, Debug)]
pub struct Specialized<'k> {
    /// The kernel.
    pub kernel: &'k Kernel,
    sizes: Vec<i64>,
    shapes: Vec<Vec<usize>>,
    domains: Vec<Vec<usize>>,
}

impl<'k> Specialized<'k> {
    /// Binds sizes from argument shapes and checks the call: missing and extra
    /// arguments, dtypes, ranks, symbol agreement, dimensions, bounds.
    pub fn from_args(kernel: &'k Kernel, args: &BTreeMap<String, ArgSpec>) -> Result<Self, Diag> {
        for name in args.keys() {
            let is_input = kernel
                .inputs
                .iter()
                .any(|&t| kernel.tensors[t].name == *name);
            if !is_input {
                let names: Vec<&str> = kernel
                    .inputs
                    .iter()
                    .map(|&t| kernel.tensors[t].name.as_str())
                    .collect();
                let what = if kernel
                    .outputs
                    .iter()
                    .any(|&t| kernel.tensors[t].name == *name)
                {
                    "is an output, not an input"
                } else {
                    "matches no parameter"
                };
                return Err(Diag::unspanned(
                    E::ExtraArgument,
                    format!("argument `{name}` {what} of kernel `{}`", kernel.name),
                )
                .help(format!("inputs: {}", names.join(", "))));
            }
        }
        let mut sizes: Vec<Option<(i64, TensorId, usize)>> = vec![None; kernel.symbols.len()];
        for &t in &kernel.inputs {
            let tensor = &kernel.tensors[t];
            let Some(arg) = args.get(&tensor.name) else {
                return Err(Diag::new(
                    E::MissingArgument,
                    tensor.span,
                    format!(
                        "missing argument `{}` ({})",
                        tensor.name,
                        kernel.type_str(t)
                    ),
                )
                .label("no argument for this parameter"));
            };
            if arg.dtype != tensor.dtype {
                return Err(Diag::new(
                    E::DtypeMismatch,
                    tensor.span,
                    format!(
                        "argument `{}` has dtype {} but the kernel declares {}",
                        tensor.name, arg.dtype, tensor.dtype
                    ),
                )
                .label(format!("declared {}", kernel.type_str(t))));
            }
            if arg.shape.len() != tensor.shape.len() {
                return Err(Diag::new(
                    E::ShapeMismatch,
                    tensor.span,
                    format!(
                        "argument `{}` has rank {} (shape {:?}) but the kernel declares rank {}",
                        tensor.name,
                        arg.shape.len(),
                        arg.shape,
                        tensor.shape.len()
                    ),
                )
                .label(format!("declared {}", kernel.type_str(t))));
            }
            for (axis, (d, &n)) in tensor.shape.iter().zip(&arg.shape).enumerate() {
                let n = match i64::try_from(n) {
                    Ok(n) if n <= MAX_ELEMENTS => n,
                    _ => {
                        return Err(Diag::new(
                            E::TooLarge,
                            tensor.span,
                            format!(
                                "argument `{}` has size {n} in dimension {axis}, more than the supported 2^48",
                                tensor.name
                            ),
                        )
                        .label(format!("declared {}", kernel.type_str(t))))
                    }
                };
                match d {
                    DimExpr::Sym(s) => match sizes[s.into_raw().into_u32() as usize] {
                        None => sizes[s.into_raw().into_u32() as usize] = Some((n, t, axis)),
                        Some((m, t0, axis0)) if m != n => {
                            let sym = &kernel.symbols[*s].name;
                            return Err(Diag::new(
                                E::ShapeMismatch,
                                tensor.span,
                                format!(
                                    "size `{sym}` is {m} from `{}` (dimension {axis0}) but {n} from `{}` (dimension {axis})",
                                    kernel.tensors[t0].name, tensor.name
                                ),
                            )
                            .label(format!("`{}` has shape {:?}", tensor.name, arg.shape))
                            .with(kernel.tensors[t0].span, format!("`{sym}` = {m} here")));
                        }
                        Some(_) => {}
                    },
                    other => {
                        let want = other.constant().unwrap_or(-1);
                        if want != n {
                            return Err(Diag::new(
                                E::ShapeMismatch,
                                tensor.span,
                                format!(
                                    "argument `{}` has size {n} in dimension {axis} but the kernel declares {want}",
                                    tensor.name
                                ),
                            )
                            .label(format!("declared {}", kernel.type_str(t))));
                        }
                    }
                }
            }
        }
        let values = sizes.iter().map(|s| s.map_or(0, |x| x.0)).collect();
        Self::finish(kernel, values)
    }

    /// Binds sizes by symbol name (`M=1024,N=...`).
    pub fn from_sizes(kernel: &'k Kernel, given: &BTreeMap<String, i64>) -> Result<Self, Diag> {
        let all: Vec<&str> = kernel
            .symbols
            .iter()
            .map(|(_, s)| s.name.as_str())
            .collect();
        for name in given.keys() {
            if kernel.symbol_by_name(name).is_none() {
                return Err(Diag::unspanned(
                    E::SizeBinding,
                    format!("`{name}` is not a size symbol of kernel `{}`", kernel.name),
                )
                .help(format!("size symbols: {}", all.join(", "))));
            }
        }
        let mut values = Vec::new();
        for (_, s) in kernel.symbols.iter() {
            let Some(&v) = given.get(&s.name) else {
                return Err(Diag::new(
                    E::SizeBinding,
                    s.span,
                    format!("size symbol `{}` has no value", s.name),
                )
                .help(format!(
                    "give every size: {}",
                    all.iter()
                        .map(|n| format!("{n}=..."))
                        .collect::<Vec<_>>()
                        .join(",")
                )));
            };
            if v < 1 {
                return Err(Diag::new(
                    E::BadDimension,
                    s.span,
                    format!("size `{}` = {v}; sizes must be at least 1", s.name),
                ));
            }
            values.push(v);
        }
        Self::finish(kernel, values)
    }

    fn finish(kernel: &'k Kernel, sizes: Vec<i64>) -> Result<Self, Diag> {
        let lookup = |s: SymbolId| sizes.get(s.into_raw().into_u32() as usize).copied();
        // `what` names the dimension ("dimension of `y`", "range of `i`"),
        // `which` more precisely ("dimension 2 of `y`").
        let eval = |d: &DimExpr, span, what: &str, which: &str| -> Result<usize, Diag> {
            let v = d.eval(&lookup).map_err(|e| {
                let (kind, why) = match e {
                    DimEvalError::DivByZero => (E::BadDimension, "divides by zero".to_string()),
                    DimEvalError::Overflow => (
                        E::TooLarge,
                        "is too large: computing it overflows a 64-bit integer".to_string(),
                    ),
                    DimEvalError::Unbound(s) => (
                        E::SizeBinding,
                        format!("uses unbound `{}`", kernel.symbols[s].name),
                    ),
                };
                Diag::new(kind, span, format!("{which} `{}` {why}", kernel.dim_str(d)))
                    .help(sizes_help(kernel, &sizes))
            })?;
            if v < 1 {
                return Err(Diag::new(
                    E::BadDimension,
                    span,
                    format!(
                        "{what} `{}` evaluates to {v}; it must be at least 1",
                        kernel.dim_str(d)
                    ),
                )
                .help(sizes_help(kernel, &sizes)));
            }
            match usize::try_from(v) {
                Ok(v) if v as u64 <= MAX_ELEMENTS as u64 => Ok(v),
                _ => Err(Diag::new(
                    E::TooLarge,
                    span,
                    format!(
                        "{which} `{}` is too large: it evaluates to {v}, more than the supported 2^48",
                        kernel.dim_str(d)
                    ),
                )
                .help(sizes_help(kernel, &sizes))),
            }
        };
        let mut shapes = Vec::new();
        for (_, t) in kernel.tensors.iter() {
            let mut shape = Vec::new();
            for (axis, d) in t.shape.iter().enumerate() {
                let what = format!("dimension of `{}`", t.name);
                let which = format!("dimension {axis} of `{}`", t.name);
                shape.push(eval(d, t.span, &what, &which)?);
            }
            check_count(&shape, t.span, &format!("tensor `{}`", t.name))?;
            shapes.push(shape);
        }
        let mut domains = Vec::new();
        for s in &kernel.stmts {
            let mut ext = Vec::new();
            for v in &s.vars {
                let what = format!("range of `{}`", v.name);
                ext.push(eval(&v.extent, v.span, &what, &what)?);
            }
            let target = &kernel.tensors[s.target].name;
            check_count(
                &ext,
                s.span,
                &format!("the iteration space of the statement writing `{target}`"),
            )?;
            domains.push(ext);
        }
        let spec = Specialized {
            kernel,
            sizes,
            shapes,
            domains,
        };
        spec.check_bounds()?;
        spec.check_i32_values()?;
        Ok(spec)
    }

    fn check_bounds(&self) -> Result<(), Diag> {
        let k = self.kernel;
        let mut err = None;
        for (si, s) in k.stmts.iter().enumerate() {
            let ext = &self.domains[si];
            k.walk(s.value, &mut |_, e| {
                let ExprKind::Read { tensor, index } = &e.kind else { return };
                if err.is_some() {
                    return;
                }
                for (axis, a) in index.iter().enumerate() {
                    let name = &k.tensors[*tensor].name;
                    let (lo, hi) = match self.affine_range_checked(a, ext) {
                        Ok(r) => r,
                        Err(why) => {
                            err = Some(
                                Diag::new(
                                    why.0,
                                    a.span,
                                    format!("index {axis} of `{name}` {}", why.1),
                                )
                                .help(sizes_help(k, &self.sizes)),
                            );
                            return;
                        }
                    };
                    let n = self.shapes[tensor.into_raw().into_u32() as usize][axis] as i64;
                    if lo < 0 || hi >= n {
                        let bad = if lo < 0 { lo } else { hi };
                        err = Some(
                            Diag::new(
                                E::OutOfBounds,
                                a.span,
                                format!("index reaches {bad}, outside dimension {axis} of `{name}` (size {n})"),
                            )
                            .label(format!("ranges over {lo}..={hi}"))
                            .help(sizes_help(k, &self.sizes)),
                        );
                        return;
                    }
                }
            });
        }
        err.map_or(Ok(()), Err)
    }

    /// A size symbol or index variable used as an `i32` value must fit in
    /// i32 for the call's sizes (the value would otherwise wrap).
    fn check_i32_values(&self) -> Result<(), Diag> {
        let k = self.kernel;
        let max = i32::MAX as i64;
        let mut err = None;
        for (si, s) in k.stmts.iter().enumerate() {
            let ext = &self.domains[si];
            k.walk(s.value, &mut |_, e| {
                if err.is_some() {
                    return;
                }
                match e.kind {
                    ExprKind::Size(sym) if self.size(sym) > max => {
                        let name = &k.symbols[sym].name;
                        err = Some(
                            Diag::new(
                                E::TooLarge,
                                e.span,
                                format!(
                                    "size `{name}` = {} is too large to use as an i32 value (at most {max})",
                                    self.size(sym)
                                ),
                            )
                            .label("used as an i32 value here")
                            .with(k.symbols[sym].span, format!("`{name}` is bound here"))
                            .help(sizes_help(k, &self.sizes)),
                        );
                    }
                    ExprKind::Var(v) if ext[v as usize] as i64 - 1 > max => {
                        let var = &s.vars[v as usize];
                        err = Some(
                            Diag::new(
                                E::TooLarge,
                                e.span,
                                format!(
                                    "index variable `{}` reaches {}, too large to use as an i32 value (at most {max})",
                                    var.name,
                                    ext[v as usize] - 1
                                ),
                            )
                            .label("used as an i32 value here")
                            .with(
                                var.span,
                                format!(
                                    "`{}` ranges over `{}` = {}",
                                    var.name,
                                    k.dim_str(&var.extent),
                                    ext[v as usize]
                                ),
                            )
                            .help(sizes_help(k, &self.sizes)),
                        );
                    }
                    _ => {}
                }
            });
        }
        err.map_or(Ok(()), Err)
    }

    /// Like [`Specialized::affine_range`], with the reason when there is no
    /// range: the error class and the end of a message.
    fn affine_range_checked(&self, a: &Affine, ext: &[usize]) -> Result<(i64, i64), (E, String)> {
        let lookup = |s: SymbolId| self.sizes.get(s.into_raw().into_u32() as usize).copied();
        let why = |e: DimEvalError, what: &str, d: &DimExpr| match e {
            DimEvalError::DivByZero => (
                E::BadDimension,
                format!(
                    "cannot be evaluated: its {what} `{}` divides by zero",
                    self.kernel.dim_str(d)
                ),
            ),
            DimEvalError::Overflow | DimEvalError::Unbound(_) => (
                E::TooLarge,
                format!(
                    "is too large: its {what} `{}` overflows a 64-bit integer",
                    self.kernel.dim_str(d)
                ),
            ),
        };
        let too_large = || {
            (
                E::TooLarge,
                "is too large: its value overflows a 64-bit integer".to_string(),
            )
        };
        let off = a
            .offset
            .eval(&lookup)
            .map_err(|e| why(e, "offset", &a.offset))?;
        let (mut lo, mut hi) = (off, off);
        for (v, c) in &a.terms {
            let c = c.eval(&lookup).map_err(|e| why(e, "coefficient", c))?;
            let n = ext.get(*v as usize).copied().unwrap_or(1);
            let last = i64::try_from(n).map_err(|_| too_large())? - 1;
            let span = c.checked_mul(last).ok_or_else(too_large)?;
            if c >= 0 {
                hi = hi.checked_add(span).ok_or_else(too_large)?;
            } else {
                lo = lo.checked_add(span).ok_or_else(too_large)?;
            }
        }
        Ok((lo, hi))
    }

    /// Smallest and largest value of an affine index over the domain `ext`
    /// (`None` when a value overflows i64 or divides by zero).
    pub fn affine_range(&self, a: &Affine, ext: &[usize]) -> Option<(i64, i64)> {
        self.affine_range_checked(a, ext).ok()
    }

    /// Evaluates a size expression (valid for any expression of this kernel).
    pub fn eval(&self, d: &DimExpr) -> i64 {
        let lookup = |s: SymbolId| self.sizes.get(s.into_raw().into_u32() as usize).copied();
        // Every expression of a validated kernel was evaluated in `finish`
        // or `check_bounds`; 0 is unreachable for them.
        d.eval(&lookup).unwrap_or(0)
    }

    /// An affine index as integer coefficients per variable and an offset.
    pub fn affine(&self, a: &Affine) -> (Vec<(VarId, i64)>, i64) {
        (
            a.terms.iter().map(|(v, c)| (*v, self.eval(c))).collect(),
            self.eval(&a.offset),
        )
    }

    /// Value of a size symbol.
    pub fn size(&self, s: SymbolId) -> i64 {
        self.sizes[s.into_raw().into_u32() as usize]
    }

    /// Size symbols with their values, by name.
    pub fn sizes(&self) -> BTreeMap<String, i64> {
        self.kernel
            .symbols
            .iter()
            .map(|(id, s)| (s.name.clone(), self.size(id)))
            .collect()
    }

    /// Concrete shape of a tensor.
    pub fn shape(&self, t: TensorId) -> &[usize] {
        &self.shapes[t.into_raw().into_u32() as usize]
    }

    /// Loop extents of statement `i` (parallel then reduction variables).
    pub fn domain(&self, stmt: usize) -> &[usize] {
        &self.domains[stmt]
    }

    /// Element count of a tensor (at most [`MAX_ELEMENTS`]).
    pub fn numel(&self, t: TensorId) -> usize {
        self.shape(t).iter().product()
    }

    /// The largest element count of any tensor (inputs, outputs and
    /// temporaries), so the largest flat index plus one. A backend that
    /// indexes with 32-bit integers needs it below 2^31.
    pub fn max_numel(&self) -> usize {
        self.shapes
            .iter()
            .map(|s| s.iter().product())
            .max()
            .unwrap_or(1)
    }

    /// The largest iteration count of any statement (the product of its
    /// loop extents).
    pub fn max_iterations(&self) -> usize {
        self.domains
            .iter()
            .map(|d| d.iter().product())
            .max()
            .unwrap_or(1)
    }

    /// An upper bound on the magnitude of every integer a compiled kernel
    /// computes to address memory: flat element offsets, loop counters and
    /// iteration counts, size values, and the coefficients and offsets of
    /// affine indices. A backend may index with `i32` when this is at most
    /// `i32::MAX` ([`Specialized::fits_i32_indexing`]).
    pub fn index_bound(&self) -> u64 {
        let mut bound = self.max_numel().max(self.max_iterations()) as u64;
        for &v in &self.sizes {
            bound = bound.max(v.unsigned_abs());
        }
        for s in &self.kernel.stmts {
            self.kernel.walk(s.value, &mut |_, e| {
                if let ExprKind::Read { index, .. } = &e.kind {
                    for a in index {
                        let (terms, off) = self.affine(a);
                        bound = bound.max(off.unsigned_abs());
                        for (_, c) in terms {
                            bound = bound.max(c.unsigned_abs());
                        }
                    }
                }
            });
        }
        bound
    }

    /// True when [`Specialized::index_bound`] fits in `i32`: flat offsets,
    /// loop counters and affine index arithmetic cannot overflow 32 bits.
    pub fn fits_i32_indexing(&self) -> bool {
        self.index_bound() <= i32::MAX as u64
    }
}

/// Element count of `dims`, `None` beyond u64.
fn count(dims: &[usize]) -> Option<u64> {
    dims.iter()
        .try_fold(1u64, |n, &d| n.checked_mul(u64::try_from(d).ok()?))
}

fn check_count(dims: &[usize], span: crate::Span, what: &str) -> Result<(), Diag> {
    let shape = format!("{dims:?}");
    match count(dims) {
        Some(n) if n <= MAX_ELEMENTS as u64 => Ok(()),
        Some(n) => Err(Diag::new(
            E::TooLarge,
            span,
            format!("{what} is too large: {shape} is {n} elements, more than the supported 2^48"),
        )),
        None => Err(Diag::new(
            E::TooLarge,
            span,
            format!(
                "{what} is too large: {shape} is more elements than a 64-bit count holds (the limit is 2^48)"
            ),
        )),
    }
}

fn sizes_help(k: &Kernel, sizes: &[i64]) -> String {
    let parts: Vec<String> = k
        .symbols
        .iter()
        .zip(sizes)
        .map(|((_, s), v)| format!("{}={v}", s.name))
        .collect();
    format!("with sizes {}", parts.join(", "))
}
