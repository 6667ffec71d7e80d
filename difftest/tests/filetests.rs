//! Every file of `tests/filetests/` on the interpreter and every device
//! (`cpu`, `opencl:0`; see `kiln_difftest::test_devices`): the
//! interpreter matches the file's expectations exactly, and every device
//! under the default and random schedules matches the interpreter.

use kiln_difftest::filetest::run_file;

#[test]
fn filetests() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/filetests")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "kiln"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "the corner cases live in {}",
        root.display()
    );
    let devices = kiln_difftest::test_devices(None);
    let mut fails = Vec::new();
    let mut runs = 0;
    for f in &files {
        let (f, n) = run_file(f, &devices);
        fails.extend(f);
        runs += n;
    }
    eprintln!("filetests: {} files, {runs} device runs", files.len());
    assert!(
        fails.is_empty(),
        "{} failures:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

/// The harness itself fails on a wrong expectation and on a device that
/// disagrees (a file with a deliberately wrong `expect`).
#[test]
fn a_wrong_expectation_fails() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wrong.kiln");
    std::fs::write(
        &p,
        "// sizes: N=2\n// input x: [1, 2]\n// expect y: [2, 5]\nkernel k(x: i32[N]) -> (y: i32[N]) { y[i] = x[i] * 2; }\n",
    )
    .unwrap();
    let (fails, _) = run_file(&p, &[]);
    assert_eq!(fails.len(), 1, "{fails:?}");
    assert!(
        fails[0].contains("`y`[1] = 4e0, the file expects 5e0"),
        "{}",
        fails[0]
    );
    std::fs::write(
        &p,
        "// sizes: N=2\n// expect: error div-by-zero\nkernel k(x: i32[N]) -> (y: i32[N]) { y[i] = x[i] / 1; }\n",
    )
    .unwrap();
    let (fails, _) = run_file(&p, &[]);
    assert!(
        fails
            .iter()
            .any(|f| f.contains("expected error `div-by-zero`")),
        "{fails:?}"
    );
    std::fs::write(
        &p,
        "// sizse: N=2\nkernel k(x: i32[N]) -> (y: i32[N]) { y[i] = x[i]; }\n",
    )
    .unwrap();
    let (fails, _) = run_file(&p, &[]);
    assert!(fails[0].contains("unknown directive `sizse`"), "{fails:?}");
}
