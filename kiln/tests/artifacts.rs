//! Artifact directories: kernels compiled by `Kiln::export` into one
//! directory, loaded by `kiln-rt` (no LLVM) from the manifest and run
//! against the interpreter; the manifest's versioning and checks.

use kiln::{Kiln, Module, ScheduleChoice};
use kiln_rt::{Library, RtError};
use kiln_tensor::HostTensor;

const SRC: &str = "
kernel matmul(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) {
    c[i, j] += a[i, k] * b[k, j];
}
kernel softmax(x: f32[R, C]) -> (y: f32[R, C]) {
    m[i] max= x[i, j];
    e[i, j] = exp(x[i, j] - m[i]);
    s[i] += e[i, j];
    y[i, j] = e[i, j] / s[i];
}
kernel div(a: i32[N], b: i32[N]) -> (q: i32[N]) {
    q[i] = a[i] / b[i];
}
";

fn export_all(dir: &std::path::Path) -> Kiln {
    let cache = tempfile::tempdir().unwrap();
    let kiln = Kiln::with_cache_dir(cache.path());
    let m = Module::parse("artifacts.kiln", SRC).unwrap();
    let cpu = kiln.device("cpu").unwrap();
    for (name, sizes) in [
        ("matmul", vec![("M", 37), ("N", 45), ("K", 29)]),
        ("matmul", vec![("M", 64), ("N", 64), ("K", 64)]),
        ("softmax", vec![("R", 13), ("C", 100)]),
        ("div", vec![("N", 100)]),
    ] {
        let k = m.kernel(name).unwrap();
        let spec = k.specialize(&kiln::sizes(sizes)).unwrap();
        let a = kiln
            .export(&spec, &cpu, ScheduleChoice::Default, dir)
            .unwrap();
        assert!(a.prefix.starts_with(&format!("kiln_{name}_")));
        assert!(!a.provenance.tuned);
        assert_eq!(a.provenance.target, "native");
    }
    kiln
}

#[test]
fn exported_kernels_run_from_the_runtime_like_the_interpreter() {
    let dir = tempfile::tempdir().unwrap();
    export_all(dir.path());
    let lib = Library::open(dir.path()).unwrap();
    // Two shapes of matmul, softmax and div share the directory.
    assert_eq!(lib.kernels().len(), 4);
    let m = Module::parse("artifacts.kiln", SRC).unwrap();
    for k in lib.kernels() {
        let meta = k.manifest();
        let kernel = m.kernel(&meta.name).unwrap();
        let sizes: Vec<(&str, i64)> = meta.sizes.iter().map(|(n, v)| (n.as_str(), *v)).collect();
        let spec = kernel.specialize(&kiln::sizes(sizes)).unwrap();
        let mut inputs = kiln_tensor::random_inputs(&spec, 3);
        if meta.name == "div" {
            // Nonzero divisors: the error path is checked below.
            let b: Vec<f64> = (0..100)
                .map(|i| (i % 7 + 1) as f64 * if i % 2 == 0 { 1.0 } else { -1.0 })
                .collect();
            inputs[1] = HostTensor::from_f64(kiln::DType::I32, vec![100], &b);
        }
        let want = kiln_interp::run(&spec, &inputs).unwrap();
        let got = k.run(&inputs).unwrap();
        for (g, w) in got.iter().zip(&want) {
            kiln_tensor::compare(&meta.prefix, g, w).unwrap();
        }
    }
    // Zero-copy views, and a shape mismatch named.
    let mm = lib
        .kernel("matmul", Some(&[("M", 64), ("N", 64), ("K", 64)]))
        .unwrap();
    let a = vec![1.0f32; 64 * 64];
    let b = vec![0.5f32; 64 * 64];
    let mut c = vec![0.0f32; 64 * 64];
    {
        let ins = [
            kiln::TensorRef {
                shape: &[64, 64],
                data: kiln::Slice::F32(&a),
            },
            kiln::TensorRef {
                shape: &[64, 64],
                data: kiln::Slice::F32(&b),
            },
        ];
        let mut outs = [kiln::TensorMut {
            shape: &[64, 64],
            data: kiln::SliceMut::F32(&mut c),
        }];
        mm.run_views(&ins, &mut outs).unwrap();
    }
    assert!(c.iter().all(|&x| x == 32.0));
    let bad = [
        HostTensor::zeros(kiln::DType::F32, vec![64, 63]),
        HostTensor::zeros(kiln::DType::F32, vec![64, 64]),
    ];
    let e = mm.run(&bad).unwrap_err().to_string();
    assert!(e.contains('a') && e.contains("63"), "{e}");
    // An i32 division by zero is the interpreter's error, not a signal.
    let div = lib.kernel("div", None).unwrap();
    let mut b = vec![1.0; 100];
    b[50] = 0.0;
    let e = div
        .run(&[
            HostTensor::from_f64(kiln::DType::I32, vec![100], &[9.0; 100]),
            HostTensor::from_f64(kiln::DType::I32, vec![100], &b),
        ])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("division by zero in statement 0 (`q`) of `div`"),
        "{e}"
    );
}

#[test]
fn exporting_again_replaces_the_entry_and_other_targets_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let kiln = export_all(dir.path());
    export_all(dir.path());
    assert_eq!(Library::open(dir.path()).unwrap().kernels().len(), 4);
    let m = Module::parse("artifacts.kiln", SRC).unwrap();
    let spec = m
        .kernel("softmax")
        .unwrap()
        .specialize(&kiln::sizes([("R", 4), ("C", 8)]))
        .unwrap();
    let v3 = kiln
        .device_with(
            "cpu",
            kiln::OpenOptions {
                target: Some("x86-64-v3".into()),
                ..kiln::OpenOptions::default()
            },
        )
        .unwrap();
    let a = kiln
        .export(&spec, &v3, ScheduleChoice::Default, dir.path())
        .unwrap();
    assert_eq!(a.provenance.target, "x86-64-v3");
    let e = kiln
        .device_with(
            "cpu",
            kiln::OpenOptions {
                target: Some("pentium-9000".into()),
                ..kiln::OpenOptions::default()
            },
        )
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("pentium-9000") && e.contains("x86-64-v3"), "{e}");
}

#[test]
fn bad_manifests_are_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    export_all(dir.path());
    let path = dir.path().join("manifest.json");
    let good = std::fs::read_to_string(&path).unwrap();
    let open_err = |text: &str| {
        std::fs::write(&path, text).unwrap();
        match Library::open(dir.path()) {
            Ok(_) => panic!("accepted: {text:.80}"),
            Err(e) => e,
        }
    };
    // A newer schema, even one whose fields changed.
    let e = open_err(r#"{"schema": 99, "kernels": "changed"}"#);
    assert!(
        matches!(
            e,
            RtError::Manifest(kiln_rt::ManifestError::Newer { found: 99, .. })
        ),
        "{e}"
    );
    assert!(e.to_string().contains("newer"), "{e}");
    // Not JSON, unknown fields, an index out of range, a shape/bytes lie.
    assert!(open_err("{").to_string().contains("not a kiln manifest"));
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["kernels"][0]["extra"] = serde_json::json!(1);
    assert!(open_err(&v.to_string()).to_string().contains("extra"));
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["kernels"][0]["launches"][0]["args"][0] = serde_json::json!(99);
    assert!(open_err(&v.to_string())
        .to_string()
        .contains("out of range"));
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["kernels"][0]["tensors"][0]["shape"][0] = serde_json::json!(1000);
    assert!(open_err(&v.to_string()).to_string().contains("bytes"));
    // A path outside the directory, and a missing library.
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["kernels"][0]["files"]["shared"] = serde_json::json!("../evil.so");
    assert!(open_err(&v.to_string())
        .to_string()
        .contains("not a path inside"));
    std::fs::write(&path, &good).unwrap();
    let so = Library::open(dir.path()).unwrap().kernels()[0]
        .manifest()
        .files["shared"]
        .clone();
    std::fs::remove_file(dir.path().join(&so)).unwrap();
    let e = Library::open(dir.path()).err().unwrap().to_string();
    assert!(e.contains(&so), "{e}");
}

/// OpenCL artifacts: the C source with prefixed kernels and the driver's
/// binary, launched by kiln-rt through opencl3 like the backend does.
#[test]
fn opencl_artifacts_run_from_the_runtime() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let kiln = Kiln::with_cache_dir(cache.path());
    let ocl = kiln
        .device("opencl:0")
        .expect("an OpenCL device (scripts/setup.sh installs PoCL)");
    let m = Module::parse("artifacts.kiln", SRC).unwrap();
    let mut specs = Vec::new();
    for (name, sizes) in [
        ("matmul", vec![("M", 37), ("N", 45), ("K", 29)]),
        ("softmax", vec![("R", 13), ("C", 100)]),
        ("div", vec![("N", 100)]),
    ] {
        let k = m.kernel(name).unwrap();
        let spec = k.specialize(&kiln::sizes(sizes)).unwrap();
        let a = kiln
            .export(&spec, &ocl, ScheduleChoice::Default, dir.path())
            .unwrap();
        assert_eq!(a.kind, "opencl");
        assert!(a
            .launches
            .iter()
            .all(|l| l.global.is_some() && l.workgroup.is_some()));
        let src = std::fs::read_to_string(dir.path().join(&a.files["source"])).unwrap();
        assert!(
            src.contains(&format!("__kernel void {}_s0(", a.prefix)),
            "{src}"
        );
        assert!(dir.path().join(&a.files["binary"]).is_file());
        specs.push((name, spec));
    }
    let lib = Library::open(dir.path()).unwrap();
    for (name, spec) in &specs {
        let k = lib.kernel(name, None).unwrap();
        let mut inputs = kiln_tensor::random_inputs(spec, 5);
        if *name == "div" {
            inputs[1] = HostTensor::from_f64(kiln::DType::I32, vec![100], &[3.0; 100]);
        }
        let want = kiln_interp::run(spec, &inputs).unwrap();
        for (g, w) in k.run(&inputs).unwrap().iter().zip(&want) {
            kiln_tensor::compare(name, g, w).unwrap();
        }
    }
    let div = lib.kernel("div", None).unwrap();
    let mut b = vec![1.0; 100];
    b[7] = 0.0;
    let e = div
        .run(&[
            HostTensor::from_f64(kiln::DType::I32, vec![100], &[9.0; 100]),
            HostTensor::from_f64(kiln::DType::I32, vec![100], &b),
        ])
        .unwrap_err()
        .to_string();
    assert!(e.contains("division by zero"), "{e}");
}
