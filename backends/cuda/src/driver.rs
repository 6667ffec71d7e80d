//! The run half of the CUDA backend: the driver API through cudarc,
//! loaded at run time (`dynamic-loading`), so a kiln binary starts on any
//! machine and a missing driver is an error, never a panic (cudarc panics
//! when `libcuda.so` is absent: [`driver_present`] is asked first).

use crate::compile::CudaProgram;
use crate::resources::SmLimits;
use cudarc::driver::sys::{CUdevice_attribute, CUevent_flags};
use cudarc::driver::{
    CudaContext, CudaFunction, CudaModule, CudaSlice, CudaStream, DriverError, LaunchConfig,
    PushKernelArg,
};
use cudarc::nvrtc::Ptx;
use kiln_device::DeviceError;
use kiln_tensor::HostTensor;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Whether `libcuda` can be loaded on this machine.
pub fn driver_present() -> bool {
    // SAFETY: only tries to dlopen the library by its usual names.
    #[allow(unsafe_code)]
    unsafe {
        cudarc::driver::sys::is_culib_present()
    }
}

/// Why CUDA is unavailable here, for `kiln devices` and errors.
pub const NO_DRIVER: &str = "no CUDA driver (libcuda.so.1 was not found); kernels still compile to PTX offline (`kiln compile --device cuda --arch sm_90 --emit ptx`)";

pub(crate) fn drv(call: &'static str) -> impl Fn(DriverError) -> DeviceError {
    move |e| DeviceError::Runtime(format!("CUDA {call} failed: {e}"))
}

/// What kiln knows of one CUDA device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GpuInfo {
    /// `cuda:<index>` position (driver ordinal).
    pub index: usize,
    /// Device name (`NVIDIA H100 80GB HBM3`).
    pub name: String,
    /// Compute capability.
    pub cc: (u32, u32),
    /// Streaming multiprocessors.
    pub sms: usize,
    /// Global memory, bytes.
    pub memory: usize,
    /// L2 cache, bytes.
    pub l2: usize,
    /// Driver version (`12080` = 12.8).
    pub driver: i32,
    /// Limits read from the device.
    pub sm: SmLimits,
}

impl GpuInfo {
    /// `sm_XY`.
    pub fn arch(&self) -> String {
        format!("sm_{}{}", self.cc.0, self.cc.1)
    }

    /// Stable identity for caches: name, compute capability, SM count,
    /// memory, driver version (hex blake3).
    pub fn fingerprint(&self) -> String {
        let s = format!(
            "cuda|{}|{}.{}|{}|{}|{}",
            self.name, self.cc.0, self.cc.1, self.sms, self.memory, self.driver
        );
        blake3::hash(s.as_bytes()).to_hex()[..16].to_string()
    }

    /// One paragraph for `kiln devices`.
    pub fn describe(&self) -> String {
        format!(
            "cuda:{}: {} ({}, compute capability {}.{})\n  {} SMs, {} MiB memory, {} MiB L2, driver {}.{}, built for CUDA API 12.8\n  block: {} threads, {} KiB shared, {} registers; SM: {} threads, {} KiB shared\n  fingerprint {}",
            self.index,
            self.name,
            self.arch(),
            self.cc.0,
            self.cc.1,
            self.sms,
            self.memory >> 20,
            self.l2 >> 20,
            self.driver / 1000,
            (self.driver % 1000) / 10,
            self.sm.threads_per_block,
            self.sm.smem_per_block >> 10,
            self.sm.regs_per_block,
            self.sm.threads_per_sm,
            self.sm.smem_per_sm >> 10,
            self.fingerprint()
        )
    }
}

fn attr(ctx: &CudaContext, a: CUdevice_attribute) -> Result<usize, DeviceError> {
    ctx.attribute(a)
        .map(|v| v.max(0) as usize)
        .map_err(drv("cuDeviceGetAttribute"))
}

fn driver_version() -> Result<i32, DeviceError> {
    let mut v = 0i32;
    // SAFETY: writes one int.
    #[allow(unsafe_code)]
    unsafe { cudarc::driver::sys::cuDriverGetVersion(&mut v) }
        .result()
        .map_err(drv("cuDriverGetVersion"))?;
    Ok(v)
}

fn info_of(index: usize, ctx: &CudaContext) -> Result<GpuInfo, DeviceError> {
    use CUdevice_attribute::*;
    let (ma, mi) = ctx
        .compute_capability()
        .map_err(drv("cuDeviceGetAttribute"))?;
    let (ma, mi) = (ma.max(0) as u32, mi.max(0) as u32);
    let published = SmLimits::for_cc(ma, mi);
    let sm = SmLimits {
        regs_per_sm: attr(ctx, CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_MULTIPROCESSOR)?,
        regs_per_block: attr(ctx, CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_BLOCK)?,
        regs_per_thread: published.regs_per_thread,
        smem_per_sm: attr(
            ctx,
            CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_MULTIPROCESSOR,
        )?,
        smem_per_block: attr(ctx, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK)?,
        threads_per_sm: attr(ctx, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR)?,
        blocks_per_sm: attr(ctx, CU_DEVICE_ATTRIBUTE_MAX_BLOCKS_PER_MULTIPROCESSOR)?,
        threads_per_block: attr(ctx, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK)?,
    };
    Ok(GpuInfo {
        index,
        name: ctx.name().map_err(drv("cuDeviceGetName"))?,
        cc: (ma, mi),
        sms: attr(ctx, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT)?,
        memory: ctx.total_mem().map_err(drv("cuDeviceTotalMem"))?,
        l2: attr(ctx, CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE)?,
        driver: driver_version()?,
        sm,
    })
}

fn unavailable() -> DeviceError {
    DeviceError::Unavailable {
        kind: "cuda".into(),
        why: NO_DRIVER.into(),
    }
}

/// Every CUDA device, in `cuda:N` order.
pub fn devices() -> Result<Vec<GpuInfo>, DeviceError> {
    if !driver_present() {
        return Err(unavailable());
    }
    let n = CudaContext::device_count().map_err(|e| DeviceError::Unavailable {
        kind: "cuda".into(),
        why: format!("the CUDA driver is present but did not initialize: {e}"),
    })?;
    (0..n.max(0) as usize)
        .map(|i| info_of(i, &*CudaContext::new(i).map_err(drv("cuCtxCreate"))?))
        .collect()
}

/// A device with its primary context and one stream. Cloning shares them.
#[derive(Clone)]
pub struct Runtime {
    /// The device.
    pub info: GpuInfo,
    ctx: Arc<CudaContext>,
    stream: Arc<CudaStream>,
}

impl Runtime {
    /// Opens device `cuda:index`.
    pub fn new(index: usize) -> Result<Runtime, DeviceError> {
        if !driver_present() {
            return Err(unavailable());
        }
        let count = CudaContext::device_count().map_err(drv("cuDeviceGetCount"))?;
        if index >= count.max(0) as usize {
            return Err(DeviceError::NoDevice {
                name: format!("cuda:{index}"),
                kind: "CUDA".into(),
                count: count.max(0) as usize,
            });
        }
        let ctx = CudaContext::new(index).map_err(drv("cuCtxCreate"))?;
        // One stream, in order: no per-buffer event bookkeeping needed.
        // SAFETY: every buffer of this context is used on `stream` only.
        #[allow(unsafe_code)]
        unsafe {
            ctx.disable_event_tracking()
        };
        let stream = ctx.default_stream();
        Ok(Runtime {
            info: info_of(index, &ctx)?,
            ctx,
            stream,
        })
    }

    /// The stream every launch and copy goes on.
    pub fn stream(&self) -> &Arc<CudaStream> {
        &self.stream
    }

    /// Copies a host tensor to a new device buffer.
    pub fn upload(&self, t: &HostTensor) -> Result<CudaSlice<u8>, DeviceError> {
        let mut b = t.to_le_bytes();
        if b.is_empty() {
            b.push(0);
        }
        let d = self.stream.clone_htod(&b).map_err(drv("cuMemcpyHtoD"))?;
        check_aligned(&d, &self.stream)?;
        Ok(d)
    }

    /// Copies a device buffer back as a tensor of `dtype` and `shape`.
    pub fn download(
        &self,
        b: &CudaSlice<u8>,
        dtype: kiln_ir::DType,
        shape: &[usize],
    ) -> Result<HostTensor, DeviceError> {
        let bytes = self.stream.clone_dtoh(b).map_err(drv("cuMemcpyDtoH"))?;
        let n = shape.iter().product::<usize>() * dtype.size_bytes();
        Ok(HostTensor::from_le_bytes(
            dtype,
            shape.to_vec(),
            &bytes[..n.min(bytes.len())],
        ))
    }

    /// Loads a program: the cubin when ptxas made one for this device's
    /// architecture, else the PTX (the driver compiles it).
    pub fn load(&self, prog: CudaProgram) -> Result<Loaded, DeviceError> {
        let t0 = std::time::Instant::now();
        let mut from = "ptx (driver JIT)";
        let module = match prog
            .cubin
            .as_ref()
            .filter(|_| prog.arch == self.info.arch())
        {
            Some(c) => match self.ctx.load_module(Ptx::from_binary(c.clone())) {
                Ok(m) => {
                    from = "cubin (ptxas)";
                    Ok(m)
                }
                Err(_) => self.ctx.load_module(Ptx::from_src(prog.ptx.clone())),
            },
            None => self.ctx.load_module(Ptx::from_src(prog.ptx.clone())),
        }
        .map_err(drv("cuModuleLoadData"))?;
        let funcs = prog
            .stmts
            .iter()
            .map(|s| module.load_function(&s.name))
            .collect::<Result<Vec<_>, _>>()
            .map_err(drv("cuModuleGetFunction"))?;
        Ok(Loaded {
            rt: self.clone(),
            _module: module,
            funcs,
            prog,
            from,
            load_s: t0.elapsed().as_secs_f64(),
        })
    }

    /// Times `f` (work enqueued on the stream) with CUDA events: seconds
    /// of device time.
    pub fn time(&self, f: impl FnOnce() -> Result<(), DeviceError>) -> Result<f64, DeviceError> {
        let flags = Some(CUevent_flags::CU_EVENT_DEFAULT);
        let start = self
            .stream
            .record_event(flags)
            .map_err(drv("cuEventRecord"))?;
        f()?;
        let end = self
            .stream
            .record_event(flags)
            .map_err(drv("cuEventRecord"))?;
        let ms = start.elapsed_ms(&end).map_err(drv("cuEventElapsedTime"))?;
        Ok(ms as f64 * 1e-3)
    }

    /// Allocates `bytes` of zeroed device memory.
    pub fn alloc(&self, bytes: usize) -> Result<CudaSlice<u8>, DeviceError> {
        let d = self
            .stream
            .alloc_zeros::<u8>(bytes.max(1))
            .map_err(drv("cuMemAlloc"))?;
        check_aligned(&d, &self.stream)?;
        Ok(d)
    }

    /// Bytes an L2 flush writes: twice the L2, at least 64 MiB.
    pub fn flush_bytes(&self) -> usize {
        (2 * self.info.l2).max(kiln_device::EVICT_BYTES)
    }
}

/// Kernels declare their buffers [`kiln_mlir::GPU_ARG_ALIGN`]-aligned
/// (the driver's allocations are 256-byte aligned); a buffer that is not
/// would make vector accesses fault, so it is an error here instead.
fn check_aligned(d: &CudaSlice<u8>, s: &Arc<CudaStream>) -> Result<(), DeviceError> {
    use cudarc::driver::DevicePtr;
    let (ptr, _sync) = d.device_ptr(s);
    if !(ptr as usize).is_multiple_of(kiln_mlir::GPU_ARG_ALIGN) {
        return Err(DeviceError::Runtime(format!(
            "the CUDA driver returned a buffer at {ptr:#x}, not {}-byte aligned",
            kiln_mlir::GPU_ARG_ALIGN
        )));
    }
    Ok(())
}

/// A program loaded into the context: one function per launch.
pub struct Loaded {
    pub(crate) rt: Runtime,
    _module: Arc<CudaModule>,
    funcs: Vec<CudaFunction>,
    pub(crate) prog: CudaProgram,
    /// What the module was loaded from.
    pub from: &'static str,
    /// Seconds to load (and JIT).
    pub load_s: f64,
}

/// A loaded program with device buffers for one set of inputs.
pub struct Bound<'l> {
    pub(crate) loaded: &'l Loaded,
    bufs: Vec<CudaSlice<u8>>,
    flag: Option<CudaSlice<u8>>,
    flush: Option<CudaSlice<u8>>,
}

impl Loaded {
    /// Uploads `inputs` (declaration order) and allocates outputs and
    /// temporaries.
    pub fn bind(&self, inputs: &[HostTensor]) -> Result<Bound<'_>, DeviceError> {
        let host = self.prog.signature.host_buffers(inputs)?;
        let bufs = host
            .iter()
            .map(|h| self.rt.upload(h))
            .collect::<Result<Vec<_>, _>>()?;
        let flag = if self.prog.stmts.iter().any(|s| s.err_flag) {
            Some(self.rt.alloc(4)?)
        } else {
            None
        };
        Ok(Bound {
            loaded: self,
            bufs,
            flag,
            flush: None,
        })
    }

    /// Launches per run.
    pub fn launches(&self) -> usize {
        self.prog.stmts.len()
    }
}

impl Bound<'_> {
    /// Runs every launch in order; returns device seconds from the first
    /// launch's start to the last one's end (CUDA events). A set error
    /// flag is [`DeviceError::DivByZero`].
    pub fn launch(&mut self) -> Result<f64, DeviceError> {
        let l = self.loaded;
        let rt = &l.rt;
        let (bufs, flag) = (&self.bufs, &self.flag);
        let seconds = rt.time(|| {
            for (s, f) in l.prog.stmts.iter().zip(&l.funcs) {
                let mut b = rt.stream.launch_builder(f);
                for t in &s.args {
                    b.arg(&bufs[t.into_raw().into_u32() as usize]);
                }
                if let (true, Some(flag)) = (s.err_flag, flag) {
                    b.arg(flag);
                }
                let grid = [s.global[0] / s.workgroup[0], s.global[1] / s.workgroup[1]];
                let cfg = LaunchConfig {
                    grid_dim: (grid[0] as u32, grid[1] as u32, 1),
                    block_dim: (s.workgroup[0] as u32, s.workgroup[1] as u32, 1),
                    shared_mem_bytes: 0,
                };
                // SAFETY: the entry takes one pointer per tensor of `args`
                // (each buffer holds that tensor), then the error flag when
                // `err_flag`; grid and block come from the same emitted
                // module and were validated against the device's limits.
                #[allow(unsafe_code)]
                unsafe { b.launch(cfg) }.map_err(drv("cuLaunchKernel"))?;
            }
            Ok(())
        })?;
        if let Some(f) = &mut self.flag {
            let v = rt.stream.clone_dtoh(f).map_err(drv("cuMemcpyDtoH"))?;
            let v = i32::from_le_bytes([v[0], v[1], v[2], v[3]]);
            if v != 0 {
                rt.stream.memset_zeros(f).map_err(drv("cuMemsetD8"))?;
                l.prog.signature.check_flag(v)?;
            }
        }
        Ok(seconds)
    }

    /// Fills outputs and temporaries with [`HostTensor::sentinel`].
    pub fn fill_sentinel(&mut self) -> Result<(), DeviceError> {
        for (i, t) in self.loaded.prog.signature.sentinels() {
            self.bufs[i] = self.loaded.rt.upload(&t)?;
        }
        Ok(())
    }

    /// Replaces input `index` (declaration order).
    pub fn set_input(&mut self, index: usize, x: &HostTensor) -> Result<(), DeviceError> {
        let t = self.loaded.prog.signature.check_input(index, x)?;
        self.bufs[t] = self.loaded.rt.upload(x)?;
        Ok(())
    }

    /// Downloads the outputs, in declaration order.
    pub fn outputs(&self) -> Result<Vec<HostTensor>, DeviceError> {
        let sig = &self.loaded.prog.signature;
        sig.outputs
            .iter()
            .map(|&t| {
                let ts = &sig.tensors[t];
                self.loaded.rt.download(&self.bufs[t], ts.dtype, &ts.shape)
            })
            .collect()
    }

    /// Writes a buffer of twice the L2 size, so the next launch starts
    /// with a cold L2 (outside any timed region).
    pub fn flush_l2(&mut self) -> Result<(), DeviceError> {
        let rt = &self.loaded.rt;
        if self.flush.is_none() {
            self.flush = Some(rt.alloc(rt.flush_bytes())?);
        }
        let f = self.flush.as_mut().expect("allocated above");
        rt.stream.memset_zeros(f).map_err(drv("cuMemsetD8"))?;
        rt.stream.synchronize().map_err(drv("cuStreamSynchronize"))
    }
}
