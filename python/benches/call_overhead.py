"""What a Python call costs over the kernel alone: a compiled CPU kernel
called from Python (numpy arrays in place, with and without ``out=``)
against ``kiln bench`` of the same schedule, measured in one run in
alternating rounds; medians and ratios.

    KILN=target/release/kiln python python/benches/call_overhead.py

The package should be built in the same profile as ``$KILN``
(``pip install ./python`` builds release).
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import kiln

ROOT = Path(__file__).resolve().parents[2]
CASES = [
    ("matmul.kiln", "matmul", {"M": 1024, "N": 1024, "K": 1024}),
    ("softmax.kiln", "softmax", {"R": 4096, "C": 4096}),
]
ROUNDS = 5
SECONDS = 1.5


def time_calls(f, seconds):
    f()
    samples = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(samples) < 5:
        t0 = time.perf_counter()
        f()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main():
    exe = os.environ.get("KILN") or str(ROOT / "target" / "release" / "kiln")
    cache = tempfile.mkdtemp(prefix="kiln-bench-")
    print(f"kiln {kiln.__version__}; kiln bench = {exe}")
    print("| kernel | kiln bench | Python call, out= | Python call, new output | out= / bench | new / bench |")
    print("|---|---|---|---|---|---|")
    for file, name, sizes in CASES:
        k = kiln.load(ROOT / "ir-specs" / file).kernel(name)
        c = k.compile("cpu", sizes, schedule="default", cache=cache)
        sched = Path(cache) / f"{name}.json"
        sched.write_text(json.dumps(c.schedule))
        rng = np.random.default_rng(0)
        ins = [rng.standard_normal(a.shape).astype(a.dtype) for a in c.inputs]
        out = np.empty(c.outputs[0].shape, c.outputs[0].dtype)
        shape = ",".join(f"{s}={v}" for s, v in sizes.items())
        bench, call_out, call_new = [], [], []
        for _ in range(ROUNDS):
            r = subprocess.run(
                [exe, "bench", str(ROOT / "ir-specs" / file), "--shape", shape, "--schedule",
                 str(sched), "--seconds", str(SECONDS), "--json", "--cache", cache],
                capture_output=True, text=True, check=True)
            bench.append(json.loads(r.stdout)["median_s"])
            call_out.append(time_calls(lambda: c(*ins, out=out), SECONDS))
            call_new.append(time_calls(lambda: c(*ins), SECONDS))
        b, o, n = (statistics.median(x) for x in (bench, call_out, call_new))
        print(f"| {name} {shape} | {b * 1e3:.3f} ms | {o * 1e3:.3f} ms | {n * 1e3:.3f} ms "
              f"| {o / b:.3f} | {n / b:.3f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
