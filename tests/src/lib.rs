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

/// Every kernel of the `.kiln` files in a folder of the workspace.
pub fn kernels_in(dir: &str) -> Vec<kiln_ir::Kernel> {
    kiln_files(dir)
        .iter()
        .flat_map(|f| {
            let src = std::fs::read_to_string(f).expect("readable kernel file");
            kiln_ir::check_source(&src).unwrap_or_else(|d| panic!("{}: {d:?}", f.display()))
        })
        .collect()
}

/// The corner kernels every backend is stress-tested with under random
/// schedules: the header-less files of `tests/filetests/` (rank-0
/// outputs, strided and reversed reads, every reduction operator, dtype
/// mixes). The other filetests carry their own inputs and expectations.
pub fn corner_kernels() -> Vec<kiln_ir::Kernel> {
    [
        "tests/filetests/edge_cases.kiln",
        "tests/filetests/mixed_types.kiln",
    ]
    .iter()
    .flat_map(|f| {
        let src = read(f);
        kiln_ir::check_source(&src).unwrap_or_else(|d| panic!("{f}: {d:?}"))
    })
    .collect()
}

/// The kernel named `name` in any file of `ir-specs/`.
pub fn library_kernel(name: &str) -> kiln_ir::Kernel {
    kernels_in("ir-specs")
        .into_iter()
        .find(|k| k.name == name)
        .unwrap_or_else(|| panic!("no kernel {name} in ir-specs"))
}

/// Size sets of the differential tests: primes, all ones, and sizes that
/// no power-of-two tile or work-group divides.
pub const SIZE_SETS: [&[i64]; 3] = [
    &[7, 13, 17, 19, 23, 31, 37],
    &[1],
    &[1, 2, 5, 16, 33, 64, 67],
];

/// Sizes drawn from `set`, shrunk until the kernel accepts them and its
/// work stays cheap for the interpreter (at most 400 000 iterations); a
/// kernel that rejects a set (all ones where `H / 2` must be positive)
/// falls back to the next set.
pub fn test_sizes(
    k: &kiln_ir::Kernel,
    set: &[i64],
    rng: &mut impl rand::Rng,
) -> std::collections::BTreeMap<String, i64> {
    let mut cap = i64::MAX;
    let mut set = set;
    let mut tries = 0;
    loop {
        tries += 1;
        if tries % 40 == 0 {
            set = SIZE_SETS[(tries / 40) % 3];
            cap = i64::MAX;
        }
        let s: std::collections::BTreeMap<String, i64> = k
            .symbols
            .iter()
            .map(|(_, s)| {
                (
                    s.name.clone(),
                    set[rng.gen_range(0..set.len())].min(cap).max(1),
                )
            })
            .collect();
        if let Ok(spec) = kiln_ir::Specialized::from_sizes(k, &s) {
            let work: usize = (0..k.stmts.len())
                .map(|i| spec.domain(i).iter().product::<usize>())
                .sum();
            if work <= 400_000 {
                return s;
            }
        }
        cap = if cap == i64::MAX {
            16
        } else {
            (cap - 1).max(1)
        };
    }
}
