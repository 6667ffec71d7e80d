//! The validated, typed IR of one kernel.
//!
//! Only [`crate::validate`] builds a [`Kernel`] (its `sealed` field is private),
//! so everything downstream can rely on these invariants:
//! - every tensor read is of a tensor defined earlier (inputs always are);
//!   every output is written by exactly one statement, every temporary too;
//! - every index variable has a range (a [`DimExpr`] over input symbols) that
//!   all its plain uses agree on;
//! - every expression node carries its [`DType`], and operands agree;
//! - every index of a read is affine in the statement's variables;
//! - `Assign` statements have no reduction variables.

use crate::ast::{AssignOp, BinOp};
use crate::dim::DimExpr;
use crate::span::Span;
use la_arena::{Arena, Idx};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Element types.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum DType {
    /// IEEE half; stored as f16, computed wider by the interpreter.
    F16,
    /// IEEE single.
    F32,
    /// IEEE double.
    F64,
    /// 32-bit two's complement integer (wrapping arithmetic, floor division).
    I32,
}

impl DType {
    /// Parses a dtype name.
    pub fn from_name(s: &str) -> Option<DType> {
        Some(match s {
            "f16" => DType::F16,
            "f32" => DType::F32,
            "f64" => DType::F64,
            "i32" => DType::I32,
            _ => return None,
        })
    }

    /// Source spelling.
    pub fn name(self) -> &'static str {
        match self {
            DType::F16 => "f16",
            DType::F32 => "f32",
            DType::F64 => "f64",
            DType::I32 => "i32",
        }
    }

    /// True for the floating types.
    pub fn is_float(self) -> bool {
        self != DType::I32
    }

    /// Bytes per element.
    pub fn size_bytes(self) -> usize {
        match self {
            DType::F16 => 2,
            DType::F32 | DType::I32 => 4,
            DType::F64 => 8,
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Handle of a size symbol.
pub type SymbolId = Idx<Symbol>;
/// Handle of a tensor (parameter or temporary).
pub type TensorId = Idx<Tensor>;
/// Handle of an expression node.
pub type ExprId = Idx<Expr>;

/// A size symbol, bound by the first input dimension that names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Symbol {
    /// Name.
    pub name: String,
    /// Binding tensor and axis.
    pub bound_by: (TensorId, usize),
    /// Where it is first named.
    pub span: Span,
}

/// What a tensor is to the kernel.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TensorKind {
    /// An input parameter (never written).
    Input,
    /// An output parameter (written by exactly one statement).
    Output,
    /// A temporary, shaped by its defining statement.
    Temp,
}

/// A tensor: parameter or temporary. Scalars are rank-0 tensors.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tensor {
    /// Name.
    pub name: String,
    /// Role.
    pub kind: TensorKind,
    /// Element type.
    pub dtype: DType,
    /// Dimensions (empty for scalars).
    pub shape: Vec<DimExpr>,
    /// Declaration (parameters) or defining statement target (temporaries).
    pub span: Span,
}

/// A statement's index variable.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Var {
    /// Name.
    pub name: String,
    /// Range `0..extent`.
    pub extent: DimExpr,
    /// First occurrence.
    pub span: Span,
}

/// Index of a variable within its statement's `vars`.
pub type VarId = u32;

/// `Σ coef·var + offset`, coefficients and offset size expressions.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Affine {
    /// Terms, at most one per variable.
    pub terms: Vec<(VarId, DimExpr)>,
    /// Constant part.
    pub offset: DimExpr,
    /// Source of the index.
    pub span: Span,
}

impl Affine {
    /// The variable when the index is a plain variable.
    pub fn as_plain(&self) -> Option<VarId> {
        match (&self.terms[..], &self.offset) {
            ([(v, DimExpr::Lit(1))], DimExpr::Lit(0)) => Some(*v),
            _ => None,
        }
    }
}

/// Math functions and two-operand builtins.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Func {
    /// e^x
    Exp,
    /// natural log
    Log,
    /// square root
    Sqrt,
    /// 1/sqrt
    Rsqrt,
    /// hyperbolic tangent
    Tanh,
    /// 1/(1+e^-x)
    Sigmoid,
    /// absolute value
    Abs,
    /// larger of two
    Max,
    /// smaller of two
    Min,
    /// x^y
    Pow,
}

impl Func {
    /// Looks a function up by name.
    pub fn from_name(s: &str) -> Option<Func> {
        Some(match s {
            "exp" => Func::Exp,
            "log" => Func::Log,
            "sqrt" => Func::Sqrt,
            "rsqrt" => Func::Rsqrt,
            "tanh" => Func::Tanh,
            "sigmoid" => Func::Sigmoid,
            "abs" => Func::Abs,
            "max" => Func::Max,
            "min" => Func::Min,
            "pow" => Func::Pow,
            _ => return None,
        })
    }

    /// Source spelling.
    pub fn name(self) -> &'static str {
        match self {
            Func::Exp => "exp",
            Func::Log => "log",
            Func::Sqrt => "sqrt",
            Func::Rsqrt => "rsqrt",
            Func::Tanh => "tanh",
            Func::Sigmoid => "sigmoid",
            Func::Abs => "abs",
            Func::Max => "max",
            Func::Min => "min",
            Func::Pow => "pow",
        }
    }

    /// Number of operands.
    pub fn arity(self) -> usize {
        match self {
            Func::Max | Func::Min | Func::Pow => 2,
            _ => 1,
        }
    }

    /// True when only floating operands are allowed.
    pub fn float_only(self) -> bool {
        !matches!(self, Func::Abs | Func::Max | Func::Min)
    }
}

/// Comparison in a `select` condition.
pub type CmpOp = BinOp;

/// A typed expression node.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Result type.
    pub ty: DType,
    /// Source.
    pub span: Span,
}

/// Expression forms of the IR.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A floating constant (type from `ty`; may be ±inf).
    Float(f64),
    /// An integer constant of type i32.
    Int(i64),
    /// Element of a tensor (rank-0: no indices).
    Read {
        /// Which tensor.
        tensor: TensorId,
        /// One affine index per dimension.
        index: Vec<Affine>,
    },
    /// Value of a size symbol (i32).
    Size(SymbolId),
    /// Value of an index variable (i32).
    Var(VarId),
    /// `-a`
    Neg(ExprId),
    /// `a op b` with `op` one of `+ - * /`.
    Binary(BinOp, ExprId, ExprId),
    /// Builtin call.
    Call(Func, Vec<ExprId>),
    /// `select(lhs cmp rhs, then, otherwise)`
    Select {
        /// Comparison.
        cmp: CmpOp,
        /// Left operand of the comparison.
        lhs: ExprId,
        /// Right operand of the comparison.
        rhs: ExprId,
        /// Value when true.
        then: ExprId,
        /// Value when false.
        otherwise: ExprId,
    },
    /// Conversion of the operand to `ty`.
    Cast(ExprId),
}

/// One statement: a loop nest over `vars`; the first `n_parallel` are the
/// target's indices in order, the rest are reduction variables.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// Written tensor.
    pub target: TensorId,
    /// Combining operator.
    pub op: AssignOp,
    /// Parallel then reduction variables.
    pub vars: Vec<Var>,
    /// How many of `vars` are parallel.
    pub n_parallel: usize,
    /// Right side.
    pub value: ExprId,
    /// Source.
    pub span: Span,
}

impl Stmt {
    /// Reduction variables.
    pub fn reduction_vars(&self) -> &[Var] {
        &self.vars[self.n_parallel..]
    }

    /// Parallel variables.
    pub fn parallel_vars(&self) -> &[Var] {
        &self.vars[..self.n_parallel]
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Sealed;

/// A validated kernel.
#[derive(Clone, Debug, PartialEq)]
pub struct Kernel {
    /// Name.
    pub name: String,
    /// Whole kernel in the source.
    pub span: Span,
    /// Size symbols.
    pub symbols: Arena<Symbol>,
    /// Parameters and temporaries.
    pub tensors: Arena<Tensor>,
    /// Input parameters in order.
    pub inputs: Vec<TensorId>,
    /// Output parameters in order.
    pub outputs: Vec<TensorId>,
    /// Statements in order.
    pub stmts: Vec<Stmt>,
    /// Expression nodes of all statements.
    pub exprs: Arena<Expr>,
    /// Canonical text of the kernel (what the hash covers).
    pub canonical: String,
    /// Content hash of the canonical text (hex blake3).
    pub hash: String,
    pub(crate) sealed: Sealed,
}

impl Kernel {
    /// Finds a parameter or temporary by name.
    pub fn tensor_by_name(&self, name: &str) -> Option<TensorId> {
        self.tensors
            .iter()
            .find(|(_, t)| t.name == name)
            .map(|(id, _)| id)
    }

    /// Finds a size symbol by name.
    pub fn symbol_by_name(&self, name: &str) -> Option<SymbolId> {
        self.symbols
            .iter()
            .find(|(_, s)| s.name == name)
            .map(|(id, _)| id)
    }

    /// Prints a size expression with this kernel's symbol names.
    pub fn dim_str(&self, d: &DimExpr) -> String {
        d.display(&|s| self.symbols[s].name.clone())
    }

    /// Prints a tensor's type, e.g. `f32[M, K]`.
    pub fn type_str(&self, t: TensorId) -> String {
        let t = &self.tensors[t];
        if t.shape.is_empty() {
            return t.dtype.name().to_string();
        }
        let dims: Vec<String> = t.shape.iter().map(|d| self.dim_str(d)).collect();
        format!("{}[{}]", t.dtype, dims.join(", "))
    }
}

impl Kernel {
    /// Whether statement `stmt`'s expression reads tensor `t`.
    pub fn reads(&self, stmt: usize, t: TensorId) -> bool {
        let mut r = false;
        self.walk(self.stmts[stmt].value, &mut |_, e| {
            r |= matches!(&e.kind, ExprKind::Read { tensor, .. } if *tensor == t);
        });
        r
    }

    /// Calls `f` on every node of the expression tree under `root`, children first.
    pub fn walk(&self, root: ExprId, f: &mut dyn FnMut(ExprId, &Expr)) {
        crate::with_stack(|| self.walk_inner(root, f))
    }

    fn walk_inner(&self, root: ExprId, f: &mut dyn FnMut(ExprId, &Expr)) {
        let e = &self.exprs[root];
        match &e.kind {
            ExprKind::Float(_)
            | ExprKind::Int(_)
            | ExprKind::Read { .. }
            | ExprKind::Size(_)
            | ExprKind::Var(_) => {}
            ExprKind::Neg(a) | ExprKind::Cast(a) => self.walk(*a, f),
            ExprKind::Binary(_, a, b) => {
                self.walk(*a, f);
                self.walk(*b, f);
            }
            ExprKind::Call(_, args) => {
                for a in args {
                    self.walk(*a, f);
                }
            }
            ExprKind::Select {
                lhs,
                rhs,
                then,
                otherwise,
                ..
            } => {
                for a in [lhs, rhs, then, otherwise] {
                    self.walk(*a, f);
                }
            }
        }
        f(root, e);
    }
}
