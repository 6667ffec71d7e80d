//! From syntax tree to validated, typed IR: name resolution, index-variable
//! ranges, types, definition order. Stops at the first error in a kernel
//! (later errors are usually consequences); independent kernels each report.

use crate::ast::*;
use crate::diag::{Diag, ErrorKind as E};
use crate::dim::{DimEvalError, DimExpr};
use crate::ir::*;
use crate::span::Span;
use crate::specialize::MAX_ELEMENTS;
use la_arena::Arena;
use std::collections::{BTreeMap, HashMap};

/// Parses and validates a whole source file.
pub fn check_source(src: &str) -> Result<Vec<Kernel>, Vec<Diag>> {
    let file = crate::parser::parse(src).map_err(|d| vec![d])?;
    validate(&file)
}

/// Validates every kernel of a parsed file.
pub fn validate(file: &File) -> Result<Vec<Kernel>, Vec<Diag>> {
    let mut errors = Vec::new();
    let mut kernels = Vec::new();
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for k in &file.kernels {
        if let Some(prev) = seen.get(k.name.name.as_str()) {
            errors.push(
                Diag::new(
                    E::DuplicateName,
                    k.name.span,
                    format!("kernel `{}` is defined twice", k.name.name),
                )
                .label("second definition")
                .with(*prev, "first definition"),
            );
            continue;
        }
        seen.insert(&k.name.name, k.name.span);
        match validate_kernel(k) {
            Ok(kernel) => kernels.push(kernel),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(kernels)
    } else {
        Err(errors)
    }
}

/// What a name in a kernel's namespace refers to.
#[derive(Copy, Clone, Debug)]
enum Name {
    Tensor(TensorId),
    Symbol(SymbolId),
    /// A temporary whose defining statement has not been reached yet.
    PendingTemp(Span),
}

struct VarInfo {
    name: String,
    span: Span,
    /// Plain uses: (dimension, where, tensor name).
    ranges: Vec<(DimExpr, Span, String)>,
}

struct Cx<'a> {
    ast: &'a KernelAst,
    symbols: Arena<Symbol>,
    tensors: Arena<Tensor>,
    exprs: Arena<Expr>,
    names: HashMap<String, Name>,
    /// Outputs and temporaries written so far, with the writing statement.
    written: HashMap<TensorId, Span>,
    /// Variables of the statement being validated.
    vars: Vec<VarInfo>,
}

/// Validates one kernel.
pub fn validate_kernel(ast: &KernelAst) -> Result<Kernel, Diag> {
    let mut cx = Cx {
        ast,
        symbols: Arena::new(),
        tensors: Arena::new(),
        exprs: Arena::new(),
        names: HashMap::new(),
        written: HashMap::new(),
        vars: Vec::new(),
    };
    let (inputs, outputs) = cx.params()?;
    cx.temps()?;
    let mut stmts = Vec::new();
    for s in &ast.body {
        stmts.push(cx.stmt(s)?);
    }
    for &o in &outputs {
        if !cx.written.contains_key(&o) {
            let t = &cx.tensors[o];
            return Err(Diag::new(
                E::OutputNotWritten,
                t.span,
                format!("output `{}` is never written", t.name),
            )
            .label("declared here")
            .help(format!("add a statement `{}[...] = ...;`", t.name)));
        }
    }
    let canonical = crate::printer::print_kernel(ast);
    let hash = blake3::hash(canonical.as_bytes()).to_hex().to_string();
    Ok(Kernel {
        name: ast.name.name.clone(),
        span: ast.span,
        symbols: cx.symbols,
        tensors: cx.tensors,
        inputs,
        outputs,
        stmts,
        exprs: cx.exprs,
        canonical,
        hash,
        sealed: Sealed,
    })
}

fn lit(v: i64) -> DimExpr {
    DimExpr::Lit(v)
}

fn dim_add(a: DimExpr, b: DimExpr) -> DimExpr {
    match (&a, &b) {
        (DimExpr::Lit(x), DimExpr::Lit(y)) if x.checked_add(*y).is_some() => lit(x + y),
        (DimExpr::Lit(0), _) => b,
        (_, DimExpr::Lit(0)) => a,
        _ => DimExpr::Add(Box::new(a), Box::new(b)),
    }
}

fn dim_mul(a: DimExpr, b: DimExpr) -> DimExpr {
    match (&a, &b) {
        (DimExpr::Lit(x), DimExpr::Lit(y)) if x.checked_mul(*y).is_some() => lit(x * y),
        (DimExpr::Lit(1), _) => b,
        (_, DimExpr::Lit(1)) => a,
        (DimExpr::Lit(0), _) | (_, DimExpr::Lit(0)) => lit(0),
        _ => DimExpr::Mul(Box::new(a), Box::new(b)),
    }
}

fn dim_neg(a: DimExpr) -> DimExpr {
    match a {
        DimExpr::Lit(x) if x != i64::MIN => lit(-x),
        other => DimExpr::Sub(Box::new(lit(0)), Box::new(other)),
    }
}

/// Affine form under construction: coefficient per variable and offset.
struct AffineForm {
    terms: BTreeMap<VarId, DimExpr>,
    offset: DimExpr,
}

fn parse_int(text: &str, span: Span) -> Result<i64, Diag> {
    text.parse::<i64>().map_err(|_| {
        Diag::new(
            E::TooLarge,
            span,
            format!("integer literal `{text}` is too large"),
        )
        .label("outside the 64-bit integer range")
    })
}

/// Words that cannot name a parameter, temporary, size symbol or index
/// variable: the parser gives them a meaning of their own.
pub const RESERVED_WORDS: &[&str] = &["inf"];

/// The error for a reserved word used as a name (`what`: "a parameter", ...).
fn reserved(word: &str, span: Span, what: &str) -> Diag {
    Diag::new(
        E::ReservedWord,
        span,
        format!("`{word}` is a reserved word and cannot name {what}"),
    )
    .label("reserved word")
    .help(format!(
        "`{word}` always means infinity; choose another name"
    ))
}

/// Fails when `id` is a reserved word.
fn not_reserved(id: &Ident, what: &str) -> Result<(), Diag> {
    if RESERVED_WORDS.contains(&id.name.as_str()) {
        return Err(reserved(&id.name, id.span, what));
    }
    Ok(())
}

/// Fails when a literal of value `v` rounds to infinity in `ty`.
fn check_float_range(v: f64, ty: DType, text: &str, span: Span) -> Result<(), Diag> {
    let (overflows, max) = match ty {
        DType::F64 => (v.is_infinite(), "1.8e308"),
        DType::F32 => ((v as f32).is_infinite(), "3.4e38"),
        // f16: 65504 is the largest finite value; from 65520 on, rounding
        // to nearest gives infinity.
        DType::F16 => (v.abs() >= 65520.0, "65504"),
        DType::I32 => (false, ""),
    };
    if overflows {
        return Err(Diag::new(
            E::TooLarge,
            span,
            format!("literal `{text}` is too large for {ty}: it would round to infinity"),
        )
        .label(format!("the largest finite {ty} is about {max}"))
        .help("write `inf` (or `-inf`) for an infinity"));
    }
    Ok(())
}

/// Checks a dimension that has a value without sizes: at least 1, at most
/// [`MAX_ELEMENTS`], computable in i64.
fn check_constant_dim(dim: &DimExpr, span: Span, tensor: &str, axis: usize) -> Result<(), Diag> {
    match dim.eval(&|_| None) {
        Ok(v) if v < 1 => Err(Diag::new(
            E::BadDimension,
            span,
            format!("dimension evaluates to {v}; dimensions must be at least 1"),
        )),
        Ok(v) if v > MAX_ELEMENTS => Err(Diag::new(
            E::TooLarge,
            span,
            format!(
                "dimension {axis} of `{tensor}` is too large: {v} is more than the supported 2^48 elements"
            ),
        )),
        Ok(_) | Err(DimEvalError::Unbound(_)) => Ok(()),
        Err(DimEvalError::Overflow) => Err(Diag::new(
            E::TooLarge,
            span,
            format!("dimension {axis} of `{tensor}` is too large: it overflows a 64-bit integer"),
        )),
        Err(DimEvalError::DivByZero) => Err(Diag::new(
            E::BadDimension,
            span,
            format!("dimension {axis} of `{tensor}` divides by zero"),
        )),
    }
}

fn conversion(name: &str) -> Option<DType> {
    DType::from_name(name)
}

const FUNCS_HELP: &str = "functions: exp log sqrt rsqrt tanh sigmoid abs max min pow select, conversions f16() f32() f64() i32()";

impl Cx<'_> {
    fn declare(&mut self, name: &Ident, what: Name) -> Result<(), Diag> {
        if let Some(prev) = self.names.get(&name.name) {
            let prev_span = self.name_span(*prev);
            return Err(Diag::new(
                E::DuplicateName,
                name.span,
                format!("the name `{}` is used twice", name.name),
            )
            .label("second use")
            .with(prev_span, "first declared here")
            .help(
                "parameters, size symbols, temporaries and index variables share one namespace",
            ));
        }
        self.names.insert(name.name.clone(), what);
        Ok(())
    }

    fn name_span(&self, n: Name) -> Span {
        match n {
            Name::Tensor(t) => self.tensors[t].span,
            Name::Symbol(s) => self.symbols[s].span,
            Name::PendingTemp(span) => span,
        }
    }

    fn dtype(&self, id: &Ident) -> Result<DType, Diag> {
        DType::from_name(&id.name).ok_or_else(|| {
            Diag::new(
                E::UnknownDtype,
                id.span,
                format!("unknown dtype `{}`", id.name),
            )
            .label("not a dtype")
            .help("dtypes: f32, f64, f16, i32")
        })
    }

    fn params(&mut self) -> Result<(Vec<TensorId>, Vec<TensorId>), Diag> {
        let ast = self.ast;
        let mut ids = Vec::new();
        for (p, kind) in ast
            .inputs
            .iter()
            .map(|p| (p, TensorKind::Input))
            .chain(ast.outputs.iter().map(|p| (p, TensorKind::Output)))
        {
            not_reserved(&p.name, "a parameter")?;
            let dtype = self.dtype(&p.dtype)?;
            let id = self.tensors.alloc(Tensor {
                name: p.name.name.clone(),
                kind,
                dtype,
                shape: Vec::new(),
                span: p.name.span,
            });
            self.declare(&p.name, Name::Tensor(id))?;
            ids.push((id, p, kind));
        }
        if ast.outputs.is_empty() {
            return Err(
                Diag::new(E::OutputNotWritten, ast.name.span, "kernel has no outputs")
                    .label("this kernel computes nothing"),
            );
        }
        // Inputs bind size symbols; outputs use them.
        for &(id, p, kind) in &ids {
            let Some(dims) = &p.dims else { continue };
            let mut shape = Vec::new();
            for (axis, d) in dims.iter().enumerate() {
                let dim = if kind == TensorKind::Input {
                    self.input_dim(d, id, axis)?
                } else {
                    self.dim_expr(d)?
                };
                check_constant_dim(&dim, d.span, &p.name.name, axis)?;
                shape.push(dim);
            }
            self.tensors[id].shape = shape;
        }
        let inputs = ids
            .iter()
            .filter(|x| x.2 == TensorKind::Input)
            .map(|x| x.0)
            .collect();
        let outputs = ids
            .iter()
            .filter(|x| x.2 == TensorKind::Output)
            .map(|x| x.0)
            .collect();
        Ok((inputs, outputs))
    }

    fn input_dim(&mut self, d: &ExprAst, tensor: TensorId, axis: usize) -> Result<DimExpr, Diag> {
        match &d.kind {
            ExprKindAst::Int(t) => Ok(lit(parse_int(t, d.span)?)),
            ExprKindAst::Name(n) => match self.names.get(n) {
                Some(Name::Symbol(s)) => Ok(DimExpr::Sym(*s)),
                Some(other) => {
                    let prev = self.name_span(*other);
                    Err(Diag::new(
                        E::DuplicateName,
                        d.span,
                        format!("`{n}` is a parameter, not a size symbol"),
                    )
                    .with(prev, "declared here"))
                }
                None => {
                    let s = self.symbols.alloc(Symbol {
                        name: n.clone(),
                        bound_by: (tensor, axis),
                        span: d.span,
                    });
                    self.names.insert(n.clone(), Name::Symbol(s));
                    Ok(DimExpr::Sym(s))
                }
            },
            ExprKindAst::Inf => Err(reserved("inf", d.span, "a size symbol")),
            _ => Err(Diag::new(
                E::InvalidExpression,
                d.span,
                "an input dimension must be a size symbol or an integer literal",
            )
            .help("size expressions are allowed in output shapes only")),
        }
    }

    /// A size expression over bound symbols (output shapes, index coefficients).
    fn dim_expr(&self, d: &ExprAst) -> Result<DimExpr, Diag> {
        crate::with_stack(|| self.dim_expr_inner(d))
    }

    fn dim_expr_inner(&self, d: &ExprAst) -> Result<DimExpr, Diag> {
        Ok(match &d.kind {
            ExprKindAst::Int(t) => lit(parse_int(t, d.span)?),
            ExprKindAst::Name(n) => match self.names.get(n) {
                Some(Name::Symbol(s)) => DimExpr::Sym(*s),
                _ => {
                    return Err(Diag::new(
                        E::UnknownName,
                        d.span,
                        format!("unknown size symbol `{n}`"),
                    )
                    .help("every size symbol must be bound by an input shape"))
                }
            },
            ExprKindAst::Inf => return Err(reserved("inf", d.span, "a size symbol")),
            ExprKindAst::Neg(a) => dim_neg(self.dim_expr(a)?),
            ExprKindAst::Binary(op, a, b) if !op.is_comparison() => {
                let (a, b) = (Box::new(self.dim_expr(a)?), Box::new(self.dim_expr(b)?));
                match op {
                    BinOp::Add => DimExpr::Add(a, b),
                    BinOp::Sub => DimExpr::Sub(a, b),
                    BinOp::Mul => DimExpr::Mul(a, b),
                    _ => DimExpr::Div(a, b),
                }
            }
            _ => {
                return Err(Diag::new(
                    E::InvalidExpression,
                    d.span,
                    "a dimension is built from size symbols, integers and + - * /",
                ))
            }
        })
    }

    /// Registers every temporary name before the statements are checked, so a
    /// read of a temporary defined later is "read before define", not "unknown".
    fn temps(&mut self) -> Result<(), Diag> {
        for s in &self.ast.body {
            not_reserved(&s.target, "a temporary")?;
            match self.names.get(&s.target.name) {
                None => {
                    self.names
                        .insert(s.target.name.clone(), Name::PendingTemp(s.target.span));
                }
                Some(Name::Symbol(sym)) => {
                    return Err(Diag::new(
                        E::WriteInput,
                        s.target.span,
                        format!("`{}` is a size symbol and cannot be written", s.target.name),
                    )
                    .with(self.symbols[*sym].span, "bound here"))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn stmt(&mut self, s: &StmtAst) -> Result<Stmt, Diag> {
        // Target.
        let target = match self.names.get(&s.target.name).copied() {
            Some(Name::Tensor(t)) => {
                let tensor = &self.tensors[t];
                if tensor.kind == TensorKind::Input {
                    return Err(Diag::new(
                        E::WriteInput,
                        s.target.span,
                        format!("`{}` is an input and cannot be written", tensor.name),
                    )
                    .with(tensor.span, "declared as an input here"));
                }
                if let Some(prev) = self.written.get(&t) {
                    let what = if tensor.kind == TensorKind::Output {
                        "output"
                    } else {
                        "temporary"
                    };
                    return Err(Diag::new(
                        E::WrittenTwice,
                        s.target.span,
                        format!("{what} `{}` is written twice", tensor.name),
                    )
                    .label("second write")
                    .with(*prev, "first written here")
                    .help("each output and temporary is written by exactly one statement"));
                }
                Some(t)
            }
            Some(Name::PendingTemp(_)) => None,
            // `temps()` registered every other target name.
            _ => unreachable_target(s)?,
        };
        // Left-side variables.
        self.vars.clear();
        let lhs: &[ExprAst] = s.indices.as_deref().unwrap_or(&[]);
        if let Some(t) = target {
            let rank = self.tensors[t].shape.len();
            if lhs.len() != rank {
                return Err(self.rank_error(t, lhs.len(), s.target.span.to(s.op_span)));
            }
        }
        for (axis, idx) in lhs.iter().enumerate() {
            if matches!(idx.kind, ExprKindAst::Inf) {
                return Err(reserved("inf", idx.span, "an index variable"));
            }
            let ExprKindAst::Name(n) = &idx.kind else {
                return Err(Diag::new(
                    E::BadTargetIndex,
                    idx.span,
                    "the left side must index with plain variables",
                )
                .help("compute shifted or strided positions on the right side"));
            };
            if let Some(prev) = self.names.get(n) {
                let prev_span = self.name_span(*prev);
                return Err(Diag::new(
                    E::DuplicateName,
                    idx.span,
                    format!("`{n}` is already a parameter, size or temporary; it cannot be an index variable"),
                )
                .with(prev_span, "declared here"));
            }
            if let Some(v) = self.vars.iter().find(|v| &v.name == n) {
                return Err(Diag::new(
                    E::BadTargetIndex,
                    idx.span,
                    format!("index variable `{n}` appears twice on the left side"),
                )
                .with(v.span, "first here"));
            }
            let mut ranges = Vec::new();
            if let Some(t) = target {
                let tensor = &self.tensors[t];
                ranges.push((tensor.shape[axis].clone(), idx.span, tensor.name.clone()));
            }
            self.vars.push(VarInfo {
                name: n.clone(),
                span: idx.span,
                ranges,
            });
        }
        let n_parallel = self.vars.len();
        self.discover(&s.value, false);
        if s.op == AssignOp::Assign && self.vars.len() > n_parallel {
            let red: Vec<String> = self.vars[n_parallel..]
                .iter()
                .map(|v| format!("`{}`", v.name))
                .collect();
            return Err(Diag::new(
                E::AssignWithReduction,
                s.op_span,
                format!(
                    "`=` with reduction variable{} {}",
                    if red.len() > 1 { "s" } else { "" },
                    red.join(", ")
                ),
            )
            .label("plain assignment")
            .with(self.vars[n_parallel].span, "appears only on the right side")
            .help(
                "use a reducing operator (`+=`, `*=`, `max=`, `min=`) or index the target with it",
            ));
        }
        // Types and reads.
        let ty = match target {
            Some(t) => self.tensors[t].dtype,
            None => self.infer(&s.value)?.unwrap_or(DType::F32),
        };
        let value = self.lower(&s.value, ty)?;
        // Ranges.
        let mut vars = Vec::new();
        for v in &self.vars {
            let Some((first, first_span, first_t)) = v.ranges.first() else {
                return Err(Diag::new(
                    E::NoPlainUse,
                    v.span,
                    format!("index variable `{}` has no plain use", v.name),
                )
                .help("a variable takes its range from a tensor dimension that it indexes alone, like `x[i]`"));
            };
            for (d, span, t) in &v.ranges[1..] {
                if !d.same_as(first) {
                    return Err(Diag::new(
                        E::RangeMismatch,
                        *span,
                        format!(
                            "index variable `{}` ranges over `{}` here but over `{}` in `{first_t}`",
                            v.name,
                            self.dim_str(d),
                            self.dim_str(first)
                        ),
                    )
                    .label(format!("`{}` has size `{}` here", t, self.dim_str(d)))
                    .with(*first_span, format!("`{first_t}` has size `{}` here", self.dim_str(first))));
                }
            }
            vars.push(Var {
                name: v.name.clone(),
                extent: first.clone(),
                span: v.span,
            });
        }
        let target = match target {
            Some(t) => t,
            None => {
                let t = self.tensors.alloc(Tensor {
                    name: s.target.name.clone(),
                    kind: TensorKind::Temp,
                    dtype: ty,
                    shape: vars[..n_parallel]
                        .iter()
                        .map(|v| v.extent.clone())
                        .collect(),
                    span: s.target.span,
                });
                self.names.insert(s.target.name.clone(), Name::Tensor(t));
                t
            }
        };
        self.written.insert(target, s.span);
        Ok(Stmt {
            target,
            op: s.op,
            vars,
            n_parallel,
            value,
            span: s.span,
        })
    }

    fn dim_str(&self, d: &DimExpr) -> String {
        d.display(&|s| self.symbols[s].name.clone())
    }

    fn rank_error(&self, t: TensorId, got: usize, span: Span) -> Diag {
        let tensor = &self.tensors[t];
        let rank = tensor.shape.len();
        Diag::new(
            E::RankMismatch,
            span,
            format!(
                "`{}` has rank {rank} but is indexed with {got} ind{}",
                tensor.name,
                if got == 1 { "ex" } else { "ices" }
            ),
        )
        .with(tensor.span, "declared here")
    }

    /// Finds the statement's reduction variables: unknown names inside `[...]`.
    fn discover(&mut self, e: &ExprAst, in_index: bool) {
        crate::with_stack(|| self.discover_inner(e, in_index))
    }

    fn discover_inner(&mut self, e: &ExprAst, in_index: bool) {
        match &e.kind {
            ExprKindAst::Name(n) => {
                if in_index
                    && !self.names.contains_key(n)
                    && !self.vars.iter().any(|v| &v.name == n)
                {
                    self.vars.push(VarInfo {
                        name: n.clone(),
                        span: e.span,
                        ranges: Vec::new(),
                    });
                }
            }
            ExprKindAst::Index { indices, .. } => {
                for i in indices {
                    self.discover(i, true);
                }
            }
            ExprKindAst::Neg(a) => self.discover(a, in_index),
            ExprKindAst::Binary(_, a, b) => {
                self.discover(a, in_index);
                self.discover(b, in_index);
            }
            ExprKindAst::Call { args, .. } => {
                for a in args {
                    self.discover(a, in_index);
                }
            }
            ExprKindAst::Int(_) | ExprKindAst::Float(_) | ExprKindAst::Inf => {}
        }
    }

    fn var(&self, n: &str) -> Option<VarId> {
        self.vars
            .iter()
            .position(|v| v.name == n)
            .map(|i| i as VarId)
    }

    /// The type an expression has on its own, `None` when its literals would
    /// adapt to any context.
    fn infer(&self, e: &ExprAst) -> Result<Option<DType>, Diag> {
        crate::with_stack(|| self.infer_inner(e))
    }

    fn infer_inner(&self, e: &ExprAst) -> Result<Option<DType>, Diag> {
        Ok(match &e.kind {
            ExprKindAst::Int(_) | ExprKindAst::Float(_) | ExprKindAst::Inf => None,
            ExprKindAst::Name(n) => {
                if self.var(n).is_some() {
                    return Ok(Some(DType::I32));
                }
                match self.names.get(n) {
                    Some(Name::Tensor(t)) => Some(self.tensors[*t].dtype),
                    Some(Name::Symbol(_)) => Some(DType::I32),
                    _ => None,
                }
            }
            ExprKindAst::Index { name, .. } => match self.names.get(&name.name) {
                Some(Name::Tensor(t)) => Some(self.tensors[*t].dtype),
                _ => None,
            },
            ExprKindAst::Neg(a) => self.infer(a)?,
            ExprKindAst::Binary(op, a, b) => {
                if op.is_comparison() {
                    return Ok(None);
                }
                self.unify(a, b)?
            }
            ExprKindAst::Call { func, args } => {
                if let Some(t) = conversion(&func.name) {
                    Some(t)
                } else if func.name == "select" && args.len() == 3 {
                    self.unify(&args[1], &args[2])?
                } else if Func::from_name(&func.name).is_some() {
                    let mut ty = None;
                    for a in args {
                        if let Some(t) = self.infer(a)? {
                            if ty.is_some_and(|u| u != t) {
                                return Err(self.mismatch(a, ty.unwrap_or(t), t));
                            }
                            ty = Some(t);
                        }
                    }
                    ty
                } else {
                    None
                }
            }
        })
    }

    fn unify(&self, a: &ExprAst, b: &ExprAst) -> Result<Option<DType>, Diag> {
        match (self.infer(a)?, self.infer(b)?) {
            (Some(x), Some(y)) if x != y => {
                Err(self.mismatch(b, x, y).with(a.span, format!("this is {x}")))
            }
            (x, y) => Ok(x.or(y)),
        }
    }

    fn mismatch(&self, e: &ExprAst, expected: DType, found: DType) -> Diag {
        Diag::new(
            E::TypeMismatch,
            e.span,
            format!("type mismatch: expected {expected}, found {found}"),
        )
        .label(format!("this is {found}"))
        .help(format!("convert explicitly, e.g. `{expected}(...)`"))
    }

    fn push(&mut self, kind: ExprKind, ty: DType, span: Span) -> ExprId {
        self.exprs.alloc(Expr { kind, ty, span })
    }

    fn tensor_for_read(&self, name: &str, span: Span) -> Result<TensorId, Diag> {
        match self.names.get(name) {
            Some(Name::Tensor(t)) => {
                let tensor = &self.tensors[*t];
                if tensor.kind != TensorKind::Input && !self.written.contains_key(t) {
                    return Err(Diag::new(
                        E::ReadBeforeDefine,
                        span,
                        format!("`{name}` is read before it is defined"),
                    )
                    .help("statements run in order; move the statement that writes it earlier"));
                }
                Ok(*t)
            }
            Some(Name::PendingTemp(def)) => Err(Diag::new(
                E::ReadBeforeDefine,
                span,
                format!("temporary `{name}` is read before it is defined"),
            )
            .with(*def, "defined later here")),
            Some(Name::Symbol(_)) => Err(Diag::new(
                E::InvalidExpression,
                span,
                format!("`{name}` is a size symbol, not a tensor"),
            )),
            None => Err(Diag::new(
                E::UnknownName,
                span,
                format!("unknown name `{name}`"),
            )),
        }
    }

    /// Lowers `e` in a context of type `ty`.
    fn lower(&mut self, e: &ExprAst, ty: DType) -> Result<ExprId, Diag> {
        crate::with_stack(|| self.lower_inner(e, ty, true))
    }

    /// Lowers an operand of `-` or of an arithmetic operator whose whole
    /// expression was already type-checked against `ty`: the operand's own
    /// type is then `ty` or open, so it is not inferred again (inferring at
    /// every level would be quadratic in a long chain `a + b + ...`).
    fn lower_operand(&mut self, e: &ExprAst, ty: DType) -> Result<ExprId, Diag> {
        crate::with_stack(|| self.lower_inner(e, ty, false))
    }

    fn lower_inner(&mut self, e: &ExprAst, ty: DType, check: bool) -> Result<ExprId, Diag> {
        if check {
            if let Some(found) = self.infer(e)? {
                if found != ty {
                    return Err(self.mismatch(e, ty, found));
                }
            }
        }
        let span = e.span;
        Ok(match &e.kind {
            ExprKindAst::Int(t) => {
                let v = parse_int(t, span)?;
                if ty == DType::I32 {
                    if i32::try_from(v).is_err() {
                        return Err(Diag::new(
                            E::TooLarge,
                            span,
                            format!("`{t}` does not fit in i32"),
                        )
                        .label(format!(
                            "i32 is {}..={}",
                            i32::MIN,
                            i32::MAX
                        )));
                    }
                    self.push(ExprKind::Int(v), ty, span)
                } else {
                    check_float_range(v as f64, ty, t, span)?;
                    self.push(ExprKind::Float(v as f64), ty, span)
                }
            }
            ExprKindAst::Float(t) => {
                if ty == DType::I32 {
                    return Err(Diag::new(
                        E::TypeMismatch,
                        span,
                        format!("decimal literal `{t}` where i32 is expected"),
                    ));
                }
                let v: f64 = t
                    .parse()
                    .map_err(|_| Diag::new(E::Syntax, span, format!("malformed number `{t}`")))?;
                check_float_range(v, ty, t, span)?;
                self.push(ExprKind::Float(v), ty, span)
            }
            ExprKindAst::Inf => {
                if ty == DType::I32 {
                    return Err(Diag::new(
                        E::TypeMismatch,
                        span,
                        "`inf` where i32 is expected",
                    ));
                }
                self.push(ExprKind::Float(f64::INFINITY), ty, span)
            }
            ExprKindAst::Name(n) => {
                if let Some(v) = self.var(n) {
                    self.push(ExprKind::Var(v), DType::I32, span)
                } else if let Some(Name::Symbol(s)) = self.names.get(n) {
                    let s = *s;
                    self.push(ExprKind::Size(s), DType::I32, span)
                } else {
                    let t = self.tensor_for_read(n, span)?;
                    if !self.tensors[t].shape.is_empty() {
                        return Err(self.rank_error(t, 0, span));
                    }
                    self.push(
                        ExprKind::Read {
                            tensor: t,
                            index: Vec::new(),
                        },
                        ty,
                        span,
                    )
                }
            }
            ExprKindAst::Index { name, indices } => {
                if self.var(&name.name).is_some() {
                    return Err(Diag::new(
                        E::InvalidExpression,
                        name.span,
                        format!("`{}` is an index variable, not a tensor", name.name),
                    ));
                }
                let t = self.tensor_for_read(&name.name, name.span)?;
                if indices.len() != self.tensors[t].shape.len() {
                    return Err(self.rank_error(t, indices.len(), span));
                }
                let mut index = Vec::new();
                for (axis, i) in indices.iter().enumerate() {
                    let a = self.affine(i)?;
                    let a = Affine {
                        terms: a.terms.into_iter().filter(|(_, c)| *c != lit(0)).collect(),
                        offset: a.offset,
                        span: i.span,
                    };
                    if let Some(v) = a.as_plain() {
                        let tensor = &self.tensors[t];
                        let rec = (tensor.shape[axis].clone(), i.span, tensor.name.clone());
                        self.vars[v as usize].ranges.push(rec);
                    }
                    index.push(a);
                }
                self.push(ExprKind::Read { tensor: t, index }, ty, span)
            }
            ExprKindAst::Neg(a) => {
                let a = self.lower_operand(a, ty)?;
                self.push(ExprKind::Neg(a), ty, span)
            }
            ExprKindAst::Binary(op, a, b) => {
                if op.is_comparison() {
                    return Err(Diag::new(
                        E::InvalidExpression,
                        span,
                        "a comparison can only be the condition of `select`",
                    )
                    .help("write `select(a < b, x, y)`"));
                }
                let (a, b) = (self.lower_operand(a, ty)?, self.lower_operand(b, ty)?);
                self.push(ExprKind::Binary(*op, a, b), ty, span)
            }
            ExprKindAst::Call { func, args } => self.call(func, args, ty, span)?,
        })
    }

    fn arity(&self, func: &Ident, args: &[ExprAst], n: usize, span: Span) -> Result<(), Diag> {
        if args.len() != n {
            return Err(Diag::new(
                E::Arity,
                span,
                format!(
                    "`{}` takes {n} argument{}, found {}",
                    func.name,
                    if n == 1 { "" } else { "s" },
                    args.len()
                ),
            ));
        }
        Ok(())
    }

    fn call(
        &mut self,
        func: &Ident,
        args: &[ExprAst],
        ty: DType,
        span: Span,
    ) -> Result<ExprId, Diag> {
        if let Some(to) = conversion(&func.name) {
            self.arity(func, args, 1, span)?;
            // A literal-only operand takes the target type, except that a
            // decimal literal converted to i32 is read as f64 first.
            let from = match self.infer(&args[0])? {
                Some(t) => t,
                None if to == DType::I32 && !is_int_literal(&args[0]) => DType::F64,
                None => to,
            };
            let inner = self.lower(&args[0], from)?;
            return Ok(self.push(ExprKind::Cast(inner), to, span));
        }
        if func.name == "select" {
            self.arity(func, args, 3, span)?;
            let ExprKindAst::Binary(cmp, l, r) = &args[0].kind else {
                return Err(Diag::new(
                    E::InvalidExpression,
                    args[0].span,
                    "the condition of `select` must be a comparison",
                )
                .help("e.g. `select(j <= i, x, -inf)`"));
            };
            if !cmp.is_comparison() {
                return Err(Diag::new(
                    E::InvalidExpression,
                    args[0].span,
                    "the condition of `select` must be a comparison",
                ));
            }
            let cty = self.unify(l, r)?.unwrap_or(ty);
            let (lhs, rhs) = (self.lower(l, cty)?, self.lower(r, cty)?);
            let (then, otherwise) = (self.lower(&args[1], ty)?, self.lower(&args[2], ty)?);
            return Ok(self.push(
                ExprKind::Select {
                    cmp: *cmp,
                    lhs,
                    rhs,
                    then,
                    otherwise,
                },
                ty,
                span,
            ));
        }
        let Some(f) = Func::from_name(&func.name) else {
            let mut d = Diag::new(
                E::UnknownFunction,
                func.span,
                format!("unknown function `{}`", func.name),
            )
            .help(FUNCS_HELP);
            if matches!(self.names.get(&func.name), Some(Name::Tensor(_))) {
                d = d.help(format!(
                    "`{}` is a tensor: index it with `[...]`",
                    func.name
                ));
            }
            return Err(d);
        };
        self.arity(func, args, f.arity(), span)?;
        if f.float_only() && ty == DType::I32 {
            return Err(Diag::new(
                E::TypeMismatch,
                span,
                format!("`{}` needs floating-point operands, found i32", f.name()),
            )
            .help("convert first, e.g. `f32(...)`"));
        }
        let mut ops = Vec::new();
        for a in args {
            ops.push(self.lower(a, ty)?);
        }
        Ok(self.push(ExprKind::Call(f, ops), ty, span))
    }

    /// An index expression in affine form.
    fn affine(&self, e: &ExprAst) -> Result<AffineForm, Diag> {
        crate::with_stack(|| self.affine_inner(e))
    }

    fn affine_inner(&self, e: &ExprAst) -> Result<AffineForm, Diag> {
        let not_affine = |what: &str| {
            Diag::new(
                E::InvalidExpression,
                e.span,
                format!("an index must be affine in index variables and sizes; {what}"),
            )
        };
        Ok(match &e.kind {
            ExprKindAst::Int(t) => AffineForm {
                terms: BTreeMap::new(),
                offset: lit(parse_int(t, e.span)?),
            },
            ExprKindAst::Name(n) => {
                if let Some(v) = self.var(n) {
                    AffineForm {
                        terms: BTreeMap::from([(v, lit(1))]),
                        offset: lit(0),
                    }
                } else if let Some(Name::Symbol(s)) = self.names.get(n) {
                    AffineForm {
                        terms: BTreeMap::new(),
                        offset: DimExpr::Sym(*s),
                    }
                } else {
                    return Err(not_affine(&format!(
                        "`{n}` is neither an index variable nor a size"
                    )));
                }
            }
            ExprKindAst::Neg(a) => scale(self.affine(a)?, lit(-1)),
            ExprKindAst::Binary(op, a, b) => {
                let (fa, fb) = (self.affine(a)?, self.affine(b)?);
                match op {
                    BinOp::Add | BinOp::Sub => {
                        let fb = if *op == BinOp::Sub {
                            scale(fb, lit(-1))
                        } else {
                            fb
                        };
                        let mut terms = fa.terms;
                        for (v, c) in fb.terms {
                            let c = match terms.remove(&v) {
                                Some(prev) => dim_add(prev, c),
                                None => c,
                            };
                            terms.insert(v, c);
                        }
                        AffineForm {
                            terms,
                            offset: dim_add(fa.offset, fb.offset),
                        }
                    }
                    BinOp::Mul => match (fa.terms.is_empty(), fb.terms.is_empty()) {
                        (true, _) => scale(fb, fa.offset),
                        (_, true) => scale(fa, fb.offset),
                        _ => return Err(not_affine("a product of two index variables is not")),
                    },
                    BinOp::Div => {
                        if !fa.terms.is_empty() || !fb.terms.is_empty() {
                            return Err(not_affine("division of an index variable is not"));
                        }
                        AffineForm {
                            terms: BTreeMap::new(),
                            offset: DimExpr::Div(Box::new(fa.offset), Box::new(fb.offset)),
                        }
                    }
                    _ => return Err(not_affine("a comparison is not")),
                }
            }
            ExprKindAst::Inf => return Err(reserved("inf", e.span, "an index variable")),
            ExprKindAst::Float(_) => return Err(not_affine("a decimal literal is not")),
            ExprKindAst::Call { .. } => return Err(not_affine("a function call is not")),
            ExprKindAst::Index { .. } => {
                return Err(not_affine("a tensor read is not (no gathers)"))
            }
        })
    }
}

fn is_int_literal(e: &ExprAst) -> bool {
    let mut e = e;
    loop {
        match &e.kind {
            ExprKindAst::Int(_) => return true,
            ExprKindAst::Neg(a) => e = a,
            _ => return false,
        }
    }
}

fn scale(f: AffineForm, k: DimExpr) -> AffineForm {
    AffineForm {
        terms: f
            .terms
            .into_iter()
            .map(|(v, c)| (v, dim_mul(c, k.clone())))
            .collect(),
        offset: dim_mul(f.offset, k),
    }
}

fn unreachable_target(s: &StmtAst) -> Result<Option<TensorId>, Diag> {
    Err(Diag::new(
        E::UnknownName,
        s.target.span,
        format!("`{}` cannot be written", s.target.name),
    ))
}
