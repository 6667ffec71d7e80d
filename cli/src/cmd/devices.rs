//! `kiln devices`.

use std::process::ExitCode;

/// Lists the interpreter and every backend's devices (or why it has none).
pub fn devices() -> anyhow::Result<ExitCode> {
    println!(
        "interp: reference interpreter (exact language semantics, all kernels, slow; the oracle)"
    );
    for l in kiln::devices() {
        match l.devices {
            Ok(ds) => {
                for d in ds {
                    println!("{}", d.description);
                }
            }
            Err(why) => println!("{}: none ({why})", l.kind),
        }
    }
    Ok(ExitCode::SUCCESS)
}
