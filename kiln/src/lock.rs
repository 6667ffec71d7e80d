//! `kiln.lock`: tuned winners a project commits so its builds are
//! reproducible. One entry per kernel (content hash), size set and device
//! (`kind:fingerprint`), with the compiler it was tuned with and its
//! provenance. JSON, versioned ([`LOCK_VERSION`]); a newer file is refused.
//!
//! A locked winner is used when kernel, sizes, device and compiler all
//! match ([`Lookup::Current`]); when kernel and device match an entry but
//! the kernel text or the compiler changed, it is [`Lookup::Stale`] (and
//! the cache or the default is used instead).

use crate::{Error, Result};
use kiln_ir::Specialized;
use kiln_schedule::Schedule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The lock format version this build reads and writes.
pub const LOCK_VERSION: u32 = 1;

/// A lock file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// [`LOCK_VERSION`].
    pub version: u32,
    /// Winners, sorted by kernel, sizes and device.
    pub entries: Vec<LockEntry>,
}

/// One locked winner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockEntry {
    /// Kernel name.
    pub kernel: String,
    /// Kernel content hash.
    pub kernel_hash: String,
    /// Sizes.
    pub sizes: BTreeMap<String, i64>,
    /// `kind:fingerprint` of the device.
    pub device: String,
    /// Device model, for people reading the file.
    pub model: String,
    /// The compiler identity it was tuned with (version, build, toolchain).
    pub compiler: String,
    /// The winning schedule.
    pub schedule: serde_json::Value,
    /// Its median seconds.
    pub median_s: f64,
    /// The default schedule's median seconds, when measured.
    pub default_median_s: Option<f64>,
    /// Trials behind it.
    pub trials: i64,
    /// When it was tuned (Unix seconds).
    pub tuned_at: i64,
}

impl LockEntry {
    /// Its speed-up over the default schedule.
    pub fn speedup(&self) -> Option<f64> {
        self.default_median_s.map(|d| d / self.median_s)
    }
}

/// What the lock says for a kernel on a device.
///
/// Stale means: an entry for this kernel and sizes on this device whose
/// kernel text or compiler changed, or, with none for this device, one
/// tuned on another device of the same kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    /// A winner for exactly this kernel, sizes, device and compiler.
    Current(LockEntry),
    /// An entry for this kernel name, sizes and device that no longer
    /// applies, and why.
    Stale(String),
    /// Nothing for it.
    Missing,
}

impl Lock {
    /// Reads `path`; a missing file is an empty lock.
    pub fn read(path: &Path) -> Result<Lock> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Lock {
                    version: LOCK_VERSION,
                    entries: Vec::new(),
                })
            }
            Err(e) => return Err(Error::Call(format!("{}: {e}", path.display()))),
        };
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let bad =
            |e: serde_json::Error| Error::Call(format!("{}: not a kiln.lock: {e}", path.display()));
        let v: Version = serde_json::from_str(&text).map_err(bad)?;
        if v.version > LOCK_VERSION {
            return Err(Error::Call(format!(
                "{}: lock version {} is newer than this kiln's ({LOCK_VERSION})",
                path.display(),
                v.version
            )));
        }
        serde_json::from_str(&text).map_err(bad)
    }

    /// Writes `path` atomically (temporary file, then rename).
    pub fn write(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self).expect("locks serialize") + "\n";
        let tmp = path.with_extension(format!("lock.{}.tmp", std::process::id()));
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| Error::Call(format!("{}: {e}", path.display())))
    }

    /// The entry for `spec` on `device` under `compiler`.
    pub fn lookup(&self, spec: &Specialized<'_>, device: &str, compiler: &str) -> Lookup {
        let k = spec.kernel;
        let sizes = spec.sizes();
        let same = |e: &&LockEntry| e.kernel == k.name && e.sizes == sizes;
        let kind = device.split(':').next().unwrap_or_default();
        let mut why = None;
        let mut other = None;
        for e in self.entries.iter().filter(same) {
            if e.device != device {
                // Only another device of this kind makes this one's missing
                // winner a stale lock (another kind is another build target).
                if e.device.split(':').next() == Some(kind) {
                    other = Some(format!("tuned on another device ({})", e.model));
                }
                continue;
            }
            match (e.kernel_hash == k.hash, e.compiler == compiler) {
                (true, true) => return Lookup::Current(e.clone()),
                (false, _) => why = Some("the kernel's text changed".to_string()),
                (true, false) => {
                    why.get_or_insert(format!("tuned with another compiler ({})", e.compiler));
                }
            }
        }
        why.or(other).map_or(Lookup::Missing, Lookup::Stale)
    }

    /// Adds `e`, replacing the entry for the same kernel, sizes and device.
    pub fn upsert(&mut self, e: LockEntry) {
        self.entries
            .retain(|x| !(x.kernel == e.kernel && x.sizes == e.sizes && x.device == e.device));
        self.entries.push(e);
        self.entries.sort_by(|a, b| {
            (&a.kernel, &a.sizes, &a.device).cmp(&(&b.kernel, &b.sizes, &b.device))
        });
    }
}

/// The locked schedule of a current entry, validated for the device.
pub fn schedule_of(
    e: &LockEntry,
    spec: &Specialized<'_>,
    limits: &kiln_schedule::DeviceLimits,
) -> Result<Schedule> {
    let s: Schedule = serde_json::from_value(e.schedule.clone())
        .map_err(|err| Error::Call(format!("locked schedule of `{}`: {err}", e.kernel)))?;
    s.validate(spec, limits)?;
    Ok(s)
}

/// The schedule choice a build makes with this lock for `spec` on
/// `device`: the locked winner when current, else the cache's winner or the
/// default (`Cached`), with a warning when a locked winner is stale.
pub fn choice(
    lock: &Lock,
    spec: &Specialized<'_>,
    device: &kiln_device::DeviceInfo,
) -> Result<(crate::ScheduleChoice, Option<String>)> {
    let compiler = kiln_tuner::compiler_id(device);
    Ok(match lock.lookup(spec, &device.key(), &compiler) {
        Lookup::Current(e) => (
            crate::ScheduleChoice::Tuned {
                schedule: schedule_of(&e, spec, &device.limits)?,
                origin: "kiln.lock".into(),
                trials: e.trials,
                speedup: e.speedup(),
            },
            None,
        ),
        Lookup::Stale(why) => (
            crate::ScheduleChoice::Cached,
            Some(format!(
                "the locked winner of `{}` at {} on {} is stale ({why}); using the cache's winner or the default (run `cargo kiln tune` and `cargo kiln lock`)",
                spec.kernel.name,
                sizes_text(spec),
                device.name
            )),
        ),
        Lookup::Missing => (crate::ScheduleChoice::Cached, None),
    })
}

fn sizes_text(spec: &Specialized<'_>) -> String {
    spec.sizes()
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_says_current_stale_or_missing_and_why() {
        let k = kiln_ir::check_source("kernel f(x: f32[N]) -> (y: f32[N]) { y[i] = x[i]; }")
            .unwrap()
            .remove(0);
        let spec = Specialized::from_sizes(&k, &BTreeMap::from([("N".to_string(), 8)])).unwrap();
        let entry = |hash: &str, device: &str, compiler: &str| LockEntry {
            kernel: "f".into(),
            kernel_hash: hash.into(),
            sizes: spec.sizes(),
            device: device.into(),
            model: "model X".into(),
            compiler: compiler.into(),
            schedule: serde_json::json!({}),
            median_s: 1.0,
            default_median_s: Some(2.0),
            trials: 5,
            tuned_at: 0,
        };
        let mut lock = Lock::default();
        assert_eq!(lock.lookup(&spec, "cpu:aa", "c1"), Lookup::Missing);
        lock.upsert(entry(&k.hash, "cpu:bb", "c1"));
        assert_eq!(
            lock.lookup(&spec, "cpu:aa", "c1"),
            Lookup::Stale("tuned on another device (model X)".into())
        );
        assert_eq!(lock.lookup(&spec, "opencl:aa", "c1"), Lookup::Missing);
        lock.upsert(entry(&k.hash, "cpu:aa", "c0"));
        assert!(
            matches!(lock.lookup(&spec, "cpu:aa", "c1"), Lookup::Stale(w) if w.contains("another compiler"))
        );
        lock.upsert(entry("other", "cpu:aa", "c1"));
        assert_eq!(
            lock.entries.len(),
            2,
            "upsert replaces the entry of a kernel, sizes and device"
        );
        assert_eq!(
            lock.lookup(&spec, "cpu:aa", "c1"),
            Lookup::Stale("the kernel's text changed".into())
        );
        lock.upsert(entry(&k.hash, "cpu:aa", "c1"));
        let Lookup::Current(e) = lock.lookup(&spec, "cpu:aa", "c1") else {
            panic!("current")
        };
        assert_eq!(e.speedup(), Some(2.0));
        // A newer lock file is refused; a round trip keeps every field.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("kiln.lock");
        lock.version = LOCK_VERSION;
        lock.write(&p).unwrap();
        assert_eq!(Lock::read(&p).unwrap(), lock);
        std::fs::write(&p, r#"{"version": 9, "entries": 1}"#).unwrap();
        let e = Lock::read(&p).unwrap_err().to_string();
        assert!(e.contains("newer"), "{e}");
    }
}
