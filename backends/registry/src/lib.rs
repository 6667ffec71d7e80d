//! The backend registry: the one place that names backends.
//!
//! Device names are `KIND` or `KIND:INDEX` (`cpu`, `opencl`, `opencl:1`);
//! a bare kind means index 0. Everything above this crate (the tuner, its
//! worker, the command line, the `kiln` library) opens devices here and
//! then talks to [`kiln_device::Device`] only. Adding a backend adds one
//! line to [`backends`].

use kiln_device::{Backend, Device, DeviceError, DeviceInfo, OpenOptions};
use std::sync::Arc;

/// Every backend this build has, in listing order.
pub fn backends() -> Vec<Box<dyn Backend>> {
    vec![
        Box::new(kiln_cpu::CpuBackend),
        Box::new(kiln_opencl::OpenClBackend),
        Box::new(kiln_cuda::CudaBackend),
    ]
}

/// Kinds that are planned but not in this build, with why (listed by
/// `kiln devices`, named in errors).
pub const MISSING: &[(&str, &str)] = &[];

/// Accepted device names, for messages.
pub fn known_names() -> String {
    backends()
        .iter()
        .map(|b| match b.kind() {
            "cpu" => "cpu".to_string(),
            k => format!("{k}:N"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits `kind[:index]`.
pub fn parse_name(name: &str) -> Result<(String, usize), DeviceError> {
    let (kind, index) = match name.split_once(':') {
        None => (name, 0),
        Some((k, i)) => {
            let index = i.parse().map_err(|_| DeviceError::UnknownDevice {
                name: name.into(),
                known: format!("{}; the index after `:` is a number", known_names()),
            })?;
            (k, index)
        }
    };
    Ok((kind.to_string(), index))
}

/// The backend of a kind.
pub fn backend(kind: &str) -> Result<Box<dyn Backend>, DeviceError> {
    if let Some((k, why)) = MISSING.iter().find(|(k, _)| *k == kind) {
        return Err(DeviceError::Unavailable {
            kind: (*k).into(),
            why: format!("{why} (devices: {})", known_names()),
        });
    }
    backends()
        .into_iter()
        .find(|b| b.kind() == kind)
        .ok_or_else(|| DeviceError::UnknownDevice {
            name: kind.into(),
            known: known_names(),
        })
}

/// Opens a device by name.
pub fn open(name: &str, opts: &OpenOptions) -> Result<Arc<dyn Device>, DeviceError> {
    let (kind, index) = parse_name(name)?;
    // Errors name the device as the user spelled it.
    backend(&kind)
        .and_then(|b| b.open(index, opts))
        .map_err(|e| match e {
            DeviceError::UnknownDevice { known, .. } => DeviceError::UnknownDevice {
                name: name.into(),
                known,
            },
            DeviceError::Unavailable { why, .. } => DeviceError::Unavailable {
                kind: name.into(),
                why,
            },
            e => e,
        })
}

/// Describes a device by name without opening a context on it.
pub fn describe(name: &str) -> Result<DeviceInfo, DeviceError> {
    let (kind, index) = parse_name(name)?;
    let devices = backend(&kind)?.devices()?;
    let count = devices.len();
    devices.into_iter().nth(index).ok_or(DeviceError::NoDevice {
        name: name.into(),
        kind,
        count,
    })
}

/// Every backend's devices, or why it has none.
pub fn list() -> Vec<(&'static str, Result<Vec<DeviceInfo>, DeviceError>)> {
    backends().iter().map(|b| (b.kind(), b.devices())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_unknown_ones_are_named() {
        assert_eq!(parse_name("opencl:3").unwrap(), ("opencl".into(), 3));
        assert_eq!(parse_name("cpu").unwrap(), ("cpu".into(), 0));
        let e = parse_name("opencl:x").unwrap_err().to_string();
        assert!(e.contains("opencl:x") && e.contains("number"), "{e}");
        let e = open("tpu:0", &OpenOptions::default())
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains("unknown device `tpu:0`") && e.contains("cpu"),
            "{e}"
        );
        if !kiln_cuda::driver::driver_present() {
            // No driver: a clear error, not a panic; compile-only opens an
            // offline target of the architecture asked for.
            let e = open("cuda:0", &OpenOptions::default())
                .err()
                .unwrap()
                .to_string();
            assert!(e.contains("cuda:0") && e.contains("no CUDA driver"), "{e}");
            let opts = OpenOptions {
                target: Some("sm_90".into()),
                compile_only: true,
                ..OpenOptions::default()
            };
            let d = open("cuda", &opts).unwrap();
            assert_eq!(d.info().fingerprint, "offline-sm_90");
            let bad = OpenOptions {
                target: Some("sm90".into()),
                ..opts
            };
            let e = open("cuda", &bad).err().unwrap().to_string();
            assert!(e.contains("--arch") && e.contains("sm90"), "{e}");
        }
        let e = open("cpu:1", &OpenOptions::default())
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("cpu:1") && e.contains("has 1"), "{e}");
    }

    #[test]
    fn the_host_cpu_is_always_listed_and_opens() {
        let l = list();
        let (_, cpu) = l.iter().find(|(k, _)| *k == "cpu").expect("cpu backend");
        let cpu = cpu.as_ref().expect("the host is always there");
        assert_eq!(cpu.len(), 1);
        let d = open("cpu", &OpenOptions::default()).unwrap();
        assert_eq!(d.info().fingerprint, cpu[0].fingerprint);
        assert!(d.info().limits.gpu.is_none());
    }
}
