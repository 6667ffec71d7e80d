//! Running compiled programs: kernels built on a [`Runtime`], device
//! buffers for every tensor (temporaries included), one launch per
//! statement on the in-order queue, timed by profiling events.

use super::{call_err, DeviceTensor, OclError, Runtime};
use kiln_device::Signature;
use kiln_tensor::HostTensor;
use opencl3::kernel::{ExecuteKernel, Kernel};
use opencl3::program::Program;
use std::sync::Mutex;

/// One launch of a program: a `__kernel` over a 2-D range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClLaunch {
    /// Kernel function name.
    pub name: String,
    /// Tensor indices passed, in order.
    pub args: Vec<usize>,
    /// Global work size `[x, y]` (whole work-groups).
    pub global: [usize; 2],
    /// Work-group size `[x, y]`.
    pub workgroup: [usize; 2],
    /// Takes the i32 error flag (`__global int*`) after the tensors.
    pub err_flag: bool,
}

/// An OpenCL C program with its launch geometry.
#[derive(Clone, Debug)]
pub struct ClProgram {
    /// OpenCL C source (one `__kernel` per launch).
    pub source: String,
    /// Launches in order.
    pub stmts: Vec<ClLaunch>,
    /// The kernel's tensors, inputs and outputs.
    pub signature: Signature,
    /// Seconds from IR to OpenCL C.
    pub compile_s: f64,
}

/// A program built for a device, one kernel object per statement. Owns a
/// handle on its runtime, so it can be moved and shared across threads
/// (kernel objects are used under a lock: argument setting is not
/// thread-safe in OpenCL).
pub struct Loaded {
    rt: Runtime,
    _program: Program,
    kernels: Mutex<Vec<Kernel>>,
    prog: ClProgram,
    /// Whether the driver's compile was skipped (binary cache hit).
    pub cached: bool,
    /// Seconds to build (driver compile or binary load).
    pub build_s: f64,
}

/// A loaded program with device buffers for one set of inputs.
pub struct Bound<'l> {
    loaded: &'l Loaded,
    bufs: Vec<DeviceTensor>,
    /// The error flag of statements that divide i32 values (zero unless
    /// the last launch divided by zero).
    flag: Option<DeviceTensor>,
}

impl Runtime {
    /// Builds `prog` (through the binary cache) and creates its kernels.
    pub fn load(&self, prog: &ClProgram) -> Result<Loaded, OclError> {
        let t0 = std::time::Instant::now();
        // No `-cl-mad-enable`: it would let the driver fuse a*b+c anywhere
        // with lower precision, against the contract.
        let (program, cached) = self.build(&prog.source, "")?;
        let kernels = prog
            .stmts
            .iter()
            .map(|s| Kernel::create(&program, &s.name).map_err(call_err("clCreateKernel")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Loaded {
            rt: self.clone(),
            _program: program,
            kernels: Mutex::new(kernels),
            prog: prog.clone(),
            cached,
            build_s: t0.elapsed().as_secs_f64(),
        })
    }
}

impl Loaded {
    /// The runtime it was built on.
    pub fn runtime(&self) -> &Runtime {
        &self.rt
    }

    /// The program.
    pub fn program(&self) -> &ClProgram {
        &self.prog
    }

    /// Uploads `inputs` (declaration order) and allocates outputs and
    /// temporaries on the device.
    pub fn bind(&self, inputs: &[HostTensor]) -> Result<Bound<'_>, OclError> {
        let host = self.prog.signature.host_buffers(inputs)?;
        let bufs = host
            .iter()
            .map(|h| self.rt.upload(h))
            .collect::<Result<Vec<_>, _>>()?;
        let flag = if self.prog.stmts.iter().any(|s| s.err_flag) {
            Some(self.zero_flag()?)
        } else {
            None
        };
        Ok(Bound {
            loaded: self,
            bufs,
            flag,
        })
    }

    /// Binds, runs once and downloads the outputs.
    pub fn run(&self, inputs: &[HostTensor]) -> Result<Vec<HostTensor>, OclError> {
        let mut b = self.bind(inputs)?;
        b.launch()?;
        b.outputs()
    }

    /// Launches per run.
    pub fn launches(&self) -> usize {
        self.prog.stmts.len()
    }

    /// A zeroed error flag (one i32).
    fn zero_flag(&self) -> Result<DeviceTensor, OclError> {
        self.rt
            .upload(&HostTensor::zeros(kiln_ir::DType::I32, vec![1]))
    }
}

impl<'l> Bound<'l> {
    /// The loaded program it binds.
    pub fn loaded(&self) -> &'l Loaded {
        self.loaded
    }

    /// Runs every statement in order; returns the device time from the
    /// first launch's start to the last one's end, in seconds.
    ///
    /// Statements that divide i32 values take the zeroed error flag; a zero
    /// divisor makes the launch an error naming the statement
    /// ([`kiln_device::DeviceError::DivByZero`]), checked after it.
    pub fn launch(&mut self) -> Result<f64, OclError> {
        let l = self.loaded;
        let kernels = l.kernels.lock().unwrap_or_else(|p| p.into_inner());
        let mut events = Vec::new();
        for (s, k) in l.prog.stmts.iter().zip(kernels.iter()) {
            let mut exec = ExecuteKernel::new(k);
            for t in &s.args {
                let b = &self.bufs[*t];
                // SAFETY: each argument is a buffer the kernel declares as a
                // global pointer of that tensor's element type and size.
                #[allow(unsafe_code)]
                unsafe {
                    exec.set_arg(&b.buf)
                };
            }
            if let (true, Some(f)) = (s.err_flag, &self.flag) {
                // SAFETY: the kernel's last parameter is `__global int*` (one).
                #[allow(unsafe_code)]
                unsafe {
                    exec.set_arg(&f.buf)
                };
            }
            exec.set_global_work_sizes(&s.global);
            exec.set_local_work_sizes(&s.workgroup);
            // SAFETY: arguments and sizes are set; events are waited on below.
            #[allow(unsafe_code)]
            let ev = unsafe { exec.enqueue_nd_range(l.rt.queue()) }
                .map_err(call_err("clEnqueueNDRangeKernel"))?;
            events.push(ev);
        }
        drop(kernels);
        let (Some(first), Some(last)) = (events.first(), events.last()) else {
            return Ok(0.0);
        };
        let seconds = super::device_seconds(first, last)?;
        if let Some(f) = &self.flag {
            let v = l.rt.download(f)?.to_f64()[0] as i32;
            if v != 0 {
                // Zero again for the next launch (only kernels write it).
                self.flag = Some(l.zero_flag()?);
                l.prog.signature.check_flag(v)?;
            }
        }
        Ok(seconds)
    }

    /// Fills outputs and temporaries with [`HostTensor::sentinel`].
    pub fn fill_sentinel(&mut self) -> Result<(), OclError> {
        for (i, t) in self.loaded.prog.signature.sentinels() {
            self.bufs[i] = self.loaded.rt.upload(&t)?;
        }
        Ok(())
    }

    /// Replaces input `index` (declaration order) without rebuilding.
    pub fn set_input(&mut self, index: usize, x: &HostTensor) -> Result<(), OclError> {
        let t = self.loaded.prog.signature.check_input(index, x)?;
        self.bufs[t] = self.loaded.rt.upload(x)?;
        Ok(())
    }

    /// Downloads the outputs, in declaration order.
    pub fn outputs(&self) -> Result<Vec<HostTensor>, OclError> {
        self.loaded
            .prog
            .signature
            .outputs
            .iter()
            .map(|&t| self.loaded.rt.download(&self.bufs[t]))
            .collect()
    }
}
