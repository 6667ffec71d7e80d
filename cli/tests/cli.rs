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

/// Runs kiln with a private, empty tuning cache (never the user's).
fn kiln(args: &[&str]) -> Output {
    let cache = std::env::temp_dir().join(format!("kiln-cli-test-cache-{}", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_kiln"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("KILN_CACHE", cache)
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
    let fs: Vec<PathBuf> = fs.into_iter().chain(files("tests/kernels")).collect();
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
    // Sizes beyond memory are an error, not an allocation abort.
    for device in ["interp", "cpu"] {
        let out = kiln(&[
            "run",
            "ir-specs/matmul.kiln",
            "--device",
            device,
            "--random",
            "M=1000000,N=1000000,K=1",
            "--out",
            o.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{device}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("bytes of memory"),
            "{device}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // No temporary files left behind anywhere.
    for e in std::fs::read_dir(&o).unwrap() {
        let name = e.unwrap().file_name();
        assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?}");
    }
}

#[test]
fn unavailable_devices_are_named() {
    let args = |dev: &'static str| {
        [
            "run",
            "ir-specs/matmul.kiln",
            "--device",
            dev,
            "--random",
            "M=2,N=2,K=2",
            "--out",
            "/tmp/unused",
        ]
    };
    let dir = tempfile::tempdir().unwrap();
    // No OpenCL platform at all: the ICD loader finds no vendor files.
    let empty = tempfile::tempdir().unwrap();
    let icd = [("OCL_ICD_VENDORS", empty.path().to_str().unwrap())];
    let out = kiln_env(&args("opencl:0"), dir.path(), &icd);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("opencl:0") && err.contains("no OpenCL platform"),
        "{err}"
    );
    let out = kiln_env(&["devices"], dir.path(), &icd);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("opencl: none (no OpenCL platform"));
    // A device index past the end, and CUDA.
    let out = kiln(&args("opencl:9"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`opencl:9` does not exist"));
    let out = kiln(&args("cuda:0"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no CUDA backend"));
}

#[test]
fn opencl_device_compiles_runs_verifies_and_tunes() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| kiln_env(args, dir.path(), &[]);
    let out = run(&["devices"]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        text.contains("opencl:0: ") && text.contains("compute units"),
        "{text}"
    );
    let sm = [
        "ir-specs/softmax.kiln",
        "--shape",
        "R=5,C=33",
        "--device",
        "opencl:0",
    ];
    let mut a = vec!["compile"];
    a.extend(sm);
    a.extend(["--emit", "mlir"]);
    let out = run(&a);
    assert!(String::from_utf8_lossy(&out.stdout).contains("gpu.func @s0("));
    a.pop();
    a.push("cl");
    let out = run(&a);
    let cl = String::from_utf8_lossy(&out.stdout);
    assert!(
        cl.contains("__kernel void s0(") && cl.contains("__kernel void s2("),
        "{cl}"
    );
    let o = dir.path().join("out");
    let out = run(&[
        "run",
        "ir-specs/softmax.kiln",
        "--device",
        "opencl:0",
        "--random",
        "R=5,C=33",
        "--verify",
        "--out",
        o.to_str().unwrap(),
    ]);
    let so = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(so.contains("verified against the interpreter"), "{so}");
    // Tune, then `run` on the same device uses the winner; the CPU does not.
    let r = json(&run(&[
        "tune",
        "ir-specs/matmul.kiln",
        "--shape",
        "M=48,N=40,K=33",
        "--device",
        "opencl:0",
        "--trials",
        "4",
        "--json",
    ]));
    assert!(r["trials_run"].as_u64().unwrap() >= 4, "{r}");
    assert!(r["best_s"].as_f64().unwrap() > 0.0);
    assert!(r["best"]["stmts"][0]["workgroup"].is_array(), "{r}");
    let mm = |dev: &str| {
        run(&[
            "run",
            "ir-specs/matmul.kiln",
            "--device",
            dev,
            "--random",
            "M=48,N=40,K=33",
            "--verify",
            "--out",
            o.to_str().unwrap(),
        ])
    };
    let so = String::from_utf8_lossy(&mm("opencl:0").stdout).to_string();
    assert!(
        so.contains("tuned schedule from the cache") && so.contains("verified"),
        "{so}"
    );
    let so = String::from_utf8_lossy(&mm("cpu").stdout).to_string();
    assert!(so.contains("default schedule"), "{so}");
}

fn kiln_env(args: &[&str], cache: &Path, extra: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kiln"));
    c.args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("KILN_CACHE", cache);
    for (k, v) in extra {
        c.env(k, v);
    }
    c.output().expect("kiln runs")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

const MM: [&str; 4] = [
    "ir-specs/matmul.kiln",
    "--shape",
    "M=48,N=40,K=33",
    "--json",
];

#[test]
fn tune_stores_a_winner_that_run_uses_and_a_second_tune_is_instant() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["tune"];
    args.extend(MM);
    args.extend(["--trials", "8"]);
    let r = json(&kiln_env(&args, dir.path(), &[]));
    assert_eq!(r["cached"], false);
    assert!(r["trials_run"].as_u64().unwrap() >= 8);
    assert!(r["best_s"].as_f64().unwrap() > 0.0);
    let t = std::time::Instant::now();
    let r2 = json(&kiln_env(&args, dir.path(), &[]));
    assert_eq!(r2["cached"], true);
    assert!(t.elapsed().as_secs_f64() < 5.0);
    assert_eq!(r2["best"], r["best"]);
    // run, bench and compile use the cached winner and say so
    let out = kiln_env(
        &[
            "run",
            "ir-specs/matmul.kiln",
            "--device",
            "cpu",
            "--random",
            "M=48,N=40,K=33",
            "--verify",
            "--out",
            dir.path().join("o").to_str().unwrap(),
        ],
        dir.path(),
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("tuned schedule from the cache"));
    // other sizes miss the cache
    let out = kiln_env(
        &[
            "run",
            "ir-specs/matmul.kiln",
            "--device",
            "cpu",
            "--random",
            "M=48,N=40,K=34",
            "--out",
            dir.path().join("o").to_str().unwrap(),
        ],
        dir.path(),
        &[],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("default schedule"));
    // cache commands
    let ls = kiln_env(&["cache", "ls"], dir.path(), &[]);
    let text = String::from_utf8_lossy(&ls.stdout).to_string();
    assert!(text.contains("matmul"), "{text}");
    let id = r["key_id"].as_str().unwrap();
    let show = kiln_env(&["cache", "show", &id[..10]], dir.path(), &[]);
    assert!(String::from_utf8_lossy(&show.stdout).contains("winner"));
    let ex = dir.path().join("export.json");
    assert!(
        kiln_env(&["cache", "export", ex.to_str().unwrap()], dir.path(), &[])
            .status
            .success()
    );
    let other = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"version\": 1, \"winners\": [{}]}").unwrap();
    let out = kiln_env(
        &["cache", "import", bad.to_str().unwrap()],
        other.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing written"));
    assert!(kiln_env(
        &["cache", "import", ex.to_str().unwrap()],
        other.path(),
        &[]
    )
    .status
    .success());
    assert!(
        String::from_utf8_lossy(&kiln_env(&["cache", "ls"], other.path(), &[]).stdout)
            .contains(&id[..12])
    );
    assert!(kiln_env(&["cache", "verify"], dir.path(), &[])
        .status
        .success());
    assert!(kiln_env(&["cache", "rm", &id[..12]], dir.path(), &[])
        .status
        .success());
    assert!(
        !String::from_utf8_lossy(&kiln_env(&["cache", "ls"], dir.path(), &[]).stdout)
            .contains(&id[..12])
    );
}

#[test]
fn crashing_and_hanging_candidates_are_recorded_and_tuning_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    for (what, status) in [("crash", "crash"), ("hang", "timeout")] {
        let inject = format!("2:{what}");
        let mut args = vec!["tune"];
        args.extend(MM);
        args.extend([
            "--trials",
            "6",
            "--force",
            "--deadline",
            "3",
            "--inject",
            &inject,
        ]);
        let r = json(&kiln_env(&args, dir.path(), &[("KILN_TEST_INJECT", "1")]));
        assert_eq!(r["failures"][status], 1, "{what}: {r}");
        assert!(
            r["trials_run"].as_u64().unwrap() >= 6,
            "{what}: tuning went on: {r}"
        );
        assert!(r["best_s"].as_f64().unwrap() > 0.0);
    }
    // Without the opt-in the worker ignores the hook.
    let mut args = vec!["tune"];
    args.extend(MM);
    args.extend(["--trials", "3", "--force", "--inject", "1:crash"]);
    let r = json(&kiln_env(&args, dir.path(), &[]));
    assert!(r["failures"].get("crash").is_none(), "{r}");
}

#[test]
fn an_interrupted_tune_resumes_from_its_stored_trials() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kiln"))
        .args([
            "tune",
            "ir-specs/matmul.kiln",
            "--shape",
            "M=64,N=64,K=64",
            "--trials",
            "400",
            "--json",
        ])
        .current_dir(root())
        .env("KILN_CACHE", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some trials are stored, then kill -9.
    let db = dir.path().join("kiln.db");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    // Trials stored so far, read through `kiln cache export` (a second process).
    let stored = |db: &Path| -> u64 {
        let dir = db.parent().unwrap();
        let file = dir.join("e.json");
        if !kiln_env(&["cache", "export", file.to_str().unwrap()], dir, &[])
            .status
            .success()
        {
            return 0;
        }
        let e: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        e["trials"].as_array().map_or(0, |a| a.len() as u64)
    };
    while stored(&db) < 5 {
        assert!(
            std::time::Instant::now() < deadline,
            "no trials stored in time"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = stored(&db);
    assert!(before >= 5);
    let r = json(&kiln_env(
        &[
            "tune",
            "ir-specs/matmul.kiln",
            "--shape",
            "M=64,N=64,K=64",
            "--trials",
            "4",
            "--json",
        ],
        dir.path(),
        &[],
    ));
    assert_eq!(r["cached"], false, "the killed run stored no winner");
    assert!(r["resumed"].as_u64().unwrap() >= before, "{r}");
    assert!(r["trials_total"].as_u64().unwrap() >= before + 4, "{r}");
}
