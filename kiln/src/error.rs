//! One error type for the library, with what went wrong named.

/// Errors of the `kiln` library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The source has errors; the text holds every diagnostic rendered
    /// against the source (with spans).
    #[error("{0}")]
    Source(String),
    /// A call that does not fit the kernel (sizes, arguments), rendered
    /// with its span where it has one.
    #[error("{0}")]
    Call(String),
    /// No kernel of that name.
    #[error("no kernel `{name}` (kernels: {known})")]
    NoKernel {
        /// As asked.
        name: String,
        /// Kernels in the module.
        known: String,
    },
    /// An artifact manifest that cannot be read or written.
    #[error(transparent)]
    Manifest(#[from] kiln_device::manifest::ManifestError),
    /// A device, compile or run error.
    #[error(transparent)]
    Device(#[from] kiln_device::DeviceError),
    /// A schedule that does not fit.
    #[error(transparent)]
    Schedule(#[from] kiln_schedule::ScheduleError),
    /// The tuning cache failed.
    #[error(transparent)]
    Cache(#[from] kiln_cache::CacheError),
    /// Tuning failed.
    #[error(transparent)]
    Tune(#[from] kiln_tuner::TuneError),
    /// The reference interpreter failed (e.g. integer division by zero).
    #[error(transparent)]
    Interp(#[from] kiln_interp::InterpError),
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// Cause.
        source: std::io::Error,
    },
}

/// `Result` with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
