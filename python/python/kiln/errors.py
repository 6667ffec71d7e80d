"""Exceptions raised by kiln.

Every exception is a :class:`KilnError`; each also derives from the
built-in exception a Python caller would expect (``ValueError`` for bad
arguments, ``TypeError`` for a wrong dtype, ...), so ``except ValueError``
keeps working. The message is kiln's own, with the source span rendered
for errors in kernel text.
"""


class KilnError(Exception):
    """Base of every kiln error."""


class SourceError(KilnError, ValueError):
    """The kernel source has errors; the message shows each with its span."""


class NoKernelError(KilnError, LookupError):
    """No kernel of that name in the module (the message lists them)."""


class ArgumentError(KilnError, ValueError):
    """Sizes, shapes or arguments that do not fit the kernel; the message
    names the argument (and dimension)."""


class DTypeError(ArgumentError, TypeError):
    """An array of the wrong dtype; the message names the argument."""


class ScheduleError(KilnError, ValueError):
    """A schedule that does not parse or does not fit the kernel or device
    (the message names the field)."""


class DeviceUnavailableError(KilnError):
    """The device does not exist here, or its driver is missing."""


class CompileError(KilnError):
    """Code generation failed."""


class ExecutionError(KilnError, RuntimeError):
    """A run failed (e.g. integer division by zero, naming the statement)."""


class OutOfMemoryError(KilnError, MemoryError):
    """The tensors do not fit in memory."""


class CacheError(KilnError):
    """The tuning cache could not be read or written."""


class TuneError(KilnError):
    """Tuning failed, or no tuned schedule exists where one was required."""


class KilnIOError(KilnError, OSError):
    """A file could not be read."""


__all__ = [
    "KilnError",
    "SourceError",
    "NoKernelError",
    "ArgumentError",
    "DTypeError",
    "ScheduleError",
    "DeviceUnavailableError",
    "CompileError",
    "ExecutionError",
    "OutOfMemoryError",
    "CacheError",
    "TuneError",
    "KilnIOError",
]
