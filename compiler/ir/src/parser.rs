//! Recursive-descent parser from tokens to [`crate::ast`].

use crate::ast::*;
use crate::diag::{Diag, ErrorKind};
use crate::lexer::{lex, Tok, Token};
use crate::span::Span;

/// Deepest expression nesting accepted: parentheses, unary minus, call
/// arguments and indices (guards the parser's stack against hostile input).
pub const MAX_DEPTH: usize = 256;

/// Greatest expression height accepted: binary and unary operators on the
/// longest path from an expression's root to a leaf. A flat chain
/// `a + b + ...` of n terms has height n - 1 and is not nesting. This bounds
/// the depth of every syntax tree, size expression and IR expression; every
/// recursive walk of them (this crate's, `Clone`, `PartialEq`, `Debug` and
/// `Drop` of [`ExprAst`] and [`crate::dim::DimExpr`], and downstream walks
/// of [`crate::ir::Expr`]) runs under [`crate::with_stack`].
pub const MAX_HEIGHT: usize = 20_000;

/// Parses a whole file.
pub fn parse(src: &str) -> Result<File, Diag> {
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let mut kernels = Vec::new();
    while p.peek() != &Tok::Eof {
        kernels.push(p.kernel()?);
    }
    Ok(File { kernels })
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].tok
    }

    fn peek_at(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        &self.toks[i].tok
    }

    fn span(&self) -> Span {
        self.toks[self.pos].span
    }

    fn prev_span(&self) -> Span {
        self.toks[self.pos.saturating_sub(1)].span
    }

    fn bump(&mut self) -> Token {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn error(&self, expected: &str) -> Diag {
        Diag::new(
            ErrorKind::Syntax,
            self.span(),
            format!("expected {expected}, found {}", self.peek().describe()),
        )
        .label(format!("expected {expected}"))
    }

    fn expect(&mut self, tok: Tok, what: &str) -> Result<Span, Diag> {
        if *self.peek() == tok {
            Ok(self.bump().span)
        } else {
            Err(self.error(what))
        }
    }

    fn ident(&mut self, what: &str) -> Result<Ident, Diag> {
        match self.peek().clone() {
            Tok::Ident(name) => {
                let span = self.bump().span;
                Ok(Ident { name, span })
            }
            _ => Err(self.error(what)),
        }
    }

    fn kernel(&mut self) -> Result<KernelAst, Diag> {
        let start = self.span();
        match self.peek() {
            Tok::Ident(k) if k == "kernel" => {
                self.bump();
            }
            _ => return Err(self.error("`kernel`")),
        }
        let name = self.ident("a kernel name")?;
        self.expect(Tok::LParen, "`(`")?;
        let inputs = self.params(Tok::RParen)?;
        self.expect(Tok::Arrow, "`->`")?;
        self.expect(Tok::LParen, "`(`")?;
        let outputs = self.params(Tok::RParen)?;
        self.expect(Tok::LBrace, "`{`")?;
        let mut body = Vec::new();
        while *self.peek() != Tok::RBrace {
            if *self.peek() == Tok::Eof {
                return Err(self.error("`}` or a statement"));
            }
            body.push(self.stmt()?);
        }
        let end = self.bump().span;
        Ok(KernelAst {
            name,
            inputs,
            outputs,
            body,
            span: start.to(end),
        })
    }

    fn params(&mut self, close: Tok) -> Result<Vec<ParamAst>, Diag> {
        let mut out = Vec::new();
        if *self.peek() == close {
            self.bump();
            return Ok(out);
        }
        loop {
            let name = self.ident("a parameter name")?;
            self.expect(Tok::Colon, "`:`")?;
            let dtype = self.ident("a dtype")?;
            let dims = if *self.peek() == Tok::LBracket {
                self.bump();
                let dims = self.expr_list(Tok::RBracket)?;
                if dims.is_empty() {
                    return Err(Diag::new(
                        ErrorKind::Syntax,
                        self.prev_span(),
                        "a tensor parameter needs at least one dimension",
                    )
                    .help("write a scalar parameter without brackets: `eps: f32`"));
                }
                Some(dims)
            } else {
                None
            };
            out.push(ParamAst {
                span: name.span.to(self.prev_span()),
                name,
                dtype,
                dims,
            });
            if *self.peek() == Tok::Comma {
                self.bump();
                continue;
            }
            if *self.peek() == close {
                self.bump();
                return Ok(out);
            }
            return Err(self.error("`,` or `)`"));
        }
    }

    /// Comma-separated expressions up to and including `close`.
    fn expr_list(&mut self, close: Tok) -> Result<Vec<ExprAst>, Diag> {
        self.expr_list_h(close).map(|(l, _)| l)
    }

    /// [`Parser::expr_list`] with the greatest height among the items.
    fn expr_list_h(&mut self, close: Tok) -> Result<(Vec<ExprAst>, usize), Diag> {
        let mut out = Vec::new();
        let mut height = 0;
        if *self.peek() == close {
            self.bump();
            return Ok((out, height));
        }
        loop {
            let (e, h) = self.expr_h()?;
            out.push(e);
            height = height.max(h);
            if *self.peek() == Tok::Comma {
                self.bump();
                continue;
            }
            if *self.peek() == close {
                self.bump();
                return Ok((out, height));
            }
            let want = if close == Tok::RBracket {
                "`,` or `]`"
            } else {
                "`,` or `)`"
            };
            return Err(self.error(want));
        }
    }

    fn stmt(&mut self) -> Result<StmtAst, Diag> {
        let target = self.ident("a statement target")?;
        let indices = if *self.peek() == Tok::LBracket {
            self.bump();
            Some(self.expr_list(Tok::RBracket)?)
        } else {
            None
        };
        let op_start = self.span();
        let op = match self.peek().clone() {
            Tok::Eq => AssignOp::Assign,
            Tok::PlusEq => AssignOp::Add,
            Tok::StarEq => AssignOp::Mul,
            Tok::Ident(w) if (w == "max" || w == "min") && *self.peek_at(1) == Tok::Eq => {
                self.bump();
                if w == "max" {
                    AssignOp::Max
                } else {
                    AssignOp::Min
                }
            }
            _ => return Err(self.error("`=`, `+=`, `*=`, `max=` or `min=`")),
        };
        let op_end = self.bump().span;
        let value = self.expr()?;
        let end = self.expect(Tok::Semi, "`;`")?;
        Ok(StmtAst {
            span: target.span.to(end),
            target,
            indices,
            op,
            op_span: op_start.to(op_end),
            value,
        })
    }

    /// A whole expression: a nesting level of its own (parentheses, call
    /// arguments, indices, dimensions and statement values all come here).
    fn expr(&mut self) -> Result<ExprAst, Diag> {
        self.expr_h().map(|(e, _)| e)
    }

    /// [`Parser::expr`] with the tree height (operators on the longest path
    /// from the root to a leaf).
    fn expr_h(&mut self) -> Result<(ExprAst, usize), Diag> {
        let saved = self.depth;
        let r = self
            .enter()
            .and_then(|()| crate::with_stack(|| self.comparison()));
        self.depth = saved;
        r
    }

    fn comparison(&mut self) -> Result<(ExprAst, usize), Diag> {
        let lhs = self.chain(2)?;
        let op = match self.peek() {
            Tok::Lt => BinOp::Lt,
            Tok::Le => BinOp::Le,
            Tok::Gt => BinOp::Gt,
            Tok::Ge => BinOp::Ge,
            Tok::EqEq => BinOp::Eq,
            Tok::Ne => BinOp::Ne,
            _ => return Ok(lhs),
        };
        let op_span = self.bump().span;
        let rhs = self.chain(2)?;
        if matches!(
            self.peek(),
            Tok::Lt | Tok::Le | Tok::Gt | Tok::Ge | Tok::EqEq | Tok::Ne
        ) {
            return Err(Diag::new(
                ErrorKind::Syntax,
                self.span(),
                "comparisons cannot be chained",
            ));
        }
        self.combine(op, op_span, lhs, rhs)
    }

    /// Counts one more level of nesting against [`MAX_DEPTH`]. Only real
    /// nesting counts (parentheses, unary minus, call arguments, indices):
    /// those are what the parser recurses on.
    fn enter(&mut self) -> Result<(), Diag> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Diag::new(
                ErrorKind::Syntax,
                self.span(),
                "expression nested too deeply",
            )
            .help(format!(
                "at most {MAX_DEPTH} levels of parentheses, unary minus, calls and indices"
            )));
        }
        Ok(())
    }

    /// `lhs op rhs`, checking the height of the result against [`MAX_HEIGHT`].
    fn combine(
        &self,
        op: BinOp,
        op_span: Span,
        (lhs, hl): (ExprAst, usize),
        (rhs, hr): (ExprAst, usize),
    ) -> Result<(ExprAst, usize), Diag> {
        let h = hl.max(hr) + 1;
        if h > MAX_HEIGHT {
            return Err(too_long(op_span));
        }
        Ok((binary(op, lhs, rhs), h))
    }

    /// A left-associative chain of the binary operators of precedence
    /// `prec` (2: `+ -`, 3: `* /`), parsed iteratively: a long flat chain
    /// is not nesting and does not count against [`MAX_DEPTH`], only against
    /// [`MAX_HEIGHT`].
    fn chain(&mut self, prec: u8) -> Result<(ExprAst, usize), Diag> {
        let mut lhs = self.chain_operand(prec)?;
        loop {
            let op = match (prec, self.peek()) {
                (2, Tok::Plus) => BinOp::Add,
                (2, Tok::Minus) => BinOp::Sub,
                (3, Tok::Star) => BinOp::Mul,
                (3, Tok::Slash) => BinOp::Div,
                _ => return Ok(lhs),
            };
            let op_span = self.bump().span;
            let rhs = self.chain_operand(prec)?;
            lhs = self.combine(op, op_span, lhs, rhs)?;
        }
    }

    fn chain_operand(&mut self, prec: u8) -> Result<(ExprAst, usize), Diag> {
        if prec == 2 {
            self.chain(3)
        } else {
            self.unary()
        }
    }

    fn unary(&mut self) -> Result<(ExprAst, usize), Diag> {
        if *self.peek() == Tok::Minus {
            let start = self.bump().span;
            // `-` directly before an integer literal is part of the literal,
            // so the most negative i32 (`-2147483648`) can be written.
            if let Tok::Int(t) = self.peek().clone() {
                let end = self.bump().span;
                return Ok((
                    ExprAst {
                        kind: ExprKindAst::Int(format!("-{t}")),
                        span: start.to(end),
                    },
                    0,
                ));
            }
            let saved = self.depth;
            let inner = self
                .enter()
                .and_then(|()| crate::with_stack(|| self.unary()));
            self.depth = saved;
            let (inner, h) = inner?;
            if h + 1 > MAX_HEIGHT {
                return Err(too_long(start));
            }
            return Ok((
                ExprAst {
                    span: start.to(inner.span),
                    kind: ExprKindAst::Neg(Box::new(inner)),
                },
                h + 1,
            ));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<(ExprAst, usize), Diag> {
        let start = self.span();
        match self.peek().clone() {
            Tok::Int(t) => {
                self.bump();
                Ok((
                    ExprAst {
                        kind: ExprKindAst::Int(t),
                        span: start,
                    },
                    0,
                ))
            }
            Tok::Float(t) => {
                self.bump();
                Ok((
                    ExprAst {
                        kind: ExprKindAst::Float(t),
                        span: start,
                    },
                    0,
                ))
            }
            Tok::LParen => {
                self.bump();
                let (mut inner, h) = self.expr_h()?;
                let end = self.expect(Tok::RParen, "`)`")?;
                // Keep the parenthesised span so diagnostics cover the parens.
                Ok((
                    ExprAst {
                        kind: inner.take_kind(),
                        span: start.to(end),
                    },
                    h,
                ))
            }
            Tok::Ident(name) => {
                let id = Ident {
                    name: name.clone(),
                    span: self.bump().span,
                };
                match self.peek() {
                    Tok::LParen => {
                        self.bump();
                        let (args, h) = self.expr_list_h(Tok::RParen)?;
                        Ok((
                            ExprAst {
                                span: start.to(self.prev_span()),
                                kind: ExprKindAst::Call { func: id, args },
                            },
                            h,
                        ))
                    }
                    Tok::LBracket => {
                        self.bump();
                        let (indices, h) = self.expr_list_h(Tok::RBracket)?;
                        Ok((
                            ExprAst {
                                span: start.to(self.prev_span()),
                                kind: ExprKindAst::Index { name: id, indices },
                            },
                            h,
                        ))
                    }
                    _ if name == "inf" => Ok((
                        ExprAst {
                            kind: ExprKindAst::Inf,
                            span: start,
                        },
                        0,
                    )),
                    _ => Ok((
                        ExprAst {
                            kind: ExprKindAst::Name(name),
                            span: start,
                        },
                        0,
                    )),
                }
            }
            _ => Err(self.error("an expression")),
        }
    }
}

/// The error for an expression higher than [`MAX_HEIGHT`], at the operator
/// that crosses the limit.
fn too_long(op_span: Span) -> Diag {
    Diag::new(
        ErrorKind::Syntax,
        op_span,
        format!("expression too long: more than {MAX_HEIGHT} operators deep"),
    )
    .label(format!("operator number {}", MAX_HEIGHT + 1))
    .help(format!(
        "an expression may chain at most {MAX_HEIGHT} operators (`a + b + c` chains 2, counted \
         along its deepest path); split it into statements with temporaries"
    ))
}

fn binary(op: BinOp, lhs: ExprAst, rhs: ExprAst) -> ExprAst {
    ExprAst {
        span: lhs.span.to(rhs.span),
        kind: ExprKindAst::Binary(op, Box::new(lhs), Box::new(rhs)),
    }
}
