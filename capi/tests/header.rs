//! The committed `include/kiln.h` is what cbindgen generates from the
//! crate now (`BLESS=1 cargo test -p kiln-capi` rewrites it).

#[test]
fn committed_header_matches_the_generated_one() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/kiln.h"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/include/kiln.h");
    if std::env::var("BLESS").is_ok() {
        std::fs::write(path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap();
    assert!(
        committed == generated,
        "include/kiln.h is stale: BLESS=1 cargo test -p kiln-capi --test header"
    );
}
