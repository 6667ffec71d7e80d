//! One measurement at a time per device, across processes: an exclusive
//! lock on a file named for the device under the cache directory, held
//! while a candidate is measured.

use std::fs::File;
use std::path::{Path, PathBuf};

/// A device lock file.
pub struct DeviceLock {
    path: PathBuf,
    file: Option<File>,
}

/// Holds the lock until dropped.
pub struct Held<'a>(&'a File);

impl Drop for Held<'_> {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

impl DeviceLock {
    /// The lock for device key `device` (e.g. `cpu:ab12...`) under `dir`.
    pub fn new(dir: &Path, device: &str) -> DeviceLock {
        let name: String = device
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        DeviceLock {
            path: dir.join("locks").join(format!("{name}.lock")),
            file: None,
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Waits for the device and holds it (an error when the lock file
    /// cannot be created: measuring unlocked could collide unseen).
    pub fn acquire(&mut self) -> std::io::Result<Held<'_>> {
        if self.file.is_none() {
            if let Some(d) = self.path.parent() {
                std::fs::create_dir_all(d)?;
            }
            self.file = Some(
                std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&self.path)?,
            );
        }
        let f = self.file.as_ref().expect("opened above");
        f.lock()?;
        Ok(Held(f))
    }
}
