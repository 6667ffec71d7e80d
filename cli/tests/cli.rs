//! End-to-end tests of the `kiln` binary.

use kiln_tensor::HostTensor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn kiln(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiln"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("kiln runs")
}

fn files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "kiln"))
        .collect();
    v.sort();
    v
}

#[test]
fn check_accepts_every_library_kernel() {
    let fs = files("ir-specs");
    assert!(fs.len() >= 14);
    for f in fs {
        let out = kiln(&["check", f.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}: {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains(" ok "));
    }
}

#[test]
fn check_rejects_every_error_file_with_a_spanned_message() {
    for f in files("tests/diagnostics") {
        let out = kiln(&["check", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", f.display());
        let err = String::from_utf8_lossy(&out.stderr);
        let name = f.file_name().unwrap().to_str().unwrap();
        assert!(err.contains("kiln::"), "{name}: {err}");
        assert!(
            err.contains(&format!("{name}:")),
            "{name}: the message points into the file: {err}"
        );
    }
}

fn naive_mm(a: &HostTensor, b: &HostTensor) -> Vec<f64> {
    let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1]);
    let (av, bv) = (a.to_f64(), b.to_f64());
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            c[i * n + j] = (0..k).map(|p| av[i * k + p] * bv[p * n + j]).sum();
        }
    }
    c
}

#[test]
fn run_matmul_writes_the_product_of_its_saved_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("o");
    let out = kiln(&[
        "run",
        "ir-specs/matmul.kiln",
        "--kernel",
        "matmul",
        "--device",
        "interp",
        "--random",
        "M=64,N=48,K=32",
        "--out",
        out_dir.to_str().unwrap(),
        "--save-inputs",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = HostTensor::read_npy(&out_dir.join("a.npy")).unwrap();
    let b = HostTensor::read_npy(&out_dir.join("b.npy")).unwrap();
    let c = HostTensor::read_npy(&out_dir.join("c.npy")).unwrap();
    assert_eq!(
        (a.shape.clone(), b.shape.clone(), c.shape.clone()),
        (vec![64, 32], vec![32, 48], vec![64, 48])
    );
    for (got, want) in c.to_f64().iter().zip(naive_mm(&a, &b)) {
        assert!((got - want).abs() < 1e-4, "{got} vs {want}");
    }
    // Feeding the saved inputs back gives the same output.
    let out2 = dir.path().join("o2");
    let res = kiln(&[
        "run",
        "ir-specs/matmul.kiln",
        "-i",
        &format!("a={}", out_dir.join("a.npy").display()),
        "-i",
        &format!("b={}", out_dir.join("b.npy").display()),
        "--out",
        out2.to_str().unwrap(),
    ]);
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    assert_eq!(HostTensor::read_npy(&out2.join("c.npy")).unwrap(), c);
}

#[test]
fn run_takes_scalar_literals_and_mixes_given_and_random_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = kiln(&[
        "run",
        "ir-specs/layernorm.kiln",
        "--random",
        "R=3,C=16",
        "--input",
        "eps=1e-5",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let y = HostTensor::read_npy(&dir.path().join("y.npy")).unwrap();
    assert_eq!(y.shape, vec![3, 16]);
}

#[test]
fn failed_runs_leave_no_files_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("o");
    // Missing size for K.
    let out = kiln(&[
        "run",
        "ir-specs/matmul.kiln",
        "--random",
        "M=4,N=4",
        "--out",
        o.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("K=..."));
    assert!(!o.exists() || std::fs::read_dir(&o).unwrap().next().is_none());
    // Shape mismatch between a given input and the random sizes.
    let a = dir.path().join("a.npy");
    std::fs::write(
        &a,
        HostTensor::zeros(kiln_ir::DType::F32, vec![4, 5]).to_npy_bytes(),
    )
    .unwrap();
    let out = kiln(&[
        "run",
        "ir-specs/matmul.kiln",
        "-i",
        &format!("a={}", a.display()),
        "--random",
        "N=3",
        "--out",
        o.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "K comes from a: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = kiln(&[
        "run",
        "ir-specs/matmul.kiln",
        "-i",
        &format!("a={}", a.display()),
        "--out",
        o.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kiln::missing-argument"));
    // A corrupt .npy is an error, not a crash.
    let junk = dir.path().join("junk.npy");
    std::fs::write(&junk, b"\x93NUMPY garbage").unwrap();
    let out = kiln(&[
        "run",
        "ir-specs/matvec.kiln",
        "-i",
        &format!("a={}", junk.display()),
        "--random",
        "M=2,N=2",
        "--out",
        o.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("junk.npy"));
    // No temporary files left behind anywhere.
    for e in std::fs::read_dir(&o).unwrap() {
        let name = e.unwrap().file_name();
        assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?}");
    }
}

#[test]
fn unavailable_devices_are_named() {
    let out = kiln(&[
        "run",
        "ir-specs/matmul.kiln",
        "--device",
        "opencl:0",
        "--random",
        "M=2,N=2,K=2",
        "--out",
        "/tmp/unused",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("opencl:0"));
}

#[test]
fn fmt_prints_canonical_form_and_check_detects_drift() {
    let out = kiln(&["fmt", "tests/fmt/messy.kiln"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        std::fs::read_to_string(root().join("tests/fmt/messy.out")).unwrap()
    );
    assert_eq!(
        kiln(&["fmt", "--check", "tests/fmt/messy.kiln"])
            .status
            .code(),
        Some(1)
    );
    assert!(kiln(&["fmt", "--check", "tests/fmt/messy.out"])
        .status
        .success());
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("k.kiln");
    std::fs::copy(root().join("tests/fmt/messy.kiln"), &f).unwrap();
    assert!(kiln(&["fmt", "--write", f.to_str().unwrap()])
        .status
        .success());
    assert!(kiln(&["fmt", "--check", f.to_str().unwrap()])
        .status
        .success());
}

#[test]
fn help_explains_the_commands() {
    let out = kiln(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for word in ["check", "fmt", "run", "kernel matmul"] {
        assert!(text.contains(word), "{word}: {text}");
    }
}

#[test]
fn cpu_device_runs_compiles_and_benches() {
    let dir = tempfile::tempdir().unwrap();
    // run on the CPU backend and verify against the interpreter
    let out = kiln(&[
        "run",
        "ir-specs/softmax.kiln",
        "--device",
        "cpu",
        "--random",
        "R=13,C=67",
        "--verify",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("verified against the interpreter") && text.contains("default schedule"),
        "{text}"
    );
    // every stage
    for stage in [
        "mlir",
        "mlir-lowered",
        "llvm-raw",
        "llvm",
        "asm",
        "schedule",
    ] {
        let out = kiln(&[
            "compile",
            "ir-specs/matmul.kiln",
            "--shape",
            "M=40,N=33,K=17",
            "--emit",
            stage,
        ]);
        assert!(
            out.status.success(),
            "{stage}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let marker = match stage {
            "mlir" => "scf.for",
            "mlir-lowered" => "llvm.func",
            "llvm-raw" | "llvm" => "define void @s0",
            "asm" => "s0:",
            _ => "\"stmts\"",
        };
        assert!(text.contains(marker), "{stage}: {text}");
    }
    let obj = dir.path().join("k.o");
    assert!(kiln(&[
        "compile",
        "ir-specs/matmul.kiln",
        "--shape",
        "M=4,N=4,K=4",
        "--emit",
        "obj",
        "-o",
        obj.to_str().unwrap()
    ])
    .status
    .success());
    assert_eq!(&std::fs::read(&obj).unwrap()[..4], b"\x7fELF");
    // a schedule file is validated, naming the bad field
    let sched = dir.path().join("s.json");
    let out = kiln(&[
        "compile",
        "ir-specs/matmul.kiln",
        "--shape",
        "M=40,N=33,K=17",
        "--emit",
        "schedule",
        "-o",
        sched.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let bad =
        std::fs::read_to_string(&sched)
            .unwrap()
            .replacen("\"unroll\": 1", "\"unroll\": 99", 1);
    std::fs::write(&sched, bad).unwrap();
    let out = kiln(&[
        "run",
        "ir-specs/matmul.kiln",
        "--device",
        "cpu",
        "--schedule",
        sched.to_str().unwrap(),
        "--random",
        "M=40,N=33,K=17",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("stmts[0].unroll"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // bench --json
    let out = kiln(&[
        "bench",
        "ir-specs/matmul.kiln",
        "--shape",
        "M=64,N=64,K=64",
        "--seconds",
        "0.05",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for key in [
        "\"median_s\"",
        "\"p20_s\"",
        "\"p80_s\"",
        "\"gflops\"",
        "\"gbps\"",
        "\"schedule\"",
    ] {
        assert!(text.contains(key), "{key}: {text}");
    }
    let out = kiln(&["devices"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("fingerprint"));
}
