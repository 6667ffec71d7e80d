//! OpenCL programs behind kiln's device interface: the artifact, the
//! loaded program and its bindings (`kiln-opencl`'s device hands these out;
//! they live here with the types they wrap).

use super::{call_err, Bound, ClProgram, Loaded, OclError};
use kiln_device::{Artifact, DeviceError, Signature};
use kiln_tensor::HostTensor;
use opencl3::memory::{Buffer, CL_MEM_READ_WRITE};
use std::any::Any;

/// An OpenCL runtime error as a device error (missing platform or device,
/// bad arguments, a failed build, a failed call).
pub fn unavailable(e: OclError) -> DeviceError {
    match e {
        OclError::NoPlatform(why) => DeviceError::Unavailable {
            kind: "opencl".into(),
            why: format!(
                "no OpenCL platform is available ({why}); install an OpenCL driver (scripts/setup.sh installs PoCL)"
            ),
        },
        OclError::NoDevice { index, count } => DeviceError::NoDevice {
            name: format!("opencl:{index}"),
            kind: "OpenCL".into(),
            count,
        },
        OclError::Bind(d) => d,
        OclError::Build { .. } => DeviceError::Compile(e.to_string()),
        other => DeviceError::Runtime(other.to_string()),
    }
}

impl Artifact for ClProgram {
    fn signature(&self) -> &Signature {
        &self.signature
    }
    fn compile_s(&self) -> f64 {
        self.compile_s
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}

impl kiln_device::Loaded for Loaded {
    fn signature(&self) -> &Signature {
        &self.program().signature
    }

    fn launches(&self) -> usize {
        Loaded::launches(self)
    }

    fn compile_s(&self) -> f64 {
        self.program().compile_s + self.build_s
    }

    fn note(&self) -> Option<String> {
        self.cached.then(|| "driver binary cached".to_string())
    }

    fn bind(&self, inputs: &[HostTensor]) -> Result<Box<dyn kiln_device::Bound + '_>, DeviceError> {
        let b = Loaded::bind(self, inputs).map_err(unavailable)?;
        Ok(Box::new(DeviceBound { b, evict: None }))
    }
}

/// A binding with the device buffer its cache evictor fills.
struct DeviceBound<'l> {
    b: Bound<'l>,
    evict: Option<Buffer<u8>>,
}

impl DeviceBound<'_> {
    /// Fills a [`kiln_device::EVICT_BYTES`] device buffer with the device's
    /// own threads (on PoCL, the threads that run kernels; on a GPU, its
    /// caches), then waits.
    fn try_evict(&mut self) -> Result<(), OclError> {
        let rt = &self.b.loaded().runtime();
        if self.evict.is_none() {
            // SAFETY: a fresh buffer; no host pointer is passed.
            #[allow(unsafe_code)]
            let buf = unsafe {
                Buffer::<u8>::create(
                    rt.context(),
                    CL_MEM_READ_WRITE,
                    kiln_device::EVICT_BYTES,
                    std::ptr::null_mut(),
                )
            }
            .map_err(call_err("clCreateBuffer"))?;
            self.evict = Some(buf);
        }
        let buf = self.evict.as_mut().expect("set above");
        // SAFETY: the pattern and range lie within the buffer; `finish`
        // waits for the fill before the buffer can be touched again.
        #[allow(unsafe_code)]
        unsafe {
            rt.queue()
                .enqueue_fill_buffer(buf, &[0xA5u8], 0, kiln_device::EVICT_BYTES, &[])
        }
        .map_err(call_err("clEnqueueFillBuffer"))?;
        rt.queue().finish().map_err(call_err("clFinish"))
    }
}

impl kiln_device::Bound for DeviceBound<'_> {
    fn set_input(&mut self, index: usize, value: &HostTensor) -> Result<(), DeviceError> {
        self.b.set_input(index, value).map_err(unavailable)
    }

    fn fill_sentinel(&mut self) -> Result<(), DeviceError> {
        self.b.fill_sentinel().map_err(unavailable)
    }

    fn launch(&mut self) -> Result<f64, DeviceError> {
        self.b.launch().map_err(unavailable)
    }

    fn outputs(&self) -> Result<Vec<HostTensor>, DeviceError> {
        self.b.outputs().map_err(unavailable)
    }

    fn evict(&mut self) {
        // Eviction only makes a measurement colder; a failed one leaves it
        // as warm as without `--cold`, which the next launch reports anyway.
        let _ = self.try_evict();
    }
}
