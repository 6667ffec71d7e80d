//! On a CUDA GPU only (`KILN_TEST_CUDA=1 cargo test -p kiln-cuda --test gpu
//! -- --ignored`): the differential suite on `cuda:0`, every `ir-specs/`
//! and corner kernel under the default and 10 random schedules against the
//! interpreter, plus timing, cache flush and the error flag. Machines
//! without a GPU run the same suite from the carried binary with
//! `scripts/gpu-check.sh` (`kiln verify`).

use kiln_device::{Backend, OpenOptions};
use kiln_tests::{corner_kernels, kernels_in};

fn cuda() -> std::sync::Arc<dyn kiln_device::Device> {
    assert_eq!(
        std::env::var("KILN_TEST_CUDA").as_deref(),
        Ok("1"),
        "set KILN_TEST_CUDA=1 on a machine with a CUDA GPU"
    );
    kiln_cuda::CudaBackend
        .open(0, &OpenOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
#[ignore = "needs a CUDA GPU: KILN_TEST_CUDA=1 cargo test -p kiln-cuda --test gpu -- --ignored"]
fn every_kernel_agrees_with_the_interpreter_on_cuda() {
    let d = cuda();
    let mut kernels = kernels_in("ir-specs");
    kernels.extend(corner_kernels());
    let r = kiln_difftest::suite::run(&[d], &kernels, 10, 0, |l| eprintln!("{l}"));
    assert!(r.runs >= kernels.len() * 11);
    assert!(r.failures.is_empty(), "{}", r.failures.join("\n\n"));
}

#[test]
#[ignore = "needs a CUDA GPU: KILN_TEST_CUDA=1 cargo test -p kiln-cuda --test gpu -- --ignored"]
fn launches_are_timed_and_division_by_zero_is_reported() {
    let d = cuda();
    let k = kiln_ir::check_source(
        "kernel div(a: i32[N], b: i32[N]) -> (q: i32[N]) { q[i] = a[i] / b[i]; }",
    )
    .unwrap()
    .remove(0);
    let spec = kiln_ir::Specialized::from_sizes(
        &k,
        &std::collections::BTreeMap::from([("N".to_string(), 1000)]),
    )
    .unwrap();
    let s = kiln_schedule::Schedule::default_for(&spec, &d.info().limits);
    let l = d.build(&spec, &s).unwrap();
    let a = kiln_tensor::HostTensor::from_f64(kiln_ir::DType::I32, vec![1000], &[7.0; 1000]);
    let mut bv = vec![2.0; 1000];
    let b = kiln_tensor::HostTensor::from_f64(kiln_ir::DType::I32, vec![1000], &bv);
    let mut bound = l.bind(&[a.clone(), b]).unwrap();
    let t = bound.launch().unwrap();
    assert!(t > 0.0 && t < 1.0, "{t}");
    assert_eq!(bound.outputs().unwrap()[0].to_f64()[999], 3.0);
    bound.evict();
    bv[500] = 0.0;
    let b0 = kiln_tensor::HostTensor::from_f64(kiln_ir::DType::I32, vec![1000], &bv);
    bound.set_input(1, &b0).unwrap();
    let e = bound.launch().unwrap_err().to_string();
    assert!(e.contains("division by zero in statement 0"), "{e}");
    let st = d.empty_launch(&s, &kiln_device::OVERHEAD_BUDGET).unwrap();
    assert!(st.median_s > 0.0 && st.median_s < 1e-3, "{st:?}");
}
