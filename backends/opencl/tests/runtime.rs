//! The OpenCL runtime on this machine's OpenCL device (PoCL, installed by
//! scripts/setup.sh): enumeration, a real kernel checked against host
//! arithmetic, the driver's build log on a broken program, and the program
//! binary cache.

use kiln_opencl::{devices, OclError, Runtime};
use kiln_tensor::HostTensor;

const AXPY: &str = "__kernel void axpy(__global const float* x, __global float* y) {
    size_t i = get_global_id(0);
    y[i] = 2.0f * x[i] + y[i];
}";

#[test]
fn enumerates_devices_with_limits_and_fingerprints() {
    let ds = devices().expect("scripts/setup.sh installs PoCL");
    assert!(!ds.is_empty());
    for d in &ds {
        assert!(d.max_work_group >= 1 && d.compute_units >= 1, "{d:?}");
        assert_eq!(d.fingerprint().len(), 16);
        assert!(d.describe().contains(&format!("opencl:{}", d.index)));
    }
    match Runtime::new(ds.len(), None) {
        Err(OclError::NoDevice { index, count }) => {
            assert_eq!((index, count), (ds.len(), ds.len()))
        }
        other => panic!("expected NoDevice, got {:?}", other.err()),
    }
}

#[test]
fn runs_a_kernel_and_times_it_with_events() {
    let rt = Runtime::new(0, None).unwrap();
    let (prog, cached) = rt.build(AXPY, "").unwrap();
    assert!(!cached);
    let x = HostTensor::random(kiln_ir::DType::F32, vec![1000], &mut HostTensor::rng(1));
    let y = HostTensor::random(kiln_ir::DType::F32, vec![1000], &mut HostTensor::rng(2));
    let (dx, dy) = (rt.upload(&x).unwrap(), rt.upload(&y).unwrap());
    let wall = std::time::Instant::now();
    let t = rt.launch(&prog, "axpy", &[&dx, &dy], &[1000], &[]).unwrap();
    let wall = wall.elapsed().as_secs_f64();
    // Device time of the kernel alone: positive, and within the host's
    // wall time around enqueue and wait.
    assert!(t > 0.0 && t <= wall, "device {t} s, wall {wall} s");
    let got = rt.download(&dy).unwrap().to_f64();
    let (xv, yv) = (x.to_f64(), y.to_f64());
    for i in 0..1000 {
        let want = (2.0f32 * xv[i] as f32 + yv[i] as f32) as f64;
        assert!((got[i] - want).abs() < 1e-6, "{i}: {} vs {want}", got[i]);
    }
}

#[test]
fn a_broken_program_surfaces_the_driver_log() {
    let rt = Runtime::new(0, None).unwrap();
    let broken = "__kernel void k(__global float* y) { y[0] = undeclared_name; }";
    let Err(err) = rt.build(broken, "") else {
        panic!("a broken program must not build");
    };
    let text = err.to_string();
    assert!(matches!(err, OclError::Build { .. }));
    assert!(
        text.contains("undeclared_name"),
        "the driver's log names the problem: {text}"
    );
}

#[test]
fn program_binaries_are_cached_by_source_and_device() {
    let dir = tempfile::tempdir().unwrap();
    let rt = Runtime::new(0, Some(dir.path().to_path_buf())).unwrap();
    let (_, first) = rt.build(AXPY, "").unwrap();
    let (p, second) = rt.build(AXPY, "").unwrap();
    assert!(!first && second, "the second build loads the cached binary");
    let (_, other) = rt.build(&AXPY.replace("2.0f", "3.0f"), "").unwrap();
    assert!(!other, "another source misses the cache");
    // The cached program still runs.
    let x = HostTensor::from_f64(kiln_ir::DType::F32, vec![4], &[1.0, 2.0, 3.0, 4.0]);
    let (dx, dy) = (rt.upload(&x).unwrap(), rt.upload(&x).unwrap());
    rt.launch(&p, "axpy", &[&dx, &dy], &[4], &[1]).unwrap();
    assert_eq!(
        rt.download(&dy).unwrap().to_f64(),
        vec![3.0, 6.0, 9.0, 12.0]
    );
}
