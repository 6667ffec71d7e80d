//! Artifacts of the CPU backend: a relocatable PIC object per kernel, the
//! same code linked as a shared library (by the system C compiler, `$CC`
//! or `cc`), and the manifest entry `kiln-rt` launches it from.

use crate::CpuCompiler;
use kiln_device::manifest::{
    GroupEntry, KernelArtifact, LaunchEntry, Provenance, Role, TensorEntry,
};
use kiln_device::{DeviceError, DeviceInfo, Signature};
use kiln_ir::ir::TensorKind;
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn io(what: &Path) -> impl Fn(std::io::Error) -> DeviceError + '_ {
    move |e| DeviceError::Runtime(format!("{}: {e}", what.display()))
}

/// Links `obj` into the shared library `so` with the system C compiler.
fn link_shared(obj: &Path, so: &Path) -> Result<(), DeviceError> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let out = Command::new(&cc)
        .args(["-shared", "-o"])
        .arg(so)
        .arg(obj)
        .arg("-lm")
        .output()
        .map_err(|e| {
            DeviceError::Runtime(format!(
                "cannot run the C compiler `{cc}` to link {} ({e}); install gcc or set CC",
                so.display()
            ))
        })?;
    if !out.status.success() {
        return Err(DeviceError::Compile(format!(
            "`{cc} -shared` failed for {}:\n{}",
            so.display(),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(())
}

/// Compiles and writes `<prefix>.o` and `<prefix>.so` into `dir`; returns
/// the manifest entry.
pub(crate) fn export(
    c: &CpuCompiler,
    info: &DeviceInfo,
    cpu: &str,
    spec: &Specialized<'_>,
    sched: &Schedule,
    dir: &Path,
    prefix: &str,
) -> Result<KernelArtifact, DeviceError> {
    let (obj, stmts) = c
        .compile_object(spec, sched, prefix, cpu)
        .map_err(crate::backend::err)?;
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let (o, so) = (format!("{prefix}.o"), format!("{prefix}.so"));
    // Written aside, then renamed: a reader never sees a partial file.
    let tmp_o = dir.join(format!(".{o}.{}.tmp", std::process::id()));
    std::fs::write(&tmp_o, &obj).map_err(io(&tmp_o))?;
    let tmp_so = dir.join(format!(".{so}.{}.tmp", std::process::id()));
    let linked = link_shared(&tmp_o, &tmp_so);
    if let Err(e) = linked {
        let _ = std::fs::remove_file(&tmp_o);
        return Err(e);
    }
    std::fs::rename(&tmp_o, dir.join(&o)).map_err(io(dir))?;
    std::fs::rename(&tmp_so, dir.join(&so)).map_err(io(dir))?;

    let k = spec.kernel;
    let sig = Signature::of(spec);
    let tensors = k
        .tensors
        .iter()
        .zip(&sig.tensors)
        .map(|((_, t), s)| TensorEntry {
            role: match t.kind {
                TensorKind::Input => Role::Input,
                TensorKind::Output => Role::Output,
                _ => Role::Temporary,
            },
            dims: t
                .shape
                .iter()
                .map(|d| d.display(&|id| k.symbols[id].name.clone()))
                .collect(),
            bytes: s.bytes() as u64,
            sig: s.clone(),
        })
        .collect();
    let id = |t: &kiln_ir::ir::TensorId| t.into_raw().into_u32() as usize;
    let local = kiln_schedule::local_temps(spec, sched);
    let groups = kiln_schedule::groups(sched)
        .into_iter()
        .map(|g| GroupEntry {
            launches: [g.start, g.end],
            blocks: sched.blocks(spec, g.start),
            local: local
                .iter()
                .filter(|(t, _)| g.clone().any(|i| k.stmts[i].target == *t))
                .map(|(t, shape)| {
                    (
                        id(t),
                        shape.iter().product::<usize>() * k.tensors[*t].dtype.size_bytes(),
                    )
                })
                .collect(),
        })
        .collect();
    Ok(KernelArtifact {
        name: k.name.clone(),
        hash: k.hash.clone(),
        prefix: prefix.into(),
        kind: "cpu".into(),
        sizes: spec.sizes(),
        tensors,
        inputs: sig.inputs.clone(),
        outputs: sig.outputs.clone(),
        targets: sig.targets.clone(),
        launches: stmts
            .iter()
            .map(|s| LaunchEntry {
                symbol: format!("{prefix}_{}", s.name),
                args: s.args.iter().map(id).collect(),
                err_flag: s.err_flag,
            })
            .collect(),
        groups,
        threads: sched.threads,
        schedule: serde_json::to_value(sched).expect("schedules serialize"),
        files: BTreeMap::from([("object".into(), o), ("shared".into(), so)]),
        provenance: Provenance {
            kiln_version: env!("CARGO_PKG_VERSION").into(),
            build: String::new(),
            toolchain: info.toolchain.clone(),
            device: info.name.clone(),
            fingerprint: info.fingerprint.clone(),
            target: cpu.into(),
            tuned: false,
            trials: None,
            speedup: None,
        },
    })
}
