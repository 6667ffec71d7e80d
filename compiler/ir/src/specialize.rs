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
                let n = n as i64;
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
        let eval = |d: &DimExpr, span, what: &str| -> Result<usize, Diag> {
            let v = d.eval(&lookup).map_err(|e| {
                let why = match e {
                    DimEvalError::DivByZero => "divides by zero".to_string(),
                    DimEvalError::Overflow => "overflows".to_string(),
                    DimEvalError::Unbound(s) => {
                        format!("uses unbound `{}`", kernel.symbols[s].name)
                    }
                };
                Diag::new(
                    E::BadDimension,
                    span,
                    format!("{what} `{}` {why}", kernel.dim_str(d)),
                )
            })?;
            if !(1..=MAX_ELEMENTS).contains(&v) {
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
            Ok(v as usize)
        };
        let mut shapes = Vec::new();
        for (_, t) in kernel.tensors.iter() {
            let mut shape = Vec::new();
            for d in &t.shape {
                shape.push(eval(d, t.span, &format!("dimension of `{}`", t.name))?);
            }
            check_count(&shape, t.span, &t.name)?;
            shapes.push(shape);
        }
        let mut domains = Vec::new();
        for s in &kernel.stmts {
            let mut ext = Vec::new();
            for v in &s.vars {
                ext.push(eval(&v.extent, v.span, &format!("range of `{}`", v.name))?);
            }
            check_count(&ext, s.span, "the statement's iteration space")?;
            domains.push(ext);
        }
        let spec = Specialized {
            kernel,
            sizes,
            shapes,
            domains,
        };
        spec.check_bounds()?;
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
                    let Some((lo, hi)) = self.affine_range(a, ext) else {
                        err = Some(Diag::new(E::OutOfBounds, a.span, "index cannot be evaluated (division by zero or overflow)"));
                        return;
                    };
                    let n = self.shapes[tensor.into_raw().into_u32() as usize][axis] as i64;
                    if lo < 0 || hi >= n {
                        let name = &k.tensors[*tensor].name;
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

    /// Smallest and largest value of an affine index over the domain `ext`.
    pub fn affine_range(&self, a: &Affine, ext: &[usize]) -> Option<(i64, i64)> {
        let lookup = |s: SymbolId| self.sizes.get(s.into_raw().into_u32() as usize).copied();
        let off = a.offset.eval(&lookup).ok()?;
        let (mut lo, mut hi) = (off, off);
        for (v, c) in &a.terms {
            let c = c.eval(&lookup).ok()?;
            let span = c.checked_mul(ext[*v as usize] as i64 - 1)?;
            if c >= 0 {
                hi = hi.checked_add(span)?;
            } else {
                lo = lo.checked_add(span)?;
            }
        }
        Some((lo, hi))
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
}

fn check_count(dims: &[usize], span: crate::Span, what: &str) -> Result<(), Diag> {
    let mut n: i64 = 1;
    for &d in dims {
        n = n.saturating_mul(d as i64);
    }
    if n > MAX_ELEMENTS {
        return Err(Diag::new(
            E::BadDimension,
            span,
            format!("{what} would have {n} elements, more than the supported 2^48"),
        ));
    }
    Ok(())
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
