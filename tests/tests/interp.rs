//! The reference interpreter on every `ir-specs/` kernel, checked against
//! independently computed values: hand-derived small cases, naive loops
//! written here in f64, and identities between kernels.

use kiln_interp::run;
use kiln_ir::{ArgSpec, Kernel, Specialized};
use kiln_tensor::{Data, HostTensor};
use kiln_tests::kernel;
use std::collections::BTreeMap;

fn call(k: &Kernel, inputs: &[(&str, HostTensor)]) -> Vec<HostTensor> {
    let args: BTreeMap<String, ArgSpec> = inputs
        .iter()
        .map(|(n, t)| {
            (
                n.to_string(),
                ArgSpec {
                    dtype: t.dtype(),
                    shape: t.shape.clone(),
                },
            )
        })
        .collect();
    let spec = Specialized::from_args(k, &args).unwrap_or_else(|d| panic!("{}: {d}", k.name));
    let ordered: Vec<HostTensor> = k
        .inputs
        .iter()
        .map(|&t| {
            inputs
                .iter()
                .find(|(n, _)| *n == k.tensors[t].name)
                .unwrap()
                .1
                .clone()
        })
        .collect();
    run(&spec, &ordered).unwrap()
}

fn f32t(shape: &[usize], v: &[f64]) -> HostTensor {
    HostTensor::from_f64(kiln_ir::DType::F32, shape.to_vec(), v)
}

fn rand32(shape: &[usize], seed: u64) -> HostTensor {
    HostTensor::random(
        kiln_ir::DType::F32,
        shape.to_vec(),
        &mut HostTensor::rng(seed),
    )
}

fn scalar(v: f64) -> HostTensor {
    f32t(&[], &[v])
}

fn close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tol * (1.0 + w.abs()),
            "{what}[{i}]: got {g}, want {w}"
        );
    }
}

/// Naive f64 matmul of row-major [m,k]·[k,n].
fn naive_mm(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Vec<f64> {
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            c[i * n + j] = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
        }
    }
    c
}

#[test]
fn matmul_hand_case_and_naive() {
    let k = kernel("ir-specs/matmul.kiln", "matmul");
    let out = call(
        &k,
        &[
            ("a", f32t(&[2, 2], &[1., 2., 3., 4.])),
            ("b", f32t(&[2, 2], &[5., 6., 7., 8.])),
        ],
    );
    assert_eq!(out[0].to_f64(), vec![19., 22., 43., 50.]);
    let (m, kk, n) = (7, 5, 3);
    let (a, b) = (rand32(&[m, kk], 1), rand32(&[kk, n], 2));
    let out = call(&k, &[("a", a.clone()), ("b", b.clone())]);
    assert_eq!(out[0].shape, vec![m, n]);
    close(
        &out[0].to_f64(),
        &naive_mm(&a.to_f64(), &b.to_f64(), m, kk, n),
        1e-6,
        "matmul",
    );
}

#[test]
fn matmul_tb_equals_matmul_of_transpose() {
    let (m, kk, n) = (4, 6, 5);
    let (a, bt) = (rand32(&[m, kk], 3), rand32(&[n, kk], 4));
    let btv = bt.to_f64();
    let b: Vec<f64> = (0..kk * n).map(|x| btv[(x % n) * kk + x / n]).collect();
    let out = call(
        &kernel("ir-specs/matmul_tb.kiln", "matmul_tb"),
        &[("a", a.clone()), ("b", bt)],
    );
    close(
        &out[0].to_f64(),
        &naive_mm(&a.to_f64(), &b, m, kk, n),
        1e-6,
        "matmul_tb",
    );
}

#[test]
fn batched_matmul_is_per_batch_matmul() {
    let (z, m, kk, n) = (3, 2, 4, 5);
    let (a, b) = (rand32(&[z, m, kk], 5), rand32(&[z, kk, n], 6));
    let out = call(
        &kernel("ir-specs/batched_matmul.kiln", "batched_matmul"),
        &[("a", a.clone()), ("b", b.clone())],
    );
    let (av, bv, cv) = (a.to_f64(), b.to_f64(), out[0].to_f64());
    for q in 0..z {
        let want = naive_mm(
            &av[q * m * kk..][..m * kk],
            &bv[q * kk * n..][..kk * n],
            m,
            kk,
            n,
        );
        close(&cv[q * m * n..][..m * n], &want, 1e-6, "bmm");
    }
}

#[test]
fn matvec_hand_case() {
    let out = call(
        &kernel("ir-specs/matvec.kiln", "matvec"),
        &[
            ("a", f32t(&[2, 3], &[1., 2., 3., 4., 5., 6.])),
            ("x", f32t(&[3], &[1., 0., -1.])),
        ],
    );
    assert_eq!(out[0].to_f64(), vec![-2., -2.]);
}

/// conv2d through an explicit im2col matrix and a matmul, both built here.
#[test]
fn conv2d_equals_im2col_matmul() {
    let (n, ci, h, w, co, kh, kw) = (2, 3, 6, 5, 4, 3, 2);
    let (oh, ow) = (h - kh + 1, w - kw + 1);
    let (x, wt) = (rand32(&[n, ci, h, w], 7), rand32(&[co, ci, kh, kw], 8));
    let out = call(
        &kernel("ir-specs/conv2d.kiln", "conv2d"),
        &[("x", x.clone()), ("w", wt.clone())],
    );
    assert_eq!(out[0].shape, vec![n, co, oh, ow]);
    let (xv, wv) = (x.to_f64(), wt.to_f64());
    let cols = ci * kh * kw;
    // im2col: rows (n, oh, ow), columns (c, p, q).
    let mut im = vec![0.0; n * oh * ow * cols];
    for b in 0..n {
        for i in 0..oh {
            for j in 0..ow {
                let row = (b * oh + i) * ow + j;
                for c in 0..ci {
                    for p in 0..kh {
                        for q in 0..kw {
                            im[row * cols + (c * kh + p) * kw + q] =
                                xv[((b * ci + c) * h + i + p) * w + j + q];
                        }
                    }
                }
            }
        }
    }
    // weights as [cols, co]
    let wm: Vec<f64> = (0..cols * co)
        .map(|x| wv[(x % co) * cols + x / co])
        .collect();
    let prod = naive_mm(&im, &wm, n * oh * ow, cols, co);
    let yv = out[0].to_f64();
    for b in 0..n {
        for o in 0..co {
            for i in 0..oh {
                for j in 0..ow {
                    let got = yv[((b * co + o) * oh + i) * ow + j];
                    let want = prod[((b * oh + i) * ow + j) * co + o];
                    assert!(
                        (got - want).abs() < 1e-5,
                        "conv2d[{b},{o},{i},{j}]: {got} vs {want}"
                    );
                }
            }
        }
    }
    // Hand case: 3x3 input, 2x2 filter of ones -> window sums.
    let out = call(
        &kernel("ir-specs/conv2d.kiln", "conv2d"),
        &[
            (
                "x",
                f32t(&[1, 1, 3, 3], &[1., 2., 3., 4., 5., 6., 7., 8., 9.]),
            ),
            ("w", f32t(&[1, 1, 2, 2], &[1.; 4])),
        ],
    );
    assert_eq!(out[0].to_f64(), vec![12., 16., 24., 28.]);
}

#[test]
fn depthwise_equals_conv2d_with_block_diagonal_weights() {
    let (n, c, h, w, kh, kw) = (2, 3, 5, 6, 2, 3);
    let (x, wd) = (rand32(&[n, c, h, w], 9), rand32(&[c, kh, kw], 10));
    let wdv = wd.to_f64();
    let mut full = vec![0.0; c * c * kh * kw];
    for o in 0..c {
        for p in 0..kh * kw {
            full[(o * c + o) * kh * kw + p] = wdv[o * kh * kw + p];
        }
    }
    let dw = call(
        &kernel("ir-specs/depthwise_conv2d.kiln", "depthwise_conv2d"),
        &[("x", x.clone()), ("w", wd)],
    );
    let cv = call(
        &kernel("ir-specs/conv2d.kiln", "conv2d"),
        &[("x", x), ("w", f32t(&[c, c, kh, kw], &full))],
    );
    close(&dw[0].to_f64(), &cv[0].to_f64(), 1e-6, "depthwise");
}

fn rows(v: &[f64], c: usize) -> Vec<&[f64]> {
    v.chunks(c).collect()
}

#[test]
fn softmax_identities() {
    let k = kernel("ir-specs/softmax.kiln", "softmax");
    let (r, c) = (5, 7);
    let x = rand32(&[r, c], 11);
    let y = call(&k, &[("x", x.clone())])[0].to_f64();
    for row in rows(&y, c) {
        assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(row.iter().all(|&p| p > 0.0));
    }
    // Shift invariance, and no overflow for large inputs.
    let shifted: Vec<f64> = x.to_f64().iter().map(|v| v + 1000.0).collect();
    let y2 = call(&k, &[("x", f32t(&[r, c], &shifted))])[0].to_f64();
    close(&y2, &y, 1e-3, "softmax shift");
    // Hand case: [0, ln 2] -> [1/3, 2/3].
    let y3 = call(&k, &[("x", f32t(&[1, 2], &[0.0, 2f64.ln()]))])[0].to_f64();
    close(&y3, &[1.0 / 3.0, 2.0 / 3.0], 1e-6, "softmax hand");
}

#[test]
fn log_softmax_is_log_of_softmax() {
    let x = rand32(&[4, 9], 12);
    let ls = call(
        &kernel("ir-specs/log_softmax.kiln", "log_softmax"),
        &[("x", x.clone())],
    )[0]
    .to_f64();
    let sm = call(&kernel("ir-specs/softmax.kiln", "softmax"), &[("x", x)])[0].to_f64();
    let exp: Vec<f64> = ls.iter().map(|v| v.exp()).collect();
    close(&exp, &sm, 1e-6, "exp(log_softmax)");
}

#[test]
fn layernorm_mean_zero_variance_one() {
    let k = kernel("ir-specs/layernorm.kiln", "layernorm");
    let (r, c) = (6, 32);
    let x = rand32(&[r, c], 13);
    let ones = f32t(&[c], &vec![1.0; c]);
    let zeros = f32t(&[c], &vec![0.0; c]);
    let y = call(
        &k,
        &[
            ("x", x.clone()),
            ("g", ones),
            ("b", zeros),
            ("eps", scalar(1e-5)),
        ],
    )[0]
    .to_f64();
    for row in rows(&y, c) {
        let mean = row.iter().sum::<f64>() / c as f64;
        let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / c as f64;
        assert!(mean.abs() < 1e-5, "mean {mean}");
        assert!((var - 1.0).abs() < 1e-3, "var {var}");
    }
    // Gain and bias apply elementwise after normalization.
    let g = rand32(&[c], 14);
    let b = rand32(&[c], 15);
    let y2 = call(
        &k,
        &[
            ("x", x),
            ("g", g.clone()),
            ("b", b.clone()),
            ("eps", scalar(1e-5)),
        ],
    )[0]
    .to_f64();
    let (gv, bv) = (g.to_f64(), b.to_f64());
    let want: Vec<f64> = y
        .iter()
        .enumerate()
        .map(|(i, v)| v * gv[i % c] + bv[i % c])
        .collect();
    close(&y2, &want, 1e-5, "layernorm affine");
}

#[test]
fn rmsnorm_unit_root_mean_square() {
    let (r, c) = (3, 16);
    let x = rand32(&[r, c], 16);
    let g = f32t(&[c], &vec![2.0; c]);
    let y = call(
        &kernel("ir-specs/rmsnorm.kiln", "rmsnorm"),
        &[("x", x), ("g", g), ("eps", scalar(0.0))],
    )[0]
    .to_f64();
    for row in rows(&y, c) {
        let ms = row.iter().map(|v| (v / 2.0).powi(2)).sum::<f64>() / c as f64;
        assert!((ms - 1.0).abs() < 1e-5, "mean square {ms}");
    }
}

#[test]
fn row_sum_and_row_max_hand_cases() {
    let x = f32t(&[2, 3], &[1., -2., 3., -4., -5., -6.]);
    let s = call(
        &kernel("ir-specs/row_sum.kiln", "row_sum"),
        &[("x", x.clone())],
    );
    assert_eq!(s[0].to_f64(), vec![2., -15.]);
    let m = call(&kernel("ir-specs/row_max.kiln", "row_max"), &[("x", x)]);
    assert_eq!(m[0].to_f64(), vec![3., -4.]);
}

#[test]
fn gelu_known_values() {
    let x = f32t(&[1, 4], &[0.0, 1.0, -1.0, 3.0]);
    let y = call(&kernel("ir-specs/gelu.kiln", "gelu"), &[("x", x)])[0].to_f64();
    // Values of 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), computed independently.
    close(
        &y,
        &[
            0.0,
            0.8411919906082768,
            -0.15880800939172324,
            2.99636261548461,
        ],
        1e-6,
        "gelu",
    );
}

#[test]
fn transpose_swaps_indices() {
    let x = rand32(&[3, 5], 17);
    let y = call(
        &kernel("ir-specs/transpose.kiln", "transpose"),
        &[("x", x.clone())],
    );
    assert_eq!(y[0].shape, vec![5, 3]);
    let (xv, yv) = (x.to_f64(), y[0].to_f64());
    for i in 0..3 {
        for j in 0..5 {
            assert_eq!(yv[j * 3 + i], xv[i * 5 + j]);
        }
    }
}

/// Attention for one query over t keys, naive f64.
fn attend(q: &[f64], k: &[f64], v: &[f64], t: usize, d: usize, scale: f64) -> Vec<f64> {
    let s: Vec<f64> = (0..t)
        .map(|j| (0..d).map(|x| q[x] * k[j * d + x]).sum::<f64>() * scale)
        .collect();
    let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = s.iter().map(|x| (x - m).exp()).collect();
    let l: f64 = e.iter().sum();
    (0..d)
        .map(|x| (0..t).map(|j| e[j] * v[j * d + x]).sum::<f64>() / l)
        .collect()
}

#[test]
fn attention_decode_matches_naive() {
    let (b, t, d) = (2, 7, 4);
    let (q, k, v) = (
        rand32(&[b, d], 18),
        rand32(&[b, t, d], 19),
        rand32(&[b, t, d], 20),
    );
    let o = call(
        &kernel("ir-specs/attention_decode.kiln", "attention_decode"),
        &[
            ("q", q.clone()),
            ("k", k.clone()),
            ("v", v.clone()),
            ("scale", scalar(0.5)),
        ],
    )[0]
    .to_f64();
    let (qv, kv, vv) = (q.to_f64(), k.to_f64(), v.to_f64());
    for s in 0..b {
        let want = attend(
            &qv[s * d..][..d],
            &kv[s * t * d..][..t * d],
            &vv[s * t * d..][..t * d],
            t,
            d,
            0.5,
        );
        close(&o[s * d..][..d], &want, 1e-5, "attention");
    }
}

#[test]
fn causal_attention_masks_the_future() {
    let (t, d) = (6, 3);
    let (q, k, v) = (
        rand32(&[t, d], 21),
        rand32(&[t, d], 22),
        rand32(&[t, d], 23),
    );
    let o = call(
        &kernel("ir-specs/causal_attention.kiln", "causal_attention"),
        &[
            ("q", q.clone()),
            ("k", k.clone()),
            ("v", v.clone()),
            ("scale", scalar(0.7)),
        ],
    )[0]
    .to_f64();
    let (qv, kv, vv) = (q.to_f64(), k.to_f64(), v.to_f64());
    for i in 0..t {
        let want = attend(
            &qv[i * d..][..d],
            &kv[..(i + 1) * d],
            &vv[..(i + 1) * d],
            i + 1,
            d,
            0.7,
        );
        close(&o[i * d..][..d], &want, 1e-5, "causal");
    }
    // Row 0 sees only key 0: its output is v[0].
    close(&o[..d], &vv[..d], 1e-6, "causal row 0");
}

#[test]
fn relu_bias_hand_case() {
    let y = call(
        &kernel("ir-specs/relu_bias.kiln", "relu_bias"),
        &[
            ("x", f32t(&[2, 2], &[-1., 2., 0.5, -3.])),
            ("b", f32t(&[2], &[0.5, 0.5])),
        ],
    );
    assert_eq!(y[0].to_f64(), vec![0., 2.5, 1.0, 0.]);
}

#[test]
fn integer_matmul_wraps() {
    let k = kernel("ir-specs/dtypes.kiln", "imatmul");
    let i32t = |shape: &[usize], v: Vec<i32>| HostTensor {
        shape: shape.to_vec(),
        data: Data::I32(v),
    };
    let out = call(
        &k,
        &[
            ("a", i32t(&[1, 2], vec![65536, 3])),
            ("b", i32t(&[2, 1], vec![65536, -7])),
        ],
    );
    // 2^32 wraps to 0; 0 + 3 * -7 = -21.
    assert_eq!(out[0].data, Data::I32(vec![-21]));
}

#[test]
fn f64_and_f16_kernels() {
    let f64t = |v: Vec<f64>| HostTensor {
        shape: vec![v.len()],
        data: Data::F64(v),
    };
    let y = call(
        &kernel("ir-specs/dtypes.kiln", "axpy_f64"),
        &[
            ("x", f64t(vec![1.0, 1e-300])),
            ("z", f64t(vec![0.1, 0.0])),
            (
                "alpha",
                HostTensor::from_f64(kiln_ir::DType::F64, vec![], &[3.0]),
            ),
        ],
    );
    assert_eq!(y[0].data, Data::F64(vec![3.0 + 0.1, 3e-300]));
    let h =
        |v: &[f64], shape: &[usize]| HostTensor::from_f64(kiln_ir::DType::F16, shape.to_vec(), v);
    let out = call(
        &kernel("ir-specs/dtypes.kiln", "scale_sum_f16"),
        &[
            ("x", h(&[1.0, 2.0, 3.0, 0.1], &[2, 2])),
            ("s", h(&[3.0], &[])),
        ],
    );
    // 0.1 is not exact in f16: the stored product is f16(3 * f16(0.1)).
    let p = half::f16::from_f64(3.0 * half::f16::from_f64(0.1).to_f64()).to_f64();
    assert_eq!(out[0].to_f64(), vec![3.0, 6.0, 9.0, p]);
    assert_eq!(
        out[1].to_f64(),
        vec![9.0, half::f16::from_f64(9.0 + p).to_f64()]
    );
}

#[test]
fn conversions_index_values_and_floor_division() {
    // k[i] = i32(x[i] * 4) + i * 2 - N / 3 with N = 4: N / 3 = 1.
    let out = call(
        &kernel("ir-specs/dtypes.kiln", "ramp"),
        &[("x", f32t(&[4], &[0.3, -0.3, 1.0, 2.6]))],
    );
    // i32() truncates toward zero: 1.2 -> 1, -1.2 -> -1, 4 -> 4, 10.4 -> 10.
    assert_eq!(out[1].data, Data::I32(vec![0, 0, 7, 15]));
    let want: Vec<f64> = [0.0, 0.0, 7.0, 15.0]
        .iter()
        .zip([0.3f32, -0.3, 1.0, 2.6])
        .map(|(k, x)| (k * 0.5 + x as f64) as f32 as f64)
        .collect();
    assert_eq!(out[0].to_f64(), want);
}

fn inline(src: &str) -> Kernel {
    kiln_ir::check_source(src)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .remove(0)
}

#[test]
fn integer_division_floors_and_zero_divisor_is_an_error() {
    let k = inline("kernel d(x: i32[N], y: i32[N]) -> (z: i32[N]) { z[i] = x[i] / y[i]; }");
    let t = |v: Vec<i32>| HostTensor {
        shape: vec![v.len()],
        data: Data::I32(v),
    };
    let out = call(
        &k,
        &[("x", t(vec![-3, 3, 7, -7])), ("y", t(vec![2, 2, -2, -2]))],
    );
    assert_eq!(out[0].data, Data::I32(vec![-2, 1, -4, 3]));
    let args: BTreeMap<String, ArgSpec> = ["x", "y"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                ArgSpec {
                    dtype: kiln_ir::DType::I32,
                    shape: vec![1],
                },
            )
        })
        .collect();
    let spec = Specialized::from_args(&k, &args).unwrap();
    let err = run(&spec, &[t(vec![1]), t(vec![0])]).unwrap_err();
    assert!(err.to_string().contains("division by zero"), "{err}");
}

#[test]
fn product_min_reductions_and_rank0_targets() {
    let k = inline(
        "kernel r(x: f32[N]) -> (p: f32, lo: f32, s: f32[N]) {
            p *= x[i];
            lo min= x[i];
            t += x[i];
            s[i] = x[i] / t;
        }",
    );
    let out = call(&k, &[("x", f32t(&[3], &[2.0, -1.5, 4.0]))]);
    assert_eq!(out[0].to_f64(), vec![-12.0]);
    assert_eq!(out[1].to_f64(), vec![-1.5]);
    close(
        &out[2].to_f64(),
        &[2.0 / 4.5, -1.5 / 4.5, 4.0 / 4.5],
        1e-7,
        "normalized",
    );
}

#[test]
fn select_with_index_values_and_strided_reads() {
    // Even elements of x, masked to the lower triangle of an outer product.
    let k = inline(
        "kernel s(x: f32[N], e: f32[M]) -> (y: f32[M, M]) {
            y[i, j] = select(j <= i, x[2 * i] * x[2 * j + 1], -inf) + 0 * e[i] * e[j];
        }",
    );
    let out = call(
        &k,
        &[
            ("x", f32t(&[4], &[1., 2., 3., 4.])),
            ("e", f32t(&[2], &[0., 0.])),
        ],
    );
    assert_eq!(out[0].to_f64(), vec![2., f64::NEG_INFINITY, 6., 12.]);
}
