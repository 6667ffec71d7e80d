"""Fleet tuning on a single-node Ray cluster started here, with the CPU and
the OpenCL device (PoCL) offered as the custom resources kiln asks for."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kiln
import kiln.ray as kr

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "ir-specs"

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
os.environ.setdefault("RAY_AUTH_MODE", "disabled")

import ray  # a test dependency (scripts/setup.sh installs it); kiln itself runs without it

# Three jobs per device kind, one shape set each, so 6 (job, shape) tasks.
JOBS = [
    {"file": str(SPECS / "softmax.kiln"), "kernel": "softmax", "device": "cpu",
     "sizes": [{"R": 32, "C": 128}]},
    {"file": str(SPECS / "row_sum.kiln"), "kernel": "row_sum", "device": "cpu",
     "sizes": [{"R": 64, "C": 64}]},
    {"file": str(SPECS / "relu_bias.kiln"), "kernel": "relu_bias", "device": "cpu",
     "sizes": [{"R": 16, "C": 256}]},
    {"file": str(SPECS / "matmul.kiln"), "kernel": "matmul", "device": "opencl",
     "sizes": [{"M": 32, "N": 32, "K": 32}]},
    {"file": str(SPECS / "row_sum.kiln"), "kernel": "row_sum", "device": "opencl",
     "sizes": [{"R": 32, "C": 64}]},
    {"file": str(SPECS / "relu_bias.kiln"), "kernel": "relu_bias", "device": "opencl",
     "sizes": [{"R": 8, "C": 128}]},
]
BUDGET = {"trials": 3, "time_per_trial_ms": 20}


@pytest.fixture(scope="module")
def cluster():
    ray.init(
        num_cpus=2,
        resources={"kiln_cpu": 1, "kiln_opencl": 1},
        include_dashboard=False,
        object_store_memory=80 * 1024 * 1024,
        log_to_driver=False,
    )
    yield
    ray.shutdown()


def trial_count(cache_dir):
    return len(kiln.Cache(cache_dir).export()["trials"])


def test_six_jobs_over_two_kinds_complete_and_a_rerun_does_no_work(cluster, tmp_path):
    cache = str(tmp_path / "fleet")
    s = kr.tune_many(JOBS, BUDGET, cache=cache, progress=False)
    assert [r.status for r in s.results] == ["tuned"] * 6, s.table()
    assert not s.failed
    winners = kiln.Cache(cache).list()
    assert len(winners) == 6
    for r in s.results:
        w = next(w for w in winners if w["key_id"] == r.key)
        # Keyed by the fingerprint of the device that measured it.
        assert w["key"]["device"].startswith(r.kind + ":"), (r.kind, w["key"]["device"])
        assert w["key"]["kernel"] == r.kernel and w["key"]["sizes"] == r.sizes
        assert r.trials >= 3 and r.best_s and r.node
        # Every streamed trial is in the driver's cache.
        assert len(kiln.Cache(cache).trials(r.key)) == r.trials
    assert s.trials_stored == sum(r.trials for r in s.results) == trial_count(cache)
    table = s.table()
    assert "softmax R=32" in table and "speed-up" in table and "6 jobs" in table

    again = kr.tune_many(JOBS, BUDGET, cache=cache, progress=False)
    assert [r.status for r in again.results] == ["cached"] * 6
    assert again.trials_stored == 0 and all(r.trials == 0 for r in again.results)
    assert trial_count(cache) == s.trials_stored


def test_a_killed_worker_loses_no_trial_and_the_job_completes(cluster, tmp_path):
    cache = str(tmp_path / "kill")
    job = {"file": str(SPECS / "softmax.kiln"), "kernel": "softmax", "device": "cpu",
           "sizes": [{"R": 64, "C": 256}]}
    before_kill = []
    killed = []

    def on_event(e):
        if e["type"] == "start" and not killed:
            killed.append(e["pid"])
        elif e["type"] == "trial":
            if len(killed) == 1:
                before_kill.append(e["trial"])
                if len(before_kill) == 2:
                    os.kill(killed[0], signal.SIGKILL)
                    killed.append("done")

    s = kr.tune_many([job], {"trials": 12, "time_per_trial_ms": 40}, cache=cache,
                     progress=False, on_event=on_event)
    (r,) = s.results
    assert killed[-1] == "done", "the worker was never killed"
    assert r.status == "tuned" and r.attempts == 2, s.table()
    stored = kiln.Cache(cache).trials(r.key)
    # Every trial streamed before the kill survived, and the second attempt
    # resumed from them instead of measuring them again.
    keyed = {(t["schedule"].__repr__(), t["created_at"]) for t in stored}
    for t in before_kill:
        assert (t["schedule"].__repr__(), t["created_at"]) in keyed
    assert len(stored) == r.trials and r.trials >= len(before_kill) + 12
    schedules = [repr(t["schedule"]) for t in stored if t["status"] == "ok"]
    assert len(schedules) == len(set(schedules)), "a trial was measured twice"
    assert any(w["key_id"] == r.key for w in kiln.Cache(cache).list())


def test_missing_resources_and_bad_job_files_are_clear_errors(cluster, tmp_path):
    with pytest.raises(kiln.DeviceUnavailableError, match=r"GPU"):
        kr.tune_many([dict(JOBS[0], device="cuda")], BUDGET, cache=str(tmp_path / "c"),
                     progress=False)
    with pytest.raises(kiln.ArgumentError, match=r"jobs\[0\]\.device"):
        kr.tune_many([dict(JOBS[0], device="tpu")], BUDGET, progress=False)
    f = tmp_path / "jobs.toml"
    f.write_text('[budget]\ntrials = 2\n[[job]]\nfile = "x.kiln"\nkernel = "k"\nsizes = [{N = "8"}]\n')
    with pytest.raises(kiln.ArgumentError, match=r"job\[0\]\.sizes\[0\]\.N"):
        kr.load_jobs(f)
    f.write_text('[[job]]\nfile = "../k.kiln"\nkernel = "k"\ncolour = 1\nsizes = [{N = 8}]\n')
    with pytest.raises(kiln.ArgumentError, match=r"unknown field.*colour"):
        kr.load_jobs(f)


def test_a_job_file_runs_through_the_command_line(cluster, tmp_path):
    f = tmp_path / "jobs.toml"
    f.write_text(
        "[budget]\ntrials = 2\ntime_per_trial_ms = 20\n\n[[job]]\n"
        f'file = "{SPECS / "row_max.kiln"}"\nkernel = "row_max"\ndevice = "cpu"\n'
        "sizes = [{R = 8, C = 32}, {R = 16, C = 32}]\n"
    )
    jobs, budget = kr.load_jobs(f)
    assert budget == {"trials": 2, "time_per_trial_ms": 20} and len(jobs[0].sizes) == 2
    # main() joins the cluster this process started.
    assert kr.main([str(f), "--cache", str(tmp_path / "cli")]) == 0
    assert len(kiln.Cache(tmp_path / "cli").list()) == 2


def test_kiln_ray_says_clearly_when_ray_is_missing():
    code = (
        "import sys; sys.modules['ray'] = None\n"
        "import kiln.ray\n"
        "try:\n"
        "    kiln.ray.tune_many([], {'trials': 1})\n"
        "except ImportError as e:\n"
        "    print('ERR', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=str(ROOT / "python" / "tests"), timeout=120)
    assert "ERR kiln.ray needs Ray, which is not installed" in out.stdout, out.stderr
