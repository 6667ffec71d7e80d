//! Running compiled programs: kernels built on a [`Runtime`], device
//! buffers for every tensor (temporaries included), one launch per
//! statement on the in-order queue, timed by profiling events.

use crate::compile::ClProgram;
use crate::{call_err, DeviceTensor, OclError, Runtime};
use kiln_tensor::HostTensor;
use opencl3::kernel::{ExecuteKernel, Kernel};
use opencl3::program::Program;

/// A program built for a device, one kernel object per statement.
pub struct Loaded<'r> {
    rt: &'r Runtime,
    _program: Program,
    kernels: Vec<Kernel>,
    prog: ClProgram,
    /// Whether the driver's compile was skipped (binary cache hit).
    pub cached: bool,
}

/// A loaded program with device buffers for one set of inputs.
pub struct Bound<'l, 'r> {
    loaded: &'l Loaded<'r>,
    bufs: Vec<DeviceTensor>,
}

impl Runtime {
    /// Builds `prog` (through the binary cache) and creates its kernels.
    pub fn load(&self, prog: &ClProgram) -> Result<Loaded<'_>, OclError> {
        let (program, cached) = self.build(&prog.source, "-cl-mad-enable")?;
        let kernels = prog
            .stmts
            .iter()
            .map(|s| Kernel::create(&program, &s.name).map_err(call_err("clCreateKernel")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Loaded {
            rt: self,
            _program: program,
            kernels,
            prog: prog.clone(),
            cached,
        })
    }
}

impl<'r> Loaded<'r> {
    /// Uploads `inputs` (declaration order) and allocates outputs and
    /// temporaries on the device.
    pub fn bind(&self, inputs: &[HostTensor]) -> Result<Bound<'_, 'r>, OclError> {
        let p = &self.prog;
        if inputs.len() != p.inputs.len() {
            return Err(OclError::Input(format!(
                "expected {} inputs, got {}",
                p.inputs.len(),
                inputs.len()
            )));
        }
        let bytes: u128 = p
            .tensors
            .iter()
            .map(|(_, d, s)| s.iter().product::<usize>() as u128 * d.size_bytes() as u128)
            .sum();
        kiln_tensor::check_memory(bytes).map_err(|e| OclError::Input(e.to_string()))?;
        let mut bufs = Vec::new();
        for (i, (name, d, s)) in p.tensors.iter().enumerate() {
            let given = p
                .inputs
                .iter()
                .position(|t| t.into_raw().into_u32() as usize == i);
            let host = match given {
                Some(j) => {
                    let x = &inputs[j];
                    if x.dtype() != *d || &x.shape != s {
                        return Err(OclError::Input(format!(
                            "`{name}` is {}{:?}, the compiled kernel takes {d}{s:?}",
                            x.dtype(),
                            x.shape
                        )));
                    }
                    x.clone()
                }
                None => HostTensor::zeros(*d, s.clone()),
            };
            bufs.push(self.rt.upload(&host)?);
        }
        Ok(Bound { loaded: self, bufs })
    }

    /// Binds, runs once and downloads the outputs.
    pub fn run(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, OclError> {
        let mut b = self.bind(inputs)?;
        b.launch()?;
        b.outputs()
    }

    /// Launches per run.
    pub fn launches(&self) -> usize {
        self.kernels.len()
    }
}

impl Bound<'_, '_> {
    /// Runs every statement in order; returns the device time from the
    /// first launch's start to the last one's end, in seconds.
    pub fn launch(&mut self) -> Result<f64, OclError> {
        let l = self.loaded;
        let mut events = Vec::new();
        for (s, k) in l.prog.stmts.iter().zip(&l.kernels) {
            let mut exec = ExecuteKernel::new(k);
            for t in &s.args {
                let b = &self.bufs[t.into_raw().into_u32() as usize];
                // SAFETY: each argument is a buffer the kernel declares as a
                // global pointer of that tensor's element type and size.
                #[allow(unsafe_code)]
                unsafe {
                    exec.set_arg(&b.buf)
                };
            }
            exec.set_global_work_sizes(&s.global);
            exec.set_local_work_sizes(&s.workgroup);
            // SAFETY: arguments and sizes are set; events are waited on below.
            #[allow(unsafe_code)]
            let ev = unsafe { exec.enqueue_nd_range(&l.rt.queue) }
                .map_err(call_err("clEnqueueNDRangeKernel"))?;
            events.push(ev);
        }
        let (Some(first), Some(last)) = (events.first(), events.last()) else {
            return Ok(0.0);
        };
        crate::device_seconds(first, last)
    }

    /// Fills outputs and temporaries with [`HostTensor::sentinel`].
    pub fn fill_sentinel(&mut self) -> Result<(), OclError> {
        let p = &self.loaded.prog;
        for (i, (_, d, s)) in p.tensors.iter().enumerate() {
            if p.inputs
                .iter()
                .any(|t| t.into_raw().into_u32() as usize == i)
            {
                continue;
            }
            self.bufs[i] = self
                .loaded
                .rt
                .upload(&HostTensor::sentinel(*d, s.clone()))?;
        }
        Ok(())
    }

    /// Downloads the outputs, in declaration order.
    pub fn outputs(&self) -> Result<Vec<HostTensor>, OclError> {
        self.loaded
            .prog
            .outputs
            .iter()
            .map(|t| {
                self.loaded
                    .rt
                    .download(&self.bufs[t.into_raw().into_u32() as usize])
            })
            .collect()
    }
}
