//! The C ABI from C: `tests/c/main.c` is compiled with `cc` against
//! `include/kiln.h`, linked with the crate's shared library, and run on an
//! artifact directory made here (what `kiln compile --out` writes).

use std::path::PathBuf;
use std::process::Command;

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
";

/// The directory holding `libkiln_capi.so` of this build.
fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    [deps.to_path_buf(), deps.parent().unwrap().to_path_buf()]
        .into_iter()
        .find(|d| d.join("libkiln_capi.so").is_file())
        .expect("libkiln_capi.so is built with the tests (crate-type cdylib)")
}

#[test]
fn a_c_program_runs_artifacts_and_compiled_kernels() {
    let work = tempfile::tempdir().unwrap();
    let art = work.path().join("artifacts");
    let cache = work.path().join("cache");
    let kiln = kiln::Kiln::with_cache_dir(&cache);
    let m = kiln::Module::parse("capi.kiln", SRC).unwrap();
    let cpu = kiln.device("cpu").unwrap();
    for (name, sizes) in [
        ("matmul", vec![("M", 33), ("N", 17), ("K", 29)]),
        ("softmax", vec![("R", 7), ("C", 50)]),
    ] {
        let spec = m
            .kernel(name)
            .unwrap()
            .specialize(&kiln::sizes(sizes))
            .unwrap();
        kiln.export(&spec, &cpu, kiln::ScheduleChoice::Default, &art)
            .unwrap();
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = work.path().join("main");
    let libs = lib_dir();
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let out = Command::new(&cc)
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(root.join("include"))
        .arg(root.join("tests/c/main.c"))
        .arg("-o")
        .arg(&exe)
        .arg(format!("-L{}", libs.display()))
        .arg("-lkiln_capi")
        .arg(format!("-Wl,-rpath,{}", libs.display()))
        .arg("-lm")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cc failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(&exe).arg(&art).arg(&cache).output().unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    for line in [
        "artifact matmul ok",
        "artifact softmax ok",
        "compiled matmul ok",
        "source error reported",
        "all ok",
    ] {
        assert!(
            stdout.contains(line),
            "missing `{line}`:\n{stdout}\n{stderr}"
        );
    }
}
