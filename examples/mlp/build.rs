// Compiles kernels/mlp.kiln as [package.metadata.kiln] lists it, links the
// machine code and writes the typed bindings (OUT_DIR/kiln_kernels.rs).
fn main() {
    if let Err(e) = kiln_build::compile() {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
