//! `Cache`: the tuning cache of a directory, from Python.

use crate::errors::to_py;
use pyo3::prelude::*;
use std::path::PathBuf;
use std::sync::Mutex;

/// The tuning cache in a directory (one SQLite connection; calls from
/// several threads take turns).
#[pyclass(frozen, module = "kiln._native")]
pub struct Cache {
    inner: Mutex<kiln_cache::Cache>,
    dir: PathBuf,
}

impl Cache {
    fn with<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&kiln_cache::Cache) -> Result<T, kiln_cache::CacheError> + Send,
    ) -> PyResult<T>
    where
        T: Send,
    {
        py.detach(|| f(&self.inner.lock().unwrap_or_else(|p| p.into_inner())))
            .map_err(to_py)
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("cache rows serialize")
}

#[pymethods]
impl Cache {
    /// Opens (creating if needed) the cache in `dir`; `None` is the default
    /// (`$KILN_CACHE`, else `~/.cache/kiln`).
    #[new]
    #[pyo3(signature = (dir=None))]
    fn new(py: Python<'_>, dir: Option<PathBuf>) -> PyResult<Cache> {
        let dir = kiln_cache::default_dir(dir.as_deref());
        let c = py.detach(|| kiln_cache::Cache::open(&dir)).map_err(to_py)?;
        Ok(Cache {
            inner: Mutex::new(c),
            dir,
        })
    }

    /// The cache directory.
    #[getter]
    fn dir(&self) -> PathBuf {
        self.dir.clone()
    }

    /// Warnings from opening (e.g. a corrupt database moved aside).
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .warnings
            .clone()
    }

    /// Every winner, as a JSON list.
    fn winners_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |c| c.all_winners().map(|w| json(&w)))
    }

    /// The trials of a key (exact id), oldest first, as a JSON list.
    fn trials_json(&self, py: Python<'_>, key_id: &str) -> PyResult<String> {
        self.with(py, |c| c.trials(key_id).map(|t| json(&t)))
    }

    /// Keys whose id starts with `prefix`, as a JSON list.
    #[pyo3(signature = (prefix=""))]
    fn keys_json(&self, py: Python<'_>, prefix: &str) -> PyResult<String> {
        self.with(py, |c| c.find_keys(prefix).map(|k| json(&k)))
    }

    /// Everything (winners, trials, keys) as export JSON.
    fn export_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |c| c.export().map(|e| json(&e)))
    }

    /// Imports export JSON (validated first: on any error nothing is
    /// written); returns (winners stored, trials added).
    fn import_json(&self, py: Python<'_>, text: &str) -> PyResult<(usize, usize)> {
        self.with(py, |c| c.import_json(text))
    }

    /// Removes a key's winner and trials; returns the rows removed.
    fn remove(&self, py: Python<'_>, key_id: &str) -> PyResult<usize> {
        self.with(py, |c| c.remove(key_id))
    }

    /// Problems found in stored rows (empty when all is well).
    fn verify(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.with(py, |c| c.verify())
    }
}
