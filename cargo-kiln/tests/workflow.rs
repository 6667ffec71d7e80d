//! The whole `cargo kiln` workflow on a small crate: status says missing,
//! tune fills the cache, lock writes kiln.lock, `kiln compile --lock` uses
//! the locked winner, and editing the kernel makes the lock stale (status
//! and a warning say why).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KERNEL: &str = "kernel scale(x: f32[N]) -> (y: f32[N]) { y[i] = x[i] * 2.0; }\n";

fn kiln_bin() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_BIN_EXE_cargo-kiln")).with_file_name("kiln");
    assert!(
        p.is_file(),
        "{} is built with the workspace (cargo build -p kiln-cli)",
        p.display()
    );
    p
}

fn run(c: &mut Command) -> (String, String) {
    let o: Output = c.output().unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    );
    assert!(o.status.success(), "{c:?}\n{out}\n{err}");
    (out, err)
}

fn cargo_kiln(dir: &Path, cache: &Path, args: &[&str]) -> (String, String) {
    run(Command::new(env!("CARGO_BIN_EXE_cargo-kiln"))
        .arg("kiln")
        .args(args)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .arg("--cache")
        .arg(cache)
        .env("KILN_WORKER", kiln_bin()))
}

#[test]
fn status_tune_lock_and_stale_locks() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let d = dir.path();
    std::fs::write(
        d.join("Cargo.toml"),
        r#"[package]
name = "demo"
version = "0.1.0"
edition = "2021"

[package.metadata.kiln]
[[package.metadata.kiln.kernels]]
file = "k.kiln"
kernel = "scale"
shapes = ["N=4096"]
"#,
    )
    .unwrap();
    std::fs::write(d.join("k.kiln"), KERNEL).unwrap();

    let (out, _) = cargo_kiln(d, &cache, &["status"]);
    assert!(
        out.contains("scale") && out.contains("N=4096") && out.contains("missing"),
        "{out}"
    );

    cargo_kiln(d, &cache, &["tune", "--time", "3s"]);
    let (out, _) = cargo_kiln(d, &cache, &["status"]);
    assert!(
        out.contains("tuned (") && out.contains("not locked"),
        "{out}"
    );

    let (out, _) = cargo_kiln(d, &cache, &["lock"]);
    assert!(out.contains("1 of 1 winners locked"), "{out}");
    let lock = std::fs::read_to_string(d.join("kiln.lock")).unwrap();
    assert!(
        lock.contains("\"kernel\": \"scale\"") && lock.contains("\"version\": 1"),
        "{lock}"
    );
    let (out, _) = cargo_kiln(d, &cache, &["status"]);
    assert!(out.contains("locked ("), "{out}");

    // The build uses the locked winner, even with an empty cache.
    let empty = dir.path().join("empty-cache");
    let compile = |cache: &Path| {
        run(Command::new(kiln_bin())
            .arg("compile")
            .arg(d.join("k.kiln"))
            .args(["--shape", "N=4096", "--out"])
            .arg(d.join("art"))
            .arg("--lock")
            .arg(d.join("kiln.lock"))
            .arg("--cache")
            .arg(cache))
    };
    let (_, err) = compile(&empty);
    assert!(err.contains("tuned schedule from the lock"), "{err}");
    let m = std::fs::read_to_string(d.join("art/manifest.json")).unwrap();
    assert!(m.contains("\"tuned\": true"), "{m}");

    // Edit the kernel: the lock is stale, and says why.
    std::fs::write(d.join("k.kiln"), KERNEL.replace("2.0", "3.0")).unwrap();
    let (out, _) = cargo_kiln(d, &cache, &["status"]);
    assert!(out.contains("stale (the kernel's text changed)"), "{out}");
    let (_, err) = compile(&empty);
    assert!(err.contains("warning:") && err.contains("stale"), "{err}");
    assert!(err.contains("default schedule"), "{err}");
}

/// kiln-build on a kernel with an error: the build fails with kiln's
/// diagnostic, source span included; on a good one it emits the link and
/// rerun directives and the typed bindings.
#[test]
fn kiln_build_fails_with_the_diagnostic_and_emits_bindings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let toml = r#"[package]
name = "demo"
[package.metadata.kiln]
[[package.metadata.kiln.kernels]]
file = "k.kiln"
kernel = "scale"
shapes = ["N=64"]
"#;
    let meta = kiln_build::Metadata::parse(toml).unwrap();
    std::fs::write(
        d.join("k.kiln"),
        "kernel scale(x: f32[N]) -> (y: f32[N]) { y[i] = x[i] * z; }\n",
    )
    .unwrap();
    let out = d.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let e = kiln_build::compile_with(&meta, d, &out, &kiln_bin())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("scale") && e.contains('z') && e.contains("k.kiln"),
        "{e}"
    );
    std::fs::write(d.join("k.kiln"), KERNEL).unwrap();
    let lines = kiln_build::compile_with(&meta, d, &out, &kiln_bin()).unwrap();
    let has = |s: &str| lines.iter().any(|l| l.contains(s));
    assert!(has("cargo:rustc-link-lib=static=kiln_kernels"), "{lines:?}");
    assert!(has("cargo:rerun-if-changed=") && has("k.kiln"), "{lines:?}");
    assert!(out.join("libkiln_kernels.a").is_file());
    let rs = std::fs::read_to_string(out.join("kiln_kernels.rs")).unwrap();
    assert!(
        rs.contains("pub fn scale(x: &[f32], y: &mut [f32])"),
        "{rs}"
    );
}
