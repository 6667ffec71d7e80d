//! kiln's tensor language: source text to validated, typed IR.
//!
//! Pipeline: [`lexer`] -> [`parser`] (syntax tree, [`ast`]) -> [`validate`]
//! (typed IR, [`ir`]) -> [`specialize`] (concrete sizes and iteration
//! domains). [`printer`] prints the canonical form that [`ir::Kernel::hash`]
//! covers. Every error is a [`Diag`] with a source span.
//!
//! Architecture invariant: this crate depends on no LLVM, MLIR, CUDA or
//! OpenCL crate; everything downstream consumes its IR.

pub mod ast;
pub mod diag;
pub mod dim;
pub mod ir;
pub mod lexer;
pub mod parser;
pub mod printer;
pub mod round;
pub mod span;
pub mod specialize;
pub mod validate;

pub use diag::{Diag, ErrorKind, Report, Source};
pub use ir::{DType, Kernel};
pub use round::{round_f16, round_f32};
pub use span::Span;
pub use specialize::{ArgSpec, Specialized};
pub use validate::check_source;

/// Parses and pretty-prints a source file canonically (comments dropped).
pub fn format_source(src: &str) -> Result<String, Diag> {
    Ok(printer::print_file(&parser::parse(src)?))
}

/// Runs a recursive step with enough stack, growing onto the heap when the
/// current thread's stack runs low: expression trees are as deep as the
/// parser allows, whatever thread (and stack size) a caller uses.
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}
