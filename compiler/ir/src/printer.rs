//! Canonical printer: one layout for every file, so print -> parse -> print
//! is a fixed point and the kernel hash ignores whitespace and comments.
//!
//! Layout: one kernel per block, a blank line between kernels, four-space
//! indented statements, `, ` between list items, single spaces around binary
//! operators, and only the parentheses the precedence rules need (operands of
//! the same precedence on the right keep theirs, so `a - (b - c)` and
//! `a + (b + c)` keep their meaning and rounding). Literals keep their
//! spelling; a negative integer literal (`-3`, one token to the parser) is
//! printed as written, and a negated integer literal as `-(3)`.

use crate::ast::*;
use std::fmt::Write;

/// Prints a whole file canonically.
pub fn print_file(file: &File) -> String {
    let mut out = String::new();
    for (i, k) in file.kernels.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        print_kernel_into(&mut out, k);
    }
    out
}

/// Prints one kernel canonically (ends with a newline).
pub fn print_kernel(k: &KernelAst) -> String {
    let mut out = String::new();
    print_kernel_into(&mut out, k);
    out
}

fn print_kernel_into(out: &mut String, k: &KernelAst) {
    let _ = write!(out, "kernel {}(", k.name.name);
    params(out, &k.inputs);
    out.push_str(") -> (");
    params(out, &k.outputs);
    out.push_str(") {\n");
    for s in &k.body {
        out.push_str("    ");
        out.push_str(&s.target.name);
        if let Some(idx) = &s.indices {
            out.push('[');
            list(out, idx);
            out.push(']');
        }
        let _ = write!(out, " {} ", s.op.as_str());
        expr(out, &s.value);
        out.push_str(";\n");
    }
    out.push_str("}\n");
}

fn params(out: &mut String, ps: &[ParamAst]) {
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}: {}", p.name.name, p.dtype.name);
        if let Some(d) = &p.dims {
            out.push('[');
            list(out, d);
            out.push(']');
        }
    }
}

fn list(out: &mut String, es: &[ExprAst]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e);
    }
}

/// Prints an expression with minimal parentheses.
pub fn print_expr(e: &ExprAst) -> String {
    let mut out = String::new();
    expr(&mut out, e);
    out
}

fn expr(out: &mut String, e: &ExprAst) {
    crate::with_stack(|| expr_inner(out, e))
}

fn expr_inner(out: &mut String, e: &ExprAst) {
    match &e.kind {
        ExprKindAst::Int(t) | ExprKindAst::Float(t) => out.push_str(t),
        ExprKindAst::Inf => out.push_str("inf"),
        ExprKindAst::Name(n) => out.push_str(n),
        ExprKindAst::Index { name, indices } => {
            out.push_str(&name.name);
            out.push('[');
            list(out, indices);
            out.push(']');
        }
        ExprKindAst::Call { func, args } => {
            out.push_str(&func.name);
            out.push('(');
            list(out, args);
            out.push(')');
        }
        ExprKindAst::Neg(inner) => {
            out.push('-');
            // `-` directly before an integer literal is part of the literal
            // (`-2147483648`), so a negated integer keeps its parentheses.
            let paren = matches!(
                inner.kind,
                ExprKindAst::Binary(..) | ExprKindAst::Neg(_) | ExprKindAst::Int(_)
            );
            wrapped(out, inner, paren);
        }
        ExprKindAst::Binary(op, a, b) => {
            let p = op.precedence();
            wrapped(out, a, prec(a) < p || (op.is_comparison() && prec(a) == p));
            let _ = write!(out, " {} ", op.as_str());
            wrapped(out, b, prec(b) <= p);
        }
    }
}

fn prec(e: &ExprAst) -> u8 {
    match &e.kind {
        ExprKindAst::Binary(op, ..) => op.precedence(),
        _ => u8::MAX,
    }
}

fn wrapped(out: &mut String, e: &ExprAst, paren: bool) {
    if paren {
        out.push('(');
        expr(out, e);
        out.push(')');
    } else {
        expr(out, e);
    }
}
