//! Helpers shared by the workspace-level tests in `tests/tests/`.
//!
//! Golden files are compared byte for byte; run with `BLESS=1` to rewrite
//! them after an intended change, then review the diff.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// `.kiln` files in a folder of the workspace, sorted.
pub fn kiln_files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "kiln"))
        .collect();
    v.sort();
    v
}

/// Compares `actual` with the golden file `path`, or rewrites it under `BLESS=1`.
/// Returns a description of the mismatch, if any.
pub fn golden(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, actual).expect("write golden");
        return None;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    (expected != actual).then(|| {
        format!(
            "golden mismatch for {}\n--- expected\n{expected}\n--- actual\n{actual}\n(run with BLESS=1 to accept)",
            path.display()
        )
    })
}

/// Asserts that no golden mismatched.
pub fn assert_goldens(mismatches: Vec<String>) {
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}

/// Reads a workspace file relative to the root.
pub fn read(rel: impl AsRef<Path>) -> String {
    let p = root().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// The single kernel named `name` of a source file in the workspace.
pub fn kernel(rel: &str, name: &str) -> kiln_ir::Kernel {
    let src = read(rel);
    let kernels = kiln_ir::check_source(&src).unwrap_or_else(|d| panic!("{rel}: {d:?}"));
    kernels
        .into_iter()
        .find(|k| k.name == name)
        .unwrap_or_else(|| panic!("no kernel {name} in {rel}"))
}
