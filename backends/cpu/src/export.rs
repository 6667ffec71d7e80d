//! Artifacts of the CPU backend: a relocatable PIC object per kernel, the
//! same code linked as a shared library (by the system C compiler, `$CC`
//! or `cc`), and the manifest entry `kiln-rt` launches it from.

use crate::CpuCompiler;
use kiln_device::manifest::{write_file, GroupEntry, KernelArtifact, LaunchEntry};
use kiln_device::{DeviceError, DeviceInfo};
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
    // Linked from a temporary, then renamed: a reader never sees a partial file.
    write_file(dir, &o, &obj)?;
    let tmp_so = dir.join(format!(".{so}.{}.tmp", std::process::id()));
    link_shared(&dir.join(&o), &tmp_so)?;
    std::fs::rename(&tmp_so, dir.join(&so)).map_err(io(dir))?;

    let k = spec.kernel;
    let id = |t: &kiln_ir::ir::TensorId| t.into_raw().into_u32() as usize;
    let local = kiln_schedule::local_temps(spec, sched);
    let mut art = KernelArtifact::describe(spec, sched, info, prefix, cpu);
    art.groups = kiln_schedule::groups(sched)
        .into_iter()
        .map(|g| GroupEntry {
            launches: [g.start, g.end],
            blocks: sched.group_blocks(spec, g.clone()),
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
    art.launches = stmts
        .iter()
        .map(|s| LaunchEntry {
            symbol: format!("{prefix}_{}", s.name),
            args: s.args.iter().map(id).collect(),
            err_flag: s.err_flag,
            global: None,
            workgroup: None,
        })
        .collect();
    art.files = BTreeMap::from([("object".into(), o), ("shared".into(), so)]);
    Ok(art)
}
