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
    let fs: Vec<PathBuf> = fs.into_iter().chain(files("tests/filetests")).collect();
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
    if !kiln_cuda::driver::driver_present() {
        let out = kiln(&args("cuda:0"));
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cuda:0") && err.contains("no CUDA driver"),
            "{err}"
        );
        let out = kiln_env(&["devices"], dir.path(), &[]);
        assert!(out.status.success());
        let o = String::from_utf8_lossy(&out.stdout);
        assert!(o.contains("cuda: none (no CUDA driver"), "{o}");
    }
}

/// Without a GPU: every CUDA stage from the command line, for the
/// architecture asked for, PTX headed by ptxas's resource line; a bad
/// architecture is named.
#[test]
fn cuda_compiles_offline_for_a_chosen_architecture() {
    let base = [
        "compile",
        "ir-specs/softmax.kiln",
        "--shape",
        "R=64,C=256",
        "--device",
        "cuda",
    ];
    let with = |more: &[&str]| {
        let mut v = base.to_vec();
        v.extend_from_slice(more);
        kiln(&v)
    };
    let out = with(&["--arch", "sm_90", "--emit", "ptx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ptx = String::from_utf8_lossy(&out.stdout);
    assert!(ptx.starts_with("// ptxas sm_90: s0: "), "{ptx}");
    assert!(ptx.contains(".target sm_90"), "{ptx}");
    let out = with(&["--emit", "ptx"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(".target sm_80"));
    for stage in ["mlir", "nvvm", "llvm", "schedule"] {
        let out = with(&["--arch", "sm_80", "--emit", stage]);
        assert!(
            out.status.success(),
            "{stage}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{stage}");
    }
    let dir = tempfile::tempdir().unwrap();
    let cubin = dir.path().join("k.cubin");
    let out = with(&["--emit", "cubin", "-o", cubin.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(&std::fs::read(&cubin).unwrap()[..4], b"\x7fELF");
    let out = with(&["--arch", "sm90", "--emit", "ptx"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--arch") && err.contains("sm90"), "{err}");
}

/// `kiln verify` agrees with the interpreter on the CPU and reports it.
#[test]
fn verify_runs_the_differential_suite() {
    let out = kiln(&[
        "verify",
        "ir-specs/row_max.kiln",
        "--devices",
        "cpu",
        "--random",
        "2",
    ]);
    let o = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{o}");
    assert!(o.contains("row_max: ok on cpu: 3/3 schedules agree"), "{o}");
    assert!(o.contains("3 runs, 0 disagree"), "{o}");
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
    // The winner and the default were re-measured in the same rounds.
    assert!(
        r["best_s"].as_f64().unwrap() <= r["default_s"].as_f64().unwrap(),
        "{r}"
    );
    assert_eq!(
        r["overhead_included"], false,
        "OpenCL times are device time"
    );
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

/// Starts kiln in the background with a private cache, output discarded.
fn spawn_kiln(args: &[&str], cache: &Path, extra: &[(&str, &str)]) -> std::process::Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kiln"));
    c.args(args)
        .current_dir(root())
        .env("KILN_CACHE", cache)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    for (k, v) in extra {
        c.env(k, v);
    }
    c.spawn().expect("kiln starts")
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
    // Winner and default re-measured interleaved: the winner is no slower.
    assert!(
        r["best_s"].as_f64().unwrap() <= r["default_s"].as_f64().unwrap(),
        "{r}"
    );
    assert_eq!(r["overhead_included"], true, "CPU times are wall times");
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
        let own = tempfile::tempdir().unwrap();
        let inject = format!("2:{what}");
        let mut args = vec!["tune"];
        args.extend(MM);
        args.extend(["--trials", "6", "--deadline", "3", "--inject", &inject]);
        let r = json(&kiln_env(&args, own.path(), &[("KILN_TEST_INJECT", "1")]));
        assert_eq!(r["failures"][status], 1, "{what}: {r}");
        assert!(
            r["trials_run"].as_u64().unwrap() >= 6,
            "{what}: tuning went on: {r}"
        );
        // The third measured candidate (after the default and one more)
        // is the one charged, with how the worker ended.
        let trials = stored_trials(own.path());
        assert_eq!(trials[2]["status"], status, "{what}: {trials:?}");
        let err = trials[2]["error"].as_str().unwrap();
        let want = if what == "crash" {
            "worker ended"
        } else {
            "no result within"
        };
        assert!(err.contains(want), "{what}: {err}");
        assert!(
            r["best_s"].as_f64().unwrap() <= r["default_s"].as_f64().unwrap(),
            "{r}"
        );
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
    let mut child = spawn_kiln(
        &[
            "tune",
            "ir-specs/matmul.kiln",
            "--shape",
            "M=64,N=64,K=64",
            "--trials",
            "400",
            "--json",
        ],
        dir.path(),
        &[],
    );
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
    // Nothing measured before the kill was measured again.
    let trials = stored_trials(dir.path());
    let mut seen = std::collections::HashSet::new();
    for t in &trials {
        assert!(
            seen.insert(t["schedule"].to_string()),
            "measured twice: {}",
            t["schedule"]
        );
    }
}

/// Whether process `pid` is alive (a zombie is dead).
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            let state = stat.rsplit(')').next().unwrap_or("").trim_start();
            !state.starts_with('Z') && !state.starts_with('X')
        }
        Err(_) => false,
    }
}

/// Children of `pid` whose command line contains `worker`.
fn workers_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(p) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        let after = stat.rsplit(')').next().unwrap_or("");
        let ppid: u32 = after
            .split_whitespace()
            .nth(1)
            .and_then(|x| x.parse().ok())
            .unwrap_or(0);
        let cmd = std::fs::read(format!("/proc/{p}/cmdline")).unwrap_or_default();
        if ppid == pid && String::from_utf8_lossy(&cmd).contains("worker") {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_killed_tune_leaves_no_worker_alive() {
    let dir = tempfile::tempdir().unwrap();
    // The worker hangs on the first new candidate; kill -9 its parent.
    let mut child = spawn_kiln(
        &[
            "tune",
            "ir-specs/matmul.kiln",
            "--shape",
            "M=32,N=32,K=32",
            "--trials",
            "5",
            "--deadline",
            "600",
            "--inject",
            "0:hang",
            "--json",
        ],
        dir.path(),
        &[("KILN_TEST_INJECT", "1")],
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let worker = loop {
        if let Some(&w) = workers_of(child.id()).first() {
            break w;
        }
        assert!(std::time::Instant::now() < deadline, "no worker started");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    // Let it reach the hanging candidate.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(alive(worker));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let gone = std::time::Instant::now();
    while alive(worker) {
        assert!(
            gone.elapsed() < std::time::Duration::from_secs(2),
            "worker {worker} outlived its parent by 2 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn bad_argument_values_are_usage_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let tune = |extra: &[&str]| {
        let mut a = vec!["tune", "ir-specs/matmul.kiln", "--shape", "M=8,N=8,K=8"];
        a.extend(extra);
        kiln_env(&a, dir.path(), &[])
    };
    for t in ["nan", "inf", "1e30", "-5s", "0", "soon"] {
        let out = tune(&["--time", t]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--time {t}: {err}");
        assert!(err.contains("error:") && !err.contains("panicked"), "{err}");
    }
    let out = tune(&["--deadline", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let bench = |extra: &[&str]| {
        let mut a = vec!["bench", "ir-specs/matmul.kiln", "--shape", "M=8,N=8,K=8"];
        a.extend(extra);
        kiln_env(&a, dir.path(), &[])
    };
    for extra in [
        &["--seconds", "inf"][..],
        &["--seconds", "nan"],
        &["--seconds", "-1"],
        &["--threads", "100000000"],
        &["--threads", "0"],
    ] {
        let out = bench(extra);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let out = kiln_env(
        &[
            "compile",
            "ir-specs/matmul.kiln",
            "--shape",
            "M=8,N=8,K=8",
            "--emit",
            "ptx",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stages: mlir"));
}

#[test]
fn cache_dir_is_honoured_by_every_command() {
    let chosen = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let c = chosen.path().to_str().unwrap();
    // KILN_CACHE points elsewhere: only --cache can make these agree.
    let k = |args: &[&str]| kiln_env(args, other.path(), &[]);
    let mut args = vec!["tune"];
    args.extend(MM);
    args.extend(["--trials", "4", "--cache", c]);
    let r = json(&k(&args));
    assert_eq!(r["cached"], false);
    let o = chosen.path().join("o");
    let run = k(&[
        "run",
        "ir-specs/matmul.kiln",
        "--device",
        "cpu",
        "--random",
        "M=48,N=40,K=33",
        "--out",
        o.to_str().unwrap(),
        "--cache",
        c,
    ]);
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("tuned schedule from the cache"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let compile = k(&[
        "compile",
        "ir-specs/matmul.kiln",
        "--shape",
        "M=48,N=40,K=33",
        "--emit",
        "schedule",
        "--cache",
        c,
    ]);
    let s: serde_json::Value = serde_json::from_slice(&compile.stdout).unwrap();
    assert_eq!(s, r["best"]);
    let bench = k(&[
        "bench",
        "ir-specs/matmul.kiln",
        "--shape",
        "M=48,N=40,K=33",
        "--seconds",
        "0.05",
        "--cache",
        c,
    ]);
    assert!(String::from_utf8_lossy(&bench.stdout).contains("tuned schedule from the cache"));
    let ls = k(&["cache", "ls", "--cache", c]);
    assert!(String::from_utf8_lossy(&ls.stdout).contains(&r["key_id"].as_str().unwrap()[..12]));
    // Nothing leaked into the other directory's cache.
    let ls = k(&["cache", "ls"]);
    assert!(!String::from_utf8_lossy(&ls.stdout).contains("matmul"));
    // The key is the one the tuner builds: device fingerprint, and a
    // compiler id with this build's code generator and the LLVM it loaded.
    let show = k(&[
        "cache",
        "show",
        &r["key_id"].as_str().unwrap()[..12],
        "--cache",
        c,
    ]);
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(
        text.contains("codegen ") && text.contains("llvm 22."),
        "{text}"
    );
}

#[test]
fn concurrent_tunes_of_one_key_all_end_with_the_fastest_winner() {
    let dir = tempfile::tempdir().unwrap();
    let kids: Vec<_> = (0..4)
        .map(|seed| {
            Command::new(env!("CARGO_BIN_EXE_kiln"))
                .args([
                    "tune",
                    "ir-specs/matmul.kiln",
                    "--shape",
                    "M=40,N=40,K=40",
                    "--trials",
                    "4",
                    "--force",
                    "--seed",
                    &seed.to_string(),
                    "--json",
                ])
                .current_dir(root())
                .env("KILN_CACHE", dir.path())
                .output_async()
        })
        .collect();
    let reports: Vec<serde_json::Value> = kids.into_iter().map(|k| json(&k.wait())).collect();
    let fastest = reports
        .iter()
        .map(|r| r["best_s"].as_f64().unwrap())
        .fold(f64::INFINITY, f64::min);
    let ex = dir.path().join("e.json");
    assert!(
        kiln_env(&["cache", "export", ex.to_str().unwrap()], dir.path(), &[])
            .status
            .success()
    );
    let e: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ex).unwrap()).unwrap();
    let winners = e["winners"].as_array().unwrap();
    assert_eq!(winners.len(), 1, "one key, one winner");
    assert_eq!(winners[0]["median_s"].as_f64().unwrap(), fastest);
    // Each report's winner was at least as fast as the default, measured
    // interleaved in the same rounds.
    for r in &reports {
        assert!(
            r["best_s"].as_f64().unwrap() <= r["default_s"].as_f64().unwrap(),
            "{r}"
        );
    }
}

/// `Command::output` on a thread, so several run at once.
trait OutputAsync {
    fn output_async(&mut self) -> std::thread::JoinHandle<Output>;
}

impl OutputAsync for Command {
    fn output_async(&mut self) -> std::thread::JoinHandle<Output> {
        let child = self
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::spawn(move || child.wait_with_output().unwrap())
    }
}

/// Waits for a thread's output.
trait Wait {
    fn wait(self) -> Output;
}

impl Wait for std::thread::JoinHandle<Output> {
    fn wait(self) -> Output {
        self.join().unwrap()
    }
}

/// Trials stored for the cache in `dir`, in order.
fn stored_trials(dir: &Path) -> Vec<serde_json::Value> {
    let ex = dir.join("export.json");
    let out = kiln_env(&["cache", "export", ex.to_str().unwrap()], dir, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ex).unwrap()).unwrap();
    e["trials"].as_array().unwrap().clone()
}

#[test]
fn failures_are_charged_to_the_candidate_that_caused_them() {
    for (what, status) in [
        ("compile-crash", "crash"),
        ("compile-panic", "compile_error"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut args = vec!["tune"];
        args.extend(MM);
        let inject = format!("2:{what}");
        args.extend(["--trials", "6", "--inject", &inject]);
        let r = json(&kiln_env(&args, dir.path(), &[("KILN_TEST_INJECT", "1")]));
        assert_eq!(r["failures"][status], 1, "{what}: {r}");
        let trials = stored_trials(dir.path());
        // Candidate 2 compiled on the worker's compile thread while
        // candidate 1 was measured: candidate 1 must not be blamed.
        let statuses: Vec<&str> = trials
            .iter()
            .map(|t| t["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses[2], status, "{what}: {statuses:?}");
        assert!(
            statuses.iter().filter(|s| **s == status).count() == 1,
            "{what}: only candidate 2 fails: {statuses:?}"
        );
        assert!(
            ["ok", "abandoned"].contains(&statuses[1]),
            "{what}: candidate 1 kept its own result: {statuses:?}"
        );
        // The worker recovered: later candidates compiled and ran.
        assert!(
            statuses[3..]
                .iter()
                .any(|s| *s == "ok" || *s == "abandoned"),
            "{what}: {statuses:?}"
        );
        if what == "compile-panic" {
            let err = trials[2]["error"].as_str().unwrap();
            assert!(err.contains("panicked"), "{err}");
        }
    }
}

#[test]
fn a_stored_crash_is_retried_once_when_an_interrupted_tune_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let shape = ["ir-specs/matmul.kiln", "--shape", "M=64,N=48,K=40"];
    let mut args = vec!["tune"];
    args.extend(shape);
    args.extend(["--trials", "400", "--inject", "1:crash", "--json"]);
    let mut child = spawn_kiln(&args, dir.path(), &[("KILN_TEST_INJECT", "1")]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let crashed = loop {
        let trials = stored_trials(dir.path());
        if trials.len() >= 3 {
            if let Some(t) = trials.iter().find(|t| t["status"] == "crash") {
                break t["schedule"].clone();
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no crash stored in time"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    let mut args = vec!["tune"];
    args.extend(shape);
    args.extend(["--trials", "2", "--json"]);
    let r = json(&kiln_env(&args, dir.path(), &[]));
    assert_eq!(r["retried"], 1, "{r}");
    let runs: Vec<String> = stored_trials(dir.path())
        .iter()
        .filter(|t| t["schedule"] == crashed)
        .map(|t| t["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert_eq!(runs[0], "crash");
    assert!(runs[1] == "ok" || runs[1] == "abandoned", "{runs:?}");
}

#[test]
fn a_crashed_worker_is_reaped_and_its_stderr_kept() {
    use kiln_tuner::worker::{Outcome, Request, Worker};
    let src = "kernel k(x: f32[N]) -> (y: f32[N]) { y[i] = x[i] + 1.0; }";
    let k = kiln_ir::check_source(src).unwrap().remove(0);
    let sizes = std::collections::BTreeMap::from([("N".to_string(), 64)]);
    let spec = kiln_ir::Specialized::from_sizes(&k, &sizes).unwrap();
    let info = kiln_registry::open("cpu", &Default::default()).unwrap();
    let schedule = kiln_schedule::Schedule::default_for(&spec, &info.info().limits);
    let req = Request {
        source: src.into(),
        kernel: "k".into(),
        sizes,
        schedule,
        warmup_ms: 1,
        time_ms: 5,
        min_reps: 3,
        best_s: None,
        cold: false,
        verify: true,
        inject: None,
        overhead: false,
        prefetch: None,
        prefetch_inject: None,
        device: "cpu".into(),
        cache_dir: None,
        target: None,
    };
    // The test hook is read from the worker's environment.
    let mut w = Worker::new(env!("CARGO_BIN_EXE_kiln").into()).env("KILN_TEST_INJECT", "1");
    // Reaped: no /proc entry left (a zombie keeps one).
    let gone = |pid: u32| !Path::new(&format!("/proc/{pid}")).exists();
    let day = std::time::Duration::from_secs(60);
    let ok = w.request(&req, day).unwrap();
    assert!(matches!(ok, Outcome::Done(ref r) if r.status == "ok"));
    let pid = w.pid().unwrap();
    w.restart();
    assert!(gone(pid), "a restarted worker is reaped");
    let ok = w.request(&req, day).unwrap();
    assert!(matches!(ok, Outcome::Done(ref r) if r.status == "ok"));
    let pid = w.pid().unwrap();
    let crash = Request {
        inject: Some("crash".into()),
        ..req.clone()
    };
    let Outcome::Crashed(why) = w.request(&crash, day).unwrap() else {
        panic!("the injected crash was not seen")
    };
    assert!(
        why.contains("worker ended") && why.contains("SIGABRT"),
        "{why}"
    );
    assert!(gone(pid), "the crashed worker is reaped");
    assert!(w.pid().is_none());
    // The next request starts a fresh worker and succeeds.
    let again = w.request(&req, day).unwrap();
    assert!(matches!(again, Outcome::Done(ref r) if r.status == "ok"));
    let panicked = Request {
        inject: Some("compile-panic".into()),
        ..req
    };
    let out = w.request(&panicked, day).unwrap();
    let Outcome::Done(r) = out else {
        panic!("a compiler panic is a result, not a dead worker")
    };
    assert_eq!(r.status, "compile_error");
    assert!(r.error.unwrap().contains("injected compiler panic"));
}

#[test]
fn tune_many_tunes_a_job_file_and_a_rerun_answers_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs.toml");
    let spec = root().join("ir-specs");
    std::fs::write(
        &jobs,
        format!(
            "[budget]\ntrials = 2\ntime_per_trial_ms = 20\n\n[[job]]\nfile = \"{}\"\nkernel = \"row_sum\"\nsizes = [{{R = 8, C = 64}}, {{R = 16, C = 64}}]\n\n[[job]]\nfile = \"{}\"\nkernel = \"softmax\"\ndevice = \"cpu\"\nsizes = [{{R = 4, C = 32}}]\n",
            spec.join("row_sum.kiln").display(),
            spec.join("softmax.kiln").display()
        ),
    )
    .unwrap();
    let run = || {
        let out = kiln_env(&["tune-many", jobs.to_str().unwrap()], dir.path(), &[]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run();
    assert!(
        first.contains("speed-up") && first.contains("3 jobs"),
        "{first}"
    );
    let rows: Vec<&str> = first.lines().filter(|l| l.contains(" cpu ")).collect();
    assert_eq!(rows.len(), 3, "{first}");
    assert!(rows.iter().all(|r| r.contains(" tuned ")), "{first}");
    assert!(first.contains("row_sum C=64,R=8"), "{first}");
    let second = run();
    let rows: Vec<&str> = second.lines().filter(|l| l.contains(" cpu ")).collect();
    assert!(
        rows.len() == 3 && rows.iter().all(|r| r.contains(" cached ")),
        "{second}"
    );
}

#[test]
fn tune_many_names_bad_job_fields_and_a_missing_python() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs.toml");
    std::fs::write(
        &jobs,
        "[[job]]\nfile = \"k.kiln\"\nkernel = \"k\"\ncolour = 1\nsizes = [{N = 8}]\n",
    )
    .unwrap();
    let out = kiln_env(&["tune-many", jobs.to_str().unwrap()], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("colour") && err.contains("jobs.toml"), "{err}");
    std::fs::write(
        &jobs,
        "[[job]]\nfile = \"k.kiln\"\nkernel = \"k\"\ndevice = \"tpu\"\nsizes = [{N = 8}]\n",
    )
    .unwrap();
    let out = kiln_env(&["tune-many", jobs.to_str().unwrap()], dir.path(), &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("job[0].device: `tpu`"), "{err}");
    std::fs::write(
        &jobs,
        "[[job]]\nfile = \"k.kiln\"\nkernel = \"k\"\nsizes = [{N = 8}]\n",
    )
    .unwrap();
    let out = kiln_env(
        &[
            "tune-many",
            jobs.to_str().unwrap(),
            "--ray",
            "auto",
            "--python",
            "/nonexistent/python3",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--ray runs the kiln Python package") && err.contains("/nonexistent/python3"),
        "{err}"
    );
}

#[test]
fn tune_writes_its_time_to_quality_curve_and_cache_show_plots_it() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("curve.csv");
    let mut args = vec!["tune"];
    args.extend(MM);
    args.extend(["--trials", "5", "--curve", csv.to_str().unwrap()]);
    let r = json(&kiln_env(&args, dir.path(), &[]));
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("trial,seconds,status,median_s,best_s"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows.len(),
        r["trials_run"].as_u64().unwrap() as usize,
        "{text}"
    );
    let bests: Vec<f64> = rows.iter().filter_map(|r| r[4].parse().ok()).collect();
    assert!(
        !bests.is_empty() && bests.windows(2).all(|w| w[1] <= w[0]),
        "{text}"
    );
    let secs: Vec<f64> = rows.iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(secs.windows(2).all(|w| w[1] >= w[0]), "{text}");
    // JSON when the name does not end in .csv.
    let js = dir.path().join("curve.json");
    let mut args = vec!["tune"];
    args.extend(MM);
    args.extend(["--trials", "2", "--force", "--curve", js.to_str().unwrap()]);
    json(&kiln_env(&args, dir.path(), &[]));
    let pts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&js).unwrap()).unwrap();
    assert!(
        pts[0]["trial"] == 1 && pts[0]["best_s"].is_number(),
        "{pts}"
    );
    let svg = dir.path().join("curve.svg");
    let key = r["key_id"].as_str().unwrap();
    let out = kiln_env(
        &[
            "cache",
            "show",
            &key[..12],
            "--plot",
            "--svg",
            svg.to_str().unwrap(),
        ],
        dir.path(),
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("best so far") && shown.contains(" ms |*"),
        "{shown}"
    );
    let doc = std::fs::read_to_string(&svg).unwrap();
    assert!(
        doc.starts_with("<svg") && doc.contains("<polyline"),
        "{doc}"
    );
}
