"""Wall time of kiln.ray.tune_many for 6 small jobs (3 on the CPU, 3 on
the OpenCL device) on a one-node Ray cluster, against tuning the same jobs
one after another with kiln.tune, in one run (fresh caches for both).

    RAY_USAGE_STATS_ENABLED=0 RAY_AUTH_MODE=disabled python python/benches/fleet.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
os.environ.setdefault("RAY_AUTH_MODE", "disabled")

import ray  # noqa: E402

import kiln  # noqa: E402
import kiln.ray as kr  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "tests"))
from test_ray import JOBS  # noqa: E402

BUDGET = {"trials": 8, "time_per_trial_ms": 50}


def main():
    t0 = time.perf_counter()
    ray.init(num_cpus=2, resources={"kiln_cpu": 1, "kiln_opencl": 1}, include_dashboard=False,
             object_store_memory=80 * 1024 * 1024, log_to_driver=False)
    t_init = time.perf_counter() - t0
    fleet = kr.tune_many(JOBS, BUDGET, cache=tempfile.mkdtemp(), progress=False)
    ray.shutdown()
    print(fleet.table())
    seq_cache = tempfile.mkdtemp()
    t1 = time.perf_counter()
    trials = 0
    for j in JOBS:
        k = kiln.load(j["file"]).kernel(j["kernel"])
        for s in j["sizes"]:
            r = kiln.tune(k, s, {"cpu": "cpu", "opencl": "opencl:0"}[j["device"]],
                          cache=seq_cache, progress=False, trials=BUDGET["trials"],
                          time_per_trial_ms=BUDGET["time_per_trial_ms"])
            trials += r.trials
    seq = time.perf_counter() - t1
    print(f"ray.init {t_init:.1f} s; tune_many {fleet.elapsed_s:.1f} s "
          f"({fleet.trials_stored} trials); one after another {seq:.1f} s ({trials} trials); "
          f"ratio {seq / fleet.elapsed_s:.2f}x")


if __name__ == "__main__":
    main()
