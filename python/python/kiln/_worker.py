"""The measurement worker: serves kiln's worker protocol on stdin/stdout
for :func:`kiln.tune`, so a crashing or hanging candidate takes down only
this process. Started by :func:`kiln.worker_command`."""

import sys


def main() -> None:
    """Serves requests until stdin closes, then exits."""
    from kiln import _native

    sys.exit(_native.worker_main())


if __name__ == "__main__":
    main()
