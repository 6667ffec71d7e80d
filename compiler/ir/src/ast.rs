//! Untyped syntax tree, as parsed. Only the validator turns it into IR.

use crate::span::Span;

/// A parsed file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// Kernels in source order.
    pub kernels: Vec<KernelAst>,
}

/// A name with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    /// Text.
    pub name: String,
    /// Where.
    pub span: Span,
}

/// `kernel NAME(INPUTS) -> (OUTPUTS) { STATEMENTS }`
#[derive(Clone, Debug, PartialEq)]
pub struct KernelAst {
    /// Kernel name.
    pub name: Ident,
    /// Input parameters.
    pub inputs: Vec<ParamAst>,
    /// Output parameters.
    pub outputs: Vec<ParamAst>,
    /// Statements in order.
    pub body: Vec<StmtAst>,
    /// Whole kernel.
    pub span: Span,
}

/// `name: DTYPE` or `name: DTYPE[DIM, ...]`
#[derive(Clone, Debug, PartialEq)]
pub struct ParamAst {
    /// Name.
    pub name: Ident,
    /// Dtype name as written.
    pub dtype: Ident,
    /// `None` for a scalar parameter.
    pub dims: Option<Vec<ExprAst>>,
    /// Whole parameter.
    pub span: Span,
}

/// Statement operator.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `+=`
    Add,
    /// `*=`
    Mul,
    /// `max=`
    Max,
    /// `min=`
    Min,
}

impl AssignOp {
    /// The value a reduction with this operator starts from: 0, 1, -inf,
    /// +inf (for i32, its minimum and maximum). `=` starts from 0.
    pub fn identity(self, dtype: crate::ir::DType) -> f64 {
        let int = dtype == crate::ir::DType::I32;
        match self {
            AssignOp::Assign | AssignOp::Add => 0.0,
            AssignOp::Mul => 1.0,
            AssignOp::Max if int => i32::MIN as f64,
            AssignOp::Max => f64::NEG_INFINITY,
            AssignOp::Min if int => i32::MAX as f64,
            AssignOp::Min => f64::INFINITY,
        }
    }

    /// Source spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            AssignOp::Assign => "=",
            AssignOp::Add => "+=",
            AssignOp::Mul => "*=",
            AssignOp::Max => "max=",
            AssignOp::Min => "min=",
        }
    }
}

/// `TARGET[IDX, ...] OP EXPR;`
#[derive(Clone, Debug, PartialEq)]
pub struct StmtAst {
    /// Target name.
    pub target: Ident,
    /// Target indices; `None` for a rank-0 target written without brackets.
    pub indices: Option<Vec<ExprAst>>,
    /// Operator.
    pub op: AssignOp,
    /// Where the operator is.
    pub op_span: Span,
    /// Right side.
    pub value: ExprAst,
    /// Whole statement.
    pub span: Span,
}

/// Binary operators, comparisons included.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl BinOp {
    /// Source spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
        }
    }

    /// Binding strength: comparisons 1, additive 2, multiplicative 3.
    pub fn precedence(self) -> u8 {
        match self {
            BinOp::Add | BinOp::Sub => 2,
            BinOp::Mul | BinOp::Div => 3,
            _ => 1,
        }
    }

    /// True for the six comparisons.
    pub fn is_comparison(self) -> bool {
        self.precedence() == 1
    }
}

/// An expression (also used for dimensions and indices).
///
/// `Clone`, `PartialEq`, `Debug` and `Drop` recurse through
/// [`crate::with_stack`], so trees as high as the parser allows
/// ([`crate::parser::MAX_HEIGHT`]) are safe on any thread.
pub struct ExprAst {
    /// What it is.
    pub kind: ExprKindAst,
    /// Where.
    pub span: Span,
}

impl ExprAst {
    /// Moves the expression's kind out, leaving a leaf behind (`ExprAst`
    /// implements `Drop`, so its fields cannot simply be moved out).
    pub fn take_kind(&mut self) -> ExprKindAst {
        std::mem::replace(&mut self.kind, ExprKindAst::Inf)
    }
}

impl Clone for ExprAst {
    fn clone(&self) -> Self {
        crate::with_stack(|| ExprAst {
            kind: self.kind.clone(),
            span: self.span,
        })
    }
}

impl PartialEq for ExprAst {
    fn eq(&self, other: &Self) -> bool {
        crate::with_stack(|| self.span == other.span && self.kind == other.kind)
    }
}

impl std::fmt::Debug for ExprAst {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::with_stack(|| {
            f.debug_struct("ExprAst")
                .field("kind", &self.kind)
                .field("span", &self.span)
                .finish()
        })
    }
}

impl Drop for ExprAst {
    fn drop(&mut self) {
        if matches!(
            self.kind,
            ExprKindAst::Neg(_)
                | ExprKindAst::Binary(..)
                | ExprKindAst::Call { .. }
                | ExprKindAst::Index { .. }
        ) {
            let kind = self.take_kind();
            crate::with_stack(move || drop(kind));
        }
    }
}

/// Expression forms.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKindAst {
    /// Integer literal text.
    Int(String),
    /// Decimal or exponent literal text.
    Float(String),
    /// `inf`
    Inf,
    /// A bare name.
    Name(String),
    /// `name[i, ...]`
    Index {
        /// Tensor name.
        name: Ident,
        /// Indices.
        indices: Vec<ExprAst>,
    },
    /// `-e`
    Neg(Box<ExprAst>),
    /// `a op b`
    Binary(BinOp, Box<ExprAst>, Box<ExprAst>),
    /// `f(args)`
    Call {
        /// Function name.
        func: Ident,
        /// Arguments.
        args: Vec<ExprAst>,
    },
}
