//! Cache keys the tuner builds, and lookup of cached winners.

use crate::space::{Level, Space};
use kiln_cache::{Cache, Key, Winner};
use kiln_device::DeviceInfo;
use kiln_ir::Specialized;
use kiln_schedule::Schedule;

/// The code generator's identity: the kiln version, the build identity of
/// the code-generating crates (a hash of their sources fixed at build
/// time) and the toolchain the device reports at run time. Any change to
/// generated code changes it.
pub fn compiler_id(device: &DeviceInfo) -> String {
    format!(
        "kiln {} codegen {} {}",
        env!("CARGO_PKG_VERSION"),
        env!("KILN_CODEGEN_ID"),
        device.toolchain
    )
}

/// The cache key of a specialized kernel on a device for a space; cold
/// (caches evicted between runs) and warm measurements are different keys.
pub fn key_for(spec: &Specialized<'_>, device: &DeviceInfo, space: &Space, cold: bool) -> Key {
    let k = spec.kernel;
    let dt = |ids: &[kiln_ir::ir::TensorId]| {
        ids.iter()
            .map(|&t| k.tensors[t].dtype.name())
            .collect::<Vec<_>>()
            .join(",")
    };
    Key {
        kernel_hash: k.hash.clone(),
        kernel: k.name.clone(),
        sizes: spec.sizes(),
        dtypes: format!("{}->{}", dt(&k.inputs), dt(&k.outputs)),
        device: device.key(),
        compiler: compiler_id(device),
        space: if cold {
            format!("{}+cold", space.checksum())
        } else {
            space.checksum()
        },
    }
}

/// The cached winner (warm measurements) for this kernel, shape and
/// device under this build, if any (any space level), validated against
/// the kernel and the device.
pub fn winner_schedule(
    spec: &Specialized<'_>,
    device: &DeviceInfo,
    cache: &Cache,
) -> Option<(Schedule, Winner)> {
    for level in [Level::Full, Level::Small] {
        let space = Space::new(spec, &device.limits, level);
        let key = key_for(spec, device, &space, false);
        if let Ok(Some(w)) = cache.winner(&key) {
            if let Ok(s) = serde_json::from_value::<Schedule>(w.schedule.clone()) {
                if s.validate(spec, &device.limits).is_ok() {
                    return Some((s, w));
                }
            }
        }
    }
    None
}
