//! Fixes the code generator's build identity at build time: a hash of the
//! sources of every crate that can change generated code (the compiler
//! and backend crates, their manifests) and of Cargo.lock. It enters
//! cache keys, so a winner tuned by other code is never served.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if p.is_dir() {
            // Tests, benches and golden files do not change generated code.
            if !matches!(name.as_str(), "tests" | "benches" | "target") {
                files(&p, out);
            }
        } else if name.ends_with(".rs") || name == "Cargo.toml" {
            out.push(p);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("..");
    let mut list = Vec::new();
    for d in ["compiler", "backends", "tuner/src"] {
        let dir = root.join(d);
        println!("cargo:rerun-if-changed={}", dir.display());
        files(&dir, &mut list);
    }
    let lock = root.join("Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    list.push(lock);
    list.sort();
    let mut h = blake3::Hasher::new();
    for f in &list {
        let rel = f.strip_prefix(&root).unwrap_or(f);
        h.update(rel.to_string_lossy().as_bytes());
        h.update(&std::fs::read(f).unwrap_or_default());
    }
    let id = if list.len() > 1 {
        h.finalize().to_hex()[..16].to_string()
    } else {
        "unknown".to_string()
    };
    println!("cargo:rustc-env=KILN_CODEGEN_ID={id}");
}
