//! The generator writes only kernels the front end accepts, at sizes the
//! specializer accepts (no device needed): a rejected kernel would be a
//! generator bug that hides part of the fuzzer's reach.

use rand::SeedableRng;

#[test]
fn generated_kernels_are_valid() {
    let mut bad = Vec::new();
    for seed in 0..5000u64 {
        let c = kiln_difftest::gen::case(&mut rand::rngs::StdRng::seed_from_u64(seed));
        let src = c.kernel.source();
        match kiln_ir::check_source(&src) {
            Ok(ks) => {
                if let Err(d) = kiln_ir::Specialized::from_sizes(&ks[0], &c.sizes) {
                    bad.push(format!("seed {seed}: {d}\n{src}"));
                }
            }
            Err(d) => bad.push(format!("seed {seed}: {}\n{src}", d[0])),
        }
    }
    assert!(
        bad.is_empty(),
        "{} of 5000 rejected:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
