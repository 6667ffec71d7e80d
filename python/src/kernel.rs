//! `Module`, `Kernel` and `Compiled`: load, compile and run.

use crate::arrays::{empty, hold, hold_mut, numpy_name};
use crate::errors::{raise, to_py};
use kiln::{DType, Device, HostData, HostTensor, Kiln, OpenOptions, Schedule, ScheduleChoice};
use pyo3::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// A checked source file.
#[pyclass(frozen, module = "kiln._native")]
pub struct Module {
    inner: Arc<kiln::Module>,
}

#[pymethods]
impl Module {
    /// Reads and checks a `.kiln` file.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Module> {
        let m = py.detach(|| kiln::Module::load(&path)).map_err(to_py)?;
        Ok(Module { inner: Arc::new(m) })
    }

    /// Checks source text; `name` labels diagnostics.
    #[staticmethod]
    fn parse(py: Python<'_>, name: &str, text: &str) -> PyResult<Module> {
        let m = py
            .detach(|| kiln::Module::parse(name, text))
            .map_err(to_py)?;
        Ok(Module { inner: Arc::new(m) })
    }

    /// Kernel names, in source order.
    #[getter]
    fn kernels(&self) -> Vec<String> {
        self.inner.kernels().map(|k| k.name().to_string()).collect()
    }

    /// The source text.
    #[getter]
    fn text(&self) -> String {
        self.inner.text().to_string()
    }

    /// The kernel called `name` (the only one when `None`).
    #[pyo3(signature = (name=None))]
    fn kernel(&self, name: Option<&str>) -> PyResult<Kernel> {
        let k = match name {
            Some(n) => self.inner.kernel(n),
            None => self.inner.only_kernel(),
        }
        .map_err(to_py)?;
        Ok(Kernel {
            module: self.inner.clone(),
            name: k.name().to_string(),
        })
    }
}

/// One kernel of a module.
#[pyclass(frozen, module = "kiln._native")]
pub struct Kernel {
    module: Arc<kiln::Module>,
    name: String,
}

impl Kernel {
    fn get(&self) -> kiln::Kernel<'_> {
        self.module
            .kernel(&self.name)
            .expect("the kernel was found when this object was made")
    }

    /// The module it belongs to (for tuning, which needs the source).
    pub fn module(&self) -> &Arc<kiln::Module> {
        &self.module
    }

    /// Its name.
    pub fn kernel_name(&self) -> &str {
        &self.name
    }
}

/// Devices opened so far, by (cache directory, name, target): opening a
/// device probes the machine, so it is done once per process.
type DeviceKey = (PathBuf, String, Option<String>);
static DEVICES: OnceLock<Mutex<HashMap<DeviceKey, Arc<dyn Device>>>> = OnceLock::new();

/// Opens (or reuses) `name` for the cache in `kiln`.
pub fn device(kiln: &Kiln, name: &str, target: Option<String>) -> kiln::Result<Arc<dyn Device>> {
    let key = (
        kiln.cache_dir().to_path_buf(),
        name.to_string(),
        target.clone(),
    );
    let map = DEVICES.get_or_init(Mutex::default);
    if let Some(d) = map.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return Ok(d.clone());
    }
    let d = kiln.device_with(
        name,
        OpenOptions {
            target,
            ..OpenOptions::default()
        },
    )?;
    map.lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(key, d.clone());
    Ok(d)
}

/// `Kiln` for a cache directory, or the default (`$KILN_CACHE`, else
/// `~/.cache/kiln`).
pub fn kiln_for(cache_dir: Option<PathBuf>) -> Kiln {
    cache_dir.map_or_else(Kiln::new, Kiln::with_cache_dir)
}

fn dtype_name(d: DType) -> &'static str {
    match d {
        DType::F16 => "f16",
        DType::F32 => "f32",
        DType::F64 => "f64",
        DType::I32 => "i32",
    }
}

#[pymethods]
impl Kernel {
    /// Its name.
    #[getter]
    fn name(&self) -> String {
        self.name.clone()
    }

    /// Content hash (blake3 of the canonical text).
    #[getter]
    fn hash(&self) -> String {
        self.get().hash().to_string()
    }

    /// Arguments as JSON: `{"inputs": [...], "outputs": [...], "sizes":
    /// [...]}`, each argument `{"name", "dtype", "numpy", "shape"}` with
    /// symbolic dimensions as text.
    fn signature_json(&self) -> String {
        let k = self.get().ir();
        let sym = |s: kiln_ir::ir::SymbolId| k.symbols[s].name.clone();
        let arg = |t: &kiln_ir::ir::TensorId| {
            let t = &k.tensors[*t];
            serde_json::json!({
                "name": t.name,
                "dtype": dtype_name(t.dtype),
                "numpy": numpy_name(t.dtype),
                "shape": t.shape.iter().map(|d| d.display(&sym)).collect::<Vec<_>>(),
            })
        };
        serde_json::json!({
            "inputs": k.inputs.iter().map(arg).collect::<Vec<_>>(),
            "outputs": k.outputs.iter().map(arg).collect::<Vec<_>>(),
            "sizes": k.symbols.iter().map(|(_, s)| s.name.clone()).collect::<Vec<_>>(),
        })
        .to_string()
    }

    /// Compiles for `device` at `sizes`. `schedule`: `"auto"` (the cached
    /// winner, else the default), `"tuned"` (the cached winner, or an
    /// error), `"default"`, or a schedule as JSON text.
    #[pyo3(signature = (device, sizes, schedule, cache_dir=None, target=None))]
    fn compile(
        &self,
        py: Python<'_>,
        device: &str,
        sizes: BTreeMap<String, i64>,
        schedule: &str,
        cache_dir: Option<PathBuf>,
        target: Option<String>,
    ) -> PyResult<Compiled> {
        let kiln = kiln_for(cache_dir);
        let choice = match schedule {
            "auto" | "tuned" => ScheduleChoice::Cached,
            "default" => ScheduleChoice::Default,
            json => {
                let v: serde_json::Value = serde_json::from_str(json)
                    .map_err(|e| raise("ScheduleError", format!("schedule: not JSON: {e}")))?;
                let s = Schedule::from_value(&v)
                    .map_err(|e| raise("ScheduleError", format!("schedule: {e}")))?;
                ScheduleChoice::Explicit(s)
            }
        };
        let kernel = self.get();
        let c = py
            .detach(|| {
                let dev = self::device(&kiln, device, target)?;
                kiln.compile(&kernel, &dev, &sizes, choice)
            })
            .map_err(to_py)?;
        if schedule == "tuned" && !matches!(c.schedule_source(), kiln::ScheduleSource::Tuned { .. })
        {
            return Err(raise(
                "TuneError",
                format!(
                    "no tuned schedule for `{}` at {sizes:?} on {} in the cache {}: run kiln.tune first, or pass schedule=None",
                    self.name,
                    c.device(),
                    kiln.cache_dir().display()
                ),
            ));
        }
        Ok(Compiled { inner: Arc::new(c) })
    }

    /// Runs the reference interpreter on numpy arrays (copied in and out).
    fn interpret<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<Bound<'py, PyAny>>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let k = self.get();
        let ir = k.ir();
        if inputs.len() != ir.inputs.len() {
            return Err(raise(
                "ArgumentError",
                format!(
                    "kernel `{}` takes {} inputs, got {}",
                    self.name,
                    ir.inputs.len(),
                    inputs.len()
                ),
            ));
        }
        let mut host = Vec::new();
        for (obj, t) in inputs.iter().zip(&ir.inputs) {
            let t = &ir.tensors[*t];
            host.push(hold(&t.name, t.dtype, obj)?.view()?.to_host());
        }
        let outs = py.detach(|| k.interpret(&host)).map_err(to_py)?;
        outs.iter().map(|t| host_to_numpy(py, t)).collect()
    }
}

/// A host tensor as a new numpy array.
fn host_to_numpy<'py>(py: Python<'py>, t: &HostTensor) -> PyResult<Bound<'py, PyAny>> {
    use numpy::PyArray1;
    let flat = match &t.data {
        HostData::F16(v) => PyArray1::from_slice(py, v).into_any(),
        HostData::F32(v) => PyArray1::from_slice(py, v).into_any(),
        HostData::F64(v) => PyArray1::from_slice(py, v).into_any(),
        HostData::I32(v) => PyArray1::from_slice(py, v).into_any(),
    };
    flat.call_method1("reshape", (t.shape.clone(),))
}

/// A kernel compiled for a device at fixed sizes; callable from any
/// thread.
#[pyclass(frozen, module = "kiln._native")]
pub struct Compiled {
    inner: Arc<kiln::Compiled>,
}

#[pymethods]
impl Compiled {
    /// Runs on numpy `inputs` (declaration order) into `outs` (an array
    /// or `None` per output: `None` allocates one); returns the outputs.
    /// The GIL is released while the kernel runs.
    fn run<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<Bound<'py, PyAny>>,
        outs: Vec<Option<Bound<'py, PyAny>>>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let sig = self.inner.signature();
        let names = |ids: &[usize]| {
            ids.iter()
                .map(|&t| sig.tensors[t].name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if inputs.len() != sig.inputs.len() {
            return Err(raise(
                "ArgumentError",
                format!(
                    "kernel `{}` takes {} inputs ({}), got {}",
                    sig.kernel,
                    sig.inputs.len(),
                    names(&sig.inputs),
                    inputs.len()
                ),
            ));
        }
        if outs.len() != sig.outputs.len() {
            return Err(raise(
                "ArgumentError",
                format!(
                    "kernel `{}` has {} outputs ({}), got {} for out=",
                    sig.kernel,
                    sig.outputs.len(),
                    names(&sig.outputs),
                    outs.len()
                ),
            ));
        }
        let held = inputs
            .iter()
            .zip(&sig.inputs)
            .map(|(obj, &t)| hold(&sig.tensors[t].name, sig.tensors[t].dtype, obj))
            .collect::<PyResult<Vec<_>>>()?;
        let out_objs: Vec<Bound<'py, PyAny>> = outs
            .into_iter()
            .zip(&sig.outputs)
            .map(|(o, &t)| {
                o.unwrap_or_else(|| empty(py, sig.tensors[t].dtype, &sig.tensors[t].shape))
            })
            .collect();
        let mut held_out = out_objs
            .iter()
            .zip(&sig.outputs)
            .map(|(obj, &t)| hold_mut(&sig.tensors[t].name, sig.tensors[t].dtype, obj))
            .collect::<PyResult<Vec<_>>>()?;
        let refs = held
            .iter()
            .map(|h| h.view())
            .collect::<PyResult<Vec<_>>>()?;
        let mut muts = held_out
            .iter_mut()
            .map(|h| h.view())
            .collect::<PyResult<Vec<_>>>()?;
        let c = &self.inner;
        py.detach(|| c.run_into(&refs, &mut muts)).map_err(to_py)?;
        Ok(out_objs)
    }

    /// Arguments as JSON: `{"kernel", "inputs": [...], "outputs": [...]}`,
    /// each `{"name", "dtype", "numpy", "shape"}` with concrete shapes.
    fn signature_json(&self) -> String {
        let sig = self.inner.signature();
        let arg = |&t: &usize| {
            let s = &sig.tensors[t];
            serde_json::json!({
                "name": s.name,
                "dtype": dtype_name(s.dtype),
                "numpy": numpy_name(s.dtype),
                "shape": s.shape,
            })
        };
        serde_json::json!({
            "kernel": sig.kernel,
            "inputs": sig.inputs.iter().map(arg).collect::<Vec<_>>(),
            "outputs": sig.outputs.iter().map(arg).collect::<Vec<_>>(),
        })
        .to_string()
    }

    /// The schedule compiled with, as JSON.
    fn schedule_json(&self) -> String {
        serde_json::to_string(self.inner.schedule()).expect("schedules serialize")
    }

    /// Where the schedule came from, in words.
    #[getter]
    fn schedule_source(&self) -> String {
        self.inner.schedule_source().to_string()
    }

    /// Whether the schedule is a tuned winner.
    #[getter]
    fn tuned(&self) -> bool {
        matches!(
            self.inner.schedule_source(),
            kiln::ScheduleSource::Tuned { .. }
        )
    }

    /// The device's name.
    #[getter]
    fn device(&self) -> String {
        self.inner.device().to_string()
    }

    /// Seconds spent compiling and loading.
    #[getter]
    fn compile_s(&self) -> f64 {
        self.inner.compile_s()
    }

    /// Launches per call.
    #[getter]
    fn launches(&self) -> usize {
        self.inner.launches()
    }

    /// Median seconds per launch on inputs bound once (the kernel alone,
    /// as `kiln bench` measures it), over about `seconds` of runs.
    #[pyo3(signature = (inputs, seconds=1.0))]
    fn bench<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<Bound<'py, PyAny>>,
        seconds: f64,
    ) -> PyResult<f64> {
        let sig = self.inner.signature();
        let held = inputs
            .iter()
            .zip(&sig.inputs)
            .map(|(obj, &t)| hold(&sig.tensors[t].name, sig.tensors[t].dtype, obj))
            .collect::<PyResult<Vec<_>>>()?;
        let host = held
            .iter()
            .map(|h| Ok(h.view()?.to_host()))
            .collect::<PyResult<Vec<_>>>()?;
        let c = &self.inner;
        py.detach(|| -> kiln::Result<f64> {
            let mut b = c.bind(&host)?;
            let budget = kiln::Budget {
                time: std::time::Duration::from_secs_f64(seconds.max(0.01)),
                ..kiln::Budget::default()
            };
            Ok(kiln::time_bound(b.as_mut(), &budget, false)?.median_s)
        })
        .map_err(to_py)
    }
}
