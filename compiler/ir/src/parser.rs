//! Recursive-descent parser from tokens to [`crate::ast`].

use crate::ast::*;
use crate::diag::{Diag, ErrorKind};
use crate::lexer::{lex, Tok, Token};
use crate::span::Span;

/// Deepest expression nesting accepted (guards the stack against hostile input).
const MAX_DEPTH: usize = 256;

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
        let mut out = Vec::new();
        if *self.peek() == close {
            self.bump();
            return Ok(out);
        }
        loop {
            out.push(self.expr()?);
            if *self.peek() == Tok::Comma {
                self.bump();
                continue;
            }
            if *self.peek() == close {
                self.bump();
                return Ok(out);
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

    fn expr(&mut self) -> Result<ExprAst, Diag> {
        let saved = self.depth;
        let r = self
            .enter()
            .and_then(|()| crate::with_stack(|| self.comparison()));
        self.depth = saved;
        r
    }

    fn comparison(&mut self) -> Result<ExprAst, Diag> {
        let lhs = self.additive()?;
        let op = match self.peek() {
            Tok::Lt => BinOp::Lt,
            Tok::Le => BinOp::Le,
            Tok::Gt => BinOp::Gt,
            Tok::Ge => BinOp::Ge,
            Tok::EqEq => BinOp::Eq,
            Tok::Ne => BinOp::Ne,
            _ => return Ok(lhs),
        };
        self.bump();
        let rhs = self.additive()?;
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
        Ok(binary(op, lhs, rhs))
    }

    /// Counts one more level of tree height against [`MAX_DEPTH`].
    fn enter(&mut self) -> Result<(), Diag> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Diag::new(
                ErrorKind::Syntax,
                self.span(),
                "expression nested too deeply",
            )
            .help(format!(
                "at most {MAX_DEPTH} levels of operators and parentheses"
            )));
        }
        Ok(())
    }

    fn additive(&mut self) -> Result<ExprAst, Diag> {
        self.chain(2)
    }

    /// A left-associative chain of the binary operators of precedence
    /// `prec` (2: `+ -`, 3: `* /`). Each operator counts one level of tree
    /// height against the depth limit.
    fn chain(&mut self, prec: u8) -> Result<ExprAst, Diag> {
        let saved = self.depth;
        let r = self.chain_inner(prec);
        self.depth = saved;
        r
    }

    fn chain_operand(&mut self, prec: u8) -> Result<ExprAst, Diag> {
        if prec == 2 {
            self.chain(3)
        } else {
            self.unary()
        }
    }

    fn chain_inner(&mut self, prec: u8) -> Result<ExprAst, Diag> {
        let mut lhs = self.chain_operand(prec)?;
        loop {
            let op = match (prec, self.peek()) {
                (2, Tok::Plus) => BinOp::Add,
                (2, Tok::Minus) => BinOp::Sub,
                (3, Tok::Star) => BinOp::Mul,
                (3, Tok::Slash) => BinOp::Div,
                _ => return Ok(lhs),
            };
            self.bump();
            self.enter()?;
            let rhs = self.chain_operand(prec)?;
            lhs = binary(op, lhs, rhs);
        }
    }

    fn unary(&mut self) -> Result<ExprAst, Diag> {
        if *self.peek() == Tok::Minus {
            let start = self.bump().span;
            let saved = self.depth;
            let inner = self
                .enter()
                .and_then(|()| crate::with_stack(|| self.unary()));
            self.depth = saved;
            let inner = inner?;
            return Ok(ExprAst {
                span: start.to(inner.span),
                kind: ExprKindAst::Neg(Box::new(inner)),
            });
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<ExprAst, Diag> {
        let start = self.span();
        match self.peek().clone() {
            Tok::Int(t) => {
                self.bump();
                Ok(ExprAst {
                    kind: ExprKindAst::Int(t),
                    span: start,
                })
            }
            Tok::Float(t) => {
                self.bump();
                Ok(ExprAst {
                    kind: ExprKindAst::Float(t),
                    span: start,
                })
            }
            Tok::LParen => {
                self.bump();
                let inner = self.expr()?;
                let end = self.expect(Tok::RParen, "`)`")?;
                // Keep the parenthesised span so diagnostics cover the parens.
                Ok(ExprAst {
                    kind: inner.kind,
                    span: start.to(end),
                })
            }
            Tok::Ident(name) => {
                let id = Ident {
                    name: name.clone(),
                    span: self.bump().span,
                };
                match self.peek() {
                    Tok::LParen => {
                        self.bump();
                        let args = self.expr_list(Tok::RParen)?;
                        Ok(ExprAst {
                            span: start.to(self.prev_span()),
                            kind: ExprKindAst::Call { func: id, args },
                        })
                    }
                    Tok::LBracket => {
                        self.bump();
                        let indices = self.expr_list(Tok::RBracket)?;
                        Ok(ExprAst {
                            span: start.to(self.prev_span()),
                            kind: ExprKindAst::Index { name: id, indices },
                        })
                    }
                    _ if name == "inf" => Ok(ExprAst {
                        kind: ExprKindAst::Inf,
                        span: start,
                    }),
                    _ => Ok(ExprAst {
                        kind: ExprKindAst::Name(name),
                        span: start,
                    }),
                }
            }
            _ => Err(self.error("an expression")),
        }
    }
}

fn binary(op: BinOp, lhs: ExprAst, rhs: ExprAst) -> ExprAst {
    ExprAst {
        span: lhs.span.to(rhs.span),
        kind: ExprKindAst::Binary(op, Box::new(lhs), Box::new(rhs)),
    }
}
