//! The interpreter implements the numeric table of `ir-specs/README.md`
//! exactly: hand-computed values, compared bit for bit.

use kiln_interp::{run, run_sampled, InterpError};
use kiln_ir::{DType, Specialized};
use kiln_tensor::HostTensor;
use std::collections::BTreeMap;

/// Runs the only kernel of `src` at `N = inputs[0].len()` and returns the
/// outputs as f64.
fn eval(src: &str, inputs: &[(DType, Vec<f64>)]) -> Result<Vec<Vec<f64>>, InterpError> {
    let k = &kiln_ir::check_source(src).unwrap_or_else(|d| panic!("{d:?}"))[0];
    let n = inputs[0].1.len() as i64;
    let spec = Specialized::from_sizes(k, &BTreeMap::from([("N".to_string(), n)])).unwrap();
    let ins: Vec<HostTensor> = inputs
        .iter()
        .map(|(d, v)| HostTensor::from_f64(*d, vec![v.len()], v))
        .collect();
    Ok(run(&spec, &ins)?.iter().map(HostTensor::to_f64).collect())
}

fn f32r(x: f64) -> f64 {
    x as f32 as f64
}

#[test]
fn f32_arithmetic_is_rounded_at_each_operation() {
    let (a, b) = (f32r(0.1), f32r(1.1));
    let y = eval(
        "kernel k(a: f32[N], b: f32[N]) -> (y: f64[N]) { y[i] = f64(a[i] * b[i] + a[i]); }",
        &[(DType::F32, vec![a]), (DType::F32, vec![b])],
    )
    .unwrap();
    let want = f32r(f32r(a * b) + a);
    assert_eq!(y[0][0].to_bits(), want.to_bits());
    // Not the exact product (what a wider oracle would give).
    assert_ne!(y[0][0], a * b + a);
}

#[test]
fn comparisons_and_conversions_see_the_rounded_value() {
    // In f32, 0.1 * 3 rounds to 0.3 exactly as f32(0.3); in f64 it would not.
    let y = eval(
        "kernel k(a: f32[N]) -> (y: i32[N], z: i32[N]) { y[i] = select(a[i] * 3 == 0.3, 1, 0); z[i] = i32(a[i] * 30); }",
        &[(DType::F32, vec![0.1])],
    )
    .unwrap();
    // f32(0.1) * 3 = 0.30000000447 exactly, which rounds to f32(0.3).
    assert_eq!(f32r(f32r(0.1) * 3.0), f32r(0.3));
    assert_ne!(f32r(0.1) * 3.0, f32r(0.3));
    assert_eq!(y[0][0], 1.0);
    assert_eq!(y[1][0], 3.0);
}

#[test]
fn f16_rounds_each_operation_and_literals() {
    let y = eval(
        "kernel k(a: f16[N], b: f16[N], c: f16[N]) -> (y: f16[N], z: f16[N]) { y[i] = a[i] * b[i] + c[i]; z[i] = a[i] * 0.1; }",
        &[
            (DType::F16, vec![1.2998046875]),
            (DType::F16, vec![2.099609375]),
            (DType::F16, vec![-1.900390625]),
        ],
    )
    .unwrap();
    let h = kiln_ir::round_f16;
    assert_eq!(y[0][0], h(h(1.2998046875 * 2.099609375) - 1.900390625));
    assert_eq!(y[0][0], 0.828125);
    assert_eq!(y[1][0], h(1.2998046875 * h(0.1)));
}

#[test]
fn i32_division_floors_wraps_and_fails_on_zero() {
    let q = eval(
        "kernel k(n: i32[N], d: i32[N]) -> (q: i32[N]) { q[i] = n[i] / d[i]; }",
        &[
            (DType::I32, vec![7.0, -7.0, 7.0, -7.0, -2147483648.0]),
            (DType::I32, vec![2.0, 2.0, -2.0, -2.0, -1.0]),
        ],
    )
    .unwrap();
    assert_eq!(q[0], vec![3.0, -4.0, -4.0, 3.0, -2147483648.0]);
    let e = eval(
        "kernel k(n: i32[N], d: i32[N]) -> (q: i32[N]) { q[i] = n[i] / d[i]; }",
        &[(DType::I32, vec![1.0, 2.0]), (DType::I32, vec![1.0, 0.0])],
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "integer division by zero in statement 0 (`q`) of `k`"
    );
}

#[test]
fn select_evaluates_only_the_branch_taken() {
    let q = eval(
        "kernel k(n: i32[N], d: i32[N]) -> (q: i32[N]) { q[i] = select(d[i] != 0, n[i] / d[i], -1); }",
        &[(DType::I32, vec![9.0, 9.0]), (DType::I32, vec![0.0, 4.0])],
    )
    .unwrap();
    assert_eq!(q[0], vec![-1.0, 2.0]);
}

#[test]
fn float_to_int_truncates_and_saturates() {
    let v = vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        3e9,
        -3e9,
        2.7,
        -2.7,
    ];
    let y = eval(
        "kernel k(f: f32[N]) -> (y: i32[N]) { y[i] = i32(f[i]); }",
        &[(DType::F32, v)],
    )
    .unwrap();
    assert_eq!(
        y[0],
        vec![
            0.0,
            2147483647.0,
            -2147483648.0,
            2147483647.0,
            -2147483648.0,
            2.0,
            -2.0
        ]
    );
}

#[test]
fn i32_arithmetic_wraps() {
    let y = eval(
        "kernel k(a: i32[N]) -> (s: i32[N], p: i32[N], m: i32[N], b: i32[N]) { s[i] = a[i] + 1; p[i] = a[i] * 2; m[i] = -a[i]; b[i] = abs(a[i] - 1); }",
        &[(DType::I32, vec![2147483647.0, -2147483648.0])],
    )
    .unwrap();
    assert_eq!(y[0], vec![-2147483648.0, -2147483647.0]);
    assert_eq!(y[1], vec![-2.0, 0.0]);
    assert_eq!(y[2], vec![-2147483647.0, -2147483648.0]);
    assert_eq!(y[3], vec![2147483646.0, 2147483647.0]);
}

#[test]
fn max_and_min_propagate_nan_and_order_signed_zeros() {
    let y = eval(
        "kernel k(a: f32[N], b: f32[N]) -> (mx: f32[N], mn: f32[N], r: f32) { mx[i] = max(a[i], b[i]); mn[i] = min(a[i], b[i]); r max= a[i]; }",
        &[
            (DType::F32, vec![f64::NAN, -0.0, 1.0]),
            (DType::F32, vec![1.0, 0.0, 2.0]),
        ],
    )
    .unwrap();
    assert!(y[0][0].is_nan() && y[1][0].is_nan());
    assert!(y[0][1] == 0.0 && y[0][1].is_sign_positive());
    assert!(y[1][1] == 0.0 && y[1][1].is_sign_negative());
    assert!(y[2][0].is_nan(), "a NaN term makes the max= reduction NaN");
}

#[test]
fn f64_to_f16_rounds_once() {
    let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
    let y = eval(
        "kernel k(x: f64[N]) -> (y: f16[N]) { y[i] = f16(x[i]); }",
        &[(DType::F64, vec![x])],
    )
    .unwrap();
    assert_eq!(y[0][0], 1.0 + 2f64.powi(-10));
}

#[test]
fn the_sampled_path_checks_inputs_like_the_full_one() {
    let k =
        &kiln_ir::check_source("kernel k(a: f32[N]) -> (y: f32[N]) { y[i] = a[i]; }").unwrap()[0];
    let spec = Specialized::from_sizes(k, &BTreeMap::from([("N".to_string(), 4)])).unwrap();
    let wrong = HostTensor::from_f64(DType::F32, vec![3], &[1.0, 2.0, 3.0]);
    let full = run(&spec, std::slice::from_ref(&wrong)).unwrap_err();
    let sampled = run_sampled(&spec, &[wrong], 2).unwrap_err();
    assert_eq!(full.to_string(), sampled.to_string());
    assert!(full.to_string().contains("input `a` is f32[3]"), "{full}");
    assert!(matches!(
        run_sampled(&spec, &[], 2),
        Err(InterpError::InputCount { .. })
    ));
}

/// Runs `src`'s only kernel whole and sampled and checks that every sampled
/// value is the full run's, bit for bit, and that the samples include each
/// output's first and last element.
fn sampled_agrees(src: &str, sizes: &[(&str, i64)], samples: usize) {
    let k = &kiln_ir::check_source(src).unwrap_or_else(|d| panic!("{d:?}"))[0];
    let sizes: BTreeMap<String, i64> = sizes.iter().map(|(s, v)| (s.to_string(), *v)).collect();
    let spec = Specialized::from_sizes(k, &sizes).unwrap();
    let inputs = kiln_tensor::random_inputs(&spec, 7);
    let full = run(&spec, &inputs).unwrap();
    let sampled = run_sampled(&spec, &inputs, samples).unwrap();
    assert_eq!(full.len(), sampled.len());
    for (o, (f, s)) in full.iter().zip(&sampled).enumerate() {
        let f = f.to_f64();
        assert_eq!(s.first().map(|p| p.0), Some(0), "output {o}");
        assert_eq!(s.last().map(|p| p.0), Some(f.len() - 1), "output {o}");
        assert_eq!(s.len(), samples.min(f.len()), "output {o}");
        for &(lin, v) in s {
            assert_eq!(
                v.to_bits(),
                f[lin].to_bits(),
                "output {o} at {lin}: sampled {v}, full {}",
                f[lin]
            );
        }
    }
}

#[test]
fn sampled_references_compute_temporaries_where_outputs_need_them() {
    // A matmul feeding an epilogue, a row reduction feeding an output that
    // is itself read later, a select whose branches read different
    // temporaries, shifted (affine) reads and a reduction over two axes.
    sampled_agrees(
        "kernel k(a: f32[M, K], b: f32[K, N], bias: f32[N]) -> (y: f32[M, N], s: f32[M]) {
            t[i, j] += a[i, k] * b[k, j];
            y[i, j] = max(t[i, j] + bias[j], 0);
            s[i] += y[i, j];
        }",
        &[("M", 23), ("N", 17), ("K", 9)],
        11,
    );
    sampled_agrees(
        "kernel k(x: f32[R, C]) -> (y: f32[R, C]) {
            m[r] max= x[r, c];
            e[r, c] = exp(x[r, c] - m[r]);
            s[r] += e[r, c];
            h[r, c] = e[r, c] * 2;
            y[r, c] = select(x[r, c] > 0, e[r, c] / s[r], h[r, c]);
        }",
        &[("R", 13), ("C", 31)],
        5,
    );
    sampled_agrees(
        "kernel k(x: f64[N], w: f64[M], c: f64[M, M, M]) -> (y: f64[M], z: f64[M]) {
            d[i] = x[i] * x[i];
            y[j] += d[j + q] * w[q];
            z[j] += c[j, p, q] * d[p + q] + y[j];
        }",
        &[("N", 18), ("M", 9)],
        4,
    );
}

#[test]
fn a_sampled_matmul_epilogue_costs_its_samples_not_the_whole_matmul() {
    // Whole, the 1024^3 matmul into `t` is 1.07 G multiply-adds (minutes in
    // a debug build); sampled, 16 elements of `t` need 16 K.
    let k = &kiln_ir::check_source(
        "kernel k(a: f32[N, N], b: f32[N, N], bias: f32[N]) -> (y: f32[N, N]) {
            t[i, j] += a[i, k] * b[k, j];
            y[i, j] = max(t[i, j] + bias[j], 0);
        }",
    )
    .unwrap()[0];
    let spec = Specialized::from_sizes(k, &BTreeMap::from([("N".to_string(), 1024)])).unwrap();
    let inputs = kiln_tensor::random_inputs(&spec, 3);
    let y = run_sampled(&spec, &inputs, 16).unwrap();
    let (a, b, bias) = (inputs[0].to_f64(), inputs[1].to_f64(), inputs[2].to_f64());
    assert_eq!(y[0].len(), 16);
    for &(lin, v) in &y[0] {
        let (i, j) = (lin / 1024, lin % 1024);
        // The interpreter's reduction: f32 products summed in f64, rounded once.
        let t: f64 = (0..1024)
            .map(|k| f32r(a[i * 1024 + k] * b[k * 1024 + j]))
            .sum();
        let want = f32r(f32r(t) + bias[j]).max(0.0);
        assert_eq!(v, want, "y[{i}, {j}]");
    }
}
