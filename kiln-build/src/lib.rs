//! Build-time compilation of kiln kernels, for `build.rs`.
//!
//! ```no_run
//! // in build.rs's `main`:
//! if let Err(e) = kiln_build::compile() {
//!     eprintln!("{e}");
//!     std::process::exit(1);
//! }
//! ```
//! reads `[package.metadata.kiln]` of the crate's Cargo.toml
//! ([`Metadata`]), runs the installed `kiln` (`$KILN`, else `kiln` on
//! `PATH`, as prost-build runs protoc) to compile every kernel at every
//! shape set into `OUT_DIR/kiln/` (an artifact directory), archives the
//! objects into a static library the crate links, and writes typed
//! bindings to `OUT_DIR/kiln_kernels.rs`:
//! ```ignore
//! include!(concat!(env!("OUT_DIR"), "/kiln_kernels.rs"));
//! kernels::matmul(&a, &b, &mut c)?;   // slices; lengths checked, errors name the argument
//! ```
//! The generated code calls `kiln-rt`, which the crate depends on; no LLVM
//! is linked. Schedules: the locked winner (`kiln.lock`) for this device
//! when it is current, else the cache's tuned winner, else the default; a
//! stale locked winner is a `cargo:warning`. Tuning happens in `build.rs`
//! only with `KILN_TUNE=1` (else use `cargo kiln tune`). A kernel error
//! fails the build with kiln's diagnostic (source span included).

use kiln_device::manifest::{KernelArtifact, Manifest};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `[package.metadata.kiln]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Devices to compile for (kiln-build links `cpu` kernels).
    #[serde(default = "cpu")]
    pub devices: Vec<String>,
    /// The lock file, relative to the crate (default `kiln.lock`).
    #[serde(default = "lock")]
    pub lock: String,
    /// The kernels.
    pub kernels: Vec<KernelSpec>,
}

fn cpu() -> Vec<String> {
    vec!["cpu".into()]
}

fn lock() -> String {
    "kiln.lock".into()
}

/// One kernel and the shape sets it is compiled for.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KernelSpec {
    /// `.kiln` file, relative to the crate.
    pub file: String,
    /// Kernel name in the file.
    pub kernel: String,
    /// Shape sets: `M=64,N=256,K=128`.
    pub shapes: Vec<String>,
}

/// What can go wrong, with what to do.
#[derive(Debug)]
pub enum Error {
    /// `kiln` was not found.
    NoKiln(String),
    /// Cargo.toml or its metadata is unreadable or wrong.
    Metadata(String),
    /// kiln failed (its stderr, diagnostics with spans included).
    Kiln(String),
    /// Archiving or writing the bindings failed.
    Io(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NoKiln(s) | Error::Metadata(s) | Error::Kiln(s) | Error::Io(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for Error {}

impl Metadata {
    /// `[package.metadata.kiln]` of the Cargo.toml at `path`.
    pub fn read(path: &Path) -> Result<Metadata, Error> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Metadata(format!("{}: {e}", path.display())))?;
        Metadata::parse(&text).map_err(|e| Error::Metadata(format!("{}: {e}", path.display())))
    }

    /// Parses the `[package.metadata.kiln]` table of a Cargo.toml's text.
    pub fn parse(cargo_toml: &str) -> Result<Metadata, String> {
        let v: toml::Table = cargo_toml.parse().map_err(|e| format!("{e}"))?;
        let t = v
            .get("package")
            .and_then(|p| p.get("metadata"))
            .and_then(|m| m.get("kiln"))
            .ok_or("no [package.metadata.kiln] table")?;
        t.clone()
            .try_into()
            .map_err(|e| format!("[package.metadata.kiln]: {e}"))
    }
}

/// The `kiln` to run: `$KILN`, else `kiln` on `PATH`.
pub fn find_kiln() -> Result<PathBuf, Error> {
    find_kiln_in(std::env::var_os("KILN"), std::env::var_os("PATH"))
}

/// [`find_kiln`] with the two variables given.
fn find_kiln_in(
    kiln: Option<std::ffi::OsString>,
    path: Option<std::ffi::OsString>,
) -> Result<PathBuf, Error> {
    if let Some(p) = kiln {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        return Err(Error::NoKiln(format!(
            "KILN={} is not a file; point it at the kiln binary (cargo build -p kiln-cli: target/debug/kiln)",
            p.display()
        )));
    }
    let path = path.unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("kiln"))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            Error::NoKiln(
                "kiln was not found: set KILN to the kiln binary, or put `kiln` on PATH (cargo install --path cli)"
                    .into(),
            )
        })
}

/// Compiles the kernels of the running build script's crate (reads
/// `CARGO_MANIFEST_DIR/Cargo.toml`, writes to `OUT_DIR`) and prints the
/// cargo directives. See the crate docs.
pub fn compile() -> Result<(), Error> {
    let var = |v: &str| {
        std::env::var_os(v).map(PathBuf::from).ok_or_else(|| {
            Error::Metadata(format!(
                "{v} is not set: call kiln_build::compile from build.rs"
            ))
        })
    };
    let crate_dir = var("CARGO_MANIFEST_DIR")?;
    let out = var("OUT_DIR")?;
    let meta = Metadata::read(&crate_dir.join("Cargo.toml"))?;
    for line in compile_with(&meta, &crate_dir, &out, &find_kiln()?)? {
        println!("{line}");
    }
    Ok(())
}

/// Compiles `meta`'s kernels (paths relative to `crate_dir`) into `out`
/// with the kiln binary `kiln`; returns the cargo directives to print.
pub fn compile_with(
    meta: &Metadata,
    crate_dir: &Path,
    out: &Path,
    kiln: &Path,
) -> Result<Vec<String>, Error> {
    let mut directives = vec![
        "cargo:rerun-if-env-changed=KILN".to_string(),
        "cargo:rerun-if-env-changed=KILN_TUNE".to_string(),
        "cargo:rerun-if-changed=Cargo.toml".to_string(),
    ];
    let lock = crate_dir.join(&meta.lock);
    directives.push(format!("cargo:rerun-if-changed={}", lock.display()));
    let dir = out.join("kiln");
    // A fresh directory: the manifest then holds exactly this build's kernels.
    let _ = std::fs::remove_dir_all(&dir);
    let tune = std::env::var("KILN_TUNE").is_ok_and(|v| v == "1");
    for device in &meta.devices {
        if device != "cpu" {
            return Err(Error::Metadata(format!(
                "device `{device}`: kiln-build links CPU kernels; run other devices' artifacts with kiln-rt"
            )));
        }
        for k in &meta.kernels {
            let file = crate_dir.join(&k.file);
            directives.push(format!("cargo:rerun-if-changed={}", file.display()));
            for shape in &k.shapes {
                let base = |cmd: &str| {
                    let mut c = Command::new(kiln);
                    c.arg(cmd)
                        .arg(&file)
                        .args(["--kernel", &k.kernel, "--shape", shape, "--device", device]);
                    c
                };
                if tune {
                    run(base("tune").args(["--time", "60s"]), &k.kernel)?;
                }
                let mut c = base("compile");
                c.arg("--out").arg(&dir);
                if lock.is_file() {
                    c.arg("--lock").arg(&lock);
                }
                let stderr = run(&mut c, &k.kernel)?;
                for l in stderr.lines().filter(|l| l.contains("warning:")) {
                    directives.push(format!("cargo:warning={l}"));
                }
            }
        }
    }
    let manifest = Manifest::read(&dir).map_err(|e| Error::Io(e.to_string()))?;
    archive(&dir, &manifest, out)?;
    directives.push(format!("cargo:rustc-link-search=native={}", out.display()));
    directives.push("cargo:rustc-link-lib=static=kiln_kernels".into());
    directives.push("cargo:rustc-link-lib=m".into());
    let rs = bindings(&manifest);
    std::fs::write(out.join("kiln_kernels.rs"), rs)
        .map_err(|e| Error::Io(format!("{}: {e}", out.display())))?;
    Ok(directives)
}

/// Runs kiln; on failure, its stderr (the diagnostic) is the error.
fn run(c: &mut Command, kernel: &str) -> Result<String, Error> {
    let o = c
        .output()
        .map_err(|e| Error::NoKiln(format!("cannot run kiln: {e}")))?;
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    if !o.status.success() {
        return Err(Error::Kiln(format!(
            "kiln failed for kernel `{kernel}`:\n{stderr}"
        )));
    }
    Ok(stderr)
}

/// `ar rcs out/libkiln_kernels.a <objects>`.
fn archive(dir: &Path, m: &Manifest, out: &Path) -> Result<(), Error> {
    let lib = out.join("libkiln_kernels.a");
    let _ = std::fs::remove_file(&lib);
    let ar = std::env::var("AR").unwrap_or_else(|_| "ar".into());
    let mut c = Command::new(&ar);
    c.arg("rcs").arg(&lib);
    for k in &m.kernels {
        let o = k
            .files
            .get("object")
            .ok_or_else(|| Error::Io(format!("kernel `{}` has no object file", k.prefix)))?;
        c.arg(dir.join(o));
    }
    let o = c
        .output()
        .map_err(|e| Error::Io(format!("cannot run `{ar}`: {e}")))?;
    if !o.status.success() {
        return Err(Error::Io(format!(
            "`{ar} rcs` failed: {}",
            String::from_utf8_lossy(&o.stderr)
        )));
    }
    Ok(())
}

fn rust_type(d: kiln_device::manifest::TensorEntry) -> (&'static str, &'static str) {
    match d.sig.dtype.name() {
        "f16" => ("kiln_rt::f16", "F16"),
        "f64" => ("f64", "F64"),
        "i32" => ("i32", "I32"),
        _ => ("f32", "F32"),
    }
}

/// A Rust identifier from a kiln name (`matmul`, `M=64` -> `m64`).
fn ident(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The typed bindings: one function per kernel and shape set.
pub fn bindings(m: &Manifest) -> String {
    let mut s = String::from(
        "// Generated by kiln-build from the artifact manifest; do not edit.\n\
         /// The crate's kiln kernels, compiled at build time and linked in.\n\
         #[allow(dead_code, clippy::all, clippy::pedantic)]\n\
         pub mod kernels {\n    use kiln_rt::{DeviceError, Kernel, Slice, SliceMut, TensorMut, TensorRef};\n    use std::sync::OnceLock;\n\n    // Declared only to take their addresses (kiln_rt::Kernel::linked\n    // calls them with their real signatures).\n    unsafe extern \"C\" {\n",
    );
    for k in &m.kernels {
        for l in &k.launches {
            let _ = writeln!(s, "        fn {}();", l.symbol);
        }
    }
    s.push_str("    }\n");
    for k in &m.kernels {
        let many = m.kernels.iter().filter(|x| x.name == k.name).count() > 1;
        let name = if many {
            let sz: Vec<String> = k.sizes.iter().map(|(n, v)| format!("{n}{v}")).collect();
            format!("{}_{}", ident(&k.name), ident(&sz.join("_")))
        } else {
            ident(&k.name)
        };
        function(&mut s, k, &name);
    }
    s.push_str("}\n");
    s
}

fn function(s: &mut String, k: &KernelArtifact, name: &str) {
    let json = serde_json::to_string(k).expect("manifests serialize");
    let upper = name.to_uppercase();
    let arg = |i: usize| ident(&k.tensors[i].sig.name);
    let sig_text = |ids: &[usize]| {
        ids.iter()
            .map(|&i| {
                format!(
                    "{}: {}{:?}",
                    k.tensors[i].sig.name,
                    k.tensors[i].sig.dtype.name(),
                    k.tensors[i].sig.shape
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sizes: Vec<String> = k.sizes.iter().map(|(n, v)| format!("{n}={v}")).collect();
    let _ = writeln!(
        s,
        "\n    const {upper}_MANIFEST: &str = r###\"{json}\"###;\n    static {upper}: OnceLock<Kernel> = OnceLock::new();\n\n    /// `{}` at {}: ({}) -> ({}). Scalars are passed by value; tensors\n    /// are row-major slices of exactly their element count (checked: the\n    /// error names the argument).",
        k.name,
        sizes.join(", "),
        sig_text(&k.inputs),
        sig_text(&k.outputs)
    );
    let mut params = Vec::new();
    for &i in &k.inputs {
        let (ty, _) = rust_type(k.tensors[i].clone());
        params.push(if k.tensors[i].sig.shape.is_empty() {
            format!("{}: {ty}", arg(i))
        } else {
            format!("{}: &[{ty}]", arg(i))
        });
    }
    for &i in &k.outputs {
        let (ty, _) = rust_type(k.tensors[i].clone());
        params.push(if k.tensors[i].sig.shape.is_empty() {
            format!("{}: &mut {ty}", arg(i))
        } else {
            format!("{}: &mut [{ty}]", arg(i))
        });
    }
    let _ = writeln!(
        s,
        "    pub fn {name}({}) -> Result<(), DeviceError> {{",
        params.join(", ")
    );
    let addrs: Vec<String> = k
        .launches
        .iter()
        .map(|l| format!("{} as *const () as usize", l.symbol))
        .collect();
    let _ = writeln!(
        s,
        "        let k = {upper}.get_or_init(|| {{\n            // SAFETY: the addresses are this manifest entry's launch symbols,\n            // linked from the object kiln compiled with it.\n            unsafe {{ Kernel::linked({upper}_MANIFEST, &[{}]) }}\n                .expect(\"kiln-build wrote a valid manifest entry\")\n        }});",
        addrs.join(", ")
    );
    let view = |i: usize, m: bool| {
        let t = &k.tensors[i];
        let (_, variant) = rust_type(t.clone());
        let data = if t.sig.shape.is_empty() {
            if m {
                format!("std::slice::from_mut({})", arg(i))
            } else {
                format!("std::slice::from_ref(&{})", arg(i))
            }
        } else {
            arg(i)
        };
        let (ty, sl) = if m {
            ("TensorMut", "SliceMut")
        } else {
            ("TensorRef", "Slice")
        };
        format!(
            "{ty} {{ shape: &{:?}, data: {sl}::{variant}({data}) }}",
            t.sig.shape
        )
    };
    let ins: Vec<String> = k.inputs.iter().map(|&i| view(i, false)).collect();
    let outs: Vec<String> = k.outputs.iter().map(|&i| view(i, true)).collect();
    let _ = writeln!(
        s,
        "        k.run_views(&[{}], &mut [{}])\n    }}",
        ins.join(", "),
        outs.join(", ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_parses_and_names_what_is_wrong() {
        let m = Metadata::parse(
            r#"
[package]
name = "x"
[package.metadata.kiln]
[[package.metadata.kiln.kernels]]
file = "k.kiln"
kernel = "matmul"
shapes = ["M=4,N=4,K=4", "M=8,N=8,K=8"]
"#,
        )
        .unwrap();
        assert_eq!(m.devices, ["cpu"]);
        assert_eq!(m.lock, "kiln.lock");
        assert_eq!(m.kernels[0].shapes.len(), 2);
        let e = Metadata::parse("[package]\nname = \"x\"\n").unwrap_err();
        assert!(e.contains("no [package.metadata.kiln]"), "{e}");
        let e = Metadata::parse("[package.metadata.kiln]\nkernels = []\nshapes = 1\n").unwrap_err();
        assert!(e.contains("shapes"), "{e}");
    }

    #[test]
    fn a_missing_kiln_names_both_places_looked() {
        let empty = tempfile::tempdir().unwrap();
        let path = Some(empty.path().as_os_str().to_owned());
        let e = find_kiln_in(None, path.clone()).unwrap_err().to_string();
        assert!(e.contains("KILN") && e.contains("PATH"), "{e}");
        let e = find_kiln_in(Some("/no/such/kiln".into()), path.clone())
            .unwrap_err()
            .to_string();
        assert!(e.contains("KILN=/no/such/kiln"), "{e}");
        std::fs::write(empty.path().join("kiln"), "").unwrap();
        assert_eq!(find_kiln_in(None, path).unwrap(), empty.path().join("kiln"));
    }
}
