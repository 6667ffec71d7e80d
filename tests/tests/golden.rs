//! Golden tests: rendered diagnostics (compile and call time) and the
//! canonical printer; print -> parse -> print fixed point; hash stability.

use kiln_ir::{ArgSpec, DType, Source, Specialized};
use kiln_tests::*;
use rand::SeedableRng;
use std::collections::BTreeMap;

fn render_all(path: &std::path::Path, src: &str, diags: &[kiln_ir::Diag]) -> String {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let source = Source::new(name, src);
    diags
        .iter()
        .map(|d| d.render(&source))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every error class has at least one golden example (compile time in
/// `tests/diagnostics`, call time in `tests/call-errors`).
#[test]
fn every_error_class_has_a_golden() {
    let rendered: String = kiln_files("tests/diagnostics")
        .into_iter()
        .chain(kiln_files("tests/call-errors"))
        .map(|f| std::fs::read_to_string(f.with_extension("stderr")).unwrap_or_default())
        .collect();
    let missing: Vec<&str> = kiln_ir::ErrorKind::ALL
        .iter()
        .map(|k| k.code())
        .filter(|c| !rendered.contains(&format!("{c}\n")))
        .collect();
    assert!(missing.is_empty(), "no golden shows {missing:?}");
}

#[test]
fn compile_time_diagnostics() {
    let files = kiln_files("tests/diagnostics");
    let mut bad = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let diags = match kiln_ir::check_source(&src) {
            Ok(_) => {
                bad.push(format!("{} was accepted", f.display()));
                continue;
            }
            Err(d) => d,
        };
        assert!(
            diags.iter().all(|d| d.span.is_some()),
            "{}: every compile error has a span",
            f.display()
        );
        bad.extend(golden(
            &f.with_extension("stderr"),
            &render_all(&f, &src, &diags),
        ));
    }
    assert_goldens(bad);
}

/// `f32[4,3]` -> (F32, [4, 3])
fn parse_arg(s: &str) -> ArgSpec {
    let (dt, rest) = s.split_once('[').unwrap_or((s, "]"));
    let shape = rest
        .trim_end_matches(']')
        .split(',')
        .filter(|x| !x.is_empty())
        .map(|x| x.trim().parse().unwrap())
        .collect();
    ArgSpec {
        dtype: DType::from_name(dt).unwrap(),
        shape,
    }
}

#[test]
fn call_time_diagnostics() {
    let files = kiln_files("tests/call-errors");
    let mut bad = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let kernels =
            kiln_ir::check_source(&src).unwrap_or_else(|d| panic!("{}: {d:?}", f.display()));
        let header = src.lines().next().unwrap();
        let result = if let Some(args) = header.strip_prefix("// args:") {
            let args: BTreeMap<String, ArgSpec> = args
                .split_whitespace()
                .map(|a| {
                    let (n, t) = a.split_once('=').unwrap();
                    (n.to_string(), parse_arg(t))
                })
                .collect();
            Specialized::from_args(&kernels[0], &args).map(|_| ())
        } else if let Some(sizes) = header.strip_prefix("// sizes:") {
            let sizes: BTreeMap<String, i64> = sizes
                .trim()
                .split(',')
                .map(|a| {
                    let (n, v) = a.split_once('=').unwrap();
                    (n.to_string(), v.parse().unwrap())
                })
                .collect();
            Specialized::from_sizes(&kernels[0], &sizes).map(|_| ())
        } else {
            panic!(
                "{}: first line must be `// args:` or `// sizes:`",
                f.display()
            );
        };
        match result {
            Ok(()) => bad.push(format!("{}: call was accepted", f.display())),
            Err(d) => bad.extend(golden(
                &f.with_extension("stderr"),
                &render_all(&f, &src, &[d]),
            )),
        }
    }
    assert_goldens(bad);
}

#[test]
fn printer_goldens() {
    let mut bad = Vec::new();
    for f in kiln_files("tests/fmt") {
        let src = std::fs::read_to_string(&f).unwrap();
        let out = kiln_ir::format_source(&src).unwrap();
        bad.extend(golden(&f.with_extension("out"), &out));
    }
    assert_goldens(bad);
}

#[test]
fn print_parse_print_is_a_fixed_point() {
    let files: Vec<_> = kiln_files("ir-specs")
        .into_iter()
        .chain(kiln_files("tests/fmt"))
        .chain(kiln_files("tests/filetests"))
        .collect();
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let once = kiln_ir::format_source(&src).unwrap();
        let twice = kiln_ir::format_source(&once).unwrap();
        assert_eq!(once, twice, "{}", f.display());
        // The printed form means the same: its kernels compute the same
        // bits as the original's on the same inputs (a printer that drops
        // needed parentheses, `a - (b - c)`, changes results).
        let (a, b) = (
            kiln_ir::check_source(&src).unwrap(),
            kiln_ir::check_source(&once).unwrap(),
        );
        assert_eq!(a.len(), b.len(), "{}", f.display());
        for (ka, kb) in a.iter().zip(&b) {
            let sizes = test_sizes(ka, SIZE_SETS[0], &mut rng);
            let sa = Specialized::from_sizes(ka, &sizes).unwrap();
            let sb = Specialized::from_sizes(kb, &sizes).unwrap();
            let inputs = kiln_tensor::random_inputs(&sa, 11);
            let (ra, rb) = (
                kiln_interp::run(&sa, &inputs),
                kiln_interp::run(&sb, &inputs),
            );
            match (ra, rb) {
                (Ok(x), Ok(y)) => {
                    for (x, y) in x.iter().zip(&y) {
                        let same =
                            x.to_f64().iter().zip(y.to_f64()).all(|(p, q)| {
                                p.to_bits() == q.to_bits() || (p.is_nan() && q.is_nan())
                            });
                        assert!(
                            same,
                            "{}: `{}` printed computes differently",
                            f.display(),
                            ka.name
                        );
                    }
                }
                (Err(x), Err(y)) => assert_eq!(x.to_string(), y.to_string()),
                (x, y) => panic!("{}: `{}`: {x:?} vs {y:?}", f.display(), ka.name),
            }
        }
    }
}

/// The fixed-point test above can fail: a printer that loses parentheses
/// would be caught (checked here on a hand-written wrong "printing").
#[test]
fn reparenthesized_source_computes_differently() {
    let good =
        "kernel k(a: i32[N], b: i32[N], c: i32[N]) -> (y: i32[N]) { y[i] = a[i] - (b[i] - c[i]); }";
    let bad = good.replace("(b[i] - c[i])", "b[i] - c[i]");
    let run = |s: &str| {
        let k = &kiln_ir::check_source(s).unwrap()[0];
        let sizes = BTreeMap::from([("N".to_string(), 5)]);
        let spec = Specialized::from_sizes(k, &sizes).unwrap();
        let inputs = kiln_tensor::random_inputs(&spec, 3);
        kiln_interp::run(&spec, &inputs).unwrap()[0].to_f64()
    };
    assert_ne!(run(good), run(&bad));
    assert_eq!(
        kiln_ir::format_source(good).unwrap().matches('(').count(),
        3
    );
}

#[test]
fn hash_ignores_whitespace_and_comments_only() {
    let a = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = x[i] * 2; }";
    let b = "// doc\nkernel   k( x:f32[ N ] )->(y :f32[N])\n{\n  y[i]=x[i]*2; // twice\n}\n";
    let c = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = x[i] * 3; }";
    let d = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = (x[i] * 2); }";
    let h = |s: &str| kiln_ir::check_source(s).unwrap()[0].hash.clone();
    assert_eq!(h(a), h(b));
    assert_eq!(h(a), h(d), "redundant parentheses do not change the kernel");
    assert_ne!(h(a), h(c));
    assert_eq!(h(a).len(), 64);
    // A kernel's hash does not depend on its neighbours in the file.
    let two = format!("{a}\n{}", c.replace("kernel k", "kernel other"));
    assert_eq!(kiln_ir::check_source(&two).unwrap()[0].hash, h(a));
}
