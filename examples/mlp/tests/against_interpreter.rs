//! Every linked kernel against kiln's reference interpreter on the same
//! inputs, and the block end to end against a composition of interpreter
//! runs; wrong lengths are errors naming the argument.

use kiln_example_mlp::{B, D, H, block, demo_weights, kernels, values};
use kiln_tensor::HostTensor;

const SRC: &str = include_str!("../kernels/mlp.kiln");

fn interp(name: &str, sizes: &[(&str, i64)], inputs: &[HostTensor]) -> Vec<f64> {
    let ks = kiln_ir::check_source(SRC).expect("valid kernels");
    let k = ks.iter().find(|k| k.name == name).expect("kernel");
    let sizes = sizes.iter().map(|(n, v)| (n.to_string(), *v)).collect();
    let spec = kiln_ir::Specialized::from_sizes(k, &sizes).expect("sizes");
    kiln_interp::run(&spec, inputs).expect("runs")[0].to_f64()
}

fn t(v: &[f32], shape: &[usize]) -> HostTensor {
    let v: Vec<f64> = v.iter().map(|&x| x as f64).collect();
    HostTensor::from_f64(kiln_ir::DType::F32, shape.to_vec(), &v)
}

fn close(got: &[f32], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (*g as f64 - w).abs() <= 1e-4 + 1e-4 * w.abs(),
            "{what}[{i}]: got {g}, interpreter {w}"
        );
    }
}

#[test]
fn each_kernel_matches_the_interpreter() {
    let w = demo_weights();
    let x = values(B * D, 7, 1.0);
    let mut h = vec![0.0; B * H];
    kernels::linear_gelu(&x, &w.w1, &w.b1, &mut h).unwrap();
    let want = interp(
        "linear_gelu",
        &[("B", 8), ("D", 64), ("H", 256)],
        &[t(&x, &[B, D]), t(&w.w1, &[D, H]), t(&w.b1, &[H])],
    );
    close(&h, &want, "linear_gelu");

    let mut y = vec![0.0; B * D];
    kernels::linear(&h, &w.w2, &w.b2, &mut y).unwrap();
    let want = interp(
        "linear",
        &[("B", 8), ("D", 256), ("H", 64)],
        &[t(&h, &[B, H]), t(&w.w2, &[H, D]), t(&w.b2, &[D])],
    );
    close(&y, &want, "linear");

    let mut n = vec![0.0; B * D];
    kernels::layernorm(&y, &w.g, &w.beta, 1e-5, &mut n).unwrap();
    let eps = HostTensor::from_f64(kiln_ir::DType::F32, vec![], &[1e-5]);
    let want = interp(
        "layernorm",
        &[("R", 8), ("C", 64)],
        &[t(&y, &[B, D]), t(&w.g, &[D]), t(&w.beta, &[D]), eps],
    );
    close(&n, &want, "layernorm");

    // Two shape sets of one kernel get one function each.
    let z = values(B * H, 9, 3.0);
    let mut p = vec![0.0; B * H];
    kernels::softmax_c256_r8(&z, &mut p).unwrap();
    let want = interp("softmax", &[("R", 8), ("C", 256)], &[t(&z, &[B, H])]);
    close(&p, &want, "softmax 8x256");
}

#[test]
fn the_block_gives_probabilities() {
    let p = block(&values(B * D, 42, 1.0), &demo_weights()).unwrap();
    for row in p.chunks(D) {
        let s: f32 = row.iter().sum();
        assert!((s - 1.0).abs() < 1e-4, "{s}");
        assert!(row.iter().all(|&v| v > 0.0));
    }
}

#[test]
fn a_wrong_length_names_the_argument() {
    let w = demo_weights();
    let mut h = vec![0.0; B * H];
    let e = kernels::linear_gelu(&[0.0; 3], &w.w1, &w.b1, &mut h)
        .unwrap_err()
        .to_string();
    assert!(e.contains("`x`"), "{e}");
}
