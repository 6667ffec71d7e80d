//! The front end never overflows or panics on sizes, literals, names and
//! expression shapes at the edges, and says what is wrong with a span.

use kiln_ir::{ArgSpec, DType, Diag, ErrorKind, Source, Specialized};
use std::collections::BTreeMap;

/// The single compile error of `src`.
fn compile_err(src: &str) -> Diag {
    let mut d = kiln_ir::check_source(src).expect_err("the source is rejected");
    assert_eq!(d.len(), 1, "{d:?}");
    d.remove(0)
}

/// The text under a diagnostic's primary span.
fn spanned<'s>(src: &'s str, d: &Diag) -> &'s str {
    let s = d.span.expect("the diagnostic has a span");
    &src[s.start as usize..s.end as usize]
}

fn sizes(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
    pairs.iter().map(|(n, v)| (n.to_string(), *v)).collect()
}

/// The error of specializing the first kernel of `src` with `given` sizes.
fn size_err(src: &str, given: &[(&str, i64)]) -> Diag {
    let k = &kiln_ir::check_source(src).unwrap()[0];
    Specialized::from_sizes(k, &sizes(given)).expect_err("the sizes are rejected")
}

/// Rendering never panics and names the error class.
fn renders(src: &str, d: &Diag) -> String {
    let out = d.render(&Source::new("t.kiln", src));
    assert!(out.contains(d.kind.code()), "{out}");
    out
}

// ---- sizes, element counts and indices: checked arithmetic ----

#[test]
fn overflowing_output_dimension_is_too_large_naming_the_dimension() {
    let src = "kernel k(x: f32[N]) -> (y: f32[N * 4611686018427387904 * 4]) { y[i] = 1.0; }";
    let d = size_err(src, &[("N", 2)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert!(
        d.message
            .starts_with("dimension 0 of `y` `N * 4611686018427387904 * 4` is too large"),
        "{}",
        d.message
    );
    assert!(d.message.contains("overflows a 64-bit integer"));
    assert!(!d.message.contains("at least 1"));
    assert_eq!(spanned(src, &d), "y");
    assert_eq!(d.help.as_deref(), Some("with sizes N=2"));
    renders(src, &d);
}

#[test]
fn huge_size_says_too_large_not_at_least_one() {
    let src = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = x[i]; }";
    let d = size_err(src, &[("N", 1 << 50)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert!(d.message.contains("is too large"), "{}", d.message);
    assert!(d.message.contains("1125899906842624"), "{}", d.message);
    assert!(!d.message.contains("at least 1"), "{}", d.message);
    assert_eq!(spanned(src, &d), "x");
    // A size below 1 keeps its own message.
    let d = size_err(src, &[("N", 0)]);
    assert_eq!(d.kind, ErrorKind::BadDimension);
    assert!(d.message.contains("at least 1"), "{}", d.message);
    // An output dimension that wraps below 1 in unchecked arithmetic is
    // still reported as too large.
    let src = "kernel k(x: f32[N]) -> (y: f32[N * N - 1]) { y[i] = 1.0; }";
    let d = size_err(src, &[("N", 3_037_000_500)]);
    assert_eq!(d.kind, ErrorKind::TooLarge, "{}", d.message);
}

#[test]
fn huge_argument_dimension_is_too_large_naming_the_argument() {
    let src = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = x[i]; }";
    let k = &kiln_ir::check_source(src).unwrap()[0];
    for n in [usize::MAX, 1usize << 63, (1usize << 48) + 1] {
        let args = BTreeMap::from([(
            "x".to_string(),
            ArgSpec {
                dtype: DType::F32,
                shape: vec![n],
            },
        )]);
        let d = Specialized::from_args(k, &args).unwrap_err();
        assert_eq!(d.kind, ErrorKind::TooLarge);
        assert_eq!(
            d.message,
            format!("argument `x` has size {n} in dimension 0, more than the supported 2^48")
        );
        assert_eq!(spanned(src, &d), "x");
    }
}

#[test]
fn element_count_beyond_the_limit_names_the_tensor() {
    let src = "kernel k(x: f32[M, N]) -> (y: f32[M]) { y[i] += x[i, j]; }";
    let d = size_err(src, &[("M", 1 << 30), ("N", 1 << 30)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert!(
        d.message.starts_with(
            "tensor `x` is too large: [1073741824, 1073741824] is 1152921504606846976 elements"
        ),
        "{}",
        d.message
    );
    assert_eq!(spanned(src, &d), "x");
    // Beyond even a 64-bit count.
    let src = "kernel k(x: f32[A, B, C, D]) -> (y: f32[A]) { y[i] += x[i, j, k, l]; }";
    let s = 1 << 40;
    let d = size_err(src, &[("A", s), ("B", s), ("C", s), ("D", s)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert!(
        d.message.starts_with("tensor `x` is too large"),
        "{}",
        d.message
    );
    assert!(d
        .message
        .contains("more elements than a 64-bit count holds"));
}

#[test]
fn iteration_space_beyond_the_limit_names_the_statement() {
    let src = "kernel k(a: f32[M], b: f32[N]) -> (y: f32[M]) { y[i] += a[i] * b[j]; }";
    let d = size_err(src, &[("M", 1 << 30), ("N", 1 << 30)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert!(
        d.message
            .starts_with("the iteration space of the statement writing `y` is too large"),
        "{}",
        d.message
    );
    assert_eq!(spanned(src, &d), "y[i] += a[i] * b[j];");
}

#[test]
fn constant_dimension_overflow_is_a_compile_error() {
    let src = "kernel k(x: f32[N]) -> (y: f32[4611686018427387904 * 4]) { y[i] = 1.0; }";
    let d = compile_err(src);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert_eq!(
        d.message,
        "dimension 0 of `y` is too large: it overflows a 64-bit integer"
    );
    assert_eq!(spanned(src, &d), "4611686018427387904 * 4");
    let src = "kernel k(x: f32[281474976710657]) -> (y: f32[4]) { y[i] = 1.0; }";
    let d = compile_err(src);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert!(d.message.contains("281474976710657"), "{}", d.message);
    assert_eq!(spanned(src, &d), "281474976710657");
    let src = "kernel k(x: f32[N]) -> (y: f32[N, 4 / (2 - 2)]) { y[i, j] = 1.0; }";
    let d = compile_err(src);
    assert_eq!(d.kind, ErrorKind::BadDimension);
    assert_eq!(d.message, "dimension 1 of `y` divides by zero");
    let src = "kernel k(x: f32[99999999999999999999]) -> (y: f32[4]) { y[i] = 1.0; }";
    let d = compile_err(src);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert_eq!(spanned(src, &d), "99999999999999999999");
}

#[test]
fn symbolic_equality_with_huge_coefficients_does_not_overflow() {
    // `same_as` normalizes both ranges; the coefficients overflow i64.
    let src = "kernel k(x: f32[N]) -> (y: f32[N * 4611686018427387904 * 4], z: f32[N * 4611686018427387904 * 4]) {
        y[i] = 1.0;
        z[i] = y[i];
    }";
    assert!(kiln_ir::check_source(src).is_ok());
    let src = "kernel k(x: f32[N]) -> (y: f32[N - -9223372036854775808], z: f32[N]) {
        y[i] = 1.0;
        z[i] = y[i];
    }";
    let d = compile_err(src);
    assert_eq!(d.kind, ErrorKind::RangeMismatch);
}

#[test]
fn affine_index_overflow_names_the_index() {
    let src = "kernel k(x: f32[N], w: f32[M]) -> (y: f32[N]) { y[i] = x[i] + w[M * M * M * i]; }";
    let d = size_err(src, &[("N", 2), ("M", 1 << 21)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert!(
        d.message.starts_with("index 0 of `w` is too large"),
        "{}",
        d.message
    );
    assert_eq!(spanned(src, &d), "M * M * M * i");
    // The value overflows while the coefficient does not.
    let src =
        "kernel k(x: f32[N], w: f32[M]) -> (y: f32[N]) { y[i] = x[i] + w[M * M * i + M * M * M]; }";
    let d = size_err(src, &[("N", 1 << 20), ("M", 1 << 21)]);
    assert_eq!(d.kind, ErrorKind::TooLarge, "{}", d.message);
    assert!(d.message.starts_with("index 0 of `w`"), "{}", d.message);
}

#[test]
fn size_used_as_i32_value_must_fit() {
    let src = "kernel k(x: f32[R, C]) -> (y: f32[R]) { y[r] += x[r, c] / f32(C); }";
    let d = size_err(src, &[("R", 1), ("C", 3_000_000_000)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert_eq!(
        d.message,
        "size `C` = 3000000000 is too large to use as an i32 value (at most 2147483647)"
    );
    assert_eq!(spanned(src, &d), "C");
    assert_eq!(
        d.span.unwrap().start as usize,
        src.find("f32(C)").unwrap() + 4
    );
    // At the limit it is fine.
    let k = &kiln_ir::check_source(src).unwrap()[0];
    assert!(Specialized::from_sizes(k, &sizes(&[("R", 1), ("C", i32::MAX as i64)])).is_ok());
}

#[test]
fn index_variable_used_as_i32_value_must_fit() {
    let src = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = select(i < 5, x[i], 0.0); }";
    let d = size_err(src, &[("N", 3_000_000_000)]);
    assert_eq!(d.kind, ErrorKind::TooLarge);
    assert_eq!(
        d.message,
        "index variable `i` reaches 2999999999, too large to use as an i32 value (at most 2147483647)"
    );
    assert_eq!(d.span.unwrap().start as usize, src.find("i < 5").unwrap());
    // i reaches N - 1: N = 2^31 is still fine.
    let k = &kiln_ir::check_source(src).unwrap()[0];
    assert!(Specialized::from_sizes(k, &sizes(&[("N", 1 << 31)])).is_ok());
    assert!(Specialized::from_sizes(k, &sizes(&[("N", (1 << 31) + 1)])).is_err());
    // Without a value use, large sizes are fine.
    let src = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = x[i]; }";
    let k = &kiln_ir::check_source(src).unwrap()[0];
    assert!(Specialized::from_sizes(k, &sizes(&[("N", 3_000_000_000)])).is_ok());
}

#[test]
fn index_width_helpers() {
    let src =
        "kernel k(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) { c[i, j] += a[i, k] * b[k, j]; }";
    let k = &kiln_ir::check_source(src).unwrap()[0];
    let s = Specialized::from_sizes(k, &sizes(&[("M", 3), ("K", 5), ("N", 7)])).unwrap();
    assert_eq!(s.max_numel(), 35);
    assert_eq!(s.max_iterations(), 105);
    assert_eq!(s.index_bound(), 105);
    assert!(s.fits_i32_indexing());
    assert_eq!(s.numel(k.outputs[0]), 21);
    let s =
        Specialized::from_sizes(k, &sizes(&[("M", 1 << 16), ("K", 2), ("N", 1 << 16)])).unwrap();
    assert_eq!(s.max_numel(), 1 << 32);
    assert!(!s.fits_i32_indexing());
    // Affine coefficients count too.
    let src = "kernel k(x: f32[N], w: f32[M]) -> (y: f32[N]) { y[i] = w[M * i] + x[i]; }";
    let k = &kiln_ir::check_source(src).unwrap()[0];
    let s = Specialized::from_sizes(k, &sizes(&[("N", 1), ("M", 3_000_000_000)])).unwrap();
    assert_eq!(s.index_bound(), 3_000_000_000);
    assert!(!s.fits_i32_indexing());
}

// ---- the parser's limits ----

fn sum_of(n: usize) -> String {
    format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = x[i]{}; }}",
        " + x[i]".repeat(n - 1)
    )
}

#[test]
fn a_flat_sum_of_300_terms_is_not_nesting() {
    let src = sum_of(300);
    let k = kiln_ir::check_source(&src).unwrap();
    assert_eq!(
        kiln_ir::format_source(&src).unwrap().matches('+').count(),
        299
    );
    Specialized::from_sizes(&k[0], &sizes(&[("N", 4)])).unwrap();
    // Products and mixed chains too.
    let src = format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = x[i]{}; }}",
        " * x[i] - x[i] / x[i]".repeat(300)
    );
    assert!(kiln_ir::check_source(&src).is_ok());
}

#[test]
fn long_chains_are_safe_on_a_small_stack() {
    // Everything that walks a 10_000-term chain (parser, validator, printer,
    // specializer, and Clone / PartialEq / Debug / Drop of the trees) works
    // on a 256 KiB thread.
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(|| {
            let src = sum_of(10_000);
            let file = kiln_ir::parser::parse(&src).unwrap();
            let copy = file.clone();
            assert!(copy == file);
            assert!(format!("{copy:?}").len() > 10_000);
            drop(copy);
            let printed = kiln_ir::format_source(&src).unwrap();
            assert_eq!(kiln_ir::format_source(&printed).unwrap(), printed);
            let k = kiln_ir::check_source(&src).unwrap();
            let s = Specialized::from_sizes(&k[0], &sizes(&[("N", 4)])).unwrap();
            assert_eq!(s.domain(0), &[4]);
            // Deep size expressions: an output dimension and an index offset.
            let dim = vec!["N"; 10_000].join(" + ");
            let src = format!(
                "kernel k(x: f32[N]) -> (y: f32[{dim}], z: f32[N]) {{ y[i] = 1.0; z[i] = y[i + {dim} - N]; }}"
            );
            let k = kiln_ir::check_source(&src).unwrap();
            let k2 = k.clone();
            assert!(k2 == k);
            assert!(format!("{k2:?}").len() > 10_000);
            let s = Specialized::from_sizes(&k[0], &sizes(&[("N", 2)])).map_err(|d| d.message);
            assert_eq!(s.unwrap().shape(k[0].outputs[0]), &[20_000]);
            let src = src.replace("- N]", "]");
            let k = kiln_ir::check_source(&src).unwrap();
            match Specialized::from_sizes(&k[0], &sizes(&[("N", 2)])) {
                Ok(_) => panic!("y[i + 10000 N] is out of bounds"),
                Err(d) => assert_eq!(d.kind, ErrorKind::OutOfBounds, "{}", d.message),
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn too_long_an_expression_says_how_long_is_too_long() {
    let limit = kiln_ir::parser::MAX_HEIGHT;
    assert!(kiln_ir::check_source(&sum_of(limit + 1)).is_ok());
    let src = sum_of(limit + 2);
    let d = compile_err(&src);
    assert_eq!(d.kind, ErrorKind::Syntax);
    assert_eq!(
        d.message,
        format!("expression too long: more than {limit} operators deep")
    );
    assert_eq!(spanned(&src, &d), "+");
    // The operator that crosses the limit: the last one.
    assert_eq!(d.span.unwrap().start as usize, src.rfind('+').unwrap());
    assert!(d.help.as_deref().unwrap().contains("temporaries"));
    // The line is far too long to show: the rendering names the place.
    let out = renders(&src, &d);
    assert!(out.contains("at t.kiln:1:"), "{out}");
    assert!(out.len() < 2000);
}

#[test]
fn real_nesting_still_counts() {
    let parens = |n: usize| {
        format!(
            "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = {}x[i]{}; }}",
            "(".repeat(n),
            ")".repeat(n)
        )
    };
    assert!(kiln_ir::check_source(&parens(200)).is_ok());
    let d = compile_err(&parens(300));
    assert_eq!(d.kind, ErrorKind::Syntax);
    assert_eq!(d.message, "expression nested too deeply");
    let negs = format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = {}x[i]; }}",
        "-".repeat(300)
    );
    assert_eq!(compile_err(&negs).message, "expression nested too deeply");
    let calls = format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = {}x[i]{}; }}",
        "exp(".repeat(300),
        ")".repeat(300)
    );
    assert_eq!(compile_err(&calls).message, "expression nested too deeply");
    // Hostile sizes stay errors, never a stack overflow.
    assert!(kiln_ir::check_source(&parens(100_000)).is_err());
    assert!(kiln_ir::check_source(&sum_of(100_000)).is_err());
}

// ---- reserved words ----

#[test]
fn inf_is_reserved_everywhere_a_name_is_declared() {
    let cases = [
        (
            "kernel k(inf: f32) -> (y: f32[4]) { y[i] = inf; }",
            "inf",
            "a parameter",
        ),
        (
            "kernel k(x: f32[N]) -> (inf: f32[N]) { inf[i] = x[i]; }",
            "inf",
            "a parameter",
        ),
        (
            "kernel k(x: f32[inf]) -> (y: f32[4]) { y[i] = 1.0; }",
            "inf",
            "a size symbol",
        ),
        (
            "kernel k(x: f32[N]) -> (y: f32[N, inf]) { y[i, j] = 1.0; }",
            "inf",
            "a size symbol",
        ),
        (
            "kernel k(x: f32[N]) -> (y: f32[N]) { inf[i] = x[i]; y[i] = inf[i]; }",
            "inf",
            "a temporary",
        ),
        (
            "kernel k(x: f32[N]) -> (y: f32[N]) { y[inf] = 1.0; }",
            "inf",
            "an index variable",
        ),
        (
            "kernel k(x: f32[N]) -> (y: f32) { y += x[inf]; }",
            "inf",
            "an index variable",
        ),
    ];
    for (src, text, what) in cases {
        let d = compile_err(src);
        assert_eq!(d.kind, ErrorKind::ReservedWord, "{src}: {}", d.message);
        assert_eq!(
            d.message,
            format!("`inf` is a reserved word and cannot name {what}"),
            "{src}"
        );
        assert_eq!(spanned(src, &d), text, "{src}");
        renders(src, &d);
    }
}

#[test]
fn nan_is_an_ordinary_name() {
    let src = "kernel k(nan: f32, x: f32[N]) -> (y: f32[N]) { y[i] = x[i] + nan; }";
    let k = &kiln_ir::check_source(src).unwrap()[0];
    let e = &k.exprs[k.stmts[0].value];
    let kiln_ir::ir::ExprKind::Binary(_, _, rhs) = e.kind else {
        panic!("{e:?}")
    };
    assert!(matches!(
        k.exprs[rhs].kind,
        kiln_ir::ir::ExprKind::Read { .. }
    ));
}

// ---- negative integer literals ----

fn i32_kernel(lit: &str) -> String {
    format!("kernel k(x: i32[N]) -> (y: i32[N]) {{ y[i] = x[i] + {lit}; }}")
}

#[test]
fn the_most_negative_i32_can_be_written() {
    let src = i32_kernel("-2147483648");
    let k = &kiln_ir::check_source(&src).unwrap()[0];
    let mut ints = Vec::new();
    k.walk(k.stmts[0].value, &mut |_, e| {
        if let kiln_ir::ir::ExprKind::Int(v) = e.kind {
            ints.push(v);
        }
    });
    assert_eq!(ints, vec![i32::MIN as i64]);
    assert_eq!(
        kiln_ir::format_source(&src).unwrap(),
        "kernel k(x: i32[N]) -> (y: i32[N]) {\n    y[i] = x[i] + -2147483648;\n}\n"
    );
}

#[test]
fn integer_literals_outside_i32_are_rejected_with_their_whole_span() {
    for lit in ["-2147483649", "2147483648", "- 2147483649"] {
        let src = i32_kernel(lit);
        let d = compile_err(&src);
        assert_eq!(d.kind, ErrorKind::TooLarge, "{lit}");
        assert_eq!(spanned(&src, &d), lit);
        assert!(d.message.ends_with("does not fit in i32"), "{}", d.message);
    }
    // A negated parenthesised literal is a negation of 2147483648.
    let src = i32_kernel("-(2147483648)");
    let d = compile_err(&src);
    assert_eq!(spanned(&src, &d), "(2147483648)");
}

#[test]
fn negative_literals_print_and_reparse_to_the_same_tree() {
    let src = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = -(2) * x[i] - -3 + -(-4) + - 5 + -x[i] * -1.5; }";
    let once = kiln_ir::format_source(src).unwrap();
    assert_eq!(
        once,
        "kernel k(x: f32[N]) -> (y: f32[N]) {\n    y[i] = -(2) * x[i] - -3 + -(-4) + -5 + -x[i] * -1.5;\n}\n"
    );
    assert_eq!(kiln_ir::format_source(&once).unwrap(), once);
    let strip = |s: &str| kiln_ir::printer::print_file(&kiln_ir::parser::parse(s).unwrap());
    assert_eq!(strip(&once), once);
    // Same kernel hash as the source.
    let h = |s: &str| kiln_ir::check_source(s).unwrap()[0].hash.clone();
    assert_eq!(h(src), h(&once));
    // Negative literals in sizes and indices.
    let src = "kernel k(x: f32[N]) -> (y: f32[N - 1]) { y[i] = x[i + 2 + -1]; }";
    let k = &kiln_ir::check_source(src).unwrap()[0];
    assert!(Specialized::from_sizes(k, &sizes(&[("N", 5)])).is_ok());
    let src = "kernel k(x: f32[-3]) -> (y: f32[4]) { y[i] = 1.0; }";
    let d = compile_err(src);
    assert_eq!(d.kind, ErrorKind::BadDimension);
    assert_eq!(spanned(src, &d), "-3");
}

// ---- float literals ----

#[test]
fn float_literals_that_round_to_infinity_are_too_large() {
    let kernel = |ty: &str, lit: &str| {
        format!("kernel k(x: {ty}[N]) -> (y: {ty}[N]) {{ y[i] = x[i] * {lit}; }}")
    };
    for (ty, lit) in [
        ("f32", "1e39"),
        ("f64", "1e999"),
        ("f16", "70000"),
        ("f16", "6.6e4"),
    ] {
        let src = kernel(ty, lit);
        let d = compile_err(&src);
        assert_eq!(d.kind, ErrorKind::TooLarge, "{ty} {lit}");
        assert_eq!(
            d.message,
            format!("literal `{lit}` is too large for {ty}: it would round to infinity")
        );
        assert_eq!(spanned(&src, &d), lit);
    }
    for (ty, lit) in [
        ("f32", "3e38"),
        ("f64", "1e39"),
        ("f16", "65504"),
        ("f16", "inf"),
    ] {
        assert!(
            kiln_ir::check_source(&kernel(ty, lit)).is_ok(),
            "{ty} {lit}"
        );
    }
}

#[test]
fn size_expressions_use_checked_arithmetic() {
    use kiln_ir::dim::{DimEvalError, DimExpr};
    let lit = |v| Box::new(DimExpr::Lit(v));
    let none = |_| None;
    let e = DimExpr::Mul(lit(4611686018427387904), lit(4));
    assert_eq!(e.eval(&none), Err(DimEvalError::Overflow));
    assert_eq!(e.constant(), None);
    let e = DimExpr::Sub(lit(0), lit(i64::MIN));
    assert_eq!(e.eval(&none), Err(DimEvalError::Overflow));
    assert!(e.same_as(&e.clone()));
    assert!(!e.same_as(&DimExpr::Lit(1)));
    let e = DimExpr::Div(lit(i64::MIN), lit(-1));
    assert_eq!(e.eval(&none), Err(DimEvalError::Overflow));
    let e = DimExpr::Div(lit(7), lit(0));
    assert_eq!(e.eval(&none), Err(DimEvalError::DivByZero));
    let e = DimExpr::Div(lit(-7), lit(2));
    assert_eq!(e.eval(&none), Ok(-4));
}
