//! Property: no input makes the front end (lexer, parser, validator,
//! printer, specializer) or the interpreter panic. Inputs are random token
//! soups, random text, and random mutations of the library's kernels.

use kiln_ir::{Kernel, Specialized};
use kiln_tests::{kernels_in, kiln_files};
use proptest::prelude::*;
use rand::SeedableRng;
use std::collections::BTreeMap;

const TOKENS: &[&str] = &[
    "kernel",
    "k",
    "x",
    "y",
    "a",
    "b",
    "i",
    "j",
    "N",
    "M",
    "f32",
    "f64",
    "i32",
    "f16",
    "bf16",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ";",
    "->",
    "+",
    "-",
    "*",
    "/",
    "=",
    "+=",
    "*=",
    "max",
    "min",
    "max=",
    "<",
    "<=",
    "==",
    "!=",
    ">",
    "exp",
    "select",
    "inf",
    "0",
    "1",
    "2",
    "0.5",
    "1e-5",
    "99999999999999999999",
    "//",
    "\n",
    "%",
    "é",
];

fn source_files() -> Vec<String> {
    kiln_files("ir-specs")
        .into_iter()
        .chain(kiln_files("tests/filetests"))
        .chain(kiln_files("tests/diagnostics"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Everything downstream of the text, for one source. Never panics is the
/// property; errors are fine.
fn exercise(src: &str, seed: u64) {
    let printed = kiln_ir::format_source(src);
    let Ok(kernels) = kiln_ir::check_source(src) else {
        return;
    };
    // Valid sources print to a fixed point and keep their hashes.
    let once = printed.expect("a valid source parses");
    assert_eq!(kiln_ir::format_source(&once).unwrap(), once);
    let again = kiln_ir::check_source(&once).expect("printed source stays valid");
    for (a, b) in kernels.iter().zip(&again) {
        assert_eq!(a.hash, b.hash);
    }
    for k in &kernels {
        run_small(k, seed);
    }
}

/// Specializes with small sizes and runs the interpreter on random inputs.
fn run_small(k: &Kernel, seed: u64) {
    let sizes: BTreeMap<String, i64> = k
        .symbols
        .iter()
        .enumerate()
        .map(|(i, (_, s))| (s.name.clone(), 1 + ((seed >> (2 * i)) & 3) as i64))
        .collect();
    let Ok(spec) = Specialized::from_sizes(k, &sizes) else {
        return;
    };
    let work: usize = (0..k.stmts.len())
        .map(|s| spec.domain(s).iter().product::<usize>())
        .sum();
    if work > 200_000 {
        return;
    }
    let inputs = kiln_tensor::random_inputs(&spec, seed);
    let outs = kiln_interp::run(&spec, &inputs);
    if let Ok(outs) = outs {
        assert_eq!(outs.len(), k.outputs.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn token_soup(toks in prop::collection::vec(prop::sample::select(TOKENS), 0..80), seed in any::<u64>()) {
        exercise(&toks.join(" "), seed);
    }

    #[test]
    fn arbitrary_text(s in "\\PC{0,200}") {
        exercise(&s, 0);
    }

    #[test]
    fn mutated_library_kernels(
        file in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..5, prop::sample::select(TOKENS)), 1..4),
        seed in any::<u64>(),
    ) {
        let files = source_files();
        let mut s: Vec<char> = files[file.index(files.len())].chars().collect();
        for (at, kind, tok) in edits {
            if s.is_empty() { break; }
            let i = at.index(s.len());
            match kind {
                0 => { s.remove(i); }
                1 => { for (n, c) in tok.chars().enumerate() { s.insert(i + n, c); } }
                2 => { let j = (i + 7).min(s.len()); s.drain(i..j); }
                3 => { let j = (i + 12).min(s.len()); let dup: Vec<char> = s[i..j].to_vec(); s.splice(i..i, dup); }
                _ => { let j = (i + 1).min(s.len() - 1); s.swap(i, j); }
            }
        }
        exercise(&s.into_iter().collect::<String>(), seed);
    }
}

/// Every library and corner kernel checks, specializes at small sizes and
/// runs on the interpreter, with outputs of the declared shapes.
#[test]
fn library_kernels_run_at_small_sizes() {
    let mut kernels = kernels_in("ir-specs");
    kernels.extend(kiln_tests::corner_kernels());
    assert!(kernels.len() >= 40, "{} kernels", kernels.len());
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    for k in &kernels {
        for seed in 0..3 {
            let sizes = kiln_tests::test_sizes(k, kiln_tests::SIZE_SETS[seed % 3], &mut rng);
            let spec = Specialized::from_sizes(k, &sizes)
                .unwrap_or_else(|d| panic!("`{}` at {sizes:?}: {d}", k.name));
            let inputs = kiln_tensor::random_inputs(&spec, seed as u64);
            let outs = kiln_interp::run(&spec, &inputs)
                .unwrap_or_else(|e| panic!("`{}` at {sizes:?}: {e}", k.name));
            assert_eq!(outs.len(), k.outputs.len());
            for (o, &t) in outs.iter().zip(&k.outputs) {
                assert_eq!(o.shape, spec.shape(t), "`{}`", k.name);
                assert_eq!(o.dtype(), k.tensors[t].dtype, "`{}`", k.name);
            }
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = {}x[i]{}; }}",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    assert!(kiln_ir::check_source(&deep).is_err());
    let long = format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = x[i]{}; }}",
        " + x[i]".repeat(100_000)
    );
    assert!(kiln_ir::check_source(&long).is_err());
    let negs = format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = {}x[i]; }}",
        "-".repeat(100_000)
    );
    assert!(kiln_ir::check_source(&negs).is_err());
    // Moderate nesting is fine.
    let ok = format!(
        "kernel k(x: f32[N]) -> (y: f32[N]) {{ y[i] = {}x[i]{}; }}",
        "(".repeat(50),
        ")".repeat(50)
    );
    assert!(kiln_ir::check_source(&ok).is_ok());
}
